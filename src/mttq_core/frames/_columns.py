"""Typed column builders: every frame column gets an explicit, documented dtype."""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterable, Sequence
from decimal import Decimal
from typing import Literal, TypeAlias

import pandas as pd

__all__ = [
    "Decimals",
    "category",
    "check_decimals",
    "dates",
    "flags",
    "integers",
    "maybe_flags",
    "maybe_integers",
    "number",
    "numbers",
    "objects",
    "text",
]

#: How Decimals reach a frame: kept exact (``"decimal"``) or converted to ``float`` (lossy).
Decimals: TypeAlias = Literal["decimal", "float"]


def check_decimals(value: object) -> Decimals:
    """Check the ``decimals=`` argument eagerly, naming what is allowed."""
    if value == "decimal":
        return "decimal"
    if value == "float":
        return "float"
    raise ValueError(
        f"decimals: {value!r} is not allowed; expected 'decimal' (exact Decimal objects, the "
        "default) or 'float' (converted to float64, lossy)"
    )


def number(value: Decimal | None, decimals: Decimals) -> Decimal | float | None:
    """One Decimal as the frame holds it: itself, or a ``float`` when asked (lossy)."""
    if value is None or decimals == "decimal":
        return value
    return float(value)


def text(values: Iterable[str | None]) -> pd.Series:
    """Text: pandas' default string dtype (``str`` in pandas 3); ``None`` is missing."""
    return pd.Series(list(values), dtype="str")


def category(values: Iterable[str | None], categories: Sequence[str]) -> pd.Series:
    """Ids of a closed vocabulary: a categorical whose categories keep the given order."""
    return pd.Series(pd.Categorical(list(values), categories=list(categories)))


def flags(values: Iterable[bool]) -> pd.Series:
    """Booleans that are never missing: ``bool``."""
    return pd.Series(list(values), dtype="bool")


def maybe_flags(values: Iterable[bool | None]) -> pd.Series:
    """Booleans that may be missing: pandas' nullable ``boolean``."""
    return pd.Series(list(values), dtype="boolean")


def integers(values: Iterable[int]) -> pd.Series:
    """Integers that are never missing: ``int64``."""
    return pd.Series(list(values), dtype="int64")


def maybe_integers(values: Iterable[int | None]) -> pd.Series:
    """Integers that may be missing: pandas' nullable ``Int64``."""
    return pd.Series(list(values), dtype="Int64")


def dates(values: Iterable[_dt.date | None]) -> pd.Series:
    """Calendar dates (pendulum ``Date``): naive midnight ``datetime64[ns]``, ``NaT`` if None."""
    return pd.Series(
        [None if d is None else pd.Timestamp(d.year, d.month, d.day) for d in values],
        dtype="datetime64[ns]",
    )


def numbers(values: Iterable[Decimal | None], decimals: Decimals) -> pd.Series:
    """Decimals: exact ``Decimal`` objects (dtype ``object``), or ``float64`` (NaN if None)."""
    if decimals == "float":
        return pd.Series([float("nan") if v is None else float(v) for v in values], dtype="float64")
    return pd.Series(list(values), dtype="object")


def objects(values: Iterable[object]) -> pd.Series:
    """Anything else (tuples, mixed values): dtype ``object``, each value as given."""
    return pd.Series(list(values), dtype="object")
