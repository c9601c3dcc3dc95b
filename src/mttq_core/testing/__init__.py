"""Hypothesis strategies for mttq_core's data, valid by construction.

Install with the ``testing`` extra, which brings hypothesis (``import mttq_core`` alone never
imports it)::

    pip install "mttq-core[testing]"

Every strategy takes keyword arguments only, with defaults; an argument that varies from one
example to the next takes a strategy (``communes=st.integers(1, 5)``), a set of allowed kinds
takes a collection (``measures=["percent", "count"]``). Bad arguments raise hypothesis's
``InvalidArgument`` when the strategy is created. Nothing is filtered: every value drawn
passes its constructor's checks, every dataset passes every dataset rule (SPEC §2.2), and
failing examples shrink toward one commune, one indicator, one observation.

Usage, in a test module of your own (run it with pytest)::

    import mttq_core
    from hypothesis import given, settings
    from hypothesis import strategies as st
    from mttq_core.testing import datasets, indicators, observations

    @settings(max_examples=25)
    @given(datasets(communes=st.integers(1, 5), with_funds=st.just(True)))
    def test_round_trip(dataset):
        assert mttq_core.loads(mttq_core.dumps(dataset)) == dataset

    @settings(max_examples=25)
    @given(observations(indicators=indicators(measures=["percent"])))
    def test_percent_in_range(observation):
        assert 0 <= observation.value <= 100

    @settings(max_examples=25)
    @given(st.from_type(mttq_core.Commune))
    def test_from_type(commune):
        assert len(commune.code) == 5

``st.from_type`` builds every entity (``Term``, ``Period``, ``Commune``, ``Indicator``,
``Target``, ``Observation``, ``WorkingSession``, ``Fund``, ``Dataset`` and their parts) and
``pendulum.Date`` / ``pendulum.DateTime`` with no code on your side: hypothesis's
``hypothesis`` entry point registers them when hypothesis is imported.
"""

from ._datasets import datasets
from ._funds import funds
from ._inputs import target_inputs
from ._laws import LAWS, LawViolation, check_method
from ._sessions import working_sessions
from ._strategies import communes, indicators, observations, targets
from ._time import periods, terms

__all__ = [
    "LAWS",
    "LawViolation",
    "check_method",
    "communes",
    "datasets",
    "funds",
    "indicators",
    "observations",
    "periods",
    "target_inputs",
    "targets",
    "terms",
    "working_sessions",
]


def __dir__() -> list[str]:
    return __all__
