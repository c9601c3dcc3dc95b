"""A fund's statement for a period (báo cáo thu, chi): opening, receipts, disbursements, closing."""

from __future__ import annotations

import datetime as _dt

import attrs
import pendulum

from mttq_core.model import Disbursement, Fund, Pledge, Receipt, ReceiptForm, format_dong
from mttq_core.model._period import PeriodError, date_argument

from ._errors import LedgerError

__all__ = ["Statement", "StatementLine", "fund_statement"]


@attrs.frozen(kw_only=True)
class StatementLine:
    """One receipt or disbursement of the period, with the fund's balance after it.

    ``balance`` is the running balance after this entry, entries taken by date and, within a
    day, in ledger order; only the balance at the end of a day is bound to be ≥ 0.
    """

    entry: Receipt | Disbursement
    balance: int

    @property
    def inflow(self) -> int:
        """The amount received (thu), 0 for a disbursement."""
        return self.entry.amount if isinstance(self.entry, Receipt) else 0

    @property
    def outflow(self) -> int:
        """The amount paid out (chi), 0 for a receipt."""
        return self.entry.amount if isinstance(self.entry, Disbursement) else 0


@attrs.frozen(kw_only=True)
class Statement:
    """A fund's statement for ``start``–``end`` (both inclusive), in integer đồng.

    ``opening`` (số dư đầu kỳ) is the balance at the end of the day before ``start``;
    ``closing`` (số dư cuối kỳ) the balance at the end of ``end``, and always
    ``closing == opening + receipts - disbursements``. Receipts are shown by form — cash
    (tiền mặt), transfer (chuyển khoản) and in kind (hiện vật, valued in đồng) — and all
    three count in the balance, as SPEC §4 defines it. ``pledged`` is what donors pledged
    in the period (a promise, not money: it is not in the balance).

    A period that starts before the fund opened starts on ``opened_on`` instead (``start``
    says so), and then ``opening`` is the fund's opening balance.
    """

    fund: str
    name: str
    start: pendulum.Date
    end: pendulum.Date
    opening: int
    cash: int
    transfer: int
    in_kind: int
    disbursements: int
    pledged: int
    closing: int
    lines: tuple[StatementLine, ...]

    @property
    def receipts(self) -> int:
        """All receipts of the period (thu): cash + transfer + in kind."""
        return self.cash + self.transfer + self.in_kind

    @property
    def receipts_by_form(self) -> dict[ReceiptForm, int]:
        """Receipts by form: cash (tiền mặt), transfer (chuyển khoản), in kind (hiện vật)."""
        return {
            ReceiptForm.CASH: self.cash,
            ReceiptForm.TRANSFER: self.transfer,
            ReceiptForm.IN_KIND: self.in_kind,
        }

    def rows(self) -> list[tuple[str, str]]:
        """The summary as (Vietnamese label, amount) rows, amounts the Vietnamese way."""
        return [
            ("Số dư đầu kỳ", format_dong(self.opening)),
            ("Thu trong kỳ", format_dong(self.receipts)),
            ("  – Tiền mặt", format_dong(self.cash)),
            ("  – Chuyển khoản", format_dong(self.transfer)),
            ("  – Hiện vật (quy ra tiền)", format_dong(self.in_kind)),
            ("Chi trong kỳ", format_dong(self.disbursements)),
            ("Số dư cuối kỳ", format_dong(self.closing)),
        ]


def _day(name: str, value: object) -> pendulum.Date:
    """A date argument: ``pendulum.Date``, ``datetime.date`` or ``'YYYY-MM-DD'``."""
    try:
        return date_argument(name, value)
    except PeriodError as e:
        raise LedgerError(str(e)) from None


def fund_statement(
    fund: Fund, start: _dt.date | str | None = None, end: _dt.date | str | None = None
) -> Statement:
    """The statement of ``fund`` for the days ``start`` to ``end`` (inclusive).

    ``start`` defaults to the day the fund opened, ``end`` to the day of its last entry (or
    ``start``, if that is later). Dates are ``pendulum.Date``, ``datetime.date`` or
    ``'YYYY-MM-DD'``.

    >>> import mttq_core
    >>> fund = mttq_core.example().funds[0]
    >>> s = fund_statement(fund, pendulum.Date(2021, 1, 1), pendulum.Date(2021, 12, 31))
    >>> for label, amount in s.rows():
    ...     print(f"{label:27}{amount:>17}")
    Số dư đầu kỳ                   182.500.000 đ
    Thu trong kỳ                   217.300.000 đ
      – Tiền mặt                   104.300.000 đ
      – Chuyển khoản                95.000.000 đ
      – Hiện vật (quy ra tiền)      18.000.000 đ
    Chi trong kỳ                   148.000.000 đ
    Số dư cuối kỳ                  251.800.000 đ
    """
    last = max((e.date for e in fund.entries), default=fund.opened_on)
    first = fund.opened_on if start is None else _day("start", start)
    until = max(last, fund.opened_on, first) if end is None else _day("end", end)
    if until < fund.opened_on:
        raise LedgerError(
            f"end: {until.isoformat()} is before fund {fund.id!r} opened "
            f"({fund.opened_on.isoformat()}); ask for a period that reaches the fund's life"
        )
    if until < first:
        raise LedgerError(
            f"end: {until.isoformat()} is before start ({first.isoformat()}); a statement's "
            "period ends on or after the day it starts"
        )
    start, end = max(first, fund.opened_on), until
    opening = fund.opening_balance
    by_form = dict.fromkeys(ReceiptForm, 0)  # summed here, stored as three int fields
    pledged = disbursed = 0
    moves: list[tuple[pendulum.Date, int, Receipt | Disbursement]] = []
    for position, e in enumerate(fund.entries):
        if isinstance(e, Receipt | Disbursement):
            if e.date < start:
                opening += e.amount if isinstance(e, Receipt) else -e.amount
            elif e.date <= end:
                moves.append((e.date, position, e))
        elif isinstance(e, Pledge) and start <= e.date <= end:
            pledged += e.amount
    balance = opening
    lines: list[StatementLine] = []
    for _, _, e in sorted(moves, key=lambda m: (m[0], m[1])):
        if isinstance(e, Receipt):
            by_form[e.form] += e.amount
            balance += e.amount
        else:
            disbursed += e.amount
            balance -= e.amount
        lines.append(StatementLine(entry=e, balance=balance))
    return Statement(
        fund=fund.id,
        name=fund.name,
        start=start,
        end=end,
        opening=opening,
        cash=by_form[ReceiptForm.CASH],
        transfer=by_form[ReceiptForm.TRANSFER],
        in_kind=by_form[ReceiptForm.IN_KIND],
        disbursements=disbursed,
        pledged=pledged,
        closing=balance,
        lines=tuple(lines),
    )
