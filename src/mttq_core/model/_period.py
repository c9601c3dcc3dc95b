"""Reporting periods: a year, a half, a quarter, a month, or any inclusive date range."""

from __future__ import annotations

import calendar
import datetime as _dt
import re
from enum import StrEnum
from functools import lru_cache

import attrs
import pendulum

from ._values import to_date

__all__ = ["Period", "PeriodError", "PeriodKind", "month_end", "parse_date"]


class PeriodError(ValueError):
    """A period string or a pair of bounds that does not name a valid period."""


class PeriodKind(StrEnum):
    """The length of a period: calendar periods have one, a free range is ``custom``."""

    YEAR = "year"
    HALF = "half"
    QUARTER = "quarter"
    MONTH = "month"
    CUSTOM = "custom"


_FORMS = "'2021', '2021-H1', '2021-Q3', '2021-05' or '2021-04-01/2021-06-30'"
_YEAR = re.compile(r"([0-9]{4})\Z")
_HALF = re.compile(r"([0-9]{4})-H([12])\Z")
_QUARTER = re.compile(r"([0-9]{4})-Q([1-4])\Z")
_MONTH = re.compile(r"([0-9]{4})-(0[1-9]|1[0-2])\Z")
_RANGE = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})/([0-9]{4})-([0-9]{2})-([0-9]{2})\Z")
_ISO_DATE = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})\Z")


def month_end(year: int, month: int) -> pendulum.Date:
    """The last day of a month."""
    return pendulum.Date(year, month, calendar.monthrange(year, month)[1])


def _date(year: str, month: str, day: str, text: str) -> pendulum.Date:
    try:
        return pendulum.Date(int(year), int(month), int(day))
    except ValueError:
        raise PeriodError(f"{text!r} is not a calendar date") from None


def parse_date(text: str) -> pendulum.Date:
    """Parse an ISO ``YYYY-MM-DD`` date exactly (no time, no zone, no other form).

    >>> parse_date("2022-04-18")
    Date(2022, 4, 18)
    """
    match = _ISO_DATE.match(text)
    if not match:
        raise PeriodError(f"{text!r} is not a date; expected YYYY-MM-DD")
    year, month, day = match.groups()
    return _date(year, month, day, text)


def date_argument(name: str, value: object) -> pendulum.Date:
    """A date passed to a function: ``pendulum.Date``, ``datetime.date`` or ``'YYYY-MM-DD'``.

    Raises :class:`PeriodError` naming the argument; a date *and time* is refused, never
    truncated. The one parser behind ``assess(as_of=…)``, the ledger and the follow-up.

    >>> date_argument("as_of", "2022-04-18"), date_argument("as_of", _dt.date(2022, 4, 18))
    (Date(2022, 4, 18), Date(2022, 4, 18))
    """
    if isinstance(value, _dt.datetime):
        raise PeriodError(f"{name}: expected a date, got a date and time; pass pendulum.Date")
    if isinstance(value, pendulum.Date):
        return value
    if isinstance(value, _dt.date):
        return pendulum.Date(value.year, value.month, value.day)
    if isinstance(value, str):
        try:
            return parse_date(value)
        except PeriodError as e:
            raise PeriodError(f"{name}: {e}") from None
    raise PeriodError(f"{name}: expected a date (pendulum.Date or 'YYYY-MM-DD'), got {value!r}")


@attrs.frozen(order=False, cache_hash=True)
class Period:
    """An inclusive span of days with a canonical text form.

    >>> p = Period.parse("2021-Q3")
    >>> p.start, p.end
    (Date(2021, 7, 1), Date(2021, 9, 30))
    >>> str(p), p.kind.value
    ('2021-Q3', 'quarter')
    >>> str(Period.parse("2021-01-01/2021-12-31"))  # the canonical form of a whole year
    '2021'
    >>> str(Period.parse("2021-04-01/2021-05-15"))
    '2021-04-01/2021-05-15'
    """

    start: pendulum.Date = attrs.field(converter=to_date)
    end: pendulum.Date = attrs.field(converter=to_date)

    def __attrs_post_init__(self) -> None:
        for name in ("start", "end"):
            value: object = getattr(self, name)
            if isinstance(value, _dt.datetime):
                raise PeriodError(f"period {name} must be a date, not a date and time")
            if not isinstance(value, pendulum.Date):
                raise PeriodError(f"period {name} must be a date, got {value!r}")
        if self.start > self.end:
            raise PeriodError(
                f"period start {self.start.isoformat()} is after its end {self.end.isoformat()}"
            )

    @staticmethod
    def parse(text: str) -> Period:
        """Parse one of the five period forms; raise :class:`PeriodError` otherwise."""
        if not isinstance(text, str):
            raise PeriodError(f"a period is a string like {_FORMS}")
        return _parse(text)

    @staticmethod
    def year(year: int) -> Period:
        """The calendar year ``year``."""
        return Period(pendulum.Date(year, 1, 1), pendulum.Date(year, 12, 31))

    @property
    def kind(self) -> PeriodKind:
        """Which calendar length this period has, or ``custom``."""
        return _kind_and_text(self.start, self.end)[0]

    @property
    def days(self) -> int:
        """Number of days in the period (both ends included)."""
        return self.end.toordinal() - self.start.toordinal() + 1

    def contains(self, day: pendulum.Date) -> bool:
        """Whether ``day`` lies in the period."""
        return self.start <= day <= self.end

    def __str__(self) -> str:
        return _kind_and_text(self.start, self.end)[1]

    def __lt__(self, other: Period) -> bool:
        return (self.end, self.start) < (other.end, other.start)


@lru_cache(maxsize=4096)
def _parse(text: str) -> Period:
    if m := _YEAR.match(text):
        return Period.year(int(m[1]))
    if m := _HALF.match(text):
        y, h = int(m[1]), int(m[2])
        return Period(pendulum.Date(y, 6 * h - 5, 1), month_end(y, 6 * h))
    if m := _QUARTER.match(text):
        y, q = int(m[1]), int(m[2])
        return Period(pendulum.Date(y, 3 * q - 2, 1), month_end(y, 3 * q))
    if m := _MONTH.match(text):
        y, mo = int(m[1]), int(m[2])
        return Period(pendulum.Date(y, mo, 1), month_end(y, mo))
    if m := _RANGE.match(text):
        start = _date(m[1], m[2], m[3], text.split("/", maxsplit=1)[0])
        end = _date(m[4], m[5], m[6], text.split("/")[1])
        if start > end:
            raise PeriodError(f"{text!r} starts after it ends")
        return Period(start, end)
    raise PeriodError(f"{text!r} is not a period; expected {_FORMS}")


@lru_cache(maxsize=4096)
def _kind_and_text(start: pendulum.Date, end: pendulum.Date) -> tuple[PeriodKind, str]:
    y = start.year
    if start.day == 1 and end.year == y and end == month_end(y, end.month):
        first, last = start.month, end.month
        if first == 1 and last == 12:
            return PeriodKind.YEAR, f"{y:04d}"
        if first in (1, 7) and last == first + 5:
            return PeriodKind.HALF, f"{y:04d}-H{(first + 5) // 6}"
        if first in (1, 4, 7, 10) and last == first + 2:
            return PeriodKind.QUARTER, f"{y:04d}-Q{(first + 2) // 3}"
        if first == last:
            return PeriodKind.MONTH, f"{y:04d}-{first:02d}"
    return PeriodKind.CUSTOM, f"{start.isoformat()}/{end.isoformat()}"


PeriodError.__module__ = "mttq_core"
