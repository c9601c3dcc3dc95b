"""``mttq_core._frozen.builder`` builds exactly what the attrs constructor builds."""

from __future__ import annotations

from decimal import Decimal

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from mttq_core import Observation, Period
from mttq_core._frozen import builder
from mttq_core.scoring import Assessment, Explanation, PeriodResult, Point, TargetInputs

anything = st.one_of(st.none(), st.integers(), st.text(max_size=5), st.decimals(allow_nan=False))


@pytest.mark.parametrize("cls", [Point, Explanation, Assessment, PeriodResult, TargetInputs])
@given(data=st.data())
def test_it_builds_what_the_constructor_builds(cls: type, data: st.DataObject) -> None:
    names = [a.name for a in attrs.fields(cls)]
    values = [data.draw(anything, label=name) for name in names]
    built: object = builder(cls)(*values)
    made = cls(**dict(zip(names, values, strict=True)))
    assert type(built) is cls
    assert built == made
    assert repr(built) == repr(made)
    assert [getattr(built, n) for n in names] == values


def test_a_point_from_real_values() -> None:
    make = builder(Point)
    p = make(Period.parse("2021"), Decimal("94.2"), "Báo cáo", 1)
    assert p == Point(
        period=Period.parse("2021"), value=Decimal("94.2"), source="Báo cáo", revision=1
    )
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        p.value = Decimal(1)  # type: ignore[misc]


def test_it_refuses_classes_that_check_or_convert() -> None:
    with pytest.raises(TypeError, match="runs code when built"):
        builder(Observation)  # __attrs_post_init__ checks it

    @attrs.frozen
    class Converted:
        x: int = attrs.field(converter=int)

    with pytest.raises(TypeError, match="converted or checked"):
        builder(Converted)

    @attrs.frozen(cache_hash=True)
    class Hashed:
        x: int

    with pytest.raises(TypeError, match="runs code when built"):
        builder(Hashed)
