"""Edges that present results: JSON for programs, tables and CSV for people."""

from ._json import ASSESSMENT_FORMAT, assessment_dict, scorecard_dict, scorecard_json
from ._numbers import decimal_string, vi_number

__all__ = [
    "ASSESSMENT_FORMAT",
    "assessment_dict",
    "decimal_string",
    "scorecard_dict",
    "scorecard_json",
    "vi_number",
]
