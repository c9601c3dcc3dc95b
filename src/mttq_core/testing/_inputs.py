"""Strategies for what ``assess`` hands a scoring method, and the datasets they come from.

:func:`target_inputs` draws valid :class:`~mttq_core.TargetInputs` — one target of one
commune, as a method receives it. Everything is built valid by construction: no ``filter``,
no ``assume``, and no suppressed health check. Each choice is drawn from the values the SPEC
admits for the choices already made (measure → accumulation → direction → comparator →
target; term → ``as_of`` → counted periods → values), and numbers are kept small so that a
law runs hundreds of examples in seconds.

:func:`dataset_of` writes inputs back as the :class:`~mttq_core.Dataset` they come from, so
that a counterexample can be dumped, loaded and assessed again; :func:`small_datasets` and
:func:`met_target` give the law checker's whole datasets (laws 5 and 7).
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Sequence
from decimal import Decimal
from typing import Final, TypeVar

import attrs
import pendulum
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from mttq_core.model import (
    ALL,
    COMMITTEE,
    Accumulation,
    AcrossUnits,
    Baseline,
    Committee,
    Commune,
    CommuneKind,
    Comparator,
    Criterion,
    Dataset,
    Direction,
    Indicator,
    Measure,
    Milestone,
    Observation,
    Period,
    PeriodKind,
    Target,
    Term,
    Value,
)
from mttq_core.model._period import month_end
from mttq_core.scoring import Point, TargetInputs

from ._arguments import check_members, check_strategy

__all__ = [
    "ALWAYS",
    "NEVER",
    "Case",
    "Domain",
    "Spec",
    "cases",
    "dataset_of",
    "day",
    "domain_of",
    "flip",
    "hundredths",
    "met_target",
    "periods_ending_within",
    "pick",
    "small_datasets",
    "subset",
    "target_inputs",
    "with_value",
]

#: Measures whose values may be summed over a term (SPEC §2.1).
SUMMABLE: Final = frozenset({Measure.COUNT, Measure.MONEY, Measure.QUANTITY})
#: Measures whose direction is always ``increase`` (and a boolean's comparator ``>=``).
INCREASE_ONLY: Final = frozenset({Measure.BOOLEAN, Measure.CHECKLIST})
#: Measures that carry milestones in these strategies.
WITH_MILESTONES: Final = frozenset(
    {Measure.PERCENT, Measure.COUNT, Measure.MONEY, Measure.QUANTITY}
)
#: The unit of drawn inputs: Bát Tràng's code in the Gia Lâm example.
UNIT: Final = "00583"
#: The indicator id of drawn inputs.
INDICATOR: Final = "ct0"
#: Commune codes the law checker's datasets draw from (Gia Lâm, 2019–2024).
CODES: Final = ("00541", "00544", "00547", "00565", "00571", "00577", "00583", "00589")

#: Strategies for a flag that is always, or never, set.
ALWAYS: Final = st.just(True)  # noqa: FBT003 — a strategy of one value
NEVER: Final = st.just(False)  # noqa: FBT003 — a strategy of one value

_MAX_POINTS: Final = 4
_BOOLEANS: Final = st.booleans()

T = TypeVar("T")


# -- cheap draws: a strategy object is built (and validated by hypothesis) once ----------


@functools.lru_cache(maxsize=4096)
def _integers(lo: int, hi: int) -> st.SearchStrategy[int]:
    return st.integers(lo, hi)


def pick(draw: st.DrawFn, options: Sequence[T]) -> T:
    """One of ``options``; shrinks toward the first."""
    return options[draw(_integers(0, len(options) - 1))]


def flip(draw: st.DrawFn) -> bool:
    """A boolean; shrinks toward ``False``."""
    return draw(_BOOLEANS)


def day(draw: st.DrawFn, lo: pendulum.Date, hi: pendulum.Date) -> pendulum.Date:
    """A day from ``lo`` to ``hi``, both included; shrinks toward ``lo``."""
    return lo.add(
        days=draw(_integers(0, hi.toordinal() - lo.toordinal()))
    )  # every drawn term has at least four calendar years ending inside it


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
        return hundredths(low, high, self.places)

    def near(self, draw: st.DrawFn, value: Decimal) -> Decimal:
        """A valid value; often ``value`` itself or within 1 of it (where comparisons flip).

        ``value`` may lie outside the domain (a running total): then any valid value.
        """
        how = draw(_integers(0, 2))
        if how == 0 or not self.lo - 1 <= value <= self.hi + 1:
            return draw(self.values())
        if how == 1 and self.lo <= value <= self.hi:
            return value
        offset = draw(hundredths(Decimal(-1), Decimal(1), self.places))
        return min(max(value + offset, self.lo), self.hi)

    def at_least_as_good(self, value: Decimal, direction: Direction) -> st.SearchStrategy[Decimal]:
        """Valid values no worse than ``value`` in ``direction`` (``value`` itself included)."""
        if direction is Direction.INCREASE:
            return self.values(lo=value)
        return self.values(hi=value)


@functools.lru_cache(maxsize=4096)
def hundredths(lo: Decimal, hi: Decimal, places: int = 2) -> st.SearchStrategy[Decimal]:
    """Decimals from ``lo`` to ``hi`` with ``places`` decimals, shrinking toward zero."""
    unit = Decimal(1).scaleb(-places)
    first, last = int(-((-lo) // unit)), int(hi // unit)  # ceil(lo / unit), floor(hi / unit)
    return st.integers(first, last).map(lambda n: Decimal(n).scaleb(-places))


def domain_of(measure: Measure, criteria: int = 0, *, positive: bool = False) -> Domain:
    """The (deliberately small) domain the strategies draw a measure's numbers from.

    ``criteria`` is the number of criteria of a checklist. ``positive`` keeps percent, count,
    money and quantity above zero (where compound growth, the ``cagr`` method, is computable).

    >>> domain_of(Measure.PERCENT)
    Domain(lo=Decimal('0'), hi=Decimal('100'), places=2)
    """
    if measure is Measure.PERCENT:
        return Domain(lo=Decimal("0.01") if positive else Decimal(0), hi=Decimal(100), places=2)
    if measure is Measure.COUNT:
        return Domain(lo=Decimal(int(positive)), hi=Decimal(60), places=0)
    if measure is Measure.MONEY:
        return Domain(lo=Decimal(int(positive)), hi=Decimal(10**7), places=0)
    if measure is Measure.QUANTITY:
        return Domain(lo=Decimal("0.01") if positive else Decimal(-100), hi=Decimal(100), places=2)
    if measure is Measure.BOOLEAN:
        return Domain(lo=Decimal(0), hi=Decimal(1), places=0)
    return Domain(lo=Decimal(0), hi=Decimal(criteria), places=0)


@attrs.frozen(kw_only=True)
class Spec:
    """One target as numbers, before any observation: its indicator's kind and its values."""

    measure: Measure
    direction: Direction
    accumulation: Accumulation
    comparator: Comparator
    criteria: int  # number of criteria of a checklist, else 0
    domain: Domain
    kind: PeriodKind  # the length of the periods observations are reported for
    target: Decimal
    baseline: Decimal | None = None
    baseline_date: pendulum.Date | None = None
    milestones: tuple[tuple[Period, Decimal], ...] = ()


@attrs.frozen(kw_only=True)
class Case:
    """Valid inputs of one target, and the domain their numbers come from."""

    inputs: TargetInputs
    domain: Domain


def with_value(inputs: TargetInputs, index: int, value: Decimal) -> TargetInputs:
    """The same inputs with one point's value replaced."""
    points = list(inputs.points)
    points[index] = attrs.evolve(points[index], value=value)
    return attrs.evolve(inputs, points=tuple(points))


# -- building blocks ---------------------------------------------------------------------


def _accumulations_for(measure: Measure, allowed: Sequence[Accumulation]) -> list[Accumulation]:
    """The allowed accumulations valid for ``measure`` (``sum`` needs a flow)."""
    return [a for a in allowed if a is not Accumulation.SUM or measure in SUMMABLE]


def _comparators_for(measure: Measure, direction: Direction) -> list[Comparator]:
    if measure is Measure.BOOLEAN:
        return [Comparator.GE]
    if direction is Direction.INCREASE:
        return [Comparator.GE, Comparator.GT]
    return [Comparator.LE, Comparator.LT]


def periods_ending_within(
    kind: PeriodKind, start: pendulum.Date, end: pendulum.Date
) -> list[Period]:
    """Calendar years (or quarters) whose end lies in ``[start, end]``, in order.

    >>> [str(p) for p in periods_ending_within(
    ...     PeriodKind.YEAR, pendulum.Date(2019, 4, 12), pendulum.Date(2022, 4, 18))]
    ['2019', '2020', '2021']
    """
    spans = [(3 * q - 2, 3 * q) for q in range(1, 5)] if kind is PeriodKind.QUARTER else [(1, 12)]
    out: list[Period] = []
    for year in range(start.year, end.year + 1):
        for first, last in spans:
            period = Period(pendulum.Date(year, first, 1), month_end(year, last))
            if start <= period.end <= end:
                out.append(period)
    return out


def subset(draw: st.DrawFn, n: int, *, at_least: int = 0) -> list[int]:
    """Sorted indices of a subset of ``range(n)`` with at least ``min(at_least, n)`` of them.

    Drawn as a mask (unique lists would reject duplicates), then topped up from the indices
    left out, so that nothing is ever rejected.
    """
    chosen = [i for i in range(n) if flip(draw)]
    while len(chosen) < min(at_least, n):
        left = [i for i in range(n) if i not in chosen]
        chosen = sorted([*chosen, pick(draw, left)])
    return chosen


def _term_span(draw: st.DrawFn) -> tuple[pendulum.Date, pendulum.Date]:
    """A term of about five years (a congress term), starting on any day."""
    start = pendulum.Date(
        draw(_integers(2015, 2030)), draw(_integers(1, 12)), draw(_integers(1, 28))
    )
    return start, start.add(years=5).subtract(days=draw(_integers(0, 60)))


def _draw_flag(draw: st.DrawFn, strategy: st.SearchStrategy[bool], name: str) -> bool:
    value = draw(strategy)
    if not isinstance(value, bool):
        raise InvalidArgument(f"{name} drew {value!r}; it must draw True or False")
    return value


def _spec(
    draw: st.DrawFn,
    start: pendulum.Date,
    end: pendulum.Date,
    *,
    measures: Sequence[Measure] = tuple(Measure),
    accumulations: Sequence[Accumulation] = tuple(Accumulation),
    with_baseline: st.SearchStrategy[bool] = st.booleans(),
    positive: bool = False,
) -> Spec:
    usable = [x for x in measures if _accumulations_for(x, accumulations)]
    measure = pick(draw, usable)
    accumulation = pick(draw, _accumulations_for(measure, accumulations))
    direction = Direction.INCREASE
    if measure not in INCREASE_ONLY:
        direction = pick(draw, (Direction.INCREASE, Direction.DECREASE))
    comparator = pick(draw, _comparators_for(measure, direction))
    criteria = draw(_integers(1, 4)) if measure is Measure.CHECKLIST else 0
    domain = domain_of(measure, criteria, positive=positive)
    kind = PeriodKind.YEAR
    if accumulation is Accumulation.EACH_PERIOD and flip(draw):
        kind = PeriodKind.QUARTER
    if measure is Measure.BOOLEAN:
        target = Decimal(1)
    elif measure is Measure.CHECKLIST:
        target = Decimal(draw(_integers(1, criteria)))
    else:
        target = draw(domain.values())
        if accumulation is Accumulation.SUM:
            target *= pick(draw, (1, 2, 3, 5))  # a running total over the term
    baseline: Decimal | None = None
    baseline_date: pendulum.Date | None = None
    if accumulation in (Accumulation.LATEST, Accumulation.MEAN) and _draw_flag(
        draw, with_baseline, "with_baseline"
    ):
        baseline = draw(domain.values())
        baseline_date = day(draw, start.subtract(days=400), start)
    milestones: tuple[tuple[Period, Decimal], ...] = ()
    if accumulation is not Accumulation.EACH_PERIOD and measure in WITH_MILESTONES:
        years = periods_ending_within(PeriodKind.YEAR, start, end)
        picked = subset(draw, len(years))[:2]
        values = domain.values()
        if accumulation is Accumulation.SUM:
            values = values.map(lambda v: v * 2)
        milestones = tuple((years[i], draw(values)) for i in picked)
    return Spec(
        measure=measure,
        direction=direction,
        accumulation=accumulation,
        comparator=comparator,
        criteria=criteria,
        domain=domain,
        kind=kind,
        target=target,
        baseline=baseline,
        baseline_date=baseline_date,
        milestones=milestones,
    )


# -- one target's inputs -----------------------------------------------------------------


@st.composite
def cases(
    draw: st.DrawFn,
    *,
    measures: Sequence[Measure] = tuple(Measure),
    accumulations: Sequence[Accumulation] = tuple(Accumulation),
    with_baseline: st.SearchStrategy[bool] = st.booleans(),
    term_over: st.SearchStrategy[bool] = st.booleans(),
    min_points: int = 0,
    positive: bool = False,
) -> Case:
    """What :func:`target_inputs` draws, with the domain of its numbers (unchecked arguments)."""
    start, end = _term_span(draw)
    spec = _spec(
        draw,
        start,
        end,
        measures=measures,
        accumulations=accumulations,
        with_baseline=with_baseline,
        positive=positive,
    )
    in_term = periods_ending_within(spec.kind, start, end)
    if _draw_flag(draw, term_over, "term_over"):
        lo, hi = end, end.add(days=400)
    else:  # from a year before the term to the day before it ends
        lo, hi = start.subtract(days=400), end.subtract(days=1)
    if min_points:
        lo = max(lo, in_term[min_points - 1].end)  # enough periods have ended to count
    as_of = day(draw, lo, hi)
    countable = [p for p in in_term if p.end <= as_of]
    points = tuple(
        Point(
            period=countable[i],
            value=spec.domain.near(draw, spec.target),
            source=f"Báo cáo {i + 1}",
        )
        for i in subset(draw, len(countable), at_least=min_points)
    )
    inputs = _spec_inputs(spec, (start, end), UNIT, INDICATOR, as_of=as_of, points=points)
    return Case(inputs=inputs, domain=spec.domain)


def target_inputs(
    *,
    measures: Sequence[Measure | str] | None = None,
    accumulations: Sequence[Accumulation | str] | None = None,
    with_baseline: st.SearchStrategy[bool] = st.booleans(),
    term_over: st.SearchStrategy[bool] = st.booleans(),
    min_points: int = 0,
    positive: bool = False,
) -> st.SearchStrategy[TargetInputs]:
    """Valid inputs of one target for one commune, as ``assess`` hands them to a method.

    - ``measures``, ``accumulations``: the kinds of indicator allowed (members or ids;
      ``None``: all). Only valid pairs are drawn: ``sum`` goes with count, money and
      quantity alone.
    - ``with_baseline``: whether a target that admits a baseline (``latest``, ``mean``) has one.
    - ``term_over``: whether ``as_of`` is on or after the term's end (up to a year after);
      otherwise it lies from a year before the term to the day before it ends.
    - ``min_points``: at least this many counted observations (0 to 4).
    - ``positive``: keep every value above zero (where compound growth is computable).

    The term is about five years long; observations are yearly (for ``each_period``
    sometimes quarterly), counted as of ``as_of`` (SPEC §3.1), in period order, and often at
    or near the target, where comparisons flip. The unit is ``"00583"``, the indicator
    ``"ct0"``; :func:`dataset_of` writes inputs back as a dataset.

    >>> from hypothesis import given, settings, strategies as st
    >>> from mttq_core import LINEAR, Status
    >>> @settings(max_examples=20)
    ... @given(target_inputs(measures=["percent"], min_points=1, term_over=st.just(False)))
    ... def test_data_mid_term(inputs):
    ...     assert LINEAR(inputs).status not in (Status.NO_DATA, Status.NOT_ACHIEVED)
    >>> test_data_mid_term()
    >>> target_inputs(measures=["percent"], accumulations=["sum"])
    Traceback (most recent call last):
    ...
    hypothesis.errors.InvalidArgument: no measure of measures=('percent',) allows ...
    """
    chosen_measures = tuple(Measure)
    if measures is not None:
        chosen_measures = tuple(m for m in check_members("measures", measures, Measure) if m)
    chosen = tuple(Accumulation)
    if accumulations is not None:
        chosen = tuple(a for a in check_members("accumulations", accumulations, Accumulation) if a)
    if not any(_accumulations_for(m, chosen) for m in chosen_measures):
        raise InvalidArgument(
            f"no measure of measures={tuple(m.value for m in chosen_measures)!r} allows an "
            f"accumulation of accumulations={tuple(a.value for a in chosen)!r}; 'sum' goes "
            "with count, money and quantity only (SPEC §2.1)"
        )
    check_strategy("with_baseline", with_baseline, "st.booleans()")
    check_strategy("term_over", term_over, "st.booleans()")
    if isinstance(min_points, bool) or not isinstance(min_points, int):
        raise InvalidArgument(f"min_points={min_points!r} must be an integer from 0 to 4")
    if not 0 <= min_points <= _MAX_POINTS:
        raise InvalidArgument(f"min_points={min_points} must be an integer from 0 to 4")
    if not isinstance(positive, bool):
        raise InvalidArgument(f"positive={positive!r} must be True or False")
    return cases(
        measures=chosen_measures,
        accumulations=chosen,
        with_baseline=with_baseline,
        term_over=term_over,
        min_points=min_points,
        positive=positive,
    ).map(lambda case: case.inputs)


# -- back to a dataset -------------------------------------------------------------------


def _whole(number: Decimal, what: str) -> int:
    if number != number.to_integral_value():
        raise ValueError(f"{what} {number} is not a whole number")
    return int(number)


def _model_value(measure: Measure, number: Decimal, criteria: tuple[str, ...]) -> Value:
    """A number as the dataset writes it: 1/0 as true/false, ``n`` as ``n`` criteria met."""
    if measure is Measure.BOOLEAN:
        if number not in (0, 1):
            raise ValueError(f"a boolean is scored 1 or 0, not {number}")
        return number == 1
    if measure is Measure.CHECKLIST:
        n = _whole(number, "a checklist's number of criteria met")
        if not 0 <= n <= len(criteria):
            raise ValueError(f"{n} criteria met is not possible out of {len(criteria)}")
        return criteria[:n]
    return number


def _criteria_count(inputs: Sequence[TargetInputs]) -> int:
    """The number of criteria a checklist needs for every number of the inputs."""
    numbers = [
        n
        for i in inputs
        for n in (
            i.target,
            *(p.value for p in i.points),
            *(() if i.baseline is None else (i.baseline,)),
            *(v for _, v in i.milestones),
        )
    ]
    return max(1, *(_whole(n, "a checklist number") for n in numbers))


def _spec_key(inputs: TargetInputs) -> tuple[object, ...]:
    return (
        inputs.comparator,
        inputs.target,
        inputs.baseline,
        inputs.baseline_date,
        inputs.milestones,
    )


def _indicator(ident: str, first: TargetInputs, criteria: int) -> Indicator:
    return Indicator(
        id=ident,
        name=f"Chỉ tiêu {ident}",
        measure=first.measure,
        direction=first.direction,
        accumulation=first.accumulation,
        criteria=tuple(
            Criterion(id=f"tc{k + 1}", name=f"Tiêu chí {k + 1}") for k in range(criteria)
        )
        if first.measure is Measure.CHECKLIST
        else (),
    )


def _target(term: Term, indicator: Indicator, scope: str, inputs: TargetInputs) -> Target:
    ids = indicator.criterion_ids
    measure = indicator.measure
    value: Value = inputs.target
    if measure is Measure.BOOLEAN:
        value = _model_value(measure, inputs.target, ids)
    baseline = None
    if inputs.baseline is not None:
        baseline = Baseline(
            value=_model_value(measure, inputs.baseline, ids),
            date=inputs.baseline_date or term.start,
        )
    milestone_measure = Measure.COUNT if measure is Measure.CHECKLIST else measure
    return Target(
        term=term.id,
        indicator=indicator.id,
        scope=scope,
        comparator=inputs.comparator,
        value=value,
        baseline=baseline,
        milestones=tuple(
            Milestone(period=period, value=_model_value(milestone_measure, v, ids))
            for period, v in inputs.milestones
        ),
    )


def _term_of(start: pendulum.Date, end: pendulum.Date) -> Term:
    return Term(
        id=f"{start.year}-{end.year}",
        name=f"Nhiệm kỳ {start.year}–{end.year}",
        start=start,
        end=end,
    )


def _commune(code: str) -> Commune:
    return Commune(code=code, name=f"Đơn vị {code}", kind=CommuneKind.XA)


_COMMITTEE: Final = Committee(name="Ủy ban MTTQ Việt Nam (dữ liệu kiểm thử)")


def dataset_of(
    inputs: Iterable[TargetInputs], *, title: str = "Phản ví dụ của mttq_core.testing"
) -> Dataset:
    """The dataset the inputs come from: one term, their communes, indicators and targets.

    All inputs share one term. Inputs of one indicator share its measure, direction and
    accumulation; when every commune has the same target for it, that is one target with
    scope ``"all"``, else one target per commune. Booleans are written back as true/false
    and checklists as the first ``n`` criteria (``tc1``, ``tc2``, …) of as many as needed.
    ``as_of`` is not part of a dataset: assess the result with the inputs' ``as_of``.

    >>> import mttq_core
    >>> from decimal import Decimal as D
    >>> from mttq_core import Accumulation, Comparator, Direction, Measure, Period, Point
    >>> inputs = TargetInputs(
    ...     unit="00583", indicator="gdvh", measure=Measure.PERCENT,
    ...     direction=Direction.INCREASE, accumulation=Accumulation.LATEST,
    ...     comparator=Comparator.GE, target=D("95"),
    ...     term_start=pendulum.Date(2019, 4, 12), term_end=pendulum.Date(2024, 4, 30),
    ...     as_of=pendulum.Date(2022, 4, 18),
    ...     points=(Point(period=Period.parse("2021"), value=D("94.2"), source="Báo cáo"),))
    >>> ds = dataset_of([inputs])
    >>> ds.summary()
    '1 term, 1 commune, 1 indicator, 1 target, 1 observation, 0 working sessions, 0 funds'
    >>> card = mttq_core.assess(ds, as_of=inputs.as_of)
    >>> card.get("00583", "gdvh") == mttq_core.LINEAR(inputs)
    True
    """
    given = list(inputs)
    if not given:
        raise ValueError("dataset_of needs at least one TargetInputs")
    first = given[0]
    if any((i.term_start, i.term_end) != (first.term_start, first.term_end) for i in given):
        raise ValueError("dataset_of: all inputs must share one term")
    term = _term_of(first.term_start, first.term_end)
    codes = list(dict.fromkeys(i.unit for i in given if i.unit != COMMITTEE))
    by_indicator: dict[str, list[TargetInputs]] = {}
    for i in given:
        by_indicator.setdefault(i.indicator, []).append(i)
    indicators: list[Indicator] = []
    targets: list[Target] = []
    observations: list[Observation] = []
    for ident, group in by_indicator.items():
        kinds = {(i.measure, i.direction, i.accumulation) for i in group}
        if len(kinds) > 1:
            raise ValueError(f"dataset_of: inputs of indicator {ident!r} differ in kind")
        units = [i.unit for i in group]
        if len(set(units)) < len(units):
            raise ValueError(f"dataset_of: two inputs of indicator {ident!r} for one unit")
        criteria = _criteria_count(group) if group[0].measure is Measure.CHECKLIST else 0
        indicator = _indicator(ident, group[0], criteria)
        indicators.append(indicator)
        shared = len({_spec_key(i) for i in group}) == 1 and sorted(units) == sorted(codes)
        if shared:
            targets.append(_target(term, indicator, ALL, group[0]))
        else:
            targets.extend(_target(term, indicator, i.unit, i) for i in group)
        observations.extend(
            Observation(
                commune=i.unit,
                indicator=ident,
                period=p.period,
                value=_model_value(indicator.measure, p.value, indicator.criterion_ids),
                source=p.source,
                revision=p.revision,
            )
            for i in group
            for p in i.points
        )
    return Dataset(
        title=title,
        committee=_COMMITTEE,
        terms=[term],
        communes=[_commune(c) for c in codes],
        indicators=indicators,
        targets=targets,
        observations=observations,
    )


# -- whole datasets for the laws on ``assess`` -------------------------------------------


def _across(draw: st.DrawFn, measure: Measure) -> AcrossUnits | None:
    """How the committee combines a measure (``ratio``, which needs counts, is left out)."""
    allowed: list[AcrossUnits | None] = [None, AcrossUnits.SHARE_MET]
    if measure in SUMMABLE:
        allowed.append(AcrossUnits.SUM)
    if measure not in INCREASE_ONLY:
        allowed.append(AcrossUnits.MEAN)
    return pick(draw, allowed)


def _committee_target(draw: st.DrawFn, term: Term, indicator: Indicator, spec: Spec) -> Target:
    if indicator.across_units is AcrossUnits.SHARE_MET:
        return Target(
            term=term.id,
            indicator=indicator.id,
            scope=COMMITTEE,
            comparator=pick(draw, (Comparator.GE, Comparator.GT)),
            value=draw(domain_of(Measure.PERCENT).values()),
        )
    value = draw(spec.domain.values())
    if indicator.across_units is AcrossUnits.SUM:
        value *= 3
    return Target(
        term=term.id,
        indicator=indicator.id,
        scope=COMMITTEE,
        comparator=spec.comparator,
        value=value,
    )


def _spec_inputs(
    spec: Spec,
    term: tuple[pendulum.Date, pendulum.Date],
    unit: str,
    ident: str,
    *,
    as_of: pendulum.Date | None = None,
    points: tuple[Point, ...] = (),
) -> TargetInputs:
    start, end = term
    return TargetInputs(
        unit=unit,
        indicator=ident,
        measure=spec.measure,
        direction=spec.direction,
        accumulation=spec.accumulation,
        comparator=spec.comparator,
        target=spec.target,
        term_start=start,
        term_end=end,
        as_of=end if as_of is None else as_of,
        points=points,
        baseline=spec.baseline,
        baseline_date=spec.baseline_date,
        milestones=spec.milestones,
    )


@st.composite
def small_datasets(draw: st.DrawFn, *, max_communes: int = 4, max_indicators: int = 3) -> Dataset:
    """A small valid dataset of one term.

    Up to ``max_communes`` communes and ``max_indicators`` indicators of any kind; a target
    for all communes, or one per commune for some of them (each with its own values); and
    sometimes a committee target (``sum``, ``mean`` or ``share_met`` across communes).
    Observations fall anywhere in the term.
    """
    start, end = _term_span(draw)
    term = _term_of(start, end)
    codes = [CODES[i] for i in subset(draw, len(CODES), at_least=1)][:max_communes]
    indicators: list[Indicator] = []
    targets: list[Target] = []
    observations: list[Observation] = []
    for k in range(draw(_integers(1, max_indicators))):
        ident = f"ct{k}"
        spec = _spec(draw, start, end)
        indicator = attrs.evolve(
            _indicator(ident, _spec_inputs(spec, (start, end), codes[0], ident), spec.criteria),
            across_units=_across(draw, spec.measure),
        )
        indicators.append(indicator)
        if flip(draw):
            scoped = [(ALL, spec)]
        else:
            scoped = [
                (codes[i], attrs.evolve(spec, target=_target_value(draw, spec)))
                for i in subset(draw, len(codes), at_least=1)
            ]
        targets.extend(
            _target(term, indicator, scope, _spec_inputs(s, (start, end), scope, ident))
            for scope, s in scoped
        )
        if indicator.across_units is not None and flip(draw):
            targets.append(_committee_target(draw, term, indicator, spec))
        periods = periods_ending_within(spec.kind, start, end)
        for code in codes:
            observations.extend(
                Observation(
                    commune=code,
                    indicator=ident,
                    period=periods[i],
                    value=_model_value(
                        spec.measure, draw(spec.domain.values()), indicator.criterion_ids
                    ),
                    source=f"Báo cáo {periods[i]}",
                )
                for i in subset(draw, len(periods))
            )
    return Dataset(
        title="Bộ dữ liệu kiểm thử",
        committee=_COMMITTEE,
        terms=[term],
        communes=[_commune(c) for c in codes],
        indicators=indicators,
        targets=targets,
        observations=observations,
    )


def _target_value(draw: st.DrawFn, spec: Spec) -> Decimal:
    """Another target of the same kind (a commune's own target)."""
    if spec.measure is Measure.BOOLEAN:
        return Decimal(1)
    if spec.measure is Measure.CHECKLIST:
        return Decimal(draw(_integers(1, spec.criteria)))
    factor = 2 if spec.accumulation is Accumulation.SUM else 1
    return draw(spec.domain.values()) * factor


def met_target(
    draw: st.DrawFn, dataset: Dataset, as_of: pendulum.Date, *, ident: str = "zz_moi"
) -> tuple[Indicator, Target, list[Observation]]:
    """A new indicator, a target of it for one commune, and observations that meet it.

    The target is of the dataset's first term, for a commune valid throughout it whose code
    no other commune uses then. The observations are yearly and all count as of ``as_of``
    (on or after the end of the term's first calendar year); the target is the worst value
    among them (their total for ``sum``), so it is met whatever the accumulation.
    """
    term = dataset.terms[0]
    during = dataset.communes_during(term)
    codes = [c.code for c in during]
    candidates = [
        c
        for c in during
        if codes.count(c.code) == 1 and c.valid_on(term.start) and c.valid_on(term.end)
    ]
    if not candidates:
        raise InvalidArgument(
            "a met target is added to a commune valid throughout the dataset's first term; "
            "this dataset has none"
        )
    commune = pick(draw, candidates)
    taken = {i.id for i in dataset.indicators}
    while ident in taken:
        ident += "_"
    start, end = term.start, min(term.end, as_of)
    spec = _spec(draw, term.start, term.end, with_baseline=NEVER)
    indicator = attrs.evolve(
        _indicator(
            ident, _spec_inputs(spec, (term.start, term.end), commune.code, ident), spec.criteria
        ),
        weight=pick(draw, (Decimal(1), Decimal(2), Decimal("0.5"))),
    )
    years = periods_ending_within(PeriodKind.YEAR, start, end)
    chosen = [years[i] for i in subset(draw, len(years), at_least=1)]
    numbers = [draw(spec.domain.values()) for _ in chosen]
    if spec.measure is Measure.BOOLEAN:
        numbers = [Decimal(1)] * len(chosen)
    elif spec.measure is Measure.CHECKLIST:
        numbers = [max(n, Decimal(1)) for n in numbers]
    if spec.accumulation is Accumulation.SUM:
        value = sum(numbers, Decimal(0))
    else:  # the worst value meets every period, so also the latest and the mean
        value = min(numbers) if spec.direction is Direction.INCREASE else max(numbers)
    comparator = Comparator.GE if spec.direction is Direction.INCREASE else Comparator.LE
    target = Target(
        term=term.id,
        indicator=ident,
        scope=commune.code,
        comparator=comparator,
        value=value if spec.measure is not Measure.BOOLEAN else True,
    )
    observations = [
        Observation(
            commune=commune.code,
            indicator=ident,
            period=period,
            value=_model_value(spec.measure, n, indicator.criterion_ids),
            source="Báo cáo bổ sung",
        )
        for period, n in zip(chosen, numbers, strict=True)
    ]
    return indicator, target, observations
