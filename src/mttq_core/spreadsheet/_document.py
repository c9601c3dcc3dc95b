"""Import's middle step: rows become the dataset's JSON document, each value tied to its cell.

Every value put in the document is remembered by its JSON path, so that each problem the
strict loader finds (``$.observations[12].value``) is reported at its cell (``Số liệu!D14``).
A cell already reported stands in the document as an empty object ``{}``, which the loader
refuses at the same path: the item then counts as broken, and the loader's problems at or
under a broken path are dropped instead of repeating the cell's problem.
"""

from __future__ import annotations

import json
import re
import unicodedata
from typing import Any, Final

from mttq_core.model import Dataset, DatasetError, Problem
from mttq_core.model._fund import ENTRY_TYPES
from mttq_core.serde import loads

from ._errors import WorkbookError
from ._sheets import Loc
from ._template import SHEETS, Column, Kind, Sheet

__all__ = ["BROKEN", "Document", "list_at", "nfc", "put"]

_PATH: Final = re.compile(r"\$(?:\.[A-Za-z_]\w*|\[\d+\])+")
_BARE_PATH: Final = re.compile(
    r"(?<![\w.$\]])((?:terms|communes|indicators|targets|observations|working_sessions|funds"
    r"|topics)\[\d+\](?:\.[A-Za-z_]\w*|\[\d+\])*)"
)
_LAST_STEP: Final = re.compile(r"(?:\.[A-Za-z_]\w*|\[\d+\])\Z")


class _Broken:
    """A cell already reported."""

    def __repr__(self) -> str:
        return "BROKEN"


#: The value of a cell whose problem is already reported.
BROKEN: Final = _Broken()


def nfc(value: object) -> object:
    """Text as the model stores it (NFC, stripped); anything else unchanged."""
    return unicodedata.normalize("NFC", value).strip() if isinstance(value, str) else value


def put(target: dict[str, Any], dotted: str, value: object) -> None:
    """Set a dotted key (``baseline.value``), creating the objects on the way."""
    *outer, last = dotted.split(".")
    for step in outer:
        target = target.setdefault(step, {})
    target[last] = value


def list_at(target: dict[str, Any], dotted: str) -> list[Any]:
    """The list at a dotted key (``delegation.members``), created empty if absent."""
    *outer, last = dotted.split(".")
    for step in outer:
        target = target.setdefault(step, {})
    found: list[Any] = target.setdefault(last, [])
    return found


class Document:
    """The dataset's JSON document under construction, with problems and cell places."""

    def __init__(self, whole: Loc) -> None:
        self.whole = whole  # where problems of the file as a whole are reported
        self.found: list[tuple[Loc, str]] = []
        self.where: dict[str, Loc] = {"$": whole}
        self.broken: set[str] = set()
        self.raw: dict[str, Any] = {}
        self.indicators: dict[object, dict[str, Any]] = {}
        self.parents: dict[str, dict[tuple[object, ...], tuple[dict[str, Any], str]]] = {}
        self.unplaceable: set[str] = set()  # parent sheets whose rows cannot be found
        self.parent_keys = {
            s.parent: tuple(c.key for c in s.parent_columns) for s in SHEETS if s.parent
        }

    # -- problems and places --------------------------------------------------------------

    def problem(self, loc: Loc, message: str) -> None:
        """Record a problem at a place."""
        self.found.append((loc, message))

    def locate(self, path: str) -> Loc:
        """The cell of a JSON path, or of its nearest ancestor that has one."""
        while path not in self.where:
            shorter = _LAST_STEP.sub("", path)
            if shorter == path:
                return self.whole
            path = shorter
        return self.where[path]

    def is_broken(self, path: str) -> bool:
        """Whether a path is at or under a cell already reported."""
        return any(path == b or path.startswith((b + ".", b + "[")) for b in self.broken)

    def break_at(self, target: dict[str, Any], key: str, path: str) -> None:
        """Put the stand-in of a reported cell at ``key`` of the object at ``path``."""
        put(target, key, {})
        self.broken.add(f"{path}.{key}")

    # -- rows into the document -----------------------------------------------------------

    def attach(
        self, sheet: Sheet, row: Loc, values: dict[Column, object], locs: dict[Column, Loc]
    ) -> None:
        """Add one row: an item of a top-level list, or of its parent row's list."""
        if sheet.parent is None:
            items = self.raw.setdefault(sheet.path, [])
            path = f"$.{sheet.path}[{len(items)}]"
            self.where[path] = row
            items.append(self.item(sheet, values, locs, path))
            self.index(sheet, items[-1], path)
            return
        if sheet.parent in self.unplaceable:
            return  # the parent sheet's problem is reported; its rows cannot be found
        key = []
        for column in sheet.parent_columns:
            value = values.get(column)
            if value is BROKEN:
                return
            if value is None:
                self.problem(
                    locs[column],
                    f"required: the {column.header!r} of the row of sheet {sheet.parent!r} "
                    "that this row belongs to",
                )
                return
            key.append(nfc(value))
        found = self.parents.get(sheet.parent, {}).get(tuple(key))
        if found is None:
            shown = ", ".join(
                f"{c.header} {k!r}" for c, k in zip(sheet.parent_columns, key, strict=True)
            )
            self.problem(
                locs[sheet.parent_columns[0]],
                f"no row of sheet {sheet.parent!r} has {shown}; this row belongs to one",
            )
            return
        parent, parent_path = found
        children = list_at(parent, sheet.into)
        path = f"{parent_path}.{sheet.into}[{len(children)}]"
        self.where[path] = row
        children.append(self.item(sheet, values, locs, path))

    def index(self, sheet: Sheet, item: dict[str, Any], path: str) -> None:
        """Remember a row that child rows may name (the first of equal keys wins)."""
        if sheet.name == "Chỉ tiêu":
            self.indicators.setdefault(nfc(item.get("id")), item)
        keys = self.parent_keys.get(sheet.name)
        if keys is None:
            return
        key = tuple(nfc(item.get(k)) for k in keys)
        if all(isinstance(k, str) for k in key):
            self.parents.setdefault(sheet.name, {}).setdefault(key, (item, path))

    def item(
        self, sheet: Sheet, values: dict[Column, object], locs: dict[Column, Loc], path: str
    ) -> Any:
        """One row's JSON value: an object, or a text for a list of texts (findings)."""
        own = [c for c in sheet.columns if not c.parent]
        if len(own) == 1 and not own[0].key:
            self.where[path] = locs[own[0]]
            value = values.get(own[0])
            if value is BROKEN:
                self.broken.add(path)
                return {}
            return "" if value is None else value
        item: dict[str, Any] = {}
        entry_type = next((values.get(c) for c in own if c.key == "type" and c.choices), None)
        for column in own:
            if column.kind is Kind.CRITERIA:
                continue
            steps = column.key.split(".")
            for n in range(1, len(steps) + 1):
                self.where.setdefault(f"{path}.{'.'.join(steps[:n])}", locs[column])
            value = values.get(column)
            if value is None:
                continue
            if (
                column.entry_types
                and isinstance(entry_type, str)
                and entry_type in ENTRY_TYPES
                and entry_type not in column.entry_types
            ):
                used = ", ".join(
                    repr(c.header) for c in own if not c.entry_types or entry_type in c.entry_types
                )
                self.problem(
                    locs[column],
                    f"not used by a {entry_type!r} entry; leave it empty (a {entry_type} has "
                    f"{used})",
                )
                continue
            if value is BROKEN:
                self.break_at(item, column.key, path)
            else:
                put(item, column.key, value)
        for criteria in (c for c in own if c.kind is Kind.CRITERIA):
            number = next(c for c in own if c.key == criteria.key and c.kind is Kind.VALUE)
            self.checklist(
                item, values.get(criteria), criteria=criteria, number=number, locs=locs, path=path
            )
        return item

    def checklist(
        self,
        item: dict[str, Any],
        ids: object,
        *,
        criteria: Column,
        number: Column,
        locs: dict[Column, Loc],
        path: str,
    ) -> None:
        """Combine a number column and its criteria column into a checklist's value.

        For a checklist indicator, ``Tiêu chí đạt`` lists the criteria met and ``Giá trị``
        may count them (it must then agree); ``Giá trị`` 0 with no criteria means none was
        met. The criteria column is only for checklist indicators (and not for the baseline
        of a committee target of a ``share_met`` indicator: a percent of communes).
        """
        key = criteria.key
        container: Any = item
        for step in key.split(".")[:-1]:
            container = container.get(step) if isinstance(container, dict) else None
        last = key.split(".")[-1]
        count = container.get(last) if isinstance(container, dict) else None
        indicator = self.indicators.get(nfc(item.get("indicator")), {})
        measure = indicator.get("measure")
        # a committee target of a share_met indicator is a percent of communes, baseline too
        wants_list = measure == "checklist" and not (
            key == "baseline.value"
            and nfc(item.get("scope")) == "committee"
            and indicator.get("across_units") == "share_met"
        )
        value_path = f"{path}.{key}"
        if ids is BROKEN:
            self.break_at(item, key, path)
            return
        if ids is None:
            if wants_list and count is not None and value_path not in self.broken:
                if count in (0, "0"):
                    put(item, key, [])
                    return
                self.problem(
                    locs[number],
                    "a checklist's value is the criteria met: type their ids in "
                    f"{criteria.header!r}, separated by ';' ({number.header!r} then only "
                    "counts them)",
                )
                self.break_at(item, key, path)
            return
        self.where[value_path] = locs[criteria]
        if measure is not None and measure != "checklist":
            self.problem(
                locs[criteria],
                f"{criteria.header!r} is only for checklist indicators; "
                f"{item.get('indicator')!r} is a {measure} indicator",
            )
            self.break_at(item, key, path)
            return
        if value_path in self.broken or not isinstance(ids, list):
            return
        if count is not None and not (
            isinstance(count, int | str)
            and not isinstance(count, bool)
            and str(count) == str(len(ids))
        ):
            self.problem(
                locs[number],
                f"{count} does not match the {len(ids)} criteria listed in "
                f"{criteria.header!r}; for a checklist {number.header!r} is the number of "
                "criteria met (or leave it empty)",
            )
            self.break_at(item, key, path)
            return
        put(item, key, ids)

    # -- the dataset ----------------------------------------------------------------------

    def finish(self) -> Dataset:
        """The dataset, through the strict loader; or every problem, in sheet order."""
        try:
            dataset = loads(json.dumps(self.raw, ensure_ascii=False))
        except DatasetError as e:
            for p in e.problems:
                if not self.is_broken(p.path):
                    self.problem(self.locate(p.path), self.message(p))
        else:
            if not self.found:
                return dataset
        ordered = sorted(
            enumerate(self.found), key=lambda f: (f[1][0].rank, f[1][0].row, f[1][0].column, f[0])
        )
        raise WorkbookError([Problem(loc.text, message) for _, (loc, message) in ordered])

    def message(self, problem: Problem) -> str:
        """A loader's message for a cell: JSON paths inside it become cells too."""
        text = problem.message
        if text == "required key is missing":
            text = "required: the cell is empty"
        text = _PATH.sub(lambda m: self.locate(m[0]).text, text)
        return _BARE_PATH.sub(lambda m: self.locate("$." + m[1]).text, text)
