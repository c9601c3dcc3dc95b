"""Entity constructors (SPEC §2, §2.1, §4): every invariant passes and fails with its path."""

from __future__ import annotations

import datetime as dt
import unicodedata
from collections.abc import Callable
from decimal import Decimal
from typing import Any

import pendulum
import pytest

from mttq_core import (
    BUILTIN_TOPICS,
    Accumulation,
    AcrossUnits,
    Baseline,
    Committee,
    Commune,
    CommuneKind,
    Comparator,
    Conclusion,
    Criterion,
    DatasetError,
    Delegation,
    Direction,
    Disbursement,
    Disclosure,
    DisclosureChannel,
    Fund,
    FundKind,
    Indicator,
    Measure,
    Milestone,
    Observation,
    Period,
    Person,
    Pledge,
    Receipt,
    ReceiptForm,
    Recommendation,
    SessionStatus,
    Target,
    Term,
    Topic,
    WorkingSession,
    format_dong,
)

D = pendulum.Date


def untyped(value: object) -> Any:
    """Pass a deliberately wrong value past the type checker."""
    return value


def problems(build: Callable[[], object]) -> list[tuple[str, str]]:
    """The (path, message) pairs of the DatasetError that ``build`` raises."""
    with pytest.raises(DatasetError) as err:
        build()
    return [(p.path, p.message) for p in err.value.problems]


def nfd(text: str) -> str:
    return unicodedata.normalize("NFD", text)


# -- builders with valid defaults ------------------------------------------------------------


def term(**kw: Any) -> Term:
    args: dict[str, Any] = {
        "id": "2019-2024",
        "name": "Nhiệm kỳ 2019–2024",
        "start": D(2019, 4, 12),
        "end": D(2024, 4, 30),
    }
    return Term(**(args | kw))


def commune(**kw: Any) -> Commune:
    args: dict[str, Any] = {"code": "00583", "name": "Bát Tràng", "kind": "xa"}
    return Commune(**(args | kw))


def indicator(**kw: Any) -> Indicator:
    args: dict[str, Any] = {
        "id": "gdvh",
        "name": "Tỷ lệ hộ gia đình đạt danh hiệu Gia đình văn hóa",
        "measure": "percent",
        "direction": "increase",
        "accumulation": "latest",
    }
    return Indicator(**(args | kw))


def target(**kw: Any) -> Target:
    args: dict[str, Any] = {
        "term": "2019-2024",
        "indicator": "gdvh",
        "scope": "all",
        "comparator": ">=",
        "value": "95",
    }
    return Target(**(args | kw))


def observation(**kw: Any) -> Observation:
    args: dict[str, Any] = {
        "commune": "00583",
        "indicator": "gdvh",
        "period": "2021",
        "value": "94.2",
        "source": "Báo cáo kết quả năm 2021",
    }
    return Observation(**(args | kw))


HEAD = Person(name="Hoàng Anh Tú", title="Chủ tịch Ủy ban MTTQ Việt Nam huyện")


def session(**kw: Any) -> WorkingSession:
    args: dict[str, Any] = {
        "id": "2022-04-18-bat-trang",
        "date": D(2022, 4, 18),
        "commune": "00583",
        "term": "2019-2024",
        "topics": ["congress_targets"],
        "delegation": Delegation(head=HEAD),
    }
    return WorkingSession(**(args | kw))


def receipt(**kw: Any) -> Receipt:
    args: dict[str, Any] = {
        "id": "r1",
        "date": D(2021, 1, 5),
        "donor": "Hộ ông A",
        "amount": 5_000_000,
        "form": "cash",
    }
    return Receipt(**(args | kw))


def disbursement(**kw: Any) -> Disbursement:
    args: dict[str, Any] = {
        "id": "c1",
        "date": D(2021, 2, 1),
        "beneficiary": "Hộ bà B",
        "purpose": "Hỗ trợ dịp Tết",
        "amount": 3_000_000,
    }
    return Disbursement(**(args | kw))


def pledge(**kw: Any) -> Pledge:
    args: dict[str, Any] = {"id": "p1", "date": D(2021, 1, 2), "donor": "Công ty A", "amount": 100}
    return Pledge(**(args | kw))


def disclosure(**kw: Any) -> Disclosure:
    args: dict[str, Any] = {
        "id": "ck1",
        "date": D(2021, 7, 5),
        "period": "2021-H1",
        "channel": "notice_board",
    }
    return Disclosure(**(args | kw))


def fund(**kw: Any) -> Fund:
    args: dict[str, Any] = {
        "id": "vnn",
        "name": "Quỹ “Vì người nghèo”",
        "kind": "vi_nguoi_ngheo",
        "owner": "00583",
        "opened_on": D(2021, 1, 1),
    }
    return Fund(**(args | kw))


EMPTY = "must not be empty"


# == Term ======================================================================================


def test_term_valid() -> None:
    t = term(resolution="Nghị quyết Đại hội")
    assert (t.start, t.end) == (D(2019, 4, 12), D(2024, 4, 30))
    assert t.contains(D(2019, 4, 12))
    assert t.contains(D(2024, 4, 30))
    assert not t.contains(D(2024, 5, 1))
    assert t.resolution == "Nghị quyết Đại hội"


def test_term_one_day_long_passes() -> None:
    assert term(start=D(2019, 1, 1), end=D(2019, 1, 2)).end == D(2019, 1, 2)


def test_term_end_equal_to_start_fails() -> None:
    assert problems(lambda: term(start=D(2019, 1, 1), end=D(2019, 1, 1))) == [
        (
            "$.end",
            (
                "the term ends 2019-01-01, not after its start 2019-01-01; "
                "a term's end must be after its start"
            ),
        )
    ]


def test_term_end_before_start_fails() -> None:
    assert problems(lambda: term(start=D(2024, 1, 1), end=D(2019, 1, 1))) == [
        (
            "$.end",
            (
                "the term ends 2019-01-01, not after its start 2024-01-01; "
                "a term's end must be after its start"
            ),
        )
    ]


def test_term_empty_texts_fail_all_at_once() -> None:
    assert problems(lambda: term(id="", name="  ")) == [("$.id", EMPTY), ("$.name", EMPTY)]


def test_term_date_must_be_a_date() -> None:
    assert problems(lambda: term(start="2019-04-12")) == [
        ("$.start", "expected a date (YYYY-MM-DD), got a string")
    ]


# == Committee and Topic ======================================================================


@pytest.mark.parametrize("code", [None, "01", "018", "00583"])
def test_committee_valid(code: str | None) -> None:
    assert Committee(name="Ủy ban MTTQ Việt Nam huyện Gia Lâm", unit_code=code).unit_code == code


@pytest.mark.parametrize("code", ["1", "0181", "018a", "000000"])
def test_committee_bad_unit_code_fails(code: str) -> None:
    assert problems(lambda: Committee(name="Ủy ban", unit_code=code)) == [
        (
            "$.unit_code",
            (
                f"{code!r} is not a unit code; expected 2 (province), 3 (district) or 5 (commune) "
                "digits"
            ),
        )
    ]


def test_committee_empty_name_fails() -> None:
    assert problems(lambda: Committee(name="")) == [("$.name", EMPTY)]


def test_topic_valid_and_empty_fails() -> None:
    assert Topic(id="ntm", name="Nông thôn mới").name == "Nông thôn mới"
    assert problems(lambda: Topic(id="", name="")) == [("$.id", EMPTY), ("$.name", EMPTY)]


# == Commune ==================================================================================


def test_commune_valid() -> None:
    c = commune(
        district_code="018",
        province_code="01",
        valid_from=D(2019, 1, 1),
        valid_to=D(2025, 6, 30),
    )
    assert c.kind is CommuneKind.XA
    assert c.valid_on(D(2025, 6, 30))
    assert not c.valid_on(D(2025, 7, 1))
    assert not c.valid_on(D(2018, 12, 31))
    assert c.overlaps(D(2025, 6, 30), D(2026, 1, 1))
    assert not c.overlaps(D(2025, 7, 1), D(2026, 1, 1))
    assert c.validity() == "2019-01-01 – 2025-06-30"


def test_commune_open_bounds() -> None:
    c = commune()
    assert c.valid_on(D(1, 1, 1))
    assert c.valid_on(D(9999, 12, 31))
    assert c.validity() == "… – …"


def test_commune_valid_for_one_day_passes() -> None:
    c = commune(valid_from=D(2025, 1, 1), valid_to=D(2025, 1, 1))
    assert c.valid_on(D(2025, 1, 1))


def test_commune_valid_to_before_valid_from_fails() -> None:
    assert problems(lambda: commune(valid_from=D(2025, 1, 2), valid_to=D(2025, 1, 1))) == [
        (
            "$.valid_to",
            "2025-01-01 is before valid_from 2025-01-02; valid_to must be on or after valid_from",
        )
    ]


@pytest.mark.parametrize("code", ["0583", "005830", "0058a", "００５８３", " 0058 "])
def test_commune_code_must_be_five_digits(code: str) -> None:
    shown = code.strip()
    assert problems(lambda: commune(code=code)) == [
        ("$.code", f"{shown!r} is not a commune code; expected exactly 5 digits")
    ]


def test_commune_code_must_be_text() -> None:
    assert problems(lambda: commune(code=583)) == [
        ("$.code", "expected text (a string), got an integer")
    ]


def test_commune_district_and_province_codes() -> None:
    assert commune(district_code="018", province_code="01").district_code == "018"
    assert problems(lambda: commune(district_code="18", province_code="001")) == [
        ("$.district_code", "'18' is not a district code; expected exactly 3 digits"),
        ("$.province_code", "'001' is not a province code; expected exactly 2 digits"),
    ]


def test_commune_bad_kind_fails() -> None:
    assert problems(lambda: commune(kind="huyen")) == [
        ("$.kind", "'huyen' is not allowed; expected 'xa', 'phuong', 'thi_tran' or 'dac_khu'")
    ]


def test_commune_empty_name_fails() -> None:
    assert problems(lambda: commune(name=" \t")) == [("$.name", EMPTY)]


# == Indicator and Criterion ==================================================================


def test_indicator_valid_defaults() -> None:
    ind = indicator(unit="%", across_units="ratio", group="Văn hóa")
    assert ind.measure is Measure.PERCENT
    assert ind.direction is Direction.INCREASE
    assert ind.accumulation is Accumulation.LATEST
    assert ind.across_units is AcrossUnits.RATIO
    assert ind.weight == Decimal(1)
    assert isinstance(ind.weight, Decimal)
    assert ind.criteria == ()


@pytest.mark.parametrize("weight", ["0.5", 2, Decimal("0.001")])
def test_indicator_positive_weight_passes(weight: object) -> None:
    assert indicator(weight=weight).weight == Decimal(str(weight))


@pytest.mark.parametrize(
    ("weight", "message"),
    [
        (0, "0 is not allowed; a weight must be > 0"),
        ("-1", "-1 is not allowed; a weight must be > 0"),
        (Decimal("-0.5"), "-0.5 is not allowed; a weight must be > 0"),
        (0.5, "expected a number (or a decimal string), got a float"),
        (True, "expected a number (or a decimal string), got a boolean"),
        ("x", "'x' is not a decimal number; write it like 94.2 or \"94.2\""),
    ],
)
def test_indicator_bad_weight_fails(weight: object, message: str) -> None:
    assert problems(lambda: indicator(weight=weight)) == [("$.weight", message)]


@pytest.mark.parametrize(
    ("field", "value", "allowed"),
    [
        ("measure", "pct", "'percent', 'count', 'money', 'quantity', 'boolean' or 'checklist'"),
        ("direction", "up", "'increase' or 'decrease'"),
        ("accumulation", "total", "'latest', 'sum', 'each_period' or 'mean'"),
        ("across_units", "average", "'sum', 'ratio', 'mean' or 'share_met'"),
    ],
)
def test_indicator_bad_enum_fails(field: str, value: str, allowed: str) -> None:
    assert problems(lambda: indicator(**{field: value})) == [
        (f"$.{field}", f"{value!r} is not allowed; expected {allowed}")
    ]


@pytest.mark.parametrize("measure", ["boolean", "checklist"])
def test_indicator_boolean_and_checklist_increase_pass(measure: str) -> None:
    criteria = [Criterion(id="a", name="A")] if measure == "checklist" else []
    assert indicator(measure=measure, criteria=criteria).direction is Direction.INCREASE


@pytest.mark.parametrize("measure", ["boolean", "checklist"])
def test_indicator_boolean_and_checklist_decrease_fail(measure: str) -> None:
    criteria = [Criterion(id="a", name="A")] if measure == "checklist" else []
    assert problems(
        lambda: indicator(measure=measure, direction="decrease", criteria=criteria)
    ) == [("$.direction", f"a {measure} indicator must have direction 'increase'")]


@pytest.mark.parametrize("measure", ["count", "money", "quantity"])
def test_indicator_sum_accumulation_passes(measure: str) -> None:
    assert indicator(measure=measure, accumulation="sum").accumulation is Accumulation.SUM


@pytest.mark.parametrize("measure", ["percent", "boolean", "checklist"])
def test_indicator_sum_accumulation_fails(measure: str) -> None:
    criteria = [Criterion(id="a", name="A")] if measure == "checklist" else []
    assert problems(lambda: indicator(measure=measure, accumulation="sum", criteria=criteria)) == [
        (
            "$.accumulation",
            (
                f"'sum' is not allowed for a {measure} indicator; "
                "it is allowed only for count, money and quantity"
            ),
        )
    ]


ACROSS_OK = {
    "sum": ["count", "money", "quantity"],
    "ratio": ["percent"],
    "mean": ["percent", "count", "money", "quantity"],
    "share_met": ["percent", "count", "money", "quantity", "boolean", "checklist"],
}
ALL_MEASURES = ["percent", "count", "money", "quantity", "boolean", "checklist"]


def _criteria_for(measure: str) -> list[Criterion]:
    return [Criterion(id="a", name="A")] if measure == "checklist" else []


@pytest.mark.parametrize(("across", "measure"), [(a, m) for a, ms in ACROSS_OK.items() for m in ms])
def test_indicator_across_units_allowed(across: str, measure: str) -> None:
    ind = indicator(measure=measure, across_units=across, criteria=_criteria_for(measure))
    assert ind.across_units == across


@pytest.mark.parametrize(
    ("across", "measure"),
    [(a, m) for a, ms in ACROSS_OK.items() for m in ALL_MEASURES if m not in ms],
)
def test_indicator_across_units_refused(across: str, measure: str) -> None:
    names = ", ".join(ACROSS_OK[across])
    assert problems(
        lambda: indicator(measure=measure, across_units=across, criteria=_criteria_for(measure))
    ) == [
        (
            "$.across_units",
            (
                f"{across!r} cannot combine {measure} values across communes; it is allowed for "
                f"{names}"
            ),
        )
    ]


def test_indicator_checklist_with_criteria_passes() -> None:
    ind = indicator(
        measure="checklist",
        criteria=[Criterion(id="a", name="Tiêu chí A"), Criterion(id="b", name="Tiêu chí B")],
    )
    assert ind.criterion_ids == ("a", "b")
    assert isinstance(ind.criteria, tuple)


def test_indicator_checklist_without_criteria_fails() -> None:
    assert problems(lambda: indicator(measure="checklist")) == [
        ("$.criteria", "a checklist indicator needs at least one criterion")
    ]


def test_indicator_checklist_repeated_criterion_fails() -> None:
    crit = [Criterion(id="a", name="A"), Criterion(id="b", name="B"), Criterion(id="a", name="C")]
    assert problems(lambda: indicator(measure="checklist", criteria=crit)) == [
        ("$.criteria[2].id", "criterion id 'a' is used twice")
    ]


def test_indicator_criteria_on_non_checklist_fails() -> None:
    assert problems(lambda: indicator(measure="count", criteria=[Criterion(id="a", name="A")])) == [
        ("$.criteria", "criteria are only for checklist indicators, not count")
    ]


def test_indicator_criteria_must_be_criteria() -> None:
    assert problems(lambda: indicator(measure="checklist", criteria=["a"])) == [
        ("$.criteria[0]", "expected a criterion {id, name}, got a string")
    ]


def test_criterion_valid_and_empty_fails() -> None:
    assert Criterion(id="a", name=" Tiêu chí ").name == "Tiêu chí"
    assert problems(lambda: Criterion(id="", name="")) == [("$.id", EMPTY), ("$.name", EMPTY)]


# == Target, Baseline, Milestone ===============================================================


@pytest.mark.parametrize("scope", ["all", "committee", "00583"])
def test_target_scope_passes(scope: str) -> None:
    assert target(scope=scope).scope == scope


@pytest.mark.parametrize("scope", ["ALL", "0583", "xa", "00583a"])
def test_target_bad_scope_fails(scope: str) -> None:
    assert problems(lambda: target(scope=scope)) == [
        (
            "$.scope",
            f"{scope!r} is not a scope; expected a 5-digit commune code, 'all' or 'committee'",
        )
    ]


def test_target_value_converted_exactly() -> None:
    t = target(value="95.50")
    assert t.value == Decimal("95.50")
    assert isinstance(t.value, Decimal)
    assert target(value=3).value == Decimal(3)
    assert target(value=True).value is True
    assert target(value=["a", "b"]).value == ("a", "b")
    assert target(value=None).value is None


def test_target_bad_comparator_fails() -> None:
    assert problems(lambda: target(comparator="=>")) == [
        ("$.comparator", "'=>' is not allowed; expected '>=', '>', '<=' or '<'")
    ]


def test_target_float_value_fails() -> None:
    assert problems(lambda: target(value=95.0)) == [
        ("$.value", "a float is not exact; give the value as a decimal (Decimal('94.2') or '94.2')")
    ]


@pytest.mark.parametrize("text", ["9,5", "1e3", "+5", " ", "NaN", "95%"])
def test_target_bad_decimal_string_fails(text: str) -> None:
    assert problems(lambda: target(value=text)) == [
        (
            "$.value",
            (
                f'{text!r} is not a value; write a number like 94.2 (or the string "94.2"), '
                "true or false for a boolean indicator, or a list of criterion ids for a checklist"
            ),
        )
    ]


def test_target_with_baseline_and_milestones_passes() -> None:
    t = target(
        baseline=Baseline(value="92.1", date=D(2019, 4, 12)),
        milestones=[Milestone(period="2021", value="93"), Milestone(period="2022", value="94")],
    )
    assert t.baseline is not None
    assert t.baseline.value == Decimal("92.1")
    assert [str(m.period) for m in t.milestones] == ["2021", "2022"]
    assert t.key == ("2019-2024", "gdvh", "all")


def test_target_two_milestones_for_one_period_fail() -> None:
    ms = [Milestone(period="2021", value="93"), Milestone(period="2021-01-01/2021-12-31", value=1)]
    assert problems(lambda: target(milestones=ms)) == [
        ("$.milestones[1].period", "period 2021 has two milestones")
    ]


def test_target_baseline_must_be_a_baseline() -> None:
    assert problems(lambda: target(baseline={"value": "1", "date": "2020-01-01"})) == [
        ("$.baseline", "expected a baseline {value, date}, got an object")
    ]


def test_target_milestones_must_be_milestones() -> None:
    assert problems(lambda: target(milestones=[{"period": "2021", "value": "1"}])) == [
        ("$.milestones[0]", "expected a milestone {period, value}, got an object")
    ]


def test_baseline_valid() -> None:
    b = Baseline(value="92.1", date=untyped(dt.date(2019, 4, 12)))
    assert b.value == Decimal("92.1")
    assert type(b.date) is pendulum.Date


def test_baseline_invalid() -> None:
    assert problems(lambda: Baseline(value=untyped(0.5), date=untyped("2020-01-01"))) == [
        (
            "$.value",
            "a float is not exact; give the value as a decimal (Decimal('94.2') or '94.2')",
        ),
        ("$.date", "expected a date (YYYY-MM-DD), got a string"),
    ]


def test_milestone_valid() -> None:
    m = Milestone(period="2022-H1", value="93.5")
    assert m.period == Period.parse("2022-H1")
    assert m.value == Decimal("93.5")


def test_milestone_invalid() -> None:
    assert problems(lambda: Milestone(period="20x", value=untyped([1]))) == [
        (
            "$.period",
            (
                "'20x' is not a period; expected '2021', '2021-H1', '2021-Q3', '2021-05' or "
                "'2021-04-01/2021-06-30'"
            ),
        ),
        (
            "$.value",
            (
                "expected a number, a decimal string, true/false or a list of criterion ids, "
                "got a list"
            ),
        ),
    ]


# == Observation ==============================================================================


def test_observation_valid() -> None:
    o = observation(reported_on=D(2021, 1, 1), revision=2)
    assert o.value == Decimal("94.2")
    assert o.period == Period.parse("2021")
    assert o.revision == 2
    assert o.derived is False
    assert o.number == Decimal("94.2")


def test_observation_for_the_committee_passes() -> None:
    assert observation(commune="committee").commune == "committee"


@pytest.mark.parametrize("code", ["0583", "Committee", "all", "00583 x"])
def test_observation_bad_commune_fails(code: str) -> None:
    assert problems(lambda: observation(commune=code)) == [
        ("$.commune", f"{code!r} is not a commune; expected a 5-digit code or 'committee'")
    ]


def test_observation_bad_period_fails() -> None:
    assert problems(lambda: observation(period="2021x")) == [
        (
            "$.period",
            (
                "'2021x' is not a period; expected '2021', '2021-H1', '2021-Q3', '2021-05' or "
                "'2021-04-01/2021-06-30'"
            ),
        )
    ]
    assert problems(lambda: observation(period=2021)) == [
        ("$.period", "expected a period string like '2021', got an integer")
    ]


def test_observation_empty_source_fails() -> None:
    assert problems(lambda: observation(source="")) == [("$.source", EMPTY)]


@pytest.mark.parametrize(
    ("revision", "message"),
    [
        (-1, "-1 is below 0; allowed: 0 or more"),
        (True, "expected an integer revision number, got a boolean"),
        (1.0, "expected an integer revision number, got a float"),
        ("1", "expected an integer revision number, got a string"),
    ],
)
def test_observation_bad_revision_fails(revision: object, message: str) -> None:
    assert problems(lambda: observation(revision=revision)) == [("$.revision", message)]


def test_observation_reported_on_the_first_day_passes() -> None:
    assert observation(reported_on=D(2021, 1, 1)).reported_on == D(2021, 1, 1)


def test_observation_reported_before_its_period_fails() -> None:
    assert problems(lambda: observation(reported_on=D(2020, 12, 31))) == [
        (
            "$.reported_on",
            (
                "2020-12-31 is before the period 2021 begins; a result cannot be reported before "
                "its period starts"
            ),
        )
    ]


def test_observation_value_required() -> None:
    assert problems(lambda: observation(value=None)) == [
        ("$.value", "required: give a value (or numerator and denominator for a percent)")
    ]


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("94.2", Decimal("94.2")),
        (3, Decimal(3)),
        (Decimal("0.1"), Decimal("0.1")),
        (True, True),
        (False, False),
        (["a", "b"], ("a", "b")),
    ],
)
def test_observation_values_kept_exact(value: object, expected: object) -> None:
    assert observation(value=value).value == expected


def test_observation_float_value_fails() -> None:
    assert problems(lambda: observation(value=0.1)) == [
        ("$.value", "a float is not exact; give the value as a decimal (Decimal('94.2') or '94.2')")
    ]


def test_observation_numerator_without_denominator_fails() -> None:
    assert problems(lambda: observation(numerator=1)) == [
        ("$.denominator", "numerator and denominator go together; give both or neither")
    ]
    assert problems(lambda: observation(denominator=1)) == [
        ("$.numerator", "numerator and denominator go together; give both or neither")
    ]


def test_observation_numerator_above_denominator_fails() -> None:
    assert problems(lambda: observation(value=None, numerator=3, denominator=2)) == [
        ("$.numerator", "3 is above the denominator 2; allowed: 0 ≤ numerator ≤ denominator")
    ]


def test_observation_zero_denominator_fails() -> None:
    assert problems(lambda: observation(value=None, numerator=0, denominator=0)) == [
        ("$.denominator", "0 is below 1; allowed: 1 or more")
    ]


def test_observation_negative_numerator_fails() -> None:
    assert problems(lambda: observation(value=None, numerator=-1, denominator=2)) == [
        ("$.numerator", "-1 is below 0; allowed: 0 or more")
    ]


def test_observation_non_integer_counts_fail() -> None:
    assert problems(lambda: observation(value=None, numerator=1.0, denominator=True)) == [
        ("$.numerator", "expected an integer numerator, got a float"),
        ("$.denominator", "expected an integer denominator, got a boolean"),
    ]


def test_observation_counts_with_a_non_numeric_value_are_a_ratio_problem() -> None:
    """Checked by the dataset (which knows the measure); the entity says what is wrong."""
    o = observation(value=True, numerator=1, denominator=2)
    assert o.ratio_problem() == "numerator and denominator go with a numeric percent value"


# -- percent derivation and tolerance ---------------------------------------------------------


def test_percent_derived_exactly_when_value_omitted() -> None:
    o = observation(value=None, numerator=1820, denominator=1932)
    assert o.derived is True
    assert o.value == Decimal(100) * 1820 / 1932
    assert isinstance(o.value, Decimal)


@pytest.mark.parametrize(
    ("num", "den", "value"),
    [(1, 2, Decimal(50)), (0, 7, Decimal(0)), (5, 5, Decimal(100)), (1, 8, Decimal("12.5"))],
)
def test_percent_derived_values(num: int, den: int, value: Decimal) -> None:
    o = observation(value=None, numerator=num, denominator=den)
    assert o.value == value
    assert o.derived is True


def test_percent_given_value_is_not_derived() -> None:
    o = observation(value="94.2", numerator=1820, denominator=1932)
    assert o.value == Decimal("94.2")
    assert o.derived is False


def test_derived_percent_has_no_ratio_problem() -> None:
    assert observation(value=None, numerator=1, denominator=3).ratio_problem() is None
    assert observation(value="94.2").ratio_problem() is None


@pytest.mark.parametrize("value", ["50.05", "49.95", "50", "50.0499999"])
def test_percent_within_tolerance_passes(value: str) -> None:
    o = observation(value=value, numerator=1, denominator=2)
    assert o.value == Decimal(value)
    assert o.ratio_problem() is None


@pytest.mark.parametrize("value", ["50.0500001", "49.9499999", "50.1", "0"])
def test_percent_outside_tolerance_fails(value: str) -> None:
    o = observation(value=value, numerator=1, denominator=2)
    assert o.ratio_problem() == (
        f"{value} does not match 100·1/2 = 50.0000; allowed: within ±0.05 of it, or omit the value"
    )


# == WorkingSession and its parts ==============================================================


def test_session_valid() -> None:
    s = session(
        delegation=Delegation(head=HEAD, members=[Person(name="Nguyễn Văn A", title="Phó")]),
        topics=["congress_targets", "annual_programme"],
        findings=["Hoàn thành tốt các chỉ tiêu"],
        recommendations=[Recommendation(id="kn1", text="Đề nghị hỗ trợ kinh phí")],
        conclusions=[
            Conclusion(
                id="kl1",
                text="Rà soát hộ nghèo",
                due=D(2022, 4, 18),
                done_on=D(2022, 6, 1),
                indicators=["gdvh"],
            )
        ],
        observations=[observation(period="2021")],
        notes="Ghi chú",
    )
    assert s.status is SessionStatus.HELD
    assert s.topics == ("congress_targets", "annual_programme")
    assert isinstance(s.recommendations, tuple)
    assert s.conclusions[0].indicators == ("gdvh",)


def test_session_planned_without_results_passes() -> None:
    assert session(status="planned").status is SessionStatus.PLANNED


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("findings", ["Nhận xét"]),
        ("recommendations", [Recommendation(id="kn1", text="Đề nghị")]),
        ("conclusions", [Conclusion(id="kl1", text="Kết luận")]),
        ("observations", [observation()]),
    ],
)
def test_session_planned_with_results_fails(field: str, value: object) -> None:
    assert problems(lambda: session(status="planned", **{field: value})) == [
        (
            f"$.{field}",
            (
                f"a planned session has no {field} yet; set status to 'held' once the session took "
                "place"
            ),
        )
    ]


def test_session_bad_status_fails() -> None:
    assert problems(lambda: session(status="cancelled")) == [
        ("$.status", "'cancelled' is not allowed; expected 'held' or 'planned'")
    ]


def test_session_needs_a_topic() -> None:
    assert problems(lambda: session(topics=[])) == [
        ("$.topics", "a session needs at least one topic")
    ]


def test_session_repeated_topic_fails() -> None:
    assert problems(lambda: session(topics=["funds", "covid19", "funds"])) == [
        ("$.topics[2]", "topic 'funds' is listed twice")
    ]


def test_session_empty_finding_fails() -> None:
    assert problems(lambda: session(findings=["Tốt", " "])) == [("$.findings[1]", EMPTY)]


def test_session_ids_unique_across_recommendations_and_conclusions() -> None:
    assert problems(
        lambda: session(
            recommendations=[Recommendation(id="k1", text="a")],
            conclusions=[Conclusion(id="k1", text="b")],
        )
    ) == [
        (
            "$.conclusions[0].id",
            "id 'k1' is already used by recommendations[0]; ids are unique within a session",
        )
    ]
    assert problems(
        lambda: session(
            recommendations=[Recommendation(id="k1", text="a"), Recommendation(id="k1", text="b")]
        )
    ) == [
        (
            "$.recommendations[1].id",
            "id 'k1' is already used by recommendations[0]; ids are unique within a session",
        )
    ]


def test_session_distinct_ids_pass() -> None:
    s = session(
        recommendations=[Recommendation(id="k1", text="a")],
        conclusions=[Conclusion(id="k2", text="b")],
    )
    assert [c.id for c in s.conclusions] == ["k2"]


def test_session_conclusion_dates_before_session_fail() -> None:
    c = Conclusion(id="kl1", text="t", due=D(2022, 4, 17), done_on=D(2022, 4, 1))
    assert problems(lambda: session(conclusions=[c])) == [
        (
            "$.conclusions[0].due",
            (
                "2022-04-17 is before the session (2022-04-18); due must be on or after the "
                "session date"
            ),
        ),
        (
            "$.conclusions[0].done_on",
            (
                "2022-04-01 is before the session (2022-04-18); done_on must be on or after the "
                "session date"
            ),
        ),
    ]


def test_session_delegation_required() -> None:
    assert problems(lambda: session(delegation=None)) == [
        ("$.delegation", "expected a delegation {head, members}, got null")
    ]


def test_session_items_must_be_entities() -> None:
    assert problems(lambda: session(observations=["x"], recommendations=[1])) == [
        ("$.recommendations[0]", "expected a recommendation {id, text}, got an integer"),
        ("$.observations[0]", "expected an observation, got a string"),
    ]


def test_session_empty_id_and_date_type_fail() -> None:
    assert problems(lambda: session(id="", date="2022-04-18")) == [
        ("$.id", EMPTY),
        ("$.date", "expected a date (YYYY-MM-DD), got a string"),
    ]


def test_person_valid_and_invalid() -> None:
    assert Person(name=" Hoàng Anh Tú ", title="Chủ tịch").name == "Hoàng Anh Tú"
    assert problems(lambda: Person(name="", title=" ")) == [("$.name", EMPTY), ("$.title", EMPTY)]


def test_delegation_valid_and_invalid() -> None:
    assert Delegation(head=HEAD, members=[HEAD]).members == (HEAD,)
    assert problems(lambda: Delegation(head=untyped("Hoàng Anh Tú"), members=untyped(["x"]))) == [
        ("$.head", "expected a person {name, title}, got a string"),
        ("$.members[0]", "expected a person {name, title}, got a string"),
    ]


def test_recommendation_valid_and_invalid() -> None:
    assert Recommendation(id="kn1", text="Đề nghị").text == "Đề nghị"
    assert problems(lambda: Recommendation(id="", text="")) == [("$.id", EMPTY), ("$.text", EMPTY)]


def test_conclusion_valid() -> None:
    c = Conclusion(
        id="kl1", text="Kết luận", due=untyped(dt.date(2022, 5, 1)), indicators=["a", "b"]
    )
    assert type(c.due) is pendulum.Date
    assert c.indicators == ("a", "b")
    assert c.done_on is None


def test_conclusion_invalid() -> None:
    assert problems(
        lambda: Conclusion(id="kl1", text="", due=untyped("2022-01-01"), indicators=["a", "b", "a"])
    ) == [
        ("$.text", EMPTY),
        ("$.due", "expected a date (YYYY-MM-DD), got a string"),
        ("$.indicators[2]", "indicator 'a' is listed twice"),
    ]


# == Fund and its ledger =====================================================================


def test_pledge_valid_and_invalid() -> None:
    assert pledge().amount == 100
    assert problems(lambda: pledge(amount=0)) == [
        ("$.amount", "0 is not allowed; an amount is a whole number of đồng > 0")
    ]


@pytest.mark.parametrize(
    ("amount", "message"),
    [
        (1.5, "expected an integer number of đồng, got a float"),
        (1000.0, "expected an integer number of đồng, got a float"),
        (Decimal(5), "expected an integer number of đồng, got a number"),
        ("5", "expected an integer number of đồng, got a string"),
        (True, "expected an integer number of đồng, got a boolean"),
        (-5, "-5 is not allowed; an amount is a whole number of đồng > 0"),
    ],
)
def test_amount_must_be_positive_integer_dong(amount: object, message: str) -> None:
    assert problems(lambda: pledge(amount=amount)) == [("$.amount", message)]
    assert problems(lambda: receipt(amount=amount)) == [("$.amount", message)]
    assert problems(lambda: disbursement(amount=amount)) == [("$.amount", message)]


def test_receipt_valid() -> None:
    r = receipt(form="in_kind", description="10 tấn gạo", pledge="p1")
    assert r.form is ReceiptForm.IN_KIND
    assert r.pledge == "p1"


def test_receipt_in_kind_needs_description() -> None:
    assert problems(lambda: receipt(form="in_kind")) == [
        ("$.description", "required for an in-kind receipt: say what was received")
    ]
    assert problems(lambda: receipt(form="in_kind", description="  ")) == [
        ("$.description", "required for an in-kind receipt: say what was received")
    ]


def test_receipt_bad_form_fails() -> None:
    assert problems(lambda: receipt(form="cheque")) == [
        ("$.form", "'cheque' is not allowed; expected 'cash', 'transfer' or 'in_kind'")
    ]


def test_disbursement_valid_and_invalid() -> None:
    assert disbursement().purpose == "Hỗ trợ dịp Tết"
    assert problems(lambda: disbursement(beneficiary="", purpose="", amount=-5)) == [
        ("$.beneficiary", EMPTY),
        ("$.purpose", EMPTY),
        ("$.amount", "-5 is not allowed; an amount is a whole number of đồng > 0"),
    ]


def test_disclosure_valid_and_invalid() -> None:
    d = disclosure()
    assert d.period == Period.parse("2021-H1")
    assert d.channel is DisclosureChannel.NOTICE_BOARD
    assert problems(lambda: disclosure(period="2021-13", channel="radio")) == [
        (
            "$.period",
            (
                "'2021-13' is not a period; expected '2021', '2021-H1', '2021-Q3', '2021-05' or "
                "'2021-04-01/2021-06-30'"
            ),
        ),
        (
            "$.channel",
            (
                "'radio' is not allowed; expected 'website', 'notice_board', 'media' or "
                "'written_notice'"
            ),
        ),
    ]


DISCLOSED_TOO_EARLY = (
    "after the disclosure itself ({date}); a disclosure covers a period that has already "
    "ended — disclose the part that has (e.g. a month or a quarter)"
)


@pytest.mark.parametrize(
    ("period", "date"),
    [
        ("2021-H1", D(2021, 6, 30)),  # ends on the disclosure's day: allowed
        ("2021-H1", D(2021, 7, 1)),
        ("2021-06", D(2021, 6, 30)),
        ("2021", D(2021, 12, 31)),
        ("2021-01-01/2021-07-05", D(2021, 7, 5)),  # a custom period, to the day
    ],
)
def test_disclosure_of_a_period_ended_by_its_date_passes(period: str, date: pendulum.Date) -> None:
    d = disclosure(period=period, date=date)
    assert d.period.end <= d.date


@pytest.mark.parametrize(
    ("period", "date", "ends"),
    [
        ("2021-H1", D(2021, 6, 29), "2021-06-30"),  # one day short
        ("2021", D(2021, 7, 5), "2021-12-31"),  # the year is not over
        ("2021-Q3", D(2021, 7, 5), "2021-09-30"),  # a period that has only begun
        ("2022", D(2021, 7, 5), "2022-12-31"),  # a period that has not begun
        ("2021-01-01/2021-07-06", D(2021, 7, 5), "2021-07-06"),
    ],
)
def test_disclosure_of_a_period_not_ended_by_its_date_fails(
    period: str, date: pendulum.Date, ends: str
) -> None:
    message = f"{period} ends on {ends}, " + DISCLOSED_TOO_EARLY.format(date=date.isoformat())
    assert problems(lambda: disclosure(period=period, date=date)) == [("$.period", message)]


def test_disclosure_period_rule_is_reported_with_the_other_problems() -> None:
    found = problems(lambda: disclosure(id=" ", period="2021", channel="radio"))
    assert sorted(found) == [
        (
            "$.channel",
            (
                "'radio' is not allowed; expected 'website', 'notice_board', 'media' or "
                "'written_notice'"
            ),
        ),
        ("$.id", EMPTY),
        ("$.period", "2021 ends on 2021-12-31, " + DISCLOSED_TOO_EARLY.format(date="2021-07-05")),
    ]


def test_disclosure_period_rule_waits_for_a_valid_date_and_period() -> None:
    # only the broken field is reported, not a comparison with it
    assert [path for path, _ in problems(lambda: disclosure(date="2021-07-05x"))] == ["$.date"]
    assert [path for path, _ in problems(lambda: disclosure(period="2021-13"))] == ["$.period"]


def test_fund_valid() -> None:
    f = fund(
        opening_balance=1_000,
        feeds="quy_vnn",
        entries=[
            pledge(),
            receipt(pledge="p1", amount=100, date=D(2021, 1, 2)),
            disbursement(amount=1_100, date=D(2021, 1, 2)),
            disclosure(),
        ],
    )
    assert f.kind is FundKind.VI_NGUOI_NGHEO
    assert f.balance_on(D(2021, 1, 2)) == 0
    assert list(f.entries_of(Receipt)) == [f.entries[1]]


def test_fund_committee_owner_passes() -> None:
    assert fund(owner="committee").owner == "committee"


def test_fund_header_invalid() -> None:
    assert problems(lambda: fund(kind="x", owner="abc", opening_balance=-1)) == [
        (
            "$.kind",
            (
                "'x' is not allowed; expected 'vi_nguoi_ngheo', 'cuu_tro', 'covid19', "
                "'an_sinh_xa_hoi', 'den_on_dap_nghia' or 'other'"
            ),
        ),
        ("$.owner", "'abc' is not an owner; expected a 5-digit commune code or 'committee'"),
        ("$.opening_balance", "-1 is below 0; allowed: 0 or more"),
    ]


def test_fund_opening_balance_float_fails() -> None:
    assert problems(lambda: fund(opening_balance=10.0)) == [
        ("$.opening_balance", "expected an integer number of đồng, got a float")
    ]


def test_fund_entries_must_be_entries() -> None:
    assert problems(lambda: fund(entries=[{"type": "receipt"}])) == [
        ("$.entries[0]", "expected a ledger entry, got an object")
    ]


def test_fund_entry_ids_unique() -> None:
    assert problems(lambda: fund(entries=[receipt(id="x"), receipt(id="x")])) == [
        (
            "$.entries[1].id",
            "entry id 'x' is already used by entries[0]; ids are unique within a fund",
        )
    ]


def test_fund_entry_on_opening_day_passes_and_before_fails() -> None:
    assert fund(entries=[receipt(date=D(2021, 1, 1))]).balance_on(D(2021, 1, 1)) == 5_000_000
    assert problems(lambda: fund(entries=[receipt(date=D(2020, 12, 31))])) == [
        (
            "$.entries[0].date",
            (
                "2020-12-31 is before the fund opened on 2021-01-01; entries are dated on or after "
                "opened_on"
            ),
        )
    ]


def test_fund_receipt_against_unknown_pledge_fails() -> None:
    assert problems(lambda: fund(entries=[receipt(pledge="zz")])) == [
        ("$.entries[0].pledge", "no pledge with id 'zz' in this fund")
    ]


def test_fund_receipt_before_its_pledge_fails() -> None:
    entries = [pledge(date=D(2021, 1, 5)), receipt(pledge="p1", amount=10, date=D(2021, 1, 4))]
    assert problems(lambda: fund(entries=entries)) == [
        (
            "$.entries[1].date",
            (
                "2021-01-04 is before pledge 'p1' was made (2021-01-05); "
                "a receipt against a pledge follows it"
            ),
        )
    ]


def test_fund_receipts_reaching_the_pledge_pass() -> None:
    entries = [
        pledge(amount=100),
        receipt(id="r1", pledge="p1", amount=60),
        receipt(id="r2", pledge="p1", amount=40),
    ]
    assert len(fund(entries=entries).entries) == 3


def test_fund_receipts_exceeding_the_pledge_fail() -> None:
    entries = [
        pledge(amount=100),
        receipt(id="r1", pledge="p1", amount=60),
        receipt(id="r2", pledge="p1", amount=41),
        receipt(id="r3", pledge="p1", amount=1),
    ]
    assert problems(lambda: fund(entries=entries)) == [
        (
            "$.entries[2].amount",
            (
                "receipts against pledge 'p1' reach 101 đ, above the 100 đ pledged; receipts never "
                "exceed their pledge"
            ),
        )
    ]


def test_fund_same_day_receipt_covers_a_disbursement() -> None:
    """The balance is checked at the end of each day, whatever the order in the ledger."""
    entries = [
        disbursement(amount=100, date=D(2021, 1, 5)),
        receipt(amount=100, date=D(2021, 1, 5)),
    ]
    assert fund(entries=entries).balance_on(D(2021, 1, 5)) == 0


def test_fund_overdraw_fails_naming_the_entry() -> None:
    entries = [
        receipt(amount=100, date=D(2021, 1, 5)),
        disbursement(id="c1", amount=60, date=D(2021, 1, 6)),
        disbursement(id="c2", amount=41, date=D(2021, 1, 7)),
    ]
    assert problems(lambda: fund(entries=entries, opening_balance=0)) == [
        (
            "$.entries[2].amount",
            (
                "disbursement 'c2' of 41 đ overdraws the fund: "
                "the balance at the end of 2021-01-07 would be -1 đ; "
                "a fund's balance may never be negative"
            ),
        )
    ]


def test_fund_opening_balance_covers_a_disbursement() -> None:
    f = fund(opening_balance=41, entries=[disbursement(amount=41)])
    assert f.balance_on(D(2021, 12, 31)) == 0


def test_fund_balance_on() -> None:
    f = fund(
        opening_balance=10,
        entries=[
            receipt(id="r1", date=D(2021, 1, 5), amount=100),
            pledge(id="p", date=D(2021, 1, 5), amount=1_000),
            disbursement(id="d", date=D(2021, 1, 6), amount=60),
            receipt(id="r2", date=D(2023, 1, 5), amount=7, form="in_kind", description="gạo"),
            disclosure(date=D(2023, 2, 1)),
        ],
    )
    assert f.balance_on(D(2021, 1, 1)) == 10
    assert f.balance_on(D(2021, 1, 4)) == 10
    assert f.balance_on(D(2021, 1, 5)) == 110  # pledges are not money in hand
    assert f.balance_on(D(2021, 1, 6)) == 50
    assert f.balance_on(D(2023, 1, 5)) == 57
    assert type(f.balance_on(D(2030, 1, 1))) is int


def test_fund_receipts_by_year_counts_every_year_and_every_form() -> None:
    f = fund(
        opened_on=D(2020, 12, 1),
        entries=[
            receipt(id="r1", date=D(2021, 1, 5), amount=100),
            receipt(id="r2", date=D(2021, 7, 5), amount=50, form="transfer"),
            pledge(id="p", date=D(2022, 3, 1), amount=999),
            receipt(id="r3", date=D(2023, 1, 5), amount=7, form="in_kind", description="gạo"),
            disbursement(id="d", date=D(2023, 2, 1), amount=100),
        ],
    )
    assert f.receipts_by_year() == {2020: 0, 2021: 150, 2022: 0, 2023: 7}


def test_fund_receipts_by_year_of_an_empty_fund() -> None:
    assert fund(opened_on=D(2020, 12, 1)).receipts_by_year() == {2020: 0}


def test_fund_fed_observations() -> None:
    f = fund(
        feeds="quy",
        opened_on=D(2021, 1, 1),
        entries=[
            receipt(id="r1", date=D(2021, 1, 5), amount=100),
            receipt(id="r2", date=D(2022, 7, 5), amount=3_150_000_000, form="transfer"),
        ],
    )
    obs = f.fed_observations()
    assert [(o.commune, o.indicator, str(o.period), o.value) for o in obs] == [
        ("00583", "quy", "2021", Decimal(100)),
        ("00583", "quy", "2022", Decimal(3_150_000_000)),
    ]
    for o in obs:
        assert isinstance(o.value, Decimal)
        assert o.value.as_tuple().exponent == 0
        assert o.source


def test_fund_without_feeds_produces_no_observation() -> None:
    assert fund(entries=[receipt()]).fed_observations() == ()


@pytest.mark.parametrize(
    ("amount", "text"),
    [
        (0, "0 đ"),
        (999, "999 đ"),
        (1_000, "1.000 đ"),
        (3_150_000_000, "3.150.000.000 đ"),
        (-1_234_567, "-1.234.567 đ"),
    ],
)
def test_format_dong(amount: int, text: str) -> None:
    assert format_dong(amount) == text


# == text normalisation ====================================================================


def test_nfd_name_equals_nfc_name() -> None:
    a = commune(name="Bát Tràng")
    b = commune(name=nfd("Bát Tràng"))
    assert nfd("Bát Tràng") != "Bát Tràng"
    assert b.name == "Bát Tràng"
    assert a == b
    assert unicodedata.is_normalized("NFC", b.name)


@pytest.mark.parametrize(
    ("build", "field"),
    [
        (lambda s: term(name=s), "name"),
        (lambda s: indicator(name=s), "name"),
        (lambda s: observation(source=s), "source"),
        (lambda s: Person(name=s, title="Chủ tịch"), "name"),
        (lambda s: Recommendation(id="k", text=s), "text"),
        (lambda s: receipt(donor=s), "donor"),
        (lambda s: Topic(id="t", name=s), "name"),
    ],
)
def test_text_is_nfc_and_stripped(build: Callable[[str], object], field: str) -> None:
    text = "Kiêu Kỵ – Đặng Xá"
    obj = build("  " + nfd(text) + "\n")
    assert getattr(obj, field) == text


def test_ids_are_normalised_too() -> None:
    assert indicator(id=nfd(" hộ_nghèo ")).id == "hộ_nghèo"


def test_session_lists_of_text_are_normalised() -> None:
    s = session(findings=[" " + nfd("Tốt") + " "])
    assert s.findings == ("Tốt",)


@pytest.mark.parametrize("text", ["", " ", "\t\n", "\u3000"])
def test_empty_required_text_refused(text: str) -> None:
    assert problems(lambda: observation(source=text)) == [("$.source", EMPTY)]


def test_nul_in_text_refused() -> None:
    assert problems(lambda: observation(source="a\x00b")) == [
        ("$.source", "contains a NUL character, which is not allowed in text")
    ]


def test_text_must_be_a_string() -> None:
    assert problems(lambda: term(name=5)) == [
        ("$.name", "expected text (a string), got an integer")
    ]


# == enums ======================================================================================

SPEC_IDS: dict[type, list[str]] = {
    Measure: ["percent", "count", "money", "quantity", "boolean", "checklist"],
    Direction: ["increase", "decrease"],
    Accumulation: ["latest", "sum", "each_period", "mean"],
    AcrossUnits: ["sum", "ratio", "mean", "share_met"],
    Comparator: [">=", ">", "<=", "<"],
    CommuneKind: ["xa", "phuong", "thi_tran", "dac_khu"],
    SessionStatus: ["held", "planned"],
    FundKind: [
        "vi_nguoi_ngheo",
        "cuu_tro",
        "covid19",
        "an_sinh_xa_hoi",
        "den_on_dap_nghia",
        "other",
    ],
    ReceiptForm: ["cash", "transfer", "in_kind"],
    DisclosureChannel: ["website", "notice_board", "media", "written_notice"],
}


@pytest.mark.parametrize("enum", list(SPEC_IDS), ids=lambda e: e.__name__)
def test_enum_ids_match_spec(enum: type) -> None:
    assert [m.value for m in enum] == SPEC_IDS[enum]  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    "member",
    [m for enum in SPEC_IDS for m in enum],  # type: ignore[attr-defined]
    ids=str,
)
def test_every_member_has_a_vietnamese_label(member: Any) -> None:
    assert isinstance(member.label, str)
    assert member.label.strip()
    assert member.label != member.value
    assert unicodedata.is_normalized("NFC", member.label)
    assert str(member) == member.value


def _quotes(text: str) -> str:
    return text.replace("“", '"').replace("”", '"')


def test_fund_kind_labels_match_spec() -> None:
    spec = {
        "vi_nguoi_ngheo": 'Quỹ "Vì người nghèo"',
        "cuu_tro": "Quỹ Cứu trợ",
        "covid19": "Quỹ phòng, chống dịch Covid-19",
        "an_sinh_xa_hoi": "Quỹ An sinh xã hội",
        "den_on_dap_nghia": 'Quỹ "Đền ơn đáp nghĩa"',
    }
    assert {m.value: _quotes(m.label) for m in FundKind if m.value in spec} == spec


def test_builtin_topics_match_spec() -> None:
    spec = {
        "congress_targets": "Thực hiện các chỉ tiêu Nghị quyết Đại hội",
        "annual_programme": "Chương trình công tác năm",
        "people_inspection": "Ban Thanh tra nhân dân",
        "community_investment_supervision": "Ban Giám sát đầu tư của cộng đồng",
        "creative_solidarity": 'Phong trào thi đua "Đoàn kết sáng tạo"',
        "ntm_dtvm_campaign": (
            'Cuộc vận động "Toàn dân đoàn kết xây dựng nông thôn mới, đô thị văn minh"'
        ),
        "covid19": "Phòng, chống dịch Covid-19",
        "funds": "Vận động, quản lý và sử dụng các loại Quỹ",
        "poverty_reduction": "Giảm nghèo",
        "supervision_critique": "Giám sát và phản biện xã hội",
        "policy_conditions": "Cơ chế chính sách, điều kiện hoạt động của Mặt trận",
        "political_system_relations": "Quan hệ công tác trong hệ thống chính trị",
        "elections": "Bầu cử trưởng thôn, tổ trưởng tổ dân phố",
        "other": "Khác",
    }
    assert list(BUILTIN_TOPICS) == list(spec)
    assert {k: _quotes(v) for k, v in BUILTIN_TOPICS.items()} == spec


def test_comparator_direction() -> None:
    assert target(comparator=">=").comparator.direction is Direction.INCREASE
    assert target(comparator=">").comparator.direction is Direction.INCREASE
    assert target(comparator="<=").comparator.direction is Direction.DECREASE
    assert target(comparator="<").comparator.direction is Direction.DECREASE


ENUM_FIELDS: list[tuple[type, Callable[[str], Any]]] = [
    (Measure, lambda v: indicator(measure=v, criteria=_criteria_for(v)).measure),
    (Direction, lambda v: indicator(measure="count", direction=v).direction),
    (Accumulation, lambda v: indicator(measure="count", accumulation=v).accumulation),
    (AcrossUnits, lambda v: indicator(measure="count", across_units=v).across_units),
    (Comparator, lambda v: target(comparator=v).comparator),
    (CommuneKind, lambda v: commune(kind=v).kind),
    (SessionStatus, lambda v: session(status=v).status),
    (FundKind, lambda v: fund(kind=v).kind),
    (ReceiptForm, lambda v: receipt(form=v, description="gạo").form),
    (DisclosureChannel, lambda v: disclosure(channel=v).channel),
]


@pytest.mark.parametrize(
    ("enum", "read", "value"),
    [
        (enum, read, value)
        for enum, read in ENUM_FIELDS
        for value in SPEC_IDS[enum]
        if not (enum is AcrossUnits and value == "ratio")  # ratio needs a percent
    ],
    ids=lambda x: x if isinstance(x, str) else "",
)
def test_enum_field_accepts_the_id_string(
    enum: type, read: Callable[[str], Any], value: str
) -> None:
    member = read(value)
    label: object = member.label
    assert type(member) is enum
    assert member == value
    assert isinstance(label, str)
    assert label


def test_ratio_id_string_accepted_for_percent() -> None:
    assert indicator(across_units="ratio").across_units is AcrossUnits.RATIO


# == dates ======================================================================================

DATE_FIELDS: list[tuple[str, Callable[[Any], Any]]] = [
    ("Term.start", lambda d: term(start=d, end=D(2030, 1, 1)).start),
    ("Term.end", lambda d: term(start=D(2000, 1, 1), end=d).end),
    ("Commune.valid_from", lambda d: commune(valid_from=d).valid_from),
    ("Commune.valid_to", lambda d: commune(valid_to=d).valid_to),
    ("Observation.reported_on", lambda d: observation(period="2000", reported_on=d).reported_on),
    ("Baseline.date", lambda d: Baseline(value="1", date=d).date),
    ("WorkingSession.date", lambda d: session(date=d).date),
    ("Conclusion.due", lambda d: Conclusion(id="k", text="t", due=d).due),
    ("Conclusion.done_on", lambda d: Conclusion(id="k", text="t", done_on=d).done_on),
    ("Fund.opened_on", lambda d: fund(opened_on=d).opened_on),
    ("Pledge.date", lambda d: pledge(date=d).date),
    ("Receipt.date", lambda d: receipt(date=d).date),
    ("Disbursement.date", lambda d: disbursement(date=d).date),
    ("Disclosure.date", lambda d: disclosure(date=d).date),
]


@pytest.mark.parametrize(("name", "read"), DATE_FIELDS, ids=[n for n, _ in DATE_FIELDS])
def test_plain_date_converted_to_pendulum_date(name: str, read: Callable[[Any], Any]) -> None:
    value = read(dt.date(2022, 4, 18))
    assert type(value) is pendulum.Date, name
    assert value == D(2022, 4, 18)


@pytest.mark.parametrize(("name", "read"), DATE_FIELDS, ids=[n for n, _ in DATE_FIELDS])
@pytest.mark.parametrize(
    "moment",
    [dt.datetime(2022, 4, 18, 0, 0), pendulum.datetime(2022, 4, 18, tz="Asia/Ho_Chi_Minh")],
    ids=["datetime", "pendulum.DateTime"],
)
def test_date_time_refused(name: str, read: Callable[[Any], Any], moment: object) -> None:
    field = name.split(".")[1]
    assert problems(lambda: read(moment)) == [
        (f"$.{field}", "expected a date, got a date and time; give a pendulum.Date")
    ]


# == floats never pass for values ============================================================


@pytest.mark.parametrize(
    ("build", "path"),
    [
        (lambda v: observation(value=v), "$.value"),
        (lambda v: target(value=v), "$.value"),
        (lambda v: Baseline(value=v, date=D(2019, 1, 1)), "$.value"),
        (lambda v: Milestone(period="2021", value=v), "$.value"),
    ],
)
@pytest.mark.parametrize("value", [0.1, 95.0, float("nan")])
def test_float_values_refused(build: Callable[[Any], object], path: str, value: float) -> None:
    assert problems(lambda: build(value)) == [
        (path, "a float is not exact; give the value as a decimal (Decimal('94.2') or '94.2')")
    ]


def test_entities_are_frozen() -> None:
    t = term()
    with pytest.raises(AttributeError):
        t.name = "x"  # type: ignore[misc]
