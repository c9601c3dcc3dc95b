"""Dataset-level rules (SPEC §2.2, and the fund rules of §4 checked across entities)."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pendulum
import pytest

from mttq_core import (
    Baseline,
    Committee,
    Commune,
    Conclusion,
    Criterion,
    Dataset,
    DatasetError,
    Delegation,
    Fund,
    Indicator,
    Milestone,
    Observation,
    Period,
    Person,
    Receipt,
    Target,
    Term,
    Topic,
    WorkingSession,
)

D = pendulum.Date

# -- the cast -------------------------------------------------------------------------------

TERM = Term(id="2019-2024", name="Nhiệm kỳ 2019–2024", start=D(2019, 4, 12), end=D(2024, 4, 30))
TERM2 = Term(id="2024-2029", name="Nhiệm kỳ 2024–2029", start=D(2024, 5, 1), end=D(2029, 4, 30))
TERM1_SPAN = "2019-04-12 – 2024-04-30"

TRAU_QUY = Commune(
    code="00565",
    name="Trâu Quỳ",
    kind="thi_tran",
    district_code="018",
    province_code="01",
    valid_to=D(2025, 6, 30),
)
GIA_LAM = Commune(
    code="00565", name="Gia Lâm", kind="xa", province_code="01", valid_from=D(2025, 7, 1)
)
BAT_TRANG = Commune(
    code="00583",
    name="Bát Tràng",
    kind="xa",
    district_code="018",
    province_code="01",
    valid_to=D(2025, 6, 30),
)
KIEU_KY = Commune(code="00592", name="Kiêu Kỵ", kind="xa", valid_to=D(2025, 6, 30))

GDVH = Indicator(
    id="gdvh",
    name="Tỷ lệ hộ gia đình đạt danh hiệu Gia đình văn hóa",
    measure="percent",
    unit="%",
    direction="increase",
    accumulation="latest",
    across_units="ratio",
)
HO_NGHEO = Indicator(
    id="ho_ngheo",
    name="Tỷ lệ hộ nghèo",
    measure="percent",
    unit="%",
    direction="decrease",
    accumulation="latest",
    across_units="mean",
)
GIAM_SAT = Indicator(
    id="giam_sat",
    name="Số cuộc giám sát",
    measure="count",
    direction="increase",
    accumulation="each_period",
    across_units="sum",
)
NHA = Indicator(
    id="nha_ddk",
    name="Nhà Đại đoàn kết",
    measure="count",
    direction="increase",
    accumulation="sum",
    across_units="sum",
)
QUY = Indicator(
    id="quy_vnn",
    name="Vận động Quỹ “Vì người nghèo”",
    measure="money",
    unit="đồng",
    direction="increase",
    accumulation="sum",
    across_units="sum",
)
DIEN_TICH = Indicator(
    id="dien_tich",
    name="Diện tích cây xanh",
    measure="quantity",
    unit="m²",
    direction="increase",
    accumulation="mean",
)
CO_BAN = Indicator(
    id="co_ban",
    name="Ban Thanh tra nhân dân được kiện toàn",
    measure="boolean",
    direction="increase",
    accumulation="latest",
)
TIEU_CHI = Indicator(
    id="tieu_chi",
    name="Tiêu chí khu dân cư văn hóa",
    measure="checklist",
    direction="increase",
    accumulation="latest",
    criteria=[
        Criterion(id="a", name="Tiêu chí A"),
        Criterion(id="b", name="Tiêu chí B"),
        Criterion(id="c", name="Tiêu chí C"),
    ],
)
INDICATORS = [GDVH, HO_NGHEO, GIAM_SAT, NHA, QUY, DIEN_TICH, CO_BAN, TIEU_CHI]
KNOWN_INDICATORS = (
    "known indicators: 'co_ban', 'dien_tich', 'gdvh', 'giam_sat', 'ho_ngheo', 'nha_ddk', "
    "'quy_vnn', 'tieu_chi'"
)
HEAD = Person(name="Hoàng Anh Tú", title="Chủ tịch Ủy ban MTTQ Việt Nam huyện")


# -- builders -------------------------------------------------------------------------------


def dataset(**kw: Any) -> Dataset:
    """A small valid dataset; keyword arguments replace whole collections."""
    args: dict[str, Any] = {
        "title": "Chỉ tiêu Nghị quyết Đại hội MTTQ huyện Gia Lâm",
        "committee": Committee(name="Ủy ban MTTQ Việt Nam huyện Gia Lâm", unit_code="018"),
        "terms": [TERM, TERM2],
        "communes": [TRAU_QUY, GIA_LAM, BAT_TRANG, KIEU_KY],
        "indicators": INDICATORS,
    }
    return Dataset(**(args | kw))


def problems(**kw: Any) -> list[tuple[str, str]]:
    """The (path, message) pairs that building ``dataset(**kw)`` reports."""
    with pytest.raises(DatasetError) as err:
        dataset(**kw)
    return [(p.path, p.message) for p in err.value.problems]


def obs(
    commune: str = "00583",
    indicator: str = "gdvh",
    period: str = "2021",
    value: Any = "94.2",
    **kw: Any,
) -> Observation:
    return Observation(
        commune=commune,
        indicator=indicator,
        period=period,
        value=value,
        source="Báo cáo kết quả",
        **kw,
    )


def tgt(
    scope: str = "all",
    indicator: str = "gdvh",
    term: str = "2019-2024",
    comparator: str = ">=",
    value: Any = "95",
    **kw: Any,
) -> Target:
    return Target(
        term=term, indicator=indicator, scope=scope, comparator=comparator, value=value, **kw
    )


def ws(**kw: Any) -> WorkingSession:
    args: dict[str, Any] = {
        "id": "2022-04-18-bat-trang",
        "date": D(2022, 4, 18),
        "commune": "00583",
        "term": "2019-2024",
        "topics": ["congress_targets"],
        "delegation": Delegation(head=HEAD),
    }
    return WorkingSession(**(args | kw))


def fund(**kw: Any) -> Fund:
    args: dict[str, Any] = {
        "id": "vnn_bat_trang",
        "name": "Quỹ “Vì người nghèo” xã Bát Tràng",
        "kind": "vi_nguoi_ngheo",
        "owner": "00583",
        "opened_on": D(2021, 1, 1),
        "feeds": "quy_vnn",
        "entries": [
            Receipt(id="r1", date=D(2021, 3, 1), donor="Hộ ông A", amount=1_000, form="cash"),
            Receipt(id="r2", date=D(2022, 3, 1), donor="Hộ ông B", amount=500, form="transfer"),
        ],
    }
    return Fund(**(args | kw))


def values(series: tuple[Observation, ...]) -> list[tuple[str, Any]]:
    return [(str(o.period), o.value) for o in series]


def test_the_base_dataset_is_valid() -> None:
    ds = dataset()
    assert ds.summary().startswith("2 terms, 4 communes, 8 indicators")
    assert ds.superseded == ()


# == ids unique per kind ====================================================================


def test_term_ids_unique() -> None:
    assert dataset(terms=[TERM, TERM2]).term("2024-2029") == TERM2
    assert problems(terms=[TERM, TERM2, TERM]) == [
        ("$.terms[2].id", "id '2019-2024' is already used by terms[0]; ids are unique")
    ]


def test_indicator_ids_unique() -> None:
    assert dataset().indicator("quy_vnn") == QUY
    assert problems(indicators=[GDVH, NHA, GDVH]) == [
        ("$.indicators[2].id", "id 'gdvh' is already used by indicators[0]; ids are unique")
    ]


def test_session_ids_unique() -> None:
    two = [ws(), ws(id="2022-04-19-kieu-ky", commune="00592", date=D(2022, 4, 19))]
    assert len(dataset(working_sessions=two).working_sessions) == 2
    assert problems(working_sessions=[ws(), ws()]) == [
        (
            "$.working_sessions[1].id",
            "id '2022-04-18-bat-trang' is already used by working_sessions[0]; ids are unique",
        )
    ]


def test_fund_ids_unique() -> None:
    other = fund(id="cuu_tro", kind="cuu_tro", feeds=None)
    assert len(dataset(funds=[fund(), other]).funds) == 2
    assert problems(funds=[fund(), fund(feeds=None)]) == [
        ("$.funds[1].id", "id 'vnn_bat_trang' is already used by funds[0]; ids are unique")
    ]


def test_dataset_topics_usable_by_sessions() -> None:
    ds = dataset(
        topics=[Topic(id="chuyen_doi_so", name="Chuyển đổi số")],
        working_sessions=[ws(topics=["chuyen_doi_so", "funds"])],
    )
    assert ds.topic_labels["chuyen_doi_so"] == "Chuyển đổi số"
    assert ds.topic_labels["funds"] == "Vận động, quản lý và sử dụng các loại Quỹ"


def test_dataset_topic_ids_unique() -> None:
    assert problems(topics=[Topic(id="a", name="A"), Topic(id="a", name="B")]) == [
        ("$.topics[1].id", "id 'a' is already used by topics[0]")
    ]


def test_dataset_topic_may_not_reuse_a_builtin_id() -> None:
    assert problems(topics=[Topic(id="funds", name="Quỹ")]) == [
        ("$.topics[0].id", "'funds' is a built-in topic; a dataset's own topics need new ids")
    ]


def test_session_topic_must_be_known() -> None:
    assert problems(working_sessions=[ws(topics=["congress_targets", "khong_co"])]) == [
        (
            "$.working_sessions[0].topics[1]",
            "'khong_co' is not a topic; use a built-in topic id or add it to the dataset's topics",
        )
    ]


# == communes sharing a code ==================================================================


def test_communes_share_a_code_when_disjoint() -> None:
    ds = dataset(communes=[TRAU_QUY, GIA_LAM])
    assert ds.commune("00565", D(2025, 6, 30)) == TRAU_QUY
    assert ds.commune("00565", D(2025, 7, 1)) == GIA_LAM


def test_communes_sharing_a_code_may_not_overlap() -> None:
    overlapping = Commune(code="00565", name="Gia Lâm", kind="xa", valid_from=D(2025, 6, 30))
    assert problems(communes=[TRAU_QUY, overlapping]) == [
        (
            "$.communes[1].code",
            (
                "code 00565 is already used by communes[0] (Trâu Quỳ, valid … – 2025-06-30) "
                "over an overlapping period (this one: 2025-06-30 – …); "
                "two communes share a code only if their validity intervals are disjoint"
            ),
        )
    ]


def test_two_open_communes_with_one_code_fail() -> None:
    twin = Commune(code="00583", name="Bát Tràng (trùng)", kind="xa")
    assert [p for p, _ in problems(communes=[BAT_TRANG, twin])] == ["$.communes[1].code"]


# == date-aware commune resolution ===========================================================


def test_observation_resolves_code_at_its_period_end() -> None:
    ds = dataset(
        observations=[
            obs("00565", period="2022", value="90"),
            obs("00565", period="2025-H2", value="97"),
            obs("00565", period="2025-H1", value="93"),
        ]
    )
    assert values(ds.series(TRAU_QUY, "gdvh")) == [("2022", Decimal(90)), ("2025-H1", Decimal(93))]
    assert values(ds.series(GIA_LAM, "gdvh")) == [("2025-H2", Decimal(97))]


def test_dataset_commune_lookup_by_date() -> None:
    ds = dataset()
    assert ds.commune("00565", D(2022, 4, 18)) is TRAU_QUY
    assert ds.commune("00565", D(2025, 6, 30)) is TRAU_QUY
    assert ds.commune("00565", D(2025, 7, 1)) is GIA_LAM
    assert ds.commune("00565", D(2030, 1, 1)) is GIA_LAM


def test_dataset_commune_lookup_misses_raise_key_error() -> None:
    ds = dataset()
    with pytest.raises(KeyError):
        ds.commune("00583", D(2025, 7, 1))
    with pytest.raises(KeyError):
        ds.commune("99999", D(2022, 1, 1))


def test_observation_of_a_commune_not_yet_or_no_longer_valid_fails() -> None:
    assert problems(observations=[obs("00583", period="2025-H2")]) == [
        (
            "$.observations[0].commune",
            (
                "commune 00583 is not valid on 2025-12-31 (the end of period 2025-H2): Bát Tràng "
                "(valid … – 2025-06-30); a code refers to the unit that holds it at the date of use"
            ),
        )
    ]


def test_observation_of_an_unknown_commune_fails() -> None:
    assert problems(observations=[obs("00999")]) == [
        ("$.observations[0].commune", "no commune with code '00999' in the dataset's communes")
    ]


def test_observation_of_an_unknown_indicator_fails() -> None:
    assert problems(observations=[obs(indicator="khong_co")]) == [
        ("$.observations[0].indicator", f"no indicator with id 'khong_co'; {KNOWN_INDICATORS}")
    ]


def test_committee_observation_needs_no_commune() -> None:
    ds = dataset(observations=[obs("committee", period="2022", value="95.6")])
    assert values(ds.series("committee", "gdvh")) == [("2022", Decimal("95.6"))]


def test_session_resolves_code_at_its_date() -> None:
    held = ws(
        id="s-gia-lam",
        commune="00565",
        term="2024-2029",
        date=D(2025, 9, 1),
        observations=[obs("00565", period="2025-H1", value="96")],
    )
    ds = dataset(working_sessions=[held])
    # the session's observation ends 2025-06-30: Trâu Quỳ's result, recorded at Gia Lâm's session
    assert values(ds.series(TRAU_QUY, "gdvh")) == [("2025-H1", Decimal(96))]
    paths = [path for path, _ in ds.all_observations()]
    assert paths == ["$.working_sessions[0].observations[0]"]


def test_session_commune_not_valid_on_its_date_fails() -> None:
    late = ws(term="2024-2029", date=D(2025, 7, 2))
    assert problems(working_sessions=[late]) == [
        (
            "$.working_sessions[0].commune",
            (
                "commune 00583 is not valid on 2025-07-02 (the session's date): "
                "Bát Tràng (valid … – 2025-06-30); "
                "a code refers to the unit that holds it at the date of use"
            ),
        )
    ]


def test_session_references_resolve() -> None:
    assert problems(working_sessions=[ws(term="2000-2005", commune="00999")]) == [
        (
            "$.working_sessions[0].term",
            "no term with id '2000-2005'; known terms: '2019-2024', '2024-2029'",
        ),
        (
            "$.working_sessions[0].commune",
            "no commune with code '00999' in the dataset's communes",
        ),
    ]


@pytest.mark.parametrize("day", [D(2019, 4, 12), D(2024, 4, 30)])
def test_session_on_the_term_bounds_passes(day: pendulum.Date) -> None:
    assert dataset(working_sessions=[ws(date=day)]).working_sessions[0].date == day


@pytest.mark.parametrize("day", [D(2019, 4, 11), D(2024, 5, 1)])
def test_session_outside_its_term_fails(day: pendulum.Date) -> None:
    assert problems(working_sessions=[ws(date=day)]) == [
        (
            "$.working_sessions[0].date",
            (
                f"{day.isoformat()} is outside term '2019-2024' ({TERM1_SPAN}); a session lies "
                "inside its term"
            ),
        )
    ]


def test_session_conclusion_indicators_resolve() -> None:
    ok = ws(conclusions=[Conclusion(id="kl1", text="Rà soát", indicators=["gdvh", "quy_vnn"])])
    assert dataset(working_sessions=[ok]).working_sessions == (ok,)
    bad = ws(conclusions=[Conclusion(id="kl1", text="Rà soát", indicators=["gdvh", "zz"])])
    assert problems(working_sessions=[bad]) == [
        (
            "$.working_sessions[0].conclusions[0].indicators[1]",
            f"no indicator with id 'zz'; {KNOWN_INDICATORS}",
        )
    ]


def test_session_observation_of_another_commune_fails() -> None:
    bad = ws(observations=[obs("00592", period="2021")])
    assert problems(working_sessions=[bad]) == [
        (
            "$.working_sessions[0].observations[0].commune",
            (
                "'00592' is not the session's commune '00583'; a session records observations of "
                "its own commune"
            ),
        )
    ]


def test_session_observations_take_part_in_the_rules() -> None:
    bad = ws(observations=[obs(period="2021", value="101")])
    assert problems(working_sessions=[bad]) == [
        ("$.working_sessions[0].observations[0].value", "101 is above 100 for a percent")
    ]


# == targets: references, scope resolution, override, duplicates ==============================


def test_target_references_resolve() -> None:
    assert problems(targets=[tgt(term="x", indicator="y")]) == [
        ("$.targets[0].term", "no term with id 'x'; known terms: '2019-2024', '2024-2029'"),
        ("$.targets[0].indicator", f"no indicator with id 'y'; {KNOWN_INDICATORS}"),
    ]


def test_target_scope_of_an_unknown_commune_fails() -> None:
    assert problems(targets=[tgt("00999")]) == [
        ("$.targets[0].scope", "no commune with code '00999' in the dataset's communes")
    ]


def test_target_scope_resolves_over_the_term_span() -> None:
    ds = dataset(targets=[tgt("00565", value="97")])
    found = ds.target_for("2019-2024", "gdvh", TRAU_QUY)
    assert found is not None
    assert found.value == Decimal(97)


def test_target_scope_not_valid_during_the_term_fails() -> None:
    new_unit = Commune(code="00600", name="Phù Đổng", kind="xa", valid_from=D(2025, 7, 1))
    assert problems(communes=[TRAU_QUY, GIA_LAM, BAT_TRANG, new_unit], targets=[tgt("00600")]) == [
        (
            "$.targets[0].scope",
            f"no commune with code '00600' is valid during term '2019-2024' ({TERM1_SPAN})",
        )
    ]


def test_target_scope_matching_two_communes_during_the_term_fails() -> None:
    assert problems(targets=[tgt("00565", term="2024-2029")]) == [
        (
            "$.targets[0].scope",
            (
                "code 00565 names more than one commune during term '2024-2029' (2024-05-01 – "
                "2029-04-30): Trâu Quỳ (valid … – 2025-06-30); Gia Lâm (valid 2025-07-01 – …); "
                "split the target by unit"
            ),
        )
    ]


def test_commune_target_overrides_the_all_target() -> None:
    ds = dataset(targets=[tgt("all", value="95"), tgt("00583", value="97")])
    own = ds.target_for("2019-2024", "gdvh", BAT_TRANG)
    shared = ds.target_for("2019-2024", "gdvh", TRAU_QUY)
    assert own is not None
    assert own.scope == "00583"
    assert own.value == Decimal(97)
    assert shared is not None
    assert shared.scope == "all"
    # order in the document does not matter
    ds2 = dataset(targets=[tgt("00583", value="97"), tgt("all", value="95")])
    assert ds2.target_for("2019-2024", "gdvh", BAT_TRANG) == own


def test_no_target_gives_none() -> None:
    ds = dataset(targets=[tgt("all")])
    assert ds.target_for("2019-2024", "nha_ddk", BAT_TRANG) is None
    assert ds.target_for("2024-2029", "gdvh", BAT_TRANG) is None
    assert ds.committee_target("2019-2024", "gdvh") is None


@pytest.mark.parametrize("scope", ["all", "committee", "00583"])
def test_two_targets_with_one_key_fail(scope: str) -> None:
    assert problems(targets=[tgt(scope, value="95"), tgt(scope, comparator=">", value="96")]) == [
        (
            "$.targets[1]",
            (
                f"a target for term '2019-2024', indicator 'gdvh' and scope {scope!r} is already "
                "given; one target per (term, indicator, scope)"
            ),
        )
    ]


def test_targets_with_different_keys_pass() -> None:
    ds = dataset(
        targets=[
            tgt("all"),
            tgt("committee"),
            tgt("00583"),
            tgt("all", term="2024-2029"),
            tgt("all", indicator="ho_ngheo", comparator="<=", value="1"),
        ]
    )
    committee = ds.committee_target("2019-2024", "gdvh")
    assert committee is not None
    assert committee.scope == "committee"


# == "all" targets apply to every commune overlapping the term ==================================


def test_communes_during_a_term() -> None:
    ds = dataset()
    assert ds.communes_during(TERM) == (TRAU_QUY, BAT_TRANG, KIEU_KY)
    assert ds.communes_during(TERM2) == (TRAU_QUY, GIA_LAM, BAT_TRANG, KIEU_KY)


def test_all_target_applies_to_every_commune_overlapping_the_term() -> None:
    ds = dataset(targets=[tgt("all", value="95")])
    for c in ds.communes_during(TERM):
        found = ds.target_for("2019-2024", "gdvh", c)
        assert found is not None, c.name
        assert found.scope == "all"


def test_all_target_does_not_apply_to_a_commune_outside_the_term() -> None:
    """xã Gia Lâm exists from 2025-07-01: the 2019–2024 "all" target is not its target."""
    ds = dataset(targets=[tgt("all", value="95")])
    assert GIA_LAM not in ds.communes_during(TERM)
    assert ds.target_for("2019-2024", "gdvh", GIA_LAM) is None


# == target values against the indicator ====================================================


@pytest.mark.parametrize(
    ("indicator", "comparator"),
    [("gdvh", ">="), ("gdvh", ">"), ("ho_ngheo", "<="), ("ho_ngheo", "<")],
)
def test_comparator_agrees_with_direction(indicator: str, comparator: str) -> None:
    assert dataset(targets=[tgt(indicator=indicator, comparator=comparator, value="1")]).targets


@pytest.mark.parametrize(
    ("indicator", "comparator", "direction", "allowed"),
    [
        ("gdvh", "<=", "increase", "'>=' or '>'"),
        ("gdvh", "<", "increase", "'>=' or '>'"),
        ("ho_ngheo", ">=", "decrease", "'<=' or '<'"),
        ("ho_ngheo", ">", "decrease", "'<=' or '<'"),
    ],
)
def test_comparator_against_direction_fails(
    indicator: str, comparator: str, direction: str, allowed: str
) -> None:
    assert problems(targets=[tgt(indicator=indicator, comparator=comparator, value="1")]) == [
        (
            "$.targets[0].comparator",
            (
                f"{comparator!r} does not fit indicator {indicator!r}, whose direction is "
                f"{direction!r}; use {allowed}"
            ),
        )
    ]


@pytest.mark.parametrize(
    ("indicator", "value"),
    [
        ("gdvh", "0"),
        ("gdvh", "100"),
        ("nha_ddk", "30"),
        ("quy_vnn", "10000000000"),
        ("dien_tich", "-3.5"),
    ],
)
def test_target_value_valid_for_the_measure(indicator: str, value: str) -> None:
    assert dataset(targets=[tgt(indicator=indicator, value=value)]).targets[0].value == Decimal(
        value
    )


@pytest.mark.parametrize(
    ("indicator", "value", "message"),
    [
        ("gdvh", "104.5", "104.5 is above 100 for a percent"),
        ("gdvh", "-1", "-1 is below 0 for a percent; allowed: 0 to 100"),
        ("nha_ddk", "1.5", "1.5 is not a whole number; a count is a whole number"),
        ("nha_ddk", "-1", "-1 is negative; a count is a whole number ≥ 0"),
        (
            "quy_vnn",
            "1000.0",
            "1000.0 has a decimal point; money is a whole number of đồng, written without one",
        ),
        ("gdvh", True, "expected a number for a percent indicator, got a boolean"),
        ("gdvh", ["a"], "expected a number for a percent indicator, got a list"),
    ],
)
def test_target_value_invalid_for_the_measure(indicator: str, value: Any, message: str) -> None:
    assert problems(targets=[tgt(indicator=indicator, value=value)]) == [
        ("$.targets[0].value", message)
    ]


def test_target_value_required_except_for_checklists() -> None:
    assert dataset(targets=[tgt(indicator="tieu_chi", value=None)]).targets[0].value is None
    assert problems(targets=[tgt(value=None)]) == [
        ("$.targets[0].value", "required for a percent indicator")
    ]


def test_boolean_target_true_with_ge_passes() -> None:
    assert dataset(targets=[tgt(indicator="co_ban", value=True)]).targets[0].value is True


def test_boolean_target_false_fails() -> None:
    assert problems(targets=[tgt(indicator="co_ban", value=False)]) == [
        ("$.targets[0].value", "a boolean target must be true (the thing is done)")
    ]


def test_boolean_target_with_gt_fails() -> None:
    assert problems(targets=[tgt(indicator="co_ban", comparator=">", value=True)]) == [
        ("$.targets[0].comparator", "a boolean target uses '>='")
    ]


@pytest.mark.parametrize("value", ["1", "2", "3"])
def test_checklist_target_counts_criteria(value: str) -> None:
    assert dataset(targets=[tgt(indicator="tieu_chi", value=value)]).targets


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("0", "0 criteria cannot be required of a checklist of 3; allowed: 1 to 3"),
        ("4", "4 criteria cannot be required of a checklist of 3; allowed: 1 to 3"),
        ("1.5", "1.5 is not a whole number; a count is a whole number"),
    ],
)
def test_checklist_target_out_of_range_fails(value: str, message: str) -> None:
    assert problems(targets=[tgt(indicator="tieu_chi", value=value)]) == [
        ("$.targets[0].value", message + " (a checklist target is the number of criteria required)")
    ]


@pytest.mark.parametrize("indicator", ["gdvh", "dien_tich"])
def test_baseline_for_latest_and_mean_passes(indicator: str) -> None:
    t = tgt(indicator=indicator, baseline=Baseline(value="92.1", date=D(2019, 4, 12)))
    assert dataset(targets=[t]).targets == (t,)


@pytest.mark.parametrize(
    ("indicator", "accumulation"), [("nha_ddk", "sum"), ("giam_sat", "each_period")]
)
def test_baseline_for_sum_and_each_period_fails(indicator: str, accumulation: str) -> None:
    t = tgt(indicator=indicator, value="2", baseline=Baseline(value="1", date=D(2019, 4, 12)))
    assert problems(targets=[t]) == [
        (
            "$.targets[0].baseline",
            (
                "a baseline is only for 'latest' or 'mean' indicators; "
                f"{indicator!r} accumulates by {accumulation!r}"
            ),
        )
    ]


def test_baseline_value_and_date_checked() -> None:
    t = tgt(baseline=Baseline(value="120", date=D(2024, 5, 1)))
    assert problems(targets=[t]) == [
        ("$.targets[0].baseline.value", "120 is above 100 for a percent"),
        (
            "$.targets[0].baseline.date",
            (
                "2024-05-01 is after the term ends (2024-04-30); a baseline is dated on or before "
                "the term's end"
            ),
        ),
    ]


def test_milestones_inside_the_term_pass() -> None:
    t = tgt(
        milestones=[
            Milestone(period="2021", value="93"),
            Milestone(period="2024-04-01/2024-04-30", value="94"),
        ]
    )
    assert dataset(targets=[t]).targets == (t,)


def test_milestone_ending_outside_the_term_fails() -> None:
    t = tgt(milestones=[Milestone(period="2024", value="94")])
    assert problems(targets=[t]) == [
        (
            "$.targets[0].milestones[0].period",
            (
                f"period 2024 ends 2024-12-31, outside term '2019-2024' ({TERM1_SPAN}); "
                "a milestone ends inside its term"
            ),
        )
    ]


def test_milestone_value_checked() -> None:
    t = tgt(milestones=[Milestone(period="2021", value="101")])
    assert problems(targets=[t]) == [
        ("$.targets[0].milestones[0].value", "101 is above 100 for a percent")
    ]


def test_milestones_not_for_each_period() -> None:
    t = tgt(indicator="giam_sat", value="2", milestones=[Milestone(period="2021", value="1")])
    assert problems(targets=[t]) == [
        (
            "$.targets[0].milestones",
            "an each_period target applies to every period alike; milestones are not allowed",
        )
    ]


# == observation values against the indicator ===============================================


@pytest.mark.parametrize(
    ("indicator", "value"),
    [
        ("gdvh", "0"),
        ("gdvh", "100"),
        ("gdvh", "94.25"),
        ("nha_ddk", "3"),
        ("quy_vnn", "3150000000"),
        ("dien_tich", "-2.75"),
        ("co_ban", True),
        ("co_ban", False),
        ("tieu_chi", []),
        ("tieu_chi", ["a", "c"]),
    ],
)
def test_observation_value_valid_for_the_measure(indicator: str, value: Any) -> None:
    assert dataset(observations=[obs(indicator=indicator, value=value)]).observations


@pytest.mark.parametrize(
    ("indicator", "value", "message"),
    [
        ("gdvh", "100.01", "100.01 is above 100 for a percent"),
        ("gdvh", "-0.1", "-0.1 is below 0 for a percent; allowed: 0 to 100"),
        (
            "nha_ddk",
            "3.0",
            "3.0 has a decimal point; a count is a whole number, written without one",
        ),
        ("nha_ddk", "2.5", "2.5 is not a whole number; a count is a whole number"),
        ("quy_vnn", "-1", "-1 is negative; money is a whole number of đồng ≥ 0"),
        ("quy_vnn", "0.5", "0.5 is not a whole number; money is a whole number of đồng"),
        ("co_ban", "1", "expected true or false for a boolean indicator, got a number"),
        ("gdvh", True, "expected a number for a percent indicator, got a boolean"),
        (
            "tieu_chi",
            ["a", "z"],
            "'z' is not a criterion of this indicator; allowed: 'a', 'b', 'c'",
        ),
        ("tieu_chi", ["a", "a"], "criterion 'a' is listed twice"),
        (
            "nha_ddk",
            Decimal("1E+1"),
            "1E+1 is written with an exponent; a count is a whole number, written in digits",
        ),
        (
            "tieu_chi",
            "2",
            "expected a list of criterion ids for a checklist indicator, got a number",
        ),
        (
            "gdvh",
            Decimal("NaN"),
            "NaN is not a finite number; NaN and Infinity are not allowed",
        ),
        (
            "dien_tich",
            Decimal("-Infinity"),
            "-Infinity is not a finite number; NaN and Infinity are not allowed",
        ),
        (
            "dien_tich",
            "1" + "0" * 18,
            ("1000000000000000000 is too large; numbers must be below 10^18 in size"),
        ),
    ],
)
def test_observation_value_invalid_for_the_measure(
    indicator: str, value: Any, message: str
) -> None:
    assert problems(observations=[obs(indicator=indicator, value=value)]) == [
        ("$.observations[0].value", message)
    ]


@pytest.mark.parametrize("value", ["50.05", "49.95", "50.0499999"])
def test_percent_within_tolerance_of_its_counts_passes(value: str) -> None:
    ds = dataset(observations=[obs(value=value, numerator=1, denominator=2)])
    assert ds.observations[0].value == Decimal(value)


@pytest.mark.parametrize("value", ["50.0500001", "49.9499999"])
def test_percent_outside_tolerance_of_its_counts_fails(value: str) -> None:
    assert problems(observations=[obs(value=value, numerator=1, denominator=2)]) == [
        (
            "$.observations[0].value",
            (
                f"{value} does not match 100·1/2 = 50.0000; allowed: within ±0.05 of it, "
                "or omit the value"
            ),
        )
    ]


def test_counts_with_a_boolean_value_fail() -> None:
    assert problems(observations=[obs(value=True, numerator=1, denominator=2)]) == [
        ("$.observations[0].value", "numerator and denominator go with a numeric percent value")
    ]


def test_counts_only_for_percent_indicators() -> None:
    ok = obs(value=None, numerator=1820, denominator=1932)
    assert dataset(observations=[ok]).observations == (ok,)
    bad = obs(indicator="nha_ddk", value=None, numerator=1, denominator=1)
    assert problems(observations=[bad]) == [
        (
            "$.observations[0].numerator",
            "numerator and denominator are only for percent indicators; 'nha_ddk' is a count",
        )
    ]


# == one observation per slot; revisions =======================================================


def test_one_observation_per_slot() -> None:
    assert problems(observations=[obs(value="90"), obs(value="91")]) == [
        (
            "$.observations[1]",
            (
                "another observation of 00583, indicator 'gdvh', period 2021, revision 0 is at "
                "$.observations[0]; give a correction a higher revision"
            ),
        )
    ]


def test_the_same_period_spelled_differently_is_the_same_slot() -> None:
    assert [p for p, _ in problems(observations=[obs(), obs(period="2021-01-01/2021-12-31")])] == [
        "$.observations[1]"
    ]


def test_same_period_for_different_units_or_indicators_passes() -> None:
    ds = dataset(
        observations=[
            obs("00583"),
            obs("00592"),
            obs("committee"),
            obs(indicator="ho_ngheo", value="0.3"),
        ]
    )
    assert len(ds.series(BAT_TRANG, "gdvh")) == 1
    assert len(ds.series(KIEU_KY, "gdvh")) == 1


def test_highest_revision_is_used_and_the_others_are_kept() -> None:
    data = [
        obs(period="2021", value="93", revision=2),
        obs(period="2021", value="90"),
        obs(period="2021", value="91", revision=1),
        obs(period="2022", value="95"),
    ]
    ds = dataset(observations=data)
    assert values(ds.series(BAT_TRANG, "gdvh")) == [("2021", Decimal(93)), ("2022", Decimal(95))]
    assert ds.observations == tuple(data)  # never dropped
    superseded = sorted((s.path, s.observation.revision, s.by_path) for s in ds.superseded)
    assert superseded == [
        ("$.observations[1]", 0, "$.observations[0]"),
        ("$.observations[2]", 1, "$.observations[0]"),
    ]
    assert all(s.by is data[0] for s in ds.superseded)
    assert "(2 observations superseded by a later revision)" in ds.summary()


def test_a_session_observation_may_supersede_a_reported_one() -> None:
    reported = obs(period="2021", value="90")
    corrected = obs(period="2021", value="92", revision=1)
    ds = dataset(observations=[reported], working_sessions=[ws(observations=[corrected])])
    assert ds.series(BAT_TRANG, "gdvh") == (corrected,)
    assert [(s.path, s.by_path) for s in ds.superseded] == [
        ("$.observations[0]", "$.working_sessions[0].observations[0]")
    ]


def test_planned_session_observations_are_not_counted() -> None:
    planned = ws(status="planned")
    assert dataset(working_sessions=[planned]).series(BAT_TRANG, "gdvh") == ()


def test_series_is_in_period_order() -> None:
    ds = dataset(observations=[obs(period="2023"), obs(period="2021"), obs(period="2022-H1")])
    assert [str(o.period) for o in ds.series(BAT_TRANG, "gdvh")] == ["2021", "2022-H1", "2023"]


# == two periods of one series ending on the same day ==========================================


def test_periods_ending_on_different_days_pass() -> None:
    ds = dataset(observations=[obs(period="2021"), obs(period="2021-Q3")])
    assert len(ds.series(BAT_TRANG, "gdvh")) == 2


def test_periods_ending_on_the_same_day_fail() -> None:
    with pytest.raises(DatasetError) as err:
        dataset(observations=[obs(period="2021"), obs(period="2021-Q4")])
    assert [p.path for p in err.value.problems] == ["$.observations[1].period"]
    assert "same day" in err.value.problems[0].message


def test_periods_ending_on_the_same_day_for_other_units_pass() -> None:
    ds = dataset(observations=[obs("00583", period="2021"), obs("00592", period="2021-Q4")])
    assert len(ds.series(KIEU_KY, "gdvh")) == 1


# == each_period: one period length per commune and term ======================================


def test_each_period_one_length_passes() -> None:
    ds = dataset(
        observations=[
            obs(indicator="giam_sat", period="2021", value="2"),
            obs(indicator="giam_sat", period="2022", value="3"),
            obs("00592", indicator="giam_sat", period="2022-Q1", value="1"),
            obs("00592", indicator="giam_sat", period="2022-Q2", value="1"),
        ]
    )
    assert len(ds.series(BAT_TRANG, "giam_sat")) == 2


def test_each_period_lengths_may_differ_between_terms() -> None:
    ds = dataset(
        observations=[
            obs(indicator="giam_sat", period="2021", value="2"),
            obs(indicator="giam_sat", period="2024-Q3", value="1"),
            obs(indicator="giam_sat", period="2024-Q4", value="1"),
        ]
    )
    assert len(ds.series(BAT_TRANG, "giam_sat")) == 3


def test_each_period_mixed_lengths_fail() -> None:
    assert problems(
        observations=[
            obs(indicator="giam_sat", period="2021", value="2"),
            obs(indicator="giam_sat", period="2022-Q1", value="1"),
        ]
    ) == [
        (
            "$.observations[1].period",
            (
                "2022-Q1 is a quarter, but $.observations[0] uses a year for the same commune, "
                "indicator and term '2019-2024'; "
                "an each_period indicator uses periods of one length"
            ),
        )
    ]


def test_each_period_custom_period_fails() -> None:
    assert problems(
        observations=[obs(indicator="giam_sat", period="2021-01-01/2021-02-03", value="1")]
    ) == [
        (
            "$.observations[0].period",
            (
                "2021-01-01/2021-02-03 is not a calendar period; an each_period indicator needs "
                "years, halves, quarters or months"
            ),
        )
    ]


def test_other_accumulations_may_mix_lengths() -> None:
    ds = dataset(observations=[obs(period="2021"), obs(period="2022-Q1")])
    assert len(ds.series(BAT_TRANG, "gdvh")) == 2


# == committee target aggregated by ratio ======================================================


def test_committee_ratio_with_counts_passes() -> None:
    ds = dataset(
        targets=[tgt("committee")],
        observations=[
            obs(value=None, numerator=1820, denominator=1932),
            obs("00592", value="95", numerator=950, denominator=1000),
            obs("committee", period="2022", value="95.6"),  # the committee's own: no counts needed
            obs(period="2018", value="90"),  # outside the term
        ],
    )
    assert ds.committee_target("2019-2024", "gdvh") is not None


def test_committee_ratio_without_counts_fails() -> None:
    assert problems(
        targets=[tgt("committee")],
        observations=[obs(value=None, numerator=1, denominator=2), obs("00592", period="2021")],
    ) == [
        (
            "$.observations[1]",
            (
                "the committee target for 'gdvh' in term '2019-2024' combines communes by ratio, "
                "which needs numerator and denominator on every commune observation in the term; "
                "add them"
            ),
        )
    ]


def test_committee_ratio_checks_session_observations() -> None:
    assert [
        p
        for p, _ in problems(
            targets=[tgt("committee")], working_sessions=[ws(observations=[obs(period="2021")])]
        )
    ] == ["$.working_sessions[0].observations[0]"]


def test_no_committee_target_needs_no_counts() -> None:
    assert dataset(targets=[tgt("all")], observations=[obs()]).observations


def test_committee_target_on_a_non_ratio_indicator_needs_no_counts() -> None:
    ds = dataset(
        targets=[tgt("committee", indicator="ho_ngheo", comparator="<=", value="1")],
        observations=[obs(indicator="ho_ngheo", value="0.3")],
    )
    assert ds.committee_target("2019-2024", "ho_ngheo") is not None


# == funds at the dataset level (SPEC §4) ======================================================


def test_fund_feeding_a_money_indicator_produces_yearly_observations() -> None:
    ds = dataset(funds=[fund()])
    series = ds.series(BAT_TRANG, "quy_vnn")
    assert values(series) == [("2021", Decimal(1_000)), ("2022", Decimal(500))]
    for o in series:
        assert isinstance(o.value, Decimal)
        assert o.value.as_tuple().exponent == 0
    assert [p for p, _ in ds.all_observations()] == ["$.funds[0]", "$.funds[0]"]


def test_committee_fund_feeds_the_committee_series() -> None:
    ds = dataset(funds=[fund(owner="committee")])
    assert values(ds.series("committee", "quy_vnn")) == [
        ("2021", Decimal(1_000)),
        ("2022", Decimal(500)),
    ]


def test_fund_owner_resolves_at_the_opening_date() -> None:
    ds = dataset(funds=[fund(owner="00565", opened_on=D(2025, 7, 1), entries=[])])
    assert values(ds.series(GIA_LAM, "quy_vnn")) == [("2025", Decimal(0))]
    assert ds.series(TRAU_QUY, "quy_vnn") == ()


def test_fund_owner_not_valid_when_opened_fails() -> None:
    assert problems(funds=[fund(opened_on=D(2025, 7, 1), entries=[], feeds=None)]) == [
        (
            "$.funds[0].owner",
            (
                "commune 00583 is not valid on 2025-07-01 (the day the fund opened): Bát Tràng "
                "(valid … – 2025-06-30); a code refers to the unit that holds it at the date of use"
            ),
        )
    ]


def test_fund_feeds_only_while_its_owner_exists() -> None:
    """Bát Tràng ends 2025-06-30: its fund's 2025 receipts have no unit to be reported for."""
    late = Receipt(id="r9", date=D(2025, 3, 1), donor="Hộ ông E", amount=100, form="cash")
    assert problems(funds=[fund(opened_on=D(2025, 1, 1), entries=[late])]) == [
        (
            "$.funds[0].owner",
            (
                "the fund's receipts of 2025 feed 'quy_vnn' for commune 00583, "
                "which is not valid on 2025-12-31; "
                "a fund feeds observations only while its owner exists"
            ),
        )
    ]


def test_fund_unknown_owner_fails() -> None:
    assert problems(funds=[fund(owner="00999", feeds=None)]) == [
        ("$.funds[0].owner", "no commune with code '00999' in the dataset's communes")
    ]


def test_feeding_fund_unknown_owner_reported_once_at_owner() -> None:
    """One problem, at the key that is wrong: not one per fed year at ``$.funds[0].commune``."""
    assert problems(funds=[fund(owner="00999")]) == [
        ("$.funds[0].owner", "no commune with code '00999' in the dataset's communes")
    ]


def test_fund_feeds_an_unknown_indicator_fails() -> None:
    assert problems(funds=[fund(feeds="khong_co")]) == [
        ("$.funds[0].feeds", f"no indicator with id 'khong_co'; {KNOWN_INDICATORS}")
    ]


@pytest.mark.parametrize(("indicator", "measure"), [("gdvh", "percent"), ("nha_ddk", "count")])
def test_fund_feeds_only_a_money_indicator(indicator: str, measure: str) -> None:
    assert problems(funds=[fund(feeds=indicator)]) == [
        (
            "$.funds[0].feeds",
            f"indicator {indicator!r} is a {measure}; a fund feeds only a money indicator",
        )
    ]


def test_explicit_observation_beside_a_feeding_fund_passes_outside_its_years() -> None:
    ds = dataset(
        funds=[fund()],
        observations=[
            obs(indicator="quy_vnn", period="2020", value="700"),
            obs("00592", indicator="quy_vnn", period="2021", value="800"),
        ],
    )
    assert values(ds.series(BAT_TRANG, "quy_vnn"))[0] == ("2020", Decimal(700))


def test_explicit_observation_for_a_fed_year_conflicts() -> None:
    assert problems(funds=[fund()], observations=[obs(indicator="quy_vnn", value="5")]) == [
        (
            "$.observations[0]",
            (
                "conflicts with the receipts of the fund at $.funds[0], which feeds 'quy_vnn' for "
                "00583 in 2021; drop this observation or the fund's 'feeds'"
            ),
        )
    ]


def test_explicit_committee_observation_for_a_fed_year_conflicts() -> None:
    assert [
        p
        for p, _ in problems(
            funds=[fund(owner="committee")],
            observations=[obs("committee", indicator="quy_vnn", period="2022", value="5")],
        )
    ] == ["$.observations[0]"]


def test_explicit_observation_within_a_fed_year_conflicts() -> None:
    """docs/format.md: an explicit observation for the same owner, indicator and *year*."""
    with pytest.raises(DatasetError) as err:
        dataset(
            funds=[fund()], observations=[obs(indicator="quy_vnn", period="2021-Q1", value="5")]
        )
    assert [p.path for p in err.value.problems] == ["$.observations[0]"]


def test_explicit_observation_ending_with_a_fed_year_is_reported() -> None:
    """2021-Q4 ends with the fund's 2021: reported as a DatasetError, never a crash."""
    with pytest.raises(DatasetError) as err:
        dataset(
            funds=[fund()], observations=[obs(indicator="quy_vnn", period="2021-Q4", value="5")]
        )
    assert [p.path.startswith("$.observations[0]") for p in err.value.problems] == [True]


# == the dataset as a whole ==================================================================


def test_all_problems_reported_at_once() -> None:
    assert [
        p
        for p, _ in problems(
            targets=[tgt(term="x")],
            observations=[obs("00999"), obs(value="120")],
            funds=[fund(feeds=None), fund(feeds=None)],
            working_sessions=[ws(date=D(2025, 1, 1))],
        )
    ] == [
        "$.funds[1].id",
        "$.targets[0].term",
        "$.observations[0].commune",
        "$.observations[1].value",
        "$.working_sessions[0].date",
    ]


def test_format_must_be_supported() -> None:
    assert problems(format="mttq-core/2") == [
        ("$.format", "'mttq-core/2' is not supported; expected 'mttq-core/1'")
    ]


def test_title_committee_and_items_checked() -> None:
    assert problems(title=" ", committee="Ủy ban", terms=["2019-2024"]) == [
        ("$.title", "must not be empty"),
        ("$.committee", "expected a committee {name, unit_code}, got a string"),
        ("$.terms[0]", "expected a Term, got a string"),
    ]


def test_datasets_compare_by_content() -> None:
    a = dataset(observations=[obs()], targets=[tgt()])
    b = dataset(observations=[obs()], targets=[tgt()])
    assert a == b
    assert a != dataset(observations=[obs(value="94.3")], targets=[tgt()])


def test_lookups_of_unknown_ids_raise_key_error() -> None:
    ds = dataset()
    with pytest.raises(KeyError):
        ds.term("2000-2005")
    with pytest.raises(KeyError):
        ds.indicator("khong_co")


def test_period_of_fed_observation_is_a_calendar_year() -> None:
    ds = dataset(funds=[fund()])
    assert [o.period for o in ds.series(BAT_TRANG, "quy_vnn")] == [
        Period.year(2021),
        Period.year(2022),
    ]
