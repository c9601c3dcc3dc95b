"""The ``linear`` method (SPEC §3.3–3.4) and the building blocks other methods reuse."""

from __future__ import annotations

import calendar
from collections.abc import Iterator
from decimal import Decimal
from typing import Final, TypeAlias

import attrs
import pendulum

from mttq_core._frozen import builder
from mttq_core.model import Accumulation, Comparator, Direction, Period, PeriodKind

from ._exact import ONE_RATIO, ZERO_RATIO, Ratio, add, exact_sum, gap_closure, ratio, to_decimal
from ._types import Assessment, Explanation, PeriodResult, Point, TargetInputs
from ._vocab import Edge, Status, Trend

#: Positional builders (``mttq_core._frozen``): the hot path makes one of each per target.
_assessment = builder(Assessment)
_explanation = builder(Explanation)

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
#: What the comparisons take: two decimals, or the cross products ``a[0]·b[1]`` and
#: ``b[0]·a[1]`` of two ratios ``a`` and ``b``, which compare as ``a`` and ``b`` do.
Number: TypeAlias = Decimal | int


def is_met(value: Number, comparator: Comparator, target: Number) -> bool:
    """Compare exactly: ``value >= target``, ``>``, ``<=`` or ``<``.

    >>> d = Decimal("98")
    >>> is_met(d, Comparator.GT, d), is_met(d, Comparator.GE, d)
    (False, True)
    >>> a, t = (393, 4), (98, 1)  # 98.25 against 98, as ratios
    >>> is_met(a[0] * t[1], Comparator.GT, t[0] * a[1])
    True
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


def actual_value(accumulation: Accumulation, points: tuple[Point, ...]) -> Ratio:
    """The actual value of counted points, exactly: latest, sum or mean (SPEC §3.2).

    For ``each_period`` it is the latest period's value (each period is judged apart).
    """
    if accumulation is Accumulation.SUM:
        return exact_sum(p.value for p in points).as_integer_ratio()
    if accumulation is Accumulation.MEAN:
        total, scale = exact_sum(p.value for p in points).as_integer_ratio()
        return total, scale * len(points)
    return points[-1].value.as_integer_ratio()


def progress_of(
    inputs: TargetInputs, actual: Ratio, target: Ratio
) -> tuple[Decimal | None, Ratio | None, Edge | None]:
    """Gap closure ``p = (a − b)/(t − b)`` with its baseline and edge (SPEC §3.3).

    ``target`` is ``inputs.target`` as a ratio. Returns ``(b, p, edge)``; ``b`` is ``None``
    when a decreasing target has no baseline.
    """
    t = inputs.target
    if inputs.baseline is None and inputs.direction is Direction.DECREASE:
        if inputs.accumulation is Accumulation.SUM:
            return None, None, None  # a ceiling on a running total: the status table decides
        return None, None, Edge.NO_BASELINE
    baseline = ZERO if inputs.baseline is None else inputs.baseline
    if is_met(baseline, inputs.comparator, t):
        return baseline, None, Edge.MET_AT_BASELINE
    if t == baseline:
        return baseline, None, Edge.ZERO_GAP
    return baseline, gap_closure(actual, baseline.as_integer_ratio(), target), None


def expected_progress(
    inputs: TargetInputs, data_date: pendulum.Date, baseline: Decimal | None, target: Ratio
) -> tuple[Ratio, tuple[Period, Decimal] | None]:
    """Expected progress at the data date, and the milestone it came from if any.

    The latest milestone ending on or before the data date gives ``(m − b)/(t − b)``;
    otherwise the share of the term elapsed, ``clip(days(d − start)/days(end − start), 0, 1)``.
    A milestone needs a baseline and a non-zero gap to be used. ``target`` is
    ``inputs.target`` as a ratio.
    """
    if baseline is not None and inputs.milestones and inputs.target != baseline:
        reached = [m for m in inputs.milestones if m[0].end <= data_date]
        if reached:
            milestone = max(reached, key=lambda m: (m[0].end, m[0].start))
            gap = gap_closure(milestone[1].as_integer_ratio(), baseline.as_integer_ratio(), target)
            return gap, milestone
    start = inputs.term_start.toordinal()
    elapsed = ratio(data_date.toordinal() - start, inputs.term_end.toordinal() - start)
    if elapsed[0] <= 0:
        return ZERO_RATIO, None
    if elapsed[0] >= elapsed[1]:
        return ONE_RATIO, None
    return elapsed, None


def trend_of(points: tuple[Point, ...], direction: Direction) -> Trend | None:
    """The latest counted value against the previous one (``None`` with fewer than two)."""
    if len(points) < 2:
        return None
    last, previous = points[-1].value, points[-2].value
    if last == previous:
        return Trend.STEADY
    return Trend.IMPROVING if strictly_better(last, direction, previous) else Trend.WORSENING


def linear_status(
    inputs: TargetInputs, *, met: bool, actual: Ratio, target: Ratio, p: Ratio | None, e: Ratio
) -> Status:
    """The status table of SPEC §3.4 for targets that are not ``each_period``.

    ``target`` is ``inputs.target`` as a ratio; ``actual``, ``p`` and ``e`` are exact too.
    """
    over = inputs.term_over
    if inputs.accumulation is Accumulation.SUM and inputs.direction is Direction.DECREASE:
        if not met:
            return Status.NOT_ACHIEVED  # the ceiling is already broken
        if not over:
            return Status.ON_TRACK
    elif not met:
        if over:
            return Status.NOT_ACHIEVED
        if p is not None and p[0] * e[1] >= e[0] * p[1]:
            return Status.ON_TRACK
        return Status.BEHIND
    # met, and the term is over for a ceiling on a running total
    better = strictly_better(actual[0] * target[1], inputs.direction, target[0] * actual[1])
    return Status.EXCEEDED if better else Status.ACHIEVED


_MONTHS: dict[PeriodKind, int] = {
    PeriodKind.YEAR: 12,
    PeriodKind.HALF: 6,
    PeriodKind.QUARTER: 3,
    PeriodKind.MONTH: 1,
}
_DAYS_IN_MONTH: Final = (0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def _calendar_spans(
    kind: PeriodKind, start: pendulum.Date, end: pendulum.Date
) -> Iterator[tuple[pendulum.Date, pendulum.Date]]:
    """First and last day of each calendar period of one length whose end lies in ``[start, end]``.

    Dates rather than periods: ``each_period`` compares them with its points' periods and
    builds a :class:`Period` only for those that are missing.
    """
    months = _MONTHS.get(kind, 12)
    year, month = start.year, 1
    while True:
        last = month + months - 1
        days = 29 if last == 2 and calendar.isleap(year) else _DAYS_IN_MONTH[last]
        period_end = pendulum.Date(year, last, days)
        if period_end > end:
            break
        if period_end >= start:
            yield pendulum.Date(year, month, 1), period_end
        month = last + 1
        if month > 12:
            year, month = year + 1, 1


def term_periods(kind: PeriodKind, start: pendulum.Date, end: pendulum.Date) -> tuple[Period, ...]:
    """All calendar periods of one length whose end lies in ``[start, end]``.

    >>> [str(p) for p in term_periods(PeriodKind.YEAR, pendulum.Date(2019, 4, 12),
    ...                               pendulum.Date(2022, 4, 18))]
    ['2019', '2020', '2021']
    """
    return tuple(Period(first, last) for first, last in _calendar_spans(kind, start, end))


def _each_period(inputs: TargetInputs, method: str) -> Assessment:
    points, t = inputs.points, inputs.target
    kind = points[-1].period.kind if points else PeriodKind.YEAR
    seen = {(p.period.start, p.period.end) for p in points}
    missing = tuple(
        Period(first, last)
        for first, last in _calendar_spans(
            kind, inputs.term_start, min(inputs.term_end, inputs.as_of)
        )
        if (first, last) not in seen
    )
    edge = Edge.INCOMPLETE_DATA if missing else None
    if not points:
        return _no_data(inputs, method, edge=edge, missing=missing)
    tn, td = t.as_integer_ratio()
    increase = inputs.direction is Direction.INCREASE
    comparator = inputs.comparator
    results = []
    capped = ZERO_RATIO  # the sum of min(share, 1) over the periods
    for point in points:
        a = point.value
        an, ad = a.as_integer_ratio()
        if increase:
            share = ONE_RATIO if t == 0 else ratio(an * td, ad * tn)
        else:
            share = ONE_RATIO if a == 0 else ratio(tn * ad, td * an)
        capped = add(capped, ONE_RATIO if share[0] > share[1] else share)
        results.append(
            PeriodResult(
                period=point.period,
                actual=a,
                met=is_met(a, comparator, t),
                progress=to_decimal(share),
            )
        )
    p = to_decimal((capped[0], capped[1] * len(points)))
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
    return _assessment(
        inputs.unit,
        inputs.indicator,
        method,
        status,
        met,
        actual,
        inputs.target,
        inputs.comparator,
        progress,
        expected,
        data_date,
        trend_of(points, inputs.direction),
        edge,
        _explanation(
            method,
            actual,
            baseline,
            inputs.target,
            progress,
            expected,
            data_date,
            edge,
            points,
            periods,
            milestone,
            None,
            notes,
        ),
        None,
        missing,
    )


def linear_assessment(inputs: TargetInputs, method: str = "linear") -> Assessment:
    """Assess one target by the linear rules; ``method`` names the caller in the result."""
    if inputs.accumulation is Accumulation.EACH_PERIOD:
        return _each_period(inputs, method)
    points = inputs.points
    if not points:
        return _no_data(inputs, method)
    exact = actual_value(inputs.accumulation, points)
    target = inputs.target.as_integer_ratio()
    met = is_met(exact[0] * target[1], inputs.comparator, target[0] * exact[1])
    baseline, p_exact, edge = progress_of(inputs, exact, target)
    data_date = points[-1].period.end
    e_exact, milestone = expected_progress(inputs, data_date, baseline, target)
    status = linear_status(inputs, met=met, actual=exact, target=target, p=p_exact, e=e_exact)
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
