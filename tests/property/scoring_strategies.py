"""Hypothesis strategies for valid ``TargetInputs``, built valid by construction.

No ``filter``/``assume`` and no suppressed health check: every choice is drawn from the set
of values the SPEC admits for the choices already made (measure → direction → comparator →
target; term → as_of → counted periods → values). Everything is kept small so that a law
runs 500 examples in a few seconds.

``target_cases`` returns a :class:`Case`: the inputs, and the :class:`Domain` of values the
measure admits, so that a law can draw a *better* value, a baseline or a target that stays
valid.
"""

from __future__ import annotations

import calendar
from collections.abc import Sequence
from decimal import Decimal
from typing import Literal

import attrs
import pendulum
from hypothesis import strategies as st

import mttq_core as m

ALL_MEASURES: tuple[m.Measure, ...] = tuple(m.Measure)
ALL_ACCUMULATIONS: tuple[m.Accumulation, ...] = tuple(m.Accumulation)
SUMMABLE = frozenset({m.Measure.COUNT, m.Measure.MONEY, m.Measure.QUANTITY})
#: Measures whose direction and comparator are fixed (SPEC §2.1).
INCREASE_ONLY = frozenset({m.Measure.BOOLEAN, m.Measure.CHECKLIST})
#: Measures that carry milestones in these strategies (as in ``strategies.datasets``).
WITH_MILESTONES = frozenset(
    {m.Measure.PERCENT, m.Measure.COUNT, m.Measure.MONEY, m.Measure.QUANTITY}
)

BaselineMode = Literal["maybe", "always", "never"]
AsOfMode = Literal["any", "in_term"]


@attrs.frozen(kw_only=True)
class Domain:
    """The numbers a measure admits: ``[lo, hi]`` with ``places`` decimals (0: integers)."""

    lo: Decimal
    hi: Decimal
    places: int

    def values(
        self, lo: Decimal | None = None, hi: Decimal | None = None
    ) -> st.SearchStrategy[Decimal]:
        """Valid values, optionally narrowed to ``[lo, hi]`` (bounds must lie in the domain)."""
        low = self.lo if lo is None else lo
        high = self.hi if hi is None else hi
        if self.places == 0:
            return st.integers(int(low), int(high)).map(Decimal)
        return st.decimals(
            min_value=low, max_value=high, places=self.places, allow_nan=False, allow_infinity=False
        )

    def at_least_as_good(
        self, value: Decimal, direction: m.Direction
    ) -> st.SearchStrategy[Decimal]:
        """Valid values no worse than ``value`` in ``direction`` (``value`` itself included)."""
        if direction is m.Direction.INCREASE:
            return self.values(lo=value)
        return self.values(hi=value)


@attrs.frozen(kw_only=True)
class Case:
    """Valid inputs of one target, and the domain their numbers come from."""

    inputs: m.TargetInputs
    domain: Domain
    criteria: int = 0  # number of criteria of a checklist indicator, else 0


def domain_of(measure: m.Measure, criteria: int = 0, *, positive: bool = False) -> Domain:
    """The (deliberately small) domain the strategies draw a measure's numbers from.

    ``positive`` keeps percent, count, money and quantity above zero (where compound
    growth, the ``cagr`` method, is computable).
    """
    if measure is m.Measure.PERCENT:
        return Domain(lo=Decimal("0.01") if positive else Decimal(0), hi=Decimal(100), places=2)
    if measure is m.Measure.COUNT:
        return Domain(lo=Decimal(int(positive)), hi=Decimal(60), places=0)
    if measure is m.Measure.MONEY:
        return Domain(lo=Decimal(int(positive)), hi=Decimal(10**7), places=0)
    if measure is m.Measure.QUANTITY:
        return Domain(lo=Decimal("0.01") if positive else Decimal(-100), hi=Decimal(100), places=2)
    if measure is m.Measure.BOOLEAN:
        return Domain(lo=Decimal(0), hi=Decimal(1), places=0)
    return Domain(lo=Decimal(0), hi=Decimal(criteria), places=0)


def accumulations_for(
    measure: m.Measure, allowed: Sequence[m.Accumulation]
) -> list[m.Accumulation]:
    """The allowed accumulations that are valid for ``measure`` (``sum`` needs a flow)."""
    return [a for a in allowed if a is not m.Accumulation.SUM or measure in SUMMABLE]


def comparators_for(measure: m.Measure, direction: m.Direction) -> list[m.Comparator]:
    """Comparators that agree with the direction (a boolean target is always ``>=``)."""
    if measure is m.Measure.BOOLEAN:
        return [m.Comparator.GE]
    if direction is m.Direction.INCREASE:
        return [m.Comparator.GE, m.Comparator.GT]
    return [m.Comparator.LE, m.Comparator.LT]


def _month_end(year: int, month: int) -> pendulum.Date:
    return pendulum.Date(year, month, calendar.monthrange(year, month)[1])


def periods_ending_within(
    kind: m.PeriodKind, start: pendulum.Date, end: pendulum.Date
) -> list[m.Period]:
    """Calendar years (or quarters) whose end lies in ``[start, end]``, in order."""
    out: list[m.Period] = []
    for year in range(start.year, end.year + 1):
        if kind is m.PeriodKind.QUARTER:
            spans = [(3 * q - 2, 3 * q) for q in range(1, 5)]
        else:
            spans = [(1, 12)]
        for first, last in spans:
            period = m.Period(pendulum.Date(year, first, 1), _month_end(year, last))
            if start <= period.end <= end:
                out.append(period)
    return out


@st.composite
def subsets(draw: st.DrawFn, n: int, *, at_least: int = 0) -> list[int]:
    """Sorted indices of a subset of ``range(n)``, non-empty if ``at_least`` and ``n > 0``.

    Drawn as a mask, so nothing is ever rejected (unique lists reject duplicates).
    """
    chosen = [i for i in range(n) if draw(st.booleans())]
    if at_least and n and not chosen:
        chosen = [draw(st.integers(0, n - 1))]
    return chosen


def _day_between(lo: pendulum.Date, hi: pendulum.Date) -> st.SearchStrategy[pendulum.Date]:
    return st.integers(0, hi.toordinal() - lo.toordinal()).map(lambda n: lo.add(days=n))


@st.composite
def target_cases(
    draw: st.DrawFn,
    *,
    measures: Sequence[m.Measure] = ALL_MEASURES,
    accumulations: Sequence[m.Accumulation] = ALL_ACCUMULATIONS,
    baseline: BaselineMode = "maybe",
    min_points: Literal[0, 1] = 0,
    as_of: AsOfMode = "any",
    positive: bool = False,
) -> Case:
    """Valid inputs of one target for one commune, as ``assess`` would hand them to a method.

    ``baseline="always"`` gives a baseline whenever the accumulation admits one (latest,
    mean); ``min_points=1`` guarantees at least one counted point; ``as_of="in_term"`` keeps
    ``as_of`` inside the term and before its end (the term is not over).
    """
    usable = [x for x in measures if accumulations_for(x, accumulations)]
    measure = draw(st.sampled_from(usable))
    accumulation = draw(st.sampled_from(accumulations_for(measure, accumulations)))
    directions = (
        [m.Direction.INCREASE]
        if measure in INCREASE_ONLY
        else [m.Direction.INCREASE, m.Direction.DECREASE]
    )
    direction = draw(st.sampled_from(directions))
    comparator = draw(st.sampled_from(comparators_for(measure, direction)))
    criteria = draw(st.integers(1, 4)) if measure is m.Measure.CHECKLIST else 0
    domain = domain_of(measure, criteria, positive=positive)

    # The term: about five years, starting on any day.
    start = pendulum.Date(
        draw(st.integers(2015, 2030)), draw(st.integers(1, 12)), draw(st.integers(1, 28))
    )
    end = start.add(years=5).subtract(days=draw(st.integers(0, 60)))

    # Observations are annual, or (for each_period, sometimes) quarterly.
    kind = m.PeriodKind.YEAR
    if accumulation is m.Accumulation.EACH_PERIOD and draw(st.booleans()):
        kind = m.PeriodKind.QUARTER
    in_term = periods_ending_within(kind, start, end)

    # as_of: anywhere from a year before the term to a year after it, or within the term.
    lo, hi = start.subtract(days=400), end.add(days=400)
    if as_of == "in_term":
        lo, hi = start, end.subtract(days=1)
    if min_points:
        lo = max(lo, in_term[0].end)  # at least one period has ended, so one point can count
    day = draw(_day_between(lo, hi))

    # Counted points: periods ending within the term and on or before as_of.
    countable = [p for p in in_term if p.end <= day]
    chosen = draw(subsets(len(countable), at_least=min_points))
    points = tuple(
        m.Point(period=countable[i], value=draw(domain.values()), source=f"Báo cáo {i}")
        for i in chosen
    )

    # The target value.
    if measure is m.Measure.BOOLEAN:
        target = Decimal(1)
    elif measure is m.Measure.CHECKLIST:
        target = Decimal(draw(st.integers(1, criteria)))
    else:
        target = draw(domain.values())
        if accumulation is m.Accumulation.SUM:
            target *= draw(st.sampled_from([1, 2, 3, 5]))  # a running total over the term

    # Baseline: only for latest/mean targets.
    base_value: Decimal | None = None
    base_date: pendulum.Date | None = None
    if accumulation in (m.Accumulation.LATEST, m.Accumulation.MEAN) and (
        baseline == "always" or (baseline == "maybe" and draw(st.booleans()))
    ):
        base_value = draw(domain.values())
        base_date = draw(_day_between(start.subtract(days=400), start))

    # Milestones: periods ending inside the term; never for each_period.
    milestones: tuple[tuple[m.Period, Decimal], ...] = ()
    if accumulation is not m.Accumulation.EACH_PERIOD and measure in WITH_MILESTONES:
        years = periods_ending_within(m.PeriodKind.YEAR, start, end)
        picked = sorted(
            {draw(st.sampled_from(range(len(years)))) for _ in range(draw(st.integers(0, 2)))}
        )
        values = domain.values()
        if accumulation is m.Accumulation.SUM:
            values = values.map(lambda v: v * 2)
        milestones = tuple((years[i], draw(values)) for i in picked)

    inputs = m.TargetInputs(
        unit="00583",
        indicator="ct0",
        measure=measure,
        direction=direction,
        accumulation=accumulation,
        comparator=comparator,
        target=target,
        term_start=start,
        term_end=end,
        as_of=day,
        points=points,
        baseline=base_value,
        baseline_date=base_date,
        milestones=milestones,
    )
    return Case(inputs=inputs, domain=domain, criteria=criteria)


def with_value(inputs: m.TargetInputs, index: int, value: Decimal) -> m.TargetInputs:
    """The same inputs with one point's value replaced."""
    points = list(inputs.points)
    points[index] = attrs.evolve(points[index], value=value)
    return attrs.evolve(inputs, points=tuple(points))
