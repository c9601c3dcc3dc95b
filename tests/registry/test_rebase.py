"""rebase: a dataset re-expressed on the units of a later day, on the synthetic registry.

Counts and money of merged communes are summed on their successor, percents are recomputed
from numerators and denominators, and whatever cannot be carried honestly is refused with
its JSON path and a reason. Every carried observation names the paths it was built from.
"""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

import pendulum
import pytest
from test_registry_api import GIA_LAM, HA_GIANG, REG, registry_doc

import mttq_core as m
from mttq_core.registry import Registry, RegistryError
from mttq_core.registry._rebase import Carried, Rebased, Refused, rebase

D = pendulum.Date
COMMITTEE = "committee"


def commune(
    code: str,
    name: str,
    kind: str = "xa",
    district: str | None = GIA_LAM,
    province: str = "01",
    **validity: str,
) -> dict[str, Any]:
    return {
        "code": code,
        "name": name,
        "kind": kind,
        "district_code": district,
        "province_code": province,
        **validity,
    }


# the communes of the 2019 snapshot, declared as a careful user would (valid_to from the registry)
DUONG_HA = commune("00541", "Dương Hà", valid_to="2024-12-31")
DINH_XUYEN = commune("00538", "Đình Xuyên", valid_to="2024-12-31")
PHUONG_DINH = commune("00604", "Phương Đình", valid_to="2025-06-30")
THIEN_DUC = commune("00541", "Thiên Đức", valid_from="2025-01-01", valid_to="2025-06-30")
BAT_TRANG = commune("00583", "Bát Tràng", valid_to="2025-06-30")
KIEU_KY = commune("00577", "Kiêu Kỵ", valid_to="2025-06-30")
DONG_DU = commune("00580", "Đông Dư", valid_to="2025-06-30")
TRAU_QUY = commune("00565", "Trâu Quỳ", "thi_tran", valid_to="2025-06-30")
YEN_VIEN_TT = commune("00526", "Yên Viên", "thi_tran", valid_to="2025-06-30")
YEN_VIEN_XA = commune("00532", "Yên Viên", valid_to="2025-06-30")
MINH_KHAI = commune(
    "00700", "Minh Khai", "phuong", HA_GIANG, "02", valid_from="2025-03-01", valid_to="2025-06-30"
)


def indicator(id_: str, measure: str, unit: str, across: str, **more: Any) -> dict[str, Any]:
    accumulation = "sum" if measure in ("count", "money") else "latest"
    return {
        "id": id_,
        "name": id_,
        "measure": measure,
        "unit": unit,
        "direction": "increase",
        "accumulation": accumulation,
        "across_units": across,
        **more,
    }


CRITERIA = [{"id": "a", "name": "Tiêu chí A"}, {"id": "b", "name": "Tiêu chí B"}]
INDICATORS = [
    indicator("nha", "count", "nhà", "sum"),
    indicator("quy", "money", "đồng", "sum"),
    indicator("gdvh", "percent", "%", "ratio"),
    indicator("dt", "quantity", "ha", "mean"),
    indicator("ttnd", "boolean", "", "share_met"),
    indicator("ntm", "checklist", "tiêu chí", "share_met", criteria=CRITERIA),
]


def target(term: str, indicator: str, scope: str, value: object) -> dict[str, Any]:
    return {
        "term": term,
        "indicator": indicator,
        "scope": scope,
        "comparator": ">=",
        "value": value,
    }


def dataset(
    *communes: dict[str, Any],
    observations: list[dict[str, Any]] | None = None,
    **more: Any,
) -> m.Dataset:
    doc = {
        "format": "mttq-core/1",
        "title": "Chỉ tiêu Nghị quyết Đại hội MTTQ huyện Gia Lâm",
        "committee": {"name": "Ủy ban MTTQ Việt Nam huyện Gia Lâm", "unit_code": GIA_LAM},
        "terms": [
            {
                "id": "2019-2024",
                "name": "Nhiệm kỳ 2019–2024",
                "start": "2019-04-12",
                "end": "2024-04-30",
            },
            {
                "id": "2025-2030",
                "name": "Nhiệm kỳ 2025–2030",
                "start": "2025-10-01",
                "end": "2030-09-30",
            },
        ],
        "communes": list(communes),
        "indicators": INDICATORS,
        "observations": observations or [],
        **more,
    }
    return m.loads(json.dumps(doc))


def obs(code: str, indicator: str, period: str, value: object = None, **kw: Any) -> dict[str, Any]:
    o: dict[str, Any] = {
        "commune": code,
        "indicator": indicator,
        "period": period,
        "source": f"BC {code} {period}",
    }
    if value is not None:
        o["value"] = value
    return {**o, **kw}


def carried(r: Rebased) -> dict[tuple[str, str, str], Decimal | bool | tuple[str, ...] | None]:
    return {
        (
            c.observation.commune,
            c.observation.indicator,
            str(c.observation.period),
        ): c.observation.value
        for c in r.carried
    }


def refused_paths(r: Rebased) -> list[str]:
    return [x.path for x in r.refused]


def reason(r: Rebased, path: str) -> str:
    (found,) = [x.reason for x in r.refused if x.path == path]
    return found


# == merges: counts and money are summed on the successor =====================================


def test_two_communes_merged_are_summed_on_their_successor_with_provenance() -> None:
    ds = dataset(
        DUONG_HA,
        DINH_XUYEN,
        observations=[
            obs("00541", "nha", "2021", 3, reported_on="2022-01-10"),
            obs("00538", "nha", "2021", 5, reported_on="2022-01-15"),
            obs("00541", "nha", "2022", 4),
            obs("00538", "nha", "2022", 6),
            obs("00541", "quy", "2021", 1_000_000),
            obs("00538", "quy", "2021", 2_500_000),
        ],
    )
    r = rebase(ds, on="2025-03-01", using=REG)
    assert r.on == D(2025, 3, 1)
    assert r.refused == ()
    assert r.successors == {"$.communes[0]": "00541", "$.communes[1]": "00541"}
    (thien_duc,) = r.dataset.communes
    assert thien_duc == m.Commune(
        code="00541",
        name="Thiên Đức",
        kind="xa",
        district_code=GIA_LAM,
        province_code="01",
        valid_to=D(2025, 6, 30),
    )
    assert carried(r) == {
        ("00541", "nha", "2021"): Decimal(8),
        ("00541", "nha", "2022"): Decimal(10),
        ("00541", "quy", "2021"): Decimal(3_500_000),
    }
    first = r.carried[0]
    assert first == Carried(
        first.observation, ("$.observations[0]", "$.observations[1]"), ("00541", "00538")
    )
    assert first.observation.source == (
        "Gộp theo đơn vị xã Thiên Đức (00541) từ $.observations[0], $.observations[1]"
    )
    assert first.observation.reported_on == D(2022, 1, 15)  # the later of the two
    assert r.carried[1].observation.reported_on is None
    # every carried observation is in the new dataset, and nothing else is
    assert r.dataset.observations == tuple(c.observation for c in r.carried)
    day = D(2022, 12, 31)
    assert [o.value for o in r.dataset.series(r.dataset.commune("00541", day), "nha")] == [8, 10]


def test_money_stays_integer_dong() -> None:
    ds = dataset(
        DUONG_HA,
        DINH_XUYEN,
        observations=[obs("00541", "quy", "2021", "123456789"), obs("00538", "quy", "2021", 1)],
    )
    (c,) = rebase(ds, on="2025-03-01", using=REG).carried
    assert c.observation.value == Decimal(123456790)
    assert '"value": 123456790' in m.dumps(rebase(ds, on="2025-03-01", using=REG).dataset)


def test_two_reforms_and_two_versions_of_a_code_are_summed_period_by_period() -> None:
    # Dương Hà and Đình Xuyên became Thiên Đức (00541, the code reused) on 2025-01-01; Thiên Đức
    # and Phương Đình became Phù Đổng (00541 again) on 2025-07-01. A period is summed over
    # the communes that existed at its end: 2023 over three, 2025-H1 over two.
    ds = dataset(
        DUONG_HA,
        DINH_XUYEN,
        THIEN_DUC,
        PHUONG_DINH,
        observations=[
            obs("00541", "nha", "2023", 1),
            obs("00538", "nha", "2023", 2),
            obs("00604", "nha", "2023", 4),
            obs("00541", "nha", "2025-H1", 5),
            obs("00604", "nha", "2025-H1", 6),
        ],
    )
    r = rebase(ds, on="2025-09-01", using=REG)
    assert r.refused == ()
    assert set(r.successors.values()) == {"00541"}
    assert [c.name for c in r.dataset.communes] == ["Phù Đổng"]
    assert r.dataset.communes[0].district_code is None  # no districts after 2025-07-01
    assert carried(r) == {
        ("00541", "nha", "2023"): Decimal(7),
        ("00541", "nha", "2025-H1"): Decimal(11),
    }
    assert [c.members for c in r.carried] == [("00541", "00538", "00604"), ("00541", "00604")]


def test_a_unit_moved_to_a_merged_province_is_carried() -> None:
    # tỉnh Hà Giang (02) was merged into tỉnh Tuyên Quang (08) on 2025-07-01
    ds = dataset(MINH_KHAI, observations=[obs("00700", "nha", "2025-Q2", 3)])
    r = rebase(ds, on="2025-09-01", using=REG)
    assert r.refused == ()
    (unit,) = r.dataset.communes
    assert (unit.code, unit.name, unit.province_code, unit.district_code) == (
        "00700",
        "Hà Giang 1",
        "08",
        None,
    )
    assert carried(r) == {("00700", "nha", "2025-Q2"): Decimal(3)}


# == percent: a ratio of the summed counts, never a mean of percents ==========================


def test_a_percent_is_recomputed_from_numerators_and_denominators() -> None:
    ds = dataset(
        DUONG_HA,
        DINH_XUYEN,
        observations=[
            obs("00541", "gdvh", "2021", "50", numerator=50, denominator=100),
            obs("00538", "gdvh", "2021", numerator=900, denominator=1000),  # value derived
        ],
    )
    (c,) = rebase(ds, on="2025-03-01", using=REG).carried
    o = c.observation
    assert (o.numerator, o.denominator) == (950, 1100)
    assert o.value == Decimal(100) * 950 / 1100  # 86.36…, not the mean 70
    assert o.derived


def test_a_percent_without_counts_on_a_part_is_refused_for_every_part() -> None:
    ds = dataset(
        DUONG_HA,
        DINH_XUYEN,
        observations=[
            obs("00541", "gdvh", "2021", "50", numerator=50, denominator=100),
            obs("00538", "gdvh", "2021", "90"),
        ],
    )
    r = rebase(ds, on="2025-03-01", using=REG)
    assert r.carried == ()
    assert refused_paths(r) == ["$.observations[0]", "$.observations[1]"]
    assert {x.reason for x in r.refused} == {
        "a percent of merged units needs numerator and denominator on every part"
    }
    assert r.dataset.observations == ()


def test_a_percent_carried_one_to_one_keeps_its_value_and_counts() -> None:
    ds = dataset(
        MINH_KHAI,
        observations=[
            obs("00700", "gdvh", "2025-Q1", "33.3", numerator=1, denominator=3),
            obs("00700", "gdvh", "2025-Q2", numerator=2, denominator=3),
        ],
    )
    first, second = (c.observation for c in rebase(ds, on="2025-09-01", using=REG).carried)
    assert (first.value, first.numerator, first.denominator, first.derived) == (
        Decimal("33.3"),
        1,
        3,
        False,
    )
    assert (second.numerator, second.denominator, second.derived) == (2, 3, True)


# == a partial sum would undercount ============================================================


def test_a_period_one_part_did_not_report_is_refused_for_every_part() -> None:
    ds = dataset(
        DUONG_HA,
        DINH_XUYEN,
        PHUONG_DINH,
        observations=[
            obs("00541", "nha", "2022", 1),
            obs("00538", "nha", "2022", 2),
            obs("00604", "nha", "2022", 4),
            obs("00541", "nha", "2023", 1),
            obs("00604", "nha", "2023", 4),
        ],
    )
    r = rebase(ds, on="2025-09-01", using=REG)
    assert carried(r) == {("00541", "nha", "2022"): Decimal(7)}
    assert refused_paths(r) == ["$.observations[3]", "$.observations[4]"]
    assert reason(r, "$.observations[3]") == (
        "nha 2023: merged part(s) 00538 of xã Phù Đổng (00541) did not report it; a partial "
        "sum would undercount"
    )


def test_a_part_the_dataset_lacks_is_named_and_nothing_is_carried() -> None:
    # Thiên Đức is Dương Hà and Đình Xuyên: Dương Hà alone is not Thiên Đức
    ds = dataset(DUONG_HA, observations=[obs("00541", "nha", "2023", 1)])
    r = rebase(ds, on="2025-03-01", using=REG)
    assert r.carried == ()
    assert reason(r, "$.observations[0]") == (
        "nha 2023: xã Đình Xuyên (00538), part of xã Thiên Đức (00541) on 2023-12-31, is not "
        "among the dataset's communes; a partial sum would undercount"
    )
    assert [c.name for c in r.dataset.communes] == ["Thiên Đức"]


def test_a_successor_that_received_part_of_a_divided_unit_is_not_carried() -> None:
    # Bát Tràng (2025-07) received 0.6 of Kiêu Kỵ and, by one source, Đông Dư
    ds = dataset(BAT_TRANG, observations=[obs("00583", "nha", "2023", 1)])
    r = rebase(ds, on="2025-09-01", using=REG)
    assert r.carried == ()
    assert reason(r, "$.observations[0]") == (
        "nha 2023: xã Bát Tràng (00583) includes only part of xã Kiêu Kỵ (00577), xã Đông Dư "
        "(00580) (divided among several successors, or mapped differently by the sources); "
        "that part's share cannot be known"
    )


# == measures that do not add up ===============================================================


@pytest.mark.parametrize(
    ("indicator", "a", "b"),
    [("dt", "12.5", "3.25"), ("ttnd", True, False), ("ntm", ["a"], ["a", "b"])],
)
def test_quantities_booleans_and_checklists_are_refused_across_parts(
    indicator: str, a: object, b: object
) -> None:
    ds = dataset(
        DUONG_HA,
        DINH_XUYEN,
        observations=[obs("00541", indicator, "2021", a), obs("00538", indicator, "2021", b)],
    )
    r = rebase(ds, on="2025-03-01", using=REG)
    assert r.carried == ()
    assert refused_paths(r) == ["$.observations[0]", "$.observations[1]"]
    measure = {"dt": "quantity", "ttnd": "boolean", "ntm": "checklist"}[indicator]
    assert reason(r, "$.observations[0]").startswith(
        f"a {measure} cannot be combined across merged units"
    )


@pytest.mark.parametrize(
    ("indicator", "value", "expected"),
    [("dt", "12.5", Decimal("12.5")), ("ttnd", True, True), ("ntm", ["b", "a"], ("b", "a"))],
)
def test_quantities_booleans_and_checklists_are_carried_one_to_one(
    indicator: str, value: object, expected: object
) -> None:
    ds = dataset(MINH_KHAI, observations=[obs("00700", indicator, "2025-Q2", value)])
    r = rebase(ds, on="2025-09-01", using=REG)
    assert r.refused == ()
    assert carried(r) == {("00700", indicator, "2025-Q2"): expected}


# == divided and disputed units ================================================================


def test_a_divided_unit_is_refused_naming_its_successors_and_shares() -> None:
    ds = dataset(KIEU_KY, observations=[obs("00577", "nha", "2023", 10)])
    r = rebase(ds, on="2025-09-01", using=REG)
    assert r.carried == ()
    assert r.successors == {}
    assert r.dataset.communes == ()
    assert reason(r, "$.communes[0]") == (
        "00577 of snapshot 2025-01 has several successors (00565 (s3, share 0.4); 00583 (s3, "
        "share 0.6)): it was divided; its observations cannot be apportioned without data "
        "below the commune"
    )
    assert reason(r, "$.observations[0]") == "its commune could not be carried"


def test_a_share_read_as_a_float_is_printed_exactly() -> None:
    doc = registry_doc()
    for row in doc["crosswalk"]:
        if row["share"] is not None:
            row["share"] = float(row["share"])
    r = rebase(dataset(KIEU_KY), on="2025-09-01", using=Registry(doc))
    assert "(00565 (s3, share 0.4); 00583 (s3, share 0.6))" in reason(r, "$.communes[0]")


def test_a_unit_the_sources_map_differently_is_refused_as_disputed() -> None:
    r = rebase(dataset(DONG_DU), on="2025-09-01", using=REG)
    assert reason(r, "$.communes[0]") == (
        "00580 of snapshot 2025-01 has several successors (00583 (s3); 00565 (s4)): it was "
        "disputed; its observations cannot be apportioned without data below the commune"
    )


def test_the_divided_unit_is_still_carried_before_it_was_divided() -> None:
    # Kiêu Kỵ was divided on 2025-07-01 only: on 2025-03-01 it is unchanged
    ds = dataset(KIEU_KY, observations=[obs("00577", "nha", "2023", 10)])
    r = rebase(ds, on="2025-03-01", using=REG)
    assert r.refused == ()
    assert r.dataset == ds


# == unchanged communes, the committee and what does not transfer ===========================


def test_unchanged_communes_and_the_committees_observations_are_kept_as_they_are() -> None:
    ds = dataset(
        YEN_VIEN_TT,
        BAT_TRANG,
        DUONG_HA,
        DINH_XUYEN,
        observations=[
            obs("00526", "nha", "2021", 1),
            obs("00583", "nha", "2021", 2),
            obs(COMMITTEE, "nha", "2021", 3),
            obs("00541", "nha", "2021", 4),
            obs("00538", "nha", "2021", 5),
        ],
        targets=[
            target("2019-2024", "nha", "00583", 1),
            target("2019-2024", "nha", "all", 1),
            target("2019-2024", "nha", COMMITTEE, 9),
        ],
    )
    r = rebase(ds, on="2025-03-01", using=REG)
    assert r.refused == ()
    assert r.dataset.communes[0] is ds.communes[0]
    assert r.dataset.communes[1] is ds.communes[1]
    assert [c.name for c in r.dataset.communes] == ["Yên Viên", "Bát Tràng", "Thiên Đức"]
    kept = r.dataset.observations[:3]
    assert all(a is b for a, b in zip(kept, ds.observations[:3], strict=True))
    assert r.dataset.targets == ds.targets
    assert carried(r) == {("00541", "nha", "2021"): Decimal(9)}


def test_targets_sessions_and_funds_of_vanished_communes_are_refused() -> None:
    head = {"head": {"name": "Hoàng Anh Tú", "title": "Chủ tịch"}}
    session = {
        "id": "s1",
        "date": "2022-05-10",
        "commune": "00541",
        "term": "2019-2024",
        "topics": ["congress_targets"],
        "delegation": head,
        "observations": [obs("00541", "nha", "2022", 2)],
    }
    fund = {
        "id": "f1",
        "name": "Quỹ Vì người nghèo xã Dương Hà",
        "kind": "vi_nguoi_ngheo",
        "owner": "00541",
        "opened_on": "2021-01-01",
        "feeds": "quy",
        "entries": [
            {
                "type": "receipt",
                "id": "r1",
                "date": "2021-03-01",
                "donor": "Nhân dân",
                "amount": 1_000_000,
                "form": "cash",
            }
        ],
    }
    ds = dataset(
        DUONG_HA,
        DINH_XUYEN,
        BAT_TRANG,
        observations=[
            obs("00538", "nha", "2022", 3),
            obs("00538", "quy", "2021", 2_000_000),
            obs("00583", "nha", "2022", 9),
        ],
        targets=[
            target("2019-2024", "nha", "00541", 1),
            target("2019-2024", "nha", "00583", 1),
        ],
        working_sessions=[session, {**session, "id": "s2", "commune": "00583", "observations": []}],
        funds=[fund],
    )
    r = rebase(ds, on="2025-03-01", using=REG)
    assert refused_paths(r) == ["$.targets[0]", "$.working_sessions[0]", "$.funds[0]"]
    assert reason(r, "$.targets[0]") == (
        "a target set for Dương Hà (00541), which is part of xã Thiên Đức (00541) on "
        "2025-03-01, does not transfer to its successor"
    )
    assert reason(r, "$.working_sessions[0]").startswith(
        "held with Dương Hà (00541), which is part of xã Thiên Đức (00541) on 2025-03-01; the "
        "session is not carried"
    )
    assert reason(r, "$.funds[0]") == (
        "owned by Dương Hà (00541), which is part of xã Thiên Đức (00541) on 2025-03-01; the "
        "fund is not carried; its yearly receipts are carried as observations where they add up"
    )
    # the session's observation and the fund's receipts are summed with Đình Xuyên's
    assert carried(r) == {
        ("00541", "nha", "2022"): Decimal(5),
        ("00541", "quy", "2021"): Decimal(3_000_000),
    }
    sources = {c.observation.indicator: c.sources for c in r.carried}
    assert sources == {
        "nha": ("$.working_sessions[0].observations[0]", "$.observations[0]"),
        "quy": ("$.funds[0]", "$.observations[1]"),
    }
    assert [s.id for s in r.dataset.working_sessions] == ["s2"]
    assert r.dataset.funds == ()
    assert [t.scope for t in r.dataset.targets] == ["00583"]


def test_a_kept_communes_target_stays_when_a_refused_commune_shares_its_code() -> None:
    ds = dataset(
        TRAU_QUY,
        commune("00565", "Gia Lâm", district=None, valid_from="2025-07-01"),
        observations=[obs("00565", "nha", "2023", 1)],
        targets=[
            target("2019-2024", "nha", "00565", 1),
            target("2025-2030", "nha", "00565", 1),
        ],
    )
    r = rebase(ds, on="2025-03-01", using=REG)
    assert refused_paths(r) == ["$.communes[1]", "$.targets[1]"]
    assert (
        reason(r, "$.communes[1]")
        == "'Gia Lâm' (00565) only begins on 2025-07-01, after 2025-03-01"
    )
    assert reason(r, "$.targets[1]").startswith(
        "a target set for Gia Lâm (00565), which could not be carried to 2025-03-01"
    )
    assert r.dataset.targets == ds.targets[:1]
    assert r.dataset.communes == ds.communes[:1]


def test_superseded_revisions_of_a_merged_commune_are_refused_and_the_latest_carried() -> None:
    ds = dataset(
        DUONG_HA,
        DINH_XUYEN,
        observations=[
            obs("00541", "nha", "2021", 3),
            obs("00541", "nha", "2021", 4, revision=1),
            obs("00538", "nha", "2021", 5),
        ],
    )
    r = rebase(ds, on="2025-03-01", using=REG)
    assert carried(r) == {("00541", "nha", "2021"): Decimal(9)}
    assert r.carried[0].sources == ("$.observations[1]", "$.observations[2]")
    assert r.refused == (
        Refused(
            "$.observations[0]", "superseded by a later revision; only the effective one is carried"
        ),
    )


def test_a_commune_the_registry_does_not_know_as_declared_is_refused_with_its_observations() -> (
    None
):
    typo = commune("00538", "Đình Xuyen", valid_to="2024-12-31")
    session = {
        "id": "s1",
        "date": "2022-05-10",
        "commune": "00538",
        "term": "2019-2024",
        "topics": ["congress_targets"],
        "delegation": {"head": {"name": "Hoàng Anh Tú", "title": "Chủ tịch"}},
        "observations": [obs("00538", "nha", "2022", 2)],
    }
    ds = dataset(typo, observations=[obs("00538", "nha", "2021", 1)], working_sessions=[session])
    r = rebase(ds, on="2025-03-01", using=REG)
    assert refused_paths(r) == [
        "$.communes[0]",
        "$.observations[0]",
        "$.working_sessions[0].observations[0]",
        "$.working_sessions[0]",
    ]
    assert reason(r, "$.communes[0]") == (
        "'Đình Xuyen' (00538) is not in the registry as declared on 2024-12-31; check it with "
        "`mttq-core validate --units`"
    )
    assert reason(r, "$.working_sessions[0]").startswith(
        "held with Đình Xuyen (00538), which could not be carried to 2025-03-01"
    )
    assert r.dataset.communes == ()


def test_inside_an_undated_change_nothing_is_surely_in_force() -> None:
    quang_trung = commune("00700", "Quang Trung", "phuong", HA_GIANG, "02", valid_to="2024-12-31")
    r = rebase(dataset(quang_trung), on="2024-10-01", using=REG)
    assert reason(r, "$.communes[0]") == (
        "phường Minh Khai (00700) is not surely in force on 2024-10-01"
    )
    # once the change is surely over, the two 2019 units are one
    tran_phu = commune("00703", "Trần Phú", "phuong", HA_GIANG, "02", valid_to="2024-06-30")
    ds = dataset(
        {**quang_trung, "valid_to": "2024-06-30"},
        tran_phu,
        observations=[obs("00700", "nha", "2023", 1), obs("00703", "nha", "2023", 2)],
    )
    r = rebase(ds, on="2025-03-01", using=REG)
    assert r.refused == ()
    assert carried(r) == {("00700", "nha", "2023"): Decimal(3)}
    assert [c.name for c in r.dataset.communes] == ["Minh Khai"]


def test_a_bad_day_is_a_registry_error() -> None:
    with pytest.raises(RegistryError, match=r"^on: '2025-02-30' is not a calendar date"):
        rebase(dataset(DUONG_HA), on="2025-02-30", using=REG)


# == the result is a dataset like any other ===================================================


def test_the_rebased_dataset_is_valid_round_trips_and_can_be_assessed() -> None:
    ds = dataset(
        DUONG_HA,
        DINH_XUYEN,
        BAT_TRANG,
        observations=[
            obs("00541", "nha", "2021", 3),
            obs("00538", "nha", "2021", 5),
            obs("00583", "nha", "2021", 2),
            obs("00541", "gdvh", "2023", numerator=90, denominator=100),
            obs("00538", "gdvh", "2023", numerator=80, denominator=100),
            obs("00583", "gdvh", "2023", numerator=70, denominator=100),
        ],
        targets=[
            target("2019-2024", "nha", "all", 5),
            target("2019-2024", "gdvh", COMMITTEE, "80"),
        ],
    )
    r = rebase(ds, on="2025-03-01", using=REG)
    assert r.refused == ()
    assert m.loads(m.dumps(r.dataset)) == r.dataset
    card = m.assess(r.dataset, as_of="2024-04-30", term="2019-2024")
    by_commune = {a.unit: a for a in card.assessments if a.indicator == "nha"}
    assert set(by_commune) == {"00583", "00541"}
    assert by_commune["00541"].actual == Decimal(8)
    assert by_commune["00541"].met
