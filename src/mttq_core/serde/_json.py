"""Strict JSON reading: exact decimals, no NaN, no duplicate keys, clear errors with positions."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from decimal import Decimal, InvalidOperation
from typing import Any

from mttq_core.model import DatasetError, Problem
from mttq_core.model._values import shorten

from ._limits import DEFAULT, Limits, depth_problem, number_problem

__all__ = [
    "BadNumber",
    "NonFinite",
    "Oversized",
    "decode",
    "key_path",
    "parse",
    "parse_document",
    "walk_raw",
]

_IDENT = re.compile(r"[A-Za-z_][A-Za-z0-9_]*\Z")


class NonFinite(str):
    """Stands for a ``NaN``/``Infinity`` literal until its path is known."""

    __slots__ = ()


class Oversized(str):
    """Stands for an integer literal too long to read, until its path is known."""

    __slots__ = ()


class BadNumber(Oversized):
    """Stands for a number literal beyond the limits, until its path is known.

    The text is the literal (shortened); ``reason`` says what is wrong with it.
    """

    reason: str

    @classmethod
    def of(cls, literal: str, reason: str) -> BadNumber:
        """The stand-in for ``literal``, refused because of ``reason``."""
        marker = cls(shorten(literal))
        marker.reason = reason
        return marker


def _written_length(value: Decimal) -> int:
    """How many characters ``dumps`` writes for a finite ``value`` with a fraction part.

    Computed without writing it: ``1E-999999`` would be a million characters.

    >>> _written_length(Decimal("1E-5")), len("0.00001"), _written_length(Decimal("-12.5"))
    (7, 7, 5)
    """
    sign, digits, exponent = value.as_tuple()
    places = -int(exponent)
    whole = len(digits) - places
    return sign + (whole + 1 + places if whole > 0 else 2 + places)


def _has_fraction(value: Decimal) -> bool:
    exponent = value.as_tuple().exponent
    return isinstance(exponent, int) and exponent < 0


def _number_reader(limits: Limits) -> Callable[[str], Decimal | BadNumber]:
    """``parse_float`` for JSON: exact decimals, and stand-ins for numbers past the limits.

    A number counts as long as it is written out in digits, as ``dumps`` writes it: the
    literal ``1E-999999`` is a million characters.
    """
    longest = limits.max_number_length

    def read(text: str) -> Decimal | BadNumber:
        if len(text) > longest:
            return BadNumber.of(text, number_problem(len(text), limits))
        try:
            value = Decimal(text)
        except InvalidOperation:  # the exponent is beyond what a decimal holds
            if text.lower().partition("e")[2].startswith("-"):
                return BadNumber.of(text, number_problem(None, limits))
            return BadNumber.of(text, f"{shorten(text)} is too large; numbers must be below 10^18")
        if ("e" in text or "E" in text) and _has_fraction(value):
            length = _written_length(value)
            if length > longest:
                return BadNumber.of(text, number_problem(length, limits))
        return value

    return read


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


def parse(text: str, *, limits: Limits = DEFAULT) -> Any:
    """Parse JSON text with exact decimals; raise :class:`DatasetError` if it is not JSON.

    Objects that repeat a key come back as a ``dict`` subclass that remembers the repeated
    keys (:func:`walk_raw` reports them); the first occurrence of each key is kept.
    """
    return parse_document(text, limits=limits)[0]


def parse_document(text: str, *, limits: Limits = DEFAULT) -> tuple[Any, bool]:
    """Parse JSON text; also say whether some object repeats a key (see :func:`walk_raw`).

    The usual document is read in one pass with C-level object building; a document with a
    repeated key or an integer too long for ``int()`` is read a second time by the careful
    path, which keeps the first value of a repeated key and stands in for the long integer.
    Numbers past ``limits`` come back as :class:`BadNumber`; nesting too deep for the reader
    is a :class:`DatasetError` naming where the document passes ``limits.max_depth``.
    """
    if not text.strip():
        raise DatasetError(
            [Problem("$", "the document is empty; expected a JSON object (the dataset)")]
        )
    numbers = _number_reader(limits)
    try:
        try:
            return _read(text, numbers, fast=True), False
        except (_DuplicateKeyError, _LongIntegerError):
            return _read(text, numbers, fast=False), True
    except RecursionError:
        raise DatasetError([_too_deep(text, limits)]) from None


class _LongIntegerError(Exception):
    """An integer literal longer than ``int()`` reads: read the document again carefully."""


def _read(text: str, numbers: Callable[[str], Any], *, fast: bool) -> Any:
    try:
        if fast:
            try:
                return json.loads(
                    text,
                    parse_float=numbers,
                    parse_constant=NonFinite,
                    object_pairs_hook=_fast_object,
                )
            except json.JSONDecodeError:
                raise
            except ValueError:  # an integer longer than int() accepts
                raise _LongIntegerError from None
        return json.loads(
            text,
            parse_float=numbers,
            parse_int=_parse_int,
            parse_constant=NonFinite,
            object_pairs_hook=_Object,
        )
    except json.JSONDecodeError as e:
        raise DatasetError(
            [Problem("$", f"not valid JSON: {e.msg} at line {e.lineno}, column {e.colno}")]
        ) from None


_TOKEN = re.compile(r'"(?:[^"\\]|\\.)*"|[\[\]{},]')
_SPACE = re.compile(r"[ \t\n\r]*")


def _nothing(_pairs: object) -> None:
    return None


#: Reads a value only to find where it ends (C speed; numbers stay text, objects are dropped).
_SKIP = json.JSONDecoder(
    parse_int=str, parse_float=str, parse_constant=str, object_pairs_hook=_nothing
).raw_decode


def _too_deep(text: str, limits: Limits) -> Problem:
    """Where ``text`` first nests deeper than ``limits.max_depth`` (the reader gave up).

    Follows the one value at each level that is too deep for the reader — its siblings are
    skipped by the C reader — down to the array or object past the limit, and names its
    path; when the text is not shaped as expected, scans it token by token instead.
    """
    try:
        found = _follow_the_deep_value(text, limits)
    except (ValueError, IndexError):  # not JSON where expected
        found = None
    if found is None:
        found = _scan_for_depth(text, limits)
    if found is not None:
        return found
    return Problem(  # pragma: no cover - only when the caller's own stack is very deep
        "$",
        "the JSON is nested too deeply to read here (Python's recursion limit); a dataset "
        f"goes {limits.max_depth} levels deep at most",
    )


def _follow_the_deep_value(text: str, limits: Limits) -> Problem | None:
    def space(at: int) -> int:
        match = _SPACE.match(text, at)
        return match.end() if match else at

    at, path, depth = space(0), "$", 1
    while True:  # at the start of a value too deep for the reader, at level ``depth``
        if text[at] not in "[{":
            return None
        if depth > limits.max_depth:
            return depth_problem(path, limits)
        is_object, at, index = text[at] == "{", space(at + 1), 0
        while True:  # the members, until the one too deep
            if is_object:
                if text[at] != '"':
                    return None
                key, at = _SKIP(text, at)  # a string: the key
                at = space(at)
                if text[at] != ":":
                    return None
                at, child = space(at + 1), key_path(path, key)
            else:
                child = f"{path}[{index}]"
            try:
                _, end = _SKIP(text, at)
            except RecursionError:
                path, depth = child, depth + 1
                break
            at = space(end)
            if text[at] != ",":
                return None
            at, index = space(at + 1), index + 1


def _scan_for_depth(text: str, limits: Limits) -> Problem | None:
    """The first array or object past ``limits.max_depth``, by scanning every token."""
    # each open container: [is an object, its path, the current key or index]
    stack: list[list[Any]] = []
    for token in _TOKEN.finditer(text):
        t = token[0]
        if t in "[{":
            if stack:
                is_object, where, at = stack[-1]
                if is_object:
                    path = key_path(where, at) if isinstance(at, str) else where
                else:
                    path = f"{where}[{at}]"
            else:
                path = "$"
            if len(stack) + 1 > limits.max_depth:
                return depth_problem(path, limits)
            stack.append([t == "{", path, None if t == "{" else 0])
        elif t in "]}":
            if stack:
                stack.pop()
        elif t == ",":
            if stack:
                top = stack[-1]
                top[2] = None if top[0] else top[2] + 1
        elif stack and stack[-1][0] and stack[-1][2] is None:  # a string where a key goes
            try:
                stack[-1][2] = json.loads(t)
            except ValueError:
                stack[-1][2] = t[1:-1]
    return None


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
