"""Import, sheet by sheet: cells with their places, merged ranges, and the header row."""

from __future__ import annotations

import zipfile
from collections.abc import Callable, Iterator
from typing import Any, Final, NamedTuple

from openpyxl.utils.cell import get_column_letter, range_boundaries

from ._safety import merged_ranges
from ._template import SHEET_NAMES, Column, fold, suggest

__all__ = [
    "Box",
    "Cell",
    "Header",
    "Loc",
    "at",
    "empty",
    "inside",
    "loc",
    "map_header",
    "merged_boxes",
    "rows",
]

_RANKS: Final = {name: i for i, name in enumerate(SHEET_NAMES)}

#: A merged range as (first column, first row, last column, last row).
Box = tuple[int, int, int, int]


class Cell(NamedTuple):
    """What import needs of one cell."""

    value: object
    data_type: str
    number_format: str | None


class Loc(NamedTuple):
    """Where a problem is: a cell (or range) of a sheet, or the whole file (rank -1)."""

    text: str
    rank: int
    row: int
    column: int


Report = Callable[[Loc, str], None]


class Header(NamedTuple):
    """The header row read: column of each index, blank header cells, columns absent.

    ``stand_in`` are the absent columns whose cells count as already reported: the
    required ones, and every absent one when some header is unknown (its values are
    probably under the misspelled header).
    """

    mapped: dict[int, Column]
    blank: set[int]
    missing: list[Column]
    unknown: tuple[int, ...]

    @property
    def stand_in(self) -> list[Column]:
        """Absent columns whose cells stand in as already reported."""
        return [c for c in self.missing if c.required or self.unknown]

    def column_index(self, column: Column) -> int:
        """The index (1-based) of a column that is present."""
        return next(i for i, c in self.mapped.items() if c is column)


def loc(title: str, row: int, column: int) -> Loc:
    """The place of one cell, ranked by the sheet's order in the template."""
    rank = _RANKS.get(title, len(_RANKS))
    return Loc(f"{title}!{get_column_letter(column)}{row}", rank, row, column)


def empty(value: object) -> bool:
    """Whether a cell's value counts as empty (nothing, or only white space)."""
    return value is None or (isinstance(value, str) and not value.strip())


def at(cells: list[Cell], index: int) -> Cell:
    """The cell at a 1-based index of a row (rows are as long as their last cell)."""
    return cells[index - 1] if index <= len(cells) else Cell(None, "n", None)


def inside(boxes: list[Box], row: int, column: int) -> bool:
    """Whether a cell lies in one of the merged ranges."""
    return any(c0 <= column <= c1 and r0 <= row <= r1 for c0, r0, c1, r1 in boxes)


def rows(ws: Any) -> Iterator[tuple[int, list[Cell]]]:
    """Every row of a read-only worksheet with its number, as :class:`Cell` values."""
    ws.reset_dimensions()  # some writers record a wrong size: read every row there is
    for number, row in enumerate(ws.iter_rows(), start=1):
        cells = []
        for cell in row:
            value = cell.value
            number_format = (
                cell.number_format
                if isinstance(value, int | float) and not isinstance(value, bool)
                else None
            )
            cells.append(Cell(value, cell.data_type or "n", number_format))
        yield number, cells


def merged_boxes(ws: Any, archive: zipfile.ZipFile, report: Report) -> list[Box]:
    """The merged ranges of a sheet, each reported: a table has one value per cell."""
    part = getattr(ws, "_worksheet_path", None)
    boxes: list[Box] = []
    for ref in merged_ranges(archive, part) if isinstance(part, str) else []:
        bounds = range_boundaries(ref)
        if None in bounds:  # pragma: no cover - whole rows or columns cannot be merged
            continue
        c0, r0, c1, r1 = (int(b or 0) for b in bounds)
        boxes.append((c0, r0, c1, r1))
        report(
            Loc(f"{ws.title}!{ref}", _RANKS.get(ws.title, len(_RANKS)), r0, c0),
            f"merged cells ({ref}) are not accepted in a table; unmerge them and type the "
            "value in every cell that needs it",
        )
    return boxes


def map_header(
    title: str, columns: tuple[Column, ...], cells: list[Cell], width: int, report: Report
) -> Header:
    """Map row 1 to the sheet's columns; report unknown, repeated and missing columns.

    Headers compare NFC-normalised, case-folded, with runs of spaces collapsed. An unknown
    header close to a missing one is reported once, with the suggestion.
    """
    expected = {fold(c.header): c for c in columns}
    names = ", ".join(repr(c.header) for c in columns)
    mapped: dict[int, Column] = {}
    blank: set[int] = set()
    unknown: list[tuple[int, str]] = []
    for index in range(1, max(width, len(cells)) + 1):
        cell = at(cells, index)
        if empty(cell.value):
            blank.add(index)  # no header here: values below are reported
            continue
        text = cell.value if isinstance(cell.value, str) else str(cell.value)
        column = expected.get(fold(text))
        if column is None:
            unknown.append((index, text))
        elif column in mapped.values():
            first = next(i for i, c in mapped.items() if c is column)
            report(
                loc(title, 1, index),
                f"the column {column.header!r} appears twice (also in column "
                f"{get_column_letter(first)}); keep one",
            )
        else:
            mapped[index] = column
    missing = [c for c in columns if c not in mapped.values()]
    absent = {c.header: c for c in missing}
    for index, text in unknown:
        close = suggest(text, absent)
        hint = f"; did you mean {absent.pop(close).header!r}?" if close else ";"
        report(
            loc(title, 1, index),
            f"{text!r} is not a column of this sheet{hint} the columns are: {names}",
        )
    for column in absent.values():
        if column.required:
            report(
                loc(title, 1, max(width, len(cells)) + 1),
                f"the column {column.header!r} is missing; the columns are: {names}",
            )
    return Header(mapped, blank, missing, tuple(i for i, _ in unknown))
