"""One cell at a time: the documented reading rules of ``docs/spreadsheet.md``."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from mttq_core.spreadsheet._cells import (
    CellIssue,
    exact_number,
    neutralise,
    number_from_float,
    read_cell,
    restore,
)
from mttq_core.spreadsheet._template import SHEETS, Kind

ROOT = Path(__file__).resolve().parents[2]

READ = [
    (94.2, "n", "General", Kind.VALUE, "94.2"),
    (0.1 + 0.2, "n", "General", Kind.DECIMAL, "0.30000000000000004"),
    (95, "n", "General", Kind.VALUE, 95),
    (3150000000.0, "n", "#,##0", Kind.INT, 3150000000),
    (True, "b", None, Kind.VALUE, True),
    ("-12.50", "s", None, Kind.VALUE, "-12.50"),
    ("12345678901234567.25", "s", None, Kind.DECIMAL, "12345678901234567.25"),
    ("1820", "s", None, Kind.INT, 1820),
    (95, "n", '0" %"', Kind.VALUE, 95),  # a quoted % shows a sign and does not scale
    (dt.datetime(2022, 4, 18), "d", None, Kind.DATE, "2022-04-18"),
    (dt.date(2022, 4, 18), "d", None, Kind.DATE, "2022-04-18"),
    ("2022-04-18", "s", None, Kind.DATE, "2022-04-18"),
    ("2021-Q3", "s", None, Kind.PERIOD, "2021-Q3"),
    (2021, "n", "General", Kind.PERIOD, "2021"),
    (2021.0, "n", "General", Kind.PERIOD, "2021"),
    ("a; b ;;c", "s", None, Kind.IDS, ["a", "b", "c"]),
    ("'=x", "s", None, Kind.TEXT, "=x"),
    ("Bát Tràng", "s", None, Kind.TEXT, "Bát Tràng"),
    (None, "n", None, Kind.TEXT, None),
    ("   ", "s", None, Kind.VALUE, None),
]


@pytest.mark.parametrize(("value", "data_type", "number_format", "kind", "expected"), READ)
def test_cells_that_are_read(
    value: object, data_type: str, number_format: str | None, kind: Kind, expected: object
) -> None:
    assert read_cell(value, data_type, number_format, kind) == expected


REFUSED = [
    ("=A1", "f", None, Kind.TEXT, "a formula (=A1) is not accepted"),
    ("#N/A", "e", None, Kind.VALUE, "the cell holds an error (#N/A)"),
    ("95 %", "s", None, Kind.VALUE, "type the number 95 in a number cell"),
    ("+5", "s", None, Kind.VALUE, "expected a number, got the text '+5'"),
    ("1.0", "s", None, Kind.INT, "expected a whole number, got the text '1.0'"),
    (0.5, "n", "0%", Kind.DECIMAL, "shown as 50%); type 50"),
    (True, "b", None, Kind.INT, "expected a number, got TRUE"),
    (dt.datetime(2022, 1, 1), "d", None, Kind.VALUE, "expected a number, got a date"),
    ("18-04-2022", "s", None, Kind.DATE, "(for day 18, month 4: 2022-04-18)"),
    (dt.time(10, 0), "d", None, Kind.DATE, "expected a date, got a time (10:00:00)"),
    (True, "b", None, Kind.DATE, "expected a date, got TRUE"),
    (True, "b", None, Kind.TEXT, "TRUE where text is expected"),
    (dt.datetime(2021, 5, 1), "d", None, Kind.TEXT, "a date (2021-05-01) where text is expected"),
    (1.5, "n", "General", Kind.PERIOD, "a number (1.5) where text is expected"),
]


@pytest.mark.parametrize(("value", "data_type", "number_format", "kind", "message"), REFUSED)
def test_cells_that_are_refused(
    value: object, data_type: str, number_format: str | None, kind: Kind, message: str
) -> None:
    got = read_cell(value, data_type, number_format, kind)
    assert isinstance(got, CellIssue)
    assert message in got.message
    assert repr(got).startswith("CellIssue(")


def test_dates_as_text_other_than_iso_and_day_first_are_left_to_the_model() -> None:
    assert read_cell("April 2022", "s", None, Kind.DATE) == "April 2022"


def test_numbers_from_doubles() -> None:
    assert number_from_float(1e20) == 10**20
    assert number_from_float(-0.5) == "-0.5"
    assert exact_number(2**53)
    assert not exact_number(2**53 + 1)


@pytest.mark.parametrize(
    ("text", "safe"),
    [("=1+1", "'=1+1"), ("+84 912", "'+84 912"), ("-", "'-"), ("@x", "'@x"), ("\tx", "'\tx"),
     ("\rx", "'\rx"), ("'=x", "''=x"), ("'x", "'x"), ("x=1", "x=1"), ("", "")],
)  # fmt: skip
def test_neutralise(text: str, safe: str) -> None:
    assert neutralise(text) == safe
    assert restore(safe) == text


def test_the_docs_list_every_sheet_and_column() -> None:
    doc = (ROOT / "docs" / "spreadsheet.md").read_text(encoding="utf-8")
    for sheet in SHEETS:
        section = doc.split(f"### {sheet.name} — `{sheet.path}`", 1)[1].split("\n### ", 1)[0]
        for column in sheet.columns:
            assert f"| {column.header} |" in section, (sheet.name, column.header)
