"""The hand-computed cases of ``hand_cases.py`` (also the worked examples of docs/scoring.md)."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

import pendulum
import pytest
from hand_cases import CASES, HandCase

import mttq_core as m
from mttq_core.report import decimal_string

CODE = "00001"


def _value(raw: str | bool | list[str]) -> Any:
    if isinstance(raw, str):
        return Decimal(raw)
    if isinstance(raw, list):
        return tuple(raw)
    return raw


def build(case: HandCase) -> m.Dataset:
    start, end = case["term"]
    baseline = case["baseline"]
    target = case["target"]
    return m.Dataset(
        title=case["title"],
        committee=m.Committee(name="Ủy ban MTTQ thử nghiệm"),
        terms=[
            m.Term(
                id="T",
                name="Nhiệm kỳ thử",
                start=pendulum.Date.fromisoformat(start),
                end=pendulum.Date.fromisoformat(end),
            )
        ],
        communes=[m.Commune(code=CODE, name="Xã Thử", kind="xa")],
        indicators=[
            m.Indicator(
                id="ind",
                name=case["wording"],
                measure=case["measure"],
                direction=case["direction"],
                accumulation=case["accumulation"],
                criteria=[m.Criterion(id=c, name=c) for c in case["criteria"]],
            )
        ],
        targets=[
            m.Target(
                term="T",
                indicator="ind",
                scope="all",
                comparator=case["comparator"],
                value=None if target is None else _value(target),
                baseline=None
                if baseline is None
                else m.Baseline(
                    value=_value(baseline[0]), date=pendulum.Date.fromisoformat(baseline[1])
                ),
                milestones=[
                    m.Milestone(period=period, value=Decimal(value))
                    for period, value in case["milestones"]
                ],
            )
        ],
        observations=[
            m.Observation(
                commune=CODE,
                indicator="ind",
                period=o["period"],
                value=_value(o["value"]),
                numerator=o.get("numerator"),
                denominator=o.get("denominator"),
                source="hand case",
            )
            for o in case["observations"]
        ],
    )


def observed(a: m.Assessment) -> dict[str, object]:
    return {
        "status": a.status.value,
        "met": a.met,
        "actual": decimal_string(a.actual),
        "progress": decimal_string(a.progress),
        "expected": decimal_string(a.expected),
        "data_date": a.data_date.isoformat() if a.data_date else None,
        "trend": a.trend.value if a.trend else None,
        "edge": a.edge.value if a.edge else None,
        "missing_periods": [str(p) for p in a.missing_periods],
        "category": a.category.value if a.category else None,
    }


def test_there_are_enough_hand_cases() -> None:
    assert len(CASES) >= 25
    assert len({c["id"] for c in CASES}) == len(CASES)


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_hand_case(case: HandCase) -> None:
    card = m.assess(build(case), as_of=case["as_of"], method=case["method"])
    got = observed(card.get(CODE, "ind"))
    want = dict(case["expect"])
    assert {k: got[k] for k in want} == want


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_hand_case_is_a_worked_example_in_the_docs(case: HandCase) -> None:
    docs = (Path(__file__).resolve().parents[2] / "docs" / "scoring.md").read_text(encoding="utf-8")
    assert case["id"] in docs
