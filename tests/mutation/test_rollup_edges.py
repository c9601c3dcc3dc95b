"""Roll-ups and the inputs a method is given (SPEC §3.3, §3.6), at their edges.

Found by mutation testing (docs/reliability.md): a score of exactly 0 in the ranking, two
units holding one code during the term, the inputs of a committee ``share_met`` target as a
user's method sees them, and a boolean milestone had no example test.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import attrs
import pendulum

import mttq_core as m

D = Decimal
TERM = m.Term(
    id="T", name="Nhiệm kỳ thử", start=pendulum.Date(2021, 1, 1), end=pendulum.Date(2025, 12, 31)
)
AFTER = pendulum.Date(2026, 1, 1)


def ind(ident: str, **kw: Any) -> m.Indicator:
    base: dict[str, Any] = {
        "id": ident,
        "name": ident,
        "measure": "count",
        "direction": "increase",
        "accumulation": "latest",
        "across_units": "sum",
    }
    return m.Indicator(**(base | kw))


def obs(code: str, indicator: str, period: str, value: Any) -> m.Observation:
    return m.Observation(
        commune=code, indicator=indicator, period=period, value=value, source="báo cáo"
    )


def target(indicator: str, value: Any, scope: str = "all", **kw: Any) -> m.Target:
    return m.Target(term="T", indicator=indicator, scope=scope, comparator=">=", value=value, **kw)


def dataset(**kw: Any) -> m.Dataset:
    base: dict[str, Any] = {
        "title": "Thử",
        "committee": m.Committee(name="Ủy ban thử"),
        "terms": [TERM],
        "communes": [
            m.Commune(code="00001", name="Xã Một", kind="xa"),
            m.Commune(code="00002", name="Xã Hai", kind="xa"),
        ],
        "indicators": [ind("a")],
    }
    return m.Dataset(**(base | kw))


def test_a_score_of_zero_ranks_below_a_small_positive_score() -> None:
    """0 is a score like any other (not "no score"): 0.5 ranks above it."""
    ds = dataset(
        targets=[target("a", D(1000))],
        observations=[obs("00001", "a", "2025", D(0)), obs("00002", "a", "2025", D(5))],
    )
    card = m.assess(ds, as_of=AFTER)
    assert [(s.commune, s.score, s.rank) for s in card.communes] == [
        ("00002", D("0.5"), 1),
        ("00001", D(0), 2),
    ]


def test_a_summary_carries_the_communes_name() -> None:
    ds = dataset(targets=[target("a", D(10))], observations=[obs("00001", "a", "2025", D(5))])
    card = m.assess(ds, as_of=AFTER)
    assert [(s.commune, s.name) for s in card.communes] == [
        ("00001", "Xã Một"),
        ("00002", "Xã Hai"),
    ]


def test_two_units_holding_one_code_during_the_term_are_ordered_by_validity() -> None:
    """A merger mid-term: the old unit, then the new one under the same code (SPEC §2.2)."""
    old = m.Commune(code="00001", name="Xã Cũ", kind="xa", valid_to=pendulum.Date(2023, 6, 30))
    new = m.Commune(code="00001", name="Xã Mới", kind="xa", valid_from=pendulum.Date(2023, 7, 1))
    for communes in ([old, new], [new, old]):
        ds = dataset(communes=communes, targets=[target("a", D(10))])
        card = m.assess(ds, as_of=AFTER)
        assert [(s.name, s.rank) for s in card.communes] == [("Xã Cũ", None), ("Xã Mới", None)]


@attrs.frozen
class Recorder:
    """A user's method (SPEC §3.6): records the inputs it is given, assesses as ``linear``."""

    seen: list[m.TargetInputs] = attrs.field(factory=list)
    id: str = "recorder"

    def __call__(self, inputs: m.TargetInputs) -> m.Assessment:
        self.seen.append(inputs)
        return m.LINEAR(inputs)


def test_a_share_met_target_is_a_latest_increasing_percent_for_the_method() -> None:
    """Whatever the indicator's own measure and accumulation, the share is a percent level."""
    ds = dataset(
        indicators=[
            ind("b", measure="boolean", accumulation="each_period", across_units="share_met")
        ],
        targets=[target("b", True), target("b", D(50), scope="committee")],
        observations=[obs("00001", "b", "2024", True), obs("00002", "b", "2024", False)],
    )
    recorder = Recorder()
    card = m.assess(ds, as_of=AFTER, method=recorder)
    committee = [i for i in recorder.seen if i.unit == "committee"]
    assert [(i.measure, i.direction, i.accumulation, i.target) for i in committee] == [
        (m.Measure.PERCENT, m.Direction.INCREASE, m.Accumulation.LATEST, D(50))
    ]
    a = card.get("committee", "b")
    assert (a.actual, a.status, a.missing_periods, a.edge) == (D(50), m.Status.ACHIEVED, (), None)


def test_a_share_met_target_of_a_decreasing_indicator_still_increases() -> None:
    """Communes keep a count down; the committee wants the share of those that did to rise."""
    ds = dataset(
        indicators=[ind("d", direction="decrease", across_units="share_met")],
        targets=[
            m.Target(term="T", indicator="d", scope="all", comparator="<=", value=D(5)),
            target("d", D(50), scope="committee"),
        ],
        observations=[obs("00001", "d", "2024", D(3)), obs("00002", "d", "2024", D(9))],
    )
    recorder = Recorder()
    card = m.assess(ds, as_of=AFTER, method=recorder)
    (committee,) = [i for i in recorder.seen if i.unit == "committee"]
    assert committee.direction is m.Direction.INCREASE
    assert card.get("committee", "d").status is m.Status.ACHIEVED  # 50 % of 50 %


def test_a_boolean_milestone_sets_the_expected_progress() -> None:
    """Done by 2022 (a milestone of true): expected progress is 1 from then on."""
    ds = dataset(
        indicators=[ind("b", measure="boolean", across_units=None)],
        targets=[target("b", True, milestones=[m.Milestone(period="2022", value=True)])],
        observations=[obs("00001", "b", "2023", False)],
    )
    a = m.assess(ds, as_of=pendulum.Date(2024, 6, 30)).get("00001", "b")
    assert a.expected == 1
    assert a.explanation.expected == 1
    assert a.explanation.milestone == (m.Period.parse("2022"), D(1))
    assert a.comparator is m.Comparator.GE
    assert a.status is m.Status.BEHIND


def test_a_linear_method_under_another_id_names_itself() -> None:
    ds = dataset(targets=[target("a", D(10))], observations=[obs("00001", "a", "2025", D(5))])
    card = m.assess(ds, as_of=AFTER, method=m.Linear(id="tuyen_tinh"))
    assert {a.method for a in card} == {"tuyen_tinh"}
    assert {a.explanation.method for a in card} == {"tuyen_tinh"}
