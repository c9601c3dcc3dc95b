"""Roll-ups, grades, ranks, committee aggregation, arguments and the method protocol (§3.6)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import attrs
import pendulum
import pytest

import mttq_core as m

D = Decimal
TERM = m.Term(
    id="T", name="Nhiệm kỳ thử", start=pendulum.Date(2020, 1, 1), end=pendulum.Date(2024, 12, 31)
)


def commune(code: str, name: str = "Xã") -> m.Commune:
    return m.Commune(code=code, name=f"{name} {code}", kind="xa")


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
        source="test",
        **kw,  # type: ignore[arg-type]
    )


def target(indicator: str, value: object, scope: str = "all", comparator: str = ">=") -> m.Target:
    return m.Target(
        term="T",
        indicator=indicator,
        scope=scope,
        comparator=comparator,
        value=value,  # type: ignore[arg-type]
    )


def dataset(**kw: object) -> m.Dataset:
    base: dict[str, object] = {
        "title": "Thử",
        "committee": m.Committee(name="Ủy ban thử"),
        "terms": [TERM],
        "communes": [commune("00001"), commune("00002"), commune("00003"), commune("00004")],
        "indicators": [ind("a"), ind("b")],
    }
    base.update(kw)
    return m.Dataset(**base)  # type: ignore[arg-type]


AS_OF = pendulum.Date(2025, 1, 1)  # the term is over: met → achieved/exceeded, else not_achieved


class TestGrades:
    def test_default_bands(self) -> None:
        grades = m.DEFAULT_GRADES
        assert [(g.id, g.low, g.high) for g in grades.bands] == [
            ("khong_hoan_thanh", D(0), D(50)),
            ("hoan_thanh", D(50), D(70)),
            ("hoan_thanh_tot", D(70), D(90)),
            ("hoan_thanh_xuat_sac", D(90), D(100)),
        ]
        assert grades.grade(D(90)).label == "Hoàn thành xuất sắc"
        assert grades.grade(D("89.999999")).id == "hoan_thanh_tot"
        assert grades.grade(D(100)).id == "hoan_thanh_xuat_sac"
        assert grades.grade(D(0)).id == "khong_hoan_thanh"
        assert grades.grade(D(50)).id == "hoan_thanh"

    @pytest.mark.parametrize(
        ("bands", "problems"),
        [
            (
                [(0, 50, "a", "A"), (60, 100, "b", "B")],
                [
                    (
                        "$[1].low",
                        "60 leaves a gap after 50; each band starts where the previous one ends",
                    )
                ],
            ),
            (
                [(0, 60, "a", "A"), (50, 100, "b", "B")],
                [
                    (
                        "$[1].low",
                        "50 overlaps the band before, which ends at 60; bands must not overlap",
                    )
                ],
            ),
            (
                [(10, 100, "a", "A")],
                [("$[0].low", "10 leaves 0 uncovered; the lowest band starts at 0")],
            ),
            (
                [(0, 90, "a", "A")],
                [("$[0].high", "90 is not 100; the top band ends at 100")],
            ),
            (
                [(0, 50, "a", "A"), (50, 100, "a", "B")],
                [("$[1].id", "id 'a' is used twice")],
            ),
            ([], [("$", "at least one band is needed, covering 0 to 100")]),
        ],
    )
    def test_invalid_bands_are_refused(
        self, bands: list[tuple[int, int, str, str]], problems: list[tuple[str, str]]
    ) -> None:
        with pytest.raises(m.GradeError) as info:
            m.GradeBands.of(bands)
        assert [tuple(p) for p in info.value.problems] == problems

    def test_replaceable_bands_are_used(self) -> None:
        bands = m.GradeBands.of([(0, 75, "chua_dat", "Chưa đạt"), (75, 100, "dat", "Đạt")])
        ds = dataset(
            targets=[target("a", D(10))],
            observations=[obs("00001", "a", "2024", D(10))],
        )
        card = m.assess(ds, as_of=AS_OF, grades=bands)
        summary = card.summary("00001")
        assert summary.grade is not None
        assert summary.grade.id == "dat"


class TestCommuneRollup:
    def test_counts_score_coverage_grade(self) -> None:
        ds = dataset(
            indicators=[ind("a"), ind("b", weight=D(3)), ind("c")],
            targets=[target("a", D(10)), target("b", D(10)), target("c", D(10))],
            observations=[
                obs("00001", "a", "2024", D(12)),  # exceeded, p = 1.2 → s = 1
                obs("00001", "b", "2024", D(5)),  # not achieved, p = 0.5 → s = 0.5, weight 3
                # c: no data → not in the score, lowers coverage
            ],
        )
        s = m.assess(ds, as_of=AS_OF).summary("00001")
        assert s.targets == 3
        assert s.met == 1
        assert s.by_status[m.Status.EXCEEDED] == 1
        assert s.by_status[m.Status.NOT_ACHIEVED] == 1
        assert s.by_status[m.Status.NO_DATA] == 1
        assert s.score == D(100) * (1 * D(1) + 3 * D("0.5")) / 4  # 62.5
        assert s.coverage == D(4) / 5
        assert s.grade is not None
        assert s.grade.id == "hoan_thanh"

    def test_undefined_progress_scores_met_as_one_and_unmet_as_zero(self) -> None:
        ds = dataset(
            indicators=[
                ind("a", direction="decrease", accumulation="latest"),
                ind("b", direction="decrease", accumulation="latest"),
            ],
            targets=[
                target("a", D(5), comparator="<="),  # no baseline: p undefined
                target("b", D(5), comparator="<="),
            ],
            observations=[obs("00001", "a", "2024", D(4)), obs("00001", "b", "2024", D(9))],
        )
        card = m.assess(ds, as_of=AS_OF)
        assert card.get("00001", "a").edge is m.Edge.NO_BASELINE
        assert card.summary("00001").score == D(50)

    def test_no_data_at_all_means_no_score_no_grade_no_rank(self) -> None:
        ds = dataset(targets=[target("a", D(10))])
        s = m.assess(ds, as_of=AS_OF).summary("00001")
        assert (s.score, s.grade, s.rank, s.coverage) == (None, None, None, D(0))

    def test_adding_a_met_target_never_lowers_met(self) -> None:
        base = dataset(
            targets=[target("a", D(10))], observations=[obs("00001", "a", "2024", D(10))]
        )
        more = dataset(
            targets=[target("a", D(10)), target("b", D(1))],
            observations=[obs("00001", "a", "2024", D(10)), obs("00001", "b", "2024", D(1))],
        )
        assert m.assess(base, as_of=AS_OF).summary("00001").met == 1
        assert m.assess(more, as_of=AS_OF).summary("00001").met == 2


class TestRanks:
    def test_ties_share_a_rank_and_unscored_come_last(self) -> None:
        ds = dataset(
            communes=[commune(c) for c in ("00001", "00002", "00003", "00004", "00005")],
            targets=[target("a", D(10))],
            observations=[
                obs("00004", "a", "2024", D(10)),  # 100
                obs("00002", "a", "2024", D(8)),  # 80
                obs("00003", "a", "2024", D(8)),  # 80
                obs("00001", "a", "2024", D(5)),  # 50
                # 00005: no data
            ],
        )
        card = m.assess(ds, as_of=AS_OF)
        assert [(s.commune, s.rank) for s in card.communes] == [
            ("00004", 1),
            ("00002", 2),
            ("00003", 2),
            ("00001", 4),
            ("00005", None),
        ]


class TestCommittee:
    def test_sum_of_communes_when_the_committee_has_no_observation(self) -> None:
        ds = dataset(
            targets=[target("a", D(20), scope="committee")],
            observations=[obs("00001", "a", "2024", D(7)), obs("00002", "a", "2024", D(8))],
        )
        a = m.assess(ds, as_of=AS_OF).get("committee", "a")
        assert a.actual == D(15)
        assert a.explanation.points[0].source == "Tổng hợp: tổng của 2 đơn vị"

    def test_the_committees_own_observation_wins(self) -> None:
        ds = dataset(
            targets=[target("a", D(20), scope="committee")],
            observations=[
                obs("00001", "a", "2024", D(7)),
                obs("committee", "a", "2024", D(21)),
            ],
        )
        assert m.assess(ds, as_of=AS_OF).get("committee", "a").actual == D(21)

    def test_ratio_from_numerators_and_denominators(self) -> None:
        ds = dataset(
            indicators=[ind("p", measure="percent", across_units="ratio")],
            targets=[target("p", D(90), scope="committee")],
            observations=[
                obs("00001", "p", "2024", None, numerator=90, denominator=100),
                obs("00002", "p", "2024", None, numerator=290, denominator=300),
            ],
        )
        a = m.assess(ds, as_of=AS_OF).get("committee", "p")
        assert a.actual == D(100) * 380 / 400  # 95, not the mean of 90 and 96.67
        assert a.status is m.Status.EXCEEDED

    def test_mean_is_unweighted(self) -> None:
        ds = dataset(
            indicators=[ind("q", measure="quantity", accumulation="latest", across_units="mean")],
            targets=[target("q", D(2), scope="committee")],
            observations=[obs("00001", "q", "2024", D(1)), obs("00002", "q", "2024", D(4))],
        )
        assert m.assess(ds, as_of=AS_OF).get("committee", "q").actual == D("2.5")

    def test_share_met(self) -> None:
        ds = dataset(
            indicators=[ind("b", measure="boolean", across_units="share_met")],
            targets=[target("b", True), target("b", D(75), scope="committee")],
            observations=[
                obs("00001", "b", "2023", True),
                obs("00002", "b", "2024", True),
                obs("00003", "b", "2024", False),
                # 00004: no data: has the target, does not meet it
            ],
        )
        a = m.assess(ds, as_of=AS_OF).get("committee", "b")
        assert a.actual == D(50)  # 2 of 4
        assert a.data_date == pendulum.Date(2024, 12, 31)
        assert a.status is m.Status.NOT_ACHIEVED

    def test_without_across_units_only_the_committees_own_values_count(self) -> None:
        ds = dataset(
            indicators=[ind("a", across_units=None)],
            targets=[target("a", D(20), scope="committee")],
            observations=[obs("00001", "a", "2024", D(30))],
        )
        assert m.assess(ds, as_of=AS_OF).get("committee", "a").status is m.Status.NO_DATA

    def test_share_met_without_any_commune_target_is_refused(self) -> None:
        ds = dataset(
            indicators=[ind("b", measure="boolean", across_units="share_met")],
            targets=[target("b", D(75), scope="committee")],
        )
        with pytest.raises(m.ScoringError, match="no commune has a target for 'b'"):
            m.assess(ds, as_of=AS_OF)


class TestArguments:
    def test_as_of_may_be_a_string_or_a_date(self) -> None:
        ds = dataset()
        assert m.assess(ds, as_of="2022-04-18").as_of == pendulum.Date(2022, 4, 18)
        assert m.assess(ds, as_of=dt.date(2022, 4, 18)).as_of == pendulum.Date(2022, 4, 18)

    @pytest.mark.parametrize(
        ("kwargs", "message"),
        [
            ({"as_of": "18/04/2022"}, "as_of: '18/04/2022' is not a date; expected YYYY-MM-DD"),
            ({"as_of": "2022-02-30"}, "as_of: '2022-02-30' is not a calendar date"),
            (
                {"as_of": pendulum.datetime(2022, 4, 18)},
                "as_of: expected a date, got a date and time; pass pendulum.Date",
            ),
            (
                {"as_of": "2022-04-18", "term": "2030"},
                "term: '2030' is not a term of this dataset; known: 'T'",
            ),
            (
                {"as_of": "2022-04-18", "method": "ols"},
                "method: 'ols' is not a method; expected 'linear', 'cagr' or a Method object",
            ),
            (
                {"as_of": "2019-01-01"},
                (
                    "term: no term contains 2019-01-01 and none ended before it (known: 'T'); "
                    "pass term= or a later as_of"
                ),
            ),
            (
                {"as_of": "2022-04-18", "grades": [(0, 100, "a", "A")]},
                "grades: expected GradeBands (see GradeBands.of), got [(0, 100, 'a', 'A')]",
            ),
        ],
    )
    def test_bad_arguments_name_the_argument(self, kwargs: dict[str, object], message: str) -> None:
        with pytest.raises(m.ScoringError) as info:
            m.assess(dataset(), **kwargs)  # type: ignore[arg-type]
        assert str(info.value) == message

    def test_term_selection(self) -> None:
        early = m.Term(
            id="A", name="A", start=pendulum.Date(2015, 1, 1), end=pendulum.Date(2019, 12, 31)
        )
        ds = dataset(terms=[early, TERM])
        assert m.assess(ds, as_of="2017-06-01").term.id == "A"
        assert m.assess(ds, as_of="2022-06-01").term.id == "T"
        assert m.assess(ds, as_of="2030-06-01").term.id == "T"  # the latest that ended before
        assert m.assess(ds, as_of="2030-06-01", term="A").term.id == "A"


class TestMethodProtocol:
    def test_a_users_method_plugs_in(self) -> None:
        @attrs.frozen
        class Pessimist:
            id: str = "pessimist"

            def __call__(self, inputs: m.TargetInputs) -> m.Assessment:
                base = m.LINEAR(inputs)
                return attrs.evolve(base, status=m.Status.BEHIND, method=self.id)

        ds = dataset(targets=[target("a", D(10))], observations=[obs("00001", "a", "2024", D(99))])
        card = m.assess(ds, as_of=AS_OF, method=Pessimist())
        assert card.method == "pessimist"
        assert card.get("00001", "a").status is m.Status.BEHIND
        assert isinstance(Pessimist(), m.Method)

    def test_builtin_methods_satisfy_the_protocol(self) -> None:
        assert isinstance(m.LINEAR, m.Method)
        assert isinstance(m.CAGR, m.Method)
        assert m.METHODS == {"linear": m.LINEAR, "cagr": m.CAGR}


class TestScorecard:
    def test_lookups_and_order(self) -> None:
        ds = dataset(
            targets=[target("b", D(1)), target("a", D(1)), target("a", D(2), scope="committee")],
            observations=[obs("00002", "a", "2024", D(1)), obs("00001", "b", "2024", D(1))],
        )
        card = m.assess(ds, as_of=AS_OF)
        assert [(a.unit, a.indicator) for a in card.assessments][:4] == [
            ("00001", "a"),
            ("00001", "b"),
            ("00002", "a"),
            ("00002", "b"),
        ]
        assert {a.indicator for a in card.for_commune("00002")} == {"a", "b"}
        assert [a.unit for a in card.for_indicator("a")][-1] == "committee"
        assert card.get("committee", "a").actual == D(1)
        with pytest.raises(KeyError):
            card.summary("99999")
        with pytest.raises(KeyError):
            card.get("00001", "zz")

    def test_checklist_default_target_is_all_criteria(self) -> None:
        crit = [m.Criterion(id=f"c{i}", name=f"Tiêu chí {i}") for i in range(3)]
        ds = dataset(
            indicators=[ind("k", measure="checklist", criteria=crit, across_units=None)],
            targets=[target("k", None)],
            observations=[obs("00001", "k", "2024", ["c0", "c2"])],
        )
        a = m.assess(ds, as_of=AS_OF).get("00001", "k")
        assert (a.target, a.actual, a.status) == (D(3), D(2), m.Status.NOT_ACHIEVED)

    def test_a_commune_outside_the_term_is_not_assessed(self) -> None:
        late = m.Commune(
            code="00009", name="Xã mới", kind="xa", valid_from=pendulum.Date(2025, 7, 1)
        )
        ds = dataset(communes=[commune("00001"), late], targets=[target("a", D(1))])
        card = m.assess(ds, as_of=AS_OF)
        assert [s.commune for s in card.communes] == ["00001"]

    def test_observations_after_as_of_do_not_count(self) -> None:
        ds = dataset(
            targets=[target("a", D(10))],
            observations=[obs("00001", "a", "2021", D(4)), obs("00001", "a", "2022", D(9))],
        )
        a = m.assess(ds, as_of="2022-06-30").get("00001", "a")
        assert (a.actual, a.data_date) == (D(4), pendulum.Date(2021, 12, 31))


def test_bat_trang_on_the_day_of_the_working_session() -> None:
    """The statuses the closing note of the scoring issue quotes (built-in example)."""
    card = m.assess(m.example(), as_of="2022-04-18")
    statuses = {a.indicator: a.status.value for a in card.for_commune("00583")}
    assert statuses == {
        "ban_ttnd": "achieved",
        "cuoc_van_dong_ntm_dtvm": "exceeded",
        "gia_dinh_van_hoa": "behind",
        "giam_sat": "behind",
        "ho_can_ngheo": "exceeded",
        "khieu_kien_vuot_cap": "on_track",
        "khu_dan_cu_van_hoa": "behind",
        "mo_hinh_dksk": "on_track",
        "nha_dai_doan_ket": "on_track",
        "quy_vi_nguoi_ngheo": "on_track",
    }


def test_committee_mean_does_not_depend_on_the_order_of_communes() -> None:
    """Regression: Decimal sums rounded in commune order made law 5 (permutation) fail."""
    fractions = [(1, 6), (1, 3), (1, 7), (2, 3), (5, 9)]
    communes = [commune(f"0000{i}") for i in range(1, 6)]
    observations = [
        obs(c.code, "p", "2024", None, numerator=n, denominator=d)
        for c, (n, d) in zip(communes, fractions, strict=True)
    ]
    indicators = [ind("p", measure="percent", across_units="mean")]
    targets = [target("p", D(50), scope="committee")]
    forward = dataset(
        communes=communes, indicators=indicators, targets=targets, observations=observations
    )
    backward = dataset(
        communes=communes[::-1],
        indicators=indicators,
        targets=targets,
        observations=observations[::-1],
    )
    a = m.assess(forward, as_of=AS_OF).get("committee", "p")
    b = m.assess(backward, as_of=AS_OF).get("committee", "p")
    assert a.actual == b.actual
    assert a == b
