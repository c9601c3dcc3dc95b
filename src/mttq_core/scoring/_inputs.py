"""From a dataset to one target's inputs, and the committee's values (SPEC §3.1, §3.6)."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

import pendulum

from mttq_core._frozen import builder
from mttq_core.model import (
    COMMITTEE,
    Accumulation,
    AcrossUnits,
    Dataset,
    Direction,
    Indicator,
    Measure,
    Observation,
    Period,
    Problem,
    Target,
    Term,
)

from ._errors import ScoringError
from ._exact import exact_sum, to_decimal
from ._types import Assessment, Point, TargetInputs

_point = builder(Point)  # one per counted observation: positional, without __init__

__all__ = ["committee_points", "counted", "for_unit", "share_point", "target_inputs"]


def _target_value(indicator: Indicator, target: Target) -> Decimal:
    value = target.value
    if indicator.measure is Measure.CHECKLIST and value is None:
        return Decimal(len(indicator.criteria))
    if isinstance(value, bool):
        return Decimal(int(value))
    if isinstance(value, Decimal):
        return value
    raise ScoringError(f"target of {indicator.id!r} has no numeric value")  # pragma: no cover


def counted(series: Sequence[Observation], term: Term, as_of: pendulum.Date) -> tuple[Point, ...]:
    """The observations that count (SPEC §3.1), as points: those ending in the term by ``as_of``."""
    first, last = term.start, min(term.end, as_of)
    return tuple(
        _point(o.period, o.number, o.source, o.revision)
        for o in series
        if first <= o.period.end <= last
    )


def _baseline_number(target: Target) -> tuple[Decimal | None, pendulum.Date | None]:
    if target.baseline is None:
        return None, None
    value = target.baseline.value
    if isinstance(value, bool):
        return Decimal(int(value)), target.baseline.date
    if isinstance(value, tuple):
        return Decimal(len(value)), target.baseline.date
    return value, target.baseline.date


def target_inputs(
    unit: str,
    indicator: Indicator,
    target: Target,
    *,
    term: Term,
    as_of: pendulum.Date,
    points: tuple[Point, ...],
    share: bool = False,
) -> TargetInputs:
    baseline, baseline_date = _baseline_number(target)
    milestones = tuple(
        (
            m.period,
            Decimal(int(m.value))
            if isinstance(m.value, bool)
            else (m.value if isinstance(m.value, Decimal) else Decimal(len(m.value))),
        )
        for m in target.milestones
    )
    return TargetInputs(
        unit=unit,
        indicator=indicator.id,
        measure=Measure.PERCENT if share else indicator.measure,
        direction=Direction.INCREASE if share else indicator.direction,
        accumulation=Accumulation.LATEST if share else indicator.accumulation,
        comparator=target.comparator,
        target=_target_value(indicator, target) if not share else _share_target(target),
        term_start=term.start,
        term_end=term.end,
        as_of=as_of,
        points=points,
        baseline=baseline,
        baseline_date=baseline_date,
        milestones=milestones,
    )


def for_unit(shared: TargetInputs, unit: str, points: tuple[Point, ...]) -> TargetInputs:
    """The same target's inputs for another unit and its counted points.

    What ``attrs.evolve(shared, unit=unit, points=points)`` returns, without its overhead:
    :func:`~mttq_core.assess` builds an ``all`` target's inputs once and reuses them for every
    commune it applies to.
    """
    return TargetInputs(
        unit=unit,
        indicator=shared.indicator,
        measure=shared.measure,
        direction=shared.direction,
        accumulation=shared.accumulation,
        comparator=shared.comparator,
        target=shared.target,
        term_start=shared.term_start,
        term_end=shared.term_end,
        as_of=shared.as_of,
        points=points,
        baseline=shared.baseline,
        baseline_date=shared.baseline_date,
        milestones=shared.milestones,
    )


def _share_target(target: Target) -> Decimal:
    if isinstance(target.value, Decimal):
        return target.value
    raise ScoringError(
        f"committee target of {target.indicator!r} needs a percent value"
    )  # pragma: no cover


def _aggregate(
    indicator: Indicator, period: Period, observations: list[Observation]
) -> tuple[Point | None, Problem | None]:
    rule = indicator.across_units
    n = len(observations)
    # exact sums, rounded once: the result must not depend on the communes' order
    total, scale = exact_sum(o.number for o in observations).as_integer_ratio()
    if rule is AcrossUnits.SUM:
        value = to_decimal((total, scale))
        how = f"tổng của {n} đơn vị"
    elif rule is AcrossUnits.MEAN:
        value = to_decimal((total, scale * n))
        how = f"bình quân của {n} đơn vị"
    elif rule is AcrossUnits.RATIO:
        lacking = [o for o in observations if o.numerator is None or o.denominator is None]
        if lacking:
            return None, Problem(
                f"committee/{indicator.id}/{period}",
                f"cannot combine {indicator.id!r} for {period} by ratio: commune "
                f"{lacking[0].commune} gives no numerator and denominator",
            )
        num = sum(o.numerator or 0 for o in observations)
        den = sum(o.denominator or 0 for o in observations)
        value = Decimal(100) * num / den
        how = f"tỷ lệ chung {num}/{den} của {n} đơn vị"
    else:  # pragma: no cover - share_met and None are handled by the caller
        raise AssertionError(rule)
    return Point(period=period, value=value, source=f"Tổng hợp: {how}"), None


def committee_points(
    dataset: Dataset,
    indicator: Indicator,
    term: Term,
    as_of: pendulum.Date,
    problems: list[Problem],
) -> tuple[Point, ...]:
    own = {p.period: p for p in counted(dataset.series(COMMITTEE, indicator.id), term, as_of)}
    # the communes' observations by period, keyed by (start, end): a tuple of dates hashes
    # faster than a Period, and equals another exactly when the periods are equal
    by_period: dict[tuple[pendulum.Date, pendulum.Date], list[Observation]] = {}
    if indicator.across_units is not None:
        first, last = term.start, min(term.end, as_of)
        for commune in dataset.communes:
            for o in dataset.series(commune, indicator.id):
                period = o.period
                if first <= period.end <= last:
                    key = (period.start, period.end)
                    if key in by_period:
                        by_period[key].append(o)
                    else:
                        by_period[key] = [o]
    periods = set(own) | {group[0].period for group in by_period.values()}
    points: list[Point] = []
    for period in sorted(periods, key=lambda p: (p.end, p.start)):
        if period in own:
            points.append(own[period])
            continue
        point, problem = _aggregate(indicator, period, by_period[period.start, period.end])
        if problem is not None:
            problems.append(problem)
        elif point is not None:
            points.append(point)
    return tuple(points)


def share_point(
    indicator: Indicator, commune_results: list[Assessment], problems: list[Problem]
) -> tuple[Point, ...]:
    if not commune_results:
        problems.append(
            Problem(
                f"committee/{indicator.id}",
                f"no commune has a target for {indicator.id!r}, so the share of communes "
                "meeting it cannot be computed",
            )
        )
        return ()
    dated = [a.data_date for a in commune_results if a.data_date is not None]
    if not dated:
        return ()
    met = sum(1 for a in commune_results if a.status.met)
    n = len(commune_results)
    day = max(dated)
    return (
        Point(
            period=Period(day, day),
            value=Decimal(100) * met / n,
            source=f"Tỷ lệ đơn vị đạt chỉ tiêu: {met}/{n}",
        ),
    )
