"""The ``linear`` method (SPEC §3.3–3.4) and the building blocks other methods reuse."""

from __future__ import annotations

import calendar
from decimal import Decimal
from typing import Final

import attrs
import pendulum

from mttq_core.model import Accumulation, Comparator, Direction, Period, PeriodKind

from ._types import Assessment, Explanation, PeriodResult, Point, TargetInputs
from ._vocab import Edge, Status, Trend

__all__ = [
    "LINEAR",
    "Linear",
    "actual_value",
    "expected_progress",
    "is_met",
    "linear_status",
    "progress_of",
    "strictly_better",
    "term_periods",
    "trend_of",
]

ZERO: Final = Decimal(0)
ONE: Final = Decimal(1)


def is_met(value: Decimal, comparator: Comparator, target: Decimal) -> bool:
    """Compare exactly: ``value >= target``, ``>``, ``<=`` or ``<``.

    >>> d = Decimal("98")
    >>> is_met(d, Comparator.GT, d), is_met(d, Comparator.GE, d)
    (False, True)
    """
    if comparator is Comparator.GE:
        return value >= target
    if comparator is Comparator.GT:
        return value > target
    if comparator is Comparator.LE:
        return value <= target
    return value < target


def strictly_better(value: Decimal, direction: Direction, target: Decimal) -> bool:
    """Whether ``value`` is strictly better than ``target`` in the desired direction."""
    return value > target if direction is Direction.INCREASE else value < target


def actual_value(accumulation: Accumulation, points: tuple[Point, ...]) -> Decimal:
    """The actual value of counted points: latest, sum or mean (SPEC §3.2).

    For ``each_period`` it is the latest period's value (each period is judged apart).
    """
    if accumulation is Accumulation.SUM:
        return sum((p.value for p in points), ZERO)
    if accumulation is Accumulation.MEAN:
        return sum((p.value for p in points), ZERO) / len(points)
    return points[-1].value


def progress_of(
    inputs: TargetInputs, actual: Decimal
) -> tuple[Decimal | None, Decimal | None, Edge | None]:
    """Gap closure ``p = (a − b)/(t − b)`` with its baseline and edge (SPEC §3.3).

    Returns ``(b, p, edge)``; ``b`` is ``None`` when a decreasing target has no baseline.
    """
    t = inputs.target
    if inputs.baseline is None and inputs.direction is Direction.DECREASE:
        if inputs.accumulation is Accumulation.SUM:
            return None, None, None  # a ceiling on a running total: the status table decides
        return None, None, Edge.NO_BASELINE
    b = ZERO if inputs.baseline is None else inputs.baseline
    if is_met(b, inputs.comparator, t):
        return b, None, Edge.MET_AT_BASELINE
    if t == b:
        return b, None, Edge.ZERO_GAP
    return b, (actual - b) / (t - b), None


def _days(start: pendulum.Date, end: pendulum.Date) -> int:
    return end.toordinal() - start.toordinal()


def expected_progress(
    inputs: TargetInputs, data_date: pendulum.Date, baseline: Decimal | None
) -> tuple[Decimal, tuple[Period, Decimal] | None]:
    """Expected progress at the data date, and the milestone it came from if any.

    The latest milestone ending on or before the data date gives ``(m − b)/(t − b)``;
    otherwise the share of the term elapsed, ``clip(days(d − start)/days(end − start), 0, 1)``.
    A milestone needs a baseline and a non-zero gap to be used.
    """
    t = inputs.target
    if baseline is not None and t != baseline:
        reached = [m for m in inputs.milestones if m[0].end <= data_date]
        if reached:
            milestone = max(reached, key=lambda m: (m[0].end, m[0].start))
            return (milestone[1] - baseline) / (t - baseline), milestone
    elapsed = Decimal(_days(inputs.term_start, data_date)) / _days(
        inputs.term_start, inputs.term_end
    )
    return min(max(elapsed, ZERO), ONE), None


def trend_of(points: tuple[Point, ...], direction: Direction) -> Trend | None:
    """The latest counted value against the previous one (``None`` with fewer than two)."""
    if len(points) < 2:
        return None
    last, previous = points[-1].value, points[-2].value
    if last == previous:
        return Trend.STEADY
    return Trend.IMPROVING if strictly_better(last, direction, previous) else Trend.WORSENING


def linear_status(
    inputs: TargetInputs, *, met: bool, actual: Decimal, p: Decimal | None, e: Decimal
) -> Status:
    """The status table of SPEC §3.4 for targets that are not ``each_period``."""
    over = inputs.term_over
    better = strictly_better(actual, inputs.direction, inputs.target)
    if inputs.accumulation is Accumulation.SUM and inputs.direction is Direction.DECREASE:
        if not met:
            return Status.NOT_ACHIEVED  # the ceiling is already broken
        if not over:
            return Status.ON_TRACK
        return Status.EXCEEDED if better else Status.ACHIEVED
    if met:
        return Status.EXCEEDED if better else Status.ACHIEVED
    if over:
        return Status.NOT_ACHIEVED
    if p is not None and p >= e:
        return Status.ON_TRACK
    return Status.BEHIND


def _month_end(year: int, month: int) -> pendulum.Date:
    return pendulum.Date(year, month, calendar.monthrange(year, month)[1])


_MONTHS: dict[PeriodKind, int] = {
    PeriodKind.YEAR: 12,
    PeriodKind.HALF: 6,
    PeriodKind.QUARTER: 3,
    PeriodKind.MONTH: 1,
}


def term_periods(kind: PeriodKind, start: pendulum.Date, end: pendulum.Date) -> tuple[Period, ...]:
    """All calendar periods of one length whose end lies in ``[start, end]``.

    >>> [str(p) for p in term_periods(PeriodKind.YEAR, pendulum.Date(2019, 4, 12),
    ...                               pendulum.Date(2022, 4, 18))]
    ['2019', '2020', '2021']
    """
    months = _MONTHS.get(kind, 12)
    out: list[Period] = []
    year, month = start.year, 1
    while True:
        last = month + months - 1
        period_end = _month_end(year, last)
        if period_end > end:
            break
        if period_end >= start:
            out.append(Period(pendulum.Date(year, month, 1), period_end))
        month = last + 1
        if month > 12:
            year, month = year + 1, 1
    return tuple(out)


def _each_period(inputs: TargetInputs, method: str) -> Assessment:
    points, t = inputs.points, inputs.target
    kind = points[-1].period.kind if points else PeriodKind.YEAR
    expected_periods = term_periods(kind, inputs.term_start, min(inputs.term_end, inputs.as_of))
    seen = {p.period for p in points}
    missing = tuple(p for p in expected_periods if p not in seen)
    edge = Edge.INCOMPLETE_DATA if missing else None
    if not points:
        return _no_data(inputs, method, edge=edge, missing=missing)
    results = []
    for point in points:
        a = point.value
        if inputs.direction is Direction.INCREASE:
            p_i = ONE if t == 0 else a / t
        else:
            p_i = ONE if a == 0 else t / a
        results.append(
            PeriodResult(
                period=point.period, actual=a, met=is_met(a, inputs.comparator, t), progress=p_i
            )
        )
    p = sum((min(r.progress, ONE) for r in results), ZERO) / len(results)
    e = ONE
    met = all(r.met for r in results)
    if not met:
        status = Status.NOT_ACHIEVED if inputs.term_over else Status.BEHIND
    elif not inputs.term_over:
        status = Status.ON_TRACK
    elif all(strictly_better(r.actual, inputs.direction, t) for r in results):
        status = Status.EXCEEDED
    else:
        status = Status.ACHIEVED
    actual = points[-1].value
    data_date = points[-1].period.end
    return Assessment(
        unit=inputs.unit,
        indicator=inputs.indicator,
        method=method,
        status=status,
        met=met,
        actual=actual,
        target=t,
        comparator=inputs.comparator,
        progress=p,
        expected=e,
        data_date=data_date,
        trend=trend_of(points, inputs.direction),
        edge=edge,
        missing_periods=missing,
        explanation=Explanation(
            method=method,
            actual=actual,
            baseline=None,
            target=t,
            progress=p,
            expected=e,
            data_date=data_date,
            edge=edge,
            points=points,
            periods=tuple(results),
            notes=tuple(f"missing period {m}" for m in missing),
        ),
    )


def _no_data(
    inputs: TargetInputs,
    method: str,
    *,
    edge: Edge | None = None,
    missing: tuple[Period, ...] = (),
) -> Assessment:
    return Assessment(
        unit=inputs.unit,
        indicator=inputs.indicator,
        method=method,
        status=Status.NO_DATA,
        met=None,
        actual=None,
        target=inputs.target,
        comparator=inputs.comparator,
        progress=None,
        expected=None,
        data_date=None,
        trend=None,
        edge=edge,
        missing_periods=missing,
        explanation=Explanation(
            method=method,
            actual=None,
            baseline=inputs.baseline,
            target=inputs.target,
            progress=None,
            expected=None,
            data_date=None,
            edge=edge,
            points=(),
            notes=("no observation counts for this target as of " + inputs.as_of.isoformat(),),
        ),
    )


def linear_assessment(inputs: TargetInputs, method: str = "linear") -> Assessment:
    """Assess one target by the linear rules; ``method`` names the caller in the result."""
    if inputs.accumulation is Accumulation.EACH_PERIOD:
        return _each_period(inputs, method)
    points = inputs.points
    if not points:
        return _no_data(inputs, method)
    actual = actual_value(inputs.accumulation, points)
    met = is_met(actual, inputs.comparator, inputs.target)
    baseline, p, edge = progress_of(inputs, actual)
    data_date = points[-1].period.end
    e, milestone = expected_progress(inputs, data_date, baseline)
    status = linear_status(inputs, met=met, actual=actual, p=p, e=e)
    return Assessment(
        unit=inputs.unit,
        indicator=inputs.indicator,
        method=method,
        status=status,
        met=met,
        actual=actual,
        target=inputs.target,
        comparator=inputs.comparator,
        progress=p,
        expected=e,
        data_date=data_date,
        trend=trend_of(points, inputs.direction),
        edge=edge,
        explanation=Explanation(
            method=method,
            actual=actual,
            baseline=baseline,
            target=inputs.target,
            progress=p,
            expected=e,
            data_date=data_date,
            edge=edge,
            points=points,
            milestone=milestone,
        ),
    )


@attrs.frozen
class Linear:
    """The default method: gap closure against the share of the term elapsed (SPEC §3.3).

    >>> LINEAR.id
    'linear'
    """

    id: str = "linear"

    def __call__(self, inputs: TargetInputs) -> Assessment:
        """Assess one target."""
        return linear_assessment(inputs, self.id)


#: The built-in linear method.
LINEAR: Final = Linear()
