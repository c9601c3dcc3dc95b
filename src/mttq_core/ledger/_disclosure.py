"""Disclosure coverage (công khai): which receipts and disbursements have been made public."""

from __future__ import annotations

import datetime as _dt
from typing import Final

import attrs

from mttq_core.model import Disbursement, Disclosure, Fund, Receipt

from ._errors import LedgerError
from ._statement import _day

__all__ = ["DEFAULT_WINDOW_DAYS", "Coverage", "UncoveredEntry", "disclosure_coverage"]

#: How many days an entry may wait for its disclosure before it is reported as late. A
#: project default (a quarter), not a figure from a regulation: set the one your committee
#: works to.
DEFAULT_WINDOW_DAYS: Final = 90


@attrs.frozen(kw_only=True)
class UncoveredEntry:
    """A receipt or disbursement no disclosure made by ``as_of`` covers."""

    entry: Receipt | Disbursement
    age_days: int  # days from the entry to ``as_of``
    late: bool  # older than the window


@attrs.frozen(kw_only=True)
class Coverage:
    """Which of a fund's receipts and disbursements up to ``as_of`` have been disclosed.

    A disclosure covers the receipts and disbursements dated in its period (SPEC §4), from
    the day it is made. ``uncovered`` lists the rest, oldest first; those older than
    ``window_days`` are ``late``.
    """

    fund: str
    as_of: _dt.date | str
    window_days: int
    entries: int  # receipts and disbursements dated on or before as_of
    covered: int
    uncovered: tuple[UncoveredEntry, ...]
    last_disclosure: Disclosure | None

    @property
    def late(self) -> tuple[UncoveredEntry, ...]:
        """The uncovered entries older than the window, oldest first."""
        return tuple(u for u in self.uncovered if u.late)

    @property
    def uncovered_amount(self) -> int:
        """The đồng moved (received or paid) by the uncovered entries."""
        return sum(u.entry.amount for u in self.uncovered)


def disclosure_coverage(
    fund: Fund, as_of: _dt.date | str, *, window_days: int = DEFAULT_WINDOW_DAYS
) -> Coverage:
    """How far ``fund``'s receipts and disbursements up to ``as_of`` have been disclosed.

    >>> import mttq_core, pendulum
    >>> fund = mttq_core.example().funds[0]
    >>> c = disclosure_coverage(fund, pendulum.Date(2022, 4, 18), window_days=60)
    >>> c.entries - c.covered, [(u.entry.date.isoformat(), u.late) for u in c.uncovered]
    (2, [('2022-01-20', True), ('2022-03-10', False)])
    """
    as_of = _day("as_of", as_of)
    if isinstance(window_days, bool) or not isinstance(window_days, int) or window_days < 0:
        raise LedgerError(
            f"window_days: {window_days!r} is not allowed; expected a whole number ≥ 0"
        )
    made = [e for e in fund.entries if isinstance(e, Disclosure) and e.date <= as_of]
    moves = [e for e in fund.entries if isinstance(e, Receipt | Disbursement) and e.date <= as_of]
    uncovered: list[UncoveredEntry] = []
    for e in moves:
        if not any(d.period.start <= e.date <= d.period.end for d in made):
            age = (as_of - e.date).days
            uncovered.append(UncoveredEntry(entry=e, age_days=age, late=age > window_days))
    uncovered.sort(key=lambda u: u.entry.date)
    return Coverage(
        fund=fund.id,
        as_of=as_of,
        window_days=window_days,
        entries=len(moves),
        covered=len(moves) - len(uncovered),
        uncovered=tuple(uncovered),
        last_disclosure=max(made, key=lambda d: (d.date, d.period.end), default=None),
    )
