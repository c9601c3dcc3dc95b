"""``assess``: every commune and the committee against every target of a term (SPEC §3)."""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterator
from typing import Protocol, runtime_checkable

import attrs
import pendulum

from mttq_core._gc import collection_paused
from mttq_core.model import (
    COMMITTEE,
    AcrossUnits,
    Commune,
    Dataset,
    Problem,
    Target,
    Term,
)
from mttq_core.model._period import PeriodError, date_argument

from ._cagr import CAGR
from ._errors import ScoringError
from ._grades import DEFAULT_GRADES, GradeBands
from ._inputs import committee_points, counted, for_unit, share_point, target_inputs
from ._linear import LINEAR
from ._rollup import CommuneSummary, order, ranked, summary
from ._types import Assessment, TargetInputs

__all__ = ["METHODS", "CommuneSummary", "Method", "Scorecard", "ScoringError", "assess"]


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

    def _repr_html_(self) -> str:
        from mttq_core.report._html import scorecard_html  # noqa: PLC0415 — edges load lazily

        return scorecard_html(self)


# -- arguments ---------------------------------------------------------------------------


def _as_of(value: object) -> pendulum.Date:
    try:
        return date_argument("as_of", value)
    except PeriodError as e:
        raise ScoringError(str(e), argument="as_of") from None


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
    with collection_paused():  # a province's scorecard: 100,000 objects, no cycle (mttq_core._gc)
        return _scorecard(dataset, chosen, day, how, grades)


def _scorecard(
    dataset: Dataset, chosen: Term, day: pendulum.Date, how: Method, grades: GradeBands
) -> Scorecard:
    """The scorecard of checked arguments: every commune's targets, then the committee's."""
    communes = sorted(dataset.communes_during(chosen), key=order)
    indicators = sorted(dataset.indicators, key=lambda i: i.id)
    weights = {i.id: i.weight for i in indicators}
    results: dict[Commune, list[Assessment]] = {}
    by_indicator: dict[str, list[Assessment]] = {}
    assessments: list[Assessment] = []
    # each target's inputs are built once, then given each commune's code and points; keyed by
    # id(target), each entry holds its target, so that no other object can take that id meanwhile
    shared: dict[int, tuple[Target, TargetInputs]] = {}
    for commune in communes:
        for indicator in indicators:
            target = dataset.target_for(chosen.id, indicator.id, commune)
            if target is None:
                continue
            points = counted(dataset.series(commune, indicator.id), chosen, day)
            known = shared.get(id(target))
            if known is not None:
                inputs = for_unit(known[1], commune.code, points)
            else:
                inputs = target_inputs(
                    commune.code, indicator, target, term=chosen, as_of=day, points=points
                )
                shared[id(target)] = (target, inputs)
            result = how(inputs)
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
            points = share_point(indicator, by_indicator.get(indicator.id, []), problems)
        else:
            points = committee_points(dataset, indicator, chosen, day, problems)
        committee.append(
            how(
                target_inputs(
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
        communes=ranked([(c, summary(c, results.get(c, []), weights, grades)) for c in communes]),
        committee=tuple(committee),
    )
