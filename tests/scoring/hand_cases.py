"""Hand-computed scoring cases: the acceptance oracle for SPEC §3.

Every case was worked out by hand from SPEC.md §1, §2.1 and §3 (not from the scoring code):
the ``working`` text of each case shows the computation step by step, and
``docs/scoring.md`` (section "Worked examples") reproduces every case under its id.

Conventions:

- periods are the dataset's period strings; a period counts by its *end* date
  (``"2021"`` ends 2021-12-31, ``"2021-Q3"`` ends 2021-09-30, ``"2022-H1"`` ends 2022-06-30);
- numbers are decimal strings rounded half-even to 6 places with trailing zeros stripped;
- ``target`` is ``None`` only for a checklist whose resolution requires all criteria;
- ``expect`` lists only the keys a case asserts.

Most cases use the Gia Lâm term 2019-04-12 → 2024-04-30, which lasts 1845 days. Days from
its start to the end of each calendar year, and the time-based expected progress they give:

==========  ====  ==================
data date   days  days / 1845
==========  ====  ==================
2019-12-31   263  0.142547
2020-03-31   354  0.19187
2020-12-31   629  0.340921
2021-12-31   994  0.538753
2022-12-31  1359  0.736585
2023-12-31  1724  0.934417
==========  ====  ==================
"""

from __future__ import annotations

from typing import NotRequired, TypedDict

__all__ = ["CASES", "Expect", "HandCase", "Obs"]


class Obs(TypedDict):
    """One observation of the commune for the case's indicator."""

    period: str
    value: str | bool | list[str]
    numerator: NotRequired[int]
    denominator: NotRequired[int]


class Expect(TypedDict, total=False):
    """The asserted fields of the assessment (only the keys present are asserted)."""

    status: str
    met: bool | None
    actual: str | None
    progress: str | None
    expected: str | None
    data_date: str | None
    trend: str | None
    edge: str | None
    missing_periods: list[str]
    category: str | None


class HandCase(TypedDict):
    """One target of one commune, its observations, and the hand-computed assessment."""

    id: str
    title: str
    wording: str
    measure: str
    direction: str
    accumulation: str
    criteria: list[str]
    term: tuple[str, str]
    comparator: str
    target: str | bool | None
    baseline: tuple[str, str] | None
    milestones: list[tuple[str, str]]
    observations: list[Obs]
    as_of: str
    method: str
    expect: Expect
    working: str


T1 = ("2019-04-12", "2024-04-30")
"""The Gia Lâm term 2019–2024: 1845 days."""

T2 = ("2024-07-10", "2029-07-31")
"""An illustrative commune term 2024–2029: 1847 days."""

KDC_CRITERIA = ["an_ninh_trat_tu", "moi_truong_xanh", "van_hoa", "sinh_ke"]
"""Criteria of a checklist indicator: the four criteria of a model residential area."""


def _o(period: str, value: str | bool | list[str]) -> Obs:
    return {"period": period, "value": value}


def _pct(period: str, value: str, numerator: int, denominator: int) -> Obs:
    return {"period": period, "value": value, "numerator": numerator, "denominator": denominator}


CASES: list[HandCase] = [
    # ------------------------------------------------------------------ comparators at equality
    {
        "id": "gt-equal-mid-term",
        "title": "Strict 'more than' target reached exactly, mid-term: not met, but on track",
        "wording": "đến năm 2024 có trên 98% hộ gia đình đạt danh hiệu Gia đình văn hóa",
        "measure": "percent",
        "direction": "increase",
        "accumulation": "latest",
        "criteria": [],
        "term": T1,
        "comparator": ">",
        "target": "98",
        "baseline": ("96.5", "2019-04-12"),
        "milestones": [],
        "observations": [_o("2020", "97.2"), _o("2021", "98")],
        "as_of": "2022-03-31",
        "method": "linear",
        "expect": {
            "status": "on_track",
            "met": False,
            "actual": "98",
            "progress": "1",
            "expected": "0.538753",
            "data_date": "2021-12-31",
            "trend": "improving",
            "edge": None,
        },
        "working": (
            "'trên 98%' means more than 98: comparator >, t = 98, b = 96.5.\n"
            "Counted: 2020 (ends 2020-12-31) and 2021 (ends 2021-12-31), both inside the term "
            "and on or before as_of 2022-03-31. Data date d = 2021-12-31.\n"
            "latest: a = 98 (the 2021 value).\n"
            "met: 98 > 98 is false.\n"
            "p = (a - b) / (t - b) = (98 - 96.5) / (98 - 96.5) = 1.5 / 1.5 = 1.\n"
            "e: no milestones; days(2021-12-31 - 2019-04-12) = 994, days of the term = 1845, "
            "e = 994 / 1845 = 0.538753.\n"
            "Not met, term not over (2022-03-31 < 2024-04-30), p = 1 >= e -> on_track.\n"
            "trend: 98 > 97.2 in an increase -> improving."
        ),
    },
    {
        "id": "ge-equal-mid-term",
        "title": "'At least' target reached exactly, mid-term: met, achieved (not exceeded)",
        "wording": "đến năm 2024 có 98% trở lên hộ gia đình đạt danh hiệu Gia đình văn hóa",
        "measure": "percent",
        "direction": "increase",
        "accumulation": "latest",
        "criteria": [],
        "term": T1,
        "comparator": ">=",
        "target": "98",
        "baseline": ("96.5", "2019-04-12"),
        "milestones": [],
        "observations": [_o("2020", "97.2"), _o("2021", "98")],
        "as_of": "2022-03-31",
        "method": "linear",
        "expect": {
            "status": "achieved",
            "met": True,
            "actual": "98",
            "progress": "1",
            "expected": "0.538753",
            "data_date": "2021-12-31",
            "trend": "improving",
            "edge": None,
        },
        "working": (
            "'98% trở lên' means at least 98: comparator >=, t = 98, b = 96.5.\n"
            "Counted: 2020 and 2021; d = 2021-12-31; a = 98.\n"
            "met: 98 >= 98 is true; 98 is not strictly better than 98 -> achieved "
            "(a met latest target is achieved or exceeded even mid-term).\n"
            "p = (98 - 96.5) / (98 - 96.5) = 1. e = 994 / 1845 = 0.538753.\n"
            "trend: 98 > 97.2 -> improving."
        ),
    },
    {
        "id": "lt-equal-term-over",
        "title": "Strict 'less than' target reached exactly; as_of is the term's last day",
        "wording": "đến năm 2024 giảm tỷ lệ hộ nghèo xuống dưới 1%",
        "measure": "percent",
        "direction": "decrease",
        "accumulation": "latest",
        "criteria": [],
        "term": T1,
        "comparator": "<",
        "target": "1",
        "baseline": ("3.2", "2019-04-12"),
        "milestones": [],
        "observations": [_o("2022", "1.6"), _o("2023", "1.0")],
        "as_of": "2024-04-30",
        "method": "linear",
        "expect": {
            "status": "not_achieved",
            "met": False,
            "actual": "1",
            "progress": "1",
            "expected": "0.934417",
            "data_date": "2023-12-31",
            "trend": "improving",
            "edge": None,
        },
        "working": (
            "'xuống dưới 1%' means less than 1: comparator <, t = 1, b = 3.2.\n"
            "as_of = 2024-04-30 = T.end, so the term is over (as_of >= T.end).\n"
            "Counted: 2022 and 2023 (ends 2023-12-31); d = 2023-12-31; a = 1.0, printed '1'.\n"
            "met: 1 < 1 is false. Baseline 3.2 < 1 is false (not met at baseline); t != b.\n"
            "p = (1 - 3.2) / (1 - 3.2) = -2.2 / -2.2 = 1.\n"
            "e = days(2023-12-31 - 2019-04-12) / 1845 = 1724 / 1845 = 0.934417.\n"
            "Not met and term over -> not_achieved (p = 1 does not help once the term is over).\n"
            "trend: 1.0 < 1.6, lower is better -> improving."
        ),
    },
    {
        "id": "le-equal-term-over",
        "title": "'At most' target reached exactly; as_of is the term's last day: achieved",
        "wording": "đến năm 2024 giảm tỷ lệ hộ nghèo xuống còn 1%",
        "measure": "percent",
        "direction": "decrease",
        "accumulation": "latest",
        "criteria": [],
        "term": T1,
        "comparator": "<=",
        "target": "1",
        "baseline": ("3.2", "2019-04-12"),
        "milestones": [],
        "observations": [_o("2022", "1.6"), _o("2023", "1.0")],
        "as_of": "2024-04-30",
        "method": "linear",
        "expect": {
            "status": "achieved",
            "met": True,
            "actual": "1",
            "progress": "1",
            "expected": "0.934417",
            "data_date": "2023-12-31",
            "trend": "improving",
            "edge": None,
        },
        "working": (
            "'xuống còn 1%' means at most 1: comparator <=, t = 1, b = 3.2.\n"
            "Counted: 2022 and 2023; d = 2023-12-31; a = 1.0.\n"
            "met: 1 <= 1 is true; 1 is not strictly below 1 -> achieved.\n"
            "p = (1 - 3.2) / (1 - 3.2) = 1. e = 1724 / 1845 = 0.934417.\n"
            "trend: 1.0 < 1.6 -> improving."
        ),
    },
    {
        "id": "exceeded-with-numerator-denominator",
        "title": "Percent observations with numerator/denominator; target beaten: exceeded, p > 1",
        "wording": "đến năm 2024 có 95% trở lên hộ gia đình đạt danh hiệu Gia đình văn hóa",
        "measure": "percent",
        "direction": "increase",
        "accumulation": "latest",
        "criteria": [],
        "term": T1,
        "comparator": ">=",
        "target": "95",
        "baseline": ("92.1", "2019-04-12"),
        "milestones": [],
        "observations": [
            _pct("2020", "89.5", 1790, 2000),
            _pct("2021", "95.65", 1913, 2000),
        ],
        "as_of": "2022-03-31",
        "method": "linear",
        "expect": {
            "status": "exceeded",
            "met": True,
            "actual": "95.65",
            "progress": "1.224138",
            "expected": "0.538753",
            "data_date": "2021-12-31",
            "trend": "improving",
            "edge": None,
        },
        "working": (
            "t = 95 (>=), b = 92.1. Values agree exactly with their fractions: "
            "100 * 1790 / 2000 = 89.5 and 100 * 1913 / 2000 = 95.65.\n"
            "Counted: 2020 and 2021; d = 2021-12-31; a = 95.65.\n"
            "met: 95.65 >= 95; strictly better -> exceeded.\n"
            "p = (95.65 - 92.1) / (95 - 92.1) = 3.55 / 2.9 = 1.2241379... -> 1.224138 "
            "(progress is not clipped in the assessment; the score clips it to 1).\n"
            "e = 994 / 1845 = 0.538753. trend: 95.65 > 89.5 -> improving."
        ),
    },
    # ------------------------------------------------------------------------------ edges
    {
        "id": "met-at-baseline-exceeded",
        "title": "Baseline already beyond the target and still beyond: exceeded, p undefined",
        "wording": "đến năm 2024 có 95% trở lên hộ gia đình đạt danh hiệu Gia đình văn hóa",
        "measure": "percent",
        "direction": "increase",
        "accumulation": "latest",
        "criteria": [],
        "term": T1,
        "comparator": ">=",
        "target": "95",
        "baseline": ("96", "2019-04-12"),
        "milestones": [],
        "observations": [_o("2021", "97.1")],
        "as_of": "2022-03-31",
        "method": "linear",
        "expect": {
            "status": "exceeded",
            "met": True,
            "actual": "97.1",
            "progress": None,
            "expected": "0.538753",
            "data_date": "2021-12-31",
            "trend": None,
            "edge": "met_at_baseline",
        },
        "working": (
            "t = 95 (>=), b = 96. met(b): 96 >= 95 is true -> p undefined, "
            "edge met_at_baseline.\n"
            "Counted: 2021 only; d = 2021-12-31; a = 97.1; met: 97.1 >= 95, strictly better "
            "-> exceeded.\n"
            "e = 994 / 1845 = 0.538753 (computed as usual; it does not depend on p).\n"
            "trend: only one counted value -> none."
        ),
    },
    {
        "id": "met-at-baseline-slipped",
        "title": "Baseline beyond the target but the commune slipped below it: behind",
        "wording": "đến năm 2024 có 95% trở lên hộ gia đình đạt danh hiệu Gia đình văn hóa",
        "measure": "percent",
        "direction": "increase",
        "accumulation": "latest",
        "criteria": [],
        "term": T1,
        "comparator": ">=",
        "target": "95",
        "baseline": ("96", "2019-04-12"),
        "milestones": [],
        "observations": [_o("2020", "95.5"), _o("2021", "94.5")],
        "as_of": "2022-03-31",
        "method": "linear",
        "expect": {
            "status": "behind",
            "met": False,
            "actual": "94.5",
            "progress": None,
            "expected": "0.538753",
            "data_date": "2021-12-31",
            "trend": "worsening",
            "edge": "met_at_baseline",
        },
        "working": (
            "t = 95 (>=), b = 96: met at baseline -> p undefined, edge met_at_baseline.\n"
            "Counted: 2020, 2021; d = 2021-12-31; a = 94.5; met: 94.5 >= 95 is false.\n"
            "Not met, term not over, p undefined -> the 'otherwise' row -> behind.\n"
            "e = 994 / 1845 = 0.538753. trend: 94.5 < 95.5 in an increase -> worsening."
        ),
    },
    {
        "id": "decrease-no-baseline",
        "title": "Lower-is-better target without a baseline: p undefined, behind",
        "wording": "giảm tỷ lệ hộ nghèo đến năm 2024 xuống còn 1%",
        "measure": "percent",
        "direction": "decrease",
        "accumulation": "latest",
        "criteria": [],
        "term": T1,
        "comparator": "<=",
        "target": "1",
        "baseline": None,
        "milestones": [],
        "observations": [_o("2020", "2.4"), _o("2021", "1.8")],
        "as_of": "2022-03-31",
        "method": "linear",
        "expect": {
            "status": "behind",
            "met": False,
            "actual": "1.8",
            "progress": None,
            "expected": "0.538753",
            "data_date": "2021-12-31",
            "trend": "improving",
            "edge": "no_baseline",
        },
        "working": (
            "t = 1 (<=), decrease, no baseline -> p undefined, edge no_baseline "
            "(there is no natural zero to measure the gap from).\n"
            "Counted: 2020, 2021; d = 2021-12-31; a = 1.8; met: 1.8 <= 1 is false.\n"
            "Not met, term not over, p undefined -> behind.\n"
            "e = 994 / 1845 = 0.538753. trend: 1.8 < 2.4, lower is better -> improving."
        ),
    },
    {
        "id": "zero-gap",
        "title": "Strict target equal to the baseline: zero gap, p undefined, behind",
        "wording": "đến năm 2024 có trên 95% hộ gia đình đạt danh hiệu Gia đình văn hóa",
        "measure": "percent",
        "direction": "increase",
        "accumulation": "latest",
        "criteria": [],
        "term": T1,
        "comparator": ">",
        "target": "95",
        "baseline": ("95", "2019-04-12"),
        "milestones": [],
        "observations": [_o("2020", "95.3"), _o("2021", "94.8")],
        "as_of": "2022-03-31",
        "method": "linear",
        "expect": {
            "status": "behind",
            "met": False,
            "actual": "94.8",
            "progress": None,
            "expected": "0.538753",
            "data_date": "2021-12-31",
            "trend": "worsening",
            "edge": "zero_gap",
        },
        "working": (
            "t = 95 (>), b = 95. met(b): 95 > 95 is false; t == b -> p undefined "
            "(division by zero), edge zero_gap.\n"
            "Counted: 2020, 2021; d = 2021-12-31; a = 94.8; met: 94.8 > 95 is false.\n"
            "Not met, term not over, p undefined -> behind.\n"
            "e = 994 / 1845 = 0.538753. trend: 94.8 < 95.3 -> worsening."
        ),
    },
    # ------------------------------------------------------------------------- milestones
    {
        "id": "milestone-reached",
        "title": "A milestone has ended by the data date: e comes from it; the commune is behind",
        "wording": (
            "đến năm 2024 có 95% trở lên hộ gia đình đạt danh hiệu Gia đình văn hóa "
            "(năm 2020 đạt 93%, năm 2021 đạt 94,4%, năm 2023 đạt 94,8%)"
        ),
        "measure": "percent",
        "direction": "increase",
        "accumulation": "latest",
        "criteria": [],
        "term": T1,
        "comparator": ">=",
        "target": "95",
        "baseline": ("92", "2019-04-12"),
        "milestones": [("2020", "93"), ("2021", "94.4"), ("2023", "94.8")],
        "observations": [_o("2020", "93.1"), _o("2021", "94")],
        "as_of": "2022-03-31",
        "method": "linear",
        "expect": {
            "status": "behind",
            "met": False,
            "actual": "94",
            "progress": "0.666667",
            "expected": "0.8",
            "data_date": "2021-12-31",
            "trend": "improving",
            "edge": None,
        },
        "working": (
            "t = 95 (>=), b = 92. Counted: 2020, 2021; d = 2021-12-31; a = 94; not met.\n"
            "p = (94 - 92) / (95 - 92) = 2 / 3 = 0.666667.\n"
            "Milestones ending on or before d: 2020 (2020-12-31) and 2021 (2021-12-31, "
            "the same day as d, so it counts); 2023 has not ended. The latest is 2021, m = 94.4: "
            "e = (94.4 - 92) / (95 - 92) = 2.4 / 3 = 0.8.\n"
            "p = 0.666667 < e = 0.8 -> behind (the time-based e, 994 / 1845 = 0.538753, "
            "would have said on_track: the milestone takes precedence).\n"
            "trend: 94 > 93.1 -> improving."
        ),
    },
    {
        "id": "milestone-not-yet-reached",
        "title": "The only milestone ends after the data date (though before as_of): e by time",
        "wording": (
            "đến năm 2024 có 95% trở lên hộ gia đình đạt danh hiệu Gia đình văn hóa "
            "(6 tháng đầu năm 2022 đạt 94,4%, năm 2023 đạt 94,8%)"
        ),
        "measure": "percent",
        "direction": "increase",
        "accumulation": "latest",
        "criteria": [],
        "term": T1,
        "comparator": ">=",
        "target": "95",
        "baseline": ("92", "2019-04-12"),
        "milestones": [("2022-H1", "94.4"), ("2023", "94.8")],
        "observations": [_o("2020", "93.1"), _o("2021", "94")],
        "as_of": "2022-09-30",
        "method": "linear",
        "expect": {
            "status": "on_track",
            "met": False,
            "actual": "94",
            "progress": "0.666667",
            "expected": "0.538753",
            "data_date": "2021-12-31",
            "trend": "improving",
            "edge": None,
        },
        "working": (
            "t = 95 (>=), b = 92. Counted: 2020, 2021 (no 2022 observation yet); "
            "d = 2021-12-31; a = 94; not met; p = 2 / 3 = 0.666667.\n"
            "Milestones: 2022-H1 ends 2022-06-30, after d (it is before as_of 2022-09-30, "
            "but e is taken at the data date, not at as_of); 2023 ends 2023-12-31. None has "
            "ended by d -> e by time: 994 / 1845 = 0.538753.\n"
            "p >= e, not met, term not over -> on_track. trend: 94 > 93.1 -> improving."
        ),
    },
    # ----------------------------------------------------------------------- each_period
    {
        "id": "each-period-missed-year",
        "title": "'Every year' target, one year not reported: incomplete data, still on track",
        "wording": "hằng năm có trên 98% hộ gia đình đạt danh hiệu Gia đình văn hóa",
        "measure": "percent",
        "direction": "increase",
        "accumulation": "each_period",
        "criteria": [],
        "term": T1,
        "comparator": ">",
        "target": "98",
        "baseline": None,
        "milestones": [],
        "observations": [_o("2019", "98.4"), _o("2021", "98.6")],
        "as_of": "2022-06-30",
        "method": "linear",
        "expect": {
            "status": "on_track",
            "progress": "1",
            "expected": "1",
            "data_date": "2021-12-31",
            "trend": "improving",
            "edge": "incomplete_data",
            "missing_periods": ["2020"],
        },
        "working": (
            "'hằng năm ... trên 98%': each_period, comparator >, t = 98.\n"
            "Periods of the term: calendar years (the observations' length) ending in "
            "[2019-04-12, min(2024-04-30, 2022-06-30)] = 2019, 2020, 2021 "
            "(2022 ends 2022-12-31, after as_of).\n"
            "Counted: 2019 = 98.4 (met: 98.4 > 98), 2021 = 98.6 (met). 2020 has ended "
            "without an observation -> missing_periods [2020], edge incomplete_data.\n"
            "p_i = a_i / t: 98.4 / 98 = 1.0041 -> min 1; 98.6 / 98 -> min 1; "
            "p = mean(1, 1) = 1 (over counted periods only). e = 1.\n"
            "All counted periods met, term not over -> on_track. d = 2021-12-31.\n"
            "trend: 98.6 > 98.4 -> improving."
        ),
    },
    {
        "id": "each-period-failed-year-mid-term",
        "title": "'Every year at least 2' with one year short, mid-term: behind",
        "wording": "hằng năm tổ chức ít nhất 2 cuộc giám sát",
        "measure": "count",
        "direction": "increase",
        "accumulation": "each_period",
        "criteria": [],
        "term": T1,
        "comparator": ">=",
        "target": "2",
        "baseline": None,
        "milestones": [],
        "observations": [_o("2019", "2"), _o("2020", "1"), _o("2021", "3")],
        "as_of": "2022-06-30",
        "method": "linear",
        "expect": {
            "status": "behind",
            "met": False,
            "progress": "0.833333",
            "expected": "1",
            "data_date": "2021-12-31",
            "trend": "improving",
            "edge": None,
            "missing_periods": [],
        },
        "working": (
            "each_period, >=, t = 2. Periods of the term by 2022-06-30: 2019, 2020, 2021; "
            "all reported -> no missing periods, no edge.\n"
            "met_i: 2019: 2 >= 2 yes; 2020: 1 >= 2 no; 2021: 3 >= 2 yes.\n"
            "p_i = min(a_i / 2, 1): 1, 0.5, min(1.5, 1) = 1; p = (1 + 0.5 + 1) / 3 = "
            "0.833333. e = 1.\n"
            "A counted period is not met, term not over -> behind.\n"
            "trend: 3 > 1 -> improving."
        ),
    },
    {
        "id": "each-period-failed-year-term-over",
        "title": "'Every year at least 2' with one year short, term over: not achieved",
        "wording": "hằng năm tổ chức ít nhất 2 cuộc giám sát",
        "measure": "count",
        "direction": "increase",
        "accumulation": "each_period",
        "criteria": [],
        "term": T1,
        "comparator": ">=",
        "target": "2",
        "baseline": None,
        "milestones": [],
        "observations": [
            _o("2019", "2"),
            _o("2020", "1"),
            _o("2021", "3"),
            _o("2022", "2"),
            _o("2023", "2"),
        ],
        "as_of": "2024-06-30",
        "method": "linear",
        "expect": {
            "status": "not_achieved",
            "met": False,
            "progress": "0.9",
            "expected": "1",
            "data_date": "2023-12-31",
            "trend": "steady",
            "edge": None,
            "missing_periods": [],
        },
        "working": (
            "each_period, >=, t = 2. Term over (2024-06-30 >= 2024-04-30).\n"
            "Periods of the term: years ending in [2019-04-12, 2024-04-30] = 2019 ... 2023 "
            "(2024 ends 2024-12-31, after the term's end). All reported.\n"
            "p_i = 1, 0.5, 1, 1, 1; p = 4.5 / 5 = 0.9. e = 1.\n"
            "2020 not met and the term is over -> not_achieved. d = 2023-12-31.\n"
            "trend: 2023 = 2 vs 2022 = 2 -> steady."
        ),
    },
    {
        "id": "each-period-all-met-mid-term",
        "title": "'Every year at least 2', every year so far met: on track",
        "wording": "hằng năm tổ chức ít nhất 2 cuộc giám sát",
        "measure": "count",
        "direction": "increase",
        "accumulation": "each_period",
        "criteria": [],
        "term": T1,
        "comparator": ">=",
        "target": "2",
        "baseline": None,
        "milestones": [],
        "observations": [_o("2019", "2"), _o("2020", "3"), _o("2021", "2")],
        "as_of": "2022-06-30",
        "method": "linear",
        "expect": {
            "status": "on_track",
            "progress": "1",
            "expected": "1",
            "data_date": "2021-12-31",
            "trend": "worsening",
            "edge": None,
            "missing_periods": [],
        },
        "working": (
            "each_period, >=, t = 2. Periods by 2022-06-30: 2019, 2020, 2021, all reported.\n"
            "All met (2, 3, 2 >= 2). p_i = 1, min(1.5, 1) = 1, 1; p = 1; e = 1.\n"
            "All counted periods met, term not over -> on_track (not achieved: the term "
            "still has years to run).\n"
            "trend: 2 < 3 -> worsening (still meeting the target)."
        ),
    },
    {
        "id": "each-period-all-strict-term-over",
        "title": "'Every year at least 2', every year strictly above, term over: exceeded",
        "wording": "hằng năm tổ chức ít nhất 2 cuộc giám sát",
        "measure": "count",
        "direction": "increase",
        "accumulation": "each_period",
        "criteria": [],
        "term": T1,
        "comparator": ">=",
        "target": "2",
        "baseline": None,
        "milestones": [],
        "observations": [
            _o("2019", "3"),
            _o("2020", "4"),
            _o("2021", "3"),
            _o("2022", "5"),
            _o("2023", "3"),
            _o("2024", "1"),
        ],
        "as_of": "2025-01-15",
        "method": "linear",
        "expect": {
            "status": "exceeded",
            "met": True,
            "progress": "1",
            "expected": "1",
            "data_date": "2023-12-31",
            "trend": "worsening",
            "edge": None,
            "missing_periods": [],
        },
        "working": (
            "each_period, >=, t = 2. Term over.\n"
            "The 2024 observation ends 2024-12-31, after the term's end 2024-04-30: it does "
            "not count (and 2024 is not a period of the term). Counted: 2019 ... 2023.\n"
            "All met and every value (3, 4, 3, 5, 3) is strictly above 2 -> exceeded.\n"
            "p_i all min(>1, 1) = 1; p = 1; e = 1. d = 2023-12-31.\n"
            "trend: 2023 = 3 < 2022 = 5 -> worsening."
        ),
    },
    {
        "id": "each-period-one-equal-term-over",
        "title": "'Every year at least 2', one year exactly 2, term over: achieved",
        "wording": "hằng năm tổ chức ít nhất 2 cuộc giám sát",
        "measure": "count",
        "direction": "increase",
        "accumulation": "each_period",
        "criteria": [],
        "term": T1,
        "comparator": ">=",
        "target": "2",
        "baseline": None,
        "milestones": [],
        "observations": [
            _o("2019", "3"),
            _o("2020", "2"),
            _o("2021", "4"),
            _o("2022", "3"),
            _o("2023", "3"),
        ],
        "as_of": "2024-04-30",
        "method": "linear",
        "expect": {
            "status": "achieved",
            "met": True,
            "progress": "1",
            "expected": "1",
            "data_date": "2023-12-31",
            "trend": "steady",
            "edge": None,
            "missing_periods": [],
        },
        "working": (
            "each_period, >=, t = 2. as_of = T.end -> term over. Periods 2019 ... 2023, "
            "all reported and all met.\n"
            "2020 = 2 is met but not strictly better than 2 -> achieved, not exceeded.\n"
            "p_i = 1, 1, 1, 1, 1; p = 1; e = 1.\n"
            "trend: 3 = 3 -> steady."
        ),
    },
    {
        "id": "each-period-zero-target-increase",
        "title": "'Every year some new model' (more than 0): a zero year fails although p = 1",
        "wording": "hằng năm đều có mô hình, câu lạc bộ mới do Mặt trận vận động thành lập",
        "measure": "count",
        "direction": "increase",
        "accumulation": "each_period",
        "criteria": [],
        "term": T1,
        "comparator": ">",
        "target": "0",
        "baseline": None,
        "milestones": [],
        "observations": [_o("2019", "1"), _o("2020", "0"), _o("2021", "2")],
        "as_of": "2022-06-30",
        "method": "linear",
        "expect": {
            "status": "behind",
            "met": False,
            "progress": "1",
            "expected": "1",
            "data_date": "2021-12-31",
            "trend": "improving",
            "edge": None,
            "missing_periods": [],
        },
        "working": (
            "'hằng năm đều có' = every year more than zero: each_period, >, t = 0.\n"
            "Periods by 2022-06-30: 2019, 2020, 2021, all reported.\n"
            "met_i: 1 > 0 yes; 0 > 0 no; 2 > 0 yes.\n"
            "p_i: t == 0 with increase -> p_i = 1 for every period; p = 1; e = 1.\n"
            "A counted period (2020) is not met, term not over -> behind (progress alone "
            "does not decide an each_period status).\n"
            "trend: 2 > 1 -> improving."
        ),
    },
    {
        "id": "each-period-zero-target-decrease",
        "title": "'No hot spot any year' (at most 0): a year with 2 scores p_i = 0",
        "wording": "hằng năm không để xảy ra điểm nóng về an ninh, trật tự",
        "measure": "count",
        "direction": "decrease",
        "accumulation": "each_period",
        "criteria": [],
        "term": T1,
        "comparator": "<=",
        "target": "0",
        "baseline": None,
        "milestones": [],
        "observations": [_o("2019", "0"), _o("2020", "2"), _o("2021", "0")],
        "as_of": "2022-06-30",
        "method": "linear",
        "expect": {
            "status": "behind",
            "met": False,
            "progress": "0.666667",
            "expected": "1",
            "data_date": "2021-12-31",
            "trend": "improving",
            "edge": None,
            "missing_periods": [],
        },
        "working": (
            "'không để xảy ra' = none, i.e. at most 0: each_period, decrease, <=, t = 0.\n"
            "Periods by 2022-06-30: 2019, 2020, 2021, all reported.\n"
            "p_i = t / a_i, or 1 when a_i == 0: 2019: a = 0 -> 1; 2020: 0 / 2 = 0; "
            "2021: a = 0 -> 1. p = 2 / 3 = 0.666667. e = 1.\n"
            "2020: 2 <= 0 is false -> a counted period not met, term not over -> behind.\n"
            "trend: 0 < 2, lower is better -> improving."
        ),
    },
    {
        "id": "each-period-decrease-zero-actual",
        "title": "'At most 2 a year': zero and below-target years score 1, one year over",
        "wording": "hằng năm không quá 2 vụ khiếu kiện đông người, vượt cấp",
        "measure": "count",
        "direction": "decrease",
        "accumulation": "each_period",
        "criteria": [],
        "term": T1,
        "comparator": "<=",
        "target": "2",
        "baseline": None,
        "milestones": [],
        "observations": [_o("2019", "0"), _o("2020", "1"), _o("2021", "3")],
        "as_of": "2022-06-30",
        "method": "linear",
        "expect": {
            "status": "behind",
            "met": False,
            "progress": "0.888889",
            "expected": "1",
            "data_date": "2021-12-31",
            "trend": "worsening",
            "edge": None,
            "missing_periods": [],
        },
        "working": (
            "'không quá 2' = at most 2: each_period, decrease, <=, t = 2.\n"
            "p_i: 2019: a = 0 -> 1; 2020: 2 / 1 = 2 -> min 1; 2021: 2 / 3 = 0.666667.\n"
            "p = (1 + 1 + 2/3) / 3 = 8 / 9 = 0.888889. e = 1.\n"
            "2021: 3 <= 2 is false -> behind (term not over).\n"
            "trend: 3 > 1, lower is better -> worsening."
        ),
    },
    {
        "id": "each-period-quarterly-missed-quarter",
        "title": "'Every quarter' target: quarters of the term, one quarter missing",
        "wording": "hằng quý tổ chức ít nhất 1 hội nghị đối thoại giữa người đứng đầu cấp ủy, "
        "chính quyền với Nhân dân",
        "measure": "count",
        "direction": "increase",
        "accumulation": "each_period",
        "criteria": [],
        "term": T1,
        "comparator": ">=",
        "target": "1",
        "baseline": None,
        "milestones": [],
        "observations": [_o("2019-Q2", "1"), _o("2019-Q3", "2"), _o("2020-Q1", "1")],
        "as_of": "2020-03-31",
        "method": "linear",
        "expect": {
            "status": "on_track",
            "progress": "1",
            "expected": "1",
            "data_date": "2020-03-31",
            "trend": "worsening",
            "edge": "incomplete_data",
            "missing_periods": ["2019-Q4"],
        },
        "working": (
            "'hằng quý' with quarterly observations: each_period over calendar quarters, "
            ">=, t = 1.\n"
            "Quarters ending in [2019-04-12, min(2024-04-30, 2020-03-31)]: 2019-Q2 (ends "
            "2019-06-30; it started before the term but ends inside it), 2019-Q3, 2019-Q4, "
            "2020-Q1 (ends 2020-03-31 = as_of, included). 2019-Q1 ended 2019-03-31, before "
            "the term.\n"
            "Counted: 2019-Q2 = 1, 2019-Q3 = 2, 2020-Q1 = 1, all met. 2019-Q4 missing -> "
            "missing_periods [2019-Q4], edge incomplete_data.\n"
            "p = mean(1, min(2, 1), 1) = 1; e = 1. Term not over -> on_track. "
            "d = 2020-03-31.\n"
            "trend: 2020-Q1 = 1 < 2019-Q3 = 2 -> worsening."
        ),
    },
    # ---------------------------------------------------- sum with decrease: a running ceiling
    {
        "id": "ceiling-respected-mid-term",
        "title": "Running-total ceiling still respected mid-term: on track",
        "wording": "trong nhiệm kỳ, không quá 5 vụ khiếu kiện đông người, vượt cấp",
        "measure": "count",
        "direction": "decrease",
        "accumulation": "sum",
        "criteria": [],
        "term": T1,
        "comparator": "<=",
        "target": "5",
        "baseline": None,
        "milestones": [],
        "observations": [_o("2019", "1"), _o("2020", "0"), _o("2021", "2")],
        "as_of": "2022-03-31",
        "method": "linear",
        "expect": {
            "status": "on_track",
            "met": True,
            "actual": "3",
            "progress": None,
            "expected": "0.538753",
            "data_date": "2021-12-31",
            "trend": "worsening",
            "edge": None,
        },
        "working": (
            "'trong nhiệm kỳ, không quá 5': sum over the term, decrease, <=, t = 5.\n"
            "sum with decrease -> p undefined and no edge: the status table decides.\n"
            "Counted: 2019, 2020, 2021; a = 1 + 0 + 2 = 3; met: 3 <= 5.\n"
            "Met, term not over -> on_track (the ceiling can still be broken later).\n"
            "e = 994 / 1845 = 0.538753 (reported, not used).\n"
            "trend: 2 > 0 per year, lower is better -> worsening."
        ),
    },
    {
        "id": "ceiling-broken-mid-term",
        "title": "Running-total ceiling already broken mid-term: not achieved at once",
        "wording": "trong nhiệm kỳ, không quá 5 vụ khiếu kiện đông người, vượt cấp",
        "measure": "count",
        "direction": "decrease",
        "accumulation": "sum",
        "criteria": [],
        "term": T1,
        "comparator": "<=",
        "target": "5",
        "baseline": None,
        "milestones": [],
        "observations": [_o("2019", "2"), _o("2020", "3"), _o("2021", "1")],
        "as_of": "2022-03-31",
        "method": "linear",
        "expect": {
            "status": "not_achieved",
            "met": False,
            "actual": "6",
            "progress": None,
            "data_date": "2021-12-31",
            "trend": "improving",
            "edge": None,
        },
        "working": (
            "sum, decrease, <=, t = 5. a = 2 + 3 + 1 = 6; met: 6 <= 5 is false.\n"
            "A running total never goes down, so the ceiling is already broken -> "
            "not_achieved although the term is not over. p undefined, no edge.\n"
            "trend: 1 < 3 per year, lower is better -> improving."
        ),
    },
    {
        "id": "ceiling-respected-term-over-achieved",
        "title": "Running-total ceiling reached exactly by the end of the term: achieved",
        "wording": "trong nhiệm kỳ, không quá 5 vụ khiếu kiện đông người, vượt cấp",
        "measure": "count",
        "direction": "decrease",
        "accumulation": "sum",
        "criteria": [],
        "term": T1,
        "comparator": "<=",
        "target": "5",
        "baseline": None,
        "milestones": [],
        "observations": [
            _o("2019", "1"),
            _o("2020", "1"),
            _o("2021", "1"),
            _o("2022", "1"),
            _o("2023", "1"),
        ],
        "as_of": "2024-06-30",
        "method": "linear",
        "expect": {
            "status": "achieved",
            "met": True,
            "actual": "5",
            "progress": None,
            "data_date": "2023-12-31",
            "trend": "steady",
            "edge": None,
        },
        "working": (
            "sum, decrease, <=, t = 5. Term over (2024-06-30 >= 2024-04-30).\n"
            "a = 1 + 1 + 1 + 1 + 1 = 5; met: 5 <= 5; not strictly below -> achieved.\n"
            "p undefined, no edge. trend: 1 = 1 -> steady."
        ),
    },
    {
        "id": "ceiling-respected-term-over-exceeded",
        "title": "Running total strictly below the ceiling at the end; a post-term year ignored",
        "wording": "trong nhiệm kỳ, không quá 5 vụ khiếu kiện đông người, vượt cấp",
        "measure": "count",
        "direction": "decrease",
        "accumulation": "sum",
        "criteria": [],
        "term": T1,
        "comparator": "<=",
        "target": "5",
        "baseline": None,
        "milestones": [],
        "observations": [
            _o("2019", "1"),
            _o("2020", "0"),
            _o("2021", "2"),
            _o("2022", "1"),
            _o("2023", "0"),
            _o("2024", "3"),
        ],
        "as_of": "2025-01-15",
        "method": "linear",
        "expect": {
            "status": "exceeded",
            "met": True,
            "actual": "4",
            "progress": None,
            "data_date": "2023-12-31",
            "trend": "improving",
            "edge": None,
        },
        "working": (
            "sum, decrease, <=, t = 5. Term over.\n"
            "2024 ends 2024-12-31, after the term's end 2024-04-30 -> not counted (counting it "
            "would give 7 and not_achieved).\n"
            "a = 1 + 0 + 2 + 1 + 0 = 4; met and strictly below 5 -> exceeded. d = 2023-12-31.\n"
            "trend: 2023 = 0 < 2022 = 1 -> improving."
        ),
    },
    # ------------------------------------------------------------------- sum with increase
    {
        "id": "sum-increase-on-track",
        "title": "Fund-raising total over the term, ahead of time: on track",
        "wording": 'trong nhiệm kỳ, vận động Quỹ "Vì người nghèo" đạt trên 10 tỷ đồng',
        "measure": "money",
        "direction": "increase",
        "accumulation": "sum",
        "criteria": [],
        "term": T1,
        "comparator": ">",
        "target": "10000000000",
        "baseline": None,
        "milestones": [],
        "observations": [
            _o("2019", "1800000000"),
            _o("2020", "2100000000"),
            _o("2021", "2400000000"),
        ],
        "as_of": "2022-03-31",
        "method": "linear",
        "expect": {
            "status": "on_track",
            "met": False,
            "actual": "6300000000",
            "progress": "0.63",
            "expected": "0.538753",
            "data_date": "2021-12-31",
            "trend": "improving",
            "edge": None,
        },
        "working": (
            "sum, increase, >, t = 10 000 000 000 đồng, b = 0 (no baseline, increase).\n"
            "a = 1 800 000 000 + 2 100 000 000 + 2 400 000 000 = 6 300 000 000; not met.\n"
            "p = 6 300 000 000 / 10 000 000 000 = 0.63. e = 994 / 1845 = 0.538753.\n"
            "p >= e, term not over -> on_track. trend: 2.4 bn > 2.1 bn -> improving."
        ),
    },
    {
        "id": "sum-increase-behind",
        "title": "Houses built over the term, too slow: behind",
        "wording": "đến cuối nhiệm kỳ, vận động xây dựng ít nhất 30 nhà Đại đoàn kết",
        "measure": "count",
        "direction": "increase",
        "accumulation": "sum",
        "criteria": [],
        "term": T1,
        "comparator": ">=",
        "target": "30",
        "baseline": None,
        "milestones": [],
        "observations": [_o("2019", "3"), _o("2020", "5"), _o("2021", "4"), _o("2022", "6")],
        "as_of": "2023-06-30",
        "method": "linear",
        "expect": {
            "status": "behind",
            "met": False,
            "actual": "18",
            "progress": "0.6",
            "expected": "0.736585",
            "data_date": "2022-12-31",
            "trend": "improving",
            "edge": None,
        },
        "working": (
            "'đến cuối nhiệm kỳ ít nhất 30': sum, increase, >=, t = 30, b = 0.\n"
            "Counted 2019 ... 2022; a = 3 + 5 + 4 + 6 = 18; not met.\n"
            "p = 18 / 30 = 0.6. d = 2022-12-31, e = 1359 / 1845 = 0.736585.\n"
            "p < e, term not over -> behind. trend: 6 > 4 -> improving."
        ),
    },
    {
        "id": "sum-increase-met-mid-term",
        "title": "Cumulative count reaches the target exactly before the term ends: achieved",
        "wording": "đến cuối nhiệm kỳ, vận động xây dựng ít nhất 30 nhà Đại đoàn kết",
        "measure": "count",
        "direction": "increase",
        "accumulation": "sum",
        "criteria": [],
        "term": T1,
        "comparator": ">=",
        "target": "30",
        "baseline": None,
        "milestones": [],
        "observations": [_o("2019", "6"), _o("2020", "8"), _o("2021", "9"), _o("2022", "7")],
        "as_of": "2023-06-30",
        "method": "linear",
        "expect": {
            "status": "achieved",
            "met": True,
            "actual": "30",
            "progress": "1",
            "expected": "0.736585",
            "data_date": "2022-12-31",
            "trend": "worsening",
            "edge": None,
        },
        "working": (
            "sum, increase, >=, t = 30. a = 6 + 8 + 9 + 7 = 30; met (30 >= 30), not strictly "
            "better -> achieved (a met increasing sum is achieved even mid-term).\n"
            "p = 30 / 30 = 1. e = 1359 / 1845 = 0.736585. trend: 7 < 9 -> worsening."
        ),
    },
    # ------------------------------------------------------------ which observations count
    {
        "id": "stale-data",
        "title": "An observation after as_of is ignored: the data date is earlier than as_of",
        "wording": "đến năm 2024 có 95% trở lên hộ gia đình đạt danh hiệu Gia đình văn hóa",
        "measure": "percent",
        "direction": "increase",
        "accumulation": "latest",
        "criteria": [],
        "term": T1,
        "comparator": ">=",
        "target": "95",
        "baseline": ("92", "2019-04-12"),
        "milestones": [],
        "observations": [_o("2020", "93"), _o("2021", "93.9"), _o("2022", "94.5")],
        "as_of": "2022-09-30",
        "method": "linear",
        "expect": {
            "status": "on_track",
            "met": False,
            "actual": "93.9",
            "progress": "0.633333",
            "expected": "0.538753",
            "data_date": "2021-12-31",
            "trend": "improving",
            "edge": None,
        },
        "working": (
            "t = 95 (>=), b = 92. The 2022 observation ends 2022-12-31, after as_of "
            "2022-09-30 -> not counted.\n"
            "Counted: 2020, 2021; d = 2021-12-31 (earlier than as_of); a = 93.9; not met.\n"
            "p = (93.9 - 92) / 3 = 1.9 / 3 = 0.633333. e at d (not at as_of) = "
            "994 / 1845 = 0.538753.\n"
            "p >= e -> on_track. trend: 93.9 > 93 -> improving."
        ),
    },
    {
        "id": "outside-term-ignored",
        "title": "Observations ending before the term starts or after it ends do not count",
        "wording": "đến năm 2024 có 95% trở lên hộ gia đình đạt danh hiệu Gia đình văn hóa",
        "measure": "percent",
        "direction": "increase",
        "accumulation": "latest",
        "criteria": [],
        "term": T1,
        "comparator": ">=",
        "target": "95",
        "baseline": ("92", "2019-04-12"),
        "milestones": [],
        "observations": [_o("2019-Q1", "96"), _o("2023", "94.6"), _o("2024", "96.2")],
        "as_of": "2025-03-01",
        "method": "linear",
        "expect": {
            "status": "not_achieved",
            "met": False,
            "actual": "94.6",
            "progress": "0.866667",
            "expected": "0.934417",
            "data_date": "2023-12-31",
            "trend": None,
            "edge": None,
        },
        "working": (
            "t = 95 (>=), b = 92. Term over (2025-03-01 >= 2024-04-30).\n"
            "2019-Q1 ends 2019-03-31, before the term starts (2019-04-12) -> not counted. "
            "2024 ends 2024-12-31, after the term ends -> not counted (it would have made "
            "the target exceeded).\n"
            "Counted: 2023 only; d = 2023-12-31; a = 94.6; not met; term over -> "
            "not_achieved.\n"
            "p = (94.6 - 92) / 3 = 2.6 / 3 = 0.866667. e = 1724 / 1845 = 0.934417.\n"
            "trend: one counted value -> none."
        ),
    },
    {
        "id": "no-data",
        "title": "The only observation ends after as_of: no data",
        "wording": "đến năm 2024 có 95% trở lên hộ gia đình đạt danh hiệu Gia đình văn hóa",
        "measure": "percent",
        "direction": "increase",
        "accumulation": "latest",
        "criteria": [],
        "term": T1,
        "comparator": ">=",
        "target": "95",
        "baseline": ("92", "2019-04-12"),
        "milestones": [],
        "observations": [_o("2022", "94")],
        "as_of": "2022-06-30",
        "method": "linear",
        "expect": {
            "status": "no_data",
            "met": None,
            "actual": None,
            "progress": None,
            "expected": None,
            "data_date": None,
            "trend": None,
            "edge": None,
        },
        "working": (
            "The 2022 observation ends 2022-12-31, after as_of 2022-06-30 -> nothing counts.\n"
            "No counted observation -> no_data; there is no actual value, no data date, "
            "hence no met, progress, expected progress or trend."
        ),
    },
    # ------------------------------------------------------------------------- mean
    {
        "id": "mean-on-track",
        "title": "Average over the term's years, below target but ahead of time",
        "wording": "trong nhiệm kỳ, tỷ lệ hộ gia đình đạt danh hiệu Gia đình văn hóa bình quân "
        "đạt từ 90% trở lên",
        "measure": "percent",
        "direction": "increase",
        "accumulation": "mean",
        "criteria": [],
        "term": T1,
        "comparator": ">=",
        "target": "90",
        "baseline": ("85", "2019-04-12"),
        "milestones": [],
        "observations": [_o("2019", "86"), _o("2020", "89"), _o("2021", "90.4")],
        "as_of": "2022-03-31",
        "method": "linear",
        "expect": {
            "status": "on_track",
            "met": False,
            "actual": "88.466667",
            "progress": "0.693333",
            "expected": "0.538753",
            "data_date": "2021-12-31",
            "trend": "improving",
            "edge": None,
        },
        "working": (
            "'bình quân ... từ 90% trở lên': mean, >=, t = 90, b = 85.\n"
            "Counted: 2019, 2020, 2021; a = (86 + 89 + 90.4) / 3 = 265.4 / 3 = 88.4666... "
            "-> 88.466667; not met (88.47 < 90).\n"
            "p = (265.4/3 - 85) / (90 - 85) = (265.4 - 255) / 15 = 10.4 / 15 = 0.69333... "
            "-> 0.693333 (computed exactly, rounded once at the end).\n"
            "e = 994 / 1845 = 0.538753; p >= e -> on_track.\n"
            "trend: 90.4 > 89 -> improving."
        ),
    },
    # ------------------------------------------------------------- boolean and checklist
    {
        "id": "boolean-met",
        "title": "A yes/no target met (another term, half-year reports): achieved",
        "wording": "đến năm 2027, xã đạt chuẩn nông thôn mới nâng cao",
        "measure": "boolean",
        "direction": "increase",
        "accumulation": "latest",
        "criteria": [],
        "term": T2,
        "comparator": ">=",
        "target": True,
        "baseline": None,
        "milestones": [],
        "observations": [_o("2025-H1", False), _o("2025-H2", True)],
        "as_of": "2026-02-15",
        "method": "linear",
        "expect": {
            "status": "achieved",
            "met": True,
            "actual": "1",
            "progress": "1",
            "expected": "0.291825",
            "data_date": "2025-12-31",
            "trend": "improving",
            "edge": None,
        },
        "working": (
            "boolean: true scores 1, false 0; target true with >= means t = 1; b = 0.\n"
            "Term 2024-07-10 -> 2029-07-31 = 1847 days.\n"
            "Counted: 2025-H1 (ends 2025-06-30) = 0, 2025-H2 (ends 2025-12-31) = 1; "
            "d = 2025-12-31; a = 1; met: 1 >= 1, not strictly better -> achieved.\n"
            "p = (1 - 0) / (1 - 0) = 1. e = days(2025-12-31 - 2024-07-10) / 1847 = "
            "539 / 1847 = 0.2918245... -> 0.291825.\n"
            "trend: 1 > 0 -> improving."
        ),
    },
    {
        "id": "boolean-not-met",
        "title": "A yes/no target not met yet: p = 0, behind",
        "wording": "đến năm 2024, xã đạt chuẩn nông thôn mới nâng cao",
        "measure": "boolean",
        "direction": "increase",
        "accumulation": "latest",
        "criteria": [],
        "term": T1,
        "comparator": ">=",
        "target": True,
        "baseline": None,
        "milestones": [],
        "observations": [_o("2020", False), _o("2021", False)],
        "as_of": "2022-03-31",
        "method": "linear",
        "expect": {
            "status": "behind",
            "met": False,
            "actual": "0",
            "progress": "0",
            "expected": "0.538753",
            "data_date": "2021-12-31",
            "trend": "steady",
            "edge": None,
        },
        "working": (
            "boolean, t = 1, b = 0. Counted: 2020 = 0, 2021 = 0; d = 2021-12-31; a = 0; "
            "not met.\n"
            "p = (0 - 0) / (1 - 0) = 0. e = 994 / 1845 = 0.538753; p < e -> behind.\n"
            "trend: 0 = 0 -> steady."
        ),
    },
    {
        "id": "checklist-default-target",
        "title": "Checklist with the default target (all 4 criteria): 3 met, on track",
        "wording": 'đến năm 2024, khu dân cư đạt đủ các tiêu chí "Khu dân cư kiểu mẫu"',
        "measure": "checklist",
        "direction": "increase",
        "accumulation": "latest",
        "criteria": KDC_CRITERIA,
        "term": T1,
        "comparator": ">=",
        "target": None,
        "baseline": None,
        "milestones": [],
        "observations": [
            _o("2020", ["moi_truong_xanh"]),
            _o("2021", ["an_ninh_trat_tu", "moi_truong_xanh", "van_hoa"]),
        ],
        "as_of": "2022-03-31",
        "method": "linear",
        "expect": {
            "status": "on_track",
            "met": False,
            "actual": "3",
            "progress": "0.75",
            "expected": "0.538753",
            "data_date": "2021-12-31",
            "trend": "improving",
            "edge": None,
        },
        "working": (
            "'đạt đủ các tiêu chí': checklist, no explicit value -> t = number of criteria "
            "= 4, >=; b = 0.\n"
            "Counted: 2020 = 1 criterion, 2021 = 3 criteria; d = 2021-12-31; a = 3; not met.\n"
            "p = 3 / 4 = 0.75. e = 994 / 1845 = 0.538753; p >= e -> on_track.\n"
            "trend: 3 > 1 -> improving."
        ),
    },
    {
        "id": "checklist-explicit-target",
        "title": "Checklist with an explicit target of 3 of 4 criteria, met exactly: achieved",
        "wording": 'đến năm 2024, khu dân cư đạt ít nhất 3/4 tiêu chí "Khu dân cư kiểu mẫu"',
        "measure": "checklist",
        "direction": "increase",
        "accumulation": "latest",
        "criteria": KDC_CRITERIA,
        "term": T1,
        "comparator": ">=",
        "target": "3",
        "baseline": None,
        "milestones": [],
        "observations": [_o("2022", ["an_ninh_trat_tu", "van_hoa", "sinh_ke"])],
        "as_of": "2023-03-31",
        "method": "linear",
        "expect": {
            "status": "achieved",
            "met": True,
            "actual": "3",
            "progress": "1",
            "expected": "0.736585",
            "data_date": "2022-12-31",
            "trend": None,
            "edge": None,
        },
        "working": (
            "checklist, explicit t = 3, >=, b = 0. Counted: 2022 = 3 criteria; "
            "d = 2022-12-31; a = 3; met (3 >= 3), not strictly better -> achieved.\n"
            "p = 3 / 3 = 1. e = 1359 / 1845 = 0.736585. trend: one value -> none."
        ),
    },
    # ------------------------------------------------------------------------- quantity
    {
        "id": "quantity-negative",
        "title": "A change measured in negative numbers (lower is better): on track",
        "wording": "đến năm 2024, tỷ lệ hộ nghèo giảm ít nhất 1,5 điểm phần trăm so với đầu "
        "nhiệm kỳ (mức thay đổi không quá -1,5 điểm)",
        "measure": "quantity",
        "direction": "decrease",
        "accumulation": "latest",
        "criteria": [],
        "term": T1,
        "comparator": "<=",
        "target": "-1.5",
        "baseline": ("0", "2019-04-12"),
        "milestones": [],
        "observations": [_o("2020", "-0.4"), _o("2021", "-0.9")],
        "as_of": "2022-03-31",
        "method": "linear",
        "expect": {
            "status": "on_track",
            "met": False,
            "actual": "-0.9",
            "progress": "0.6",
            "expected": "0.538753",
            "data_date": "2021-12-31",
            "trend": "improving",
            "edge": None,
        },
        "working": (
            "The indicator is the change of the poverty rate since the start of the term, in "
            "percentage points (a quantity, may be negative); 'giảm ít nhất 1,5 điểm' = a "
            "change of at most -1.5: decrease, <=, t = -1.5, b = 0.\n"
            "met(b): 0 <= -1.5 is false; t != b.\n"
            "Counted: 2020 = -0.4, 2021 = -0.9; d = 2021-12-31; a = -0.9; -0.9 <= -1.5 is "
            "false -> not met.\n"
            "p = (-0.9 - 0) / (-1.5 - 0) = 0.6. e = 994 / 1845 = 0.538753; p >= e -> "
            "on_track.\n"
            "trend: -0.9 < -0.4, lower is better -> improving."
        ),
    },
    # ----------------------------------------------------------------------------- cagr
    {
        "id": "cagr-target-achieved",
        "title": "cagr: the current value meets the target: category target_achieved",
        "wording": "đến năm 2024 có 80% trở lên người dân tham gia bảo hiểm y tế",
        "measure": "percent",
        "direction": "increase",
        "accumulation": "latest",
        "criteria": [],
        "term": T1,
        "comparator": ">=",
        "target": "80",
        "baseline": ("60", "2019-04-12"),
        "milestones": [],
        "observations": [_o("2021", "70"), _o("2022", "81")],
        "as_of": "2023-03-31",
        "method": "cagr",
        "expect": {
            "status": "exceeded",
            "met": True,
            "actual": "81",
            "progress": "1.05",
            "expected": "0.736585",
            "data_date": "2022-12-31",
            "trend": "improving",
            "edge": None,
            "category": "target_achieved",
        },
        "working": (
            "t = 80 (>=), baseline 60 dated 2019-04-12.\n"
            "Counted: 2021, 2022; current = 81 (2022); met(81): 81 >= 80 -> category "
            "target_achieved; status as in the linear table: strictly better -> exceeded.\n"
            "Linear progress and expected progress are still reported: p = (81 - 60) / "
            "(80 - 60) = 1.05; e = 1359 / 1845 = 0.736585.\n"
            "trend: 81 > 70 -> improving."
        ),
    },
    {
        "id": "cagr-on-track",
        "title": "cagr: growth rate fast enough (R >= 0.95): on track where linear says behind",
        "wording": "đến năm 2024 có 80% trở lên người dân tham gia bảo hiểm y tế",
        "measure": "percent",
        "direction": "increase",
        "accumulation": "latest",
        "criteria": [],
        "term": T1,
        "comparator": ">=",
        "target": "80",
        "baseline": ("60", "2019-04-12"),
        "milestones": [],
        "observations": [_o("2021", "66"), _o("2022", "72")],
        "as_of": "2023-03-31",
        "method": "cagr",
        "expect": {
            "status": "on_track",
            "met": False,
            "actual": "72",
            "progress": "0.6",
            "expected": "0.736585",
            "data_date": "2022-12-31",
            "trend": "improving",
            "edge": None,
            "category": "on_track",
        },
        "working": (
            "t = 80, base = baseline 60 dated 2019-04-12 -> t0 = 2019; current = 72 "
            "(period 2022, ends 2022-12-31) -> t1 = 2022; T = year of 2024-04-30 = 2024.\n"
            "Not met (72 < 80).\n"
            "cagr_o = (72 / 60)^(1 / (2022 - 2019)) - 1 = 1.2^(1/3) - 1 = 0.062659.\n"
            "cagr_r = (80 / 60)^(1 / (2024 - 2019)) - 1 = (4/3)^(1/5) - 1 = 0.059224.\n"
            "R = 0.062659 / 0.059224 = 1.0580 >= 0.95 -> category on_track -> status "
            "on_track.\n"
            "Linear p = (72 - 60) / 20 = 0.6 and e = 1359 / 1845 = 0.736585 are reported "
            "unchanged (linear alone would say behind).\n"
            "trend: 72 > 66 -> improving."
        ),
    },
    {
        "id": "cagr-needs-acceleration",
        "title": "cagr on a lower-is-better target: 0.6 <= R < 0.95, needs acceleration",
        "wording": "giảm tỷ lệ hộ nghèo đến năm 2024 xuống còn 1%",
        "measure": "percent",
        "direction": "decrease",
        "accumulation": "latest",
        "criteria": [],
        "term": T1,
        "comparator": "<=",
        "target": "1",
        "baseline": ("3.2", "2019-04-12"),
        "milestones": [],
        "observations": [_o("2021", "2.3"), _o("2022", "1.9")],
        "as_of": "2023-03-31",
        "method": "cagr",
        "expect": {
            "status": "behind",
            "met": False,
            "actual": "1.9",
            "progress": "0.590909",
            "expected": "0.736585",
            "data_date": "2022-12-31",
            "trend": "improving",
            "edge": None,
            "category": "progress_needs_acceleration",
        },
        "working": (
            "t = 1 (<=), base = baseline 3.2 (t0 = 2019), current = 1.9 (t1 = 2022), T = 2024. "
            "Not met (1.9 > 1).\n"
            "cagr_o = (1.9 / 3.2)^(1/3) - 1 = -0.159506.\n"
            "cagr_r = (1 / 3.2)^(1/5) - 1 = -0.207553.\n"
            "R = -0.159506 / -0.207553 = 0.7685: 0.6 <= R < 0.95 -> "
            "progress_needs_acceleration -> behind (term not over).\n"
            "Linear p = (1.9 - 3.2) / (1 - 3.2) = 1.3 / 2.2 = 0.590909; e = 0.736585.\n"
            "trend: 1.9 < 2.3, lower is better -> improving."
        ),
    },
    {
        "id": "cagr-limited-progress",
        "title": "cagr: slow growth (0 <= R < 0.6): limited progress",
        "wording": "đến năm 2024 có 80% trở lên người dân tham gia bảo hiểm y tế",
        "measure": "percent",
        "direction": "increase",
        "accumulation": "latest",
        "criteria": [],
        "term": T1,
        "comparator": ">=",
        "target": "80",
        "baseline": ("60", "2019-04-12"),
        "milestones": [],
        "observations": [_o("2021", "61"), _o("2022", "62")],
        "as_of": "2023-03-31",
        "method": "cagr",
        "expect": {
            "status": "behind",
            "met": False,
            "actual": "62",
            "progress": "0.1",
            "expected": "0.736585",
            "data_date": "2022-12-31",
            "trend": "improving",
            "edge": None,
            "category": "limited_progress",
        },
        "working": (
            "t = 80, base 60 (t0 = 2019), current 62 (t1 = 2022), T = 2024; not met.\n"
            "cagr_o = (62 / 60)^(1/3) - 1 = 0.010990; cagr_r = (4/3)^(1/5) - 1 = 0.059224.\n"
            "R = 0.1856: 0 <= R < 0.6 -> limited_progress -> behind.\n"
            "Linear p = (62 - 60) / 20 = 0.1; e = 0.736585. trend: 62 > 61 -> improving."
        ),
    },
    {
        "id": "cagr-deterioration-term-over",
        "title": "cagr: the value fell below the base (R < 0), term over: not achieved",
        "wording": "đến năm 2024 có 80% trở lên người dân tham gia bảo hiểm y tế",
        "measure": "percent",
        "direction": "increase",
        "accumulation": "latest",
        "criteria": [],
        "term": T1,
        "comparator": ">=",
        "target": "80",
        "baseline": ("60", "2019-04-12"),
        "milestones": [],
        "observations": [_o("2021", "63"), _o("2023", "58")],
        "as_of": "2024-06-30",
        "method": "cagr",
        "expect": {
            "status": "not_achieved",
            "met": False,
            "actual": "58",
            "progress": "-0.1",
            "expected": "0.934417",
            "data_date": "2023-12-31",
            "trend": "worsening",
            "edge": None,
            "category": "deterioration",
        },
        "working": (
            "t = 80, base 60 (t0 = 2019), current 58 (t1 = 2023), T = 2024; not met; term "
            "over (2024-06-30 >= 2024-04-30).\n"
            "cagr_o = (58 / 60)^(1/4) - 1 = -0.008440; cagr_r = (4/3)^(1/5) - 1 = 0.059224.\n"
            "R = -0.1425 < 0 -> deterioration -> not_achieved (term over).\n"
            "Linear p = (58 - 60) / 20 = -0.1 (not clipped); e = 1724 / 1845 = 0.934417.\n"
            "trend: 58 < 63 -> worsening."
        ),
    },
    {
        "id": "cagr-base-from-earliest-observation",
        "title": "cagr without a baseline: base = earliest counted observation, dated by its end",
        "wording": "đến năm 2024 có 80% trở lên người dân tham gia bảo hiểm y tế",
        "measure": "percent",
        "direction": "increase",
        "accumulation": "latest",
        "criteria": [],
        "term": T1,
        "comparator": ">=",
        "target": "80",
        "baseline": None,
        "milestones": [],
        "observations": [_o("2020", "60"), _o("2022", "66")],
        "as_of": "2023-03-31",
        "method": "cagr",
        "expect": {
            "status": "behind",
            "met": False,
            "actual": "66",
            "progress": "0.825",
            "expected": "0.736585",
            "data_date": "2022-12-31",
            "trend": "improving",
            "edge": None,
            "category": "progress_needs_acceleration",
        },
        "working": (
            "t = 80, no baseline -> base = earliest counted observation: 60 for 2020, dated "
            "2020-12-31 -> t0 = 2020 (not the year the term starts). current = 66 "
            "(t1 = 2022), T = 2024; not met.\n"
            "cagr_o = (66 / 60)^(1 / 2) - 1 = 1.1^(1/2) - 1 = 0.048809.\n"
            "cagr_r = (80 / 60)^(1 / 4) - 1 = 0.074570.\n"
            "R = 0.6545: 0.6 <= R < 0.95 -> progress_needs_acceleration -> behind. (Taking "
            "t0 = 2019 instead would give R = 0.5451, limited_progress.)\n"
            "Linear: no baseline, increase -> b = 0; p = 66 / 80 = 0.825; e = 0.736585 "
            "(linear alone would say on_track).\n"
            "trend: 66 > 60 -> improving."
        ),
    },
    {
        "id": "cagr-too-few-years",
        "title": "cagr with base and current in the same year: edge too_few_years, behind",
        "wording": "đến năm 2024 có 80% trở lên người dân tham gia bảo hiểm y tế",
        "measure": "percent",
        "direction": "increase",
        "accumulation": "latest",
        "criteria": [],
        "term": T1,
        "comparator": ">=",
        "target": "80",
        "baseline": None,
        "milestones": [],
        "observations": [_o("2022", "70")],
        "as_of": "2023-03-31",
        "method": "cagr",
        "expect": {
            "status": "behind",
            "met": False,
            "actual": "70",
            "progress": "0.875",
            "expected": "0.736585",
            "data_date": "2022-12-31",
            "trend": None,
            "edge": "too_few_years",
            "category": None,
        },
        "working": (
            "t = 80, no baseline -> base = earliest counted observation = the only one, 70 "
            "(2022); current = the same observation. t0 = t1 = 2022: t1 - t0 = 0 < 1 -> not "
            "computable, edge too_few_years, category null.\n"
            "Not met (70 < 80), term not over -> behind, whatever p and e say.\n"
            "Linear: b = 0; p = 70 / 80 = 0.875; e = 0.736585 (linear alone: on_track).\n"
            "trend: one value -> none."
        ),
    },
    {
        "id": "cagr-non-positive-value",
        "title": "cagr with a zero baseline: edge non_positive_value, no 0.001 substitution",
        "wording": 'đến cuối nhiệm kỳ, xây dựng ít nhất 10 mô hình "Khu dân cư tự quản"',
        "measure": "count",
        "direction": "increase",
        "accumulation": "latest",
        "criteria": [],
        "term": T1,
        "comparator": ">=",
        "target": "10",
        "baseline": ("0", "2019-04-12"),
        "milestones": [],
        "observations": [_o("2020", "4")],
        "as_of": "2021-03-31",
        "method": "cagr",
        "expect": {
            "status": "behind",
            "met": False,
            "actual": "4",
            "progress": "0.4",
            "expected": "0.340921",
            "data_date": "2020-12-31",
            "trend": None,
            "edge": "non_positive_value",
            "category": None,
        },
        "working": (
            "count level (latest), t = 10 (>=), baseline 0 dated 2019-04-12 -> t0 = 2019; "
            "current 4 (2020) -> t1 = 2020, t1 - t0 = 1 (enough years).\n"
            "Not met (4 < 10). base = 0 -> (current / base) is undefined: edge "
            "non_positive_value, category null -> behind (term not over).\n"
            "Linear: p = (4 - 0) / (10 - 0) = 0.4; e = days(2020-12-31 - 2019-04-12) / 1845 = "
            "629 / 1845 = 0.340921 (linear alone: on_track).\n"
            "trend: one value -> none."
        ),
    },
    {
        "id": "cagr-zero-required-growth",
        "title": "cagr where the base already equals the target: edge zero_required_growth",
        "wording": "đến năm 2024 có 90% trở lên người dân tham gia bảo hiểm y tế",
        "measure": "percent",
        "direction": "increase",
        "accumulation": "latest",
        "criteria": [],
        "term": T1,
        "comparator": ">=",
        "target": "90",
        "baseline": None,
        "milestones": [],
        "observations": [_o("2020", "90"), _o("2022", "88")],
        "as_of": "2023-03-31",
        "method": "cagr",
        "expect": {
            "status": "behind",
            "met": False,
            "actual": "88",
            "progress": "0.977778",
            "expected": "0.736585",
            "data_date": "2022-12-31",
            "trend": "worsening",
            "edge": "zero_required_growth",
            "category": None,
        },
        "working": (
            "t = 90, no baseline -> base = 90 (2020, t0 = 2020); current = 88 (t1 = 2022); "
            "T = 2024. Not met (88 < 90). t1 - t0 = 2; base, target, current all positive.\n"
            "cagr_r = (90 / 90)^(1/4) - 1 = 0 -> R would divide by zero: edge "
            "zero_required_growth, category null -> behind.\n"
            "Linear: b = 0; p = 88 / 90 = 0.977778; e = 0.736585 (linear alone: on_track).\n"
            "trend: 88 < 90 -> worsening."
        ),
    },
    {
        "id": "cagr-non-latest-target",
        "title": "cagr on a sum target: assessed exactly as linear, category null",
        "wording": 'trong nhiệm kỳ, vận động Quỹ "Vì người nghèo" đạt trên 10 tỷ đồng',
        "measure": "money",
        "direction": "increase",
        "accumulation": "sum",
        "criteria": [],
        "term": T1,
        "comparator": ">",
        "target": "10000000000",
        "baseline": None,
        "milestones": [],
        "observations": [
            _o("2019", "1800000000"),
            _o("2020", "2100000000"),
            _o("2021", "2400000000"),
        ],
        "as_of": "2022-03-31",
        "method": "cagr",
        "expect": {
            "status": "on_track",
            "met": False,
            "actual": "6300000000",
            "progress": "0.63",
            "expected": "0.538753",
            "data_date": "2021-12-31",
            "trend": "improving",
            "edge": None,
            "category": None,
        },
        "working": (
            "A sum target is not a level: cagr assesses it exactly as linear, category null.\n"
            "Same as sum-increase-on-track: a = 6 300 000 000, p = 0.63, e = 0.538753, "
            "p >= e -> on_track. trend: improving."
        ),
    },
]
