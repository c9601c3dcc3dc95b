"""Targets (chỉ tiêu) of a term's resolution, with optional baseline and milestones."""

from __future__ import annotations

from decimal import Decimal
from typing import Final

import attrs
import pendulum

from ._enums import Comparator, to_comparator
from ._errors import Problems
from ._period import Period, PeriodError
from ._values import (
    Value,
    check_date,
    check_enum,
    check_instance,
    check_items,
    check_text,
    describe,
    string_value_message,
    to_date,
    to_text,
    to_value,
)

__all__ = ["ALL", "COMMITTEE", "Baseline", "Milestone", "Target", "check_value_type", "to_period"]

#: Scope of a target that applies to every commune of the dataset.
ALL: Final = "all"
#: Scope of a target (or owner of an observation or fund) that is the committee itself.
COMMITTEE: Final = "committee"


def to_period(value: Period | str) -> Period:
    """Parse a period string; anything unparseable is left for the check to report."""
    if isinstance(value, str):
        try:
            return Period.parse(value)
        except PeriodError:
            return value  # type: ignore[return-value]  # reported by check_period
    return value


def check_period(p: Problems, path: str, value: object) -> bool:
    """Check a field holds a :class:`Period`."""
    if isinstance(value, Period):
        return True
    if isinstance(value, str):
        try:
            Period.parse(value)
        except PeriodError as e:
            p.add(path, str(e))
            return False
    p.add(path, f"expected a period string like '2021', got {describe(value)}")
    return False


def check_value_type(p: Problems, path: str, value: object) -> bool:
    """Check a value is exact: a ``Decimal``, a boolean, or a tuple of ids."""
    if isinstance(value, Decimal | bool):
        return True
    if isinstance(value, tuple) and all(isinstance(v, str) for v in value):
        return True
    if isinstance(value, str):
        p.add(path, string_value_message(value))
    elif isinstance(value, float):
        p.add(path, "a float is not exact; give the value as a decimal (Decimal('94.2') or '94.2')")
    else:
        p.add(
            path,
            "expected a number, a decimal string, true/false or a list of criterion ids, "
            f"got {describe(value)}",
        )
    return False


@attrs.frozen(kw_only=True)
class Baseline:
    """The value an indicator had when the term started (for ``latest``/``mean`` targets)."""

    value: Value = attrs.field(converter=to_value)
    date: pendulum.Date = attrs.field(converter=to_date)

    def __attrs_post_init__(self) -> None:
        p = Problems()
        check_value_type(p, "$.value", self.value)
        check_date(p, "$.date", self.date)
        p.raise_if_any()


@attrs.frozen(kw_only=True)
class Milestone:
    """An intermediate value the target should reach by the end of ``period``."""

    period: Period = attrs.field(converter=to_period)
    value: Value = attrs.field(converter=to_value)

    def __attrs_post_init__(self) -> None:
        p = Problems()
        check_period(p, "$.period", self.period)
        check_value_type(p, "$.value", self.value)
        p.raise_if_any()


def _tuple(value: object) -> object:
    return tuple(value) if isinstance(value, list) else value


@attrs.frozen(kw_only=True)
class Target:
    """A numeric target of a resolution, for one commune, all communes, or the committee.

    >>> t = Target(term="2019-2024", indicator="gdvh", scope="all", comparator=">=",
    ...            value="95")
    >>> t.comparator.label, t.value
    ('Từ … trở lên (ít nhất)', Decimal('95'))
    """

    term: str = attrs.field(converter=to_text)
    indicator: str = attrs.field(converter=to_text)
    scope: str = attrs.field(converter=to_text)
    comparator: Comparator = attrs.field(converter=to_comparator)
    value: Value | None = attrs.field(default=None, converter=to_value)
    baseline: Baseline | None = None
    milestones: tuple[Milestone, ...] = attrs.field(default=(), converter=_tuple)

    def __attrs_post_init__(self) -> None:
        p = Problems()
        check_text(p, "$.term", self.term)
        check_text(p, "$.indicator", self.indicator)
        if (
            check_text(p, "$.scope", self.scope)
            and self.scope not in (ALL, COMMITTEE)
            and not (len(self.scope) == 5 and self.scope.isascii() and self.scope.isdigit())
        ):
            p.add(
                "$.scope",
                f"{self.scope!r} is not a scope; expected a 5-digit commune code, "
                "'all' or 'committee'",
            )
        check_enum(p, "$.comparator", self.comparator, Comparator)
        if self.value is not None:
            check_value_type(p, "$.value", self.value)
        if self.baseline is not None:
            check_instance(p, "$.baseline", self.baseline, Baseline, "a baseline {value, date}")
        if check_items(
            p, "$.milestones", self.milestones, Milestone, "a milestone {period, value}"
        ):
            seen: set[Period] = set()
            for i, m in enumerate(self.milestones):
                if m.period in seen:
                    p.add(f"$.milestones[{i}].period", f"period {m.period} has two milestones")
                else:
                    seen.add(m.period)
        p.raise_if_any()

    @property
    def key(self) -> tuple[str, str, str]:
        """``(term, indicator, scope)``: at most one target per key."""
        return (self.term, self.indicator, self.scope)
