"""Dates, reporting periods and five-year terms."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Final

import pendulum
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from mttq_core.model import Period, PeriodKind, Term
from mttq_core.model._period import month_end

from . import _vocabulary as vocab
from ._arguments import check_bounds, check_members
from ._draw import ints

__all__ = [
    "MAX_DATE",
    "MIN_DATE",
    "TERM_YEARS",
    "day_between",
    "pendulum_dates",
    "pendulum_datetimes",
    "periods",
    "shift",
    "term_of",
    "term_start",
    "terms",
    "terms_any",
]

#: Default bounds of the dates the strategies draw (terms, periods, funds, validity).
MIN_DATE: Final = pendulum.Date(2000, 1, 1)
MAX_DATE: Final = pendulum.Date(2049, 12, 31)
#: A congress opens a term of five years.
TERM_YEARS: Final = 5
#: Whose congress passed a term's resolution (``None``: no resolution given).
_COMMITTEES: Final = (None, *(d.title for d in vocab.DISTRICTS))

# -- dates -----------------------------------------------------------------------------------


def day_between(draw: st.DrawFn, lo: pendulum.Date, hi: pendulum.Date) -> pendulum.Date:
    """A day in ``[lo, hi]``, shrinking toward ``lo``."""
    return pendulum.Date.fromordinal(lo.toordinal() + draw(ints(0, _days(lo, hi))))


def _days(lo: dt.date, hi: dt.date) -> int:
    return hi.toordinal() - lo.toordinal()


def shift(day: pendulum.Date, days: int) -> pendulum.Date:
    """``day`` moved by ``days``, kept inside the calendar pendulum supports."""
    ordinal = min(max(day.toordinal() + days, 1), dt.date.max.toordinal())
    return pendulum.Date.fromordinal(ordinal)


def _to_pendulum(day: dt.date) -> pendulum.Date:
    return pendulum.Date(day.year, day.month, day.day)


def pendulum_dates() -> st.SearchStrategy[pendulum.Date]:
    """``pendulum.Date`` from 1900 to 2200 (registered for ``st.from_type``)."""
    return st.dates(dt.date(1900, 1, 1), dt.date(2200, 12, 31)).map(_to_pendulum)


def _in_zone(moment: dt.datetime, zone: str) -> pendulum.DateTime:
    return pendulum.datetime(
        moment.year,
        moment.month,
        moment.day,
        moment.hour,
        moment.minute,
        moment.second,
        moment.microsecond,
        tz=zone,
    )


def pendulum_datetimes() -> st.SearchStrategy[pendulum.DateTime]:
    """``pendulum.DateTime`` in Asia/Ho_Chi_Minh or UTC (registered for ``st.from_type``)."""
    return st.builds(
        _in_zone,
        st.datetimes(dt.datetime(1900, 1, 1), dt.datetime(2200, 12, 31, 23, 59, 59)),
        st.sampled_from(("Asia/Ho_Chi_Minh", "UTC")),
    )


# -- periods ---------------------------------------------------------------------------------

_MONTHS: Final = {
    PeriodKind.YEAR: 12,
    PeriodKind.HALF: 6,
    PeriodKind.QUARTER: 3,
    PeriodKind.MONTH: 1,
}


def _calendar_range(kind: PeriodKind, lo: pendulum.Date, hi: pendulum.Date) -> tuple[int, int]:
    """The indices ``k`` of the periods of ``kind`` inside ``[lo, hi]`` (empty when a > b).

    Period ``k`` covers the months ``k·n … k·n + n − 1``, counted from January of year 0.
    """
    n = _MONTHS[kind]
    first = lo.year * 12 + lo.month - 1 + (lo.day != 1)
    last = hi.year * 12 + hi.month - 1 - (hi != month_end(hi.year, hi.month))
    return -(-first // n), (last + 1) // n - 1


def _calendar_period(kind: PeriodKind, k: int) -> Period:
    n = _MONTHS[kind]
    first_year, first_month = divmod(k * n, 12)
    last_year, last_month = divmod(k * n + n - 1, 12)
    return Period(
        pendulum.Date(first_year, first_month + 1, 1), month_end(last_year, last_month + 1)
    )


def _kind_names(kinds: Sequence[PeriodKind]) -> str:
    return "[" + ", ".join(repr(k.value) for k in kinds) + "]"


def periods(
    *,
    min_value: dt.date = MIN_DATE,
    max_value: dt.date = MAX_DATE,
    kinds: Sequence[PeriodKind | str] | None = None,
) -> st.SearchStrategy[Period]:
    """Reporting periods lying within ``[min_value, max_value]``.

    ``kinds`` are the :class:`~mttq_core.PeriodKind` members (or ids: ``"year"``, ``"half"``,
    ``"quarter"``, ``"month"``, ``"custom"``) to draw; by default every kind that fits between
    the bounds. A ``custom`` period is a range of at most 367 days that is never a calendar
    period. Shrinks toward the first kind and the earliest period.
    """
    lo, hi = check_bounds(min_value, max_value)
    wanted = tuple(PeriodKind) if kinds is None else check_members("kinds", kinds, PeriodKind)
    choices: list[tuple[PeriodKind, int, int]] = []
    for kind in wanted:
        if kind is PeriodKind.CUSTOM:
            choices.append((kind, lo.toordinal(), hi.toordinal()))
            continue
        a, b = _calendar_range(kind, lo, hi)
        if a <= b:
            choices.append((kind, a, b))
        elif kinds is not None:
            raise InvalidArgument(
                f"kinds={_kind_names(wanted)}: no {kind.value} lies wholly "
                f"between min_value={lo.isoformat()} and max_value={hi.isoformat()}; widen the "
                "bounds or leave that kind out"
            )
    return _periods(tuple(choices))


@st.composite
def _periods(draw: st.DrawFn, choices: tuple[tuple[PeriodKind, int, int], ...]) -> Period:
    kind, a, b = draw(st.sampled_from(choices))
    if kind is not PeriodKind.CUSTOM:
        return _calendar_period(kind, draw(ints(a, b)))
    start = a + draw(ints(0, b - a))
    end = start + draw(ints(0, min(b - start, 366)))
    period = Period(pendulum.Date.fromordinal(start), pendulum.Date.fromordinal(end))
    if period.kind is PeriodKind.CUSTOM:
        return period
    # a whole month, quarter, half or year: one day shorter is a custom range (and not empty,
    # since a calendar period has at least 28 days)
    return Period(period.start, shift(period.end, -1))


# -- terms -----------------------------------------------------------------------------------


def _term_end(start: pendulum.Date) -> pendulum.Date:
    """A term ends the day before the fifth anniversary of its congress."""
    if start.year + TERM_YEARS > dt.MAXYEAR:
        return pendulum.Date(dt.MAXYEAR, 12, 31)  # no term starts there (see _latest_start)
    return shift(start.add(years=TERM_YEARS), -1)


def _latest_start(hi: pendulum.Date) -> pendulum.Date | None:
    if hi.year <= TERM_YEARS:
        return None
    start = shift(hi.subtract(years=TERM_YEARS), 1)
    return start if _term_end(start) <= hi else shift(start, -1)


def term_of(start: pendulum.Date, *, committee: str | None = None) -> Term:
    """The term opened by a congress on ``start``: ``'2019-2024'``, ``'Nhiệm kỳ 2019–2024'``.

    With ``committee`` (``'huyện Gia Lâm'``) the term carries its congress's resolution.
    """
    first, last = start.year, start.year + TERM_YEARS
    resolution = None
    if committee is not None:
        resolution = (
            f"Nghị quyết Đại hội đại biểu MTTQ Việt Nam {committee} nhiệm kỳ {first}–{last}"
        )
    return Term(
        id=f"{first}-{last}",
        name=f"Nhiệm kỳ {first}–{last}",
        start=start,
        end=_term_end(start),
        resolution=resolution,
    )


def term_start(draw: st.DrawFn, lo: pendulum.Date, latest: pendulum.Date) -> pendulum.Date:
    """A congress day in ``[lo, latest]``, shrinking toward 1 April of the first year.

    Congresses meet in any season; the day is counted from 1 April (the usual season), and
    kept within the bounds.
    """
    year = draw(ints(lo.year, latest.year))
    ordinal = pendulum.Date(year, 4, 1).toordinal() + draw(ints(0, 364))
    return pendulum.Date.fromordinal(min(max(ordinal, lo.toordinal()), latest.toordinal()))


def terms(
    *, min_value: dt.date = MIN_DATE, max_value: dt.date = MAX_DATE
) -> st.SearchStrategy[Term]:
    """Five-year terms of office lying within ``[min_value, max_value]``.

    A term runs from its congress to the day before the congress five years later, and is
    named after the two congress years (``"2019-2024"``, ``"Nhiệm kỳ 2019–2024"``).
    """
    lo, hi = check_bounds(min_value, max_value)
    latest = _latest_start(hi)
    if latest is None or latest < lo:
        raise InvalidArgument(
            f"no {TERM_YEARS}-year term fits between min_value={lo.isoformat()} and "
            f"max_value={hi.isoformat()}; a term starting on min_value ends "
            f"{_term_end(lo).isoformat()}, so max_value must be on or after that day"
        )
    return _terms(lo, latest)


@st.composite
def _terms(draw: st.DrawFn, lo: pendulum.Date, latest: pendulum.Date) -> Term:
    start = term_start(draw, lo, latest)
    return term_of(start, committee=draw(st.sampled_from(_COMMITTEES)))


def terms_any() -> st.SearchStrategy[Term]:
    """``terms()`` with its defaults (a default argument of other strategies)."""
    return terms()
