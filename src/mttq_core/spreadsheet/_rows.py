"""Export's first step: a dataset's JSON shape laid out as the template's rows.

Both the workbook and the CSV files are written from these rows, and import reads the
same layout back, so that a round trip changes nothing.
"""

from __future__ import annotations

from typing import Any

import attrs

from mttq_core.model import Dataset
from mttq_core.serde import unstructure

from ._template import INFO_ROWS, SHEETS, Column, InfoRow, Kind, Sheet, sheet_named

__all__ = ["Layout", "Row", "layout"]


@attrs.frozen
class Row:
    """One row of a table sheet: a JSON value per column, and the indicator's measure."""

    values: tuple[object, ...]
    measure: str | None = None


@attrs.frozen
class Layout:
    """A dataset as the template's rows: the key/value rows, then each table sheet's rows."""

    info: tuple[tuple[InfoRow, object], ...]
    tables: tuple[tuple[Sheet, tuple[Row, ...]], ...]


def _get(item: Any, dotted: str) -> Any:
    for step in dotted.split("."):
        if not isinstance(item, dict):
            return None
        item = item.get(step)
    return item


def _check_ids(sheet: Sheet, column: Column, ids: list[str]) -> None:
    for ident in ids:
        if ";" in ident:
            raise ValueError(
                f"cannot write sheet {sheet.name!r}, column {column.header!r}: the id "
                f"{ident!r} contains ';', which separates the ids of one cell"
            )


def _cells(sheet: Sheet, item: Any, parent: Any) -> tuple[object, ...]:
    out: list[object] = []
    for column in sheet.columns:
        if column.parent:
            value = _get(parent, column.key)
        elif not column.key:
            value = item
        else:
            value = _get(item, column.key)
            if column.kind is Kind.CRITERIA and not isinstance(value, list):
                value = None
            elif column.kind is Kind.VALUE and isinstance(value, list):
                value = len(value)  # a checklist: Giá trị counts the criteria met
        if column.kind in (Kind.IDS, Kind.CRITERIA) and isinstance(value, list):
            _check_ids(sheet, column, value)
        out.append(value)
    return tuple(out)


def layout(dataset: Dataset) -> Layout:
    """The template's rows for ``dataset``: every key of its JSON, each in one cell."""
    raw = unstructure(dataset)
    measures = {i["id"]: i["measure"] for i in raw.get("indicators", [])}
    info = tuple((row, _get(raw, row.key)) for row in INFO_ROWS)
    tables: list[tuple[Sheet, tuple[Row, ...]]] = []
    for sheet in SHEETS:
        pairs: list[tuple[Any, Any]]
        if sheet.parent is None:
            pairs = [(item, None) for item in raw.get(sheet.path, [])]
        else:
            parents = raw.get(sheet_named(sheet.parent).path, [])
            pairs = [
                (child, parent) for parent in parents for child in _get(parent, sheet.into) or []
            ]
        rows = []
        for item, parent in pairs:
            indicator = _get(item, "indicator") or _get(parent, "indicator")
            rows.append(Row(_cells(sheet, item, parent), measures.get(indicator)))
        tables.append((sheet, tuple(rows)))
    return Layout(info, tuple(tables))
