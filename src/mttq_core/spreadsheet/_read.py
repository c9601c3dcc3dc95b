"""Import: a workbook in the template → the dataset's JSON document → the strict loader."""

from __future__ import annotations

import io
import os
import warnings
import zipfile
from typing import IO, Any, Final

import openpyxl
from defusedxml import DefusedXmlException

from mttq_core.model import Dataset

from ._cells import CellIssue, read_cell
from ._document import BROKEN, Document, put
from ._errors import WorkbookError
from ._safety import MAX_BYTES, check_container, read_source, refuse
from ._sheets import Loc, at, empty, inside, loc, map_header, merged_boxes, rows
from ._template import (
    INFO,
    INFO_HEADERS,
    INFO_ROWS,
    SHEET_NAMES,
    SHEETS,
    Column,
    Kind,
    Sheet,
    fold,
    suggest,
)

__all__ = ["read_dataset"]

_INFO_COLUMNS: Final = (
    Column(INFO_HEADERS[0], "label", required=True),
    Column(INFO_HEADERS[1], "value", required=True),
)


def read_dataset(
    source: str | os.PathLike[str] | IO[bytes] | bytes, *, max_bytes: int = MAX_BYTES
) -> Dataset:
    """Read a workbook in the template (``docs/spreadsheet.md``) into a :class:`~mttq_core.Dataset`.

    ``source`` is a path, a binary stream or the file's bytes. The workbook is untrusted:
    files above ``max_bytes`` (20 MB by default) are refused, formulas are reported and
    never calculated, XML with a document type declaration is refused, merged cells are
    reported. The rows become the dataset's JSON and go through the same strict loader as
    :func:`mttq_core.loads`. Every problem — of a cell or of the dataset's rules — is raised
    at once in a :class:`WorkbookError`, each located by ``Sheet!A1``; nothing is guessed.

    A missing file or a directory raises ``OSError`` as usual.
    """
    data, name = read_source(source, max_bytes=max_bytes)
    archive = check_container(data, name, max_bytes=max_bytes)
    if not openpyxl.DEFUSEDXML:  # pragma: no cover - defusedxml is a dependency of the extra
        raise refuse(
            name,
            "defusedxml is not installed, so the workbook's XML cannot be parsed safely; "
            "install mttq-core[excel]",
        )
    doc = Document(Loc(name, -1, 0, 0))
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # openpyxl warns about the parts it drops
            workbook = openpyxl.load_workbook(
                io.BytesIO(data),
                read_only=True,
                data_only=False,
                keep_links=False,
                keep_vba=False,
                rich_text=False,
            )
            try:
                _read(doc, workbook, archive)
            finally:
                workbook.close()
                archive.close()
    except WorkbookError:
        raise
    except Exception as e:  # a damaged workbook: whatever openpyxl raises, one clear line
        defused = _defused(e)
        if defused is not None:
            raise refuse(
                name,
                f"the workbook's XML declares entities or a document type "
                f"({type(defused).__name__}); such files are refused (XML entity attacks)",
            ) from None
        text = str(e).splitlines()[0] if str(e) else ""
        text = text if len(text) <= 120 else text[:119] + "…"
        raise refuse(name, f"the workbook cannot be read ({type(e).__name__}: {text})") from None
    return doc.finish()


def _defused(error: BaseException | None) -> DefusedXmlException | None:
    """The defusedxml refusal behind an error (openpyxl wraps what its parser raises)."""
    seen: set[int] = set()
    while error is not None and id(error) not in seen:
        if isinstance(error, DefusedXmlException):
            return error
        seen.add(id(error))
        error = error.__cause__ or error.__context__
    return None


def _read(doc: Document, workbook: Any, archive: zipfile.ZipFile) -> None:
    by_fold = {fold(n): n for n in SHEET_NAMES}
    if {fold("Xếp hạng"), fold("Đánh giá")} <= {fold(t) for t in workbook.sheetnames}:
        doc.problem(
            doc.whole,
            "this is a scorecard workbook (written by 'export --scorecard'), not a dataset; "
            "import reads a dataset workbook in the template",
        )
        doc.broken.add("$")  # nothing else to say about it
        return
    present: dict[str, Any] = {}
    for title in workbook.sheetnames:
        canonical = by_fold.get(fold(title))
        if canonical is not None and canonical not in present:
            present[canonical] = workbook[title]
            continue
        close = suggest(title, [n for n in SHEET_NAMES if n not in present])
        if canonical is not None:
            what = f"a second sheet named {canonical!r}"
        elif close:
            what = f"unknown sheet {title!r} (did you mean {close!r}?)"
        else:
            what = f"unknown sheet {title!r}"
        doc.problem(
            loc(title, 1, 1),
            f"{what}; a dataset workbook has the sheets {', '.join(SHEET_NAMES)}",
        )
    _info(doc, present.get(INFO), archive)
    for sheet in SHEETS:
        ws = present.get(sheet.name)
        if ws is not None:
            _table(doc, sheet, ws, archive)
            continue
        doc.unplaceable.add(sheet.name)
        if sheet.required:
            doc.problem(
                doc.whole,
                f"the sheet {sheet.name!r} is missing; it lists the dataset's {sheet.path} "
                f"(columns: {', '.join(sheet.headers)})",
            )
            doc.raw[sheet.path] = [{}]
            doc.broken.add(f"$.{sheet.path}")


def _read_value(doc: Document, cell: Any, place: Loc, kind: Kind) -> object:
    got = read_cell(cell.value, cell.data_type, cell.number_format, kind)
    if isinstance(got, CellIssue):
        doc.problem(place, got.message)
        return BROKEN
    return got


def _info(doc: Document, ws: Any, archive: zipfile.ZipFile) -> None:
    """The key/value sheet: one row per top-level text, labelled in column ``Mục``."""
    doc.raw["committee"] = {}
    listed = ", ".join(repr(r.label) for r in INFO_ROWS)
    if ws is None:
        doc.problem(doc.whole, f"the sheet {INFO!r} is missing; it holds the rows {listed}")
        for key in ("format", "title", "committee"):
            doc.break_at(doc.raw, key, "$")
        return
    title = ws.title
    doc.where["$"] = loc(title, 1, 1)
    boxes = merged_boxes(ws, archive, doc.problem)
    table = list(rows(ws))
    width = max((len(cells) for _, cells in table), default=0)
    header = map_header(title, _INFO_COLUMNS, table[0][1] if table else [], width, doc.problem)
    if header.missing:
        for key in ("format", "title", "committee"):
            doc.break_at(doc.raw, key, "$")
        return
    label_at, value_at = (header.column_index(c) for c in _INFO_COLUMNS)
    labels = {fold(r.label): r for r in INFO_ROWS}
    seen: dict[str, int] = {}
    reported: set[int] = set()
    for number, cells in table[1:]:
        _unheaded(doc, title, header.blank, reported, (number, cells))
        label, value = at(cells, label_at), at(cells, value_at)
        if empty(label.value) and empty(value.value):
            continue
        spec = labels.get(fold(label.value)) if isinstance(label.value, str) else None
        if spec is None or spec.key in seen:
            shown = "an empty label" if empty(label.value) else repr(label.value)
            doc.problem(
                loc(title, number, label_at),
                f"{shown} is not a row of this sheet; the rows are: {listed}"
                if spec is None
                else f"the row {spec.label!r} appears twice (also in row {seen[spec.key]})",
            )
            continue
        seen[spec.key] = number
        place = loc(title, number, value_at)
        doc.where[f"$.{spec.key}"] = place
        if spec.key.startswith("committee."):
            doc.where.setdefault("$.committee", place)
        got = (
            BROKEN if inside(boxes, number, value_at) else _read_value(doc, value, place, Kind.TEXT)
        )
        if got is BROKEN:
            doc.break_at(doc.raw, spec.key, "$")
        elif got is not None:
            put(doc.raw, spec.key, got)
    for spec in INFO_ROWS:
        if spec.required and spec.key not in seen:
            doc.problem(
                loc(title, len(table) + 1, 1),
                f"the row {spec.label!r} is missing ({spec.key}); add it with its value",
            )
            doc.break_at(doc.raw, spec.key, "$")


def _unheaded(
    doc: Document, title: str, blank: set[int], reported: set[int], row: tuple[int, list[Any]]
) -> None:
    """Report the first value of each column that has no header (once per column)."""
    number, cells = row
    for index in sorted(blank - reported):
        if not empty(at(cells, index).value):
            reported.add(index)
            doc.problem(
                loc(title, number, index),
                "a value in a column without a header; add the header or clear the column",
            )


def _table(doc: Document, sheet: Sheet, ws: Any, archive: zipfile.ZipFile) -> None:
    """A table sheet: headers in row 1, one item per non-blank row below."""
    title = ws.title
    boxes = merged_boxes(ws, archive, doc.problem)
    table = list(rows(ws))
    doc.where[f"$.{sheet.path}"] = loc(title, 1, 1)
    if sheet.parent is None:
        doc.raw.setdefault(sheet.path, [])
    if not table or all(empty(c.value) for c in table[0][1]):
        first = next(
            (
                (number, index)
                for number, cells in table[1:]
                for index, cell in enumerate(cells, start=1)
                if not empty(cell.value)
            ),
            None,
        )
        if first is not None:
            doc.problem(
                loc(title, *first),
                "row 1 must hold the column headers: " + ", ".join(map(repr, sheet.headers)),
            )
            doc.unplaceable.add(sheet.name)
            if sheet.parent is None:  # its rows exist but cannot be read: keep quiet about them
                doc.raw[sheet.path] = [{}]
                doc.broken.add(f"$.{sheet.path}")
        return
    width = max(len(cells) for _, cells in table)
    header = map_header(title, sheet.columns, table[0][1], width, doc.problem)
    if any(c.key in doc.parent_keys.get(sheet.name, ()) for c in header.missing):
        doc.unplaceable.add(sheet.name)  # its child rows cannot find their rows
    if any(c.parent for c in header.missing):
        return  # the rows cannot be placed; the missing column is reported
    reported = {i for i in header.blank if inside(boxes, 1, i)}  # merged: reported already
    for number, cells in table[1:]:
        values: dict[Column, object] = {}
        locs = {c: loc(title, number, i) for i, c in header.mapped.items()}
        locs.update({c: loc(title, number, width + 1) for c in header.missing})
        _unheaded(doc, title, header.blank, reported, (number, cells))
        for index, column in header.mapped.items():
            if inside(boxes, number, index):
                values[column] = BROKEN
                continue
            got = _read_value(doc, at(cells, index), locs[column], column.kind)
            if got is not None:
                values[column] = got
        if values:  # not a blank row
            values.update(dict.fromkeys(header.stand_in, BROKEN))
            doc.attach(sheet, loc(title, number, 1), values, locs)
