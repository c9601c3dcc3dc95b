"""Outstanding pledges (đăng ký ủng hộ chưa tiếp nhận đủ)."""

from __future__ import annotations

import datetime as _dt

import attrs

from mttq_core.model import Fund, Pledge, Receipt

from ._statement import _day

__all__ = ["OutstandingPledge", "outstanding_pledges"]


@attrs.frozen(kw_only=True)
class OutstandingPledge:
    """A pledge not yet received in full: what was promised, received and is still due."""

    fund: str
    pledge: Pledge
    received: int
    outstanding: int
    age_days: int  # days from the pledge to ``as_of``


def outstanding_pledges(fund: Fund, as_of: _dt.date | str) -> tuple[OutstandingPledge, ...]:
    """The pledges made by ``as_of`` whose receipts by then fall short, oldest first.

    >>> import mttq_core, pendulum
    >>> fund = mttq_core.example().funds[0]
    >>> [(o.pledge.donor, o.received, o.outstanding)
    ...  for o in outstanding_pledges(fund, pendulum.Date(2022, 12, 31))]
    [('Công ty TNHH Gốm sứ Giang Cao', 30000000, 20000000)]
    """
    as_of = _day("as_of", as_of)
    received: dict[str, int] = {}
    for e in fund.entries:
        if isinstance(e, Receipt) and e.pledge is not None and e.date <= as_of:
            received[e.pledge] = received.get(e.pledge, 0) + e.amount
    out = [
        OutstandingPledge(
            fund=fund.id,
            pledge=e,
            received=received.get(e.id, 0),
            outstanding=e.amount - received.get(e.id, 0),
            age_days=(as_of - e.date).days,
        )
        for e in fund.entries
        if isinstance(e, Pledge) and e.date <= as_of and received.get(e.id, 0) < e.amount
    ]
    return tuple(sorted(out, key=lambda o: o.pledge.date))
