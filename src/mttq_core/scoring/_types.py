"""What a scoring method receives and what it returns."""

from __future__ import annotations

from decimal import Decimal
from typing import Final

import attrs
import pendulum

from mttq_core.model import Accumulation, Comparator, Direction, Measure, Period

from ._vocab import Category, Edge, Status, Trend

__all__ = ["Assessment", "Explanation", "PeriodResult", "Point", "TargetInputs"]

_ZERO: Final = Decimal(0)
_ONE: Final = Decimal(1)


@attrs.frozen(kw_only=True)
class Point:
    """One counted observation as a number: its period, value and where it came from."""

    period: Period
    value: Decimal
    source: str
    revision: int = 0


@attrs.frozen(kw_only=True)
class TargetInputs:
    """Everything a method may use to assess one target for one unit — and nothing else.

    ``points`` are the counted observations (SPEC §3.1) in period order, as numbers
    (booleans 1/0, checklists the number of criteria met). ``target`` is the number to reach
    (a checklist's default is all criteria). Building inputs by hand is how a method is
    tested without a dataset:

    >>> from decimal import Decimal as D
    >>> from mttq_core import Period
    >>> inputs = TargetInputs(
    ...     unit="00583", indicator="gdvh", measure=Measure.PERCENT,
    ...     direction=Direction.INCREASE, accumulation=Accumulation.LATEST,
    ...     comparator=Comparator.GE, target=D("95"),
    ...     term_start=pendulum.Date(2019, 4, 12), term_end=pendulum.Date(2024, 4, 30),
    ...     as_of=pendulum.Date(2022, 4, 18),
    ...     points=(Point(period=Period.parse("2021"), value=D("94.2"), source="Báo cáo"),))
    >>> inputs.term_over
    False
    """

    unit: str
    indicator: str
    measure: Measure
    direction: Direction
    accumulation: Accumulation
    comparator: Comparator
    target: Decimal
    term_start: pendulum.Date
    term_end: pendulum.Date
    as_of: pendulum.Date
    points: tuple[Point, ...] = ()
    baseline: Decimal | None = None
    baseline_date: pendulum.Date | None = None
    milestones: tuple[tuple[Period, Decimal], ...] = ()

    @property
    def term_over(self) -> bool:
        """Whether the term is over (``as_of >= term end``)."""
        return self.as_of >= self.term_end


@attrs.frozen(kw_only=True)
class PeriodResult:
    """An ``each_period`` target's verdict for one period."""

    period: Period
    actual: Decimal
    met: bool
    progress: Decimal


@attrs.frozen(kw_only=True)
class Explanation:
    """Every number behind an assessment, so that it can be traced by hand."""

    method: str
    actual: Decimal | None
    baseline: Decimal | None
    target: Decimal
    progress: Decimal | None
    expected: Decimal | None
    data_date: pendulum.Date | None
    edge: Edge | None
    points: tuple[Point, ...]
    periods: tuple[PeriodResult, ...] = ()
    milestone: tuple[Period, Decimal] | None = None
    ratio: Decimal | None = None  # cagr: R = cagr_o / cagr_r
    notes: tuple[str, ...] = ()

    def lines(self) -> list[str]:
        """The explanation as lines of text, numbers unrounded."""
        out = [f"method: {self.method}"]
        for name in ("actual", "baseline", "target", "progress", "expected"):
            value = getattr(self, name)
            out.append(f"{name}: {'—' if value is None else value}")
        out.append(f"data date: {self.data_date.isoformat() if self.data_date else '—'}")
        if self.milestone is not None:
            out.append(f"milestone: {self.milestone[0]} → {self.milestone[1]}")
        if self.ratio is not None:
            out.append(f"R (cagr_o / cagr_r): {self.ratio}")
        if self.edge is not None:
            out.append(f"edge: {self.edge.value} ({self.edge.label})")
        out.extend(
            f"period {r.period}: {r.actual} → {'met' if r.met else 'not met'}, p = {r.progress}"
            for r in self.periods
        )
        out.extend(f"used {p.period}: {p.value} ({p.source})" for p in self.points)
        out.extend(self.notes)
        return out


@attrs.frozen(kw_only=True)
class Assessment:
    """One unit's standing toward one target, with its explanation (SPEC §3.3–3.5)."""

    unit: str
    indicator: str
    method: str
    status: Status
    met: bool | None
    actual: Decimal | None
    target: Decimal
    comparator: Comparator
    progress: Decimal | None
    expected: Decimal | None
    data_date: pendulum.Date | None
    trend: Trend | None
    edge: Edge | None
    explanation: Explanation
    category: Category | None = None
    missing_periods: tuple[Period, ...] = ()

    @property
    def score(self) -> Decimal:
        """The target's contribution to a score: ``clip(p, 0, 1)``, else 1 if met else 0."""
        if self.progress is not None:
            return min(max(self.progress, _ZERO), _ONE)
        return _ONE if self.met else _ZERO

    def _repr_html_(self) -> str:
        from mttq_core.report._html import assessment_html  # noqa: PLC0415 — edges load lazily

        return assessment_html(self)
