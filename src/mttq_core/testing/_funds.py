"""Funds whose ledgers balance (SPEC §4), and their entries."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Final

import pendulum
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from mttq_core.model import (
    COMMITTEE,
    Disbursement,
    Disclosure,
    DisclosureChannel,
    Entry,
    Fund,
    FundKind,
    Period,
    Pledge,
    Receipt,
    ReceiptForm,
)

from . import _vocabulary as vocab
from ._arguments import (
    check_bounds,
    check_members,
    check_strategy,
    draw_code,
    draw_count,
)
from ._draw import draw_bytes, ints
from ._strategies import CODES, place_of
from ._time import MAX_DATE, MIN_DATE, day_between

__all__ = [
    "build_fund",
    "disbursements",
    "disclosures",
    "funds",
    "pledges",
    "receipts",
]

_ENTRY_KINDS: Final = ("receipt", "pledge", "disbursement", "disclosure")
_FORMS: Final = tuple(ReceiptForm)
_CHANNELS: Final = tuple(DisclosureChannel)
_UNIT: Final = 100_000  # đồng: amounts are whole multiples of 100 000 đ
_YEAR_2: Final = pendulum.Date(2, 1, 1)  # the first day a whole year lies behind


def _ledger(
    draw: st.DrawFn,
    *,
    opened_on: pendulum.Date,
    until: pendulum.Date,
    size: int,
    place: str,
    district: str,
) -> tuple[int, tuple[Entry, ...]]:
    """An opening balance and ``size`` entries in date order, never overdrawn (SPEC §4).

    Receipts against a pledge follow it and never exceed it; a disbursement pays out at most
    the balance (with nothing in the fund, the entry becomes a disclosure instead). A
    disclosure covers the quarter before its date, which has ended by then; in the first
    quarter of year 1 no quarter has, and the entry becomes a receipt instead. Each entry
    is one draw of five bytes, read as: days since the entry before (0 to 60), the type
    (receipt first), the amount (1 to 1 000 units of 100 000 đ), and one byte for the rest
    (the pledge it honours, the form, the donor or purpose, the channel). All zero bytes give
    a cash receipt of 100 000 đ on the day of the entry before.
    """
    balance = draw(ints(0, 500)) * _UNIT
    opening = balance
    entries: list[Entry] = []
    open_pledges: dict[str, Pledge] = {}
    left: dict[str, int] = {}
    day = opened_on.toordinal()
    for i in range(size):
        gap, which, high, low, rest = draw_bytes(draw, 5)
        day = min(day + gap % 61, until.toordinal())
        date = pendulum.Date.fromordinal(day)
        ident = f"{date.year}-{i + 1:03d}"
        kind = _ENTRY_KINDS[which % len(_ENTRY_KINDS)]
        amount = ((high << 8 | low) % 1_000 + 1) * _UNIT
        donor = vocab.DONORS[rest // 32 % len(vocab.DONORS)].format(
            commune=place, district=district
        )
        if kind == "disbursement" and balance == 0:
            kind = "disclosure"
        # the quarter before the disclosure, as a count of quarters since year 0: it has ended
        # by the disclosure's date (SPEC §4); before 0001-04-01 there is none (quarter < 4)
        quarter = date.year * 4 + (date.month - 1) // 3 - 1
        if kind == "disclosure" and quarter < 4:
            kind = "receipt"
        if kind == "pledge":
            pledge = Pledge(id=ident, date=date, donor=donor, amount=amount)
            open_pledges[ident], left[ident] = pledge, amount
            entries.append(pledge)
        elif kind == "receipt":
            against = (None, *open_pledges)[rest % (len(open_pledges) + 1)]
            if against is not None:
                donor = open_pledges[against].donor
                amount = min(amount, left[against])
                left[against] -= amount
                if not left[against]:
                    del open_pledges[against]
            form = _FORMS[rest // 8 % len(_FORMS)]
            description = None
            if form is ReceiptForm.IN_KIND:
                description = vocab.DESCRIPTIONS[rest // 32 % len(vocab.DESCRIPTIONS)]
            entries.append(
                Receipt(
                    id=ident,
                    date=date,
                    donor=donor,
                    amount=amount,
                    form=form,
                    description=description,
                    pledge=against,
                )
            )
            balance += amount
        elif kind == "disbursement":
            amount = min(amount, balance)
            entries.append(
                Disbursement(
                    id=ident,
                    date=date,
                    beneficiary=f"Hộ nghèo, hộ cận nghèo {place}",
                    purpose=vocab.PURPOSES[rest % len(vocab.PURPOSES)],
                    amount=amount,
                )
            )
            balance -= amount
        else:
            entries.append(
                Disclosure(
                    id=ident,
                    date=date,
                    period=Period.parse(f"{quarter // 4:04d}-Q{quarter % 4 + 1}"),
                    channel=_CHANNELS[rest % len(_CHANNELS)],
                )
            )
    return opening, tuple(entries)


_FUND_IDS: Final = {
    FundKind.VI_NGUOI_NGHEO: "vnn",
    FundKind.CUU_TRO: "cuu-tro",
    FundKind.COVID19: "covid19",
    FundKind.AN_SINH_XA_HOI: "an-sinh",
    FundKind.DEN_ON_DAP_NGHIA: "don",
    FundKind.OTHER: "quy",
}


def build_fund(
    draw: st.DrawFn,
    *,
    owner: str,
    place: str,
    district: str,
    kinds: Sequence[FundKind],
    opened_on: pendulum.Date,
    until: pendulum.Date,
    size: int,
    feeds: str | None = None,
    taken: set[str] | None = None,
) -> Fund:
    """A fund of ``owner`` (``place`` names it) whose ledger balances (SPEC §4).

    Its id is the kind and the place (``'vnn-xa-bat-trang'``), unique within ``taken``.
    """
    kind = draw(st.sampled_from(kinds))
    opening, entries = _ledger(
        draw, opened_on=opened_on, until=until, size=size, place=place, district=district
    )
    return Fund(
        id=vocab.fresh_id(f"{_FUND_IDS[kind]}-{vocab.slug(place)}", taken),
        name=f"{kind.label} {place}",
        kind=kind,
        owner=owner,
        opened_on=opened_on,
        opening_balance=opening,
        entries=entries,
        feeds=feeds,
    )


def funds(
    *,
    owners: st.SearchStrategy[str] = CODES | st.just(COMMITTEE),
    kinds: Sequence[FundKind | str] = tuple(FundKind),
    entries: st.SearchStrategy[int] = st.integers(0, 12),
    feeds: st.SearchStrategy[str | None] = st.none(),
    min_value: dt.date = MIN_DATE,
    max_value: dt.date = MAX_DATE,
) -> st.SearchStrategy[Fund]:
    """Funds whose ledgers balance, dated within ``[min_value, max_value]``.

    ``owners`` draws commune codes or ``"committee"``; ``entries`` the number of ledger
    entries (pledges, receipts in cash, by transfer or in kind, disbursements, disclosures),
    amounts in whole multiples of 100 000 đồng; ``feeds`` an indicator id or ``None``.
    """
    check_strategy("owners", owners, "st.just('committee')")
    chosen = check_members("kinds", kinds, FundKind)
    check_strategy("entries", entries, "st.integers(0, 12)")
    check_strategy("feeds", feeds, "st.just('quy_vi_nguoi_ngheo')")
    lo, hi = check_bounds(min_value, max_value)
    return _funds(owners=owners, kinds=chosen, entries=entries, feeds=feeds, lo=lo, hi=hi)


@st.composite
def _funds(
    draw: st.DrawFn,
    *,
    owners: st.SearchStrategy[str],
    kinds: tuple[FundKind, ...],
    entries: st.SearchStrategy[int],
    feeds: st.SearchStrategy[str | None],
    lo: pendulum.Date,
    hi: pendulum.Date,
) -> Fund:
    owner = draw_code(draw, owners, "owners", committee=True)
    place, district = ("Ủy ban MTTQ", "huyện") if owner == COMMITTEE else place_of(owner)
    size = draw_count(draw, entries, "entries", 0, 200)
    fed = draw(feeds)
    if fed is not None and (not isinstance(fed, str) or not fed.strip()):
        raise InvalidArgument(f"feeds drew {fed!r}; it must draw an indicator id or None")
    return build_fund(
        draw,
        owner=owner,
        place=place,
        district=district,
        kinds=kinds,
        opened_on=day_between(draw, lo, hi),
        until=hi,
        size=size,
        feeds=fed,
    )


# -- entries alone, for st.from_type ----------------------------------------------------------


def _entry_basics(
    draw: st.DrawFn, lo: pendulum.Date = MIN_DATE
) -> tuple[str, pendulum.Date, int, str]:
    date = day_between(draw, lo, MAX_DATE)
    ident = f"{date.year}-{draw(ints(1, 999)):03d}"
    donor = draw(st.sampled_from(vocab.DONORS)).format(commune="xã", district="huyện")
    return ident, date, draw(ints(1, 1_000)) * _UNIT, donor


@st.composite
def pledges(draw: st.DrawFn) -> Pledge:
    """A donor's pledge."""
    ident, date, amount, donor = _entry_basics(draw)
    return Pledge(id=ident, date=date, donor=donor, amount=amount)


@st.composite
def receipts(draw: st.DrawFn) -> Receipt:
    """A receipt in cash, by transfer or in kind (then described)."""
    ident, date, amount, donor = _entry_basics(draw)
    form = draw(st.sampled_from(_FORMS))
    description = None
    if form is ReceiptForm.IN_KIND:
        description = draw(st.sampled_from(vocab.DESCRIPTIONS))
    return Receipt(
        id=ident, date=date, donor=donor, amount=amount, form=form, description=description
    )


@st.composite
def disbursements(draw: st.DrawFn) -> Disbursement:
    """A disbursement to a beneficiary."""
    ident, date, amount, _donor = _entry_basics(draw)
    return Disbursement(
        id=ident,
        date=date,
        beneficiary="Hộ nghèo, hộ cận nghèo",
        purpose=draw(st.sampled_from(vocab.PURPOSES)),
        amount=amount,
    )


@st.composite
def disclosures(draw: st.DrawFn) -> Disclosure:
    """A disclosure of a year's receipts and disbursements, made after it."""
    # dated from year 2 on, so that a whole year has ended before it (SPEC §4)
    ident, date, _amount, _donor = _entry_basics(draw, max(MIN_DATE, _YEAR_2))
    return Disclosure(
        id=ident,
        date=date,
        period=Period.year(date.year - 1),
        channel=draw(st.sampled_from(_CHANNELS)),
    )
