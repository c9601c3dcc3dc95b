"""Strict JSON reading: exact decimals, no NaN, no duplicate keys, clear errors with positions."""

from __future__ import annotations

import json
import re
from decimal import Decimal
from typing import Any

from mttq_core.model import DatasetError, Problem

__all__ = ["NonFinite", "Oversized", "decode", "key_path", "parse", "parse_document", "walk_raw"]

_IDENT = re.compile(r"[A-Za-z_][A-Za-z0-9_]*\Z")


class NonFinite(str):
    """Stands for a ``NaN``/``Infinity`` literal until its path is known."""

    __slots__ = ()


class Oversized(str):
    """Stands for an integer literal too long to read, until its path is known."""

    __slots__ = ()


class _Object(dict[str, Any]):
    """A JSON object that remembers keys it saw more than once."""

    __slots__ = ("duplicates",)

    def __init__(self, pairs: list[tuple[str, Any]]) -> None:
        super().__init__()
        self.duplicates: list[str] = []
        for key, value in pairs:
            if key in self:
                self.duplicates.append(key)
            else:
                self[key] = value  # the first occurrence stays; the problem is reported


def _parse_int(text: str) -> int | Oversized:
    try:
        return int(text)
    except ValueError:  # more digits than int() accepts
        return Oversized(f"{text[:12]}… ({len(text)} digits)")


def key_path(path: str, key: str) -> str:
    """The JSON path of ``key`` inside the object at ``path``.

    >>> key_path("$", "terms"), key_path("$.x", "mã đơn vị")
    ('$.terms', '$.x["mã đơn vị"]')
    """
    if _IDENT.match(key):
        return f"{path}.{key}"
    return f"{path}[{json.dumps(key, ensure_ascii=False)}]"


def decode(data: str | bytes) -> str:
    """Decode a document as UTF-8 (a UTF-8 byte-order mark is allowed and dropped)."""
    if isinstance(data, bytes | bytearray):
        raw = bytes(data)
        if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
            raise DatasetError(
                [
                    Problem(
                        "$",
                        "the file is UTF-16 (it starts with a UTF-16 byte-order mark); save it "
                        "as UTF-8",
                    )
                ]
            )
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as e:
            raise DatasetError(
                [
                    Problem(
                        "$",
                        f"not UTF-8 text: byte 0x{raw[e.start]:02x} at offset {e.start} "
                        "cannot be decoded; a dataset is a UTF-8 JSON file",
                    )
                ]
            ) from None
    else:
        text = data
    return text.removeprefix("\ufeff")


class _DuplicateKeyError(Exception):
    """Raised by the fast object hook: an object repeats a key, so read it again slowly."""


def _fast_object(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    obj = dict(pairs)
    if len(obj) != len(pairs):
        raise _DuplicateKeyError
    return obj


def parse(text: str) -> Any:
    """Parse JSON text with exact decimals; raise :class:`DatasetError` if it is not JSON.

    Objects that repeat a key come back as a ``dict`` subclass that remembers the repeated
    keys (:func:`walk_raw` reports them); the first occurrence of each key is kept.
    """
    return parse_document(text)[0]


def parse_document(text: str) -> tuple[Any, bool]:
    """Parse JSON text; also say whether some object repeats a key (see :func:`walk_raw`).

    The usual document is read in one pass with C-level object building; a document with a
    repeated key or an integer too long for ``int()`` is read a second time by the careful
    path, which keeps the first value of a repeated key and stands in for the long integer.
    """
    if not text.strip():
        raise DatasetError(
            [Problem("$", "the document is empty; expected a JSON object (the dataset)")]
        )
    try:
        return _read(text, fast=True), False
    except (_DuplicateKeyError, _LongIntegerError):
        return _read(text, fast=False), True


class _LongIntegerError(Exception):
    """An integer literal longer than ``int()`` reads: read the document again carefully."""


def _read(text: str, *, fast: bool) -> Any:
    try:
        if fast:
            try:
                return json.loads(
                    text,
                    parse_float=Decimal,
                    parse_constant=NonFinite,
                    object_pairs_hook=_fast_object,
                )
            except json.JSONDecodeError:
                raise
            except ValueError:  # an integer longer than int() accepts
                raise _LongIntegerError from None
        return json.loads(
            text,
            parse_float=Decimal,
            parse_int=_parse_int,
            parse_constant=NonFinite,
            object_pairs_hook=_Object,
        )
    except json.JSONDecodeError as e:
        raise DatasetError(
            [Problem("$", f"not valid JSON: {e.msg} at line {e.lineno}, column {e.colno}")]
        ) from None
    except RecursionError:
        raise DatasetError(
            [
                Problem(
                    "$",
                    "the JSON is nested too deeply to read; a dataset is at most a few levels deep",
                )
            ]
        ) from None


def walk_raw(value: Any, path: str, problems: list[Problem]) -> None:
    """Report duplicate keys anywhere in a parsed document (iteratively: no recursion limit)."""
    stack: list[tuple[Any, str]] = [(value, path)]
    while stack:
        node, where = stack.pop()
        if isinstance(node, _Object):
            for key in node.duplicates:
                problems.append(
                    Problem(
                        key_path(where, key),
                        "this key appears more than once in the object; each key may appear "
                        "only once (the first value was read)",
                    )
                )
            stack.extend(
                (v, key_path(where, k)) for k, v in node.items() if isinstance(v, dict | list)
            )
        elif isinstance(node, list):
            stack.extend(
                (v, f"{where}[{i}]") for i, v in enumerate(node) if isinstance(v, dict | list)
            )
