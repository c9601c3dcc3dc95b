"""Import: every bad cell of a workbook is reported at its ``Sheet!cell``, nothing is guessed.

Each case edits a workbook exported from a small dataset (the example with its first 60
observations) with openpyxl, as a user would in Excel, and checks the exact problems.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import unicodedata
from collections.abc import Callable
from decimal import Decimal
from typing import Any

import openpyxl
import pytest

import mttq_core
from mttq_core._example import example_text
from mttq_core.spreadsheet import WorkbookError, read_dataset, write_dataset

Edit = Callable[[Any], None]


def _small() -> mttq_core.Dataset:
    raw = json.loads(example_text())
    raw["observations"] = raw["observations"][:60]
    return mttq_core.loads(json.dumps(raw, ensure_ascii=False))


SMALL = _small()


@pytest.fixture(scope="module")
def template() -> bytes:
    buffer = io.BytesIO()
    write_dataset(SMALL, buffer)
    return buffer.getvalue()


def edited(template: bytes, edit: Edit) -> bytes:
    workbook = openpyxl.load_workbook(io.BytesIO(template))
    edit(workbook)
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def problems(data: bytes) -> list[str]:
    with pytest.raises(WorkbookError) as info:
        read_dataset(data)
    return [str(p) for p in info.value.problems]


def setting(sheet: str, **cells: object) -> Edit:
    def edit(workbook: Any) -> None:
        for ref, value in cells.items():
            workbook[sheet][ref] = value

    return edit


def formatted(sheet: str, ref: str, value: object, number_format: str) -> Edit:
    def edit(workbook: Any) -> None:
        workbook[sheet][ref] = value
        workbook[sheet][ref].number_format = number_format

    return edit


def text_cell(sheet: str, ref: str, text: str) -> Edit:
    """A text cell whatever it starts with (as Excel stores ``'=1+1`` typed by a user)."""

    def edit(workbook: Any) -> None:
        cell = workbook[sheet][ref]
        cell.value = text
        cell.data_type = "s"

    return edit


OBSERVATION_HEADERS = (
    "the columns are: 'Đơn vị', 'Chỉ tiêu', 'Kỳ', 'Giá trị', 'Tử số', 'Mẫu số', 'Nguồn', "
    "'Ngày báo cáo', 'Lần sửa', 'Tiêu chí đạt'"
)
SHEETS = (
    "a dataset workbook has the sheets Thông tin, Chủ đề, Nhiệm kỳ, Đơn vị, Chỉ tiêu, "
    "Tiêu chí, Mục tiêu, Mốc, Số liệu, Buổi làm việc, Thành viên đoàn, Nhận định, Kiến nghị, "
    "Kết luận, Số liệu buổi làm việc, Quỹ, Sổ quỹ"
)


def test_the_template_reads_back(template: bytes) -> None:
    assert read_dataset(template) == SMALL


CASES: dict[str, tuple[Edit, list[str]]] = {
    "percent typed as text": (
        setting("Số liệu", D2="95%"),
        [
            (
                "Số liệu!D2: '95%' is text with a percent sign; type the number 95 in a number "
                "cell (percent values are written 0–100, without '%')"
            )
        ],
    ),
    "percent-formatted number": (
        formatted("Số liệu", "D2", 0.945, "0.0%"),
        [
            (
                "Số liệu!D2: the number 0.945 is formatted as a percentage (shown as 94.5%); type "
                "94.5 in a cell without the percent format (percent values are written 0–100)"
            )
        ],
    ),
    "Vietnamese thousands typed as text": (
        setting("Quỹ", F2="1.234.567"),
        [
            (
                "Quỹ!F2: '1.234.567' is text with '.' between thousands; type the number 1234567 "
                "in a number cell (text with thousands separators is not read: '1.234' could be "
                "1234 or 1.234)"
            )
        ],
    ),
    "comma thousands": (
        setting("Số liệu", D12="143,400,000"),
        [
            (
                "Số liệu!D12: '143,400,000' is text with ',' between thousands; type the number "
                "143400000 in a number cell"
            )
        ],
    ),
    "space thousands": (
        setting("Số liệu", D12="143 400 000"),
        [
            (
                "Số liệu!D12: '143 400 000' is text with spaces between thousands; type the "
                "number 143400000 in a number cell"
            )
        ],
    ),
    "decimal comma": (
        setting("Số liệu", D2="94,5"),
        [
            (
                "Số liệu!D2: '94,5' is text with a decimal comma; type the number 94.5 in a "
                "number cell (as text, only a decimal point is read: 94.2)"
            )
        ],
    ),
    "other text in a number column": (
        setting("Số liệu", D2="khoảng 95"),
        ["Số liệu!D2: expected a number, got the text 'khoảng 95'"],
    ),
    "boolean typed as text": (
        setting("Số liệu", D32="TRUE"),
        [
            (
                "Số liệu!D32: 'TRUE' is text; type TRUE or FALSE so that the cell is a "
                "true/false (boolean) cell"
            )
        ],
    ),
    "formula": (
        setting("Số liệu", D3="=SUM(D4:D6)"),
        [
            (
                "Số liệu!D3: a formula (=SUM(D4:D6)) is not accepted; type the value (formulas "
                "are never calculated on import)"
            )
        ],
    ),
    "formula in a text column": (
        setting("Đơn vị", B2='=HYPERLINK("http://example.invalid")'),
        [
            (
                'Đơn vị!B2: a formula (=HYPERLINK("http://example.invalid")) is not accepted; '
                "type the value (formulas are never calculated on import)"
            )
        ],
    ),
    "error value": (
        setting("Số liệu", D2="#DIV/0!"),
        ["Số liệu!D2: the cell holds an error (#DIV/0!); type the value"],
    ),
    "date typed as text": (
        setting("Nhiệm kỳ", C2="18/04/2022"),
        [
            (
                "Nhiệm kỳ!C2: '18/04/2022' is a date typed as text; type it in a date cell or as "
                "YYYY-MM-DD (for day 18, month 4: 2022-04-18)"
            )
        ],
    ),
    "date with a time": (
        setting("Kết luận", D2=dt.datetime(2021, 6, 30, 10, 30)),
        [
            (
                "Kết luận!D2: 2021-06-30 10:30:00 has a time of day; a date has none: type the "
                "date alone (2021-06-30)"
            )
        ],
    ),
    "number in a date column": (
        formatted("Nhiệm kỳ", "C2", 43567, "General"),
        [
            (
                "Nhiệm kỳ!C2: a number (43567) where a date is expected; give the cell a date "
                "format or type the date as YYYY-MM-DD"
            )
        ],
    ),
    "period that became a date": (
        setting("Số liệu", C2=dt.datetime(2019, 5, 1)),
        [
            (
                "Số liệu!C2: a date (2019-05-01) where a period is expected (a spreadsheet turns "
                "'2021-05' into a date); type the period as text: 2021, 2021-H1, 2021-Q3, "
                "2021-05 or 2021-04-01/2021-06-30"
            )
        ],
    ),
    "code typed as a number": (
        setting("Đơn vị", A2=526),
        [
            (
                "Đơn vị!A2: a number (526) where text is expected; type it as text (give the "
                "column the Text format, or start with an apostrophe: '526)"
            )
        ],
    ),
    "fraction in a whole-number column": (
        setting("Số liệu", E2=3933.5),
        ["Số liệu!E2: expected a whole number, got 3933.5"],
    ),
    "fraction of money (the model's rule, at its cell)": (
        setting("Số liệu", D12=1234.5),
        ["Số liệu!D12: 1234.5 is not a whole number; money is a whole number of đồng"],
    ),
    "percent above 100": (
        setting("Số liệu", D7=104.5, E7=None, F7=None),
        [
            (
                "Số liệu!A7: the committee target for 'khu_dan_cu_van_hoa' in term '2019-2024' "
                "combines communes by ratio, which needs numerator and denominator on every "
                "commune observation in the term; add them"
            ),
            "Số liệu!D7: 104.5 is above 100 for a percent",
        ],
    ),
    "required cell empty": (
        setting("Số liệu", G2=None),
        ["Số liệu!G2: required: the cell is empty"],
    ),
    "unknown indicator": (
        setting("Số liệu", B2="khong_co"),
        [
            (
                "Số liệu!B2: no indicator with id 'khong_co'; known indicators: 'ban_ttnd', "
                "'cuoc_van_dong_ntm_dtvm', 'gia_dinh_van_hoa', 'giam_sat', 'ho_can_ngheo', "
                "'khieu_kien_vuot_cap', 'khu_dan_cu_van_hoa', 'mo_hinh_dksk', … (10 in all)"
            )
        ],
    ),
    "unknown ledger entry type": (
        setting("Sổ quỹ", B2="gift"),
        [
            (
                "Sổ quỹ!B2: 'gift' is not an entry type; expected 'pledge', 'receipt', "
                "'disbursement', 'disclosure'"
            )
        ],
    ),
    "cell not used by the entry type": (
        setting("Sổ quỹ", F2="Ai đó"),
        [
            (
                "Sổ quỹ!F2: not used by a 'disbursement' entry; leave it empty (a disbursement "
                "has 'Loại bút toán', 'Mã', 'Ngày', 'Số tiền', 'Người nhận', 'Nội dung chi')"
            )
        ],
    ),
    "child row of no parent": (
        setting("Kết luận", A2="khong-co"),
        [
            (
                "Kết luận!A2: no row of sheet 'Buổi làm việc' has Buổi làm việc 'khong-co'; this "
                "row belongs to one"
            )
        ],
    ),
    "child row without its parent": (
        setting("Kết luận", A2=None),
        [
            (
                "Kết luận!A2: required: the 'Buổi làm việc' of the row of sheet 'Buổi làm việc' "
                "that this row belongs to"
            )
        ],
    ),
    "checklist count disagrees with its criteria": (
        setting("Số liệu", D37=5),
        [
            (
                "Số liệu!D37: 5 does not match the 3 criteria listed in 'Tiêu chí đạt'; for a "
                "checklist 'Giá trị' is the number of criteria met (or leave it empty)"
            )
        ],
    ),
    "checklist given as a count only": (
        setting("Số liệu", J37=None),
        [
            (
                "Số liệu!D37: a checklist's value is the criteria met: type their ids in 'Tiêu "
                "chí đạt', separated by ';' ('Giá trị' then only counts them)"
            )
        ],
    ),
    "unknown criterion (the model's rule, at the criteria cell)": (
        setting("Số liệu", D37=None, J37="tuyen_truyen; khong_co"),
        [
            (
                "Số liệu!J37: 'khong_co' is not a criterion of this indicator; allowed: "
                "'tuyen_truyen', 'xay_dung_mo_hinh', 'khu_dan_cu_kieu_mau', 've_sinh_moi_truong', "
                "'an_ninh_trat_tu'"
            )
        ],
    ),
    "criteria on a percent indicator": (
        setting("Số liệu", J2="tuyen_truyen"),
        [
            (
                "Số liệu!J2: 'Tiêu chí đạt' is only for checklist indicators; 'gia_dinh_van_hoa' "
                "is a percent indicator"
            )
        ],
    ),
    "merged cells": (
        lambda wb: wb["Số liệu"].merge_cells("G5:G6"),
        [
            (
                "Số liệu!G5:G6: merged cells (G5:G6) are not accepted in a table; unmerge them "
                "and type the value in every cell that needs it"
            )
        ],
    ),
    "merged header cells": (
        lambda wb: wb["Nhiệm kỳ"].merge_cells("C1:D1"),
        [
            (
                "Nhiệm kỳ!C1:D1: merged cells (C1:D1) are not accepted in a table; unmerge them "
                "and type the value in every cell that needs it"
            ),
            (
                "Nhiệm kỳ!F1: the column 'Kết thúc' is missing; the columns are: 'Mã', 'Tên', "
                "'Bắt đầu', 'Kết thúc', 'Nghị quyết'"
            ),
        ],
    ),
    "misspelled column": (
        setting("Số liệu", D1="Gia tri"),
        [
            "Số liệu!D1: 'Gia tri' is not a column of this sheet; did you mean 'Giá trị'? "
            + OBSERVATION_HEADERS
        ],
    ),
    "extra column": (
        setting("Số liệu", K1="Ghi chú riêng", K2="x"),
        ["Số liệu!K1: 'Ghi chú riêng' is not a column of this sheet; " + OBSERVATION_HEADERS],
    ),
    "missing required column": (
        setting("Số liệu", G1=None),
        [
            "Số liệu!K1: the column 'Nguồn' is missing; " + OBSERVATION_HEADERS,
            "Số liệu!G2: a value in a column without a header; add the header or clear the column",
        ],
    ),
    "value beyond the headers": (
        setting("Số liệu", L5="x"),
        ["Số liệu!L5: a value in a column without a header; add the header or clear the column"],
    ),
    "misspelled info header": (
        setting("Thông tin", B1="Gia tri"),
        [
            (
                "Thông tin!B1: 'Gia tri' is not a column of this sheet; did you mean "
                "'Giá trị'? the columns are: 'Mục', 'Giá trị'"
            )
        ],
    ),
    "required sheet without its header row": (
        setting("Nhiệm kỳ", A1=None, B1=None, C1=None, D1=None, E1=None),
        [
            (
                "Nhiệm kỳ!A2: row 1 must hold the column headers: 'Mã', 'Tên', 'Bắt đầu', "
                "'Kết thúc', 'Nghị quyết'"
            )
        ],
    ),
    "column given twice": (
        setting("Số liệu", K1="giá trị"),
        ["Số liệu!K1: the column 'Giá trị' appears twice (also in column D); keep one"],
    ),
    "missing parent column": (
        setting("Kết luận", A1=None),
        [
            (
                "Kết luận!G1: the column 'Buổi làm việc' is missing; the columns are: 'Buổi làm "
                "việc', 'Mã', 'Nội dung', 'Hạn', 'Chỉ tiêu liên quan', 'Ngày hoàn thành'"
            )
        ],
    ),
    "no header row": (
        setting("Chủ đề", A1=None, B1=None, A2="x"),
        ["Chủ đề!A2: row 1 must hold the column headers: 'Mã', 'Tên'"],
    ),
    "unknown sheet": (
        lambda wb: wb.create_sheet("Ghi chép"),
        ["Ghi chép!A1: unknown sheet 'Ghi chép'; " + SHEETS],
    ),
    "misspelled sheet": (
        lambda wb: setattr(wb["Quỹ"], "title", "Quy"),
        ["Quy!A1: unknown sheet 'Quy' (did you mean 'Quỹ'?); " + SHEETS],
    ),
    "two sheets of one name": (
        lambda wb: wb.create_sheet("SỐ LIỆU "),
        ["SỐ LIỆU !A1: a second sheet named 'Số liệu'; " + SHEETS],
    ),
    "missing required sheet": (
        lambda wb: wb.remove(wb["Đơn vị"]),
        [
            (
                "workbook: the sheet 'Đơn vị' is missing; it lists the dataset's communes "
                "(columns: Mã, Tên, Loại, Mã huyện, Mã tỉnh, Hiệu lực từ, Hiệu lực đến)"
            )
        ],
    ),
    "missing info sheet": (
        lambda wb: wb.remove(wb["Thông tin"]),
        [
            (
                "workbook: the sheet 'Thông tin' is missing; it holds the rows 'Định dạng', "
                "'Tiêu đề', 'Tên Ủy ban', 'Mã đơn vị hành chính của Ủy ban', 'Ghi chú'"
            )
        ],
    ),
    "missing info row": (
        lambda wb: wb["Thông tin"].delete_rows(3),
        ["Thông tin!A6: the row 'Tiêu đề' is missing (title); add it with its value"],
    ),
    "unknown info row": (
        setting("Thông tin", A7="Người lập", B7="x"),
        [
            (
                "Thông tin!A7: 'Người lập' is not a row of this sheet; the rows are: 'Định dạng', "
                "'Tiêu đề', 'Tên Ủy ban', 'Mã đơn vị hành chính của Ủy ban', 'Ghi chú'"
            )
        ],
    ),
    "unsupported format": (
        setting("Thông tin", B2="mttq-core/2"),
        ["Thông tin!B2: 'mttq-core/2' is not a format this version reads; expected 'mttq-core/1'"],
    ),
}


@pytest.mark.parametrize(("edit", "expected"), CASES.values(), ids=list(CASES))
def test_bad_input_is_reported_at_its_cell(
    template: bytes, edit: Edit, expected: list[str]
) -> None:
    assert problems(edited(template, edit)) == expected


def test_every_problem_is_reported_at_once(template: bytes) -> None:
    def edit(wb: Any) -> None:
        wb["Số liệu"]["D2"] = "95%"
        wb["Nhiệm kỳ"]["C2"] = "18/04/2022"
        wb["Quỹ"]["F2"] = "1.234.567"
        wb["Số liệu"]["D3"] = "=D2"

    found = problems(edited(template, edit))
    assert [p.split(":")[0] for p in found] == [
        "Nhiệm kỳ!C2",
        "Số liệu!D2",
        "Số liệu!D3",
        "Quỹ!F2",
    ]


def test_paths_inside_messages_become_cells(template: bytes) -> None:
    found = problems(edited(template, setting("Đơn vị", A3="00526")))
    assert found[0].startswith("Đơn vị!A3: code 00526 is already used by Đơn vị!A2 (Yên Viên")
    assert "communes[" not in "\n".join(found)


def test_an_error_is_a_dataset_error_with_cell_paths(template: bytes) -> None:
    with pytest.raises(mttq_core.DatasetError) as info:
        read_dataset(edited(template, setting("Số liệu", D2="95%")))
    assert info.value.problems[0].path == "Số liệu!D2"
    assert str(info.value).startswith("1 problem:\nSố liệu!D2: ")


# -- what is read, documented -------------------------------------------------------------


ACCEPTED: dict[str, tuple[Edit, Callable[[mttq_core.Dataset], object], object]] = {
    "ISO date as text": (
        setting("Nhiệm kỳ", C2="2019-04-12"),
        lambda d: d.terms[0].start,
        SMALL.terms[0].start,
    ),
    "year typed as a number": (
        setting("Số liệu", C2=2019),
        lambda d: str(d.observations[0].period),
        "2019",
    ),
    "decimal typed as text": (
        setting("Số liệu", D2="94.50"),
        lambda d: d.observations[0].value,
        Decimal("94.5"),
    ),
    "digits as text in a whole-number column": (
        setting("Số liệu", E2="3933"),
        lambda d: d.observations[0].numerator,
        3933,
    ),
    "NFD header": (
        setting("Số liệu", D1=unicodedata.normalize("NFD", "GIÁ  TRỊ")),
        lambda d: d.observations[0].value,
        Decimal("94.5"),
    ),
    "no criterion met: 0 and no ids": (
        setting("Số liệu", D37=0, J37=None),
        lambda d: d.observations[35].value,
        (),
    ),
    "ids with spaces and a trailing separator": (
        setting("Số liệu", J37=" tuyen_truyen ;an_ninh_trat_tu; ", D37=None),
        lambda d: d.observations[35].value,
        ("tuyen_truyen", "an_ninh_trat_tu"),
    ),
    "text starting with '=' (not a formula cell)": (
        text_cell("Số liệu", "G2", "=1+1"),
        lambda d: d.observations[0].source,
        "=1+1",
    ),
    "an apostrophe before '=' is the export's neutralisation": (
        setting("Số liệu", G2="'=1+1"),
        lambda d: d.observations[0].source,
        "=1+1",
    ),
}


@pytest.mark.parametrize(("edit", "read", "expected"), ACCEPTED.values(), ids=list(ACCEPTED))
def test_documented_cells_are_read(
    template: bytes, edit: Edit, read: Callable[[mttq_core.Dataset], object], expected: object
) -> None:
    assert read(read_dataset(edited(template, edit))) == expected


def test_optional_columns_may_be_left_out(template: bytes) -> None:
    def edit(wb: Any) -> None:
        ws = wb["Số liệu"]
        ws.delete_rows(37, 5)  # the checklist rows need 'Tiêu chí đạt'
        ws.delete_cols(8, 3)  # Ngày báo cáo, Lần sửa, Tiêu chí đạt

    dataset = read_dataset(edited(template, edit))
    assert len(dataset.observations) == 55


def test_blank_rows_are_skipped(template: bytes) -> None:
    assert read_dataset(edited(template, lambda wb: wb["Số liệu"].insert_rows(5, 3))) == SMALL


def test_columns_may_come_in_any_order(template: bytes) -> None:
    def edit(wb: Any) -> None:
        ws = wb["Nhiệm kỳ"]
        for row in ws.iter_rows(min_row=1, max_row=ws.max_row):
            row[0].value, row[1].value = row[1].value, row[0].value

    assert read_dataset(edited(template, edit)) == SMALL
