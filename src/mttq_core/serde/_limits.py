"""Resource limits on what ``loads`` reads: size, nesting depth, length of text and numbers.

A dataset comes from people and from other programs; some documents are damaged, a few are
hostile. The limits turn what would exhaust memory or time into a :class:`DatasetError`
that names the JSON path, what was too big and which limit to raise. The defaults are far
above any dataset a committee has (the country's, 125 MB, loads with half the size limit
to spare) and far below what would hurt.
"""

from __future__ import annotations

from contextvars import ContextVar
from typing import Any, Final

import attrs

from mttq_core.model import Problem

__all__ = [
    "CURRENT",
    "DEEPEST_DATASET",
    "MAX_READABLE_DEPTH",
    "Limits",
    "depth_problems",
    "fits",
    "number_problem",
]

#: How deep a valid dataset goes: ``$`` → ``working_sessions`` → a session →
#: ``observations`` → an observation → its ``value`` list.
DEEPEST_DATASET: Final = 6
#: The deepest nesting the JSON reader follows within Python's recursion limit.
MAX_READABLE_DEPTH: Final = 500


def _at_least(minimum: int, why: str) -> Any:
    def check(_instance: object, attribute: attrs.Attribute[int], value: object) -> None:
        if isinstance(value, bool) or not isinstance(value, int):
            raise TypeError(f"Limits.{attribute.name} must be an integer, got {value!r}")
        if value < minimum:
            raise ValueError(
                f"Limits.{attribute.name} must be at least {minimum}{why}; got {value}"
            )

    return check


_NUMBER_WHY = " (a number below 10^18 with two decimals is 21 characters)"


def _depth(_instance: object, attribute: attrs.Attribute[int], value: object) -> None:
    _at_least(DEEPEST_DATASET, " (a valid dataset goes 6 levels deep)")(_instance, attribute, value)
    if isinstance(value, int) and value > MAX_READABLE_DEPTH:
        raise ValueError(
            f"Limits.max_depth must be at most {MAX_READABLE_DEPTH} (the deepest the JSON "
            f"reader goes); got {value}"
        )


@attrs.frozen(kw_only=True)
class Limits:
    """How big a document :func:`~mttq_core.loads` agrees to read.

    ``max_bytes``
        The size of the document: bytes (UTF-8) for ``bytes`` and files, characters for
        ``str``. Default 256 MiB, twice the benchmark of the whole country (125 MB).
    ``max_depth``
        How deeply arrays and objects may nest; the document itself is level 1. Default 32;
        a valid dataset goes 6 levels deep. At most 500, the deepest the reader goes.
    ``max_string_length``
        The length of any text, in characters. Default 100,000: about forty printed pages
        in one field.
    ``max_number_length``
        The length of a number — a JSON number or a decimal string such as ``"94.2"`` —
        written out in digits, as ``dumps`` writes it (so ``1E-999999`` counts as a million
        characters). Default 100: money is below 10^18, and no measurement has eighty
        decimals; exact arithmetic on longer numbers only costs time. At least 20, so that
        every number below 10^18 with a decimal or two can be read.
    ``max_problems``
        How many problems a :class:`~mttq_core.DatasetError` lists; the others are counted
        (``DatasetError.unlisted``), so the error still says how many there are. Default
        100,000: a whole national dataset with one mistake per commune, indicator and year
        is 1 million problems, which no one reads line by line.

    Exceeding a limit is a problem like any other, with its JSON path and the limit to
    raise:

    >>> import json
    >>> import mttq_core
    >>> from mttq_core.serde import Limits
    >>> doc = json.loads(mttq_core.dumps(mttq_core.example()))
    >>> doc["observations"][3]["source"] = "x" * 2_000_000
    >>> text = json.dumps(doc)
    >>> mttq_core.loads(text)
    Traceback (most recent call last):
    ...
    mttq_core.DatasetError: 1 problem:
    $.observations[3].source: text of 2,000,000 characters is longer than the limit of 100,000; raise Limits.max_string_length to read it
    >>> len(mttq_core.loads(text, limits=Limits(max_string_length=2_000_000)).observations)
    1096
    """  # noqa: E501 — a doctest's output is one line

    max_bytes: int = attrs.field(default=256 * 1024 * 1024, validator=_at_least(1, ""))
    max_depth: int = attrs.field(default=32, validator=_depth)
    max_string_length: int = attrs.field(default=100_000, validator=_at_least(1, ""))
    max_number_length: int = attrs.field(default=100, validator=_at_least(20, _NUMBER_WHY))
    max_problems: int = attrs.field(default=100_000, validator=_at_least(1, ""))


#: The limits ``loads`` applies when it is given none.
DEFAULT: Final = Limits()
#: The limits of the document being read, for the converter's hooks (which cattrs calls
#: without them); ``loads`` sets it for the time it reads.
CURRENT: ContextVar[Limits] = ContextVar("mttq_core_limits", default=DEFAULT)


def number_problem(length: int | None, limits: Limits) -> str:
    """The message for a number longer than ``limits.max_number_length`` written out."""
    size = "more than a billion" if length is None else f"{length:,}"
    return (
        f"a number of {size} characters (written out in digits) is longer than the limit of "
        f"{limits.max_number_length:,}; raise Limits.max_number_length to read it"
    )


def size_problem(size: int | None, limits: Limits, unit: str) -> Problem:
    """The problem of a document larger than ``limits.max_bytes`` (``None``: size unknown)."""
    what = f"{size:,} {unit}, more than" if size is not None else f"more {unit} than"
    return Problem(
        "$",
        f"the document is {what} the limit of {limits.max_bytes:,}; raise Limits.max_bytes "
        "to read it",
    )


def text_problem(path: str, length: int, limits: Limits) -> Problem:
    """The problem of a string longer than ``limits.max_string_length``."""
    return Problem(
        path,
        f"text of {length:,} characters is longer than the limit of "
        f"{limits.max_string_length:,}; raise Limits.max_string_length to read it",
    )


def depth_problem(path: str, limits: Limits) -> Problem:
    """The problem of an array or object nested deeper than ``limits.max_depth``."""
    return Problem(
        path,
        f"nested {limits.max_depth + 1} levels deep, deeper than the limit of "
        f"{limits.max_depth} (a valid dataset goes {DEEPEST_DATASET} deep); raise "
        "Limits.max_depth to read it",
    )


def fits(value: object, depth: int, limits: Limits) -> bool:
    """Whether ``value``, at nesting level ``depth``, is within the depth and length limits.

    Quick and without paths (iteratively: no recursion limit); :func:`depth_problems`
    names the places when it is not.
    """
    max_depth, max_length = limits.max_depth, limits.max_string_length
    stack: list[tuple[object, int]] = [(value, depth)]
    pop, push = stack.pop, stack.append
    while stack:
        node, level = pop()
        if isinstance(node, str):
            if len(node) > max_length:
                return False
        elif isinstance(node, dict):
            if level > max_depth:
                return False
            for item in node.values():
                if isinstance(item, str | dict | list):
                    push((item, level + 1))
        elif isinstance(node, list):
            if level > max_depth:
                return False
            for item in node:
                if isinstance(item, str | dict | list):
                    push((item, level + 1))
    return True


def depth_problems(value: object, depth: int, path: str, limits: Limits) -> list[Problem]:
    """Every place in ``value`` (at ``path``, level ``depth``) beyond the limits, in order.

    Nothing below a container that is too deep is looked at: it is one problem.
    """
    from ._json import key_path  # noqa: PLC0415 — _json imports this module

    out: list[Problem] = []
    stack: list[tuple[object, int, str]] = [(value, depth, path)]
    while stack:
        node, level, where = stack.pop()
        if isinstance(node, str):
            if len(node) > limits.max_string_length:
                out.append(text_problem(where, len(node), limits))
        elif isinstance(node, dict | list):
            if level > limits.max_depth:
                out.append(depth_problem(where, limits))
                continue
            children = (
                [(v, key_path(where, k)) for k, v in node.items()]
                if isinstance(node, dict)
                else [(v, f"{where}[{i}]") for i, v in enumerate(node)]
            )
            stack.extend((v, level + 1, p) for v, p in reversed(children))
    return out
