"""The laws of SPEC §3.7 for the built-in methods, and what ``check_method`` does not cover.

The laws themselves live once, in ``mttq_core.testing`` (``_laws.py``), with the two places
where the SPEC's own rules limit a law (``each_period`` progress with negative quantities;
a growth-based status under mirroring) and the explicit examples of both; its module
docstring gives the minimal counterexamples. Here:

* ``check_method`` on ``linear`` and ``cagr``, 500 examples per law;
* law 1 for ``cagr`` where the growth ratio R is computed, and why it holds;
* law 2 the other way round: §3.3 leaves ``p`` undefined exactly at its edges;
* laws 5 and 7 on whole datasets as ``mttq_core.testing.datasets()`` draws them (sessions,
  funds feeding observations, revisions, committee ratios, two terms), through the same
  law checks;
* determinism of one assessment, and of ``assess`` with its bounds.
"""

from __future__ import annotations

import operator
from collections.abc import Callable
from decimal import Decimal

import attrs
import pendulum
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import mttq_core as m
from mttq_core.report import scorecard_dict
from mttq_core.testing import datasets
from mttq_core.testing._inputs import ALWAYS, NEVER, Case, cases, day
from mttq_core.testing._laws import (
    anchor_cases,
    check_law,
    check_method,
    improvements,
    shuffled,
    with_met_target,
)

METHODS = [pytest.param(m.LINEAR, id="linear"), pytest.param(m.CAGR, id="cagr")]
ZERO = Decimal(0)

#: Whole datasets as mttq_core.testing draws them, kept small: sessions, funds feeding
#: observations, revisions, committee targets, and sometimes a second term.
FULL = datasets(communes=st.integers(1, 4), indicators=st.integers(1, 4), terms=st.integers(1, 2))

_COMPARE: dict[m.Comparator, Callable[[Decimal, Decimal], bool]] = {
    m.Comparator.GE: operator.ge,
    m.Comparator.GT: operator.gt,
    m.Comparator.LE: operator.le,
    m.Comparator.LT: operator.lt,
}


def met(value: Decimal, comparator: m.Comparator, target: Decimal) -> bool:
    """The SPEC's ``met`` (§3.3), written independently of the implementation."""
    return _COMPARE[comparator](value, target)


@pytest.mark.parametrize("method", METHODS)
def test_builtin_methods_keep_the_laws(method: m.Method) -> None:
    check_method(method, max_examples=500)


# -- law 1 for cagr, where R is computed -------------------------------------------------

#: Latest targets where compound growth is mostly computable: positive numbers, a
#: baseline, the term not over — so that cagr's categories, not its edges, are exercised.
GROWTH = cases(
    measures=[m.Measure.PERCENT, m.Measure.COUNT, m.Measure.MONEY, m.Measure.QUANTITY],
    accumulations=[m.Accumulation.LATEST],
    with_baseline=ALWAYS,
    term_over=NEVER,
    min_points=1,
    positive=True,
)


@given(pair=improvements(GROWTH))
@settings(max_examples=500, deadline=None)
def test_law1_monotone_cagr_growth(pair: tuple[m.TargetInputs, m.TargetInputs]) -> None:
    """Law 1 for cagr where R is computed, and why it holds.

    With t1 ≤ T (counted points end within the term) R = cagr_o/cagr_r grows with a better
    current when the target is ahead of the base, and R ≥ 1 (on_track) whatever the current
    when the base already meets it; a better current that leaves cagr's domain (≤ 0) is met
    (decrease, t > 0) or was never computable (t ≤ 0 or base ≤ 0).
    """
    check_law("monotone", m.CAGR, pair)
    worse, better = pair
    r0, r1 = m.CAGR(worse).explanation.ratio, m.CAGR(better).explanation.ratio
    if r0 is None or r1 is None:
        return
    assert worse.baseline is not None
    if met(worse.baseline, worse.comparator, worse.target):
        # met at the baseline: any current that misses the target grows "faster" than
        # required (both negative, observed over fewer years), so R >= 1: on_track.
        assert r0 >= 1
        assert r1 >= 1
    else:
        assert r1 >= r0  # R grows with a better current


# -- law 2: p is undefined exactly at §3.3's edges ---------------------------------------


@pytest.mark.parametrize("method", METHODS)
@given(case=anchor_cases())
@settings(max_examples=500, deadline=None)
def test_law2_progress_undefined_exactly_at_the_edges(method: m.Method, case: Case) -> None:
    """``check_method`` asks ``p = 1`` (and 0) where §3.3 defines p; here p is None elsewhere."""
    inputs = case.inputs
    t, b = inputs.target, inputs.baseline
    if b is None and inputs.direction is m.Direction.INCREASE:
        b = ZERO
    defined = b is not None and not met(b, inputs.comparator, t) and t != b
    at_target = attrs.evolve(inputs, points=tuple(attrs.evolve(p, value=t) for p in inputs.points))
    assert (method(at_target).progress is not None) == defined


# -- laws 5 and 7 on the full generated datasets -----------------------------------------


@pytest.mark.parametrize("method", METHODS)
@given(case=shuffled(FULL))
@settings(max_examples=500, deadline=None)
def test_law5_permutation_full_datasets(
    method: m.Method, case: tuple[m.Dataset, m.Dataset, pendulum.Date]
) -> None:
    check_law("permutation", method, case)


@pytest.mark.parametrize("method", METHODS)
@given(case=with_met_target(FULL))
@settings(max_examples=500, deadline=None)
def test_law7_rollup_full_datasets(
    method: m.Method, case: tuple[m.Dataset, m.Dataset, m.Target, pendulum.Date]
) -> None:
    check_law("rollup", method, case)


# -- determinism -------------------------------------------------------------------------


@pytest.mark.parametrize("method", METHODS)
@given(case=cases())
@settings(max_examples=500, deadline=None)
def test_assessment_is_deterministic(method: m.Method, case: Case) -> None:
    copy = attrs.evolve(case.inputs)
    assert method(case.inputs) == method(case.inputs) == method(copy)


Outcome = tuple[str, object]


def attempt(ds: m.Dataset, as_of: pendulum.Date, method: m.Method) -> m.Scorecard | str:
    """The scorecard, or the message of the ``ScoringError`` that ``assess`` raises."""
    try:
        return m.assess(ds, as_of=as_of, method=method)
    except m.ScoringError as e:  # e.g. a share_met committee target no commune shares
        return str(e)


def outcome(ds: m.Dataset, as_of: pendulum.Date, method: m.Method) -> Outcome:
    """The whole scorecard as data (explanations included), or the error it raises."""
    card = attempt(ds, as_of, method)
    if isinstance(card, str):
        return "error", card
    return "ok", scorecard_dict(card, explain=True)


@st.composite
def dated_datasets(draw: st.DrawFn) -> tuple[m.Dataset, pendulum.Date]:
    """A valid dataset and an as_of from its term's start to a year after its end."""
    ds = draw(FULL)
    term = ds.terms[0]
    return ds, day(draw, term.start, term.end.add(days=400))


@pytest.mark.parametrize("method", METHODS)
@given(case=dated_datasets())
@settings(max_examples=500, deadline=None)
def test_assess_is_deterministic_and_bounded(
    method: m.Method, case: tuple[m.Dataset, pendulum.Date]
) -> None:
    """Same input twice gives the same scorecard; scores in [0, 100], coverage in [0, 1]."""
    ds, as_of = case
    card = attempt(ds, as_of, method)
    assert outcome(ds, as_of, method) == outcome(ds, as_of, method)
    if isinstance(card, str):
        return  # an unassessable committee target (share_met without commune targets)
    for s in card.communes:
        assert s.targets == sum(s.by_status.values())
        assert s.met == s.by_status[m.Status.EXCEEDED] + s.by_status[m.Status.ACHIEVED]
        if s.score is not None:
            assert ZERO <= s.score <= 100
        if s.coverage is not None:
            assert ZERO <= s.coverage <= 1
        assert (s.score is None) == (s.coverage in (None, ZERO))
    for a in card.assessments:
        assert ZERO <= a.score <= 1
