"""Fund ledgers (SPEC §4): statements, outstanding pledges and disclosure coverage by hand.

A small fund whose every figure is worked out below, and the example's ``vnn-bat-trang``
fund checked against sums taken straight from the shipped JSON file (plain ``json`` and
``int``), not from the library.
"""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import pendulum
import pytest

import mttq_core as m
from mttq_core.ledger import (
    DEFAULT_WINDOW_DAYS,
    LedgerError,
    disclosure_coverage,
    fund_statement,
    outstanding_pledges,
)

D = pendulum.Date
EXAMPLE_FILE = (
    Path(__file__).resolve().parents[2]
    / "src"
    / "mttq_core"
    / "examples"
    / "gia_lam_2019_2024.json"
)
CASH, TRANSFER, IN_KIND = m.ReceiptForm.CASH, m.ReceiptForm.TRANSFER, m.ReceiptForm.IN_KIND


def untyped(value: object) -> Any:
    """Pass a deliberately wrong value past the type checker."""
    return value


# -- a small fund, worked out by hand ---------------------------------------------------------
#
# opening balance 1 000 000 on 2021-01-01; balance at the end of each day with a move:
#   01-10  r1 transfer +6 000 000 (against p1)          7 000 000
#   02-01  r2 in kind  +2 000 000, r3 cash +500 000      9 500 000
#   02-20  r5 cash       +300 000 (entered last)         9 800 000
#   03-01  c1          −5 000 000                        4 800 000
#   03-15  c2          −7 000 000, r4 cash +4 000 000    1 800 000 (−2 200 000 between the two)
#   05-02  r6 transfer +1 000 000 (against p2, in full)  2 800 000


def small_fund(*extra: m.Entry) -> m.Fund:
    return m.Fund(
        id="vnn",
        name="Quỹ “Vì người nghèo” xã Bát Tràng",
        kind="vi_nguoi_ngheo",
        owner="00583",
        opened_on=D(2021, 1, 1),
        opening_balance=1_000_000,
        entries=[
            m.Pledge(id="p1", date=D(2021, 1, 5), donor="Công ty A", amount=10_000_000),
            m.Receipt(
                id="r1",
                date=D(2021, 1, 10),
                donor="Công ty A",
                amount=6_000_000,
                form="transfer",
                pledge="p1",
            ),
            m.Receipt(
                id="r2",
                date=D(2021, 2, 1),
                donor="Hộ ông B",
                amount=2_000_000,
                form="in_kind",
                description="200 kg gạo",
            ),
            m.Receipt(id="r3", date=D(2021, 2, 1), donor="Hộ bà C", amount=500_000, form="cash"),
            m.Disbursement(
                id="c1",
                date=D(2021, 3, 1),
                beneficiary="Hộ bà D",
                purpose="Hỗ trợ sửa nhà",
                amount=5_000_000,
            ),
            # paid out before the day's receipt came in: only the end of the day counts
            m.Disbursement(
                id="c2",
                date=D(2021, 3, 15),
                beneficiary="Hộ ông E",
                purpose="Hỗ trợ xây nhà Đại đoàn kết",
                amount=7_000_000,
            ),
            m.Receipt(
                id="r4", date=D(2021, 3, 15), donor="Nhân dân thôn", amount=4_000_000, form="cash"
            ),
            m.Disclosure(id="d1", date=D(2021, 4, 5), period="2021-Q1", channel="notice_board"),
            # entered late in the ledger, dated in February
            m.Receipt(id="r5", date=D(2021, 2, 20), donor="Hộ ông F", amount=300_000, form="cash"),
            m.Pledge(id="p2", date=D(2021, 4, 10), donor="Công ty G", amount=1_000_000),
            m.Receipt(
                id="r6",
                date=D(2021, 5, 2),
                donor="Công ty G",
                amount=1_000_000,
                form="transfer",
                pledge="p2",
            ),
            *extra,
        ],
    )


def lines(statement: m.ledger.Statement) -> list[tuple[str, int]]:
    return [(line.entry.id, line.balance) for line in statement.lines]


FIGURES = ("opening", "cash", "transfer", "in_kind", "receipts", "disbursements", "pledged")


def figures(s: m.ledger.Statement) -> dict[str, int]:
    """The statement's amounts by name (``closing`` last)."""
    return {name: getattr(s, name) for name in FIGURES} | {"closing": s.closing}


def expect(
    *,
    opening: int,
    cash: int = 0,
    transfer: int = 0,
    in_kind: int = 0,
    disbursements: int = 0,
    pledged: int = 0,
    closing: int,
) -> dict[str, int]:
    """The amounts worked out by hand (receipts: the three forms added up)."""
    receipts = cash + transfer + in_kind
    return {
        "opening": opening,
        "cash": cash,
        "transfer": transfer,
        "in_kind": in_kind,
        "receipts": receipts,
        "disbursements": disbursements,
        "pledged": pledged,
        "closing": closing,
    }


# == statements of the small fund ===========================================================


def test_whole_life_statement_by_default() -> None:
    s = fund_statement(small_fund())
    assert (s.fund, s.start, s.end) == ("vnn", D(2021, 1, 1), D(2021, 5, 2))  # to the last entry
    assert figures(s) == expect(
        opening=1_000_000,
        cash=4_800_000,  # r3 500 000 + r4 4 000 000 + r5 300 000
        transfer=7_000_000,  # r1 6 000 000 + r6 1 000 000
        in_kind=2_000_000,  # r2
        disbursements=12_000_000,  # c1 5 000 000 + c2 7 000 000
        pledged=11_000_000,  # p1 10 000 000 + p2 1 000 000
        closing=2_800_000,  # 1 000 000 + 13 800 000 − 12 000 000
    )


def test_first_quarter_keeps_cash_transfer_and_in_kind_apart() -> None:
    s = fund_statement(small_fund(), D(2021, 1, 1), D(2021, 3, 31))
    assert figures(s) == expect(
        opening=1_000_000,
        cash=4_800_000,
        transfer=6_000_000,
        in_kind=2_000_000,
        disbursements=12_000_000,
        pledged=10_000_000,
        closing=1_800_000,
    )
    assert s.receipts == 12_800_000
    assert s.receipts_by_form == {CASH: 4_800_000, TRANSFER: 6_000_000, IN_KIND: 2_000_000}
    inflow = [line.inflow for line in s.lines]
    assert inflow == [6_000_000, 2_000_000, 500_000, 300_000, 0, 0, 4_000_000]
    assert [line.outflow for line in s.lines] == [0, 0, 0, 0, 5_000_000, 7_000_000, 0]


def test_lines_go_by_date_then_ledger_order() -> None:
    s = fund_statement(small_fund(), D(2021, 1, 1), D(2021, 3, 31))
    assert lines(s) == [
        ("r1", 7_000_000),
        ("r2", 9_000_000),  # same day as r3, entered first
        ("r3", 9_500_000),
        ("r5", 9_800_000),  # entered last, dated 02-20
        ("c1", 4_800_000),
        ("c2", -2_200_000),  # the running balance may dip within a day ...
        ("r4", 1_800_000),  # ... as long as the day ends at or above zero
    ]


def test_one_day_with_a_receipt_and_a_disbursement() -> None:
    s = fund_statement(small_fund(), D(2021, 3, 15), D(2021, 3, 15))
    assert figures(s) == expect(
        opening=4_800_000, cash=4_000_000, disbursements=7_000_000, closing=1_800_000
    )
    assert lines(s) == [("c2", -2_200_000), ("r4", 1_800_000)]
    fund = small_fund()
    assert fund.balance_on(D(2021, 3, 14)) == 4_800_000
    assert fund.balance_on(D(2021, 3, 15)) == 1_800_000


def test_second_quarter_opens_where_the_first_closed() -> None:
    q1 = fund_statement(small_fund(), D(2021, 1, 1), D(2021, 3, 31))
    q2 = fund_statement(small_fund(), D(2021, 4, 1), D(2021, 6, 30))
    assert q2.opening == q1.closing == 1_800_000
    assert figures(q2) == expect(
        opening=1_800_000, transfer=1_000_000, pledged=1_000_000, closing=2_800_000
    )
    assert lines(q2) == [("r6", 2_800_000)]


def test_a_period_without_moves_has_no_lines() -> None:
    s = fund_statement(small_fund(), D(2021, 3, 16), D(2021, 4, 30))
    # p2 is only a promise: pledged, not in the balance
    assert figures(s) == expect(opening=1_800_000, pledged=1_000_000, closing=1_800_000)
    assert s.lines == ()


def test_the_end_defaults_to_the_last_entry_and_may_lie_beyond_it() -> None:
    fund = small_fund()
    assert fund_statement(fund, D(2021, 3, 2)).end == D(2021, 5, 2)
    later = fund_statement(fund, D(2021, 3, 2), D(2030, 1, 1))
    assert (later.opening, later.closing, later.end) == (4_800_000, 2_800_000, D(2030, 1, 1))


def test_a_start_before_the_fund_opened_is_clamped_to_opened_on() -> None:
    fund = small_fund()
    s = fund_statement(fund, D(2019, 6, 1), D(2021, 3, 31))
    assert s.start == D(2021, 1, 1)
    assert s == fund_statement(fund, D(2021, 1, 1), D(2021, 3, 31))
    assert s.opening == 1_000_000
    # a period that reaches only the opening day
    first = fund_statement(fund, D(2020, 1, 1), D(2021, 1, 1))
    assert (first.start, first.opening, first.closing, first.lines) == (
        D(2021, 1, 1),
        1_000_000,
        1_000_000,
        (),
    )


def test_a_fund_with_no_entries() -> None:
    fund = m.Fund(
        id="q", name="Quỹ Cứu trợ", kind="cuu_tro", owner="committee", opened_on=D(2022, 5, 1)
    )
    s = fund_statement(fund)
    assert (s.start, s.end, s.opening, s.receipts, s.disbursements, s.closing) == (
        D(2022, 5, 1),
        D(2022, 5, 1),
        0,
        0,
        0,
        0,
    )
    assert s.receipts_by_form == dict.fromkeys(m.ReceiptForm, 0)


def test_rows_spell_the_amounts_the_vietnamese_way() -> None:
    s = fund_statement(small_fund(), D(2021, 1, 1), D(2021, 3, 31))
    assert s.rows() == [
        ("Số dư đầu kỳ", "1.000.000 đ"),
        ("Thu trong kỳ", "12.800.000 đ"),
        ("  – Tiền mặt", "4.800.000 đ"),
        ("  – Chuyển khoản", "6.000.000 đ"),
        ("  – Hiện vật (quy ra tiền)", "2.000.000 đ"),
        ("Chi trong kỳ", "12.000.000 đ"),
        ("Số dư cuối kỳ", "1.800.000 đ"),
    ]


# -- arguments a statement cannot use ---------------------------------------------------------


def test_end_before_start_is_refused() -> None:
    with pytest.raises(LedgerError) as err:
        fund_statement(small_fund(), D(2021, 3, 1), D(2021, 2, 28))
    assert str(err.value) == (
        "end: 2021-02-28 is before start (2021-03-01); a statement's period ends on or after "
        "the day it starts"
    )


def test_end_before_the_fund_opened_is_refused() -> None:
    with pytest.raises(LedgerError) as err:
        fund_statement(small_fund(), D(2020, 1, 1), D(2020, 12, 31))
    assert str(err.value) == (
        "end: 2020-12-31 is before fund 'vnn' opened (2021-01-01); ask for a period that reaches "
        "the fund's life"
    )


@pytest.mark.parametrize(
    ("start", "end", "message"),
    [
        (
            pendulum.datetime(2021, 1, 1, tz="Asia/Ho_Chi_Minh"),
            None,
            "start: expected a date, got a date and time; pass pendulum.Date",
        ),
        (
            None,
            dt.datetime(2021, 3, 31, 12, 0),
            "end: expected a date, got a date and time; pass pendulum.Date",
        ),
        (20210101, None, "start: expected a date (pendulum.Date or 'YYYY-MM-DD'), got 20210101"),
        ("2021-13-01", None, "start: "),
    ],
)
def test_a_statement_needs_dates(start: object, end: object, message: str) -> None:
    with pytest.raises(LedgerError) as err:
        fund_statement(small_fund(), untyped(start), untyped(end))
    assert str(err.value).startswith(message)
    if message.endswith(": "):  # a string that is not a date: the parser says why
        assert "2021-13-01" in str(err.value)


def test_dates_may_be_given_as_datetime_date_or_iso_strings() -> None:
    fund = small_fund()
    expected = fund_statement(fund, D(2021, 1, 1), D(2021, 3, 31))
    assert fund_statement(fund, dt.date(2021, 1, 1), dt.date(2021, 3, 31)) == expected
    assert fund_statement(fund, "2021-01-01", "2021-03-31") == expected
    assert hash(expected) == hash(fund_statement(fund, "2021-01-01", "2021-03-31"))


def test_default_end_follows_a_late_start() -> None:
    fund = small_fund()
    last = max(e.date for e in fund.entries)
    s = fund_statement(fund, last.add(days=30))
    assert s.end == s.start == last.add(days=30)
    assert s.lines == ()
    assert s.opening == s.closing == fund.balance_on(last)


def test_end_before_opening_without_start_names_the_opening() -> None:
    with pytest.raises(LedgerError, match="is before fund 'vnn' opened"):
        fund_statement(small_fund(), end=D(2020, 12, 31))


def test_ledger_error_is_a_value_error() -> None:
    assert issubclass(LedgerError, ValueError)


# == outstanding pledges of the small fund ======================================================


def outstanding(fund: m.Fund, day: pendulum.Date) -> list[tuple[str, int, int, int]]:
    return [
        (o.pledge.id, o.received, o.outstanding, o.age_days) for o in outstanding_pledges(fund, day)
    ]


def test_outstanding_pledges_day_by_day() -> None:
    fund = small_fund()
    assert outstanding(fund, D(2021, 1, 4)) == []  # nothing pledged yet
    assert outstanding(fund, D(2021, 1, 5)) == [("p1", 0, 10_000_000, 0)]
    assert outstanding(fund, D(2021, 1, 10)) == [("p1", 6_000_000, 4_000_000, 5)]
    assert outstanding(fund, D(2021, 4, 10)) == [
        ("p1", 6_000_000, 4_000_000, 95),  # oldest first
        ("p2", 0, 1_000_000, 0),
    ]
    assert outstanding(fund, D(2021, 5, 2)) == [("p1", 6_000_000, 4_000_000, 117)]  # p2 is in


def test_a_pledge_received_in_full_is_not_outstanding() -> None:
    fund = small_fund(
        m.Receipt(
            id="r7",
            date=D(2021, 6, 1),
            donor="Công ty A",
            amount=4_000_000,
            form="transfer",
            pledge="p1",
        )
    )
    assert outstanding(fund, D(2021, 5, 31)) == [("p1", 6_000_000, 4_000_000, 146)]
    assert outstanding(fund, D(2021, 6, 1)) == []


def test_outstanding_pledges_need_a_date() -> None:
    with pytest.raises(
        LedgerError, match=r"^as_of: expected a date, got a date and time; pass pendulum\.Date$"
    ):
        outstanding_pledges(small_fund(), untyped(pendulum.datetime(2021, 5, 2)))


# == disclosure coverage of the small fund ======================================================


def uncovered(c: m.ledger.Coverage) -> list[tuple[str, int, bool]]:
    return [(u.entry.id, u.age_days, u.late) for u in c.uncovered]


def test_nothing_is_covered_before_the_disclosure_is_made() -> None:
    c = disclosure_coverage(small_fund(), D(2021, 4, 4), window_days=60)
    assert (c.fund, c.as_of, c.window_days, c.entries, c.covered) == (
        "vnn",
        D(2021, 4, 4),
        60,
        7,
        0,
    )
    assert uncovered(c) == [
        ("r1", 84, True),
        ("r2", 62, True),
        ("r3", 62, True),
        ("r5", 43, False),  # in date order, not ledger order
        ("c1", 34, False),
        ("c2", 20, False),
        ("r4", 20, False),
    ]
    assert [u.entry.id for u in c.late] == ["r1", "r2", "r3"]
    assert c.uncovered_amount == 24_800_000
    assert c.last_disclosure is None


def test_the_window_is_a_strict_bound() -> None:
    fund = small_fund()
    assert [u.entry.id for u in disclosure_coverage(fund, D(2021, 4, 4), window_days=62).late] == [
        "r1"
    ]
    assert [u.entry.id for u in disclosure_coverage(fund, D(2021, 4, 4), window_days=61).late] == [
        "r1",
        "r2",
        "r3",
    ]
    assert disclosure_coverage(fund, D(2021, 4, 4)).window_days == DEFAULT_WINDOW_DAYS == 90
    assert disclosure_coverage(fund, D(2021, 4, 4)).late == ()


def test_a_disclosure_covers_its_period_from_the_day_it_is_made() -> None:
    fund = small_fund()
    c = disclosure_coverage(fund, D(2021, 4, 5))
    assert (c.entries, c.covered, c.uncovered) == (7, 7, ())
    assert c.last_disclosure is not None
    assert c.last_disclosure.id == "d1"
    later = disclosure_coverage(fund, D(2021, 8, 31), window_days=90)
    assert (later.entries, later.covered) == (8, 7)
    assert uncovered(later) == [("r6", 121, True)]
    assert later.uncovered_amount == 1_000_000


def test_the_latest_disclosure_is_reported() -> None:
    fund = small_fund(
        m.Disclosure(id="d2", date=D(2021, 7, 2), period="2021-Q2", channel="website"),
        m.Disclosure(id="d0", date=D(2021, 5, 1), period="2021-04", channel="media"),
    )
    c = disclosure_coverage(fund, D(2021, 7, 2))
    assert c.last_disclosure is not None
    assert c.last_disclosure.id == "d2"
    assert (c.entries, c.covered) == (8, 8)


@pytest.mark.parametrize(
    ("window", "shown"), [(-1, "-1"), (True, "True"), (1.5, "1.5"), (90.0, "90.0"), ("90", "'90'")]
)
def test_the_window_is_a_whole_number_of_days(window: object, shown: str) -> None:
    with pytest.raises(LedgerError) as err:
        disclosure_coverage(small_fund(), D(2021, 4, 4), window_days=untyped(window))
    assert str(err.value) == (f"window_days: {shown} is not allowed; expected a whole number ≥ 0")


def test_a_zero_window_makes_every_older_entry_late() -> None:
    c = disclosure_coverage(small_fund(), D(2021, 3, 15), window_days=0)
    assert [(u.entry.id, u.late) for u in c.uncovered][-3:] == [
        ("c1", True),
        ("c2", False),  # age 0: not older than the window
        ("r4", False),
    ]


def test_coverage_needs_a_date() -> None:
    with pytest.raises(
        LedgerError, match=r"^as_of: expected a date, got a date and time; pass pendulum\.Date$"
    ):
        disclosure_coverage(small_fund(), untyped(dt.datetime(2021, 4, 4, 8, 0)))


# == the example's fund, against sums taken from the JSON file ===================================


def example_json_fund(fund_id: str) -> dict[str, Any]:
    text = EXAMPLE_FILE.read_text(encoding="utf-8")
    doc = json.loads(text, parse_float=Decimal)  # no binary float on the way
    found: dict[str, Any] = next(f for f in doc["funds"] if f["id"] == fund_id)
    return found


def by_hand(fund: dict[str, Any], start: str, end: str) -> dict[str, int]:
    """The statement of ``fund`` (JSON) for ``[start, end]``, with ints and ISO strings only."""
    out = {"opening": fund["opening_balance"], "cash": 0, "transfer": 0, "in_kind": 0}
    out |= {"disbursements": 0, "pledged": 0}
    for e in fund["entries"]:
        assert type(e.get("amount", 0)) is int  # amounts are whole đồng in the file
        if e["type"] == "pledge" and start <= e["date"] <= end:
            out["pledged"] += e["amount"]
        if e["type"] not in ("receipt", "disbursement"):
            continue
        sign = 1 if e["type"] == "receipt" else -1
        if e["date"] < start:
            out["opening"] += sign * e["amount"]
        elif e["date"] <= end:
            out[e["form"] if sign > 0 else "disbursements"] += e["amount"]
    out["receipts"] = out["cash"] + out["transfer"] + out["in_kind"]
    out["closing"] = out["opening"] + out["receipts"] - out["disbursements"]
    return out


def example_fund(fund_id: str) -> m.Fund:
    return next(f for f in m.example().funds if f.id == fund_id)


def test_example_2021_statement_figures() -> None:
    """The figures of the docstring, re-derived from the JSON file first."""
    expected = by_hand(example_json_fund("vnn-bat-trang"), "2021-01-01", "2021-12-31")
    assert expected == {
        "opening": 182_500_000,
        "cash": 104_300_000,
        "transfer": 95_000_000,
        "in_kind": 18_000_000,
        "disbursements": 148_000_000,
        "pledged": 100_000_000,
        "receipts": 217_300_000,
        "closing": 251_800_000,
    }
    s = fund_statement(example_fund("vnn-bat-trang"), D(2021, 1, 1), D(2021, 12, 31))
    assert figures(s) == expected


@pytest.mark.parametrize("fund_id", ["vnn-bat-trang", "cuu-tro-huyen"])
@pytest.mark.parametrize("year", range(2018, 2026))
def test_example_yearly_statements_match_the_file(fund_id: str, year: int) -> None:
    fund = example_fund(fund_id)
    expected = by_hand(example_json_fund(fund_id), f"{year}-01-01", f"{year}-12-31")
    if year < fund.opened_on.year:
        with pytest.raises(LedgerError):
            fund_statement(fund, D(year, 1, 1), D(year, 12, 31))
        return
    s = fund_statement(fund, D(year, 1, 1), D(year, 12, 31))
    assert figures(s) == expected
    assert s.closing == fund.balance_on(D(year, 12, 31))
    assert fund.receipts_by_year().get(year, 0) == expected["receipts"]


def test_example_fund_over_its_whole_life() -> None:
    raw = example_json_fund("vnn-bat-trang")
    expected = by_hand(raw, raw["opened_on"], max(e["date"] for e in raw["entries"]))
    s = fund_statement(example_fund("vnn-bat-trang"))
    assert figures(s) == expected
    assert expected["closing"] == 247_800_000
    assert [line.balance for line in s.lines][-1] == s.closing
    assert (s.start, s.end) == (D(2019, 1, 1), D(2024, 1, 10))  # the last entry: a disclosure


def test_example_outstanding_pledges() -> None:
    fund = example_fund("vnn-bat-trang")
    assert outstanding(fund, D(2021, 12, 31)) == [("2021-004", 80_000_000, 20_000_000, 225)]
    assert outstanding(fund, D(2022, 12, 31)) == [("2022-005", 30_000_000, 20_000_000, 75)]
    assert outstanding(fund, D(2024, 12, 31)) == [("2023-005", 40_000_000, 20_000_000, 441)]


def test_example_coverage_before_and_after_the_yearly_disclosure() -> None:
    fund = example_fund("vnn-bat-trang")
    before = disclosure_coverage(fund, D(2022, 1, 9))
    assert [u.entry.date.isoformat() for u in before.uncovered] == [
        "2021-02-05",
        "2021-03-15",
        "2021-06-01",
        "2021-08-10",
        "2021-08-12",
        "2021-09-20",
        "2021-10-15",
        "2021-11-16",
    ]
    assert [u.late for u in before.uncovered] == [True] * 6 + [False] * 2
    after = disclosure_coverage(fund, D(2022, 1, 10))
    assert after.uncovered == ()
    assert after.last_disclosure is not None
    assert str(after.last_disclosure.period) == "2021"
