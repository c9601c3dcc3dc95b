"""Edges that present results: JSON for programs, tables and CSV for people."""

from ._csv import CSV_COLUMNS, csv_safe, scorecard_csv
from ._html import assessment_html, scorecard_html, summary_html
from ._json import ASSESSMENT_FORMAT, assessment_dict, scorecard_dict, scorecard_json
from ._numbers import decimal_string, vi_number
from ._table import display_width, explanation_lines, scorecard_table

__all__ = [
    "ASSESSMENT_FORMAT",
    "CSV_COLUMNS",
    "assessment_dict",
    "assessment_html",
    "csv_safe",
    "decimal_string",
    "display_width",
    "explanation_lines",
    "scorecard_csv",
    "scorecard_dict",
    "scorecard_html",
    "scorecard_json",
    "scorecard_table",
    "summary_html",
    "vi_number",
]
