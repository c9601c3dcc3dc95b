"""Strategies for the entities of the model (SPEC §2, §4), valid by construction.

Each public strategy checks its arguments when it is called, then builds every value from the
choices already made (measure → direction → accumulation → comparator → value; opening
balance → receipts → disbursements), so nothing is filtered out and nothing is rejected.
Numbers are drawn as small integers of a "raw" unit that shrink toward zero: hundredths of a
point for a percent, whole units for a count, 100 000 đồng for money, tenths for a quantity.

The ``build_*`` functions take hypothesis's ``draw`` and are shared with :mod:`._datasets`,
which places the same entities in one consistent dataset.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from decimal import Decimal
from typing import Any, Final

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
    Direction,
    Indicator,
    Measure,
    Milestone,
    Observation,
    Period,
    PeriodKind,
    Target,
    Term,
    Topic,
    Value,
)
from mttq_core.model._indicator import ACROSS_ALLOWED, SUM_MEASURES

from . import _vocabulary as vocab
from ._arguments import (
    check_members,
    check_period,
    check_strategy,
    draw_code,
    draw_instance,
)
from ._draw import ints
from ._time import MAX_DATE, MIN_DATE, TERM_YEARS, day_between, periods, shift, terms_any

__all__ = [
    "CODES",
    "IndicatorSpec",
    "Kind",
    "Scale",
    "any_value",
    "baselines",
    "build_indicator",
    "build_observation",
    "build_target",
    "committees",
    "communes",
    "criteria",
    "draw_scale",
    "indicator_spec",
    "indicators",
    "indicators_any",
    "level_value",
    "milestones",
    "number",
    "observations",
    "offsets",
    "or_default",
    "place_of",
    "targets",
    "topics",
]

# -- communes --------------------------------------------------------------------------------

_KNOWN: Final = tuple(unit for d in vocab.DISTRICTS for unit in d.communes)
#: 5-digit codes: the catalogue's first (they shrink to '00526'), then any.
CODES: Final = st.sampled_from(tuple(code for code, _k, _n in _KNOWN)) | st.integers(0, 99_999).map(
    "{:05d}".format
)
_NAMES: Final = tuple(dict.fromkeys(name for _c, _k, name in _KNOWN)) + vocab.NEW_NAMES
_PLACES: Final = ((None, None), *((d.province_code, d.code) for d in vocab.DISTRICTS))


def communes(
    *,
    codes: st.SearchStrategy[str] = CODES,
    kinds: Sequence[CommuneKind | str] = tuple(CommuneKind),
    valid_during: Period | None = None,
) -> st.SearchStrategy[Commune]:
    """Communes (xã, phường, thị trấn, đặc khu) with Vietnamese names.

    ``codes`` draws 5-digit codes; ``kinds`` are the kinds to use; ``valid_during``, a
    :class:`~mttq_core.Period`, makes every commune valid on each of its days (otherwise the
    validity bounds are drawn, each possibly open).
    """
    check_strategy("codes", codes, "st.sampled_from(['00583', '00565'])")
    chosen = check_members("kinds", kinds, CommuneKind)
    check_period("valid_during", valid_during)
    return _communes(codes, chosen, valid_during)


@st.composite
def _communes(
    draw: st.DrawFn,
    codes: st.SearchStrategy[str],
    kinds: tuple[CommuneKind, ...],
    during: Period | None,
) -> Commune:
    code = draw_code(draw, codes, "codes")
    province, district = draw(st.sampled_from(_PLACES))
    valid_from = valid_to = None
    if during is None:
        if draw(st.booleans()):
            valid_from = day_between(draw, MIN_DATE, MAX_DATE)
        if draw(st.booleans()):
            valid_to = day_between(draw, valid_from or MIN_DATE, MAX_DATE)
    else:
        if draw(st.booleans()):
            valid_from = day_between(draw, shift(during.start, -3650), during.start)
        if draw(st.booleans()):
            valid_to = day_between(draw, during.end, shift(during.end, 3650))
    return Commune(
        code=code,
        name=draw(st.sampled_from(_NAMES)),
        kind=draw(st.sampled_from(kinds)),
        district_code=district,
        province_code=province,
        valid_from=valid_from,
        valid_to=valid_to,
    )


def place_of(code: str) -> tuple[str, str]:
    """``('xã Bát Tràng', 'huyện Gia Lâm')`` for a catalogue code, generic words otherwise."""
    for d in vocab.DISTRICTS:
        for c, kind, name in d.communes:
            if c == code:
                return f"{vocab.kind_word(kind)} {name}", d.title
    return f"xã {code}", "huyện"


# -- indicators ------------------------------------------------------------------------------

_INCREASE_ONLY: Final = (Measure.BOOLEAN, Measure.CHECKLIST)
_NUMERIC: Final = (Measure.PERCENT, Measure.COUNT, Measure.MONEY, Measure.QUANTITY)
_WEIGHTS: Final = (Decimal(1), Decimal(2), Decimal("0.5"), Decimal("1.5"))
_CRITERIA: Final = tuple(Criterion(id=i, name=name) for i, name in vocab.CRITERIA)


def _fits(
    measure: Measure,
    direction: Direction | None = None,
    accumulation: Accumulation | None = None,
    across: AcrossUnits | None = None,
) -> bool:
    """Whether the indicator constructor accepts this combination (SPEC §2.1)."""
    if direction is Direction.DECREASE and measure in _INCREASE_ONLY:
        return False
    if accumulation is Accumulation.SUM and measure not in SUM_MEASURES:
        return False
    return across is None or measure in ACROSS_ALLOWED[across]


@attrs.frozen
class Kind:
    """Everything about an indicator but its measure (and, for a checklist, its criteria)."""

    direction: Direction
    template: vocab.Template
    accumulation: Accumulation
    across: AcrossUnits | None
    weight: Decimal


@attrs.frozen(repr=False)
class IndicatorSpec:
    """What an indicator may be: the measures, and per measure the kinds that fit it.

    Two draws make an indicator: its measure, then its kind; each kind list is ordered so
    that it shrinks toward increase, the first template, the first accumulation, no roll-up
    (when allowed) and weight 1.
    """

    names: tuple[Measure, ...]
    measures: st.SearchStrategy[Measure]
    kinds: dict[Measure, st.SearchStrategy[Kind]]

    def __repr__(self) -> str:
        # short: hypothesis shows it in the repr of every strategy built on it
        return f"IndicatorSpec(measures={[m.value for m in self.names]})"

    def _repr_pretty_(self, printer: Any, _cycle: bool) -> None:  # noqa: FBT001 — its protocol
        printer.text(repr(self))  # hypothesis's printer would list every field of an attrs class


_RULES: Final = (
    "boolean and checklist indicators only increase; accumulation 'sum' is only for count, "
    "money and quantity; across_units 'sum' is only for count, money and quantity, 'ratio' "
    "only for percent, 'mean' only for percent, count, money and quantity"
)


def _shown(values: Sequence[Any]) -> str:
    return "[" + ", ".join(repr(None if v is None else v.value) for v in values) + "]"


def indicator_spec(
    measures: object,
    directions: object,
    accumulations: object,
    across_units: object,
) -> IndicatorSpec:
    """Check the choices given for an indicator; ``None`` means every choice that fits.

    Every choice given explicitly must fit at least one of the others: asking for
    ``accumulations=["sum"]`` with ``measures=["percent"]`` is an error, not an empty strategy.
    """
    ms = tuple(Measure) if measures is None else check_members("measures", measures, Measure)
    ds = (
        tuple(Direction)
        if directions is None
        else check_members("directions", directions, Direction)
    )
    acs = (
        tuple(Accumulation)
        if accumulations is None
        else check_members("accumulations", accumulations, Accumulation)
    )
    us = (
        (None, *AcrossUnits)
        if across_units is None
        else check_members("across_units", across_units, AcrossUnits, none=True)
    )
    per_measure = {
        m: (
            tuple(d for d in ds if _fits(m, direction=d)),
            tuple(a for a in acs if _fits(m, accumulation=a)),
            tuple(u for u in us if _fits(m, across=u)),
        )
        for m in ms
    }
    usable = tuple(m for m in ms if all(per_measure[m]))
    chosen = (
        f"measures={_shown(ms)}, directions={_shown(ds)}, accumulations={_shown(acs)}, "
        f"across_units={_shown(us)}"
    )
    if not usable:
        raise InvalidArgument(f"no indicator fits {chosen}: {_RULES}")
    given: tuple[tuple[str, object, Sequence[Any], int | None], ...] = (
        ("measures", measures, ms, None),
        ("directions", directions, ds, 0),
        ("accumulations", accumulations, acs, 1),
        ("across_units", across_units, us, 2),
    )
    for name, value, members, slot in given:
        for member in () if value is None else members:
            if (
                member in usable
                if slot is None
                else any(member in per_measure[m][slot] for m in usable)
            ):
                continue
            shown = None if member is None else member.value
            raise InvalidArgument(
                f"{name} contains {shown!r}, which no indicator can have together with the "
                f"other choices ({chosen}): {_RULES}"
            )
    return IndicatorSpec(
        names=usable,
        measures=st.sampled_from(usable),
        kinds={
            m: st.sampled_from(
                [
                    Kind(d, t, a, u, w)
                    for d in per_measure[m][0]
                    for t in vocab.TEMPLATES[(m, d)]
                    for a in per_measure[m][1]
                    for u in per_measure[m][2]
                    for w in _WEIGHTS
                ]
            )
            for m in usable
        },
    )


def build_indicator(
    draw: st.DrawFn, spec: IndicatorSpec, taken: set[str] | None = None
) -> Indicator:
    """An indicator as ``spec`` allows; its id avoids the ids in ``taken`` (then joins them)."""
    measure = draw(spec.measures)
    kind = draw(spec.kinds[measure])
    template = kind.template
    criteria: tuple[Criterion, ...] = ()
    if measure is Measure.CHECKLIST:
        criteria = _CRITERIA[: draw(ints(1, len(_CRITERIA)))]
    return Indicator(
        id=vocab.fresh_id(template.id, taken),
        name=template.name,
        measure=measure,
        unit=template.unit,
        direction=kind.direction,
        accumulation=kind.accumulation,
        across_units=kind.across,
        weight=kind.weight,
        group=template.group,
        criteria=criteria,
    )


def indicators(
    *,
    measures: Sequence[Measure | str] | None = None,
    directions: Sequence[Direction | str] | None = None,
    accumulations: Sequence[Accumulation | str] | None = None,
    across_units: Sequence[AcrossUnits | str | None] | None = None,
) -> st.SearchStrategy[Indicator]:
    """Indicators named as committees name them (``"Tỷ lệ hộ nghèo"``, ``"%"``).

    Each argument lists the members (or ids) allowed, ``None`` for all that fit; the draw
    only combines choices the constructor accepts (``boolean`` and ``checklist`` only
    increase; ``sum`` only for count, money and quantity; ``ratio`` only for percent). Give
    ``None`` inside ``across_units`` to allow indicators that are never combined.
    """
    return _indicators(indicator_spec(measures, directions, accumulations, across_units))


@st.composite
def _indicators(draw: st.DrawFn, spec: IndicatorSpec) -> Indicator:
    return build_indicator(draw, spec)


# -- values ----------------------------------------------------------------------------------


@attrs.frozen
class _Raw:
    """Ranges, in raw units, of a measure's level, yearly step, target gap and commune offset."""

    level: tuple[int, int]
    step: tuple[int, int]
    gap: tuple[int, int]
    offset: tuple[int, int]


_RAW: Final = {
    Measure.PERCENT: _Raw((0, 10_000), (-300, 300), (0, 1_500), (-800, 800)),  # 0.01 point
    Measure.COUNT: _Raw((0, 60), (-5, 5), (0, 30), (-10, 10)),
    Measure.MONEY: _Raw((0, 20_000), (-2_000, 2_000), (0, 10_000), (-3_000, 3_000)),  # 100 000 đ
    Measure.QUANTITY: _Raw((-2_000, 2_000), (-50, 50), (0, 500), (-300, 300)),  # 0.1
}


@attrs.frozen
class Scale:
    """Where an indicator's values lie: the level at the term's start and a yearly step."""

    level: int
    step: int


def draw_scale(draw: st.DrawFn, ind: Indicator) -> Scale:
    """The scale of one indicator in one term (for a boolean, the level is the baseline)."""
    if ind.measure is Measure.BOOLEAN:
        return Scale(draw(ints(0, 1)), 0)
    if ind.measure is Measure.CHECKLIST:
        return Scale(draw(ints(0, len(ind.criteria))), draw(ints(0, 1)))
    raw = _RAW[ind.measure]
    return Scale(draw(ints(*raw.level)), draw(ints(*raw.step)))


def offsets(ind: Indicator, data: bytes) -> list[int]:
    """One offset per byte: how far a commune's series lies from the indicator's level.

    For a boolean, the offset is the year from which the commune meets it (0: from the first);
    for the others a signed number of raw units, 0 for a zero byte.
    """
    if ind.measure is Measure.BOOLEAN:
        return [b % (TERM_YEARS + 1) for b in data]
    span = len(ind.criteria) if ind.measure is Measure.CHECKLIST else _RAW[ind.measure].offset[1]
    return [(b if b < 128 else b - 256) * span // 128 for b in data]


def _clamp(measure: Measure, raw: int, criteria: int = 0) -> int:
    if measure is Measure.PERCENT:
        return min(max(raw, 0), 10_000)
    if measure in (Measure.COUNT, Measure.MONEY):
        return max(raw, 0)
    if measure is Measure.CHECKLIST:
        return min(max(raw, 0), criteria)
    return raw


def number(measure: Measure, raw: int) -> Decimal:
    """A raw unit count as the measure's number: ``9420`` → ``Decimal('94.2')`` for a percent."""
    raw = _clamp(measure, raw)
    if measure is Measure.PERCENT:
        return Decimal(raw) / 100
    if measure is Measure.MONEY:
        return Decimal(raw * 100_000)
    if measure is Measure.QUANTITY:
        return Decimal(raw) / 10
    return Decimal(raw)


def level_value(ind: Indicator, raw: int) -> Value:
    """A value of ``ind`` at ``raw``: a number, a yes/no, or the first criteria met."""
    if ind.measure is Measure.BOOLEAN:
        return raw > 0
    if ind.measure is Measure.CHECKLIST:
        return ind.criterion_ids[: _clamp(Measure.CHECKLIST, raw, len(ind.criteria))]
    return number(ind.measure, raw)


# -- targets ---------------------------------------------------------------------------------


def _comparators(ind: Indicator) -> tuple[Comparator, ...]:
    if ind.measure is Measure.BOOLEAN:
        return (Comparator.GE,)
    if ind.direction is Direction.INCREASE:
        return (Comparator.GE, Comparator.GT)
    return (Comparator.LE, Comparator.LT)


@functools.cache
def _shapes(
    comparators: tuple[Comparator, ...], extras: int
) -> st.SearchStrategy[tuple[Comparator, int]]:
    """A comparator and the extras of a target (1: a baseline, 2: a milestone) in one draw.

    ``extras`` is 4 when the target may have a baseline or milestones, else 1.
    """
    return st.sampled_from([(c, e) for e in range(extras) for c in comparators])


def build_target(draw: st.DrawFn, term: Term, ind: Indicator, scope: str, scale: Scale) -> Target:
    """A target of ``ind`` in ``term`` a little better than the level (SPEC §2, §2.1)."""
    if scope == COMMITTEE and ind.across_units is AcrossUnits.SHARE_MET:
        return _share_target(draw, term, ind, scope)
    m, acc = ind.measure, ind.accumulation
    sign = 1 if ind.direction is Direction.INCREASE else -1
    with_baseline = acc in (Accumulation.LATEST, Accumulation.MEAN)
    with_milestone = m in _NUMERIC and acc is not Accumulation.EACH_PERIOD
    comparator, extras = draw(
        _shapes(_comparators(ind), 4 if with_baseline or with_milestone else 1)
    )
    value: Value | None
    goal = scale.level
    if m is Measure.BOOLEAN:
        value = True
    elif m is Measure.CHECKLIST:
        required = draw(ints(0, len(ind.criteria)))  # 0: all of them (value omitted)
        value = Decimal(required) if required else None
    else:
        years = TERM_YEARS if acc is Accumulation.SUM else 1
        goal = years * scale.level + sign * draw(ints(*_RAW[m].gap))
        value = number(m, goal)
    baseline = None
    if with_baseline and extras & 1:
        baseline = Baseline(value=level_value(ind, scale.level), date=term.start)
    milestones: tuple[Milestone, ...] = ()
    if with_milestone and extras & 2:
        halfway = (scale.level + goal) // 2 if acc is not Accumulation.SUM else goal * 3 // 5
        milestones = (Milestone(period=Period.year(term.start.year + 2), value=number(m, halfway)),)
    return Target(
        term=term.id,
        indicator=ind.id,
        scope=scope,
        comparator=comparator,
        value=value,
        baseline=baseline,
        milestones=milestones,
    )


def _share_target(draw: st.DrawFn, term: Term, ind: Indicator, scope: str) -> Target:
    """A committee target of a ``share_met`` indicator: a percent of communes meeting theirs."""
    baseline = None
    if draw(st.booleans()):
        baseline = Baseline(value=Decimal(draw(ints(0, 100))), date=term.start)
    return Target(
        term=term.id,
        indicator=ind.id,
        scope=scope,
        comparator=draw(_RISING),
        value=Decimal(draw(ints(0, 100))),
        baseline=baseline,
    )


_RISING: Final = st.sampled_from((Comparator.GE, Comparator.GT))
_SCOPES: Final = st.sampled_from((ALL, COMMITTEE)) | CODES


def targets(
    *,
    indicators: st.SearchStrategy[Indicator] | None = None,
    terms: st.SearchStrategy[Term] | None = None,
    scopes: st.SearchStrategy[str] = _SCOPES,
) -> st.SearchStrategy[Target]:
    """Targets of a drawn indicator in a drawn term, for a drawn scope.

    The target fits the indicator it names (comparator, value, baseline, milestones) and the
    term (baseline dated on the term's start, milestones ending inside it). ``scopes`` draws
    ``"all"``, ``"committee"`` or 5-digit commune codes. Pass ``st.just(indicator)`` to aim
    at an indicator of your own.
    """
    ind_st = or_default(indicators, "indicators", indicators_any)
    term_st = or_default(terms, "terms", terms_any)
    check_strategy("scopes", scopes, "st.just('all')")
    return _targets(ind_st, term_st, scopes)


def or_default(value: object, name: str, fallback: Any) -> Any:
    """``value`` checked as a strategy, or ``fallback()`` (the default) when it is ``None``."""
    if value is None:
        return fallback()
    check_strategy(name, value, f"mttq_core.testing.{name}()")
    return value


def indicators_any() -> st.SearchStrategy[Indicator]:
    """``indicators()`` with its defaults (a default argument of other strategies)."""
    return indicators()


@st.composite
def _targets(
    draw: st.DrawFn,
    ind_st: st.SearchStrategy[Indicator],
    term_st: st.SearchStrategy[Term],
    scopes: st.SearchStrategy[str],
) -> Target:
    ind = draw_instance(draw, ind_st, "indicators", Indicator)
    term = draw_instance(draw, term_st, "terms", Term)
    scope = draw_code(draw, scopes, "scopes", committee=True, everyone=True)
    return build_target(draw, term, ind, scope, draw_scale(draw, ind))


# -- observations ----------------------------------------------------------------------------


def _hundredths(numerator: int, denominator: int) -> Decimal:
    """``100·numerator/denominator`` rounded to two places (within the ±0.05 allowed)."""
    return Decimal((numerator * 20_000 + denominator) // (2 * denominator)) / 100


def build_observation(
    ind: Indicator,
    code: str,
    period: Period,
    value: Value,
    *,
    source: str,
    households: int | None = None,
    derived: bool = False,
    reported_on: pendulum.Date | None = None,
    revision: int = 0,
) -> Observation:
    """An observation of ``value``; a percent with ``households`` carries the counts."""
    counts: dict[str, Any] = {"value": value}
    if households is not None and isinstance(value, Decimal):
        numerator = min(int(value * households / 100), households)
        counts = {"numerator": numerator, "denominator": households}
        if not derived:
            counts["value"] = _hundredths(numerator, households)
    return Observation(
        commune=code,
        indicator=ind.id,
        period=period,
        source=source,
        reported_on=reported_on,
        revision=revision,
        **counts,
    )


def any_value(draw: st.DrawFn, ind: Indicator) -> Value:
    if ind.measure is Measure.BOOLEAN:
        return draw(st.booleans())
    if ind.measure is Measure.CHECKLIST:
        return tuple(draw(st.lists(st.sampled_from(ind.criterion_ids), unique=True)))
    return number(ind.measure, draw(ints(*_RAW[ind.measure].level)))


def observations(
    *,
    indicators: st.SearchStrategy[Indicator] | None = None,
    codes: st.SearchStrategy[str] = CODES | st.just(COMMITTEE),
    periods: st.SearchStrategy[Period] | None = None,
) -> st.SearchStrategy[Observation]:
    """Observations of a drawn indicator, commune code (or ``"committee"``) and period.

    The value is valid for the indicator's measure; a percent may carry its numerator and
    denominator (its value then given to two places, or omitted and derived). Periods are
    calendar years by default.
    """
    ind_st = or_default(indicators, "indicators", indicators_any)
    check_strategy("codes", codes, "st.just('00583')")
    period_st = or_default(periods, "periods", _years)
    return _observations(ind_st, codes, period_st)


def _years() -> st.SearchStrategy[Period]:
    return periods(kinds=(PeriodKind.YEAR,))


def _report_name(period: Period) -> str:
    return f"năm {period}" if period.kind is PeriodKind.YEAR else f"kỳ {period}"


@st.composite
def _observations(
    draw: st.DrawFn,
    ind_st: st.SearchStrategy[Indicator],
    codes: st.SearchStrategy[str],
    period_st: st.SearchStrategy[Period],
) -> Observation:
    ind = draw_instance(draw, ind_st, "indicators", Indicator)
    code = draw_code(draw, codes, "codes", committee=True)
    period = draw_instance(draw, period_st, "periods", Period)
    households = None
    if ind.measure is Measure.PERCENT and draw(st.booleans()):
        households = draw(ints(1, 10_000))
    reported_on = None
    if draw(st.booleans()):
        reported_on = day_between(draw, period.end, shift(period.end, 120))
    return build_observation(
        ind,
        code,
        period,
        any_value(draw, ind),
        source=f"Báo cáo kết quả công tác Mặt trận {_report_name(period)}",
        households=households,
        derived=households is not None and draw(st.booleans()),
        reported_on=reported_on,
        revision=draw(ints(0, 2)),
    )


# -- the smaller parts, for st.from_type -----------------------------------------------------


@st.composite
def criteria(draw: st.DrawFn) -> Criterion:
    """One criterion of the Cuộc vận động checklist."""
    ident, name = draw(st.sampled_from(vocab.CRITERIA))
    return Criterion(id=ident, name=name)


@st.composite
def baselines(draw: st.DrawFn) -> Baseline:
    """A baseline: a percent on some day."""
    return Baseline(
        value=number(Measure.PERCENT, draw(ints(0, 10_000))),
        date=day_between(draw, MIN_DATE, MAX_DATE),
    )


@st.composite
def milestones(draw: st.DrawFn) -> Milestone:
    """A milestone: a percent to reach by the end of a year."""
    return Milestone(
        period=Period.year(draw(ints(MIN_DATE.year, MAX_DATE.year))),
        value=number(Measure.PERCENT, draw(ints(0, 10_000))),
    )


@st.composite
def committees(draw: st.DrawFn) -> Committee:
    """A district committee."""
    d = draw(st.sampled_from(vocab.DISTRICTS))
    return Committee(name=f"Ủy ban MTTQ Việt Nam {d.title}", unit_code=d.code)


@st.composite
def topics(draw: st.DrawFn) -> Topic:
    """A dataset's own session topic."""
    ident, name = draw(st.sampled_from(vocab.OWN_TOPICS))
    return Topic(id=ident, name=name)
