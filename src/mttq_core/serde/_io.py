"""``load``/``loads``/``dump``/``dumps``: the dataset JSON of SPEC §5."""

from __future__ import annotations

import io
import json
import os
from typing import IO, Any

import attrs

from mttq_core.model import (
    FORMAT,
    Committee,
    Commune,
    Dataset,
    DatasetError,
    Fund,
    Indicator,
    Observation,
    Problem,
    Target,
    Term,
    Topic,
    WorkingSession,
)
from mttq_core.model._rules import Broken, Parts, analyse
from mttq_core.model._values import describe

from ._converter import CONVERTER, problems_of, unstructure
from ._json import decode, key_path, parse, walk_raw

__all__ = ["dump", "dumps", "load", "loads"]

_LISTS: dict[str, type] = {
    "terms": Term,
    "communes": Commune,
    "indicators": Indicator,
    "targets": Target,
    "observations": Observation,
    "working_sessions": WorkingSession,
    "funds": Fund,
    "topics": Topic,
}
_REQUIRED = ("format", "title", "committee", "terms", "communes", "indicators")
_KEYS = [a.name for a in attrs.fields(Dataset) if not a.name.startswith("_")]


def loads(data: str | bytes) -> Dataset:
    """Read a dataset from JSON text or UTF-8 bytes.

    Raises :class:`~mttq_core.DatasetError` listing **every** problem, each with its JSON
    path; never lets a bad document through and never changes a value silently.

    >>> import mttq_core
    >>> mttq_core.loads('{"format": "mttq-core/1", "title": "x"}')
    Traceback (most recent call last):
    ...
    mttq_core.DatasetError: 4 problems:
    $.committee: required key is missing
    $.terms: required key is missing
    $.communes: required key is missing
    $.indicators: required key is missing
    """
    raw = parse(decode(data))
    problems: list[Problem] = []
    if not isinstance(raw, dict):
        kind = "an array" if isinstance(raw, list) else "a single value"
        raise DatasetError([Problem("$", f"expected a JSON object (the dataset), got {kind}")])
    walk_raw(raw, "$", problems)
    for key in raw:
        if key not in _KEYS:
            problems.append(
                Problem(key_path("$", key), f"unknown key; allowed keys here: {', '.join(_KEYS)}")
            )
    for key in _REQUIRED:
        if key not in raw:
            problems.append(Problem(f"$.{key}", "required key is missing"))
    fields: dict[str, Any] = {}
    fmt = raw.get("format", FORMAT)
    if fmt != FORMAT:
        shown = repr(fmt) if isinstance(fmt, str) else "not a string"
        problems.append(
            Problem("$.format", f"{shown} is not a format this version reads; expected {FORMAT!r}")
        )
    singles: tuple[tuple[str, type], ...] = (
        ("title", str),
        ("notes", str),
        ("committee", Committee),
    )
    for key, cls in singles:
        if key in raw and not (key == "notes" and raw[key] is None):
            try:
                fields[key] = CONVERTER.structure(raw[key], cls)
            except Exception as e:
                problems.extend(problems_of(e, f"$.{key}", cls))
    parts: dict[str, list[tuple[int, Any]]] = {}
    broken: dict[str, set[str]] = {
        name: set() for name in ("terms", "communes", "indicators", "topics")
    }
    any_commune = False
    whole: set[str] = set()
    for name, item_cls in _LISTS.items():
        items = raw.get(name, [])
        if items is None and name not in _REQUIRED:
            items = []
        if not isinstance(items, list):
            problems.append(Problem(f"$.{name}", f"expected a list, got {describe(items)}"))
            whole.add(name)
            parts[name] = []
            continue
        hook = CONVERTER.get_structure_hook(item_cls)
        good: list[tuple[int, Any]] = []
        for i, item in enumerate(items):
            try:
                good.append((i, hook(item, item_cls)))
            except Exception as e:
                problems.extend(problems_of(e, f"$.{name}[{i}]", item_cls))
                ident = (
                    item.get("code" if name == "communes" else "id")
                    if isinstance(item, dict)
                    else None
                )
                if name in broken and isinstance(ident, str):
                    broken[name].add(ident)
                elif name == "communes":
                    any_commune = True
        parts[name] = good
    if problems:
        _, rule_problems = analyse(
            Parts(**parts),
            Broken(
                terms=frozenset(broken["terms"]),
                communes=frozenset(broken["communes"]),
                indicators=frozenset(broken["indicators"]),
                topics=frozenset(broken["topics"]),
                any_commune=any_commune,
                whole=frozenset(whole),
            ),
        )
        raise DatasetError(problems + rule_problems)
    try:
        collections: dict[str, Any] = {
            name: [item for _, item in items] for name, items in parts.items()
        }
        return Dataset(**fields, **collections)
    except DatasetError:
        raise
    except Exception as e:  # pragma: no cover - defensive: no traceback for bad data
        raise DatasetError([Problem("$", f"cannot be read: {e}")]) from None


def load(source: str | os.PathLike[str] | IO[str] | IO[bytes]) -> Dataset:
    """Read a dataset from a path or an open file (text or binary).

    Missing files and directories raise ``OSError`` as usual; bad content raises
    :class:`~mttq_core.DatasetError`.
    """
    if isinstance(source, str | os.PathLike):
        with open(source, "rb") as f:
            return loads(f.read())
    return loads(source.read())


def dumps(dataset: Dataset) -> str:
    """Write a dataset as canonical JSON text (UTF-8, Vietnamese kept readable).

    Decimals are written exactly: whole numbers as JSON integers, others as decimal strings.
    ``loads(dumps(d)) == d`` for every dataset ``d``.
    """
    return json.dumps(unstructure(dataset), ensure_ascii=False, indent=1) + "\n"


def dump(dataset: Dataset, target: str | os.PathLike[str] | IO[str] | IO[bytes]) -> None:
    """Write a dataset to a path or an open file (text or binary)."""
    text = dumps(dataset)
    if isinstance(target, str | os.PathLike):
        with open(target, "w", encoding="utf-8", newline="\n") as f:
            f.write(text)
    elif isinstance(target, io.TextIOBase):
        target.write(text)
    else:
        target.write(text.encode("utf-8"))  # type: ignore[arg-type]
