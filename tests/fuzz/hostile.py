"""Hostile documents for ``loads`` and the command line, and the property they must keep.

:func:`hostile_documents` starts from a **valid** dataset (``mttq_core.testing.datasets``),
writes it with ``mttq_core.dumps``, parses the JSON and mutates it anywhere in the tree —
deleted, duplicated and retyped fields, boundary and huge numbers, deep nesting, very long
strings, NUL and control characters, NFC/NFD twins, repeated keys (written as raw JSON text)
— then, sometimes, damages the text or its bytes: truncation, stray characters, invalid
UTF-8, UTF-16/UTF-32 encodings, byte-order marks.

:func:`check_outcome` is the property: the document loads, and then round-trips exactly and
keeps its content; or it raises :class:`mttq_core.DatasetError` whose problems all carry a
JSON path of the grammar the library emits, resolving into the document as far as it can.
Anything else — another exception, a path that points nowhere — fails the test.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import re
import signal
import traceback
import unicodedata
from collections.abc import Iterator
from copy import deepcopy
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any

from hypothesis import strategies as st

import mttq_core
from mttq_core.testing import datasets

__all__ = [
    "COUNTS",
    "Hostile",
    "budget",
    "check_outcome",
    "check_paths",
    "count",
    "hard_timeout",
    "hostile_documents",
    "install_report",
    "parse_path",
    "reference_tree",
]

#: How many inputs each fuzz test tried in this session (printed at the end of the run).
COUNTS: dict[str, int] = {}


#: Inputs of the main fuzz test in a default run (CI); the others take a share of it.
DEFAULT_EXAMPLES = 2_500


def budget(*, share: int = 1) -> int:
    """Examples for one fuzz test: ``MTTQ_FUZZ_EXAMPLES`` (or 2,500) divided by ``share``.

    ``MTTQ_FUZZ_EXAMPLES=20000 pytest tests/fuzz`` runs the suite eight times longer than CI.
    """
    raw = os.environ.get("MTTQ_FUZZ_EXAMPLES", "").strip()
    return max(1, (int(raw) if raw else DEFAULT_EXAMPLES) // share)


# == the JSON path grammar =================================================================

#: One segment of a path: ``.key`` (an identifier), ``["any key"]`` (a JSON string) or
#: ``[3]`` (a list index). A path is ``$`` followed by segments; ``$`` alone is the document.
SEGMENT = re.compile(
    r"""\.(?P<name>[A-Za-z_][A-Za-z0-9_]*)"""
    r"""|\[(?P<index>0|[1-9][0-9]*)\]"""
    r"""|\[(?P<quoted>"(?:[^"\\\x00-\x1f]|\\["\\/bfnrt]|\\u[0-9a-fA-F]{4})*")\]"""
)


def parse_path(path: str) -> list[str | int] | None:
    """The segments of ``path``, or ``None`` when it is not a path of the grammar.

    >>> parse_path('$.observations[3]["mã"].value')
    ['observations', 3, 'mã', 'value']
    >>> parse_path("$.a..b") is None, parse_path("observations[0]") is None
    (True, True)
    """
    if not path.startswith("$"):
        return None
    out: list[str | int] = []
    at = 1
    while at < len(path):
        match = SEGMENT.match(path, at)
        if match is None:
            return None
        if match["name"] is not None:
            out.append(match["name"])
        elif match["index"] is not None:
            out.append(int(match["index"]))
        else:
            out.append(json.loads(match["quoted"]))
        at = match.end()
    return out


class _Number(str):
    """A number literal as the reference parser saw it (kept apart from strings)."""

    __slots__ = ()


class _Unparsed:
    """The reference parser could not read the document (why is in ``reason``)."""

    def __init__(self, reason: str) -> None:
        self.reason = reason


def _first_wins(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in pairs:
        out.setdefault(key, value)  # loads keeps the first of a repeated key
    return out


def reference_tree(data: str | bytes) -> Any:
    """The document as an independent reader sees it, or :class:`_Unparsed`.

    Mirrors the documented reading rules (UTF-8, an optional UTF-8 byte-order mark, the
    first value of a repeated key) with Python's own ``json``; numbers stay text.
    """
    if isinstance(data, bytes):
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            return _Unparsed("not UTF-8")
    else:
        text = data
    text = text.removeprefix("\ufeff")
    try:
        return json.loads(
            text,
            object_pairs_hook=_first_wins,
            parse_int=_Number,
            parse_float=_Number,
            parse_constant=_Number,
        )
    except RecursionError:
        return _Unparsed("too deep for the reference reader")
    except ValueError:
        return _Unparsed("not JSON")


def check_paths(tree: Any, problems: tuple[mttq_core.Problem, ...]) -> None:
    """Every problem's path is of the grammar and resolves into ``tree`` as far as it can.

    A path may end one key below an object that lacks that key (a required key is
    missing); otherwise each segment must exist: a key of an object, an index of a list.
    When the reference reader could not read the document at all (not UTF-8, not JSON),
    the path must be ``$``; when only its depth defeated it, the grammar is checked alone.
    """
    assert problems, "a DatasetError without problems"
    for problem in problems:
        assert isinstance(problem.path, str)
        assert isinstance(problem.message, str)
        assert problem.message.strip(), problem
        # a hook's bug is still reported with its path, as "cannot be read (TypeError: …)"
        assert not problem.message.startswith("cannot be read ("), problem
        segments = parse_path(problem.path)
        assert segments is not None, f"not a JSON path: {problem.path!r} ({problem.message})"
        if isinstance(tree, _Unparsed):
            if tree.reason != "too deep for the reference reader":
                assert problem.path == "$", (tree.reason, problem)
            continue
        node = tree
        for n, segment in enumerate(segments):
            last = n == len(segments) - 1
            if isinstance(node, dict) and isinstance(segment, str):
                if segment not in node:
                    assert last, f"{problem.path}: no key {segment!r} here ({problem.message})"
                    break
                node = node[segment]
            elif isinstance(node, list) and isinstance(segment, int):
                assert segment < len(node), f"{problem.path}: index out of range ({problem})"
                node = node[segment]
            else:
                kind = type(node).__name__
                raise AssertionError(f"{problem.path}: cannot go into a {kind} ({problem})")


# == content: what loads kept is what the document said ====================================

_DEFAULTS: dict[str, tuple[object, ...]] = {
    # key: values a document may give that dumps leaves out (defaults)
    "revision": ("0",),
    "weight": ("1",),
    "opening_balance": ("0",),
}


def _number(value: object) -> Decimal | None:
    if isinstance(value, bool) or not isinstance(value, str | int):
        return None
    try:
        return Decimal(str(value))
    except InvalidOperation:
        return None


def _same_scalar(given: object, kept: object) -> bool:
    if isinstance(kept, bool) or isinstance(given, bool):
        return given is kept
    if isinstance(given, _Number) or isinstance(kept, int):
        a, b = _number(given), _number(kept)
        return a is not None and a == b
    if isinstance(given, str) and isinstance(kept, str):
        if unicodedata.normalize("NFC", given).strip() == kept:
            return True
        a, b = _number(given), _number(kept)  # a decimal string, respelt
        return a is not None and a == b
    return given == kept


def _omittable(key: str, value: object) -> bool:
    if value is None or value in ([], {}):
        return True
    return isinstance(value, _Number) and value in _DEFAULTS.get(key, ())


def check_content(given: Any, kept: Any, path: str = "$") -> None:
    """What ``dumps`` writes after ``loads`` says what the document said.

    Allowed differences: text NFC-normalised and stripped, numbers respelt, ``null``,
    empty lists and defaults left out, and a percent ``value`` left out when it is the one
    derived from numerator and denominator.
    """
    if isinstance(kept, dict):
        assert isinstance(given, dict), f"{path}: an object from {type(given).__name__}"
        for key, value in kept.items():
            assert key in given, f"{path}.{key}: written but not given"
            check_content(given[key], value, f"{path}.{key}")
        for key, value in given.items():
            if key not in kept:
                derived = key == "value" and "numerator" in kept
                assert derived or _omittable(key, value), f"{path}.{key}: {value!r} was dropped"
    elif isinstance(kept, list):
        assert isinstance(given, list), f"{path}: a list from {type(given).__name__}"
        assert len(given) == len(kept), f"{path}: {len(given)} items became {len(kept)}"
        for i, (a, b) in enumerate(zip(given, kept, strict=True)):
            check_content(a, b, f"{path}[{i}]")
    else:
        assert _same_scalar(given, kept), f"{path}: {given!r} became {kept!r}"


# == the property ==========================================================================


@dataclass(frozen=True)
class Hostile:
    """One hostile input and the steps that made it (shown when a test fails)."""

    data: str | bytes
    steps: tuple[str, ...] = field(default=())

    def __repr__(self) -> str:
        size = len(self.data)
        kind = "bytes" if isinstance(self.data, bytes) else "str"
        head = self.data[:300]
        return f"Hostile({kind} of {size:,}, steps={list(self.steps)!r}, head={head!r})"

    def _repr_pretty_(self, printer: Any, _cycle: bool) -> None:
        """How hypothesis shows a failing input: short (the data may be megabytes)."""
        printer.text(repr(self))


def compact(error: BaseException, limit: int = 2_000) -> str:
    """An exception and where it came from, in at most a few thousand characters.

    Hostile inputs make huge values; pytest's own report of them can exhaust memory.
    """
    frames = traceback.extract_tb(error.__traceback__)[-12:]
    where = "\n".join(f"  {f.filename}:{f.lineno} in {f.name}" for f in frames)
    message = str(error)
    if len(message) > limit:
        message = f"{message[:limit]}… ({len(message):,} characters)"
    return f"{type(error).__name__}: {message}\n{where}"


def check_outcome(data: str | bytes) -> mttq_core.Dataset | None:
    """Load ``data``; check the property; return the dataset when it loads.

    Any failure is raised as an ``AssertionError`` of bounded size (see :func:`compact`).
    """
    try:
        return _check_outcome(data)
    except Hang:
        raise
    except Exception as e:
        raise AssertionError(compact(e)) from None


def _check_outcome(data: str | bytes) -> mttq_core.Dataset | None:
    try:
        dataset = mttq_core.loads(data)
    except mttq_core.DatasetError as e:
        check_paths(reference_tree(data), e.problems)
        return None
    text = mttq_core.dumps(dataset)
    written = io.BytesIO()
    mttq_core.dump(dataset, written)  # what loads accepts can be saved to a file
    assert written.getvalue() == text.encode("utf-8")
    again = mttq_core.loads(text)
    assert again == dataset, "loads(dumps(ds)) != ds"
    assert mttq_core.dumps(again) == text, "dumps(loads(dumps(ds))) != dumps(ds)"
    given = reference_tree(data)
    assert not isinstance(given, _Unparsed), f"loads read what no JSON reader reads: {given.reason}"
    check_content(given, json.loads(text))
    return dataset


class Hang(Exception):  # noqa: N818 — the name says what happened
    """An input took longer than the hard limit: a hang."""


@contextlib.contextmanager
def hard_timeout(seconds: int) -> Iterator[None]:
    """Interrupt a hang after ``seconds`` (hypothesis' deadline only reports slow inputs
    after they finish). POSIX only; elsewhere the deadline is the only guard."""
    if not hasattr(signal, "SIGALRM"):  # pragma: no cover - Windows
        yield
        return

    def ring(_signum: int, _frame: object) -> None:
        raise Hang(f"no answer after {seconds} s")

    previous = signal.signal(signal.SIGALRM, ring)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


# == building hostile documents ============================================================


@dataclass(frozen=True)
class Raw:
    """JSON text put into the tree as it is (numbers beyond Python's, escapes, nesting)."""

    text: str


@dataclass(frozen=True)
class Pairs:
    """An object written with exactly these pairs, so a key can appear twice."""

    pairs: tuple[tuple[str, Any], ...]


def to_json(node: Any, *, ascii_only: bool = False) -> str:
    """Write a tree of JSON values, :class:`Raw` text and :class:`Pairs` objects."""
    parts: list[str] = []

    def write(x: Any) -> None:
        if isinstance(x, Raw):
            parts.append(x.text)
        elif isinstance(x, Pairs | dict):
            pairs = x.pairs if isinstance(x, Pairs) else tuple(x.items())
            parts.append("{")
            for n, (k, v) in enumerate(pairs):
                if n:
                    parts.append(", ")
                parts.append(json.dumps(k, ensure_ascii=ascii_only) + ": ")
                write(v)
            parts.append("}")
        elif isinstance(x, list):
            parts.append("[")
            for n, v in enumerate(x):
                if n:
                    parts.append(", ")
                write(v)
            parts.append("]")
        else:
            parts.append(json.dumps(x, ensure_ascii=ascii_only))

    write(node)
    return "".join(parts)


Path = tuple[str | int, ...]

#: Boundary and huge numbers, as JSON literals.
NUMBERS: tuple[str, ...] = (
    "0",
    "-0",
    "-0.0",
    "0.0",
    "0E-400",
    "1",
    "-1",
    "2",
    "100",
    "101",
    "1.5",
    "94.2",
    "100.0000000001",
    "1e2",
    "1E+2",
    "1e400",
    "-1e400",
    "1E-400",
    "1e-7",
    "5e-324",
    "1.7976931348623157e308",
    "1e999999999",
    "1e-999999999",
    "1E+99999999999999999",
    "1e9999999999999999999",
    "-1e-9999999999999999999",
    "1e18",
    "1E+18",
    "999999999999999999",
    "-999999999999999999.99",
    "1000000000000000000",
    "9223372036854775808",
    "-9223372036854775809",
    "18446744073709551616",
    "1" + "0" * 399,  # 400 digits
    "9" * 5000,
    "-" + "9" * 5000,
    "0." + "0" * 100 + "1",
    "0." + "0" * 5000 + "1",
    "1." + "0" * 5000,
    "NaN",
    "Infinity",
    "-Infinity",
)

#: Values of every JSON type, for retyping a field.
RETYPED: tuple[Any, ...] = (
    None,
    True,
    False,
    0,
    -1,
    Raw("1.5"),
    "",
    " ",
    "x",
    "2021",
    "00001",
    "committee",
    "2021-01-01",
    [],
    [1],
    ["x"],
    {},
    {"a": 1},
)

#: Vietnamese words that differ between NFC and NFD.
VIETNAMESE: tuple[str, ...] = (
    "Bát Tràng",
    "Kiêu Kỵ",
    "Đặng Xá",
    "Phù Đổng",
    "đường_gt",
    "hộ_nghèo",
)

#: Ways to spoil a string.
TEXTS: tuple[str, ...] = (
    "nfd",
    "nul",
    "control",
    "lone surrogate",
    "surrogate pair",
    "megabyte",
    "padded",
    "empty",
    "blank",
    "emoji",
    "line separator",
    "bom inside",
    "combining only",
)

#: Bytes that are never valid UTF-8 where they are put.
BAD_BYTES: tuple[bytes, ...] = (
    b"\xff",
    b"\xfe",
    b"\x80",
    b"\xc3",
    b"\xc0\xaf",
    b"\xed\xa0\x80",
    b"\xf4\x90\x80\x80",
    b"\xe2\x82",
)


def _nodes(tree: Any) -> list[Path]:
    """Every node's path (the root is ``()``), in document order."""
    out: list[Path] = []
    stack: list[tuple[Path, Any]] = [((), tree)]
    while stack:
        path, node = stack.pop()
        out.append(path)
        if isinstance(node, dict):
            stack.extend(((*path, k), v) for k, v in reversed(list(node.items())))
        elif isinstance(node, list):
            stack.extend(((*path, i), v) for i, v in reversed(list(enumerate(node))))
    return out


def _get(tree: Any, path: Path) -> Any:
    for step in path:
        tree = tree[step]
    return tree


def _put(tree: Any, path: Path, value: Any) -> Any:
    if not path:
        return value
    _get(tree, path[:-1])[path[-1]] = value
    return tree


def _spoil_text(how: str, text: str) -> Any:
    if how == "nfd":
        return unicodedata.normalize("NFD", text or "Bát Tràng")
    if how == "nul":
        return text + "\x00"
    if how == "control":
        return "\x01" + text + "\x1f\x7f"
    if how == "lone surrogate":
        return Raw('"' + json.dumps(text)[1:-1] + '\\ud800"')
    if how == "surrogate pair":
        return Raw('"\\ud83d\\ude00' + json.dumps(text)[1:-1] + '"')
    if how == "megabyte":
        return (text or "x") * (1_000_000 // max(1, len(text)) + 1)
    if how == "padded":
        return f" \t{text}\u00a0\n"
    if how == "empty":
        return ""
    if how == "blank":
        return "\u3000 \u200b"
    if how == "emoji":
        return text + "🇻🇳"
    if how == "line separator":
        return text + "\u2028\u2029"
    if how == "bom inside":
        return "\ufeff" + text
    return "\u0301" + text  # a combining mark with nothing to combine with


def _pick(draw: st.DrawFn, paths: list[Path]) -> Path:
    """One of ``paths``: first a part of the document (its top-level key), then a place in it.

    Observations are most of a dataset's nodes; choosing the part first gives the title, the
    committee, the terms and the funds as many mutations as the observations get.
    """
    parts: dict[object, list[Path]] = {}
    for path in paths:
        parts.setdefault(path[0] if path else None, []).append(path)
    groups = list(parts.values())
    group = groups[draw(st.integers(0, len(groups) - 1))]
    return group[draw(st.integers(0, len(group) - 1))]


@st.composite
def _mutate_tree(draw: st.DrawFn, tree: Any, steps: list[str]) -> Any:
    """Apply one structural mutation somewhere in ``tree``; record it in ``steps``."""
    nodes = _nodes(tree)
    kind = draw(
        st.sampled_from(
            (
                "delete",
                "duplicate",
                "repeat key",
                "retype",
                "number",
                "number",
                "quoted number",
                "text",
                "text",
                "unknown key",
                "deep",
                "twins",
                "twin ids",
            )
        )
    )
    path = _pick(draw, nodes)
    where = "$" + "".join(f"[{p!r}]" for p in path)
    if kind == "delete" and path:
        parent = _get(tree, path[:-1])
        del parent[path[-1]]
        steps.append(f"delete {where}")
        return tree
    if kind == "duplicate":
        lists = [p for p in nodes if isinstance(_get(tree, p), list) and _get(tree, p)]
        if lists:
            target = _pick(draw, lists)
            items = _get(tree, target)
            copy = deepcopy(items[draw(st.integers(0, len(items) - 1))])
            items.insert(draw(st.integers(0, len(items))), copy)
            steps.append(f"duplicate an item of ${list(target)}")
            return tree
    if kind == "repeat key":
        objects = [p for p in nodes if isinstance(_get(tree, p), dict) and _get(tree, p)]
        if objects:
            target = _pick(draw, objects)
            obj: dict[str, Any] = _get(tree, target)
            pairs = list(obj.items())
            key, value = pairs[draw(st.integers(0, len(pairs) - 1))]
            again = value if draw(st.booleans()) else deepcopy(draw(st.sampled_from(RETYPED)))
            pairs.insert(draw(st.integers(0, len(pairs))), (key, again))
            steps.append(f"repeat key {key!r} in ${list(target)}")
            return _put(tree, target, Pairs(tuple(pairs)))
    if kind == "retype":
        value = deepcopy(draw(st.sampled_from(RETYPED)))
        steps.append(f"retype {where} to {value!r}")
        return _put(tree, path, value)
    if kind in ("number", "quoted number"):
        literal = draw(st.sampled_from(NUMBERS))
        value = Raw(literal) if kind == "number" else Raw(json.dumps(literal))
        steps.append(f"{kind} {literal[:30]} at {where}")
        return _put(tree, path, value)
    if kind == "text":
        strings = [p for p in nodes if isinstance(_get(tree, p), str)] or [path]
        target = _pick(draw, strings)
        how = draw(st.sampled_from(TEXTS))
        original = _get(tree, target)
        steps.append(f"text {how} at ${list(target)}")
        return _put(tree, target, _spoil_text(how, original if isinstance(original, str) else ""))
    if kind == "unknown key":
        objects = [p for p in nodes if isinstance(_get(tree, p), dict)]
        if objects:
            target = _pick(draw, objects)
            key = draw(st.sampled_from(("extra", "", " id", "mã đơn vị", "\x00", "$", "a.b", '"')))
            _get(tree, target)[key] = deepcopy(draw(st.sampled_from(RETYPED)))
            steps.append(f"unknown key {key!r} in ${list(target)}")
            return tree
    if kind == "deep":
        depth = draw(st.sampled_from((7, 40, 100, 900, 2_000, 10_000, 100_000)))
        if draw(st.booleans()):
            raw = Raw("[" * depth + "]" * depth)
        else:
            raw = Raw('{"a": ' * depth + "1" + "}" * depth)
        steps.append(f"nest {depth} deep at {where}")
        return _put(tree, path, raw)
    if kind == "twins":
        # one string that occurs more than once (an id and its references) becomes a
        # Vietnamese word, each occurrence in NFC or NFD at random
        counts: dict[str, list[Path]] = {}
        for p in nodes:
            value = _get(tree, p)
            if isinstance(value, str) and p:
                counts.setdefault(value, []).append(p)
        shared = sorted(v for v, ps in counts.items() if len(ps) > 1)
        if shared:
            old = shared[draw(st.integers(0, len(shared) - 1))]
            word = draw(st.sampled_from(VIETNAMESE))
            for p in counts[old]:
                nfd = draw(st.booleans())
                _put(tree, p, unicodedata.normalize("NFD" if nfd else "NFC", word))
            steps.append(f"twins: {old!r} becomes {word!r} in NFC and NFD")
            return tree
    if kind == "twin ids":
        # a copy of an item whose id differs from the original's only by normalisation
        holders = [
            p
            for p in nodes
            if p and isinstance(_get(tree, p), dict) and isinstance(_get(tree, p).get("id"), str)
        ]
        if holders:
            target = _pick(draw, holders)
            item = _get(tree, target)
            word = draw(st.sampled_from(VIETNAMESE))
            twin = deepcopy(item)
            item["id"] = unicodedata.normalize("NFC", word)
            twin["id"] = unicodedata.normalize("NFD", word)
            parent = _get(tree, target[:-1])
            if isinstance(parent, list):
                parent.append(twin)
                steps.append(f"twin ids {word!r} at ${list(target)}")
                return tree
    steps.append(f"nothing ({kind} found no place)")
    return tree


def _insert(data: Any, at: int, piece: Any) -> Any:
    at = min(at, len(data))
    return data[:at] + piece + data[at:]


@st.composite
def hostile_documents(
    draw: st.DrawFn,
    *,
    mutations: st.SearchStrategy[int] = st.integers(1, 4),
    damage: st.SearchStrategy[bool] | None = None,
) -> Hostile:
    """A valid dataset's JSON, mutated: see the module's docstring."""
    dataset = draw(
        datasets(communes=st.integers(1, 3), indicators=st.integers(1, 3)),
    )
    tree: Any = json.loads(mttq_core.dumps(dataset))
    steps: list[str] = []
    for _ in range(draw(mutations)):
        tree = draw(_mutate_tree(tree, steps))
    text = to_json(tree, ascii_only=draw(st.booleans()))
    damaged = draw(damage) if damage is not None else draw(st.integers(0, 3)) == 3
    if not damaged:
        data: str | bytes = text if draw(st.booleans()) else text.encode("utf-8")
        return Hostile(data, tuple(steps))
    how = draw(
        st.sampled_from(
            (
                "truncate",
                "stray character",
                "invalid utf-8",
                "utf-16",
                "utf-16-le",
                "utf-32",
                "utf-8 bom",
                "not an object",
                "empty",
            )
        )
    )
    at = draw(st.integers(0, len(text)))
    steps.append(f"{how} at {at}")
    if how == "truncate":
        return Hostile(text[:at], tuple(steps))
    if how == "stray character":
        piece = draw(st.sampled_from(("\x00", "\x01", "\x1f", '"', "{", "]", ",", "\\", "\ufeff")))
        return Hostile(_insert(text, at, piece), tuple(steps))
    if how == "invalid utf-8":
        raw = text.encode("utf-8")
        return Hostile(_insert(raw, at, draw(st.sampled_from(BAD_BYTES))), tuple(steps))
    if how in ("utf-16", "utf-16-le", "utf-32"):
        return Hostile(text.encode(how), tuple(steps))
    if how == "utf-8 bom":
        return Hostile(b"\xef\xbb\xbf" + text.encode("utf-8"), tuple(steps))
    if how == "not an object":
        whole = draw(st.sampled_from(("[]", "null", "1", '"x"', "[{}]", "true")))
        return Hostile(whole, tuple(steps))
    return Hostile(draw(st.sampled_from(("", " ", "\n\t", "\ufeff"))), tuple(steps))


class _Report:
    """Prints :data:`COUNTS` in pytest's terminal summary."""

    def pytest_terminal_summary(self, terminalreporter: Any) -> None:
        if COUNTS:
            terminalreporter.write_sep("-", "fuzz: inputs tried")
            for name, count in COUNTS.items():
                terminalreporter.write_line(f"{name}: {count:,} inputs")


def install_report(config: Any) -> None:
    """Have pytest print how many inputs the fuzz tests tried (once per session)."""
    if not config.pluginmanager.has_plugin("mttq-fuzz-report"):
        config.pluginmanager.register(_Report(), "mttq-fuzz-report")


def count(name: str) -> None:
    """Count one input tried by the test ``name``."""
    COUNTS[name] = COUNTS.get(name, 0) + 1
