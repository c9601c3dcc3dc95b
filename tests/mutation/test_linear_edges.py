"""The ``linear`` method at its edges (SPEC §3.1–3.4): ties, decimal targets, ``each_period``.

Found by mutation testing (docs/reliability.md): the worked examples use whole-number targets
and ``each_period`` series of several periods, so a status decided by ``p > e`` instead of
``p >= e``, a share computed with a float division, or an ``each_period`` target without
data went unnoticed by the example tests.
"""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import pendulum
import pytest
from hypothesis import given
from hypothesis import strategies as st

import mttq_core as m

D = Decimal
TERM = m.Term(
    id="T", name="Nhiệm kỳ thử", start=pendulum.Date(2021, 1, 1), end=pendulum.Date(2025, 12, 31)
)
DURING = pendulum.Date(2023, 6, 30)  # the term is not over
AFTER = pendulum.Date(2026, 1, 1)  # the term is over


def dataset(
    indicator: m.Indicator, targets: list[m.Target], observations: list[m.Observation]
) -> m.Dataset:
    return m.Dataset(
        title="Thử",
        committee=m.Committee(name="Ủy ban thử"),
        terms=[TERM],
        communes=[m.Commune(code="00001", name="Xã Một", kind="xa")],
        indicators=[indicator],
        targets=targets,
        observations=observations,
    )


def indicator(**kw: object) -> m.Indicator:
    base: dict[str, object] = {
        "id": "i",
        "name": "Chỉ tiêu",
        "measure": "quantity",
        "direction": "increase",
        "accumulation": "latest",
    }
    base.update(kw)
    return m.Indicator(**base)  # type: ignore[arg-type]


def target(value: object, comparator: str = ">=", **kw: object) -> m.Target:
    return m.Target(
        term="T",
        indicator="i",
        scope="all",
        comparator=comparator,
        value=value,  # type: ignore[arg-type]
        **kw,  # type: ignore[arg-type]
    )


def obs(period: str, value: object, **kw: object) -> m.Observation:
    return m.Observation(
        commune="00001",
        indicator="i",
        period=period,
        value=value,  # type: ignore[arg-type]
        source=f"báo cáo {period}",
        **kw,  # type: ignore[arg-type]
    )


def assess_one(ds: m.Dataset, as_of: pendulum.Date) -> m.Assessment:
    return m.assess(ds, as_of=as_of).get("00001", "i")


# -- §3.4: "not met, term not over, p defined and p >= e → on_track" -----------------------


@pytest.mark.parametrize(
    ("actual", "status"),
    [(D(40), m.Status.ON_TRACK), (D("39.9"), m.Status.BEHIND), (D(41), m.Status.ON_TRACK)],
)
def test_progress_equal_to_the_expected_is_on_track(actual: D, status: m.Status) -> None:
    """A milestone of 40 by 2022 and 40 reached: ``p = e = 0.4`` exactly, so on track."""
    ds = dataset(
        indicator(),
        [target(D(100), milestones=[m.Milestone(period="2022", value=D(40))])],
        [obs("2022", actual)],
    )
    a = assess_one(ds, DURING)
    assert a.expected == D("0.4")
    assert a.status is status


def test_progress_equal_to_the_elapsed_share_is_on_track() -> None:
    """No milestone: ``e`` is the share of the term elapsed at the data date, exactly."""
    term_days = TERM.end.toordinal() - TERM.start.toordinal()
    elapsed = pendulum.Date(2023, 12, 31).toordinal() - TERM.start.toordinal()
    # a target of term_days and an actual of elapsed give p == e exactly
    ds = dataset(indicator(), [target(D(term_days))], [obs("2023", D(elapsed))])
    a = assess_one(ds, pendulum.Date(2024, 6, 30))
    assert a.progress == a.expected
    assert a.status is m.Status.ON_TRACK
    ds = dataset(indicator(), [target(D(term_days))], [obs("2023", D(elapsed - 1))])
    assert assess_one(ds, pendulum.Date(2024, 6, 30)).status is m.Status.BEHIND


# -- §3.4: met at the end of the term: exceeded only when strictly better --------------------


@pytest.mark.parametrize(
    ("comparator", "direction", "actual", "status"),
    [
        (">=", "increase", D("98.5"), m.Status.ACHIEVED),
        (">=", "increase", D(99), m.Status.EXCEEDED),
        ("<=", "decrease", D("98.5"), m.Status.ACHIEVED),
        ("<=", "decrease", D(98), m.Status.EXCEEDED),
    ],
)
def test_a_decimal_target_is_exceeded_only_when_strictly_better(
    comparator: str, direction: str, actual: D, status: m.Status
) -> None:
    ds = dataset(
        indicator(direction=direction),
        [
            target(
                D("98.5"),
                comparator,
                baseline=m.Baseline(value=D(50), date=pendulum.Date(2021, 1, 1)),
            )
        ],
        [obs("2025", actual)],
    )
    assert assess_one(ds, AFTER).status is status


# -- §3.1: the term's bounds are inclusive --------------------------------------------------


def test_an_observation_ending_on_the_first_day_of_the_term_counts() -> None:
    ds = dataset(indicator(), [target(D(10))], [obs("2020-12-01/2021-01-01", D(4))])
    a = assess_one(ds, DURING)
    assert a.actual == D(4)
    assert a.data_date == TERM.start
    assert [(p.source, p.revision) for p in a.explanation.points] == [
        ("báo cáo 2020-12-01/2021-01-01", 0)
    ]


def test_the_explanation_names_the_sources_and_revisions_used() -> None:
    ds = dataset(
        indicator(),
        [target(D(10))],
        [obs("2022", D(4)), obs("2022", D(5), revision=2), obs("2023", D(6))],
    )
    a = assess_one(ds, pendulum.Date(2024, 6, 30))
    assert [(str(p.period), p.value, p.source, p.revision) for p in a.explanation.points] == [
        ("2022", D(5), "báo cáo 2022", 2),
        ("2023", D(6), "báo cáo 2023", 0),
    ]
    assert a.explanation.method == "linear"


# -- no data ------------------------------------------------------------------------------


def test_no_data_keeps_the_baseline_and_says_why() -> None:
    ds = dataset(
        indicator(),
        [target(D(10), baseline=m.Baseline(value=D(2), date=pendulum.Date(2021, 1, 1)))],
        [obs("2024", D(6))],
    )
    a = assess_one(ds, DURING)
    assert a.status is m.Status.NO_DATA
    assert a.edge is None
    assert a.missing_periods == ()
    assert a.explanation.method == "linear"
    assert a.explanation.baseline == D(2)
    assert a.explanation.edge is None
    assert a.explanation.notes == ("no observation counts for this target as of 2023-06-30",)


# -- §3.3 each_period ----------------------------------------------------------------------


def each(**kw: object) -> m.Indicator:
    return indicator(accumulation="each_period", **kw)


def test_each_period_without_any_observation_lists_the_missing_periods() -> None:
    ds = dataset(each(), [target(D(10))], [])
    a = assess_one(ds, DURING)
    assert a.status is m.Status.NO_DATA
    assert a.edge is m.Edge.INCOMPLETE_DATA
    assert [str(p) for p in a.missing_periods] == ["2021", "2022"]
    assert a.explanation.edge is m.Edge.INCOMPLETE_DATA
    assert a.explanation.method == "linear"


def test_each_period_with_one_observation() -> None:
    ds = dataset(each(), [target(D(10))], [obs("2021", D(12))])
    a = assess_one(ds, DURING)
    # the periods observed are all met and the term is not over; 2022 is reported missing
    assert a.status is m.Status.ON_TRACK
    assert [str(p) for p in a.missing_periods] == ["2022"]
    assert a.edge is m.Edge.INCOMPLETE_DATA
    assert a.explanation.notes == ("missing period 2022",)
    assert a.actual == D(12)
    assert (a.method, a.explanation.method) == ("linear", "linear")


def test_each_period_takes_the_length_of_the_communes_periods() -> None:
    """Quarters observed: the missing periods are quarters, not years."""
    ds = dataset(each(), [target(D(10))], [obs("2021-Q1", D(12)), obs("2021-Q2", D(11))])
    a = assess_one(ds, pendulum.Date(2021, 12, 31))
    assert [str(p) for p in a.missing_periods] == ["2021-Q3", "2021-Q4"]
    assert a.actual == D(11)  # the latest period's value
    assert a.explanation.notes == ("missing period 2021-Q3", "missing period 2021-Q4")


@pytest.mark.parametrize(
    ("direction", "comparator", "values", "target_value", "progress"),
    [
        # increase: p_i = a_i / t, capped at 1, then averaged
        ("increase", ">=", [D(2), D("2.5")], D("2.5"), D("0.9")),
        ("increase", ">=", [D(5), D(1)], D("2.5"), D("0.7")),
        # decrease: p_i = t / a_i
        ("decrease", "<=", [D("5.5"), D("2.5")], D("2.75"), D("0.75")),
        ("decrease", "<=", [D(0), D(11)], D("2.75"), D("0.625")),
    ],
)
def test_each_period_progress_is_the_mean_of_the_capped_shares(
    direction: str, comparator: str, values: list[D], target_value: D, progress: D
) -> None:
    ds = dataset(
        each(direction=direction),
        [target(target_value, comparator)],
        [obs(str(2021 + i), v) for i, v in enumerate(values)],
    )
    a = assess_one(ds, pendulum.Date(2022, 12, 31))
    assert a.progress == progress
    assert a.expected == 1


@given(
    values=st.lists(st.decimals(min_value=0, max_value=1000, places=2), min_size=1, max_size=5),
    t=st.decimals(min_value=D("0.01"), max_value=1000, places=2),
)
def test_each_period_shares_are_exact_quotients(values: list[D], t: D) -> None:
    """``p_i = a_i / t`` per period, exactly (SPEC §3.3), whatever the decimals."""
    ds = dataset(each(), [target(t)], [obs(str(2021 + i), v) for i, v in enumerate(values)])
    a = assess_one(ds, AFTER)
    assert [r.progress for r in a.explanation.periods] == [v / t for v in values]
    capped = sum((min(Fraction(v) / Fraction(t), Fraction(1)) for v in values), Fraction(0))
    mean = capped / len(values)
    assert a.progress == D(mean.numerator) / D(mean.denominator)  # rounded once
    assert a.actual == values[-1]
    assert a.met is all(v >= t for v in values)


def test_the_method_id_names_the_method_in_each_assessment() -> None:
    ds = dataset(indicator(), [target(D(10))], [obs("2022", D(4))])
    a = m.assess(ds, as_of=DURING, method=m.LINEAR).get("00001", "i")
    assert a.method == "linear"
    assert a.explanation.method == "linear"


def test_expected_progress_counts_days_from_the_first_day_of_the_term() -> None:
    """One day into the term: ``e = 1 / days(end − start)``, not 0."""
    ds = dataset(indicator(), [target(D(10))], [obs("2021-01-02/2021-01-02", D(0))])
    a = assess_one(ds, DURING)
    days = TERM.end.toordinal() - TERM.start.toordinal()
    assert a.expected == D(1) / D(days)
    assert a.progress == 0
    assert a.status is m.Status.BEHIND
