"""``check_method`` catches broken methods with a useful counterexample; ``target_inputs``."""

from __future__ import annotations

import random
from decimal import Decimal

import attrs
import pendulum
import pytest
from broken_methods import BROKEN, SwappedExceeded
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

import mttq_core as m
from mttq_core.testing._inputs import ALWAYS, NEVER, dataset_of, target_inputs
from mttq_core.testing._laws import LAWS, LawViolation, check_method

# -- broken methods ----------------------------------------------------------------------

CASES = [pytest.param(method, law, id=name) for name, (method, law) in BROKEN.items()]


def _caught(method: m.Method, **kwargs: object) -> LawViolation:
    with pytest.raises(LawViolation) as info:
        check_method(method, max_examples=200, derandomize=True, **kwargs)  # type: ignore[arg-type]
    return info.value


def _shown(a: m.Assessment) -> str:
    return f"{a.unit}/{a.indicator} by {a.method!r}: status {a.status.value}, met {a.met}"


@pytest.mark.parametrize(("method", "law"), CASES)
def test_check_method_names_the_law_and_shows_the_counterexample(
    method: m.Method, law: str
) -> None:
    err = _caught(method)
    assert err.law == law
    text = str(err)
    heading = f"law {LAWS.index(law) + 1} ({law}): " if law in LAWS else "sanity: "
    assert text.startswith(heading)
    assert err.problem in text
    assert err.dataset is not None
    assert m.loads(m.dumps(err.dataset)) == err.dataset
    assert m.dumps(err.dataset).rstrip("\n") in text  # the dataset, as JSON
    assert err.target is not None
    assert err.target in err.dataset.targets
    assert err.as_of is not None
    assert f"as_of:  {err.as_of.isoformat()}" in text
    for a in (err.first, err.second):
        if a is not None:
            assert _shown(a) in text
    if law not in ("rollup", "sanity"):  # the laws that compare two assessments
        assert err.first is not None
        assert err.second is not None


@pytest.mark.parametrize(("method", "law"), [c for c in CASES if c.values[1] != "sanity"])
def test_each_broken_method_breaks_only_its_law(method: m.Method, law: str) -> None:
    check_method(method, max_examples=30, derandomize=True, laws=[x for x in LAWS if x != law])


@pytest.mark.parametrize(
    ("method", "law"), [c for c in CASES if c.values[1] not in ("permutation", "sanity")]
)
def test_the_counterexample_dataset_gives_the_same_assessments(method: m.Method, law: str) -> None:
    """Load the dataset, assess it as of the date shown: the assessments come back."""
    err = _caught(method, laws=[law])
    assert err.dataset is not None
    assert err.first is not None
    term = err.dataset.terms[0].id

    def assessed(a: m.Assessment, as_of: object) -> m.Assessment:
        card = m.assess(err.dataset, as_of=as_of, term=term, method=method)  # type: ignore[arg-type]
        return card.get(a.unit, a.indicator)

    assert assessed(err.first, err.as_of) == err.first
    if law in ("monotone", "anchors"):  # one commune for each case, in one dataset
        assert err.second is not None
        assert assessed(err.second, err.as_of) == err.second
        assert {c.code for c in err.dataset.communes} == {err.first.unit, err.second.unit}
    if law == "time":
        assert err.second is not None
        assert assessed(err.second, err.inputs[1].as_of) == err.second
    if law != "rollup":
        assert err.inputs
        assert method(err.inputs[0]) == err.first


def test_a_counterexample_is_shrunk() -> None:
    err = _caught(SwappedExceeded())
    assert err.dataset is not None
    assert len(err.dataset.observations) == 2  # one value, and the better one
    assert err.first is not None
    assert err.first.status is m.Status.EXCEEDED


def test_derandomize_and_seed_reproduce_the_same_counterexample() -> None:
    assert str(_caught(SwappedExceeded())) == str(_caught(SwappedExceeded()))
    with pytest.raises(LawViolation) as one:
        check_method(SwappedExceeded(), max_examples=300, seed=20240501)
    with pytest.raises(LawViolation) as two:
        check_method(SwappedExceeded(), max_examples=300, seed=20240501)
    assert str(one.value) == str(two.value)


@attrs.define
class Coin:
    """Flips a coin between on_track and behind for every target not met."""

    id: str = "coin"
    rng: random.Random = attrs.field(factory=lambda: random.Random(2024))  # noqa: S311 — on purpose

    def __call__(self, inputs: m.TargetInputs) -> m.Assessment:
        a = m.linear_assessment(inputs, self.id)
        if a.status in (m.Status.ON_TRACK, m.Status.BEHIND):
            heads = self.rng.random() < 0.5
            return attrs.evolve(a, status=m.Status.ON_TRACK if heads else m.Status.BEHIND)
        return a


def test_a_method_that_is_not_a_function_of_its_inputs_is_still_reported() -> None:
    """Hypothesis cannot replay a random failure (Flaky): the violation is reported anyway."""
    with pytest.raises(LawViolation) as info:
        check_method(Coin(), max_examples=50, derandomize=True)
    assert info.value.law in LAWS
    assert "could not make this case fail again" in str(info.value)


def test_a_law_violation_is_an_assertion_error() -> None:
    assert issubclass(LawViolation, AssertionError)


def test_check_method_can_run_chosen_laws() -> None:
    check_method(BROKEN["final_push"][0], max_examples=20, laws=["monotone", "anchors"])
    check_method(m.CAGR, max_examples=10, laws=[])  # the sanity check alone


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"method": lambda inputs: inputs}, "is not a method"),
        ({"method": m.LINEAR, "laws": ["speed"]}, "unknown; the laws are monotone"),
        (
            {"method": m.LINEAR, "derandomize": "yes"},
            "derandomize='yes' must be True, False or None",
        ),
        ({"method": m.LINEAR, "seed": 1.5}, "seed=1.5 must be an integer or None"),
        ({"method": m.LINEAR, "max_examples": 0}, "max_examples=0"),
    ],
)
def test_check_method_rejects_bad_arguments(kwargs: dict[str, object], message: str) -> None:
    with pytest.raises(InvalidArgument, match=message):
        check_method(**kwargs)  # type: ignore[arg-type]


def test_check_method_accepts_one_law_by_name() -> None:
    check_method(m.LINEAR, max_examples=5, laws="time")


# -- target_inputs -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"measures": "percent"}, "measures='percent' must be a collection of Measure"),
        ({"measures": []}, "measures is empty"),
        ({"measures": ["speed"]}, "measures contains 'speed'"),
        ({"accumulations": ["total"]}, "accumulations contains 'total'"),
        (
            {"measures": ["percent", "boolean"], "accumulations": ["sum"]},
            r"no measure of measures=\('percent', 'boolean'\) allows",
        ),
        ({"with_baseline": True}, "with_baseline=True must be a hypothesis strategy"),
        ({"term_over": None}, "term_over=None must be a hypothesis strategy"),
        ({"min_points": 5}, "min_points=5 must be an integer from 0 to 4"),
        ({"min_points": True}, "min_points=True must be an integer from 0 to 4"),
        ({"positive": 1}, "positive=1 must be True or False"),
    ],
)
def test_target_inputs_rejects_bad_arguments(kwargs: dict[str, object], message: str) -> None:
    with pytest.raises(InvalidArgument, match=message):
        target_inputs(**kwargs)  # type: ignore[arg-type]


def test_target_inputs_checks_what_its_strategies_draw() -> None:
    @settings(max_examples=5, database=None)
    @given(target_inputs(with_baseline=st.just(1), accumulations=["latest"]))  # type: ignore[arg-type]
    def draws(inputs: m.TargetInputs) -> None:
        raise AssertionError  # pragma: no cover - never drawn

    with pytest.raises(InvalidArgument, match="with_baseline drew 1; it must draw True or False"):
        draws()


@settings(max_examples=200, database=None)
@given(
    target_inputs(
        measures=["count", "quantity", m.Measure.PERCENT],
        accumulations=["sum", "latest"],
        with_baseline=ALWAYS,
        term_over=ALWAYS,
        min_points=2,
        positive=True,
    )
)
def test_target_inputs_draws_what_it_is_asked_for(inputs: m.TargetInputs) -> None:
    assert inputs.measure in (m.Measure.COUNT, m.Measure.QUANTITY, m.Measure.PERCENT)
    assert inputs.accumulation in (m.Accumulation.SUM, m.Accumulation.LATEST)
    assert inputs.measure is not m.Measure.PERCENT or inputs.accumulation is m.Accumulation.LATEST
    assert inputs.term_over
    assert len(inputs.points) >= 2
    assert (inputs.baseline is not None) == (inputs.accumulation is m.Accumulation.LATEST)
    assert all(p.value > 0 for p in inputs.points)
    assert inputs.target > 0
    periods = [p.period for p in inputs.points]
    assert periods == sorted(periods, key=lambda p: p.end)
    assert all(inputs.term_start <= p.end <= min(inputs.term_end, inputs.as_of) for p in periods)


@settings(max_examples=100, database=None)
@given(target_inputs(term_over=NEVER, with_baseline=NEVER))
def test_target_inputs_mid_term_without_baseline(inputs: m.TargetInputs) -> None:
    assert not inputs.term_over
    assert inputs.baseline is None
    assert inputs.baseline_date is None


# -- dataset_of --------------------------------------------------------------------------


@pytest.mark.parametrize("method", [m.LINEAR, m.CAGR], ids=["linear", "cagr"])
@settings(max_examples=300, database=None)
@given(inputs=target_inputs())
def test_dataset_of_gives_back_the_inputs(method: m.Method, inputs: m.TargetInputs) -> None:
    """Assessing the dataset gives what the method gives for the inputs themselves."""
    ds = dataset_of([inputs])
    assert m.loads(m.dumps(ds)) == ds
    card = m.assess(ds, as_of=inputs.as_of, term=ds.terms[0].id, method=method)
    assert card.get(inputs.unit, inputs.indicator) == method(inputs)


def _inputs(measure: m.Measure, target: str, *values: str) -> m.TargetInputs:
    return m.TargetInputs(
        unit="00583",
        indicator="ct0",
        measure=measure,
        direction=m.Direction.INCREASE,
        accumulation=m.Accumulation.LATEST,
        comparator=m.Comparator.GE,
        target=Decimal(target),
        term_start=pendulum.Date(2019, 4, 12),
        term_end=pendulum.Date(2024, 4, 30),
        as_of=pendulum.Date(2022, 4, 18),
        points=tuple(
            m.Point(period=m.Period.year(2019 + i), value=Decimal(v), source="Báo cáo")
            for i, v in enumerate(values)
        ),
    )


def test_dataset_of_writes_booleans_and_checklists_back() -> None:
    ds = dataset_of([_inputs(m.Measure.BOOLEAN, "1", "0", "1")])
    assert [o.value for o in ds.observations] == [False, True]
    assert ds.targets[0].value is True
    ds = dataset_of([_inputs(m.Measure.CHECKLIST, "2", "3", "0")])
    assert ds.indicators[0].criterion_ids == ("tc1", "tc2", "tc3")
    assert [o.value for o in ds.observations] == [("tc1", "tc2", "tc3"), ()]


def test_dataset_of_one_target_per_commune_when_they_differ() -> None:
    inputs = _inputs(m.Measure.COUNT, "30", "12", "20")
    other = attrs.evolve(inputs, unit="00541", target=inputs.target + 1)
    ds = dataset_of([inputs, other])
    assert sorted(t.scope for t in ds.targets) == sorted([inputs.unit, "00541"])
    same = dataset_of([inputs, attrs.evolve(inputs, unit="00541")])
    assert [t.scope for t in same.targets] == ["all"]


def test_dataset_of_refuses_what_is_not_one_dataset() -> None:
    inputs = _inputs(m.Measure.BOOLEAN, "1", "0")
    with pytest.raises(ValueError, match="at least one"):
        dataset_of([])
    with pytest.raises(ValueError, match="share one term"):
        dataset_of([inputs, attrs.evolve(inputs, term_end=inputs.term_end.add(days=1))])
    with pytest.raises(ValueError, match="for one unit"):
        dataset_of([inputs, inputs])
    bad = attrs.evolve(inputs, target=Decimal(2))
    with pytest.raises(ValueError, match="a boolean is scored 1 or 0"):
        dataset_of([bad])
