"""Scoring: pure functions from a dataset to assessments, roll-ups, grades and ranks (SPEC §3)."""

from ._assess import METHODS, Method, Scorecard, assess
from ._cagr import CAGR, Cagr, CagrThresholds
from ._errors import ScoringError
from ._grades import DEFAULT_GRADES, Grade, GradeBands, GradeError
from ._linear import LINEAR, Linear, linear_assessment
from ._rollup import CommuneSummary
from ._types import Assessment, Explanation, PeriodResult, Point, TargetInputs
from ._vocab import Category, Edge, Status, Trend

__all__ = [
    "CAGR",
    "DEFAULT_GRADES",
    "LINEAR",
    "METHODS",
    "Assessment",
    "Cagr",
    "CagrThresholds",
    "Category",
    "CommuneSummary",
    "Edge",
    "Explanation",
    "Grade",
    "GradeBands",
    "GradeError",
    "Linear",
    "Method",
    "PeriodResult",
    "Point",
    "Scorecard",
    "ScoringError",
    "Status",
    "TargetInputs",
    "Trend",
    "assess",
    "linear_assessment",
]
