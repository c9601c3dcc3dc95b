"""The ``linear`` method (SPEC §3.3–3.4) and the building blocks other methods reuse."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction
from typing import Final, TypeAlias

import attrs
import pendulum

from mttq_core.model import Accumulation, Comparator, Direction, Period, PeriodKind
from mttq_core.model._period import month_end

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
    "to_decimal",
    "trend_of",
]

ZERO: Final = Decimal(0)
ONE: Final = Decimal(1)
#: What the comparisons take: exact decimals or exact fractions.
Number: TypeAlias = Decimal | Fraction


def is_met(value: Number, comparator: Comparator, target: Number) -> bool:
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


def strictly_better(value: Number, direction: Direction, target: Number) -> bool:
    """Whether ``value`` is strictly better than ``target`` in the desired direction."""
    return value > target if direction is Direction.INCREASE else value < target


def to_decimal(value: Fraction) -> Decimal:
    """An exact fraction as a ``Decimal``: one correctly rounded division (28 digits).

    All arithmetic of the methods is done on fractions, exactly; a value is rounded once,
    when it becomes a field of the assessment, so that comparisons (``p >= e``, met) never
    depend on rounding and scaling every input leaves every output unchanged.

    >>> to_decimal(Fraction(365, 609)) == to_decimal(Fraction(1095, 1827))
    True
    """
    return Decimal(value.numerator) / Decimal(value.denominator)


def actual_value(accumulation: Accumulation, points: tuple[Point, ...]) -> Fraction:
    """The actual value of counted points, exactly: latest, sum or mean (SPEC §3.2).

    For ``each_period`` it is the latest period's value (each period is judged apart).
    """
    if accumulation is Accumulation.SUM:
        return sum((Fraction(p.value) for p in points), Fraction(0))
    if accumulation is Accumulation.MEAN:
        return sum((Fraction(p.value) for p in points), Fraction(0)) / len(points)
    return Fraction(points[-1].value)


def progress_of(
    inputs: TargetInputs, actual: Fraction
) -> tuple[Decimal | None, Fraction | None, Edge | None]:
    """Gap closure ``p = (a − b)/(t − b)`` with its baseline and edge (SPEC §3.3).

    Returns ``(b, p, edge)``; ``b`` is ``None`` when a decreasing target has no baseline.
    """
    t = Fraction(inputs.target)
    if inputs.baseline is None and inputs.direction is Direction.DECREASE:
        if inputs.accumulation is Accumulation.SUM:
            return None, None, None  # a ceiling on a running total: the status table decides
        return None, None, Edge.NO_BASELINE
    baseline = ZERO if inputs.baseline is None else inputs.baseline
    b = Fraction(baseline)
    if is_met(b, inputs.comparator, t):
        return baseline, None, Edge.MET_AT_BASELINE
    if t == b:
        return baseline, None, Edge.ZERO_GAP
    return baseline, (actual - b) / (t - b), None


def _days(start: pendulum.Date, end: pendulum.Date) -> int:
    return end.toordinal() - start.toordinal()


def expected_progress(
    inputs: TargetInputs, data_date: pendulum.Date, baseline: Decimal | None
) -> tuple[Fraction, tuple[Period, Decimal] | None]:
    """Expected progress at the data date, and the milestone it came from if any.

    The latest milestone ending on or before the data date gives ``(m − b)/(t − b)``;
    otherwise the share of the term elapsed, ``clip(days(d − start)/days(end − start), 0, 1)``.
    A milestone needs a baseline and a non-zero gap to be used.
    """
    t = Fraction(inputs.target)
    if baseline is not None and t != baseline:
        b = Fraction(baseline)
        reached = [m for m in inputs.milestones if m[0].end <= data_date]
        if reached:
            milestone = max(reached, key=lambda m: (m[0].end, m[0].start))
            return (Fraction(milestone[1]) - b) / (t - b), milestone
    elapsed = Fraction(
        _days(inputs.term_start, data_date), _days(inputs.term_start, inputs.term_end)
    )
    return min(max(elapsed, Fraction(0)), Fraction(1)), None


def trend_of(points: tuple[Point, ...], direction: Direction) -> Trend | None:
    """The latest counted value against the previous one (``None`` with fewer than two)."""
    if len(points) < 2:
        return None
    last, previous = points[-1].value, points[-2].value
    if last == previous:
        return Trend.STEADY
    return Trend.IMPROVING if strictly_better(last, direction, previous) else Trend.WORSENING


def linear_status(
    inputs: TargetInputs, *, met: bool, actual: Fraction, p: Fraction | None, e: Fraction
) -> Status:
    """The status table of SPEC §3.4 for targets that are not ``each_period``."""
    over = inputs.term_over
    better = strictly_better(actual, inputs.direction, Fraction(inputs.target))
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
        period_end = month_end(year, last)
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
    shares: list[Fraction] = []
    for point in points:
        a = point.value
        if inputs.direction is Direction.INCREASE:
            share = Fraction(1) if t == 0 else Fraction(a) / Fraction(t)
        else:
            share = Fraction(1) if a == 0 else Fraction(t) / Fraction(a)
        shares.append(share)
        results.append(
            PeriodResult(
                period=point.period,
                actual=a,
                met=is_met(a, inputs.comparator, t),
                progress=to_decimal(share),
            )
        )
    p = to_decimal(sum((min(x, Fraction(1)) for x in shares), Fraction(0)) / len(shares))
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
    return _result(
        inputs,
        method,
        status=status,
        met=met,
        actual=points[-1].value,
        baseline=None,
        progress=p,
        expected=e,
        edge=edge,
        missing=missing,
        periods=tuple(results),
        notes=tuple(f"missing period {m}" for m in missing),
    )


def _no_data(
    inputs: TargetInputs,
    method: str,
    *,
    edge: Edge | None = None,
    missing: tuple[Period, ...] = (),
) -> Assessment:
    return _result(
        inputs,
        method,
        status=Status.NO_DATA,
        met=None,
        actual=None,
        baseline=inputs.baseline,
        progress=None,
        expected=None,
        edge=edge,
        missing=missing,
        notes=("no observation counts for this target as of " + inputs.as_of.isoformat(),),
    )


def _result(
    inputs: TargetInputs,
    method: str,
    *,
    status: Status,
    met: bool | None,
    actual: Decimal | None,
    baseline: Decimal | None,
    progress: Decimal | None,
    expected: Decimal | None,
    edge: Edge | None,
    missing: tuple[Period, ...] = (),
    periods: tuple[PeriodResult, ...] = (),
    milestone: tuple[Period, Decimal] | None = None,
    notes: tuple[str, ...] = (),
) -> Assessment:
    """One assessment and its explanation, from the same numbers."""
    points = inputs.points
    data_date = points[-1].period.end if points else None
    return Assessment(
        unit=inputs.unit,
        indicator=inputs.indicator,
        method=method,
        status=status,
        met=met,
        actual=actual,
        target=inputs.target,
        comparator=inputs.comparator,
        progress=progress,
        expected=expected,
        data_date=data_date,
        trend=trend_of(points, inputs.direction),
        edge=edge,
        missing_periods=missing,
        explanation=Explanation(
            method=method,
            actual=actual,
            baseline=baseline,
            target=inputs.target,
            progress=progress,
            expected=expected,
            data_date=data_date,
            edge=edge,
            points=points,
            periods=periods,
            milestone=milestone,
            notes=notes,
        ),
    )


def linear_assessment(inputs: TargetInputs, method: str = "linear") -> Assessment:
    """Assess one target by the linear rules; ``method`` names the caller in the result."""
    if inputs.accumulation is Accumulation.EACH_PERIOD:
        return _each_period(inputs, method)
    points = inputs.points
    if not points:
        return _no_data(inputs, method)
    exact = actual_value(inputs.accumulation, points)
    met = is_met(exact, inputs.comparator, Fraction(inputs.target))
    baseline, p_exact, edge = progress_of(inputs, exact)
    data_date = points[-1].period.end
    e_exact, milestone = expected_progress(inputs, data_date, baseline)
    status = linear_status(inputs, met=met, actual=exact, p=p_exact, e=e_exact)
    actual = to_decimal(exact)
    p = None if p_exact is None else to_decimal(p_exact)
    e = to_decimal(e_exact)
    return _result(
        inputs,
        method,
        status=status,
        met=met,
        actual=actual,
        baseline=baseline,
        progress=p,
        expected=e,
        edge=edge,
        milestone=milestone,
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
