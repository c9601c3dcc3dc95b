"""Required references are text, never empty (SPEC §2: "empty required text is an error").

Found by mutation testing (docs/reliability.md): no test built an observation or a target
with an empty commune, indicator or term, so the path of that problem was never checked.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest

import mttq_core as m


def observation_problems(**kw: Any) -> list[tuple[str, str]]:
    base: dict[str, Any] = {
        "commune": "00001",
        "indicator": "a",
        "period": "2022",
        "value": Decimal(1),
        "source": "báo cáo",
    }
    with pytest.raises(m.DatasetError) as err:
        m.Observation(**(base | kw))
    return [(p.path, p.message) for p in err.value.problems]


def target_problems(**kw: Any) -> list[tuple[str, str]]:
    base: dict[str, Any] = {
        "term": "T",
        "indicator": "a",
        "scope": "all",
        "comparator": ">=",
        "value": Decimal(1),
    }
    with pytest.raises(m.DatasetError) as err:
        m.Target(**(base | kw))
    return [(p.path, p.message) for p in err.value.problems]


@pytest.mark.parametrize("field", ["commune", "indicator"])
def test_an_observation_needs_its_commune_and_indicator(field: str) -> None:
    assert observation_problems(**{field: "  "}) == [(f"$.{field}", "must not be empty")]


@pytest.mark.parametrize("field", ["term", "indicator"])
def test_a_target_needs_its_term_and_indicator(field: str) -> None:
    assert target_problems(**{field: ""}) == [(f"$.{field}", "must not be empty")]
