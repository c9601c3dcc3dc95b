"""Indicators: what is measured, which way is better, and how values combine."""

from __future__ import annotations

from decimal import Decimal

import attrs

from ._enums import (
    Accumulation,
    AcrossUnits,
    Direction,
    Measure,
    to_accumulation,
    to_across_units,
    to_direction,
    to_measure,
)
from ._errors import Problems
from ._values import (
    check_decimal,
    check_enum,
    check_items,
    check_text,
    to_decimal,
    to_optional_text,
    to_text,
)

__all__ = ["Criterion", "Indicator"]

_NUMERIC = (Measure.PERCENT, Measure.COUNT, Measure.MONEY, Measure.QUANTITY)
#: Which ``across_units`` each measure allows (SPEC §2.1).
ACROSS_ALLOWED: dict[AcrossUnits, tuple[Measure, ...]] = {
    AcrossUnits.SUM: (Measure.COUNT, Measure.MONEY, Measure.QUANTITY),
    AcrossUnits.RATIO: (Measure.PERCENT,),
    AcrossUnits.MEAN: _NUMERIC,
    AcrossUnits.SHARE_MET: tuple(Measure),
}
SUM_MEASURES = (Measure.COUNT, Measure.MONEY, Measure.QUANTITY)


@attrs.frozen(kw_only=True)
class Criterion:
    """One criterion of a checklist indicator."""

    id: str = attrs.field(converter=to_text)
    name: str = attrs.field(converter=to_text)

    def __attrs_post_init__(self) -> None:
        p = Problems()
        check_text(p, "$.id", self.id)
        check_text(p, "$.name", self.name)
        p.raise_if_any()


def _criteria(value: object) -> object:
    return tuple(value) if isinstance(value, list) else value


@attrs.frozen(kw_only=True)
class Indicator:
    """A measured quantity with its rules of combination (SPEC §2, §2.1).

    >>> gdvh = Indicator(id="gdvh", name="Tỷ lệ hộ gia đình đạt danh hiệu Gia đình văn hóa",
    ...                  measure="percent", unit="%", direction="increase",
    ...                  accumulation="latest", across_units="ratio")
    >>> gdvh.measure.label, gdvh.weight
    ('Tỷ lệ phần trăm', Decimal('1'))
    """

    id: str = attrs.field(converter=to_text)
    name: str = attrs.field(converter=to_text)
    measure: Measure = attrs.field(converter=to_measure)
    unit: str | None = attrs.field(default=None, converter=to_optional_text)
    direction: Direction = attrs.field(converter=to_direction)
    accumulation: Accumulation = attrs.field(converter=to_accumulation)
    across_units: AcrossUnits | None = attrs.field(default=None, converter=to_across_units)
    weight: Decimal = attrs.field(default=Decimal(1), converter=to_decimal)
    group: str | None = attrs.field(default=None, converter=to_optional_text)
    criteria: tuple[Criterion, ...] = attrs.field(default=(), converter=_criteria)

    def __attrs_post_init__(self) -> None:
        p = Problems()
        check_text(p, "$.id", self.id)
        check_text(p, "$.name", self.name)
        check_text(p, "$.unit", self.unit, required=False)
        check_text(p, "$.group", self.group, required=False)
        measure_ok = check_enum(p, "$.measure", self.measure, Measure)
        direction_ok = check_enum(p, "$.direction", self.direction, Direction)
        accumulation_ok = check_enum(p, "$.accumulation", self.accumulation, Accumulation)
        across_ok = self.across_units is None or check_enum(
            p, "$.across_units", self.across_units, AcrossUnits
        )
        if check_decimal(p, "$.weight", self.weight) and self.weight <= 0:
            p.add("$.weight", f"{self.weight} is not allowed; a weight must be > 0")
        if not measure_ok:
            p.raise_if_any()
            return
        m = self.measure
        if (
            direction_ok
            and m in (Measure.BOOLEAN, Measure.CHECKLIST)
            and self.direction is not Direction.INCREASE
        ):
            p.add("$.direction", f"a {m.value} indicator must have direction 'increase'")
        if accumulation_ok and self.accumulation is Accumulation.SUM and m not in SUM_MEASURES:
            p.add(
                "$.accumulation",
                f"'sum' is not allowed for a {m.value} indicator; "
                "it is allowed only for count, money and quantity",
            )
        if across_ok and self.across_units is not None:
            allowed = ACROSS_ALLOWED[self.across_units]
            if m not in allowed:
                names = ", ".join(x.value for x in allowed)
                p.add(
                    "$.across_units",
                    f"{self.across_units.value!r} cannot combine {m.value} values across "
                    f"communes; it is allowed for {names}",
                )
        self._check_criteria(p)
        p.raise_if_any()

    def _check_criteria(self, p: Problems) -> None:
        if not check_items(p, "$.criteria", self.criteria, Criterion, "a criterion {id, name}"):
            return
        if self.measure is not Measure.CHECKLIST:
            if self.criteria:
                p.add(
                    "$.criteria",
                    f"criteria are only for checklist indicators, not {self.measure.value}",
                )
            return
        if not self.criteria:
            p.add("$.criteria", "a checklist indicator needs at least one criterion")
        seen: set[str] = set()
        for i, c in enumerate(self.criteria):
            if c.id in seen:
                p.add(f"$.criteria[{i}].id", f"criterion id {c.id!r} is used twice")
            else:
                seen.add(c.id)

    @property
    def criterion_ids(self) -> tuple[str, ...]:
        """The ids of a checklist's criteria, in order."""
        return tuple(c.id for c in self.criteria)
