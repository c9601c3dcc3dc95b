"""Export: the template workbook, the scorecard workbook and CSV; round trips to equal data."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import openpyxl
import pytest

import mttq_core
from mttq_core._example import example_text
from mttq_core.spreadsheet import (
    SHEET_NAMES,
    read_dataset,
    write_dataset,
    write_dataset_csv,
    write_scorecard,
    write_scorecard_csv,
)
from mttq_core.spreadsheet._cells import DATE_FORMAT, INTEGER_FORMAT, TEXT_FORMAT

EXAMPLE = mttq_core.example()
AS_OF = "2022-04-18"


def exported(dataset: mttq_core.Dataset) -> bytes:
    buffer = io.BytesIO()
    write_dataset(dataset, buffer)
    return buffer.getvalue()


@pytest.fixture(scope="module")
def example_workbook() -> bytes:
    return exported(EXAMPLE)


def opened(data: bytes) -> Any:
    return openpyxl.load_workbook(io.BytesIO(data))


def edited_example(edit: Any) -> mttq_core.Dataset:
    """The example with its JSON edited (to build datasets the example lacks)."""
    raw = json.loads(example_text())
    edit(raw)
    return mttq_core.loads(json.dumps(raw, ensure_ascii=False))


# -- round trips ----------------------------------------------------------------------------


def test_the_example_round_trips_through_a_file(tmp_path: Path) -> None:
    path = tmp_path / "gia_lam.xlsx"
    write_dataset(EXAMPLE, path)
    back = read_dataset(path)
    assert back == EXAMPLE
    assert mttq_core.loads(mttq_core.dumps(back)) == EXAMPLE


def test_the_example_round_trips_through_a_stream(example_workbook: bytes) -> None:
    assert read_dataset(io.BytesIO(example_workbook)) == EXAMPLE
    assert read_dataset(example_workbook) == EXAMPLE


def test_a_second_export_reads_back_the_same(example_workbook: bytes) -> None:
    assert read_dataset(exported(read_dataset(example_workbook))) == EXAMPLE


def _differences(a: object, b: object, path: str = "$") -> list[tuple[str, object, object]]:
    if isinstance(a, dict) and isinstance(b, dict) and a.keys() == b.keys():
        return [d for k in a for d in _differences(a[k], b[k], f"{path}.{k}")]
    if isinstance(a, list) and isinstance(b, list) and len(a) == len(b):
        return [
            d
            for i, (x, y) in enumerate(zip(a, b, strict=True))
            for d in _differences(x, y, f"{path}[{i}]")
        ]
    return [] if a == b else [(path, a, b)]


def test_only_the_spelling_of_numbers_may_change(example_workbook: bytes) -> None:
    before = json.loads(mttq_core.dumps(EXAMPLE))
    after = json.loads(mttq_core.dumps(read_dataset(example_workbook)))
    differences = _differences(before, after)
    assert ("$.targets[8].baseline.value", "1.0", 1) in differences  # Excel holds the number 1
    for path, old, new in differences:
        assert isinstance(old, str | int)
        assert isinstance(new, str | int)
        assert Decimal(old) == Decimal(new), path


def test_every_part_of_the_dataset_is_in_the_workbook(example_workbook: bytes) -> None:
    wb = opened(example_workbook)
    assert wb.sheetnames == list(SHEET_NAMES)
    rows = {ws.title: ws.max_row - 1 for ws in wb}
    sessions = EXAMPLE.working_sessions
    assert rows["Nhiệm kỳ"] == len(EXAMPLE.terms)
    assert rows["Đơn vị"] == len(EXAMPLE.communes)
    assert rows["Chỉ tiêu"] == len(EXAMPLE.indicators)
    assert rows["Tiêu chí"] == sum(len(i.criteria) for i in EXAMPLE.indicators)
    assert rows["Mục tiêu"] == len(EXAMPLE.targets)
    assert rows["Mốc"] == sum(len(t.milestones) for t in EXAMPLE.targets)
    assert rows["Số liệu"] == len(EXAMPLE.observations)
    assert rows["Buổi làm việc"] == len(sessions)
    assert rows["Nhận định"] == sum(len(s.findings) for s in sessions)
    assert rows["Kiến nghị"] == sum(len(s.recommendations) for s in sessions)
    assert rows["Kết luận"] == sum(len(s.conclusions) for s in sessions)
    assert rows["Số liệu buổi làm việc"] == sum(len(s.observations) for s in sessions)
    assert rows["Quỹ"] == len(EXAMPLE.funds)
    assert rows["Sổ quỹ"] == sum(len(f.entries) for f in EXAMPLE.funds)


def test_topics_and_delegation_members_round_trip() -> None:
    def edit(raw: dict[str, Any]) -> None:
        raw["topics"] = [{"id": "hoc_tap", "name": "Học tập và làm theo tư tưởng Hồ Chí Minh"}]
        session = raw["working_sessions"][1]
        session["topics"].append("hoc_tap")
        session["delegation"]["members"] = [
            {"name": "Nguyễn Văn A", "title": "Phó Chủ tịch"},
            {"name": "Trần Thị B", "title": "Ủy viên Ban Thường trực"},
        ]

    dataset = edited_example(edit)
    assert len(dataset.working_sessions[1].delegation.members) == 2
    assert read_dataset(exported(dataset)) == dataset


def test_exact_numbers_beyond_a_double_round_trip_as_text() -> None:
    def edit(raw: dict[str, Any]) -> None:
        raw["funds"][0]["opening_balance"] = 10**17 + 1
        for o in raw["observations"]:
            if o["indicator"] == "mo_hinh_dksk":
                o["value"] = "12345678901234567.25"
                break

    dataset = edited_example(edit)
    data = exported(dataset)
    ws = opened(data)["Quỹ"]
    assert ws["F2"].value == str(10**17 + 1)
    assert ws["F2"].number_format == TEXT_FORMAT
    back = read_dataset(data)
    assert back == dataset
    assert back.funds[0].opening_balance == 10**17 + 1


def test_a_derived_percent_stays_derived() -> None:
    def edit(raw: dict[str, Any]) -> None:
        del raw["observations"][0]["value"]

    dataset = edited_example(edit)
    data = exported(dataset)
    assert opened(data)["Số liệu"]["D2"].value is None
    back = read_dataset(data)
    assert back == dataset
    assert back.observations[0].derived


def test_an_empty_checklist_round_trips() -> None:
    def edit(raw: dict[str, Any]) -> None:
        for o in raw["observations"]:
            if isinstance(o.get("value"), list):
                o["value"] = []
                break

    dataset = edited_example(edit)
    assert read_dataset(exported(dataset)) == dataset


# -- formula injection --------------------------------------------------------------------

DANGEROUS = ('=HYPERLINK("http://example.invalid","x")', "+1", "-2 hộ", "@SUM(A1)", "'=x", "''+y")


@pytest.fixture(scope="module")
def dangerous() -> mttq_core.Dataset:
    def edit(raw: dict[str, Any]) -> None:
        for o, text in zip(raw["observations"], DANGEROUS, strict=False):
            o["source"] = text
        raw["communes"][0]["name"] = "=1+1"
        raw["working_sessions"][0]["findings"][0] = "- Ban Thường trực báo cáo"

    return edited_example(edit)


def test_no_text_cell_is_written_as_a_formula(dangerous: mttq_core.Dataset) -> None:
    wb = opened(exported(dangerous))
    for ws in wb:
        for row in ws.iter_rows():
            for cell in row:
                assert cell.data_type != "f", f"{ws.title}!{cell.coordinate}"
                if isinstance(cell.value, str):
                    assert not cell.value.startswith(("=", "+", "-", "@", "\t", "\r"))
    sources = [wb["Số liệu"].cell(row=r, column=7).value for r in range(2, 8)]
    assert sources == ["'" + text for text in DANGEROUS]
    assert wb["Đơn vị"]["B2"].value == "'=1+1"
    assert wb["Nhận định"]["B2"].value == "'- Ban Thường trực báo cáo"


def test_neutralised_text_comes_back_unchanged(dangerous: mttq_core.Dataset) -> None:
    back = read_dataset(exported(dangerous))
    assert back == dangerous
    assert [o.source for o in back.observations[:6]] == list(DANGEROUS)


def test_negative_numbers_are_not_text() -> None:
    indicator = next(i for i in EXAMPLE.indicators if i.measure is mttq_core.Measure.QUANTITY)

    def edit(raw: dict[str, Any]) -> None:
        for i in raw["indicators"]:
            if i["id"] == indicator.id:
                i["direction"] = "decrease"
        for t in raw["targets"]:
            if t["indicator"] == indicator.id:
                t["comparator"] = "<="
                t["value"] = "-1.5"
                t.pop("baseline", None)

    dataset = edited_example(edit)
    ws = opened(exported(dataset))["Mục tiêu"]
    values = [r[4].value for r in ws.iter_rows(min_row=2) if r[1].value == indicator.id]
    assert values[0] == -1.5
    assert read_dataset(exported(dataset)) == dataset


# -- formats ------------------------------------------------------------------------------


def test_the_header_row_is_frozen_styled_and_noted(example_workbook: bytes) -> None:
    wb = opened(example_workbook)
    for ws in wb:
        assert ws.freeze_panes == "A2", ws.title
        assert ws["A1"].font.b, ws.title
        assert ws.auto_filter.ref is not None
    ws = wb["Số liệu"]
    assert ws["D1"].value == "Giá trị"
    assert ws["D1"].comment is not None
    assert "observations[].value" in ws["D1"].comment.text
    assert ws.column_dimensions["G"].width > ws.column_dimensions["C"].width


def test_cells_are_typed_and_formatted(example_workbook: bytes) -> None:
    wb = opened(example_workbook)
    terms = wb["Nhiệm kỳ"]
    assert terms["C2"].value == dt.datetime(2019, 4, 12)
    assert terms["C2"].number_format == DATE_FORMAT
    observations = wb["Số liệu"]
    assert observations["A2"].value == "00526"
    assert observations["A2"].number_format == TEXT_FORMAT
    assert observations["C2"].value == "2019"  # a period is text
    assert observations["D2"].value == 94.5
    assert observations["D12"].value == 143_400_000  # money
    assert observations["D12"].number_format == INTEGER_FORMAT
    assert observations["D32"].value is True  # boolean
    assert observations["D37"].value == 3  # checklist: the number met ...
    assert observations["J37"].value == "xay_dung_mo_hinh; ve_sinh_moi_truong; an_ninh_trat_tu"
    assert wb["Sổ quỹ"]["E2"].number_format == INTEGER_FORMAT
    assert wb["Thông tin"]["B2"].value == "mttq-core/1"


def test_choices_are_offered_in_a_list(example_workbook: bytes) -> None:
    ws = opened(example_workbook)["Đơn vị"]
    rules = ws.data_validations.dataValidation
    assert any('"xa,phuong,thi_tran,dac_khu"' in (r.formula1 or "") for r in rules)


def test_an_id_with_a_separator_cannot_be_exported() -> None:
    def edit(raw: dict[str, Any]) -> None:
        raw["topics"] = [{"id": "a;b", "name": "Chủ đề có dấu chấm phẩy"}]
        raw["working_sessions"][0]["topics"].append("a;b")

    with pytest.raises(ValueError, match="contains ';'"):
        exported(edited_example(edit))


# -- scorecard ------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def card() -> mttq_core.Scorecard:
    return mttq_core.assess(EXAMPLE, as_of=AS_OF)


def test_scorecard_workbook(card: mttq_core.Scorecard) -> None:
    buffer = io.BytesIO()
    write_scorecard(card, EXAMPLE, buffer)
    wb = opened(buffer.getvalue())
    assert wb.sheetnames == ["Xếp hạng", "Đánh giá", "Ủy ban", "Thông tin"]
    ranking = wb["Xếp hạng"]
    assert ranking.max_row == len(card.communes) + 1
    assert ranking["A2"].value == card.communes[0].rank
    assert ranking["B2"].value == card.communes[0].commune
    assert ranking["F2"].number_format == "0.0%"
    assessments = wb["Đánh giá"]
    assert assessments.max_row == len(card.assessments) + 1
    assert wb["Ủy ban"].max_row == len(card.committee) + 1
    for row in assessments.iter_rows(min_row=2):
        status = next(s for s in mttq_core.Status if s.label == row[4].value)
        assert row[4].fill.fgColor.rgb.endswith(
            {"exceeded": "63BE7B", "achieved": "C6EFCE", "on_track": "DDEBF7",
             "behind": "FFEB9C", "not_achieved": "FFC7CE", "no_data": "EDEDED"}[status.value]
        )  # fmt: skip
    first = card.assessments[0]
    assert assessments["A2"].value == first.unit
    assert assessments["J2"].number_format == "0.0%"
    assert wb["Thông tin"]["B5"].value == dt.datetime(2022, 4, 18)


def test_scorecard_text_is_neutralised(card: mttq_core.Scorecard) -> None:
    def edit(raw: dict[str, Any]) -> None:
        raw["communes"][0]["name"] = "=cmd|' /C calc'!A0"

    dataset = edited_example(edit)
    buffer = io.BytesIO()
    write_scorecard(mttq_core.assess(dataset, as_of=AS_OF), dataset, buffer)
    wb = opened(buffer.getvalue())
    names = [c.value for c in wb["Xếp hạng"]["C"]]
    assert "'=cmd|' /C calc'!A0" in names
    assert all(c.data_type != "f" for ws in wb for row in ws.iter_rows() for c in row)


# -- CSV --------------------------------------------------------------------------------------


def _read_csv(path: Path) -> list[list[str]]:
    with open(path, encoding="utf-8-sig", newline="") as f:
        return list(csv.reader(f))


def test_dataset_csv(tmp_path: Path) -> None:
    paths = write_dataset_csv(EXAMPLE, tmp_path / "out")
    assert [p.name for p in paths] == [
        "thong_tin.csv", "chu_de.csv", "nhiem_ky.csv", "don_vi.csv", "chi_tieu.csv",
        "tieu_chi.csv", "muc_tieu.csv", "moc.csv", "so_lieu.csv", "buoi_lam_viec.csv",
        "thanh_vien_doan.csv", "nhan_dinh.csv", "kien_nghi.csv", "ket_luan.csv",
        "so_lieu_buoi_lam_viec.csv", "quy.csv", "so_quy.csv",
    ]  # fmt: skip
    assert (tmp_path / "out" / "so_lieu.csv").read_bytes().startswith(b"\xef\xbb\xbf")
    rows = _read_csv(tmp_path / "out" / "so_lieu.csv")
    assert rows[0][:4] == ["Đơn vị", "Chỉ tiêu", "Kỳ", "Giá trị"]
    assert rows[1][:6] == ["00526", "gia_dinh_van_hoa", "2019", "94.5", "3933", "4162"]
    assert rows[31][3] == "true"
    assert len(rows) == len(EXAMPLE.observations) + 1
    terms = _read_csv(tmp_path / "out" / "nhiem_ky.csv")
    assert terms[1][2:4] == ["2019-04-12", "2024-04-30"]


def test_dataset_csv_neutralises_text(tmp_path: Path, dangerous: mttq_core.Dataset) -> None:
    write_dataset_csv(dangerous, tmp_path)
    rows = _read_csv(tmp_path / "so_lieu.csv")
    assert [r[6] for r in rows[1:7]] == ["'" + text for text in DANGEROUS]


def test_scorecard_csv(tmp_path: Path, card: mttq_core.Scorecard) -> None:
    paths = write_scorecard_csv(card, EXAMPLE, tmp_path)
    assert [p.name for p in paths] == [
        "xep_hang.csv",
        "danh_gia.csv",
        "uy_ban.csv",
        "thong_tin.csv",
    ]
    rows = _read_csv(tmp_path / "danh_gia.csv")
    assert len(rows) == len(card.assessments) + 1
    first = card.assessments[0]
    assert rows[1][0] == first.unit
    assert rows[1][4] == first.status.label
    progress = mttq_core.report.decimal_string(first.progress) if first.progress else ""
    assert rows[1][9] == progress
    assert Decimal(rows[1][8]) == first.target
