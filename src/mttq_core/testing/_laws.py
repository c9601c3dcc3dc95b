"""``check_method``: the laws of SPEC §3.7, checked against any scoring method.

A method is an object with an ``id`` and a ``__call__(inputs) -> Assessment`` (SPEC §3.6).
:func:`check_method` runs each law as a hypothesis test and, at the first law broken, raises
:class:`LawViolation` with the minimal counterexample hypothesis found: the dataset, the
target, and the two assessments that break the law.

Laws 1–4 and 6 are checked on one target's inputs (:func:`~mttq_core.testing.target_inputs`),
laws 5 and 7 on small whole datasets through :func:`mttq_core.assess`. Before the laws, and on
every call, the method must return an :class:`~mttq_core.Assessment` of the unit, indicator,
target and comparator it was given, under its own ``id``, with the status ``no_data`` exactly
when no observation counts, and without raising (check ``"sanity"``).

Where the SPEC's own formulas do not give a law in full, the checker asks exactly what the
SPEC guarantees; the minimal counterexamples are these:

* law 1, ``each_period`` progress: ``p_i = a_i / t`` (increase) and ``t / a_i`` (decrease)
  are monotone only for non-negative values and targets. A ``quantity`` may be negative:
  increase, ``>=``, ``t = -1``: ``a = -1`` gives ``p = 1``, the better ``a = 0`` gives
  ``p = 0``; decrease, ``<=``, ``t = 1``: ``a = 1`` gives ``p = 1``, the better ``a = -1``
  gives ``p = -1`` (statuses are monotone: both are met). Progress is compared only where
  it is monotone; statuses always.
* law 3, a status computed from compound growth (``cagr``, SPEC §3.5) of a ``latest``
  target: growth is only computable for positive base, target and current, and mirroring
  makes them negative. Increase, ``>=``, baseline 10 (2019), target 20, current 19 (2022),
  term 2019-04-01–2024-03-31, as_of 2023-01-01 → ``R ≈ 1.60``, ``on_track``; the mirror
  (decrease, ``<=``, -10, -20, -19) has the edge ``non_positive_value`` → ``behind``. So
  where one of the two assessments carries the edge ``non_positive_value``, the target is
  not met and the term is not over, the statuses are not compared (``p`` and ``met`` are).

Law 2 is checked where §3.3 defines ``p`` (a baseline, or ``b = 0`` for an increase; the
baseline not meeting the target; ``t ≠ b``); law 7 also asks that a target met when the term
is over counts as met in its commune's roll-up (every row of §3.4 makes it ``exceeded`` or
``achieved``). A method only sees :class:`~mttq_core.TargetInputs`, and ``assess`` calls it
in one order (communes by code, indicators by id, points in period order) whatever the
dataset's order — so a method breaks law 5 only by not being a pure function of its inputs
(a counter, a cache, a clock, randomness).
"""

from __future__ import annotations

import operator
from collections.abc import Callable, Iterable, Sequence
from decimal import Decimal
from typing import Any, Final

import attrs
import pendulum
from hypothesis import Phase, Verbosity, example, given, settings
from hypothesis import seed as hypothesis_seed
from hypothesis import strategies as st
from hypothesis.errors import Flaky, InvalidArgument

from mttq_core.model import (
    COMMITTEE,
    Accumulation,
    Comparator,
    Dataset,
    Direction,
    Measure,
    Period,
    Target,
)
from mttq_core.scoring import (
    Assessment,
    Edge,
    Method,
    Point,
    Scorecard,
    ScoringError,
    Status,
    TargetInputs,
    assess,
)
from mttq_core.serde import dumps

from ._inputs import (
    ALWAYS,
    NEVER,
    Case,
    cases,
    dataset_of,
    day,
    domain_of,
    flip,
    hundredths,
    met_target,
    pick,
    small_datasets,
    with_value,
)

__all__ = [
    "LAWS",
    "Failure",
    "LawViolation",
    "anchor_cases",
    "check_law",
    "check_method",
    "improvements",
    "later_as_of",
    "mirrored",
    "progress_is_monotone",
    "scaled",
    "shuffled",
    "with_met_target",
]

#: The laws of SPEC §3.7, in order: ``LAWS[n - 1]`` is law ``n``.
LAWS: Final = ("monotone", "anchors", "mirror", "scale", "permutation", "time", "rollup")

_STATEMENTS: Final = {
    "sanity": (
        "the method returns an Assessment of the unit, indicator, target and comparator it "
        "was given, under its own id, no_data exactly when no observation counts"
    ),
    "monotone": "a better actual value never gives a worse status or a smaller progress",
    "anchors": "p = 0 at the baseline and p = 1 at the target",
    "mirror": (
        "negating all values and flipping the direction and comparator leaves p and the "
        "status unchanged"
    ),
    "scale": (
        "multiplying baseline, target, milestones and values by a positive constant leaves "
        "p and the status unchanged"
    ),
    "permutation": (
        "reordering communes, targets or observations changes no assessment, score or rank"
    ),
    "time": "with no new observations, moving as_of later never turns behind into on_track",
    "rollup": (
        "adding a met target to a commune never lowers its met count; scores stay in [0, 100]"
    ),
}

#: The commune of the second inputs where a law compares two (so one dataset holds both).
SECOND_UNIT: Final = "00589"

_ZERO: Final = Decimal(0)
_COMPARE: Final[dict[Comparator, Callable[[Decimal, Decimal], bool]]] = {
    Comparator.GE: operator.ge,
    Comparator.GT: operator.gt,
    Comparator.LE: operator.le,
    Comparator.LT: operator.lt,
}
_FLIP: Final = {
    Comparator.GE: Comparator.LE,
    Comparator.GT: Comparator.LT,
    Comparator.LE: Comparator.GE,
    Comparator.LT: Comparator.GT,
}


def _met(value: Decimal, comparator: Comparator, target: Decimal) -> bool:
    """The SPEC's ``met`` (§3.3), written independently of the scoring code."""
    return _COMPARE[comparator](value, target)


def _order(status: Status) -> int:
    """A status's place from worst to best; ``no_data`` is below every other."""
    rank = status.rank
    return -1 if rank is None else rank


# -- what went wrong ---------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class Failure:
    """One broken law, as a law check finds it (before it becomes a :class:`LawViolation`)."""

    law: str
    problem: str
    first: Assessment | None = None
    second: Assessment | None = None
    inputs: tuple[TargetInputs, ...] = ()
    change: str = ""
    dataset: Dataset | None = None
    target: Target | None = None
    as_of: pendulum.Date | None = None
    term: str | None = None


class _Stop(Exception):  # noqa: N818 — a control-flow signal, not an error
    """Raised inside a law check when a call of the method fails the sanity check."""

    def __init__(self, failure: Failure) -> None:
        super().__init__(failure.problem)
        self.failure = failure


def _title(law: str) -> str:
    if law in LAWS:
        return f"law {LAWS.index(law) + 1} ({law})"
    return law


def _number(value: object) -> str:
    return "—" if value is None else str(value)


def _fields(a: Assessment | None) -> str:
    if a is None:
        return "—"
    edge = a.edge.value if a.edge is not None else "—"
    category = a.category.value if a.category is not None else "—"
    day = a.data_date.isoformat() if a.data_date is not None else "—"
    return (
        f"{a.unit}/{a.indicator} by {a.method!r}: status {a.status.value}, met {a.met}, "
        f"actual {_number(a.actual)}, target {a.comparator.value} {a.target}, "
        f"progress {_number(a.progress)}, expected {_number(a.expected)}, data date {day}, "
        f"edge {edge}, category {category}"
    )


def _describe_target(t: Target | None) -> str:
    if t is None:
        return "—"
    value = "—" if t.value is None else str(t.value)
    text = f"{t.indicator} {t.comparator.value} {value} (scope {t.scope}, term {t.term})"
    if t.baseline is not None:
        text += f", baseline {t.baseline.value} ({t.baseline.date.isoformat()})"
    if t.milestones:
        text += ", milestones " + ", ".join(f"{m.period}: {m.value}" for m in t.milestones)
    return text


class LawViolation(AssertionError):  # noqa: N818 — it is a failed check, named as such
    """A method broke a law of SPEC §3.7 — or the sanity check that precedes them.

    ``law`` is the law's name (one of :data:`LAWS`, or ``"sanity"``); ``dataset`` the
    counterexample as a dataset (``mttq_core.dumps(err.dataset)`` writes it; ``None`` only
    if the inputs cannot be written as one), ``target`` the target concerned, ``first`` and
    ``second`` the two assessments that break the law (``second`` is ``None`` for a law
    about one assessment), ``as_of`` and ``term`` what to assess the dataset with,
    ``inputs`` the method's inputs (empty for laws 5 and 7, which go through ``assess``),
    ``change`` how the second case differs from the first, and ``problem`` what went wrong.
    """

    def __init__(
        self,
        *,
        law: str,
        problem: str,
        dataset: Dataset | None,
        target: Target | None,
        first: Assessment | None,
        second: Assessment | None,
        as_of: pendulum.Date | None,
        term: str | None = None,
        inputs: tuple[TargetInputs, ...] = (),
        change: str = "",
        note: str = "",
    ) -> None:
        self.law = law
        self.problem = problem
        self.dataset = dataset
        self.target = target
        self.first = first
        self.second = second
        self.as_of = as_of
        self.term = term
        self.inputs = inputs
        self.change = change
        lines = [
            f"{_title(law)}: {_STATEMENTS.get(law, law)}",
            f"  broken: {problem}",
            f"  first:  {_fields(first)}",
            f"  second: {_fields(second)}",
        ]
        if change:
            lines.append(f"  change: {change}")
        day = as_of.isoformat() if as_of is not None else "—"
        lines.append(f"  as_of:  {day}")
        lines.append(f"  target: {_describe_target(target)}")
        if note:
            lines.append(f"  note:   {note}")
        if dataset is not None:
            lines.append(
                "  dataset (mttq_core.dumps; assess it with mttq_core.assess(mttq_core.loads"
                f"(text), as_of={day!r}, term={term!r}, method=...)):"
            )
            lines.append(dumps(dataset).rstrip("\n"))
        super().__init__("\n".join(lines))


LawViolation.__module__ = "mttq_core.testing"


def _spec(inputs: TargetInputs) -> tuple[object, ...]:
    return (
        inputs.indicator,
        inputs.measure,
        inputs.direction,
        inputs.accumulation,
        inputs.comparator,
        inputs.target,
        inputs.baseline,
        inputs.baseline_date,
        inputs.milestones,
    )


def _dataset_for(inputs: tuple[TargetInputs, ...]) -> Dataset | None:
    """One dataset holding both inputs when they differ only in commune and values."""
    together = (
        len(inputs) == 2
        and inputs[0].unit != inputs[1].unit
        and _spec(inputs[0]) == _spec(inputs[1])
    )
    for chosen in (inputs, inputs[:1]) if together else (inputs[:1],):
        try:
            return dataset_of(chosen)
        except ValueError:
            continue
    return None


def violation(failure: Failure, *, note: str = "") -> LawViolation:
    """The :class:`LawViolation` of a failure, with its dataset built from its inputs."""
    dataset, target = failure.dataset, failure.target
    if dataset is None and failure.inputs:
        dataset = _dataset_for(failure.inputs)
        if dataset is not None and target is None:
            target = dataset.targets[0]
    as_of = failure.as_of
    if as_of is None and failure.inputs:
        as_of = failure.inputs[0].as_of
    term = failure.term
    if term is None and dataset is not None and dataset.terms:
        term = dataset.terms[0].id
    return LawViolation(
        law=failure.law,
        problem=failure.problem,
        dataset=dataset,
        target=target,
        first=failure.first,
        second=failure.second,
        as_of=as_of,
        term=term,
        inputs=failure.inputs,
        change=failure.change,
        note=note,
    )


# -- calling the method ------------------------------------------------------------------


def _sanity_problem(method: Method, inputs: TargetInputs, result: object) -> str | None:
    if not isinstance(result, Assessment):
        return f"the method returned {type(result).__name__}, not an Assessment"
    for name, given_value, returned in (
        ("unit", inputs.unit, result.unit),
        ("indicator", inputs.indicator, result.indicator),
        ("target", inputs.target, result.target),
        ("comparator", inputs.comparator, result.comparator),
        ("method", method.id, result.method),
    ):
        if returned != given_value:
            return f"asked for {name} {given_value!r}, the method returned {name} {returned!r}"
    status: object = result.status
    if not isinstance(status, Status):
        return f"the status {status!r} is not a Status"
    for name in ("progress", "expected"):
        value = getattr(result, name)
        if value is not None and not isinstance(value, Decimal):
            return f"{name} {value!r} is not a Decimal (or None)"
    if result.status is Status.NO_DATA and inputs.points:
        return f"status no_data, but {len(inputs.points)} observation(s) count"
    if result.status is not Status.NO_DATA and not inputs.points:
        return f"status {result.status.value}, but no observation counts (SPEC §3.4: no_data)"
    return None


def assessment(method: Method, inputs: TargetInputs) -> Assessment:
    """``method(inputs)``, sanity-checked: raises ``_Stop`` with a ``sanity`` failure."""
    try:
        result: object = method(inputs)
    except Exception as e:  # a method must assess every valid input
        raise _Stop(
            Failure(
                law="sanity",
                problem=f"the method raised {type(e).__name__}: {e}",
                inputs=(inputs,),
            )
        ) from e
    problem = _sanity_problem(method, inputs, result)
    if problem is not None:
        returned = result if isinstance(result, Assessment) else None
        raise _Stop(Failure(law="sanity", problem=problem, first=returned, inputs=(inputs,)))
    assert isinstance(result, Assessment)  # noqa: S101 — checked just above
    return result


def _attempt(
    dataset: Dataset, as_of: pendulum.Date, method: Method, term: str | None = None
) -> Scorecard | str:
    """The scorecard, or the message of the ``ScoringError`` that ``assess`` raises."""
    try:
        return assess(dataset, as_of=as_of, term=term, method=method)
    except ScoringError as e:  # e.g. a committee target that cannot be combined
        return str(e)
    except Exception as e:  # the method itself failed
        raise _Stop(
            Failure(
                law="sanity",
                problem=f"assess raised {type(e).__name__} from the method: {e}",
                dataset=dataset,
                as_of=as_of,
                term=term,
            )
        ) from e


def _all_values(inputs: TargetInputs, value: Decimal) -> TargetInputs:
    return attrs.evolve(inputs, points=tuple(attrs.evolve(p, value=value) for p in inputs.points))


def _changed_values(first: TargetInputs, second: TargetInputs) -> str:
    changed = [
        f"{a.period}: {a.value} → {b.value}"
        for a, b in zip(first.points, second.points, strict=True)
        if a.value != b.value
    ]
    return ", ".join(changed) or "no value"


# -- law 1: monotone ---------------------------------------------------------------------


@st.composite
def improvements(
    draw: st.DrawFn, source: st.SearchStrategy[Case] | None = None
) -> tuple[TargetInputs, TargetInputs]:
    """Inputs, and the same inputs (for commune 00589) with one value made no worse.

    ``latest``: the last point (the only one that is the actual value); otherwise any point.
    ``source`` draws the cases (default: any case with at least one counted point).
    """
    case: Case = draw(cases(min_points=1) if source is None else source)
    inputs = case.inputs
    last = len(inputs.points) - 1
    index = last if inputs.accumulation is Accumulation.LATEST else pick(draw, range(last + 1))
    better = draw(case.domain.at_least_as_good(inputs.points[index].value, inputs.direction))
    return inputs, attrs.evolve(with_value(inputs, index, better), unit=SECOND_UNIT)


def progress_is_monotone(*inputs: TargetInputs) -> bool:
    """Whether §3.3 makes progress monotone in the values for these inputs.

    Gap closure ``(a − b)/(t − b)`` always is; ``each_period``'s ``p_i = a_i/t`` or
    ``t/a_i`` only for non-negative values and target (see the module docstring).
    """
    return all(
        i.accumulation is not Accumulation.EACH_PERIOD
        or (i.target >= _ZERO and all(p.value >= _ZERO for p in i.points))
        for i in inputs
    )


def _monotone(method: Method, pair: tuple[TargetInputs, TargetInputs]) -> Failure | None:
    worse, better = pair
    before, after = assessment(method, worse), assessment(method, better)
    change = f"the second is commune {better.unit} with {_changed_values(worse, better)} (better)"
    problem = None
    if _order(after.status) < _order(before.status):
        problem = (
            f"a better value gave a worse status: {before.status.value} → {after.status.value}"
        )
    elif (
        before.progress is not None
        and after.progress is not None
        and progress_is_monotone(worse, better)
        and after.progress < before.progress
    ):
        problem = f"a better value gave a smaller progress: {before.progress} → {after.progress}"
    if problem is None:
        return None
    return Failure(
        law="monotone", problem=problem, first=before, second=after, inputs=pair, change=change
    )


# -- law 2: anchors ----------------------------------------------------------------------


@st.composite
def anchor_cases(draw: st.DrawFn) -> Case:
    """Latest and mean targets with data; half of them with a baseline that leaves ``p`` defined.

    The other half keep whatever was drawn, edges (no baseline, met at baseline) included.
    """
    case: Case = draw(cases(accumulations=[Accumulation.LATEST, Accumulation.MEAN], min_points=1))
    inputs, domain = case.inputs, case.domain
    if flip(draw):
        return case
    step = Decimal(1).scaleb(-domain.places)
    t = inputs.target
    if inputs.direction is Direction.INCREASE and t - step >= domain.lo:
        baseline = draw(domain.values(hi=t - step))
    elif inputs.direction is Direction.DECREASE and t + step <= domain.hi:
        baseline = draw(domain.values(lo=t + step))
    else:
        return case
    date = inputs.baseline_date or inputs.term_start
    return Case(inputs=attrs.evolve(inputs, baseline=baseline, baseline_date=date), domain=domain)


def _anchors(method: Method, case: Case) -> Failure | None:
    inputs = case.inputs
    t = inputs.target
    b = inputs.baseline
    if b is None and inputs.direction is Direction.INCREASE:
        b = _ZERO
    if b is None or _met(b, inputs.comparator, t) or t == b:
        return None  # §3.3 leaves p undefined: there is nothing to anchor
    at_baseline = _all_values(inputs, b)
    at_target = attrs.evolve(_all_values(inputs, t), unit=SECOND_UNIT)
    first, second = assessment(method, at_baseline), assessment(method, at_target)
    problems = []
    if first.progress != 0:
        problems.append(f"p = {_number(first.progress)} at the baseline {b} (must be 0)")
    if second.progress != 1:
        problems.append(f"p = {_number(second.progress)} at the target {t} (must be 1)")
    if not problems:
        return None
    return Failure(
        law="anchors",
        problem="; ".join(problems),
        first=first,
        second=second,
        inputs=(at_baseline, at_target),
        change=(
            f"commune {at_baseline.unit} reports the baseline {b} every period, commune "
            f"{at_target.unit} the target {t}"
        ),
    )


# -- law 3: mirror -----------------------------------------------------------------------


def mirrored(inputs: TargetInputs) -> TargetInputs:
    """Every value negated, direction and comparator flipped."""
    flip = {Direction.INCREASE: Direction.DECREASE, Direction.DECREASE: Direction.INCREASE}
    return attrs.evolve(
        inputs,
        direction=flip[inputs.direction],
        comparator=_FLIP[inputs.comparator],
        target=-inputs.target,
        baseline=None if inputs.baseline is None else -inputs.baseline,
        points=tuple(attrs.evolve(p, value=-p.value) for p in inputs.points),
        milestones=tuple((period, -value) for period, value in inputs.milestones),
    )


def _mirror(method: Method, case: Case) -> Failure | None:
    original = assessment(method, case.inputs)
    mirror_inputs = mirrored(case.inputs)
    mirror = assessment(method, mirror_inputs)
    problem = None
    if mirror.progress != original.progress:
        problem = f"p changed: {_number(original.progress)} → {_number(mirror.progress)}"
    elif mirror.met != original.met:
        problem = f"met changed: {original.met} → {mirror.met}"
    elif mirror.status != original.status:
        out_of_domain = (
            Edge.NON_POSITIVE_VALUE in (original.edge, mirror.edge)
            and not original.met
            and not case.inputs.term_over
        )
        if not out_of_domain:
            problem = f"the status changed: {original.status.value} → {mirror.status.value}"
    if problem is None:
        return None
    return Failure(
        law="mirror",
        problem=problem,
        first=original,
        second=mirror,
        inputs=(case.inputs, mirror_inputs),
        change="the second has every value negated, and the direction and comparator flipped",
    )


# -- law 4: scale ------------------------------------------------------------------------


def scaled(inputs: TargetInputs, k: Decimal) -> TargetInputs:
    """Baseline, target, milestones and values multiplied by ``k``."""
    return attrs.evolve(
        inputs,
        target=inputs.target * k,
        baseline=None if inputs.baseline is None else inputs.baseline * k,
        points=tuple(attrs.evolve(p, value=p.value * k) for p in inputs.points),
        milestones=tuple((period, value * k) for period, value in inputs.milestones),
    )


def _scale(method: Method, drawn: tuple[Case, Decimal]) -> Failure | None:
    case, k = drawn
    original = assessment(method, case.inputs)
    scaled_inputs = scaled(case.inputs, k)
    result = assessment(method, scaled_inputs)
    problem = None
    for name in ("progress", "status", "met", "category"):
        before, after = getattr(original, name), getattr(result, name)
        if before != after:
            shown = [getattr(v, "value", v) for v in (before, after)]
            problem = f"{name} changed: {_number(shown[0])} → {_number(shown[1])}"
            break
    if problem is None:
        return None
    return Failure(
        law="scale",
        problem=problem,
        first=original,
        second=result,
        inputs=(case.inputs, scaled_inputs),
        change=f"the second has baseline, target, milestones and values multiplied by {k}",
    )


# -- law 6: time -------------------------------------------------------------------------


@st.composite
def later_as_of(draw: st.DrawFn) -> tuple[TargetInputs, TargetInputs]:
    """Inputs with as_of inside the term, and the same with a later as_of (no new points).

    The later day is anywhere up to the term's end, or in its last year, or its last day.
    """
    inputs = draw(cases(term_over=NEVER, min_points=1)).inputs
    end = inputs.term_end
    lo = pick(draw, (inputs.as_of, max(inputs.as_of, end.subtract(years=1)), end))
    later = day(draw, lo, end)
    return inputs, attrs.evolve(inputs, as_of=later)


def _time(method: Method, pair: tuple[TargetInputs, TargetInputs]) -> Failure | None:
    earlier, later = pair
    before, after = assessment(method, earlier), assessment(method, later)
    if before.status is not Status.BEHIND or after.status is not Status.ON_TRACK:
        return None
    return Failure(
        law="time",
        problem=(
            f"behind as of {earlier.as_of.isoformat()}, on_track as of "
            f"{later.as_of.isoformat()} with the same observations"
        ),
        first=before,
        second=after,
        inputs=pair,
        change=f"the second is assessed as of {later.as_of.isoformat()}",
    )


# -- law 5: permutation ------------------------------------------------------------------


def _dated(dataset: Dataset, draw: st.DrawFn) -> pendulum.Date:
    term = dataset.terms[0]
    return day(draw, term.start, term.end.add(days=400))


@st.composite
def shuffled(
    draw: st.DrawFn, source: st.SearchStrategy[Dataset] | None = None
) -> tuple[Dataset, Dataset, pendulum.Date]:
    """A dataset, the same with every collection reordered, and an as_of in or after its term.

    ``source`` draws the datasets (default: small datasets of one term).
    """
    dataset: Dataset = draw(small_datasets() if source is None else source)
    copy = attrs.evolve(
        dataset,
        communes=draw(st.permutations(dataset.communes)),
        indicators=draw(st.permutations(dataset.indicators)),
        targets=draw(st.permutations(dataset.targets)),
        observations=draw(st.permutations(dataset.observations)),
        working_sessions=draw(st.permutations(dataset.working_sessions)),
        funds=draw(st.permutations(dataset.funds)),
    )
    return dataset, copy, _dated(dataset, draw)


def _target_of(dataset: Dataset, a: Assessment, card: Scorecard) -> Target | None:
    term, as_of = card.term, card.as_of
    if a.unit == COMMITTEE:
        return dataset.committee_target(term.id, a.indicator)
    try:
        commune = dataset.commune(a.unit, min(max(as_of, term.start), term.end))
    except KeyError:
        return None
    return dataset.target_for(term.id, a.indicator, commune)


def _permutation(method: Method, drawn: tuple[Dataset, Dataset, pendulum.Date]) -> Failure | None:
    dataset, copy, as_of = drawn
    before, after = _attempt(dataset, as_of, method), _attempt(copy, as_of, method)
    change = "the second is the same dataset with every list reordered"
    if isinstance(before, str) or isinstance(after, str):
        if before == after:
            return None
        return Failure(
            law="permutation",
            problem=f"assess gave {before!r} for one order and {after!r} for the other",
            dataset=dataset,
            as_of=as_of,
            change=change,
        )
    pairs = zip(
        before.assessments + before.committee, after.assessments + after.committee, strict=False
    )
    for a, b in pairs:
        if a != b:
            return Failure(
                law="permutation",
                problem=f"the assessment of {a.unit}/{a.indicator} changed: {_differences(a, b)}",
                first=a,
                second=b,
                dataset=dataset,
                target=_target_of(dataset, a, before),
                as_of=as_of,
                term=before.term.id,
                change=change,
            )
    if before.communes != after.communes or len(before.assessments) != len(after.assessments):
        return Failure(
            law="permutation",
            problem=f"the commune roll-ups changed: {before.communes} → {after.communes}",
            dataset=dataset,
            as_of=as_of,
            change=change,
        )
    return None


def _differences(a: object, b: object, path: str = "") -> str:
    """Where two attrs objects differ (``explanation.notes: (…) → (…)``), the first three."""
    kind = type(a)
    if not (attrs.has(kind) and kind is type(b)):
        return f"{path or 'value'}: {a!r} → {b!r}"
    found = [
        _differences(getattr(a, f.name), getattr(b, f.name), f"{path}.{f.name}".lstrip("."))
        for f in attrs.fields(kind)
        if getattr(a, f.name) != getattr(b, f.name)
    ]
    return "; ".join(found[:3])


# -- law 7: roll-up ----------------------------------------------------------------------


@st.composite
def with_met_target(
    draw: st.DrawFn, source: st.SearchStrategy[Dataset] | None = None
) -> tuple[Dataset, Dataset, Target, pendulum.Date]:
    """A dataset, the same with one more target met by one commune, that target, as_of.

    ``as_of`` is inside the term (after its first calendar year ends, so that an
    observation counts) or after it, half the time each.
    """
    dataset: Dataset = draw(small_datasets() if source is None else source)
    term = dataset.terms[0]
    if flip(draw):
        as_of = day(draw, term.end, term.end.add(days=400))
    else:
        as_of = day(draw, pendulum.Date(term.start.year, 12, 31), term.end.subtract(days=1))
    indicator, target, observations = met_target(draw, dataset, as_of)
    more = attrs.evolve(
        dataset,
        indicators=(*dataset.indicators, indicator),
        targets=(*dataset.targets, target),
        observations=(*dataset.observations, *observations),
    )
    return dataset, more, target, as_of


def _rollup(
    method: Method, drawn: tuple[Dataset, Dataset, Target, pendulum.Date]
) -> Failure | None:
    dataset, more, target, as_of = drawn
    before = _attempt(dataset, as_of, method, target.term)
    after = _attempt(more, as_of, method, target.term)

    def failed(problem: str, added: Assessment | None = None) -> Failure:
        return Failure(
            law="rollup",
            problem=problem,
            first=added,
            dataset=more,
            target=target,
            as_of=as_of,
            term=target.term,
            change=f"the target of {target.indicator} for {target.scope} was added, and met",
        )

    if isinstance(before, str) or isinstance(after, str):
        # the committee's targets are unchanged, so the same error must come back
        if before == after:
            return None
        return failed(f"adding the target changed what assess gives: {before!r} → {after!r}")
    code = target.scope
    added = after.get(code, target.indicator)
    old, new = before.summary(code), after.summary(code)
    over = as_of >= more.term(target.term).end
    problem = None
    if new.targets != old.targets + 1:
        problem = f"the commune's target count went from {old.targets} to {new.targets}"
    elif new.met < old.met:
        problem = f"the commune's met count fell from {old.met} to {new.met}"
    elif over and new.met != old.met + 1:
        problem = (
            f"the target is met and the term is over, but the commune's met count went from "
            f"{old.met} to {new.met} (the method says {added.status.value})"
        )
    else:
        for s in after.communes:
            if s.score is not None and not _ZERO <= s.score <= 100:
                problem = f"commune {s.commune} scores {s.score}, outside [0, 100]"
            elif s.coverage is not None and not _ZERO <= s.coverage <= 1:
                problem = f"commune {s.commune} has coverage {s.coverage}, outside [0, 1]"
    return None if problem is None else failed(problem, added)


# -- sanity ------------------------------------------------------------------------------


def _sanity(method: Method, case: Case) -> Failure | None:
    assessment(method, case.inputs)
    return None


# -- explicit examples: the limits of the module docstring, and a rounding trap ----------


def _inputs(
    *,
    direction: Direction,
    accumulation: Accumulation,
    comparator: Comparator,
    target: str,
    start: pendulum.Date,
    end: pendulum.Date,
    as_of: pendulum.Date,
    values: Sequence[tuple[int, str]],
    baseline: tuple[str, pendulum.Date] | None = None,
) -> TargetInputs:
    return TargetInputs(
        unit="00583",
        indicator="ct0",
        measure=Measure.QUANTITY,
        direction=direction,
        accumulation=accumulation,
        comparator=comparator,
        target=Decimal(target),
        term_start=start,
        term_end=end,
        as_of=as_of,
        points=tuple(
            Point(period=Period.year(year), value=Decimal(v), source="Báo cáo")
            for year, v in values
        ),
        baseline=None if baseline is None else Decimal(baseline[0]),
        baseline_date=None if baseline is None else baseline[1],
    )


def _each_period_pair(direction: Direction, target: str, worse: str, better: str) -> Any:
    comparator = Comparator.GE if direction is Direction.INCREASE else Comparator.LE
    inputs = _inputs(
        direction=direction,
        accumulation=Accumulation.EACH_PERIOD,
        comparator=comparator,
        target=target,
        start=pendulum.Date(2019, 1, 1),
        end=pendulum.Date(2023, 12, 31),
        as_of=pendulum.Date(2020, 6, 30),
        values=[(2019, worse)],
    )
    return (inputs, attrs.evolve(with_value(inputs, 0, Decimal(better)), unit=SECOND_UNIT))


_QUANTITY: Final = domain_of(Measure.QUANTITY)

#: law 3: cagr's on_track becomes behind in the mirror (edge non_positive_value).
_CAGR_MIRROR: Final = Case(
    inputs=_inputs(
        direction=Direction.INCREASE,
        accumulation=Accumulation.LATEST,
        comparator=Comparator.GE,
        target="20",
        start=pendulum.Date(2019, 4, 1),
        end=pendulum.Date(2024, 3, 31),
        as_of=pendulum.Date(2023, 1, 1),
        values=[(2022, "19")],
        baseline=("10", pendulum.Date(2019, 1, 1)),
    ),
    domain=_QUANTITY,
)

#: law 4: a mean whose progress equals the expected progress exactly: p = (7.3/3)/4.06 =
#: 365/609 and e = 1095/1827 days = 365/609, so on_track (p >= e). Rounding the mean before
#: dividing puts p a unit of the 28th digit below e (behind) — but not times 3.
_MEAN_DOUBLE_ROUNDING: Final = Case(
    inputs=_inputs(
        direction=Direction.INCREASE,
        accumulation=Accumulation.MEAN,
        comparator=Comparator.GE,
        target="4.06",
        start=pendulum.Date(2019, 1, 1),
        end=pendulum.Date(2024, 1, 2),
        as_of=pendulum.Date(2022, 1, 1),
        values=[(2019, "7.3"), (2020, "0"), (2021, "0")],
        baseline=("0", pendulum.Date(2019, 1, 1)),
    ),
    domain=_QUANTITY,
)


# -- the laws ----------------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class _Law:
    name: str
    strategy: Callable[[], st.SearchStrategy[Any]]
    check: Callable[[Method, Any], Failure | None]
    examples: tuple[Any, ...] = ()


_CHECKS: Final = {
    law.name: law
    for law in (
        _Law(name="sanity", strategy=cases, check=_sanity),
        _Law(
            name="monotone",
            strategy=improvements,
            check=_monotone,
            examples=(
                _each_period_pair(Direction.INCREASE, "-1", "-1", "0"),
                _each_period_pair(Direction.DECREASE, "1", "1", "-1"),
            ),
        ),
        _Law(name="anchors", strategy=anchor_cases, check=_anchors),
        _Law(
            name="mirror",
            strategy=lambda: cases(
                measures=[Measure.QUANTITY],
                accumulations=[Accumulation.LATEST, Accumulation.MEAN],
                with_baseline=ALWAYS,  # a decrease without baseline has no p (edge no_baseline)
                min_points=1,
            ),
            check=_mirror,
            examples=(_CAGR_MIRROR,),
        ),
        _Law(
            name="scale",
            strategy=lambda: st.tuples(
                cases(measures=[Measure.QUANTITY], min_points=1),
                hundredths(Decimal("0.01"), Decimal(1000)),
            ),
            check=_scale,
            examples=((_MEAN_DOUBLE_ROUNDING, Decimal(3)),),
        ),
        _Law(name="permutation", strategy=shuffled, check=_permutation),
        _Law(name="time", strategy=later_as_of, check=_time),
        _Law(name="rollup", strategy=with_met_target, check=_rollup),
    )
}


def _verdict(law: _Law, method: Method, case: Any) -> Failure | None:
    try:
        return law.check(method, case)
    except _Stop as stop:
        return stop.failure


def check_law(law: str, method: Method, case: Any) -> None:
    """Check one law on one drawn case; raise :class:`LawViolation` if it is broken.

    ``case`` is what the law's strategy draws (e.g. :func:`improvements` for
    ``"monotone"``, :func:`shuffled` for ``"permutation"``): for property tests of your own
    that draw the cases differently.
    """
    failure = _verdict(_CHECKS[law], method, case)
    if failure is not None:
        raise violation(failure)


def _run(law: _Law, method: Method, config: settings, seed: int | None) -> None:
    found: list[Failure] = []

    def law_holds(case: Any) -> None:
        failure = _verdict(law, method, case)
        if failure is not None:
            found.append(failure)  # hypothesis replays the minimal failing case last
            raise AssertionError(failure.problem)

    test = given(law.strategy())(law_holds)
    for case in law.examples:
        test = example(case)(test)
    test = config(test)
    if seed is not None:
        test = hypothesis_seed(seed)(test)
    try:
        test()
    except Exception as err:
        if not found:
            raise
        note = ""
        if isinstance(err, Flaky):
            note = (
                "hypothesis could not make this case fail again: the method does not give "
                "the same answer to the same inputs (state, a clock, randomness?)"
            )
        raise violation(found[-1], note=note) from err


def check_method(
    method: Method,
    *,
    max_examples: int = 100,
    laws: Iterable[str] = LAWS,
    derandomize: bool | None = None,
    seed: int | None = None,
) -> None:
    """Check a scoring method against the laws of SPEC §3.7; raise :class:`LawViolation`.

    Runs the sanity check, then each law in ``laws`` (default: all seven, see :data:`LAWS`)
    as a hypothesis test of ``max_examples`` examples, and stops at the first law broken
    with its minimal counterexample. ``derandomize=True`` or a ``seed`` make the run
    reproducible (``derandomize=None``: as the current hypothesis settings profile says).
    Use it as one line inside a test (not inside a ``@given`` test):

    >>> from mttq_core import LINEAR
    >>> check_method(LINEAR, max_examples=10)
    """
    if not isinstance(getattr(method, "id", None), str) or not callable(method):
        raise InvalidArgument(
            f"method={method!r} is not a method: expected an object with an 'id' (a str) "
            "and a __call__(inputs) returning an Assessment"
        )
    chosen = list(laws) if not isinstance(laws, str) else [laws]
    unknown = [law for law in chosen if law not in LAWS]
    if unknown:
        raise InvalidArgument(f"laws={unknown!r}: unknown; the laws are {', '.join(LAWS)}")
    if derandomize is not None and not isinstance(derandomize, bool):
        raise InvalidArgument(f"derandomize={derandomize!r} must be True, False or None")
    if seed is not None and (isinstance(seed, bool) or not isinstance(seed, int)):
        raise InvalidArgument(f"seed={seed!r} must be an integer or None")
    config = settings(
        max_examples=max_examples,
        database=None,
        deadline=None,
        report_multiple_bugs=False,
        verbosity=Verbosity.quiet,
        phases=(Phase.explicit, Phase.reuse, Phase.generate, Phase.target, Phase.shrink),
    )
    if derandomize is not None:  # else as the current settings profile says
        config = settings(config, derandomize=derandomize)
    for name in ("sanity", *(law for law in LAWS if law in chosen)):
        _run(_CHECKS[name], method, config, seed)
