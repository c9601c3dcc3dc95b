"""Reporting periods: the five text forms, canonical printing, kind, days and ordering."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pendulum
import pytest

from mttq_core import Period, PeriodError, PeriodKind

D = pendulum.Date
FORMS = "'2021', '2021-H1', '2021-Q3', '2021-05' or '2021-04-01/2021-06-30'"


def untyped(value: object) -> Any:
    """Pass a deliberately wrong value past the type checker."""
    return value


# -- every form parses and prints back canonically --------------------------------------------

CALENDAR: list[tuple[str, pendulum.Date, pendulum.Date, PeriodKind]] = [
    ("2021", D(2021, 1, 1), D(2021, 12, 31), PeriodKind.YEAR),
    ("2021-H1", D(2021, 1, 1), D(2021, 6, 30), PeriodKind.HALF),
    ("2021-H2", D(2021, 7, 1), D(2021, 12, 31), PeriodKind.HALF),
    ("2021-Q1", D(2021, 1, 1), D(2021, 3, 31), PeriodKind.QUARTER),
    ("2021-Q2", D(2021, 4, 1), D(2021, 6, 30), PeriodKind.QUARTER),
    ("2021-Q3", D(2021, 7, 1), D(2021, 9, 30), PeriodKind.QUARTER),
    ("2021-Q4", D(2021, 10, 1), D(2021, 12, 31), PeriodKind.QUARTER),
    ("2021-01", D(2021, 1, 1), D(2021, 1, 31), PeriodKind.MONTH),
    ("2021-02", D(2021, 2, 1), D(2021, 2, 28), PeriodKind.MONTH),
    ("2021-03", D(2021, 3, 1), D(2021, 3, 31), PeriodKind.MONTH),
    ("2021-04", D(2021, 4, 1), D(2021, 4, 30), PeriodKind.MONTH),
    ("2021-05", D(2021, 5, 1), D(2021, 5, 31), PeriodKind.MONTH),
    ("2021-06", D(2021, 6, 1), D(2021, 6, 30), PeriodKind.MONTH),
    ("2021-07", D(2021, 7, 1), D(2021, 7, 31), PeriodKind.MONTH),
    ("2021-08", D(2021, 8, 1), D(2021, 8, 31), PeriodKind.MONTH),
    ("2021-09", D(2021, 9, 1), D(2021, 9, 30), PeriodKind.MONTH),
    ("2021-10", D(2021, 10, 1), D(2021, 10, 31), PeriodKind.MONTH),
    ("2021-11", D(2021, 11, 1), D(2021, 11, 30), PeriodKind.MONTH),
    ("2021-12", D(2021, 12, 1), D(2021, 12, 31), PeriodKind.MONTH),
    ("2024-02", D(2024, 2, 1), D(2024, 2, 29), PeriodKind.MONTH),  # leap year
    ("2023-02", D(2023, 2, 1), D(2023, 2, 28), PeriodKind.MONTH),
    ("2024", D(2024, 1, 1), D(2024, 12, 31), PeriodKind.YEAR),
    ("0001", D(1, 1, 1), D(1, 12, 31), PeriodKind.YEAR),
    ("9999-Q4", D(9999, 10, 1), D(9999, 12, 31), PeriodKind.QUARTER),
]


@pytest.mark.parametrize(("text", "start", "end", "kind"), CALENDAR, ids=[c[0] for c in CALENDAR])
def test_calendar_form_parses_and_prints_back(
    text: str, start: pendulum.Date, end: pendulum.Date, kind: PeriodKind
) -> None:
    p = Period.parse(text)
    assert (p.start, p.end) == (start, end)
    assert type(p.start) is pendulum.Date
    assert type(p.end) is pendulum.Date
    assert p.kind is kind
    assert str(p) == text
    assert Period.parse(str(p)) == p


CUSTOM = [
    "2021-04-01/2021-05-15",
    "2021-04-01/2021-04-01",  # a single day
    "2021-12-01/2022-01-31",  # crosses a year: two whole months, but not one calendar period
    "2021-01-01/2021-02-28",  # two whole months
    "2021-01-01/2021-09-30",  # three quarters
    "2021-04-01/2021-09-30",  # a half-year long, but not a calendar half
    "2021-01-02/2021-12-31",
    "2024-02-29/2024-02-29",  # leap day
    "2020-01-01/2021-12-31",  # two years
]


@pytest.mark.parametrize("text", CUSTOM)
def test_custom_range_parses_and_prints_back(text: str) -> None:
    p = Period.parse(text)
    lo, hi = text.split("/")
    assert p.start.isoformat() == lo
    assert p.end.isoformat() == hi
    assert p.kind is PeriodKind.CUSTOM
    assert str(p) == text
    assert Period.parse(str(p)) == p


RANGES_THAT_ARE_CALENDAR = [
    ("2021-01-01/2021-12-31", "2021"),
    ("2021-07-01/2021-12-31", "2021-H2"),
    ("2021-01-01/2021-06-30", "2021-H1"),
    ("2021-04-01/2021-06-30", "2021-Q2"),
    ("2021-10-01/2021-12-31", "2021-Q4"),
    ("2024-02-01/2024-02-29", "2024-02"),
    ("2021-05-01/2021-05-31", "2021-05"),
]


@pytest.mark.parametrize(("text", "canonical"), RANGES_THAT_ARE_CALENDAR)
def test_range_equal_to_a_calendar_period_prints_as_that_period(text: str, canonical: str) -> None:
    p = Period.parse(text)
    assert str(p) == canonical
    assert p == Period.parse(canonical)
    assert p.kind is not PeriodKind.CUSTOM


def test_constructed_period_prints_canonically() -> None:
    assert str(Period(D(2021, 7, 1), D(2021, 9, 30))) == "2021-Q3"
    assert str(Period(D(2021, 7, 1), D(2021, 9, 29))) == "2021-07-01/2021-09-29"
    assert str(Period.year(2022)) == "2022"


# -- bad forms ----------------------------------------------------------------------------------

BAD_FORMS = [
    "",
    "21",
    "20211",
    " 2021",
    "2021 ",
    "2021-H0",
    "2021-H3",
    "2021-h1",
    "2021-Q0",
    "2021-Q5",
    "2021-q1",
    "2021-00",
    "2021-13",
    "2021-1",
    "2021-04-01",
    "2021/2022",
    "2021-04-01 / 2021-06-30",
    "2021-04-01/2021-06-30/2021-07-01",
    "2021-4-1/2021-6-30",
    "２０２１",  # full-width digits
    "2021-W01",
    "FY2021",
]


@pytest.mark.parametrize("text", BAD_FORMS)
def test_bad_form_is_refused_naming_the_allowed_forms(text: str) -> None:
    with pytest.raises(PeriodError) as err:
        Period.parse(text)
    assert str(err.value) == f"{text!r} is not a period; expected {FORMS}"


def test_period_error_is_a_value_error() -> None:
    assert issubclass(PeriodError, ValueError)


@pytest.mark.parametrize("value", [2021, None, 2021.0, ["2021"]])
def test_non_string_is_refused_naming_the_forms(value: object) -> None:
    with pytest.raises(PeriodError) as err:
        Period.parse(untyped(value))
    assert str(err.value) == f"a period is a string like {FORMS}"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("2021-02-29/2021-03-31", "'2021-02-29' is not a calendar date"),
        ("2021-04-01/2021-04-31", "'2021-04-31' is not a calendar date"),
        ("2021-13-01/2021-12-31", "'2021-13-01' is not a calendar date"),
        ("2021-06-30/2021-04-01", "'2021-06-30/2021-04-01' starts after it ends"),
        ("2022-01-01/2021-12-31", "'2022-01-01/2021-12-31' starts after it ends"),
    ],
)
def test_bad_range_is_refused_with_its_reason(text: str, message: str) -> None:
    with pytest.raises(PeriodError) as err:
        Period.parse(text)
    assert str(err.value) == message


def test_constructor_refuses_start_after_end() -> None:
    with pytest.raises(PeriodError) as err:
        Period(D(2021, 2, 1), D(2021, 1, 31))
    assert str(err.value) == "period start 2021-02-01 is after its end 2021-01-31"


def test_constructor_accepts_a_single_day() -> None:
    p = Period(D(2021, 2, 1), D(2021, 2, 1))
    assert p.days == 1


def test_constructor_refuses_a_string_bound() -> None:
    with pytest.raises(PeriodError) as err:
        Period(untyped("2021-01-01"), D(2021, 1, 31))
    assert str(err.value) == "period start must be a date, got '2021-01-01'"


def test_constructor_refuses_date_times() -> None:
    """A period is made of calendar days: a date-time (a pendulum.Date subclass) is refused."""
    with pytest.raises(PeriodError):
        Period(pendulum.datetime(2021, 1, 1), pendulum.datetime(2021, 3, 31))


def test_constructor_converts_plain_dates() -> None:
    """Like every entity, a plain ``datetime.date`` bound becomes a ``pendulum.Date``."""
    p = Period(untyped(dt.date(2021, 1, 1)), untyped(dt.date(2021, 3, 31)))
    assert type(p.start) is pendulum.Date
    assert type(p.end) is pendulum.Date
    assert str(p) == "2021-Q1"


# -- kind, days, contains, ordering -------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "days"),
    [
        ("2021", 365),
        ("2024", 366),
        ("2021-H1", 181),
        ("2024-H1", 182),
        ("2021-H2", 184),
        ("2021-Q1", 90),
        ("2024-Q1", 91),
        ("2021-Q2", 91),
        ("2021-Q3", 92),
        ("2021-Q4", 92),
        ("2021-02", 28),
        ("2024-02", 29),
        ("2021-04", 30),
        ("2021-12", 31),
        ("2021-04-01/2021-04-01", 1),
        ("2021-12-31/2022-01-01", 2),
    ],
)
def test_days(text: str, days: int) -> None:
    assert Period.parse(text).days == days


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("2021", PeriodKind.YEAR),
        ("2021-H2", PeriodKind.HALF),
        ("2021-Q2", PeriodKind.QUARTER),
        ("2021-11", PeriodKind.MONTH),
        ("2021-11-01/2021-11-29", PeriodKind.CUSTOM),
    ],
)
def test_kind(text: str, kind: PeriodKind) -> None:
    assert Period.parse(text).kind is kind


def test_kind_values() -> None:
    assert [k.value for k in PeriodKind] == ["year", "half", "quarter", "month", "custom"]


def test_contains_includes_both_ends() -> None:
    p = Period.parse("2021-Q2")
    assert p.contains(D(2021, 4, 1))
    assert p.contains(D(2021, 6, 30))
    assert not p.contains(D(2021, 3, 31))
    assert not p.contains(D(2021, 7, 1))


def test_year_constructor() -> None:
    assert Period.year(2021) == Period.parse("2021")


def test_ordering_is_by_end_then_start() -> None:
    texts = ["2021", "2021-Q4", "2021-H1", "2021-01", "2020", "2021-12-01/2021-12-31", "2021-Q1"]
    ordered = sorted(Period.parse(t) for t in texts)
    assert [str(p) for p in ordered] == [
        "2020",
        "2021-01",
        "2021-Q1",
        "2021-H1",
        "2021",  # same end: the longer period (earlier start) first
        "2021-Q4",
        "2021-12",
    ]
    assert Period.parse("2021-Q1") < Period.parse("2021-Q2")
    assert not Period.parse("2021-Q2") < Period.parse("2021-Q1")
    assert not Period.parse("2021") < Period.parse("2021")


def test_equal_periods_are_equal_and_hash_alike() -> None:
    a = Period.parse("2021-Q1")
    b = Period(D(2021, 1, 1), D(2021, 3, 31))
    c = Period.parse("2021-01-01/2021-03-31")
    assert a == b == c
    assert len({a, b, c}) == 1
    assert a != Period.parse("2021-Q2")


def test_period_is_immutable() -> None:
    p = Period.parse("2021")
    with pytest.raises(AttributeError):
        p.start = D(2020, 1, 1)  # type: ignore[misc]
