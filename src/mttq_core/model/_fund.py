"""Funds and their ledgers, accounted to the last đồng (SPEC §4)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from decimal import Decimal
from typing import Any, ClassVar, TypeAlias

import attrs
import pendulum

from ._enums import (
    DisclosureChannel,
    FundKind,
    ReceiptForm,
    to_disclosure_channel,
    to_fund_kind,
    to_receipt_form,
)
from ._errors import Problems
from ._observation import Observation
from ._period import Period
from ._target import COMMITTEE, check_period, to_period
from ._values import (
    check_date,
    check_enum,
    check_int,
    check_items,
    check_text,
    to_date,
    to_optional_text,
    to_text,
)

__all__ = [
    "Disbursement",
    "Disclosure",
    "Entry",
    "Fund",
    "Pledge",
    "Receipt",
    "format_dong",
]


def format_dong(amount: int) -> str:
    """Spell an amount of đồng the Vietnamese way.

    >>> format_dong(3150000000)
    '3.150.000.000 đ'
    >>> format_dong(-1500)
    '-1.500 đ'
    """
    return f"{amount:,} đ".replace(",", ".")


def _check_amount(p: Problems, value: object) -> None:
    if (
        check_int(p, "$.amount", value, what=" number of đồng")
        and isinstance(value, int)
        and value <= 0
    ):
        p.add("$.amount", f"{value} is not allowed; an amount is a whole number of đồng > 0")


@attrs.frozen(kw_only=True)
class Pledge:
    """A donor's promise (đăng ký ủng hộ)."""

    TYPE: ClassVar[str] = "pledge"
    id: str = attrs.field(converter=to_text)
    date: pendulum.Date = attrs.field(converter=to_date)
    donor: str = attrs.field(converter=to_text)
    amount: int

    def __attrs_post_init__(self) -> None:
        p = Problems()
        check_text(p, "$.id", self.id)
        check_date(p, "$.date", self.date)
        check_text(p, "$.donor", self.donor)
        _check_amount(p, self.amount)
        p.raise_if_any()


@attrs.frozen(kw_only=True)
class Receipt:
    """Money or goods received (tiếp nhận), valued in đồng."""

    TYPE: ClassVar[str] = "receipt"
    id: str = attrs.field(converter=to_text)
    date: pendulum.Date = attrs.field(converter=to_date)
    donor: str = attrs.field(converter=to_text)
    amount: int
    form: ReceiptForm = attrs.field(converter=to_receipt_form)
    description: str | None = attrs.field(default=None, converter=to_optional_text)
    pledge: str | None = attrs.field(default=None, converter=to_optional_text)

    def __attrs_post_init__(self) -> None:
        p = Problems()
        check_text(p, "$.id", self.id)
        check_date(p, "$.date", self.date)
        check_text(p, "$.donor", self.donor)
        _check_amount(p, self.amount)
        check_text(p, "$.pledge", self.pledge, required=False)
        if (
            check_enum(p, "$.form", self.form, ReceiptForm)
            and check_text(p, "$.description", self.description, required=False)
            and self.form is ReceiptForm.IN_KIND
            and not self.description
        ):
            p.add("$.description", "required for an in-kind receipt: say what was received")
        p.raise_if_any()


@attrs.frozen(kw_only=True)
class Disbursement:
    """Money paid out (chi) to a beneficiary for a purpose."""

    TYPE: ClassVar[str] = "disbursement"
    id: str = attrs.field(converter=to_text)
    date: pendulum.Date = attrs.field(converter=to_date)
    beneficiary: str = attrs.field(converter=to_text)
    purpose: str = attrs.field(converter=to_text)
    amount: int

    def __attrs_post_init__(self) -> None:
        p = Problems()
        check_text(p, "$.id", self.id)
        check_date(p, "$.date", self.date)
        check_text(p, "$.beneficiary", self.beneficiary)
        check_text(p, "$.purpose", self.purpose)
        _check_amount(p, self.amount)
        p.raise_if_any()


@attrs.frozen(kw_only=True)
class Disclosure:
    """A public disclosure (công khai) of the receipts and disbursements of a period."""

    TYPE: ClassVar[str] = "disclosure"
    id: str = attrs.field(converter=to_text)
    date: pendulum.Date = attrs.field(converter=to_date)
    period: Period = attrs.field(converter=to_period)
    channel: DisclosureChannel = attrs.field(converter=to_disclosure_channel)

    def __attrs_post_init__(self) -> None:
        p = Problems()
        check_text(p, "$.id", self.id)
        date_ok = check_date(p, "$.date", self.date)
        if check_period(p, "$.period", self.period) and date_ok and self.period.end > self.date:
            p.add(
                "$.period",
                f"{self.period} ends on {self.period.end.isoformat()}, after the disclosure "
                f"itself ({self.date.isoformat()}); a disclosure covers a period that has "
                "already ended — disclose the part that has (e.g. a month or a quarter)",
            )
        check_enum(p, "$.channel", self.channel, DisclosureChannel)
        p.raise_if_any()


Entry: TypeAlias = Pledge | Receipt | Disbursement | Disclosure
ENTRY_TYPES: dict[str, type[Entry]] = {
    cls.TYPE: cls for cls in (Pledge, Receipt, Disbursement, Disclosure)
}


def _tuple(value: Any) -> Any:
    return tuple(value) if isinstance(value, list) else value


@attrs.frozen(kw_only=True)
class Fund:
    """A fund (quỹ) with its ledger; the constructor enforces the ledger invariants.

    >>> d = pendulum.Date
    >>> fund = Fund(id="vnn", name="Quỹ “Vì người nghèo”", kind="vi_nguoi_ngheo",
    ...             owner="00583", opened_on=d(2021, 1, 1), entries=[
    ...     Receipt(id="r1", date=d(2021, 1, 5), donor="Hộ ông A", amount=5_000_000,
    ...             form="cash"),
    ...     Disbursement(id="c1", date=d(2021, 2, 1), beneficiary="Hộ bà B",
    ...                  purpose="Hỗ trợ dịp Tết", amount=3_000_000)])
    >>> format_dong(fund.balance_on(d(2021, 12, 31)))
    '2.000.000 đ'
    >>> Fund(id="x", name="Quỹ", kind="cuu_tro", owner="committee",  # doctest: +ELLIPSIS
    ...      opened_on=d(2021, 1, 1), entries=[
    ...     Disbursement(id="c1", date=d(2021, 1, 2), beneficiary="B", purpose="P", amount=1)])
    Traceback (most recent call last):
    ...
    mttq_core.DatasetError: 1 problem:
    $.entries[0].amount: disbursement 'c1' of 1 đ overdraws the fund: ...
    """

    id: str = attrs.field(converter=to_text)
    name: str = attrs.field(converter=to_text)
    kind: FundKind = attrs.field(converter=to_fund_kind)
    owner: str = attrs.field(converter=to_text)
    opened_on: pendulum.Date = attrs.field(converter=to_date)
    opening_balance: int = 0
    entries: tuple[Entry, ...] = attrs.field(default=(), converter=_tuple)
    feeds: str | None = attrs.field(default=None, converter=to_optional_text)

    def __attrs_post_init__(self) -> None:
        p = Problems()
        check_text(p, "$.id", self.id)
        check_text(p, "$.name", self.name)
        check_enum(p, "$.kind", self.kind, FundKind)
        check_text(p, "$.feeds", self.feeds, required=False)
        if (
            check_text(p, "$.owner", self.owner)
            and self.owner != COMMITTEE
            and not (len(self.owner) == 5 and self.owner.isascii() and self.owner.isdigit())
        ):
            p.add(
                "$.owner",
                f"{self.owner!r} is not an owner; expected a 5-digit commune code or 'committee'",
            )
        opened_ok = check_date(p, "$.opened_on", self.opened_on)
        balance_ok = check_int(
            p, "$.opening_balance", self.opening_balance, minimum=0, what=" number of đồng"
        )
        if check_items(
            p,
            "$.entries",
            self.entries,
            Pledge | Receipt | Disbursement | Disclosure,
            "a ledger entry",
        ):
            self._check_ledger(p, opened_ok=opened_ok, balance_ok=balance_ok)
        p.raise_if_any()

    def _check_ledger(self, p: Problems, *, opened_ok: bool, balance_ok: bool) -> None:
        ids: dict[str, int] = {}
        pledges: dict[str, tuple[int, Pledge]] = {}
        for i, e in enumerate(self.entries):
            if e.id in ids:
                p.add(
                    f"$.entries[{i}].id",
                    f"entry id {e.id!r} is already used by entries[{ids[e.id]}]; ids are unique "
                    "within a fund",
                )
            else:
                ids[e.id] = i
            if opened_ok and e.date < self.opened_on:
                p.add(
                    f"$.entries[{i}].date",
                    f"{e.date.isoformat()} is before the fund opened on "
                    f"{self.opened_on.isoformat()}; entries are dated on or after opened_on",
                )
            if isinstance(e, Pledge) and e.id not in pledges:
                pledges[e.id] = (i, e)
        received: dict[str, int] = defaultdict(int)
        for i, e in enumerate(self.entries):
            if not isinstance(e, Receipt) or e.pledge is None:
                continue
            if e.pledge not in pledges:
                p.add(f"$.entries[{i}].pledge", f"no pledge with id {e.pledge!r} in this fund")
                continue
            _pi, pledge = pledges[e.pledge]
            if e.date < pledge.date:
                p.add(
                    f"$.entries[{i}].date",
                    f"{e.date.isoformat()} is before pledge {pledge.id!r} was made "
                    f"({pledge.date.isoformat()}); a receipt against a pledge follows it",
                )
            before = received[e.pledge]
            received[e.pledge] = before + e.amount
            if before <= pledge.amount < before + e.amount:
                p.add(
                    f"$.entries[{i}].amount",
                    f"receipts against pledge {pledge.id!r} reach "
                    f"{format_dong(before + e.amount)}, "
                    f"above the {format_dong(pledge.amount)} pledged; receipts never exceed "
                    "their pledge",
                )
        if balance_ok:
            self._check_balance(p)

    def _check_balance(self, p: Problems) -> None:
        by_day: dict[pendulum.Date, int] = defaultdict(int)
        last_out: dict[pendulum.Date, tuple[int, Disbursement]] = {}
        for i, e in enumerate(self.entries):
            if isinstance(e, Receipt):
                by_day[e.date] += e.amount
            elif isinstance(e, Disbursement):
                by_day[e.date] -= e.amount
                last_out[e.date] = (i, e)
        balance = self.opening_balance
        for day in sorted(by_day):
            change = by_day[day]
            balance += change
            if balance < 0 and change < 0 and day in last_out:
                i, e = last_out[day]
                p.add(
                    f"$.entries[{i}].amount",
                    f"disbursement {e.id!r} of {format_dong(e.amount)} overdraws the fund: the "
                    f"balance at the end of {day.isoformat()} would be {format_dong(balance)}; "
                    "a fund's balance may never be negative",
                )

    def entries_of(self, kind: type[Entry]) -> Iterator[Entry]:
        """The entries of one type, in ledger order."""
        return (e for e in self.entries if isinstance(e, kind))

    def balance_on(self, day: pendulum.Date) -> int:
        """The balance (opening + receipts − disbursements) at the end of ``day``."""
        balance = self.opening_balance
        for e in self.entries:
            if e.date <= day:
                if isinstance(e, Receipt):
                    balance += e.amount
                elif isinstance(e, Disbursement):
                    balance -= e.amount
        return balance

    def receipts_by_year(self) -> dict[int, int]:
        """Receipts (cash, transfer and in-kind) per calendar year.

        Every year from the year the fund opened to the year of its last entry is present;
        years without receipts give 0.
        """
        last = max((e.date.year for e in self.entries), default=self.opened_on.year)
        years = dict.fromkeys(range(self.opened_on.year, max(last, self.opened_on.year) + 1), 0)
        for e in self.entries:
            if isinstance(e, Receipt):
                years[e.date.year] += e.amount
        return years

    def fed_observations(self) -> tuple[Observation, ...]:
        """The yearly observations this fund produces for the indicator it ``feeds``."""
        if self.feeds is None:
            return ()
        return tuple(
            Observation(
                commune=self.owner,
                indicator=self.feeds,
                period=Period.year(year),
                value=Decimal(total),
                source=f"Sổ quỹ: {self.name} (tổng thu năm {year})",
            )
            for year, total in self.receipts_by_year().items()
        )
