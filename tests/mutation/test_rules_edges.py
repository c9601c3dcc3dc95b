"""Dataset-level rules (SPEC §2.2) that the example tests left open.

Found by mutation testing (docs/reliability.md): the values of a committee ``share_met``
target (a percent of communes) were not checked by any test, nor the one-length rule of an
``each_period`` series in a term other than the first, nor the cut-off of the list of known
ids in a dangling-reference message.
"""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

import pendulum
import pytest

import mttq_core as m

D = Decimal
T1 = m.Term(
    id="T1", name="Khóa I", start=pendulum.Date(2016, 1, 1), end=pendulum.Date(2020, 12, 31)
)
T2 = m.Term(
    id="T2", name="Khóa II", start=pendulum.Date(2021, 1, 1), end=pendulum.Date(2025, 12, 31)
)
WHAT = "(the share of communes meeting their own target for 'b')"


def ind(ident: str = "b", **kw: Any) -> m.Indicator:
    base: dict[str, Any] = {
        "id": ident,
        "name": ident,
        "measure": "boolean",
        "direction": "increase",
        "accumulation": "latest",
        "across_units": "share_met",
    }
    return m.Indicator(**(base | kw))


def dataset(**kw: Any) -> m.Dataset:
    base: dict[str, Any] = {
        "title": "Thử",
        "committee": m.Committee(name="Ủy ban thử"),
        "terms": [T1, T2],
        "communes": [m.Commune(code="00001", name="Xã Một", kind="xa")],
        "indicators": [ind()],
    }
    return m.Dataset(**(base | kw))


def problems(**kw: Any) -> list[tuple[str, str]]:
    with pytest.raises(m.DatasetError) as err:
        dataset(**kw)
    return [(p.path, p.message) for p in err.value.problems]


def share_target(value: Any, comparator: str = ">=", **kw: Any) -> m.Target:
    return m.Target(
        term="T2", indicator="b", scope="committee", comparator=comparator, value=value, **kw
    )


# -- a committee target of a share_met indicator is a percent of communes -----------------


def test_a_valid_share_met_target_is_accepted() -> None:
    target = share_target(
        D(50),
        ">",
        baseline=m.Baseline(value=D(10), date=pendulum.Date(2021, 1, 1)),
        milestones=[m.Milestone(period="2023", value=D(40))],
    )
    assert dataset(targets=[target]).targets == (target,)


def test_share_met_target_values_are_percents() -> None:
    target = share_target(
        D(120),
        "<=",
        baseline=m.Baseline(value=D(-1), date=pendulum.Date(2021, 1, 1)),
        milestones=[m.Milestone(period="2027", value=D(101))],
    )
    assert problems(targets=[target]) == [
        (
            "$.targets[0].comparator",
            (
                f"'<=' does not fit a committee target of a share_met indicator {WHAT}; "
                "use '>=' or '>'"
            ),
        ),
        ("$.targets[0].value", f"120 is above 100 for a percent {WHAT}"),
        ("$.targets[0].baseline.value", f"-1 is below 0 for a percent; allowed: 0 to 100 {WHAT}"),
        ("$.targets[0].milestones[0].value", f"101 is above 100 for a percent {WHAT}"),
        (
            "$.targets[0].milestones[0].period",
            "period 2027 ends 2027-12-31, outside term 'T2'; a milestone ends inside its term",
        ),
    ]


@pytest.mark.parametrize(
    ("value", "message"),
    [
        (None, f"required: the percent of communes {WHAT}"),
        (True, f"expected a number for a percent indicator, got a boolean {WHAT}"),
    ],
)
def test_a_share_met_target_needs_a_percent(value: Any, message: str) -> None:
    assert problems(targets=[share_target(value)]) == [("$.targets[0].value", message)]


# -- each_period: one period length per commune and term -----------------------------------


def test_one_period_length_is_checked_in_every_term() -> None:
    """The rule holds in the second term too, not only in the first one listed."""
    each = ind("e", measure="count", accumulation="each_period", across_units="sum")
    observations = [
        m.Observation(commune="00001", indicator="e", period=p, value=D(1), source="báo cáo")
        for p in ("2022", "2023-Q1")
    ]
    found = problems(indicators=[each], observations=observations)
    assert found == [
        (
            "$.observations[1].period",
            (
                "2023-Q1 is a quarter, but $.observations[0] uses a year for the same commune, "
                "indicator and term 'T2'; an each_period indicator uses periods of one length"
            ),
        )
    ]


# -- a dangling reference lists at most 8 of the known ids ----------------------------------


@pytest.mark.parametrize(("count", "more"), [(8, ""), (9, ", … (9 in all)")])
def test_a_dangling_reference_lists_eight_known_ids(count: int, more: str) -> None:
    indicators = [ind(f"i{n}") for n in range(count)]
    target = m.Target(term="T2", indicator="x", scope="all", comparator=">=", value=True)
    shown = ", ".join(repr(f"i{n}") for n in range(8))
    assert problems(indicators=indicators, targets=[target]) == [
        ("$.targets[0].indicator", f"no indicator with id 'x'; known indicators: {shown}{more}")
    ]


# -- every violation of a series is reported, in document order (SPEC §2.2) ---------------


def count_obs(period: str, value: int, revision: int = 0, indicator: str = "c") -> m.Observation:
    return m.Observation(
        commune="00001",
        indicator=indicator,
        period=period,
        value=D(value),
        source="báo cáo",
        revision=revision,
    )


def test_a_series_reports_every_clash_not_only_the_first() -> None:
    counts = ind("c", measure="count", across_units="sum")
    observations = [
        count_obs("2021", 1),
        count_obs("2021", 2),  # the same slot again
        count_obs("2022", 3),
        count_obs("2022-Q4", 4),  # ends the same day as 2022
        count_obs("2023", 5),
        count_obs("2023", 6),  # the same slot again
        count_obs("2024", 7),
        count_obs("2024-Q4", 8),  # ends the same day as 2024
    ]
    assert [path for path, _ in problems(indicators=[counts], observations=observations)] == [
        "$.observations[1]",
        "$.observations[3].period",
        "$.observations[5]",
        "$.observations[7].period",
    ]


def test_the_one_length_rule_and_a_clash_are_reported_in_document_order() -> None:
    each = ind("e", measure="count", accumulation="each_period", across_units="sum")
    observations = [
        count_obs("2022", 1, indicator="e"),
        count_obs("2023-Q1", 2, indicator="e"),  # a quarter after a year
        count_obs("2022", 3, indicator="e"),  # the same slot again
    ]
    assert [path for path, _ in problems(indicators=[each], observations=observations)] == [
        "$.observations[1].period",
        "$.observations[2]",
    ]


def test_a_revision_of_a_series_after_a_clash_still_wins() -> None:
    counts = ind("c", measure="count", across_units="sum")
    ds = dataset(
        indicators=[counts],
        observations=[count_obs("2021", 1), count_obs("2022", 2), count_obs("2022", 3, 1)],
    )
    (series,) = [s for s in (ds.series(c, "c") for c in ds.communes) if s]
    assert [(str(o.period), o.value) for o in series] == [("2021", D(1)), ("2022", D(3))]


# -- a fund feeds only the years of its receipts (SPEC §4) ----------------------------------


def test_a_fund_fed_year_does_not_clash_with_a_later_observation() -> None:
    money = ind("q", measure="money", accumulation="sum", across_units="sum")
    fund = m.Fund(
        id="f",
        name="Quỹ “Vì người nghèo”",
        kind="vi_nguoi_ngheo",
        owner="00001",
        opened_on=pendulum.Date(2021, 1, 1),
        feeds="q",
        entries=[
            m.Receipt(
                id="r1", date=pendulum.Date(2021, 3, 1), donor="Hộ ông A", amount=1_000, form="cash"
            )
        ],
    )
    later = m.Observation(
        commune="00001", indicator="q", period="2022", value=D(500), source="báo cáo"
    )
    ds = dataset(indicators=[money], funds=[fund], observations=[later])
    (series,) = [s for s in (ds.series(c, "q") for c in ds.communes) if s]
    assert [(str(o.period), o.value) for o in series] == [("2021", D(1_000)), ("2022", D(500))]
    clash = m.Observation(
        commune="00001", indicator="q", period="2021", value=D(900), source="báo cáo"
    )
    assert [
        path for path, _ in problems(indicators=[money], funds=[fund], observations=[clash])
    ] == ["$.observations[0]"]


# -- a commune that could not be read is reported once, not at every reference ---------------


def test_references_to_unreadable_terms_stay_quiet() -> None:
    counts = ind("c", measure="count", across_units="sum")
    ds = dataset(
        indicators=[counts],
        targets=[m.Target(term="T2", indicator="c", scope="all", comparator=">=", value=D(3))],
    )
    document = json.loads(m.dumps(ds))
    document["terms"] = 5
    with pytest.raises(m.DatasetError) as err:
        m.loads(json.dumps(document))
    assert [(p.path, p.message) for p in err.value.problems] == [
        ("$.terms", "expected a list, got an integer")
    ]


@pytest.mark.parametrize(
    ("communes", "reported"),
    [
        (5, [("$.communes", "expected a list, got an integer")]),
        (
            [{"code": "00001", "name": "Xã Một", "kind": "zzz"}],
            [
                (
                    "$.communes[0].kind",
                    "'zzz' is not allowed; expected 'xa', 'phuong', 'thi_tran' or 'dac_khu'",
                )
            ],
        ),
    ],
    ids=["collection", "item"],
)
def test_references_to_an_unreadable_commune_stay_quiet(
    communes: object, reported: list[tuple[str, str]]
) -> None:
    counts = ind("c", measure="count", across_units="sum")
    ds = dataset(
        indicators=[counts],
        targets=[m.Target(term="T2", indicator="c", scope="00001", comparator=">=", value=D(3))],
        observations=[count_obs("2022", 1)],
        working_sessions=[
            m.WorkingSession(
                id="s",
                date=pendulum.Date(2022, 5, 1),
                commune="00001",
                term="T2",
                topics=["other"],
                delegation=m.Delegation(head=m.Person(name="Trần Văn A", title="Chủ tịch")),
            )
        ],
    )
    document = json.loads(m.dumps(ds))
    document["communes"] = communes
    with pytest.raises(m.DatasetError) as err:
        m.loads(json.dumps(document))
    assert [(p.path, p.message) for p in err.value.problems] == reported


def test_a_ratio_committee_target_is_checked_after_other_committee_targets() -> None:
    """The counts rule of §2.2 holds for every ratio target, wherever it is listed."""
    counts = ind("c", measure="count", across_units="sum")
    percent = ind("p", measure="percent", across_units="ratio")
    targets = [
        m.Target(term="T2", indicator="c", scope="committee", comparator=">=", value=D(3)),
        m.Target(term="T2", indicator="p", scope="committee", comparator=">=", value=D(90)),
    ]
    lacking = m.Observation(
        commune="00001", indicator="p", period="2022", value=D(80), source="báo cáo"
    )
    assert problems(indicators=[counts, percent], targets=targets, observations=[lacking]) == [
        (
            "$.observations[0]",
            (
                "the committee target for 'p' in term 'T2' combines communes by ratio, which "
                "needs numerator and denominator on every commune observation in the term; add them"
            ),
        )
    ]
