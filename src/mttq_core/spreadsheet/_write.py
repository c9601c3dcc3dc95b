"""Export: a dataset as a workbook in the template, formatted for people, safe to open."""

from __future__ import annotations

import datetime as dt
import os
from decimal import Decimal
from typing import IO, Any, Final

from openpyxl import Workbook
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils.cell import get_column_letter
from openpyxl.utils.exceptions import IllegalCharacterError
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from mttq_core.model import Dataset

from ._cells import DATE_FORMAT, INTEGER_FORMAT, TEXT_FORMAT, exact_number, neutralise
from ._rows import layout
from ._template import INFO, INFO_HEADERS, Column, Kind

__all__ = ["HEADER_FILL", "cell_value", "finish_sheet", "put", "style_header", "write_dataset"]

HEADER_FILL: Final = PatternFill("solid", fgColor="DDEBF7")
_HEADER_FONT: Final = Font(bold=True)
_HEADER_ALIGNMENT: Final = Alignment(wrap_text=True, vertical="center")
_WHOLE: Final = ("count", "money")
_MIN_WIDTH, _MAX_WIDTH = 8, 60


def style_header(ws: Worksheet, headers: tuple[str, ...] | list[str]) -> None:
    """Row 1: the headers, bold on a light fill."""
    for index, header in enumerate(headers, start=1):
        cell = ws.cell(row=1, column=index, value=header)
        cell.font = _HEADER_FONT
        cell.fill = HEADER_FILL
        cell.alignment = _HEADER_ALIGNMENT


def finish_sheet(ws: Worksheet, widths: list[int]) -> None:
    """Freeze the header row, filter on it, and size the columns to their content."""
    ws.freeze_panes = "A2"
    last = get_column_letter(len(widths))
    ws.auto_filter.ref = f"A1:{last}{max(ws.max_row, 2)}"
    for index, width in enumerate(widths, start=1):
        letter = get_column_letter(index)
        ws.column_dimensions[letter].width = max(_MIN_WIDTH, min(width + 2, _MAX_WIDTH))


def _number(value: int | Decimal) -> tuple[object, str | None]:
    """A number cell when a double holds the value exactly, else exact text."""
    if not exact_number(value):
        return str(value) if isinstance(value, int) else f"{value:f}", TEXT_FORMAT
    if isinstance(value, int) or value == value.to_integral_value():
        return int(value), None
    return float(value), None


def cell_value(value: object, kind: Kind, measure: str | None = None) -> tuple[object, str]:
    """What a cell holds for a JSON value of a ``kind`` column, and its number format."""
    if isinstance(value, bool):
        return value, "General"
    if kind is Kind.DATE and isinstance(value, str):
        return dt.date.fromisoformat(value), DATE_FORMAT
    if isinstance(value, list):
        return neutralise("; ".join(str(v) for v in value)), TEXT_FORMAT
    if kind in (Kind.INT, Kind.DECIMAL, Kind.VALUE) and isinstance(value, int | str):
        shown, text_format = _number(value if isinstance(value, int) else Decimal(value))
        whole = kind is Kind.INT or measure in _WHOLE
        return shown, text_format or (INTEGER_FORMAT if whole else "General")
    if kind is Kind.PERIOD:
        return str(value), TEXT_FORMAT
    return neutralise(str(value)), TEXT_FORMAT


def _display_width(value: object) -> int:
    if isinstance(value, dt.date):
        return 10
    if isinstance(value, float | int) and not isinstance(value, bool):
        return len(f"{value:,}")
    return max((len(line) for line in str(value).splitlines()), default=0)


def put(ws: Worksheet, row: int, column: int, value: object, number_format: str) -> int:
    """Write one cell (text stays text: never a formula); return its display width."""
    cell: Any = ws.cell(row=row, column=column)
    try:
        cell.value = value
    except IllegalCharacterError:
        raise ValueError(
            f"cannot write {ws.title}!{cell.coordinate}: the text holds a control character "
            "that a workbook cannot store"
        ) from None
    if isinstance(value, str):
        cell.data_type = "s"  # belt and braces: openpyxl makes text starting '=' a formula
    cell.number_format = number_format
    return _display_width(value)


def _choices(ws: Worksheet, column: Column, index: int) -> None:
    letter = get_column_letter(index)
    rule = DataValidation(
        type="list",
        formula1='"' + ",".join(column.choices) + '"',
        allow_blank=True,
        showErrorMessage=True,
        errorTitle=column.header,
        error="Chọn một trong: " + ", ".join(column.choices),
    )
    rule.add(f"{letter}2:{letter}1048576")
    ws.add_data_validation(rule)


def _note(path: str, column: Column) -> Comment:
    text = f"JSON: {path}"
    if column.choices:
        text += "\n" + ", ".join(column.choices)
    comment = Comment(text, "mttq_core")
    comment.width, comment.height = 240, 90
    return comment


def write_dataset(dataset: Dataset, target: str | os.PathLike[str] | IO[bytes]) -> None:
    """Write ``dataset`` as a workbook in the template (``docs/spreadsheet.md``).

    One sheet per list of the dataset (``Thông tin`` first), Vietnamese headers in a frozen,
    filtered row 1 with the JSON key of each column in a note; dates as date cells shown
    ``dd/mm/yyyy``; money and counts grouped by thousands; text cells neutralised against
    formula injection. :func:`read_dataset` reads the file back to an equal dataset.

    >>> import io, mttq_core
    >>> from mttq_core.spreadsheet import read_dataset
    >>> buffer = io.BytesIO()
    >>> write_dataset(mttq_core.example(), buffer)
    >>> read_dataset(buffer.getvalue()) == mttq_core.example()
    True
    """
    rows = layout(dataset)
    workbook = Workbook()
    ws: Any = workbook.active
    ws.title = INFO
    style_header(ws, INFO_HEADERS)
    widths = [len(h) for h in INFO_HEADERS]
    for number, (spec, value) in enumerate(rows.info, start=2):
        widths[0] = max(widths[0], put(ws, number, 1, spec.label, TEXT_FORMAT))
        ws.cell(row=number, column=1).comment = Comment(f"JSON: {spec.key}", "mttq_core")
        if value is not None:
            shown, number_format = cell_value(value, Kind.TEXT)
            widths[1] = max(widths[1], put(ws, number, 2, shown, number_format))
    finish_sheet(ws, widths)
    for sheet, table in rows.tables:
        ws = workbook.create_sheet(sheet.name)
        style_header(ws, sheet.headers)
        widths = [len(h) for h in sheet.headers]
        for index, column in enumerate(sheet.columns, start=1):
            header = ws.cell(row=1, column=index)
            key = column.key or "(text)"
            header.comment = _note(f"{sheet.path}[].{key}", column)
            if column.kind in (Kind.TEXT, Kind.PERIOD, Kind.IDS, Kind.CRITERIA):
                # typed codes keep their leading zeros, typed periods stay text
                ws.column_dimensions[get_column_letter(index)].number_format = TEXT_FORMAT
            if column.choices:
                _choices(ws, column, index)
        for number, row in enumerate(table, start=2):
            for index, (column, value) in enumerate(
                zip(sheet.columns, row.values, strict=True), start=1
            ):
                if value is None:
                    continue
                shown, number_format = cell_value(value, column.kind, row.measure)
                width = put(ws, number, index, shown, number_format)
                widths[index - 1] = max(widths[index - 1], width)
        finish_sheet(ws, widths)
    workbook.save(target)
