"""``load``/``loads``/``dump``/``dumps``: the dataset JSON of SPEC §5."""

from __future__ import annotations

import io
import json
import os
import re
from typing import IO, Any

import attrs

from mttq_core._gc import collection_paused
from mttq_core.model import (
    FORMAT,
    Committee,
    Dataset,
    DatasetError,
    Observation,
    Problem,
)
from mttq_core.model._dataset import COLLECTIONS
from mttq_core.model._rules import Broken, Parts, analyse
from mttq_core.model._values import describe, shorten, to_text

from ._converter import CONVERTER, problems_of, unstructure
from ._fast import read_observations
from ._json import decode, key_path, parse_document, walk_raw
from ._limits import CURRENT, DEFAULT, Limits, depth_problems, fits, size_problem

__all__ = ["dump", "dumps", "load", "loads"]

_LISTS = COLLECTIONS
_REQUIRED = ("format", "title", "committee", "terms", "communes", "indicators")
_SINGLES = ("format", "title", "notes", "committee")
#: Read plain observations by the fast path (``serde/_fast.py``); tests turn it off to
#: compare both paths.
_FAST_PATH = True
_KEYS = [a.name for a in attrs.fields(Dataset) if not a.name.startswith("_")]


def loads(data: str | bytes, *, limits: Limits | None = None) -> Dataset:
    """Read a dataset from JSON text or UTF-8 bytes.

    Raises :class:`~mttq_core.DatasetError` listing **every** problem, each with its JSON
    path; never lets a bad document through and never changes a value silently.

    ``limits`` bounds the size of the document, its nesting, the length of its text and
    numbers and how many problems are listed (:class:`~mttq_core.serde.Limits`; by default
    256 MiB, 32 levels, text of 100,000 characters, numbers of 100 and 100,000 problems: far
    above any real dataset). A document past a limit is refused like any other bad
    document: the problem names the JSON path and the limit to raise.

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
    limits = DEFAULT if limits is None else limits
    if len(data) > limits.max_bytes:
        unit = "characters" if isinstance(data, str) else "bytes"
        raise DatasetError([size_problem(len(data), limits, unit)])
    token = CURRENT.set(limits)  # for the converter's hooks
    try:
        with collection_paused():  # millions of acyclic objects: see mttq_core._gc
            return _loads(data, limits)
    finally:
        CURRENT.reset(token)


def _loads(data: str | bytes, limits: Limits) -> Dataset:
    raw, repeated_keys = parse_document(decode(data), limits=limits)
    problems: list[Problem] = []
    if not isinstance(raw, dict):
        kind = "an array" if isinstance(raw, list) else "a single value"
        raise DatasetError([Problem("$", f"expected a JSON object (the dataset), got {kind}")])
    if repeated_keys:
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
    # the lists are looked at item by item (careful below); the rest here, whole
    too_big = {key for key in _SINGLES if key in raw and not fits(raw[key], 2, limits)}
    for key in _SINGLES:
        if key in too_big:
            problems.extend(depth_problems(raw[key], 2, f"$.{key}", limits))
    fmt = raw.get("format", FORMAT)
    if fmt != FORMAT and "format" not in too_big:
        if isinstance(fmt, str):
            message = f"{shorten(fmt)!r} is not a format this version reads; expected {FORMAT!r}"
        else:
            message = f"expected the string {FORMAT!r}, got {describe(fmt)}"
        problems.append(Problem("$.format", message))
    singles: tuple[tuple[str, type], ...] = (
        ("title", str),
        ("notes", str),
        ("committee", Committee),
    )
    for key, cls in singles:
        if key in raw and key not in too_big and not (key == "notes" and raw[key] is None):
            try:
                fields[key] = CONVERTER.structure(raw[key], cls)
            except Exception as e:
                problems.extend(problems_of(e, f"$.{key}", cls))
    parts: dict[str, list[tuple[int, Any]]] = {}
    broken: dict[str, set[str]] = {
        name: set() for name in ("terms", "communes", "indicators", "topics")
    }
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

        def careful(
            i: int, item: Any, name: str = name, item_cls: type = item_cls, hook: Any = hook
        ) -> Any:
            if fits(item, 3, limits):  # an item of a list of the document: level 3
                try:
                    return hook(item, item_cls)
                except Exception as e:
                    problems.extend(problems_of(e, f"$.{name}[{i}]", item_cls))
            else:  # never handed to the hooks: too deep or too long to look into
                problems.extend(depth_problems(item, 3, f"$.{name}[{i}]", limits))
            ident = (
                item.get("code" if name == "communes" else "id") if isinstance(item, dict) else None
            )
            if isinstance(ident, str):
                broken.setdefault(name, set()).add(to_text(ident))
            else:  # nothing tells which id it had: keep quiet about all of its kind
                whole.add(name)
            return None

        if item_cls is Observation and _FAST_PATH:
            parts[name] = read_observations(items, careful, limits.max_string_length)
            continue
        good: list[tuple[int, Any]] = []
        for i, item in enumerate(items):
            read = careful(i, item)
            if read is not None:
                good.append((i, read))
        parts[name] = good
    if problems:
        _, rule_problems = analyse(
            Parts(**parts),
            Broken(
                terms=frozenset(broken["terms"]),
                communes=frozenset(broken["communes"]),
                indicators=frozenset(broken["indicators"]),
                topics=frozenset(broken["topics"]),
                whole=frozenset(whole),
            ),
        )
        found = _in_document_order(problems + rule_problems, list(raw))
        listed = found[: limits.max_problems]
        raise DatasetError(listed, unlisted=len(found) - len(listed))
    collections: dict[str, Any] = {
        name: [item for _, item in items] for name, items in parts.items()
    }
    return Dataset(**fields, **collections)


_HEAD = re.compile(r"\$\.([a-z_]+)(?:\[(\d+)\])?")


def _in_document_order(problems: list[Problem], keys: list[str]) -> list[Problem]:
    """Order problems by where they are in the document: top-level key, then item.

    Problems of the whole document and of missing keys come first, then top-level keys in
    the order the document gives them; within one item the order of discovery is kept.
    """
    ranks = {k: i for i, k in enumerate(keys)}  # keys the document lacks rank first

    def key(problem: Problem) -> tuple[int, int]:
        match = _HEAD.match(problem.path)
        if match is None:
            return (-1, -1)
        rank = ranks.get(match[1], -1)
        return (rank, int(match[2]) if match[2] else -1)

    return sorted(problems, key=key)


def load(
    source: str | os.PathLike[str] | IO[str] | IO[bytes], *, limits: Limits | None = None
) -> Dataset:
    """Read a dataset from a path or an open file (text or binary).

    Missing files and directories raise ``OSError`` as usual; bad content raises
    :class:`~mttq_core.DatasetError`. A file larger than ``limits.max_bytes`` is refused
    before it is read into memory (see :func:`loads` for ``limits``).
    """
    limits = DEFAULT if limits is None else limits
    if isinstance(source, str | os.PathLike):
        with open(source, "rb") as f:
            size = os.fstat(f.fileno()).st_size
            if size > limits.max_bytes:
                raise DatasetError([size_problem(size, limits, "bytes")])
            return loads(f.read(limits.max_bytes + 1), limits=limits)
    data = source.read(limits.max_bytes + 1)
    if len(data) > limits.max_bytes:
        unit = "characters" if isinstance(data, str) else "bytes"
        raise DatasetError([size_problem(None, limits, unit)])
    return loads(data, limits=limits)


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
