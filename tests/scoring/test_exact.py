"""The exact arithmetic of the methods against ``fractions.Fraction``, which it replaces.

Every helper of ``mttq_core.scoring._exact`` (and the pieces of ``_linear`` and ``_inputs``
built on it) must give what the same computation on fractions gives, rounded the way it was
rounded before: ``Decimal(numerator) / Decimal(denominator)`` of the reduced fraction, same
digits and same exponent (``Decimal('0.5')`` is not ``Decimal('0.50')``), never ``-0``.
The decimals drawn here have signs, zeros of every exponent (``-0``, ``0E+3``), trailing zeros
and more digits than the context's 28.
"""

from __future__ import annotations

import calendar
import decimal
import operator
from collections.abc import Callable
from decimal import Decimal
from fractions import Fraction

import attrs
import pendulum
import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from mttq_core.model import Accumulation, Comparator, Direction, Measure, Period, PeriodKind
from mttq_core.scoring import Point, TargetInputs
from mttq_core.scoring._exact import (
    ONE_RATIO,
    ZERO_RATIO,
    Ratio,
    add,
    exact_sum,
    gap_closure,
    ratio,
    to_decimal,
)
from mttq_core.scoring._inputs import for_unit
from mttq_core.scoring._linear import (
    actual_value,
    expected_progress,
    is_met,
    strictly_better,
    term_periods,
)
from mttq_core.testing import target_inputs

decimals = st.builds(
    lambda sign, digits, exponent: Decimal((sign, tuple(digits), exponent)),
    st.integers(0, 1),
    st.lists(st.integers(0, 9), min_size=1, max_size=40),
    st.integers(-40, 12),
)
small_decimals = st.builds(
    lambda sign, digits, exponent: Decimal((sign, tuple(digits), exponent)),
    st.integers(0, 1),
    st.lists(st.integers(0, 9), min_size=1, max_size=4),
    st.integers(-3, 1),
)
nonzero = st.integers(1, 10**40)
dates = st.dates(pendulum.Date(1850, 1, 1), pendulum.Date(2150, 12, 31)).map(
    lambda d: pendulum.Date(d.year, d.month, d.day)
)  # 1900 and 2100 are not leap years
COMPARATORS: dict[Comparator, Callable[[Fraction, Fraction], bool]] = {
    Comparator.GE: operator.ge,
    Comparator.GT: operator.gt,
    Comparator.LE: operator.le,
    Comparator.LT: operator.lt,
}


def rounded(value: Fraction) -> Decimal:
    """How a fraction was rounded before: one division of its reduced terms."""
    return Decimal(value.numerator) / Decimal(value.denominator)


def fraction(value: Ratio) -> Fraction:
    assert value[1] > 0, f"{value}: the denominator must be positive"
    return Fraction(*value)


def same(got: Decimal, expected: Decimal) -> None:
    assert repr(got) == repr(expected)


@given(st.integers(-(10**40), 10**40), nonzero, st.booleans(), st.integers(1, 10**6))
def test_ratio_and_to_decimal_round_as_the_reduced_fraction(
    n: int, d: int, negative: bool, k: int
) -> None:
    den = -d if negative else d
    exact = Fraction(n, den)
    r = ratio(n * k, den * k)  # not reduced, any sign
    assert fraction(r) == exact
    same(to_decimal(r), rounded(exact))


@given(st.integers(-(10**6), 10**6), nonzero, st.integers(1, 60))
def test_to_decimal_in_any_context(n: int, d: int, precision: int) -> None:
    with decimal.localcontext(prec=precision):
        same(to_decimal(ratio(n * 3, d * 3)), rounded(Fraction(n, d)))


@pytest.mark.parametrize("n", [0, 5, -5])
def test_ratio_of_a_zero_denominator_raises_as_fraction_does(n: int) -> None:
    with pytest.raises(ZeroDivisionError):
        ratio(n, 0)
    with pytest.raises(ZeroDivisionError):
        Fraction(n, 0)


def test_zero_is_never_negative() -> None:
    same(to_decimal(ratio(0, -7)), Decimal(0))
    no_progress = gap_closure((5, 1), (5, 1), (3, 1))  # (5 − 5)/(3 − 5): 0 over a negative gap
    same(to_decimal(no_progress), Decimal(0))
    negative_zero = Decimal(0) / Decimal(-2)  # the trap a positive denominator avoids
    assert negative_zero == 0
    assert negative_zero.is_signed()


@given(st.lists(decimals, max_size=8), st.integers(1, 10))
def test_exact_sum_loses_nothing_whatever_the_precision(
    values: list[Decimal], precision: int
) -> None:
    with decimal.localcontext(prec=precision):
        total = exact_sum(values)
    assert Fraction(total) == sum((Fraction(v) for v in values), Fraction(0))


@given(decimals, decimals)
def test_add(a: Decimal, b: Decimal) -> None:
    got = add(a.as_integer_ratio(), b.as_integer_ratio())
    assert fraction(got) == Fraction(a) + Fraction(b)


@given(decimals, decimals, decimals)
def test_gap_closure(x: Decimal, b: Decimal, t: Decimal) -> None:
    args = (x.as_integer_ratio(), b.as_integer_ratio(), t.as_integer_ratio())
    if t == b:
        with pytest.raises(ZeroDivisionError):
            gap_closure(*args)
        return
    got = gap_closure(*args)
    expected = (Fraction(x) - Fraction(b)) / (Fraction(t) - Fraction(b))
    assert fraction(got) == expected
    same(to_decimal(got), rounded(expected))


@given(decimals, decimals, st.sampled_from(list(Comparator)), st.sampled_from(list(Direction)))
def test_cross_products_compare_as_the_numbers(
    a: Decimal, t: Decimal, comparator: Comparator, direction: Direction
) -> None:
    (an, ad), (tn, td) = a.as_integer_ratio(), t.as_integer_ratio()
    expected = COMPARATORS[comparator](Fraction(a), Fraction(t))
    assert is_met(an * td, comparator, tn * ad) is expected
    assert is_met(a, comparator, t) is expected
    increase = direction is Direction.INCREASE
    better = Fraction(a) > Fraction(t) if increase else Fraction(a) < Fraction(t)
    assert strictly_better(an * td, direction, tn * ad) is better


def points_of(values: list[Decimal]) -> tuple[Point, ...]:
    return tuple(
        Point(period=Period.year(2000 + i), value=v, source="s") for i, v in enumerate(values)
    )


@given(st.lists(decimals, min_size=1, max_size=6), st.sampled_from(list(Accumulation)))
def test_actual_value(values: list[Decimal], accumulation: Accumulation) -> None:
    exact = [Fraction(v) for v in values]
    if accumulation is Accumulation.SUM:
        expected = sum(exact, Fraction(0))
    elif accumulation is Accumulation.MEAN:
        expected = sum(exact, Fraction(0)) / len(exact)
    else:
        expected = exact[-1]
    got = actual_value(accumulation, points_of(values))
    assert fraction(got) == expected
    same(to_decimal(got), rounded(expected))


def bare_inputs(
    start: pendulum.Date, end: pendulum.Date, target: Decimal = Decimal(100)
) -> TargetInputs:
    return TargetInputs(
        unit="00001",
        indicator="x",
        measure=Measure.QUANTITY,
        direction=Direction.INCREASE,
        accumulation=Accumulation.LATEST,
        comparator=Comparator.GE,
        target=target,
        term_start=start,
        term_end=end,
        as_of=end,
    )


@given(dates, dates, dates)
def test_expected_progress_is_the_clipped_share_of_the_term(
    start: pendulum.Date, end: pendulum.Date, data_date: pendulum.Date
) -> None:
    inputs = bare_inputs(start, end)
    total = end.toordinal() - start.toordinal()
    if total == 0:
        with pytest.raises(ZeroDivisionError):
            expected_progress(inputs, data_date, None, (100, 1))
        return
    elapsed = Fraction(data_date.toordinal() - start.toordinal(), total)
    expected = min(max(elapsed, Fraction(0)), Fraction(1))
    got, milestone = expected_progress(inputs, data_date, None, (100, 1))
    assert milestone is None
    assert fraction(got) == expected
    same(to_decimal(got), rounded(expected))


@given(small_decimals, small_decimals, small_decimals)
def test_expected_progress_at_a_milestone(
    target: Decimal, baseline: Decimal, value: Decimal
) -> None:
    inputs = attrs.evolve(
        bare_inputs(pendulum.Date(2020, 1, 1), pendulum.Date(2024, 12, 31), target),
        milestones=((Period.year(2021), value),),
    )
    got, milestone = expected_progress(
        inputs, pendulum.Date(2022, 12, 31), baseline, target.as_integer_ratio()
    )
    if target == baseline:  # no gap: the share of the term instead
        assert milestone is None
        return
    expected = (Fraction(value) - Fraction(baseline)) / (Fraction(target) - Fraction(baseline))
    assert milestone == (Period.year(2021), value)
    assert fraction(got) == expected
    same(to_decimal(got), rounded(expected))


def test_ratio_constants() -> None:
    assert (fraction(ZERO_RATIO), fraction(ONE_RATIO)) == (Fraction(0), Fraction(1))
    same(to_decimal(ZERO_RATIO), Decimal(0))
    same(to_decimal(ONE_RATIO), Decimal(1))


def reference_periods(kind: PeriodKind, start: pendulum.Date, end: pendulum.Date) -> list[Period]:
    """Calendar periods the plain way: ``calendar.monthrange`` for each month's last day."""
    months = {"year": 12, "half": 6, "quarter": 3, "month": 1}.get(kind.value, 12)
    out = []
    for year in range(start.year, end.year + 1):
        for first in range(1, 13, months):
            last = first + months - 1
            period = Period(
                pendulum.Date(year, first, 1),
                pendulum.Date(year, last, calendar.monthrange(year, last)[1]),
            )
            if start <= period.end <= end:
                out.append(period)
    return out


@given(st.sampled_from(list(PeriodKind)), dates, st.integers(0, 3000))
@example(PeriodKind.MONTH, pendulum.Date(1900, 1, 15), 60)  # February 1900: 28 days
@example(PeriodKind.MONTH, pendulum.Date(2000, 1, 15), 60)  # February 2000: 29 days
@example(PeriodKind.MONTH, pendulum.Date(2100, 2, 28), 0)
def test_term_periods(kind: PeriodKind, start: pendulum.Date, days: int) -> None:
    end = start.add(days=days)
    assert list(term_periods(kind, start, end)) == reference_periods(kind, start, end)


@given(target_inputs(), st.sampled_from(["00001", "00583", "committee"]))
def test_for_unit_is_evolve(inputs: TargetInputs, unit: str) -> None:
    points = inputs.points[:1]
    assert for_unit(inputs, unit, points) == attrs.evolve(inputs, unit=unit, points=points)
