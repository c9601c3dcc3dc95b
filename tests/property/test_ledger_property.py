"""Laws of fund ledgers (SPEC §4), checked on random ledgers.

Two sources of ledgers: the shipped :func:`mttq_core.testing.funds` strategy, and
:func:`ledgers` below — a few weeks of crowded days (several entries a day, entered out of
date order, disbursements paid before the day's receipts), built valid by construction. For
the rejection laws, :func:`raw_moves` draws receipts and disbursements with no regard for the
balance, and the balance is recomputed here, independently of the library.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from decimal import Decimal
from typing import Any

import attrs
import pendulum
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import mttq_core as m
from mttq_core.ledger import (
    Coverage,
    OutstandingPledge,
    Statement,
    disclosure_coverage,
    fund_statement,
    outstanding_pledges,
)
from mttq_core.testing import funds

D = pendulum.Date
FORMS = tuple(m.ReceiptForm)
FIRST_DAY = D(2021, 1, 1)


def day(ordinal: int) -> pendulum.Date:
    return pendulum.Date.fromordinal(ordinal)


def shift(d: pendulum.Date, days: int) -> pendulum.Date:
    return day(d.toordinal() + days)


def receipt(
    ident: str,
    date: pendulum.Date,
    amount: int,
    form: m.ReceiptForm,
    pledge: str | None = None,
) -> m.Receipt:
    description = "Gạo, nhu yếu phẩm" if form is m.ReceiptForm.IN_KIND else None
    return m.Receipt(
        id=ident,
        date=date,
        donor="Nhân dân",
        amount=amount,
        form=form,
        description=description,
        pledge=pledge,
    )


def disbursement(ident: str, date: pendulum.Date, amount: int) -> m.Disbursement:
    return m.Disbursement(
        id=ident, date=date, beneficiary="Hộ cận nghèo", purpose="Hỗ trợ", amount=amount
    )


def a_fund(opened_on: pendulum.Date, opening: int, entries: list[m.Entry]) -> m.Fund:
    return m.Fund(
        id="vnn",
        name="Quỹ “Vì người nghèo”",
        kind="vi_nguoi_ngheo",
        owner="00583",
        opened_on=opened_on,
        opening_balance=opening,
        entries=entries,
    )


# -- strategies ----------------------------------------------------------------------------

#: Small amounts collide and sum to round figures: 0 balances and exact overdraws show up.
AMOUNTS = st.integers(1, 12) | st.integers(1, 3_000_000)
SPEC = st.tuples(
    st.integers(0, 6) | st.integers(0, 30),  # days after opening: crowded days
    st.sampled_from(("receipt", "disbursement", "pledge", "disclosure")),
    AMOUNTS,
    st.integers(0, 255),  # the rest: form, pledge honoured, disclosure period
)


@st.composite
def ledgers(draw: st.DrawFn, *, max_entries: int = 14) -> m.Fund:
    """A fund whose balance never ends a day below 0, entries in a shuffled ledger order.

    Valid by construction: within a day, a disbursement pays at most what the fund holds at
    that point (so the day also ends at or above 0), now and then all of it; with nothing in
    the fund it becomes a receipt. Shuffling the ledger order then puts some disbursements
    before the receipts of the same day they were paid from (the running balance dips).
    Receipts may honour an open pledge (never beyond it); a disclosure covers a custom period
    ending on or before its own date.
    """
    opened_on = shift(FIRST_DAY, draw(st.integers(0, 800)))
    opening = draw(st.sampled_from((0, 5)) | st.integers(0, 5_000_000))
    specs = sorted(draw(st.lists(SPEC, max_size=max_entries)), key=lambda s: s[0])
    balance = opening
    left: dict[str, int] = {}  # open pledges (made on or before this day): still to come
    entries: list[m.Entry] = []
    for i, (offset, drawn_kind, drawn_amount, rest) in enumerate(specs):
        date = shift(opened_on, offset)
        ident = f"e{i}"
        kind, amount = drawn_kind, drawn_amount
        if kind == "disbursement" and balance == 0:
            kind = "receipt"
        if kind == "receipt":
            honoured = sorted(left)
            against = (None, *honoured)[rest % (len(honoured) + 1)]
            if against is not None:
                amount = min(amount, left[against])
                left[against] -= amount
                if not left[against]:
                    del left[against]
            form = FORMS[rest // 4 % len(FORMS)]
            entry: m.Entry = receipt(ident, date, amount, form, against)
            balance += amount
        elif kind == "disbursement":  # now and then, all that is in the fund
            amount = balance if rest % 3 == 0 else min(amount, balance)
            entry = disbursement(ident, date, amount)
            balance -= amount
        elif kind == "pledge":
            entry = m.Pledge(id=ident, date=date, donor="Công ty A", amount=amount)
            left[ident] = amount
        else:  # a period ending 0-15 days before the disclosure, 1-40 days long
            end = shift(date, -(rest % 16))
            start = shift(end, -(rest // 16 + amount % 25))
            entry = m.Disclosure(
                id=ident, date=date, period=m.Period(start, end), channel="notice_board"
            )
        entries.append(entry)
    return a_fund(opened_on, opening, draw(st.permutations(entries)))


#: Both sources of valid ledgers.
VALID = ledgers() | funds(entries=st.integers(0, 16))


@st.composite
def raw_moves(draw: st.DrawFn) -> tuple[pendulum.Date, int, list[m.Entry]]:
    """Receipts and disbursements with no regard for the balance (many overdraw)."""
    opened_on = shift(FIRST_DAY, draw(st.integers(0, 400)))
    opening = draw(st.integers(0, 20))
    moves = draw(
        st.lists(
            st.tuples(
                st.integers(0, 10), st.booleans(), st.integers(1, 20), st.sampled_from(FORMS)
            ),
            max_size=12,
        )
    )
    entries: list[m.Entry] = [
        receipt(f"m{i}", shift(opened_on, offset), amount, form)
        if incoming
        else disbursement(f"m{i}", shift(opened_on, offset), amount)
        for i, (offset, incoming, amount, form) in enumerate(moves)
    ]
    return opened_on, opening, entries


# -- an independent ledger ------------------------------------------------------------------


def moves(fund: m.Fund) -> list[tuple[int, m.Receipt | m.Disbursement]]:
    """The receipts and disbursements with their ledger position."""
    return [(i, e) for i, e in enumerate(fund.entries) if isinstance(e, m.Receipt | m.Disbursement)]


def signed(e: m.Receipt | m.Disbursement) -> int:
    return e.amount if isinstance(e, m.Receipt) else -e.amount


def balance_by_hand(opening: int, entries: list[m.Entry], d: pendulum.Date) -> int:
    return opening + sum(
        signed(e) for e in entries if isinstance(e, m.Receipt | m.Disbursement) and e.date <= d
    )


def last_day(fund: m.Fund) -> pendulum.Date:
    return max((e.date for e in fund.entries), default=fund.opened_on)


def numbers(value: object) -> Iterator[object]:
    """Every number inside a result: attrs fields, dict values, tuple items (flags skipped)."""
    if isinstance(value, bool):
        return
    cls = type(value)
    if isinstance(value, int | float | Decimal):
        yield value
    elif attrs.has(cls):
        for field in attrs.fields(cls):
            yield from numbers(getattr(value, field.name))
    elif isinstance(value, dict):
        for item in value.values():
            yield from numbers(item)
    elif isinstance(value, tuple | list):
        for item in value:
            yield from numbers(item)


def all_ints(*values: object) -> bool:
    return all(type(x) is int for v in values for x in numbers(v))


# == balance ==================================================================================


@settings(max_examples=80, deadline=None)
@given(VALID)
def test_balance_is_opening_plus_receipts_minus_disbursements_every_day(fund: m.Fund) -> None:
    entries = list(fund.entries)
    for ordinal in range(fund.opened_on.toordinal() - 1, last_day(fund).toordinal() + 2):
        d = day(ordinal)
        expected = balance_by_hand(fund.opening_balance, entries, d)
        assert fund.balance_on(d) == expected
        assert type(fund.balance_on(d)) is int
        assert expected >= 0  # never negative at the end of a day


# == statements ===============================================================================


@st.composite
def fund_and_period(draw: st.DrawFn) -> tuple[m.Fund, pendulum.Date, pendulum.Date]:
    """A valid fund and a period reaching its life: from before it opened to after its end."""
    fund = draw(VALID)
    lo, hi = fund.opened_on.toordinal(), last_day(fund).toordinal()
    end = draw(st.integers(lo, hi + 5))
    start = draw(st.integers(lo - 5, end))
    return fund, day(start), day(end)


@settings(max_examples=100, deadline=None)
@given(fund_and_period())
def test_statement_adds_up(case: tuple[m.Fund, pendulum.Date, pendulum.Date]) -> None:
    fund, start, end = case
    s = fund_statement(fund, start, end)
    assert s.start == max(start, fund.opened_on)
    assert s.end == end
    assert s.receipts == s.cash + s.transfer + s.in_kind
    assert s.closing == s.opening + s.receipts - s.disbursements == fund.balance_on(end)
    assert s.opening == fund.balance_on(shift(s.start, -1))
    if start <= fund.opened_on:
        assert s.opening == fund.opening_balance
    # the lines: every move of the period, by date then ledger order, with a running balance
    inside = [(e.date, i, e) for i, e in moves(fund) if s.start <= e.date <= end]
    assert [line.entry for line in s.lines] == [e for _, _, e in sorted(inside)]
    running = s.opening
    for line in s.lines:
        running += line.inflow - line.outflow
        assert line.balance == running
    assert (s.lines[-1].balance if s.lines else s.opening) == s.closing
    # by form, by hand
    for form in FORMS:
        assert s.receipts_by_form[form] == sum(
            e.amount for _, _, e in inside if isinstance(e, m.Receipt) and e.form is form
        )
    assert s.disbursements == sum(e.amount for _, _, e in inside if isinstance(e, m.Disbursement))
    assert s.pledged == sum(
        e.amount for e in fund.entries if isinstance(e, m.Pledge) and s.start <= e.date <= end
    )
    assert all_ints(s)
    assert all(type(x) is int for x in (s.receipts, s.cash, s.transfer, s.in_kind))


@st.composite
def fund_and_split(draw: st.DrawFn) -> tuple[m.Fund, pendulum.Date, pendulum.Date, pendulum.Date]:
    """A valid fund and days a <= b < c with b on or after the day it opened."""
    fund = draw(VALID)
    lo, hi = fund.opened_on.toordinal(), last_day(fund).toordinal()
    b = draw(st.integers(lo, hi + 3))
    a = draw(st.integers(lo - 3, b))
    c = draw(st.integers(b + 1, hi + 6))
    return fund, day(a), day(b), day(c)


@settings(max_examples=80, deadline=None)
@given(fund_and_split())
def test_adjacent_statements_chain_and_add_up(
    case: tuple[m.Fund, pendulum.Date, pendulum.Date, pendulum.Date],
) -> None:
    fund, a, b, c = case
    first, second = fund_statement(fund, a, b), fund_statement(fund, shift(b, 1), c)
    whole = fund_statement(fund, a, c)
    assert first.closing == second.opening
    assert (whole.opening, whole.closing) == (first.opening, second.closing)
    for form in FORMS:
        assert whole.receipts_by_form[form] == (
            first.receipts_by_form[form] + second.receipts_by_form[form]
        )
    assert whole.disbursements == first.disbursements + second.disbursements
    assert whole.pledged == first.pledged + second.pledged
    assert whole.lines == first.lines + second.lines


@settings(max_examples=40, deadline=None)
@given(VALID, st.integers(1, 30))
def test_a_statement_ending_before_it_starts_is_refused(fund: m.Fund, gap: int) -> None:
    start = shift(fund.opened_on, gap)
    with pytest.raises(m.ledger.LedgerError, match=r"^end: .* is before start"):
        fund_statement(fund, start, shift(start, -1))


# == overdraws ================================================================================


@st.composite
def overdrawn(draw: st.DrawFn) -> tuple[m.Fund, pendulum.Date, int]:
    """A valid fund, a day of its life and by how much a new disbursement overdraws it."""
    fund = draw(VALID)
    lo, hi = fund.opened_on.toordinal(), last_day(fund).toordinal()
    return fund, day(draw(st.integers(lo, hi + 3))), draw(st.integers(1, 10**9))


@settings(max_examples=80, deadline=None)
@given(overdrawn())
def test_a_disbursement_above_the_balance_is_rejected_by_name(
    case: tuple[m.Fund, pendulum.Date, int],
) -> None:
    fund, when, excess = case
    amount = fund.balance_on(when) + excess
    index = len(fund.entries)
    culprit = disbursement("chi-vuot-quy", when, amount)
    with pytest.raises(m.DatasetError) as err:
        attrs.evolve(fund, entries=[*fund.entries, culprit])
    named = {p.path: p.message for p in err.value.problems}
    assert f"$.entries[{index}].amount" in named
    message = named[f"$.entries[{index}].amount"]
    assert "'chi-vuot-quy'" in message
    assert m.format_dong(amount) in message
    assert "overdraws the fund" in message
    assert when.isoformat() in message
    # every problem is an overdraw named on a disbursement's amount
    for path in named:
        assert path.endswith(".amount")
        position = int(path.removeprefix("$.entries[").split("]")[0])
        assert isinstance([*fund.entries, culprit][position], m.Disbursement)


@settings(max_examples=150, deadline=None)
@given(raw_moves())
def test_a_ledger_is_accepted_iff_no_day_ends_below_zero(
    case: tuple[pendulum.Date, int, list[m.Entry]],
) -> None:
    opened_on, opening, entries = case
    by_day: dict[pendulum.Date, list[tuple[int, m.Entry]]] = defaultdict(list)
    for i, e in enumerate(entries):
        by_day[e.date].append((i, e))
    first_negative = next(
        (d for d in sorted(by_day) if balance_by_hand(opening, entries, d) < 0), None
    )
    if first_negative is None:
        fund = a_fund(opened_on, opening, entries)
        assert fund.balance_on(max(by_day, default=opened_on)) >= 0
        return
    with pytest.raises(m.DatasetError) as err:
        a_fund(opened_on, opening, entries)
    # the first day that ends below 0 is named by its last disbursement in ledger order
    culprit = max(i for i, e in by_day[first_negative] if isinstance(e, m.Disbursement))
    paths = [p.path for p in err.value.problems]
    assert f"$.entries[{culprit}].amount" in paths
    message = dict(err.value.problems)[f"$.entries[{culprit}].amount"]
    balance = m.format_dong(balance_by_hand(opening, entries, first_negative))
    assert f"would be {balance}" in message
    assert repr(entries[culprit].id) in message


# == no float on the money path ===============================================================


@settings(max_examples=60, deadline=None)
@given(VALID, st.integers(-5, 60))
def test_every_amount_in_every_result_is_an_int(fund: m.Fund, offset: int) -> None:
    as_of = shift(last_day(fund), offset)
    statement: Statement = fund_statement(fund)
    pledges: tuple[OutstandingPledge, ...] = outstanding_pledges(fund, as_of)
    coverage: Coverage = disclosure_coverage(fund, as_of, window_days=offset % 120)
    assert all_ints(statement, pledges, coverage)
    assert type(coverage.uncovered_amount) is int
    assert all(type(x) is int for line in statement.lines for x in (line.inflow, line.outflow))
    assert all(type(x) is int for x in statement.receipts_by_form.values())
    assert not any(isinstance(x, float) for x in numbers(fund))


FLOATS = st.sampled_from([1.5, 1e6, 1000.0, 0.1, 5e5, float("inf"), float("nan")]) | st.floats()


@settings(max_examples=40, deadline=None)
@given(FLOATS)
def test_a_float_amount_is_refused(amount: float) -> None:
    loose: Any = amount
    message = "expected an integer number of đồng, got a float"
    with pytest.raises(m.DatasetError) as err:
        receipt("r1", FIRST_DAY, loose, m.ReceiptForm.CASH)
    assert [tuple(p) for p in err.value.problems] == [("$.amount", message)]
    with pytest.raises(m.DatasetError) as err:
        disbursement("c1", FIRST_DAY, loose)
    assert [tuple(p) for p in err.value.problems] == [("$.amount", message)]


# == outstanding pledges ======================================================================


@st.composite
def fund_and_day(draw: st.DrawFn) -> tuple[m.Fund, pendulum.Date]:
    """A valid fund and a day from a little before it opened to a little after its end."""
    fund = draw(VALID)
    lo, hi = fund.opened_on.toordinal(), last_day(fund).toordinal()
    return fund, day(draw(st.integers(lo - 3, hi + 3)))


@settings(max_examples=80, deadline=None)
@given(fund_and_day())
def test_outstanding_pledges(case: tuple[m.Fund, pendulum.Date]) -> None:
    fund, as_of = case
    received: dict[str, int] = defaultdict(int)
    for e in fund.entries:
        if isinstance(e, m.Receipt) and e.pledge is not None and e.date <= as_of:
            received[e.pledge] += e.amount
    expected = {
        e.id
        for e in fund.entries
        if isinstance(e, m.Pledge) and e.date <= as_of and received[e.id] < e.amount
    }
    found = outstanding_pledges(fund, as_of)
    assert {o.pledge.id for o in found} == expected
    assert [o.pledge.date for o in found] == sorted(o.pledge.date for o in found)
    for o in found:
        assert o.fund == fund.id
        assert o.received == received[o.pledge.id]
        assert o.outstanding == o.pledge.amount - o.received > 0
        assert o.age_days == (as_of - o.pledge.date).days >= 0
    # a pledge received in full never appears
    full = {e.id for e in fund.entries if isinstance(e, m.Pledge) and received[e.id] == e.amount}
    assert not full & {o.pledge.id for o in found}


# == disclosure coverage ======================================================================


@settings(max_examples=80, deadline=None)
@given(VALID, st.integers(-3, 200), st.integers(0, 120), st.integers(0, 120))
def test_disclosure_coverage(fund: m.Fund, offset: int, w1: int, w2: int) -> None:
    as_of = shift(fund.opened_on, offset)
    small, large = sorted((w1, w2))
    c = disclosure_coverage(fund, as_of, window_days=small)
    made = [e for e in fund.entries if isinstance(e, m.Disclosure) and e.date <= as_of]
    dated = [e for _, e in moves(fund) if e.date <= as_of]
    assert c.entries == len(dated)
    assert c.covered + len(c.uncovered) == c.entries
    assert [u.entry.date for u in c.uncovered] == sorted(u.entry.date for u in c.uncovered)
    for u in c.uncovered:
        assert u.age_days == (as_of - u.entry.date).days
        assert u.late is (u.age_days > small)
        # never inside the period of a disclosure made by then
        assert not any(d.period.start <= u.entry.date <= d.period.end for d in made)
    uncovered_ids = {u.entry.id for u in c.uncovered}
    for e in dated:
        if not any(d.period.start <= e.date <= d.period.end for d in made):
            assert e.id in uncovered_ids
    assert c.late == tuple(u for u in c.uncovered if u.late)
    assert c.uncovered_amount == sum(u.entry.amount for u in c.uncovered)
    # a larger window never makes more entries late
    wider = disclosure_coverage(fund, as_of, window_days=large)
    assert {u.entry.id for u in wider.late} <= {u.entry.id for u in c.late}
    assert (wider.entries, wider.covered) == (c.entries, c.covered)
    if made:
        assert c.last_disclosure in made
        assert c.last_disclosure is not None
        assert c.last_disclosure.date == max(d.date for d in made)
    else:
        assert c.last_disclosure is None


# == the shipped strategy at the start of the calendar ==========================================


@settings(max_examples=60, deadline=None)
@given(funds(min_value=D(1, 1, 1), max_value=D(1, 9, 30), entries=st.integers(0, 30)))
def test_shipped_funds_disclose_only_ended_periods_even_in_year_one(fund: m.Fund) -> None:
    """In 0001-Q1 no quarter has ended yet: the strategy must not disclose one (regression)."""
    for e in fund.entries:
        if isinstance(e, m.Disclosure):
            assert e.period.end <= e.date
            assert e.date >= D(1, 4, 1)


@settings(max_examples=30, deadline=None)
@given(st.from_type(m.Disclosure))
def test_shipped_disclosures_cover_an_ended_year(disclosure: m.Disclosure) -> None:
    assert disclosure.period == m.Period.year(disclosure.date.year - 1)
    assert disclosure.period.end < disclosure.date
