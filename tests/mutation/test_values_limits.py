"""Integer fields stay below 10^18 (SPEC §2.1: numbers of sane magnitude), said briefly.

Found by mutation testing (docs/reliability.md): the bound on integer fields (a revision, a
numerator, a denominator) was tested for decimals only, not for ints, nor at 10^18 itself.
"""

from __future__ import annotations

from typing import Any

import pytest

import mttq_core as m


def problems(**kw: Any) -> list[tuple[str, str]]:
    with pytest.raises(m.DatasetError) as err:
        m.Observation(commune="00001", indicator="a", period="2022", source="báo cáo", **kw)
    return [(p.path, p.message) for p in err.value.problems]


def test_a_revision_of_10_to_the_18_is_too_large() -> None:
    assert problems(value=1, revision=10**18) == [
        ("$.revision", "1000000000000000000 is too large; numbers must be below 10^18")
    ]
    below = m.Observation(
        commune="00001",
        indicator="a",
        period="2022",
        source="báo cáo",
        value=1,
        revision=10**18 - 1,
    )
    assert below.revision == 10**18 - 1


def test_a_long_integer_is_shortened_and_checked_no_further() -> None:
    """One problem for a 31-digit numerator; it is not also compared with the denominator."""
    assert problems(value=None, numerator=10**30, denominator=10) == [
        ("$.numerator", "100000000000… (31 digits) is too large; numbers must be below 10^18")
    ]
