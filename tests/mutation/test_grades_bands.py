"""Grade bands (SPEC §3.6): validated data, read without binary floats.

Found by mutation testing (docs/reliability.md): the checks on one band by itself — an id and a
label, ``low < high`` — and the conversion of the bounds had no test of their own.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

import mttq_core as m

D = Decimal


def problems_of(bands: Sequence[tuple[object, object, str, str]]) -> list[tuple[str, str]]:
    with pytest.raises(m.GradeError) as info:
        m.GradeBands.of(bands)
    return [(p.path, p.message) for p in info.value.problems]


@pytest.mark.parametrize(
    "bands",
    [
        [(0, 50, "", "Yếu"), (50, 100, "dat", "Đạt")],
        [(0, 50, "yeu", ""), (50, 100, "dat", "Đạt")],
    ],
    ids=["no-id", "no-label"],
)
def test_a_band_needs_both_an_id_and_a_label(
    bands: Sequence[tuple[object, object, str, str]],
) -> None:
    assert problems_of(bands) == [("$[0]", "a band needs an id and a label")]


def test_an_empty_band_is_refused() -> None:
    """``[50, 50)`` holds no score: a band's high must be above its low."""
    bands = [(0, 50, "a", "A"), (50, 50, "b", "B"), (50, 100, "c", "C")]
    assert problems_of(bands) == [("$[1].high", "50 is not above low 50")]


def test_a_reversed_band_is_refused() -> None:
    problems = problems_of([(0, 100, "a", "A"), (100, 90, "b", "B")])
    assert ("$[1].high", "90 is not above low 100") in problems


@pytest.mark.parametrize("bound", [True, 0.5, None, [1]], ids=["bool", "float", "null", "list"])
def test_a_bound_is_an_int_a_decimal_or_a_decimal_string(bound: object) -> None:
    with pytest.raises(TypeError, match=r"expected an int, a Decimal or a decimal string, got "):
        m.GradeBands.of([(0, bound, "a", "A"), (bound, 100, "b", "B")])


def test_int_decimal_and_string_bounds_are_the_same_bands() -> None:
    as_int = m.GradeBands.of([(0, 50, "a", "A"), (50, 100, "b", "B")])
    as_str = m.GradeBands.of([("0", "50", "a", "A"), ("50", "100", "b", "B")])
    as_dec = m.GradeBands.of([(D(0), D(50), "a", "A"), (D(50), D(100), "b", "B")])
    assert as_int == as_str == as_dec
    assert [(g.low, g.high) for g in as_int.bands] == [(D(0), D(50)), (D(50), D(100))]


@given(
    cut=st.decimals(min_value=D("0.01"), max_value=D("99.99"), places=2),
    score=st.decimals(min_value=0, max_value=100, places=2),
)
def test_a_score_falls_in_the_half_open_band_that_holds_it(cut: D, score: D) -> None:
    """``[0, cut)`` then ``[cut, 100]``: the cut itself is in the upper band, 100 too."""
    bands = m.GradeBands.of([(0, cut, "low", "Thấp"), (cut, 100, "high", "Cao")])
    assert bands.grade(score).id == ("low" if score < cut else "high")


@pytest.mark.parametrize("score", [D("-0.000001"), D("100.000001")])
def test_a_score_outside_0_to_100_is_refused(score: D) -> None:
    with pytest.raises(ValueError, match=r"a score is between 0 and 100"):
        m.DEFAULT_GRADES.grade(score)
