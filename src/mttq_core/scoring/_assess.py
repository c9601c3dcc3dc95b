"""``assess``: every commune and the committee against every target of a term (SPEC §3)."""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterator, Sequence
from decimal import Decimal
from typing import Protocol, runtime_checkable

import attrs
import pendulum

from mttq_core.model import (
    COMMITTEE,
    Accumulation,
    AcrossUnits,
    Commune,
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
from mttq_core.model._period import PeriodError, parse_date

from ._cagr import CAGR
from ._grades import DEFAULT_GRADES, Grade, GradeBands
from ._linear import LINEAR
from ._types import Assessment, Point, TargetInputs
from ._vocab import Status

__all__ = ["METHODS", "CommuneSummary", "Method", "Scorecard", "ScoringError", "assess"]


class ScoringError(ValueError):
    """An argument of :func:`assess` that cannot be used, or a target that cannot be computed.

    ``argument`` names the argument at fault (``"as_of"``, ``"term"``, ``"method"``,
    ``"grades"``) — ``None`` when the data is at fault, and then ``problems`` lists each
    target that cannot be computed with what is wrong.
    """

    def __init__(
        self, message: str, *, argument: str | None = None, problems: tuple[Problem, ...] = ()
    ) -> None:
        super().__init__(message)
        self.argument = argument
        self.problems = problems


ScoringError.__module__ = "mttq_core"


@runtime_checkable
class Method(Protocol):
    """A scoring method: an ``id`` and a function from one target's inputs to an assessment.

    Any object with these two members plugs into :func:`assess`; the law checker in
    ``mttq_core.testing`` checks it the way the built-in methods are checked.
    """

    @property
    def id(self) -> str:
        """A short identifier, shown in every assessment and explanation."""
        ...

    def __call__(self, inputs: TargetInputs) -> Assessment:
        """Assess one target for one unit."""
        ...


#: The built-in methods by id.
METHODS: dict[str, Method] = {"linear": LINEAR, "cagr": CAGR}


@attrs.frozen(kw_only=True)
class CommuneSummary:
    """One commune's roll-up over its targets (SPEC §3.6)."""

    commune: str
    name: str
    targets: int
    met: int
    by_status: dict[Status, int]
    score: Decimal | None
    coverage: Decimal | None
    grade: Grade | None
    rank: int | None


@attrs.frozen(kw_only=True)
class Scorecard:
    """The result of :func:`assess`: assessments, commune roll-ups and the committee's.

    ``assessments`` are ordered by commune code then indicator id, ``communes`` by rank
    (unranked last) then code, ``committee`` by indicator id — whatever the dataset's order.
    """

    title: str
    term: Term
    as_of: pendulum.Date
    method: str
    grades: GradeBands
    assessments: tuple[Assessment, ...]
    communes: tuple[CommuneSummary, ...]
    committee: tuple[Assessment, ...]

    def for_commune(self, code: str) -> tuple[Assessment, ...]:
        """The assessments of one commune."""
        return tuple(a for a in self.assessments if a.unit == code)

    def for_indicator(self, indicator: str) -> tuple[Assessment, ...]:
        """The assessments of one indicator, the committee's last."""
        own = tuple(a for a in self.assessments if a.indicator == indicator)
        return own + tuple(a for a in self.committee if a.indicator == indicator)

    def summary(self, code: str) -> CommuneSummary:
        """The roll-up of one commune; ``KeyError`` if it is not in the scorecard."""
        for s in self.communes:
            if s.commune == code:
                return s
        raise KeyError(f"commune {code!r} is not in this scorecard")

    def get(self, code: str, indicator: str) -> Assessment:
        """One assessment by commune code (or ``"committee"``) and indicator id."""
        pool = self.committee if code == COMMITTEE else self.assessments
        for a in pool:
            if a.unit == code and a.indicator == indicator:
                return a
        raise KeyError(f"no assessment of {indicator!r} for {code!r}")

    def __iter__(self) -> Iterator[Assessment]:
        return iter(self.assessments + self.committee)


# -- arguments ---------------------------------------------------------------------------


def _as_of(value: object) -> pendulum.Date:
    if isinstance(value, _dt.datetime):
        raise ScoringError(
            "as_of: expected a date, got a date and time; pass pendulum.Date", argument="as_of"
        )
    if isinstance(value, pendulum.Date):
        return value
    if isinstance(value, _dt.date):
        return pendulum.Date(value.year, value.month, value.day)
    if isinstance(value, str):
        try:
            return parse_date(value)
        except PeriodError as e:
            raise ScoringError(f"as_of: {e}", argument="as_of") from None
    raise ScoringError(
        f"as_of: expected a date (pendulum.Date or 'YYYY-MM-DD'), got {value!r}", argument="as_of"
    )


def _method(value: object) -> Method:
    if isinstance(value, str):
        if value in METHODS:
            return METHODS[value]
        known = ", ".join(repr(k) for k in METHODS)
        raise ScoringError(
            f"method: {value!r} is not a method; expected {known} or a Method object",
            argument="method",
        )
    if isinstance(value, Method) and isinstance(getattr(value, "id", None), str):
        return value
    raise ScoringError(
        f"method: {value!r} is not a method; expected 'linear', 'cagr' or an object with an "
        "'id' and a __call__(inputs) returning an Assessment",
        argument="method",
    )


def _term(dataset: Dataset, term: object, as_of: pendulum.Date) -> Term:
    known = ", ".join(repr(t.id) for t in dataset.terms) or "none"
    if term is not None:
        if isinstance(term, Term):
            term = term.id
        if isinstance(term, str):
            for t in dataset.terms:
                if t.id == term:
                    return t
        raise ScoringError(
            f"term: {term!r} is not a term of this dataset; known: {known}", argument="term"
        )
    containing = [t for t in dataset.terms if t.contains(as_of)]
    if containing:
        return max(containing, key=lambda t: (t.start, t.id))
    ended = [t for t in dataset.terms if t.end < as_of]
    if ended:
        return max(ended, key=lambda t: (t.end, t.id))
    raise ScoringError(
        f"term: no term contains {as_of.isoformat()} and none ended before it (known: {known}); "
        "pass term= or a later as_of",
        argument="as_of",
    )


# -- inputs ------------------------------------------------------------------------------


def _target_value(indicator: Indicator, target: Target) -> Decimal:
    value = target.value
    if indicator.measure is Measure.CHECKLIST and value is None:
        return Decimal(len(indicator.criteria))
    if isinstance(value, bool):
        return Decimal(int(value))
    if isinstance(value, Decimal):
        return value
    raise ScoringError(f"target of {indicator.id!r} has no numeric value")  # pragma: no cover


def _point(o: Observation) -> Point:
    return Point(period=o.period, value=o.number, source=o.source, revision=o.revision)


def _counted(series: Sequence[Observation], term: Term, as_of: pendulum.Date) -> tuple[Point, ...]:
    return tuple(
        _point(o)
        for o in series
        if term.start <= o.period.end <= term.end and o.period.end <= as_of
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


def _inputs(
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


def _share_target(target: Target) -> Decimal:
    if isinstance(target.value, Decimal):
        return target.value
    raise ScoringError(
        f"committee target of {target.indicator!r} needs a percent value"
    )  # pragma: no cover


# -- committee ---------------------------------------------------------------------------


def _aggregate(
    indicator: Indicator, period: Period, observations: list[Observation]
) -> tuple[Point | None, Problem | None]:
    rule = indicator.across_units
    n = len(observations)
    if rule is AcrossUnits.SUM:
        value = sum((o.number for o in observations), Decimal(0))
        how = f"tổng của {n} đơn vị"
    elif rule is AcrossUnits.MEAN:
        value = sum((o.number for o in observations), Decimal(0)) / n
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


def _committee_points(
    dataset: Dataset,
    indicator: Indicator,
    term: Term,
    as_of: pendulum.Date,
    problems: list[Problem],
) -> tuple[Point, ...]:
    own = {p.period: p for p in _counted(dataset.series(COMMITTEE, indicator.id), term, as_of)}
    by_period: dict[Period, list[Observation]] = {}
    if indicator.across_units is not None:
        for commune in dataset.communes:
            for o in dataset.series(commune, indicator.id):
                if term.start <= o.period.end <= term.end and o.period.end <= as_of:
                    by_period.setdefault(o.period, []).append(o)
    points: list[Point] = []
    for period in sorted(set(own) | set(by_period), key=lambda p: (p.end, p.start)):
        if period in own:
            points.append(own[period])
            continue
        point, problem = _aggregate(indicator, period, by_period[period])
        if problem is not None:
            problems.append(problem)
        elif point is not None:
            points.append(point)
    return tuple(points)


def _share_point(
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


# -- roll-ups ----------------------------------------------------------------------------


def _order(commune: Commune) -> tuple[str, pendulum.Date]:
    return (commune.code, commune.valid_from or pendulum.Date(1, 1, 1))


def _summary(
    commune: Commune, own: list[Assessment], weights: dict[str, Decimal], grades: GradeBands
) -> CommuneSummary:
    by_status = dict.fromkeys(Status, 0)
    for a in own:
        by_status[a.status] += 1
    total = sum((weights[a.indicator] for a in own), Decimal(0))
    with_data = [a for a in own if a.status is not Status.NO_DATA]
    data_weight = sum((weights[a.indicator] for a in with_data), Decimal(0))
    score = None
    if data_weight:
        earned = sum((weights[a.indicator] * a.score for a in with_data), Decimal(0))
        score = Decimal(100) * earned / data_weight
    return CommuneSummary(
        commune=commune.code,
        name=commune.name,
        targets=len(own),
        met=by_status[Status.EXCEEDED] + by_status[Status.ACHIEVED],
        by_status=by_status,
        score=score,
        coverage=data_weight / total if total else None,
        grade=grades.grade(score) if score is not None else None,
        rank=None,
    )


def _ranked(rows: list[tuple[Commune, CommuneSummary]]) -> tuple[CommuneSummary, ...]:
    """Rank by score, descending; ties share a rank (1, 2, 2, 4); unscored last, unranked."""
    scored = sorted(
        ((c, s) for c, s in rows if s.score is not None),
        key=lambda cs: (-(cs[1].score or Decimal(0)), _order(cs[0])),
    )
    out: list[CommuneSummary] = []
    for position, (_, summary) in enumerate(scored, start=1):
        rank = position
        if out and out[-1].score == summary.score:
            rank = out[-1].rank or position
        out.append(attrs.evolve(summary, rank=rank))
    unscored = sorted(((c, s) for c, s in rows if s.score is None), key=lambda cs: _order(cs[0]))
    return (*out, *(s for _, s in unscored))


# -- assess ------------------------------------------------------------------------------


def assess(
    dataset: Dataset,
    *,
    as_of: _dt.date | str,
    term: str | Term | None = None,
    method: str | Method = "linear",
    grades: GradeBands | None = None,
) -> Scorecard:
    """Assess every commune and the committee against every target of a term.

    Pure: no I/O and no clock — ``as_of`` is always given. ``term=None`` picks the term
    containing ``as_of``, else the latest one that ended before it.

    >>> import mttq_core
    >>> card = mttq_core.assess(mttq_core.example(), as_of="2022-04-18")
    >>> a = card.get("00583", "gia_dinh_van_hoa")
    >>> a.status.value, a.status.label, str(a.actual), str(a.target)
    ('behind', 'Chậm tiến độ', '95.69', '97')
    """
    day = _as_of(as_of)
    chosen = _term(dataset, term, day)
    how = _method(method)
    if grades is None:
        grades = DEFAULT_GRADES
    elif not isinstance(grades, GradeBands):
        raise ScoringError(
            f"grades: expected GradeBands (see GradeBands.of), got {grades!r}", argument="grades"
        )
    communes = sorted(dataset.communes_during(chosen), key=_order)
    indicators = sorted(dataset.indicators, key=lambda i: i.id)
    weights = {i.id: i.weight for i in indicators}
    results: dict[Commune, list[Assessment]] = {}
    by_indicator: dict[str, list[Assessment]] = {}
    assessments: list[Assessment] = []
    for commune in communes:
        for indicator in indicators:
            target = dataset.target_for(chosen.id, indicator.id, commune)
            if target is None:
                continue
            points = _counted(dataset.series(commune, indicator.id), chosen, day)
            result = how(
                _inputs(commune.code, indicator, target, term=chosen, as_of=day, points=points)
            )
            results.setdefault(commune, []).append(result)
            by_indicator.setdefault(indicator.id, []).append(result)
            assessments.append(result)
    problems: list[Problem] = []
    committee: list[Assessment] = []
    for indicator in indicators:
        target = dataset.committee_target(chosen.id, indicator.id)
        if target is None:
            continue
        share = indicator.across_units is AcrossUnits.SHARE_MET
        if share:
            points = _share_point(indicator, by_indicator.get(indicator.id, []), problems)
        else:
            points = _committee_points(dataset, indicator, chosen, day, problems)
        committee.append(
            how(
                _inputs(
                    COMMITTEE, indicator, target, term=chosen, as_of=day, points=points, share=share
                )
            )
        )
    if problems:
        lines = "; ".join(f"{p.path}: {p.message}" for p in problems)
        raise ScoringError(
            f"cannot assess the committee's targets: {lines}", problems=tuple(problems)
        )
    return Scorecard(
        title=dataset.title,
        term=chosen,
        as_of=day,
        method=how.id,
        grades=grades,
        assessments=tuple(assessments),
        communes=_ranked([(c, _summary(c, results.get(c, []), weights, grades)) for c in communes]),
        committee=tuple(committee),
    )
