"""The committee's values and a target's inputs (SPEC §3.1, §3.6), at their edges.

Found by mutation testing (docs/reliability.md): a zero numerator in a ``ratio`` roll-up, a
committee observation followed by periods that only the communes report, commune
observations ending on the first day of the term, and the baselines of boolean and checklist
targets had no example test.
"""

from __future__ import annotations

from decimal import Decimal

import pendulum
import pytest

import mttq_core as m

D = Decimal
TERM = m.Term(
    id="T", name="Nhiệm kỳ thử", start=pendulum.Date(2021, 1, 1), end=pendulum.Date(2025, 12, 31)
)
AFTER = pendulum.Date(2026, 1, 1)


def ind(ident: str, **kw: object) -> m.Indicator:
    base: dict[str, object] = {
        "id": ident,
        "name": ident,
        "measure": "count",
        "direction": "increase",
        "accumulation": "latest",
        "across_units": "sum",
    }
    base.update(kw)
    return m.Indicator(**base)  # type: ignore[arg-type]


def obs(code: str, indicator: str, period: str, value: object, **kw: object) -> m.Observation:
    return m.Observation(
        commune=code,
        indicator=indicator,
        period=period,
        value=value,  # type: ignore[arg-type]
        source=f"báo cáo {code}",
        **kw,  # type: ignore[arg-type]
    )


def target(indicator: str, value: object, scope: str = "all", **kw: object) -> m.Target:
    return m.Target(
        term="T",
        indicator=indicator,
        scope=scope,
        comparator=">=",
        value=value,  # type: ignore[arg-type]
        **kw,  # type: ignore[arg-type]
    )


def dataset(**kw: object) -> m.Dataset:
    base: dict[str, object] = {
        "title": "Thử",
        "committee": m.Committee(name="Ủy ban thử"),
        "terms": [TERM],
        "communes": [
            m.Commune(code=code, name=f"Xã {code}", kind="xa")
            for code in ("00001", "00002", "00003")
        ],
    }
    base.update(kw)
    return m.Dataset(**base)  # type: ignore[arg-type]


def test_ratio_counts_a_zero_numerator() -> None:
    """100·Σnumerator/Σdenominator: a commune at 0 of 50 pulls the share down."""
    ds = dataset(
        indicators=[ind("p", measure="percent", across_units="ratio")],
        targets=[target("p", D(90), scope="committee")],
        observations=[
            obs("00001", "p", "2024", None, numerator=0, denominator=50),
            obs("00002", "p", "2024", None, numerator=150, denominator=150),
        ],
    )
    a = m.assess(ds, as_of=AFTER).get("committee", "p")
    assert a.actual == D(75)
    assert [p.source for p in a.explanation.points] == [
        "Tổng hợp: tỷ lệ chung 150/200 của 2 đơn vị"
    ]


def test_ratio_without_counts_is_refused_with_its_path() -> None:
    """Every commune observation under a ratio roll-up needs both counts (SPEC §2.2)."""
    with pytest.raises(m.DatasetError) as err:
        dataset(
            indicators=[ind("p", measure="percent", across_units="ratio")],
            targets=[target("p", D(90), scope="committee")],
            observations=[
                obs("00001", "p", "2024", D(80)),
                obs("00002", "p", "2024", None, numerator=1, denominator=2),
            ],
        )
    assert [p.path for p in err.value.problems] == ["$.observations[0]"]


def test_mean_and_sum_say_how_they_combined() -> None:
    ds = dataset(
        indicators=[
            ind("q", measure="quantity", across_units="mean"),
            ind("c", measure="count", across_units="sum"),
        ],
        targets=[target("q", D(2), scope="committee"), target("c", D(2), scope="committee")],
        observations=[
            obs("00001", "q", "2024", D(1)),
            obs("00002", "q", "2024", D(4)),
            obs("00001", "c", "2024", D(1)),
            obs("00003", "c", "2024", D(4)),
        ],
    )
    card = m.assess(ds, as_of=AFTER)
    q, c = card.get("committee", "q"), card.get("committee", "c")
    assert (q.actual, c.actual) == (D("2.5"), D(5))
    assert [p.source for p in q.explanation.points] == ["Tổng hợp: bình quân của 2 đơn vị"]
    assert [p.source for p in c.explanation.points] == ["Tổng hợp: tổng của 2 đơn vị"]


def test_the_committees_own_period_does_not_hide_later_aggregates() -> None:
    """Own observation for 2022, communes only for 2023: both periods are the committee's."""
    ds = dataset(
        indicators=[ind("a")],
        targets=[target("a", D(20), scope="committee")],
        observations=[
            obs("committee", "a", "2022", D(7)),
            obs("00001", "a", "2022", D(1)),
            obs("00001", "a", "2023", D(5)),
            obs("00002", "a", "2023", D(6)),
        ],
    )
    a = m.assess(ds, as_of=AFTER).get("committee", "a")
    assert [(str(p.period), p.value) for p in a.explanation.points] == [
        ("2022", D(7)),
        ("2023", D(11)),
    ]
    assert a.actual == D(11)
    assert a.data_date == pendulum.Date(2023, 12, 31)


def test_the_committees_periods_are_in_time_order() -> None:
    ds = dataset(
        indicators=[ind("a")],
        targets=[target("a", D(20), scope="committee")],
        observations=[
            obs("00001", "a", "2023", D(5)),
            obs("00002", "a", "2021", D(6)),
            obs("committee", "a", "2022", D(9)),
        ],
    )
    a = m.assess(ds, as_of=AFTER).get("committee", "a")
    assert [str(p.period) for p in a.explanation.points] == ["2021", "2022", "2023"]
    assert a.actual == D(5)


def test_a_commune_period_ending_on_the_first_day_of_the_term_counts_for_the_committee() -> None:
    ds = dataset(
        indicators=[ind("a")],
        targets=[target("a", D(20), scope="committee")],
        observations=[obs("00001", "a", "2020-12-01/2021-01-01", D(3))],
    )
    a = m.assess(ds, as_of=AFTER).get("committee", "a")
    assert a.actual == D(3)
    assert a.data_date == TERM.start


def test_share_met_says_how_many_communes_met() -> None:
    ds = dataset(
        indicators=[ind("b", measure="boolean", across_units="share_met")],
        targets=[target("b", True), target("b", D(50), scope="committee")],
        observations=[obs("00001", "b", "2023", True), obs("00002", "b", "2024", False)],
    )
    a = m.assess(ds, as_of=AFTER).get("committee", "b")
    assert a.actual == D(100) / 3
    assert [p.source for p in a.explanation.points] == ["Tỷ lệ đơn vị đạt chỉ tiêu: 1/3"]


def test_share_met_without_commune_targets_names_the_committee_path() -> None:
    ds = dataset(
        indicators=[ind("b", measure="boolean", across_units="share_met")],
        targets=[target("b", D(75), scope="committee")],
    )
    with pytest.raises(m.ScoringError) as err:
        m.assess(ds, as_of=AFTER)
    assert [(p.path, p.message) for p in err.value.problems] == [
        (
            "committee/b",
            (
                "no commune has a target for 'b', so the share of communes meeting it cannot "
                "be computed"
            ),
        )
    ]


@pytest.mark.parametrize(
    ("baseline", "edge"),
    [(False, None), (True, m.Edge.MET_AT_BASELINE)],
)
def test_a_boolean_baseline_counts_as_one_or_zero(baseline: bool, edge: m.Edge | None) -> None:
    ds = dataset(
        indicators=[ind("b", measure="boolean", across_units=None)],
        targets=[
            target("b", True, baseline=m.Baseline(value=baseline, date=pendulum.Date(2021, 1, 1)))
        ],
        observations=[obs("00001", "b", "2024", False)],
    )
    a = m.assess(ds, as_of=pendulum.Date(2025, 1, 1)).get("00001", "b")
    assert a.explanation.baseline == D(int(baseline))
    assert a.edge is edge
    if edge is None:
        assert a.progress == 0  # still at the baseline: p = 0 (SPEC §3.7 law 2)


def test_a_checklist_baseline_counts_its_criteria() -> None:
    criteria = [m.Criterion(id=c, name=c.upper()) for c in ("a", "b", "c", "d")]
    ds = dataset(
        indicators=[ind("k", measure="checklist", criteria=criteria, across_units=None)],
        targets=[
            target("k", None, baseline=m.Baseline(value=["a"], date=pendulum.Date(2021, 1, 1)))
        ],
        observations=[obs("00001", "k", "2024", ["a", "b", "c"])],
    )
    a = m.assess(ds, as_of=pendulum.Date(2025, 1, 1)).get("00001", "k")
    assert a.explanation.baseline == D(1)
    assert a.target == D(4)  # no value: every criterion is required
    assert a.progress == D(2) / D(3)  # (3 − 1) / (4 − 1)
