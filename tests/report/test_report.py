"""The scorecard for people: the text table and the CSV (``mttq_core.report``)."""

from __future__ import annotations

import csv
import io
import json
import unicodedata
from decimal import Decimal
from typing import Any

import pytest

import mttq_core
from mttq_core.report import (
    CSV_COLUMNS,
    csv_safe,
    display_width,
    explanation_lines,
    scorecard_csv,
    scorecard_json,
    scorecard_table,
)
from mttq_core.report._table import STATUS_COLOURS
from mttq_core.scoring import Scorecard, Status

AS_OF = "2022-04-18"
STATUS_LABELS = tuple(s.label for s in Status)
TREND_LABELS = (*(t.label for t in mttq_core.Trend), "—")


def card_of(ds: mttq_core.Dataset, as_of: str = AS_OF, **kwargs: Any) -> Scorecard:
    return mttq_core.assess(ds, as_of=as_of, **kwargs)


def wide_dataset() -> mttq_core.Dataset:
    """The example with names that test alignment: wide CJK characters, NFD input."""
    doc: dict[str, Any] = json.loads(mttq_core.dumps(mttq_core.example()))
    for i in doc["indicators"]:
        if i["id"] == "giam_sat":
            i["name"] = "Số cuộc giám sát 中文監督 (thử độ rộng)"
        if i["id"] == "ho_can_ngheo":
            i["name"] = unicodedata.normalize("NFD", "Tỷ lệ hộ cận nghèo")
    for c in doc["communes"]:
        if c["code"] == "00583":
            c["name"] = unicodedata.normalize("NFD", "Bát Tràng")
    return mttq_core.loads(json.dumps(doc, ensure_ascii=False))


# -- display width ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "width"),
    [
        ("", 0),
        ("Bát Tràng", 9),
        (unicodedata.normalize("NFD", "Bát Tràng"), 9),
        (unicodedata.normalize("NFD", "Nguyễn Thị Ẩn"), 13),
        ("中文", 4),
        ("Chậm tiến độ", 12),
        ("ｗ", 2),  # fullwidth
    ],
)
def test_display_width(text: str, width: int) -> None:
    assert display_width(text) == width


# -- table -------------------------------------------------------------------------------------


def _column(line: str, label: str) -> int:
    """The display column at which ``label`` starts in ``line``."""
    return display_width(line[: line.index(label)])


def _cut(line: str, column: int) -> str:
    """The text of ``line`` from display column ``column`` on."""
    width = 0
    for i, ch in enumerate(line):
        if width >= column:
            return line[i:]
        width += display_width(ch)
    return ""


def _tables(text: str) -> list[tuple[str, list[str]]]:
    """Each table's heading line and its row lines."""
    lines = text.splitlines()
    tables = []
    for n, line in enumerate(lines):
        if line.startswith("  Chỉ tiêu ") and "Trạng thái" in line:
            rows = []
            for row in lines[n + 2 :]:
                if not row.startswith("  ") or row.startswith(("  Ghi chú", "  Giải thích")):
                    break
                rows.append(row)
            tables.append((line, rows))
    return tables


def test_columns_line_up_with_wide_and_combining_characters() -> None:
    ds = wide_dataset()
    card = card_of(ds)
    text = scorecard_table(card, ds)
    tables = _tables(text)
    assert len(tables) == len(card.communes) + 1
    assert "中文監督" in text
    assert "Bát Tràng (00583)" in text  # NFC in the output
    for heading, rows in tables:
        status_at = _column(heading, "Trạng thái")
        trend_at = _column(heading, "Xu hướng")
        labelled = 0
        for row in rows:
            status = _cut(row, status_at)
            if status.strip():
                assert status.startswith(STATUS_LABELS), row
                assert _cut(row, trend_at).startswith(TREND_LABELS), row
                labelled += 1
        assert labelled > 0


def test_table_numbers_the_vietnamese_way() -> None:
    ds = mttq_core.example()
    text = scorecard_table(card_of(ds), ds)
    block = text.split("Bát Tràng (00583)", 1)[1].split("\n\n", 1)[0]
    gdvh = next(line for line in block.splitlines() if "Gia đình" in line)
    assert "95,69%" in gdvh
    assert "≥ 97%" in gdvh
    assert "Chậm tiến độ" in gdvh
    fund = next(line for line in block.splitlines() if "Vì người nghèo" in line)
    assert "557.800.000 đ" in fund
    assert "≥ 800.000.000 đ" in fund
    heading = next(line for line in text.splitlines() if line.startswith("Bát Tràng (00583)"))
    assert heading == (
        "Bát Tràng (00583) — hạng 5 · điểm 85 · xếp loại Hoàn thành tốt · có số liệu 100%"
    )


def test_table_header() -> None:
    ds = mttq_core.example()
    lines = scorecard_table(card_of(ds, method="cagr"), ds).splitlines()
    assert lines[0] == ds.title
    assert lines[1] == ds.committee.name
    assert lines[2].startswith("Nhiệm kỳ: Nhiệm kỳ 2019–2024 (2019-2024)")
    assert lines[3] == "Tính đến ngày: 18/04/2022 (2022-04-18)"
    assert lines[4].startswith("Phương pháp: cagr")
    assert "Phân loại (CAGR)" in "\n".join(lines)


def test_table_without_colour_has_no_escape_codes() -> None:
    ds = mttq_core.example()
    assert "\x1b" not in scorecard_table(card_of(ds), ds)
    assert "\x1b" not in scorecard_table(card_of(ds), ds, explain=True)


@pytest.mark.parametrize("as_of", ["2019-06-01", AS_OF, "2024-12-31"])
def test_colours_follow_the_status(as_of: str) -> None:
    ds = mttq_core.example()
    card = card_of(ds, as_of)
    text = scorecard_table(card, ds, colour=True)
    for status in {a.status for a in card}:
        assert f"\x1b[{STATUS_COLOURS[status]}m{status.label}\x1b[0m" in text
    assert STATUS_COLOURS[Status.NO_DATA] == "2"
    assert STATUS_COLOURS[Status.NOT_ACHIEVED] == "31"


def test_no_data_at_all_is_shown_unranked() -> None:
    ds = mttq_core.example()
    text = scorecard_table(card_of(ds, "2019-06-01"), ds)
    assert "Bát Tràng (00583) — hạng — · điểm — · xếp loại — · có số liệu 0%" in text
    assert "Chưa có số liệu" in text


def test_explain_block_traces_the_numbers() -> None:
    ds = mttq_core.example()
    card = card_of(ds)
    a = card.get("00583", "gia_dinh_van_hoa")
    lines = explanation_lines(a)
    assert lines[:5] == [
        "Phương pháp: linear",
        "Thực hiện (a): 95,69",
        "Giá trị xuất phát (b): 93,5",
        "Chỉ tiêu (t): 97",
        "Tiến độ (p): 0,625714",
    ]
    assert any(line.startswith("Mốc kế hoạch: 2021") for line in lines)
    assert any(line.startswith("Số liệu 2021: 95,69 — ") for line in lines)
    each = explanation_lines(card.get("00583", "giam_sat"))
    assert any(line.startswith("Kỳ 2021:") for line in each)
    text = scorecard_table(card, ds, explain=True)
    for line in lines:
        assert f"      {line}" in text


# -- csv -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "safe"),
    [
        ("=1+2", "'=1+2"),
        ("+84 912", "'+84 912"),
        ("-x", "'-x"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tx", "'\tx"),
        ("\rx", "'\rx"),
        ("Bát Tràng", "Bát Tràng"),
        ("a=b", "a=b"),
        ("", ""),
    ],
)
def test_csv_safe(text: str, safe: str) -> None:
    assert csv_safe(text) == safe


def test_csv_header_and_rows() -> None:
    ds = mttq_core.example()
    card = card_of(ds)
    text = scorecard_csv(card, ds)
    assert text.splitlines()[0] == ",".join(CSV_COLUMNS)
    rows = list(csv.DictReader(io.StringIO(text)))
    assert len(rows) == len(card.assessments) + len(card.committee)
    doc = json.loads(scorecard_json(card))
    for row, a in zip(rows, doc["assessments"] + doc["committee"], strict=True):
        for key in ("commune", "indicator", "status", "actual", "target", "progress", "expected"):
            assert row[key] == (a[key] if a[key] is not None else "")
        assert row["met"] == {True: "true", False: "false", None: ""}[a["met"]]
    committee = rows[-1]
    assert committee["commune_name"] == ds.committee.name
    bat_trang = next(r for r in rows if r["commune"] == "00583")
    assert bat_trang["commune_name"] == "Bát Tràng"
    assert bat_trang["indicator_name"] == ds.indicator(bat_trang["indicator"]).name


def test_csv_comparators_are_not_mangled() -> None:
    ds = mttq_core.example()
    rows = list(csv.DictReader(io.StringIO(scorecard_csv(card_of(ds), ds))))
    assert {r["comparator"] for r in rows} <= {">=", ">", "<=", "<"}


def test_csv_explanation_round_trips_through_quoting() -> None:
    ds = mttq_core.example()
    card = card_of(ds)
    text = scorecard_csv(card, ds, explain=True)
    rows = list(csv.DictReader(io.StringIO(text)))
    assert rows[0]["explanation"].splitlines() == explanation_lines(card.assessments[0])


def test_decimal_places_in_csv() -> None:
    ds = mttq_core.example()
    rows = list(csv.DictReader(io.StringIO(scorecard_csv(card_of(ds), ds))))
    for row in rows:
        for key in ("actual", "target", "progress", "expected"):
            if row[key]:
                value = Decimal(row[key])
                exponent = value.as_tuple().exponent
                assert isinstance(exponent, int)
                assert exponent >= -6
