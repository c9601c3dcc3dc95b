"""Argument checks for the strategies: eager where the value is known, at draw time otherwise.

Every error is a :class:`hypothesis.errors.InvalidArgument`, as hypothesis raises for its own
strategies, and names the argument, what it got and what is allowed.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from enum import Enum
from typing import Any, Literal, TypeVar, overload

import pendulum
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from mttq_core.model import ALL, COMMITTEE, Period

__all__ = [
    "check_bounds",
    "check_date",
    "check_members",
    "check_period",
    "check_strategy",
    "draw_code",
    "draw_count",
    "draw_instance",
]

E = TypeVar("E", bound=Enum)
T = TypeVar("T")


def check_strategy(name: str, value: object, like: str) -> None:
    """``value`` must be a valid strategy; ``like`` shows a good one.

    The strategy's own arguments are checked now too (``st.integers(30, 1)`` is refused here,
    not at the first draw), with the message naming our argument.
    """
    if not isinstance(value, st.SearchStrategy):
        raise InvalidArgument(
            f"{name}={value!r} must be a hypothesis strategy, like {name}={like}; "
            f"to fix a single value, wrap it: {name}=st.just({value!r})"
        )
    try:
        value.validate()
    except InvalidArgument as error:
        raise InvalidArgument(f"{name}={value!r} is not a valid strategy: {error}") from error


def _allowed(enum: type[Enum], *, none: bool) -> str:
    names = [repr(m.value) for m in enum]
    if none:
        names.append("None")
    return ", ".join(names[:-1]) + " or " + names[-1] if len(names) > 1 else names[0]


@overload
def check_members(
    name: str, value: object, enum: type[E], *, none: Literal[False] = False
) -> tuple[E, ...]: ...
@overload
def check_members(
    name: str, value: object, enum: type[E], *, none: Literal[True]
) -> tuple[E | None, ...]: ...
def check_members(
    name: str, value: object, enum: type[E], *, none: bool = False
) -> tuple[E | None, ...]:
    """A non-empty collection of members of ``enum`` (or their ids; ``None`` if allowed).

    Returns them in the order given, without repeats: strategies shrink toward the first.
    """
    allowed = _allowed(enum, none=none)
    if isinstance(value, str | bytes) or not isinstance(value, Iterable):
        raise InvalidArgument(
            f"{name}={value!r} must be a collection of {enum.__name__} members or their ids "
            f"({allowed}), like {name}=[{next(iter(enum)).value!r}]"
        )
    out: list[E | None] = []
    for item in value:
        member: E | None
        if item is None and none:
            member = None
        elif isinstance(item, enum):
            member = item
        elif isinstance(item, str) and item in enum._value2member_map_:
            member = enum(item)
        else:
            raise InvalidArgument(
                f"{name} contains {item!r}, which is not a {enum.__name__}; allowed: {allowed}"
            )
        if member not in out:
            out.append(member)
    if not out:
        raise InvalidArgument(f"{name} is empty; give at least one of {allowed}")
    return tuple(out)


def check_date(name: str, value: object) -> pendulum.Date:
    """A calendar date (``pendulum.Date`` or ``datetime.date``, not a date-time)."""
    if isinstance(value, dt.datetime) or not isinstance(value, dt.date):
        raise InvalidArgument(
            f"{name}={value!r} must be a date (a pendulum.Date or datetime.date), "
            f"not {type(value).__name__}"
        )
    return pendulum.Date(value.year, value.month, value.day)


def check_bounds(min_value: object, max_value: object) -> tuple[pendulum.Date, pendulum.Date]:
    """Two dates with ``min_value <= max_value``."""
    lo = check_date("min_value", min_value)
    hi = check_date("max_value", max_value)
    if lo > hi:
        raise InvalidArgument(
            f"min_value={lo.isoformat()} is after max_value={hi.isoformat()}; "
            "min_value must be on or before max_value"
        )
    return lo, hi


def check_period(name: str, value: object) -> None:
    """``None`` or a :class:`mttq_core.Period`."""
    if value is not None and not isinstance(value, Period):
        raise InvalidArgument(
            f"{name}={value!r} must be None or a mttq_core.Period, like "
            f"{name}=mttq_core.Period.parse('2019-04-12/2024-04-11')"
        )


def draw_count(
    draw: st.DrawFn, strategy: st.SearchStrategy[Any], name: str, lo: int, hi: int
) -> int:
    """Draw from a count strategy and check the number is an integer in ``[lo, hi]``."""
    n = draw(strategy)
    if isinstance(n, bool) or not isinstance(n, int) or not lo <= n <= hi:
        raise InvalidArgument(
            f"{name} drew {n!r}; it must draw an integer from {lo} to {hi}, "
            f"like {name}=st.integers({lo}, {min(hi, lo + 4)})"
        )
    return n


def draw_code(
    draw: st.DrawFn,
    strategy: st.SearchStrategy[Any],
    name: str,
    *,
    committee: bool = False,
    everyone: bool = False,
) -> str:
    """Draw a 5-digit commune code (or ``"committee"``, ``"all"`` where allowed)."""
    code = draw(strategy)
    if isinstance(code, str):
        if len(code) == 5 and code.isascii() and code.isdigit():
            return code
        if (committee and code == COMMITTEE) or (everyone and code == ALL):
            return code
    also = "".join(f", or {word!r}" for word, ok in ((COMMITTEE, committee), (ALL, everyone)) if ok)
    raise InvalidArgument(
        f"{name} drew {code!r}; it must draw 5-digit commune codes such as '00583'{also}"
    )


def draw_instance(draw: st.DrawFn, strategy: st.SearchStrategy[Any], name: str, kind: type[T]) -> T:
    """Draw from ``strategy`` and check the value is a ``kind``."""
    value = draw(strategy)
    if not isinstance(value, kind):
        raise InvalidArgument(
            f"{name} drew {value!r}; it must draw {kind.__name__} objects, like "
            f"{name}=mttq_core.testing.{name}()"
        )
    return value
