"""The ``cagr`` method: the Open SDG progress measure (SPEC §3.5)."""

from __future__ import annotations

from decimal import Decimal
from typing import Final

import attrs

from mttq_core.model import Accumulation

from ._linear import is_met, linear_assessment
from ._types import Assessment, TargetInputs
from ._vocab import Category, Edge, Status

__all__ = ["CAGR", "Cagr", "CagrThresholds"]


@attrs.frozen(kw_only=True)
class CagrThresholds:
    """Where the ratio ``R = cagr_o / cagr_r`` changes category (defaults of Open SDG).

    >>> CagrThresholds(on_track=Decimal("0.6"), acceleration=Decimal("0.9"))
    Traceback (most recent call last):
    ...
    ValueError: cagr thresholds must satisfy on_track > acceleration > limited; got 0.6, 0.9, 0
    """

    on_track: Decimal = Decimal("0.95")
    acceleration: Decimal = Decimal("0.6")
    limited: Decimal = Decimal(0)

    def __attrs_post_init__(self) -> None:
        values = (self.on_track, self.acceleration, self.limited)
        if not all(isinstance(v, Decimal) and v.is_finite() for v in values):
            raise ValueError("cagr thresholds must be finite Decimals")
        if not self.on_track > self.acceleration > self.limited:
            raise ValueError(
                "cagr thresholds must satisfy on_track > acceleration > limited; got "
                f"{self.on_track}, {self.acceleration}, {self.limited}"
            )

    def category(self, ratio: Decimal) -> Category:
        """The category of a ratio ``R``."""
        if ratio >= self.on_track:
            return Category.ON_TRACK
        if ratio >= self.acceleration:
            return Category.PROGRESS_NEEDS_ACCELERATION
        if ratio >= self.limited:
            return Category.LIMITED_PROGRESS
        return Category.DETERIORATION


@attrs.frozen
class Cagr:
    """Compound annual growth, observed against required (Open SDG's progress measure).

    Only ``latest`` targets are assessed this way; others exactly as by ``linear``.
    ``progress`` and ``expected`` are always the linear ones, so scores do not depend on
    the method.
    """

    thresholds: CagrThresholds = CagrThresholds()
    id: str = "cagr"

    def __call__(self, inputs: TargetInputs) -> Assessment:
        """Assess one target."""
        base = linear_assessment(inputs, self.id)
        if inputs.accumulation is not Accumulation.LATEST or not inputs.points:
            return base
        current = inputs.points[-1]
        if is_met(current.value, inputs.comparator, inputs.target):
            return attrs.evolve(base, category=Category.TARGET_ACHIEVED)
        if inputs.baseline is not None and inputs.baseline_date is not None:
            base_value, base_year = inputs.baseline, inputs.baseline_date.year
        else:
            first = inputs.points[0]
            base_value, base_year = first.value, first.period.end.year
        t0, t1, target_year = base_year, current.period.end.year, inputs.term_end.year
        ratio, edge, note = self._ratio(
            base_value, current.value, inputs.target, t0=t0, t1=t1, target_year=target_year
        )
        over = inputs.term_over
        if ratio is None:
            status = Status.NOT_ACHIEVED if over else Status.BEHIND
            category = None
        else:
            category = self.thresholds.category(ratio)
            if category is Category.ON_TRACK and not over:
                status = Status.ON_TRACK
            else:
                status = Status.NOT_ACHIEVED if over else Status.BEHIND
        explanation = attrs.evolve(
            base.explanation,
            ratio=ratio,
            edge=edge or base.explanation.edge,
            notes=(*base.explanation.notes, note),
        )
        return attrs.evolve(
            base,
            status=status,
            category=category,
            edge=edge or base.edge,
            explanation=explanation,
        )

    @staticmethod
    def _ratio(
        base: Decimal, current: Decimal, target: Decimal, *, t0: int, t1: int, target_year: int
    ) -> tuple[Decimal | None, Edge | None, str]:
        where = f"base {base} ({t0}), current {current} ({t1}), target {target} ({target_year})"
        if t1 - t0 < 1:
            return None, Edge.TOO_FEW_YEARS, f"cagr: {where}: less than a year of growth"
        if base <= 0 or target <= 0 or current <= 0:
            return None, Edge.NON_POSITIVE_VALUE, f"cagr: {where}: a value is zero or negative"
        if target_year - t0 < 1:
            return None, Edge.NO_TIME_LEFT, f"cagr: {where}: the target year is not after the base"
        observed = (current / base) ** (Decimal(1) / (t1 - t0)) - 1
        required = (target / base) ** (Decimal(1) / (target_year - t0)) - 1
        if required == 0:
            return None, Edge.ZERO_REQUIRED_GROWTH, f"cagr: {where}: no growth is required"
        ratio = observed / required
        return ratio, None, f"cagr: {where}: cagr_o = {observed}, cagr_r = {required}, R = {ratio}"


#: The built-in cagr method with the default thresholds 0.95 / 0.6 / 0.
CAGR: Final = Cagr()
