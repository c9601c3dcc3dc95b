"""check_units: a dataset's communes against the registry, over each commune's validity.

On the synthetic registry of ``test_registry_api.py`` (the packaged data is not needed).
"""

from __future__ import annotations

import json
import unicodedata
from typing import Any

import pytest
from test_registry_api import GIA_LAM, HA_GIANG, REG, registry_doc

import mttq_core as m
from mttq_core.registry import Registry, check_units, same_name


def commune(
    code: str,
    name: str,
    kind: str = "xa",
    district: str | None = GIA_LAM,
    province: str | None = "01",
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


def dataset(
    *communes: dict[str, Any], observations: list[dict[str, Any]] | None = None
) -> m.Dataset:
    doc = {
        "format": "mttq-core/1",
        "title": "Kiểm tra đơn vị hành chính",
        "committee": {"name": "Ủy ban MTTQ Việt Nam huyện Gia Lâm", "unit_code": GIA_LAM},
        "terms": [
            {
                "id": "2019-2024",
                "name": "Nhiệm kỳ 2019–2024",
                "start": "2019-04-12",
                "end": "2024-04-30",
            }
        ],
        "communes": list(communes),
        "indicators": [
            {
                "id": "nha",
                "name": "Nhà Đại đoàn kết",
                "measure": "count",
                "unit": "nhà",
                "direction": "increase",
                "accumulation": "sum",
                "across_units": "sum",
            }
        ],
        "observations": observations or [],
    }
    return m.loads(json.dumps(doc))


def paths(problems: tuple[m.Problem, ...]) -> list[str]:
    return [p.path for p in problems]


# == agreement ==================================================================================


def test_communes_that_agree_with_the_registry_give_no_problem() -> None:
    ds = dataset(
        commune("00526", "Yên Viên", "thi_tran", valid_to="2025-06-30"),
        commune("00532", "Yên Viên", valid_to="2025-06-30"),
        commune("00541", "Dương Hà", valid_to="2024-12-31"),
        commune("00538", "Đình Xuyên", valid_to="2024-12-31"),
        commune("00541", "Thiên Đức", valid_from="2025-01-01", valid_to="2025-06-30"),
        commune("00565", "Trâu Quỳ", "thi_tran", valid_to="2025-06-30"),
        commune("00565", "Gia Lâm", district=None, valid_from="2025-07-01"),
        commune("00583", "Bát Tràng", district=None, province=None),  # nothing to disagree on
        commune("00700", "Hà Giang 1", "phuong", None, "08", valid_from="2025-07-01"),
    )
    assert check_units(ds, using=REG) == ()


def test_the_district_and_province_may_be_left_out() -> None:
    ds = dataset(commune("00565", "Trâu Quỳ", "thi_tran", None, None, valid_to="2025-06-30"))
    assert check_units(ds, using=REG) == ()


# == the acceptance case: a reused code used after the reform ===========================


def test_trau_quy_used_in_2026_is_reported_at_its_name_kind_and_district() -> None:
    ds = dataset(
        commune("00541", "Phù Đổng", district=None, valid_from="2025-07-01"),
        commune("00565", "Trâu Quỳ", "thi_tran", GIA_LAM, "01", valid_from="2026-01-01"),
        observations=[
            {"commune": "00565", "indicator": "nha", "period": "2026", "value": 3, "source": "BC"}
        ],
    )
    problems = check_units(ds, using=REG)
    assert paths(problems) == [
        "$.communes[1].name",
        "$.communes[1].kind",
        "$.communes[1].district_code",
    ]
    for p in problems:
        assert "disagrees with the registry: on 2026-01-01 code 00565 is xã Gia Lâm" in p.message
        assert "(registry snapshot 2025-07: s3, s4)" in p.message
    name, kind, district = (p.message for p in problems)
    assert name.startswith("'Trâu Quỳ' disagrees")
    assert kind.startswith("'thi_tran' disagrees")
    assert kind.endswith(", a 'xa'")
    assert district.startswith("'018' disagrees")
    assert district.endswith("with no district (districts were abolished on 2025-07-01)")


def test_a_commune_declared_valid_forever_is_checked_across_both_reforms() -> None:
    # Dương Hà with no dates: right until 2024-12-31, then Thiên Đức, then Phù Đổng
    problems = check_units(dataset(commune("00541", "Dương Hà")), using=REG)
    assert [(p.path, p.message.split(": ")[1].split(" (")[0]) for p in problems] == [
        ("$.communes[0].name", "on 2025-01-01 code 00541 is xã Thiên Đức"),
        ("$.communes[0].name", "on 2025-07-01 code 00541 is xã Phù Đổng"),
        ("$.communes[0].district_code", "on 2025-07-01 code 00541 is xã Phù Đổng"),
    ]
    assert problems[2].message.endswith(
        ", with no district (districts were abolished on 2025-07-01)"
    )


def test_one_problem_per_path_and_registry_unit() -> None:
    # Trâu Quỳ declared as a xã with no end: the kind is wrong against two registry units
    problems = check_units(dataset(commune("00565", "Trâu Quỳ")), using=REG)
    assert paths(problems) == [
        "$.communes[0].kind",  # thị trấn Trâu Quỳ, checked on several days: once
        "$.communes[0].name",  # xã Gia Lâm from 2025-07-01
        "$.communes[0].district_code",
    ]
    assert "thị trấn Trâu Quỳ" in problems[0].message
    assert all("xã Gia Lâm" in p.message for p in problems[1:])
    assert len(set(problems)) == len(problems)


def test_an_unknown_code_is_reported_once_at_its_code() -> None:
    ds = dataset(commune("09999", "Lạc Đạo", valid_from="2020-01-01", valid_to="2024-12-31"))
    (problem,) = check_units(ds, using=REG)
    assert problem.path == "$.communes[0].code"
    assert problem.message == (
        "09999 names no unit in the registry on 2020-01-01 ('Lạc Đạo' is declared valid "
        "2020-01-01 – 2024-12-31)"
    )


def test_a_code_used_before_its_unit_existed_is_reported_at_its_code() -> None:
    # Đình Xuyên was merged away on 2025-01-01: the code names nothing after that
    ds = dataset(commune("00538", "Đình Xuyên", valid_to="2025-06-30"))
    (problem,) = check_units(ds, using=REG)
    assert problem.path == "$.communes[0].code"
    assert problem.message.startswith("00538 names no unit in the registry on 2025-01-01")


def test_a_wrong_province_is_reported() -> None:
    (problem,) = check_units(
        dataset(commune("00565", "Trâu Quỳ", "thi_tran", province="02", valid_to="2025-06-30")),
        using=REG,
    )
    assert problem.path == "$.communes[0].province_code"
    assert problem.message.endswith("in province 01")


def test_a_commune_that_ended_before_the_first_snapshots_date_is_still_checked() -> None:
    # the first snapshot describes 2024-06-30; a commune that ended in 2020 is checked too
    ds = dataset(commune("00538", "Đình Xuyen", valid_to="2020-01-31"))
    (problem,) = check_units(ds, using=REG)
    assert problem.path == "$.communes[0].name"
    assert "on 2020-01-31 code 00538 is xã Đình Xuyên" in problem.message


def test_the_sources_disagreement_is_named() -> None:
    ds = dataset(commune("00580", "Đông Du", valid_from="2025-01-01", valid_to="2025-06-30"))
    (problem,) = check_units(ds, using=REG)
    assert problem.path == "$.communes[0].name"
    assert problem.message.endswith(
        "(registry snapshot 2025-01: s2); the sources disagree here: s2 and s4 spell it differently"
    )


def test_problems_come_in_dataset_order() -> None:
    ds = dataset(
        commune("00526", "Yên Viên", "xa", valid_to="2025-06-30"),  # a thị trấn
        commune("00583", "Bát Tràng", valid_to="2025-06-30"),
        commune("09999", "Lạc Đạo"),
        commune("00532", "Yên Vien", valid_to="2025-06-30"),
    )
    assert paths(check_units(ds, using=REG)) == [
        "$.communes[0].kind",
        "$.communes[2].code",
        "$.communes[3].name",
    ]


# == names: two tone-mark placements are in use =================================================


@pytest.mark.parametrize("name", ["Hòa Bình", "Hoà Bình", unicodedata.normalize("NFD", "Hòa Bình")])
def test_either_tone_mark_placement_matches(name: str) -> None:
    ds = dataset(commune("00601", name, valid_to="2025-06-30"))
    assert check_units(ds, using=REG) == ()


def test_a_registry_in_the_old_spelling_matches_the_new_one() -> None:
    rows = [("00601", "Hòa Bình", "xa", GIA_LAM, "01", ["2019", "2025-01"])]
    reg = Registry(registry_doc(units=rows))
    assert (
        check_units(dataset(commune("00601", "Hoà Bình", valid_to="2025-06-30")), using=reg) == ()
    )


def test_other_spellings_still_disagree() -> None:
    (problem,) = check_units(
        dataset(commune("00601", "Hoa Bình", valid_to="2025-06-30")), using=REG
    )
    assert problem.path == "$.communes[0].name"


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("Hòa Bình", "Hoà Bình", True),
        ("Thủy Lâm", "Thuỷ Lâm", True),
        ("Khỏe", "Khoẻ", True),
        ("HÒA", "HOÀ", True),
        ("Hòa", unicodedata.normalize("NFD", "Hoà"), True),
        ("Hoàn Sơn", "Hòan Sơn", False),  # a final consonant: the mark stays on the second vowel
        ("Quỳnh", "Quỳnh", True),
        ("Hòa", "Hóa", False),
        ("Bát Tràng", "Bat Trang", False),
        ("Bát Tràng", "bát tràng", False),
    ],
)
def test_same_name(a: str, b: str, same: bool) -> None:
    assert same_name(a, b) is same
    assert same_name(b, a) is same


# == an undated change: either side is accepted in between =====================================


@pytest.mark.parametrize(
    "validity",
    [
        {"valid_to": "2024-06-30"},
        {"valid_to": "2024-12-31"},  # inside the window: fine either way
        {"valid_to": "2025-02-28"},  # the last day Quang Trung may have existed
    ],
)
def test_the_old_unit_may_last_until_the_change_is_surely_over(validity: dict[str, str]) -> None:
    ds = dataset(commune("00700", "Quang Trung", "phuong", HA_GIANG, "02", **validity))
    assert check_units(ds, using=REG) == ()


@pytest.mark.parametrize("start", ["2024-07-01", "2024-10-01", "2025-03-01"])
def test_the_new_unit_may_begin_anywhere_in_the_window(start: str) -> None:
    ds = dataset(
        commune(
            "00700", "Minh Khai", "phuong", HA_GIANG, "02", valid_from=start, valid_to="2025-06-30"
        )
    )
    assert check_units(ds, using=REG) == ()


def test_outside_the_window_the_other_unit_is_reported() -> None:
    late = dataset(commune("00700", "Quang Trung", "phuong", HA_GIANG, "02", valid_to="2025-03-01"))
    (problem,) = check_units(late, using=REG)
    assert problem.path == "$.communes[0].name"
    assert "on 2025-03-01 code 00700 is phường Minh Khai" in problem.message
    early = dataset(
        commune(
            "00700",
            "Minh Khai",
            "phuong",
            HA_GIANG,
            "02",
            valid_from="2024-06-30",
            valid_to="2025-06-30",
        )
    )
    (problem,) = check_units(early, using=REG)
    assert "on 2024-06-30 code 00700 is phường Quang Trung" in problem.message
    assert "registry snapshot 2019: s1" in problem.message
