"""The quick value test of the dataset rules accepts only what ``value_problems`` accepts."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from mttq_core import Criterion, Indicator, Measure
from mttq_core.model._rules import _quick_test
from mttq_core.model._values import value_problems

CRITERIA = (Criterion(id="a", name="A"), Criterion(id="b", name="B"), Criterion(id="c", name="C"))

numbers = st.one_of(
    st.decimals(allow_nan=True, allow_infinity=True),
    st.decimals(min_value=-2, max_value=102, places=2),
    st.integers(-5, 105).map(Decimal),
    st.sampled_from(
        [Decimal("1.0"), Decimal("1E+2"), Decimal("-0"), Decimal("100.000"), Decimal(10) ** 18]
    ),
)
values = st.one_of(
    numbers,
    st.booleans(),
    st.lists(st.sampled_from(["a", "b", "c", "d", " a", ""]), max_size=4).map(tuple),
    st.none(),
    st.just("94.2"),
    st.integers(),
    st.floats(),
)


def indicator(measure: Measure) -> Indicator:
    return Indicator(
        id="x",
        name="X",
        measure=measure,
        direction="increase",
        accumulation="latest",
        criteria=CRITERIA if measure is Measure.CHECKLIST else (),
    )


@settings(max_examples=3000)
@given(st.sampled_from(list(Measure)), values)
def test_quick_accepts_only_what_value_problems_accepts(measure: Measure, value: object) -> None:
    ind = indicator(measure)
    if _quick_test(ind)(value):
        assert value_problems(measure, value, criteria=ind.criterion_ids) == []


def test_quick_accepts_the_usual_values() -> None:
    """So that the quick road is really taken (a test that cannot pass by declining all)."""
    usual: dict[Measure, list[object]] = {
        Measure.PERCENT: [Decimal("94.2"), Decimal(0), Decimal(100)],
        Measure.COUNT: [Decimal(0), Decimal(12)],
        Measure.MONEY: [Decimal(1_500_000)],
        Measure.QUANTITY: [Decimal("-3.5"), Decimal("1E+3")],
        Measure.BOOLEAN: [True, False],
        Measure.CHECKLIST: [(), ("a",), ("c", "a")],
    }
    for measure, examples in usual.items():
        test = _quick_test(indicator(measure))
        assert all(test(v) for v in examples), measure
