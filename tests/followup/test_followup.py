"""Follow-up of conclusions and the schedule of working sessions.

Where a conclusion stands on a day (open, done, overdue) around its deadline, the follow-up
list of a small hand-built dataset and of the example, its groupings and orderings, the
linked targets, and the schedule of a period.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pendulum
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import mttq_core as m
from mttq_core.followup import (
    ConclusionStatus,
    FollowUp,
    FollowUpError,
    FollowUps,
    conclusion_status,
    follow_up,
    schedule,
)

D = pendulum.Date
OPEN, DONE, OVERDUE = ConclusionStatus.OPEN, ConclusionStatus.DONE, ConclusionStatus.OVERDUE
TU = m.Person(name="Hoàng Anh Tú", title="Chủ tịch Ủy ban MTTQ Việt Nam huyện")
AN = m.Person(name="Nguyễn Văn An", title="Phó Chủ tịch Ủy ban MTTQ Việt Nam huyện")


def untyped(value: object) -> Any:
    """Pass a deliberately wrong value past the type checker."""
    return value


def conclusion(
    due: pendulum.Date | None = None, done_on: pendulum.Date | None = None, **kw: Any
) -> m.Conclusion:
    return m.Conclusion(id=kw.pop("id", "k1"), text="Thực hiện", due=due, done_on=done_on, **kw)


def shift(day: pendulum.Date, days: int) -> pendulum.Date:
    return pendulum.Date.fromordinal(day.toordinal() + days)


# == conclusion_status around the deadline ======================================================

DUE = D(2022, 6, 30)


@pytest.mark.parametrize(
    ("as_of", "status"),
    [
        (D(2022, 4, 18), OPEN),
        (D(2022, 6, 29), OPEN),  # the day before the deadline
        (D(2022, 6, 30), OPEN),  # on the deadline: still in time
        (D(2022, 7, 1), OVERDUE),  # the day after
        (D(2030, 1, 1), OVERDUE),
    ],
)
def test_status_around_the_deadline(as_of: pendulum.Date, status: ConclusionStatus) -> None:
    assert conclusion_status(conclusion(due=DUE), as_of) is status


@pytest.mark.parametrize(
    ("done_on", "as_of", "status"),
    [
        # done before the deadline
        (D(2022, 6, 20), D(2022, 6, 19), OPEN),  # not done yet on the day before
        (D(2022, 6, 20), D(2022, 6, 20), DONE),
        (D(2022, 6, 20), D(2022, 7, 1), DONE),  # done: never overdue after that
        # done on the deadline
        (DUE, D(2022, 6, 29), OPEN),
        (DUE, DUE, DONE),
        (DUE, D(2022, 7, 1), DONE),
        # done late
        (D(2022, 7, 15), DUE, OPEN),
        (D(2022, 7, 15), D(2022, 7, 1), OVERDUE),
        (D(2022, 7, 15), D(2022, 7, 14), OVERDUE),  # as_of before done_on: not done yet
        (D(2022, 7, 15), D(2022, 7, 15), DONE),
        (D(2022, 7, 15), D(2023, 1, 1), DONE),
    ],
)
def test_status_of_a_conclusion_done(
    done_on: pendulum.Date, as_of: pendulum.Date, status: ConclusionStatus
) -> None:
    assert conclusion_status(conclusion(due=DUE, done_on=done_on), as_of) is status


@pytest.mark.parametrize("as_of", [D(2022, 4, 18), D(2022, 7, 1), D(2099, 12, 31)])
def test_no_deadline_is_open_for_ever(as_of: pendulum.Date) -> None:
    assert conclusion_status(conclusion(), as_of) is OPEN


def test_no_deadline_is_done_once_done() -> None:
    c = conclusion(done_on=D(2022, 5, 2))
    assert [conclusion_status(c, d) for d in (D(2022, 5, 1), D(2022, 5, 2), D(2099, 1, 1))] == [
        OPEN,
        DONE,
        DONE,
    ]


def test_status_labels() -> None:
    assert [(s.value, s.label) for s in ConclusionStatus] == [
        ("open", "Đang thực hiện"),
        ("done", "Đã hoàn thành"),
        ("overdue", "Quá hạn"),
    ]


@st.composite
def conclusions_and_days(
    draw: st.DrawFn,
) -> tuple[m.Conclusion, pendulum.Date, pendulum.Date]:
    """A conclusion with or without deadline and completion, and days d1 <= d2 near them."""
    base = D(2022, 4, 18).toordinal()
    due = draw(st.none() | st.integers(0, 20))
    done = draw(st.none() | st.integers(0, 20))
    d1 = draw(st.integers(-3, 25))
    d2 = draw(st.integers(d1, 26))
    c = conclusion(
        due=None if due is None else pendulum.Date.fromordinal(base + due),
        done_on=None if done is None else pendulum.Date.fromordinal(base + done),
    )
    return c, pendulum.Date.fromordinal(base + d1), pendulum.Date.fromordinal(base + d2)


@settings(max_examples=200, deadline=None)
@given(conclusions_and_days())
def test_status_only_moves_forward(case: tuple[m.Conclusion, pendulum.Date, pendulum.Date]) -> None:
    c, d1, d2 = case
    first, later = conclusion_status(c, d1), conclusion_status(c, d2)
    if first is DONE:
        assert later is DONE  # never goes back from done
    if first is OVERDUE:
        assert later in (OVERDUE, DONE)
    # and the definition, independently
    for d, status in ((d1, first), (d2, later)):
        if c.done_on is not None and c.done_on <= d:
            assert status is DONE
        elif c.due is not None and d > c.due:
            assert status is OVERDUE
        else:
            assert status is OPEN


# == a small dataset ==========================================================================

TERM = "2019-2024"


def session(
    ident: str,
    date: pendulum.Date,
    commune: str,
    head: m.Person,
    conclusions: list[m.Conclusion],
    *,
    planned: bool = False,
) -> m.WorkingSession:
    return m.WorkingSession(
        id=ident,
        date=date,
        commune=commune,
        term=TERM,
        topics=["congress_targets"],
        delegation=m.Delegation(head=head),
        status="planned" if planned else "held",
        conclusions=conclusions,
    )


def small_dataset(*extra_sessions: m.WorkingSession) -> m.Dataset:
    """Three communes, one target (gdvh, for all), an indicator without a target (giam_sat).

    Sessions, in date order: Bát Tràng 2021-04-08 (c1 done in time, c2 done late, c3 with no
    deadline), Dương Hà 2021-05-10 (d1 never done, d2 done on its deadline), Trâu Quỳ
    2022-03-01 (e1), and a planned session with Bát Tràng on 2022-04-20.
    """
    return m.Dataset(
        title="Kiểm thử",
        committee=m.Committee(name="Ủy ban MTTQ Việt Nam huyện Gia Lâm"),
        terms=[
            m.Term(id=TERM, name="Nhiệm kỳ 2019–2024", start=D(2019, 4, 12), end=D(2024, 4, 30))
        ],
        communes=[
            m.Commune(code="00583", name="Bát Tràng", kind="xa"),
            m.Commune(code="00541", name="Dương Hà", kind="xa", valid_to=D(2024, 12, 31)),
            m.Commune(code="00565", name="Trâu Quỳ", kind="thi_tran"),
        ],
        indicators=[
            m.Indicator(
                id="gdvh",
                name="Tỷ lệ hộ gia đình đạt danh hiệu Gia đình văn hóa",
                measure="percent",
                direction="increase",
                accumulation="latest",
            ),
            m.Indicator(
                id="giam_sat",
                name="Số cuộc giám sát",
                measure="count",
                direction="increase",
                accumulation="each_period",
            ),
        ],
        targets=[
            m.Target(
                term=TERM,
                indicator="gdvh",
                scope="all",
                comparator=">=",
                value="95",
                baseline=m.Baseline(value="92.1", date=D(2019, 4, 12)),
            )
        ],
        observations=[
            m.Observation(
                commune="00583", indicator="gdvh", period="2021", value="96", source="Báo cáo"
            ),
            m.Observation(
                commune="00541", indicator="gdvh", period="2021", value="93", source="Báo cáo"
            ),
        ],
        working_sessions=[
            session(
                "2021-04-08-bat-trang",
                D(2021, 4, 8),
                "00583",
                TU,
                [
                    conclusion(
                        id="c1",
                        due=D(2021, 6, 30),
                        done_on=D(2021, 6, 15),
                        indicators=["gdvh", "giam_sat"],
                    ),
                    conclusion(id="c2", due=D(2021, 12, 31), done_on=D(2022, 1, 10)),
                    conclusion(id="c3"),
                ],
            ),
            session(
                "2021-05-10-duong-ha",
                D(2021, 5, 10),
                "00541",
                AN,
                [
                    conclusion(id="d1", due=D(2021, 5, 31), indicators=["gdvh"]),
                    conclusion(id="d2", due=D(2021, 9, 30), done_on=D(2021, 9, 30)),
                ],
            ),
            session(
                "2022-03-01-trau-quy",
                D(2022, 3, 1),
                "00565",
                TU,
                [conclusion(id="e1", due=D(2022, 6, 30), indicators=["gdvh"])],
            ),
            session("2022-04-20-bat-trang", D(2022, 4, 20), "00583", AN, [], planned=True),
            *extra_sessions,
        ],
    )


def ids(items: FollowUps | tuple[FollowUp, ...]) -> list[str]:
    return [f.conclusion.id for f in items]


def states(items: FollowUps) -> list[tuple[str, str]]:
    return [(f.conclusion.id, f.status.value) for f in items]


# == follow_up ================================================================================


def test_sessions_held_on_or_before_as_of_only() -> None:
    ds = small_dataset()
    assert ids(follow_up(ds, as_of=D(2021, 4, 7))) == []
    assert ids(follow_up(ds, as_of=D(2021, 4, 8))) == ["c1", "c2", "c3"]  # on the day
    assert ids(follow_up(ds, as_of=D(2022, 2, 28))) == ["c1", "c2", "c3", "d1", "d2"]
    assert ids(follow_up(ds, as_of=D(2022, 3, 1))) == ["c1", "c2", "c3", "d1", "d2", "e1"]


def test_planned_sessions_are_not_followed_up() -> None:
    items = follow_up(small_dataset(), as_of=D(2022, 12, 31))
    assert {f.session.id for f in items} == {
        "2021-04-08-bat-trang",
        "2021-05-10-duong-ha",
        "2022-03-01-trau-quy",
    }
    assert all(f.session.status is m.SessionStatus.HELD for f in items)


def test_statuses_on_a_day() -> None:
    items = follow_up(small_dataset(), as_of=D(2022, 1, 5))
    assert states(items) == [
        ("c1", "done"),
        ("c2", "overdue"),  # due 2021-12-31, done only on 2022-01-10
        ("c3", "open"),
        ("d1", "overdue"),
        ("d2", "done"),
    ]
    assert [f.days_overdue for f in items] == [None, 5, None, 219, None]
    assert [f.done_late for f in items] == [False, False, False, False, False]
    assert all(f.as_of == D(2022, 1, 5) for f in items)


def test_done_late_once_done_after_the_deadline() -> None:
    items = follow_up(small_dataset(), as_of=D(2022, 1, 10))
    assert states(items)[:2] == [("c1", "done"), ("c2", "done")]
    assert [f.done_late for f in items] == [False, True, False, False, False]  # d2: on the day
    assert [f.days_overdue for f in items] == [None, None, None, 224, None]


def test_as_of_is_taken_as_a_date_in_any_of_its_forms() -> None:
    ds = small_dataset()
    expected = states(follow_up(ds, as_of=D(2022, 1, 5)))
    assert states(follow_up(ds, as_of="2022-01-05")) == expected
    assert states(follow_up(ds, as_of=dt.date(2022, 1, 5))) == expected


@pytest.mark.parametrize(
    ("as_of", "message"),
    [
        ("2022-04-31", "as_of: '2022-04-31' is not a calendar date"),
        (
            dt.datetime(2022, 4, 18, 9, 0),
            "as_of: expected a date, got a date and time; pass pendulum.Date",
        ),
        (None, "as_of: expected a date (pendulum.Date or 'YYYY-MM-DD'), got None"),
    ],
)
def test_a_bad_as_of_is_refused(as_of: object, message: str) -> None:
    with pytest.raises(FollowUpError) as err:
        follow_up(small_dataset(), as_of=untyped(as_of))
    assert str(err.value) == message
    assert isinstance(err.value, ValueError)


def test_open_only_keeps_open_and_overdue() -> None:
    items = follow_up(small_dataset(), as_of=D(2022, 3, 1), open_only=True)
    assert states(items) == [("c3", "open"), ("d1", "overdue"), ("e1", "open")]


def test_one_commune() -> None:
    ds = small_dataset()
    assert ids(follow_up(ds, as_of=D(2022, 3, 1), commune="00541")) == ["d1", "d2"]
    assert ids(follow_up(ds, as_of=D(2022, 3, 1), commune="00541", open_only=True)) == ["d1"]
    assert ids(follow_up(ds, as_of=D(2022, 3, 1), commune="00999")) == []


def test_grouped_by_commune_codes_in_order() -> None:
    groups = follow_up(small_dataset(), as_of=D(2022, 3, 1)).by_commune()
    assert list(groups) == ["00541", "00565", "00583"]
    assert {code: ids(items) for code, items in groups.items()} == {
        "00541": ["d1", "d2"],
        "00565": ["e1"],
        "00583": ["c1", "c2", "c3"],
    }
    assert groups["00583"][0].commune.name == "Bát Tràng"


def test_grouped_by_head_names_in_order() -> None:
    groups = follow_up(small_dataset(), as_of=D(2022, 3, 1)).by_head()
    assert list(groups) == ["Hoàng Anh Tú", "Nguyễn Văn An"]
    assert [ids(items) for items in groups.values()] == [["c1", "c2", "c3", "e1"], ["d1", "d2"]]
    assert groups["Nguyễn Văn An"][0].head == AN


def test_ordered_by_deadline_without_deadline_last() -> None:
    items = follow_up(small_dataset(), as_of=D(2022, 3, 1))
    by_due = items.by_due()
    assert ids(by_due) == ["d1", "c1", "d2", "c2", "e1", "c3"]
    assert [f.due for f in by_due][-1] is None
    assert isinstance(by_due, FollowUps)
    assert sorted(ids(by_due)) == sorted(ids(items))  # a reordering, nothing lost


def test_same_deadline_keeps_session_order() -> None:
    extra = session(
        "2021-06-01-bat-trang",
        D(2021, 6, 1),
        "00583",
        AN,
        [conclusion(id="f1", due=D(2021, 6, 30)), conclusion(id="f0", due=D(2021, 6, 30))],
    )
    by_due = follow_up(small_dataset(extra), as_of=D(2021, 7, 1)).by_due()
    assert ids(by_due) == ["d1", "c1", "f0", "f1", "d2", "c2", "c3"]


def test_counts_and_with_status() -> None:
    items = follow_up(small_dataset(), as_of=D(2022, 3, 1))
    assert items.counts() == {OPEN: 2, DONE: 3, OVERDUE: 1}
    assert ids(items.with_status(OVERDUE)) == ["d1"]
    assert ids(items.with_status(OPEN, OVERDUE)) == ids(
        follow_up(small_dataset(), as_of=D(2022, 3, 1), open_only=True)
    )
    assert follow_up(small_dataset(), as_of=D(2020, 1, 1)).counts() == {
        OPEN: 0,
        DONE: 0,
        OVERDUE: 0,
    }


def test_follow_ups_is_a_sequence() -> None:
    items = follow_up(small_dataset(), as_of=D(2022, 3, 1))
    assert len(items) == 6
    assert items[0].conclusion.id == "c1"
    assert ids(items[1:3]) == ["c2", "c3"]
    assert isinstance(items[1:3], FollowUps)
    assert [f.conclusion.id for f in items] == ids(items)


# -- linked targets ---------------------------------------------------------------------------


def test_linked_targets_carry_the_communes_standing() -> None:
    ds = small_dataset()
    as_of = D(2022, 3, 1)
    c1 = follow_up(ds, as_of=as_of)[0]
    assert [(t.indicator, t.name) for t in c1.targets] == [
        ("gdvh", "Tỷ lệ hộ gia đình đạt danh hiệu Gia đình văn hóa"),
        ("giam_sat", "Số cuộc giám sát"),
    ]
    gdvh, giam_sat = c1.targets
    card = m.assess(ds, as_of=as_of)
    assert gdvh.assessment is not None
    assert gdvh.assessment.status is card.get("00583", "gdvh").status
    assert gdvh.assessment.status is m.Status.EXCEEDED  # 96 against ≥ 95
    assert giam_sat.assessment is None  # no target for it: kept, shown as such
    d1 = follow_up(ds, as_of=as_of, commune="00541")[0]
    assert d1.targets[0].assessment is not None
    assert d1.targets[0].assessment.unit == "00541"
    assert d1.targets[0].assessment.status is card.get("00541", "gdvh").status


def test_conclusions_without_indicators_or_without_targets_asked() -> None:
    ds = small_dataset()
    assert follow_up(ds, as_of=D(2022, 3, 1))[1].targets == ()  # c2 names no indicator
    assert all(f.targets == () for f in follow_up(ds, as_of=D(2022, 3, 1), targets=False))


# -- the example ------------------------------------------------------------------------------


def test_example_bat_trang_on_the_day_of_the_second_session() -> None:
    items = follow_up(m.example(), as_of="2022-04-18", commune="00583")
    assert states(items) == [
        ("a1", "done"),
        ("a2", "overdue"),
        ("a3", "open"),
        ("a4", "done"),
        *[(f"k{i}", "open") for i in range(1, 8)],
    ]
    a2 = items[1]
    assert a2.days_overdue == (D(2022, 4, 18) - D(2021, 12, 31)).days == 108


def test_example_linked_target_matches_the_scorecard() -> None:
    ds = m.example()
    k1 = next(f for f in follow_up(ds, as_of="2022-04-18") if f.conclusion.id == "k1")
    linked = {t.indicator: t for t in k1.targets}
    assert list(linked) == [
        "gia_dinh_van_hoa",
        "khu_dan_cu_van_hoa",
        "quy_vi_nguoi_ngheo",
        "ho_can_ngheo",
    ]
    card = m.assess(ds, as_of=D(2022, 4, 18))
    for indicator, target in linked.items():
        assert target.assessment is not None
        assert target.assessment.status is card.get("00583", indicator).status
        assert target.assessment == card.get("00583", indicator)


def test_example_over_time() -> None:
    ds = m.example()

    def standing(as_of: str) -> dict[str, str]:
        return {f.conclusion.id: f.status.value for f in follow_up(ds, as_of=as_of)}

    assert standing("2021-04-07") == {}
    assert standing("2022-06-30")["a3"] == "open"
    july = follow_up(ds, as_of="2022-07-15", targets=False)
    a2, a3 = (next(f for f in july if f.conclusion.id == c) for c in ("a2", "a3"))
    assert (a2.status, a2.done_late, a2.days_overdue) == (DONE, True, None)
    assert (a3.status, a3.days_overdue) == (OVERDUE, 15)
    assert standing("2023-01-12")["k5"] == "done"  # done late, on 2023-01-12
    assert standing("2023-01-11")["k5"] == "overdue"


# == schedule =================================================================================

PLANNED_APRIL = [
    "2022-04-20-kieu-ky",
    "2022-04-21-kim-son",
    "2022-04-22-duong-quang",
    "2022-04-25-duong-ha",
    "2022-04-26-yen-thuong",
]


@pytest.mark.parametrize("period", ["2022-04", "2022-Q2", m.Period.parse("2022-04")])
def test_example_schedule_of_april_2022(period: str | m.Period) -> None:
    s = schedule(m.example(), period)
    assert (len(s.held), len(s.planned), len(s.not_visited), len(s.unplanned)) == (1, 5, 21, 16)
    assert [x.id for x in s.held] == ["2022-04-18-bat-trang"]
    assert [x.id for x in s.planned] == PLANNED_APRIL
    not_visited = [c.code for c in s.not_visited]
    assert "00583" not in not_visited
    assert not_visited == sorted(not_visited)
    booked = {"00580", "00562", "00568", "00541", "00529"}
    assert booked <= set(not_visited)
    assert not booked & {c.code for c in s.unplanned}
    assert s.past_due == ()


def test_example_schedule_past_due() -> None:
    ds = m.example()
    assert schedule(ds, "2022-04", as_of="2022-04-20").past_due == ()  # not before the day
    assert [x.id for x in schedule(ds, "2022-04", as_of="2022-04-22").past_due] == [
        "2022-04-20-kieu-ky",
        "2022-04-21-kim-son",
    ]
    assert [x.id for x in schedule(ds, "2022-04", as_of=D(2022, 5, 1)).past_due] == PLANNED_APRIL


def test_a_commune_not_valid_in_the_period_is_not_listed() -> None:
    ds = small_dataset()
    assert [c.code for c in schedule(ds, "2024-12").not_visited] == ["00541", "00565", "00583"]
    # Dương Hà (00541) ends on 2024-12-31
    assert [c.code for c in schedule(ds, "2025").not_visited] == ["00565", "00583"]
    both = schedule(ds, "2024-12-31/2025-01-01")  # one day of its validity is enough
    assert [c.code for c in both.not_visited] == ["00541", "00565", "00583"]
    example = schedule(m.example(), "2025")
    assert len(example.not_visited) == 14  # 8 of the 22 communes ended on 2024-12-31
    assert schedule(m.example(), "2025-H2").not_visited == ()


def test_a_planned_session_is_not_a_visit() -> None:
    s = schedule(small_dataset(), "2022-04")
    assert (s.held, [x.id for x in s.planned]) == ((), ["2022-04-20-bat-trang"])
    assert [c.code for c in s.not_visited] == ["00541", "00565", "00583"]
    assert [c.code for c in s.unplanned] == ["00541", "00565"]
    visited = schedule(small_dataset(), "2022-Q1")
    assert [x.id for x in visited.held] == ["2022-03-01-trau-quy"]
    assert [c.code for c in visited.not_visited] == ["00541", "00583"]


@pytest.mark.parametrize(
    ("period", "message"),
    [
        (
            "2022-13",
            (
                "period: '2022-13' is not a period; expected '2021', '2021-H1', '2021-Q3', "
                "'2021-05' or '2021-04-01/2021-06-30'"
            ),
        ),
        (
            "2022-02-30",
            (
                "period: '2022-02-30' is not a period; expected '2021', '2021-H1', '2021-Q3', "
                "'2021-05' or '2021-04-01/2021-06-30'"
            ),
        ),
        (
            2022,
            (
                "period: expected a Period or a period string like '2022', '2022-Q2', '2022-04' "
                "or '2022-04-01/2022-04-30', got 2022"
            ),
        ),
    ],
)
def test_a_bad_period_is_refused(period: object, message: str) -> None:
    with pytest.raises(FollowUpError) as err:
        schedule(m.example(), untyped(period))
    assert str(err.value) == message


def test_a_bad_schedule_as_of_is_refused() -> None:
    with pytest.raises(FollowUpError, match=r"^as_of: '2022-04-31' is not a calendar date$"):
        schedule(m.example(), "2022-04", as_of="2022-04-31")


def test_conclusion_status_takes_the_same_dates_as_follow_up() -> None:
    c = m.Conclusion(id="k", text="…", due=pendulum.Date(2022, 1, 1))
    assert conclusion_status(c, "2022-01-02") is ConclusionStatus.OVERDUE
    assert conclusion_status(c, dt.date(2022, 1, 1)) is ConclusionStatus.OPEN
    with pytest.raises(FollowUpError, match=r"^as_of: "):
        conclusion_status(c, 20220102)  # type: ignore[arg-type]
    with pytest.raises(FollowUpError, match=r"^conclusion: expected a Conclusion, got str$"):
        conclusion_status("k", "2022-01-02")  # type: ignore[arg-type]
