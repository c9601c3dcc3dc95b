"""The registry's questions, on a small synthetic registry (no packaged data needed).

The registry built by :func:`registry_doc` has three snapshots — "2019" (as of 2024-06-30),
"2025-01" (as of 2025-03-01) and "2025-07" (as of 2025-09-01) — with the change 2019 → 2025-01
dated 2025-01-01 in province 01 only and the change 2025-01 → 2025-07 dated 2025-07-01
everywhere. Province 02 has no dated 2019 → 2025-01 change, so there a code is only *possibly*
held between 2024-07-01 and 2025-02-28 (the uncertain window). Province 02 is merged into
province 08 on 2025-07-01. ``test_check_units.py`` and ``test_rebase.py`` build on it.
"""

from __future__ import annotations

import copy
import datetime as dt
import gzip
import json
import unicodedata
from collections.abc import Sequence
from decimal import Decimal
from typing import Any

import pendulum
import pytest

from mttq_core.model import CommuneKind
from mttq_core.registry import Registry, RegistryError, Unit, fold, load

D = pendulum.Date
GIA_LAM = "018"
HA_GIANG = "024"

# (code, name, kind, district, province, snapshots)
_UNITS: list[tuple[str, str, str, str | None, str, list[str]]] = [
    # huyện Gia Lâm, Hà Nội
    ("00526", "Yên Viên", "thi_tran", GIA_LAM, "01", ["2019", "2025-01"]),
    ("00532", "Yên Viên", "xa", GIA_LAM, "01", ["2019", "2025-01"]),
    ("00526", "Thuận An", "xa", None, "01", ["2025-07"]),
    ("00538", "Đình Xuyên", "xa", GIA_LAM, "01", ["2019"]),
    ("00541", "Dương Hà", "xa", GIA_LAM, "01", ["2019"]),
    ("00541", "Thiên Đức", "xa", GIA_LAM, "01", ["2025-01"]),
    ("00541", "Phù Đổng", "xa", None, "01", ["2025-07"]),
    ("00565", "Trâu Quỳ", "thi_tran", GIA_LAM, "01", ["2019", "2025-01"]),
    ("00565", "Gia Lâm", "xa", None, "01", ["2025-07"]),
    ("00577", "Kiêu Kỵ", "xa", GIA_LAM, "01", ["2019", "2025-01"]),
    ("00580", "Đông Dư", "xa", GIA_LAM, "01", ["2019", "2025-01"]),
    ("00583", "Bát Tràng", "xa", GIA_LAM, "01", ["2019", "2025-01"]),
    ("00583", "Bát Tràng", "xa", None, "01", ["2025-07"]),
    ("00601", "Hoà Bình", "xa", GIA_LAM, "01", ["2019", "2025-01"]),
    ("00604", "Phương Đình", "xa", GIA_LAM, "01", ["2019", "2025-01"]),
    # thành phố Hà Giang, tỉnh Hà Giang: no dated 2019 → 2025-01 change; code 00700 reused
    ("00700", "Quang Trung", "phuong", HA_GIANG, "02", ["2019"]),
    ("00703", "Trần Phú", "phuong", HA_GIANG, "02", ["2019"]),
    ("00700", "Minh Khai", "phuong", HA_GIANG, "02", ["2025-01"]),
    ("00706", "Ngọc Đường", "xa", HA_GIANG, "02", ["2019", "2025-01"]),
    # 2025-07: tỉnh Hà Giang merged into tỉnh Tuyên Quang (08)
    ("00700", "Hà Giang 1", "phuong", None, "08", ["2025-07"]),
    ("00706", "Ngọc Đường", "xa", None, "08", ["2025-07"]),
]

# (from, from snapshot, to, to snapshot, share, source)
_CROSSWALK: list[tuple[str, str, str, str, str | None, str]] = [
    *[
        (code, "2019", code, "2025-01", None, "s2")
        for code in ("00526", "00532", "00565", "00577", "00580", "00583", "00601", "00604")
    ],
    ("00541", "2019", "00541", "2025-01", None, "s2"),  # Dương Hà → Thiên Đức
    ("00538", "2019", "00541", "2025-01", None, "s2"),  # Đình Xuyên → Thiên Đức
    ("00700", "2019", "00700", "2025-01", None, "s2"),  # Quang Trung → Minh Khai
    ("00703", "2019", "00700", "2025-01", None, "s2"),  # Trần Phú → Minh Khai
    ("00706", "2019", "00706", "2025-01", None, "s2"),
    ("00526", "2025-01", "00526", "2025-07", None, "s3"),  # Yên Viên (tt) → Thuận An
    ("00532", "2025-01", "00526", "2025-07", None, "s3"),  # Yên Viên (xã) → Thuận An
    ("00541", "2025-01", "00541", "2025-07", None, "s3"),  # Thiên Đức → Phù Đổng
    ("00604", "2025-01", "00541", "2025-07", None, "s3"),  # Phương Đình → Phù Đổng
    ("00565", "2025-01", "00565", "2025-07", None, "s3"),  # Trâu Quỳ → Gia Lâm
    ("00601", "2025-01", "00565", "2025-07", None, "s3"),  # Hoà Bình → Gia Lâm
    ("00583", "2025-01", "00583", "2025-07", None, "s3"),
    ("00577", "2025-01", "00565", "2025-07", "0.4", "s3"),  # Kiêu Kỵ divided ...
    ("00577", "2025-01", "00583", "2025-07", "0.6", "s3"),  # ... between two
    ("00580", "2025-01", "00583", "2025-07", None, "s3"),  # Đông Dư: the sources
    ("00580", "2025-01", "00565", "2025-07", None, "s4"),  # disagree
    ("00700", "2025-01", "00700", "2025-07", None, "s3"),  # Minh Khai → Hà Giang 1 (08)
    ("00706", "2025-01", "00706", "2025-07", None, "s3"),
]


def registry_doc(
    *,
    units: Sequence[tuple[str, str, str, str | None, str, list[str]]] | None = None,
    crosswalk: Sequence[tuple[str, str, str, str, str | None, str]] | None = None,
) -> dict[str, Any]:
    """A fresh synthetic registry document in format ``mttq-core/registry/1``."""
    source = {"package": "pkg", "version": "1.0", "sha256": "0" * 64, "note": ""}
    doc: dict[str, Any] = {
        "format": "mttq-core/registry/1",
        "sources": [
            {"id": "s1", **source, "package": "dvhcvn", "data_date": "2024-06-30"},
            {"id": "s2", **source, "package": "vietnam-provinces", "data_date": "2025-03-01"},
            {"id": "s3", **source, "package": "vn-units-2025", "data_date": "2025-09-01"},
            {"id": "s4", **source, "package": "vnaddress", "data_date": None},
        ],
        "snapshots": [
            {"id": "2019", "label": "before 2025", "sources": ["s1"], "as_of": "2024-06-30"},
            {"id": "2025-01", "label": "2025-01", "sources": ["s2"], "as_of": "2025-03-01"},
            {
                "id": "2025-07",
                "label": "two levels",
                "sources": ["s3", "s4"],
                "as_of": "2025-09-01",
            },
        ],
        "boundaries": [
            {
                "from": "2019",
                "to": "2025-01",
                "province": "01",
                "date": "2025-01-01",
                "basis": "Nghị quyết 1286/NQ-UBTVQH15",
            },
            {
                "from": "2025-01",
                "to": "2025-07",
                "date": "2025-07-01",
                "basis": "Nghị quyết 202/2025/QH15",
            },
        ],
        "provinces": [
            {
                "code": "01",
                "name": "Hà Nội",
                "kind": "thanh_pho",
                "snapshots": ["2019", "2025-01", "2025-07"],
            },
            {"code": "02", "name": "Hà Giang", "kind": "tinh", "snapshots": ["2019", "2025-01"]},
            {
                "code": "08",
                "name": "Tuyên Quang",
                "kind": "tinh",
                "snapshots": ["2019", "2025-01", "2025-07"],
            },
        ],
        "districts": [
            {
                "code": GIA_LAM,
                "name": "Gia Lâm",
                "kind": "huyen",
                "province": "01",
                "snapshots": ["2019", "2025-01"],
            },
            {
                "code": HA_GIANG,
                "name": "Hà Giang",
                "kind": "thanh_pho",
                "province": "02",
                "snapshots": ["2019", "2025-01"],
            },
        ],
        "units": [
            {"code": c, "name": n, "kind": k, "district": d, "province": p, "snapshots": s}
            for c, n, k, d, p, s in (_UNITS if units is None else units)
        ],
        "crosswalk": [
            {"from": f, "from_snapshot": fs, "to": t, "to_snapshot": ts, "share": sh, "source": src}
            for f, fs, t, ts, sh, src in (_CROSSWALK if crosswalk is None else crosswalk)
        ],
        "disagreements": [
            {
                "snapshot": "2025-01",
                "subject": "00580",
                "message": "s2 and s4 spell it differently",
                "values": {"s2": "Đông Dư", "s4": "Đông Du"},
            },
        ],
    }
    return copy.deepcopy(doc)


REG = Registry(registry_doc())


def unit(code: str, snapshot: str, reg: Registry = REG) -> Unit:
    """The unit holding ``code`` in ``snapshot``."""
    (found,) = [u for u in reg.units if u.code == code and snapshot in u.snapshots]
    return found


def titles(units: tuple[Unit, ...]) -> list[str]:
    return [f"{u.code} {u.title}" for u in units]


def untyped(value: object) -> Any:
    """Pass a deliberately wrong value past the type checker."""
    return value


# == lookup: a code names a unit only together with a date ====================================


@pytest.mark.parametrize(
    ("code", "day", "title"),
    [
        ("00565", "2022-04-18", "thị trấn Trâu Quỳ"),  # the example
        ("00565", "2024-12-31", "thị trấn Trâu Quỳ"),
        ("00565", "2025-01-01", "thị trấn Trâu Quỳ"),  # unchanged by the 2025-01 reform
        ("00565", "2025-06-30", "thị trấn Trâu Quỳ"),
        ("00565", "2025-07-01", "xã Gia Lâm"),  # the code reused
        ("00565", "2025-09-01", "xã Gia Lâm"),  # the example
        ("00541", "2024-12-31", "xã Dương Hà"),
        ("00541", "2025-01-01", "xã Thiên Đức"),
        ("00541", "2025-06-30", "xã Thiên Đức"),
        ("00541", "2025-07-01", "xã Phù Đổng"),
        ("00538", "2024-12-31", "xã Đình Xuyên"),
        ("00526", "2025-06-30", "thị trấn Yên Viên"),
        ("00526", "2025-07-01", "xã Thuận An"),
        ("00700", "2024-06-30", "phường Quang Trung"),  # province 02: the last sure day ...
        ("00700", "2025-03-01", "phường Minh Khai"),  # ... and the first sure day after
        ("00700", "2025-07-01", "phường Hà Giang 1"),  # in province 08 now
        ("00706", "2024-10-01", "xã Ngọc Đường"),  # unchanged: sure even in the window
    ],
)
def test_lookup_is_code_reuse_safe(code: str, day: str, title: str) -> None:
    found = REG.lookup(code, day)
    assert found.unit is not None
    assert found.unit.title == title
    assert found.candidates == (found.unit,)
    assert found.certain
    assert (found.code, found.day) == (code, D.fromisoformat(day))


@pytest.mark.parametrize("day", ["2025-01-01", D(2025, 1, 1), dt.date(2025, 1, 1)])
def test_lookup_takes_a_date_in_any_of_its_forms(day: object) -> None:
    found = REG.lookup("00541", untyped(day))
    assert found.day == D(2025, 1, 1)
    assert found.unit == unit("00541", "2025-01")


@pytest.mark.parametrize("day", ["2024-07-01", "2024-12-31", "2025-02-28"])
def test_inside_an_undated_change_both_units_are_candidates_and_none_is_sure(day: str) -> None:
    found = REG.lookup("00700", day)
    assert found.unit is None
    assert not found.certain
    assert found.candidates == (unit("00700", "2019"), unit("00700", "2025-01"))
    # a unit that ended in the change is possibly there, never surely
    gone = REG.lookup("00703", day)
    assert (gone.unit, gone.candidates, gone.certain) == (None, (unit("00703", "2019"),), False)


def test_an_unknown_code_has_no_candidates() -> None:
    found = REG.lookup("09999", "2022-04-18")
    assert (found.unit, found.candidates, found.certain, found.disputed) == (None, (), False, ())


def test_before_a_unit_exists_and_after_it_ended_the_code_names_nothing() -> None:
    assert REG.lookup("00538", "2025-01-01").candidates == ()  # Đình Xuyên merged away
    assert REG.lookup("00604", "2025-07-01").candidates == ()  # Phương Đình merged away


def test_disputed_codes_carry_the_sources_disagreement() -> None:
    found = REG.lookup("00580", "2025-03-01")
    assert found.unit is not None
    assert found.unit.title == "xã Đông Dư"
    assert [d.message for d in found.disputed] == ["s2 and s4 spell it differently"]
    assert found.disputed[0].values == {"s2": "Đông Dư", "s4": "Đông Du"}
    assert REG.lookup("00583", "2025-03-01").disputed == ()


# == validity ===================================================================================


@pytest.mark.parametrize(
    ("code", "snapshot", "text"),
    [
        ("00565", "2019", "… – 2025-06-30"),
        ("00565", "2025-07", "2025-07-01 – …"),
        ("00541", "2019", "… – 2024-12-31"),
        ("00541", "2025-01", "2025-01-01 – 2025-06-30"),
        ("00700", "2019", "… – 2024-06-30 (possibly … – 2025-02-28)"),
        ("00700", "2025-01", "2025-03-01 – 2025-06-30 (possibly 2024-07-01 – 2025-06-30)"),
        ("00706", "2019", "… – 2025-06-30"),
    ],
)
def test_validity_text(code: str, snapshot: str, text: str) -> None:
    assert unit(code, snapshot).validity() == text


def test_surely_and_maybe_on_the_edges_of_the_window() -> None:
    old, new = unit("00700", "2019"), unit("00700", "2025-01")
    assert [old.surely_on(D(2024, 6, 30)), old.surely_on(D(2024, 7, 1))] == [True, False]
    assert [old.maybe_on(D(2025, 2, 28)), old.maybe_on(D(2025, 3, 1))] == [True, False]
    assert [new.maybe_on(D(2024, 6, 30)), new.maybe_on(D(2024, 7, 1))] == [False, True]
    assert [new.surely_on(D(2025, 2, 28)), new.surely_on(D(2025, 3, 1))] == [False, True]


def test_snapshot_of_a_unit_on_a_day() -> None:
    trau_quy = unit("00565", "2019")
    assert trau_quy.snapshots == ("2019", "2025-01")
    assert REG.snapshot_of(trau_quy, "2022-04-18") == "2019"
    assert REG.snapshot_of(trau_quy, "2025-01-01") == "2025-01"
    assert REG.snapshot_of(trau_quy, "2025-07-01") is None
    assert REG.snapshot_of(unit("00700", "2025-01"), "2024-10-01") is None  # undated change


def test_a_unit_missing_from_a_snapshot_in_between_is_two_units() -> None:
    rows = [("00800", "Lạc Đạo", "xa", "011", "01", ["2025-07", "2019"])]
    reg = Registry(registry_doc(units=rows))
    first, second = reg.units
    assert (first.snapshots, first.valid_to) == (("2019",), D(2024, 12, 31))
    assert (second.snapshots, second.valid_from) == (("2025-07",), D(2025, 7, 1))
    assert reg.lookup("00800", "2025-03-01").candidates == ()


def test_a_provinces_own_boundary_wins_over_the_general_one() -> None:
    doc = registry_doc()
    general = {"from": "2019", "to": "2025-01", "date": "2025-02-01", "basis": "everywhere"}
    doc["boundaries"].insert(0, general)
    reg = Registry(doc)
    assert reg.boundary("2019", "2025-01", "01") == D(2025, 1, 1)
    assert reg.boundary("2019", "2025-01", "02") == D(2025, 2, 1)
    assert reg.boundary("2025-01", "2019", "01") is None
    assert unit("00541", "2019", reg).valid_to == D(2024, 12, 31)
    assert unit("00700", "2019", reg).validity() == "… – 2025-01-31"


def test_crosswalk_rows_leaving_a_unit() -> None:
    steps = REG.steps_from("00577", "2025-01")
    assert [(s.target, s.target_snapshot, s.share, s.basis) for s in steps] == [
        ("00565", "2025-07", Decimal("0.4"), "s3"),
        ("00583", "2025-07", Decimal("0.6"), "s3"),
    ]
    assert REG.steps_from("00577", "2025-07") == ()


def test_a_share_given_as_a_json_float_is_exact() -> None:
    doc = registry_doc()
    doc["crosswalk"][0]["share"] = 0.4
    assert Registry(doc).crosswalk[0].share == Decimal("0.4")
    raw = json.dumps(doc).encode()
    assert load(gzip.compress(raw)).crosswalk[0].share == Decimal("0.4")


def test_names_are_stored_nfc() -> None:
    rows = [
        ("00565", unicodedata.normalize("NFD", " Trâu Quỳ"), "thi_tran", GIA_LAM, "01", ["2019"])
    ]
    (found,) = Registry(registry_doc(units=rows)).units
    assert found.name == "Trâu Quỳ"
    assert unicodedata.is_normalized("NFC", found.name)


def test_districts_and_provinces() -> None:
    gia_lam = REG.district(GIA_LAM)
    assert gia_lam is not None
    assert (gia_lam.name, gia_lam.province, gia_lam.snapshots) == (
        "Gia Lâm",
        "01",
        ("2019", "2025-01"),
    )
    ha_noi = REG.province("01")
    assert ha_noi is not None
    assert ha_noi.name == "Hà Nội"
    assert REG.district("999") is None
    assert REG.province("99") is None
    assert [s.id for s in REG.sources] == ["s1", "s2", "s3", "s4"]
    assert REG.sources[3].data_date is None
    assert REG.snapshots[1].as_of == D(2025, 3, 1)


# == search and find ============================================================================


@pytest.mark.parametrize(
    "name",
    [
        "Yên Viên",
        "yen vien",
        "YÊN VIÊN",
        "  Yên   Viên ",
        unicodedata.normalize("NFD", "Yên Viên"),
        "Yen Vien",
    ],
)
def test_search_ignores_diacritics_case_spacing_and_normal_form(name: str) -> None:
    found = REG.search(name, district=GIA_LAM, on="2022-04-18")
    assert titles(found) == ["00526 thị trấn Yên Viên", "00532 xã Yên Viên"]


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("xã Yên Viên", ["00532 xã Yên Viên"]),
        ("Xa Yen Vien", ["00532 xã Yên Viên"]),
        ("thị trấn Yên Viên", ["00526 thị trấn Yên Viên"]),
        ("thi tran yen vien", ["00526 thị trấn Yên Viên"]),
        ("phường Yên Viên", []),
        # a name that begins like a kind word is still a name
        ("Phương Đình", ["00604 xã Phương Đình"]),
        ("phuong dinh", ["00604 xã Phương Đình"]),
        ("xã Phương Đình", ["00604 xã Phương Đình"]),
        ("phường Phương Đình", []),
        ("Đông Dư", ["00580 xã Đông Dư"]),
        ("dong du", ["00580 xã Đông Dư"]),
    ],
)
def test_a_kind_word_narrows_the_search(name: str, expected: list[str]) -> None:
    assert titles(REG.search(name, on="2022-04-18")) == expected


def test_search_by_date_district_and_province() -> None:
    assert titles(REG.search("Yên Viên", on="2025-09-01")) == []  # merged into Thuận An
    assert titles(REG.search("Bát Tràng")) == ["00583 xã Bát Tràng", "00583 xã Bát Tràng"]
    assert [u.district for u in REG.search("Bát Tràng")] == [GIA_LAM, None]
    assert titles(REG.search("Bát Tràng", on="2025-09-01")) == ["00583 xã Bát Tràng"]
    assert titles(REG.search("Bát Tràng", district="999")) == []
    assert titles(REG.search("Ngọc Đường", province="08")) == ["00706 xã Ngọc Đường"]
    assert titles(REG.search("Ngọc Đường", province="02")) == ["00706 xã Ngọc Đường"]
    # in an undated change, a unit that may exist is found
    assert titles(REG.search("Minh Khai", on="2024-08-01")) == ["00700 phường Minh Khai"]
    assert titles(REG.search("Quang Trung", on="2025-02-28")) == ["00700 phường Quang Trung"]


@pytest.mark.parametrize("name", ["", "   ", None, 42])
def test_search_needs_a_name(name: object) -> None:
    with pytest.raises(RegistryError, match="name: expected a unit's name"):
        REG.search(untyped(name))


def test_find_lists_every_unit_of_an_ambiguous_name() -> None:
    with pytest.raises(RegistryError) as info:
        REG.find("Yên Viên", district=GIA_LAM, on="2022-04-18")
    message = str(info.value)
    assert "ambiguous in district 018: 2 units" in message
    assert "00526 thị trấn Yên Viên; 00532 xã Yên Viên" in message
    assert "give the code or the kind" in message
    assert REG.find("xã Yên Viên", district=GIA_LAM, on="2022-04-18").code == "00532"
    assert REG.find("thị trấn Yên Viên", on="2022-04-18").code == "00526"


def test_find_says_when_no_unit_has_the_name() -> None:
    with pytest.raises(
        RegistryError, match=r"no unit named 'Yên Viên' in province 01 on 2025-09-01"
    ):
        REG.find("Yên Viên", province="01", on="2025-09-01")
    with pytest.raises(RegistryError, match=r"no unit named 'Atlantis' on 2022-04-18"):
        REG.find("Atlantis", on="2022-04-18")
    assert REG.find("Gia Lâm", on="2025-09-01").code == "00565"


# == units of a district, a province, a day =====================================================


def test_units_of_a_district_through_the_reforms() -> None:
    before = REG.units_of(district=GIA_LAM, on="2024-12-31")
    assert [u.code for u in before] == [
        "00526", "00532", "00538", "00541", "00565", "00577", "00580", "00583", "00601", "00604",
    ]  # fmt: skip
    after = REG.units_of(district=GIA_LAM, on="2025-01-01")
    assert [u.code for u in after] == [u.code for u in before if u.code != "00538"]
    assert unit("00541", "2025-01") in after
    assert REG.units_of(district=GIA_LAM, on="2025-07-01") == ()  # districts abolished


def test_units_of_a_province() -> None:
    ha_noi = REG.units_of(province="01", on="2025-09-01")
    assert titles(ha_noi) == [
        "00526 xã Thuận An", "00541 xã Phù Đổng", "00565 xã Gia Lâm", "00583 xã Bát Tràng",
    ]  # fmt: skip
    assert titles(REG.units_of(province="08", on="2025-09-01")) == [
        "00700 phường Hà Giang 1",
        "00706 xã Ngọc Đường",
    ]
    assert REG.units_of(province="02", on="2025-09-01") == ()
    # inside the undated change only the unit that surely exists is listed ...
    assert titles(REG.units_of(province="02", on="2024-08-01")) == ["00706 xã Ngọc Đường"]
    # ... while units_on lists every unit that may exist
    maybe = [u for u in REG.units_on("2024-08-01") if u.province == "02"]
    assert titles(tuple(maybe)) == [
        "00700 phường Quang Trung",
        "00700 phường Minh Khai",
        "00703 phường Trần Phú",
        "00706 xã Ngọc Đường",
    ]


@pytest.mark.parametrize("kw", [{}, {"district": GIA_LAM, "province": "01"}])
def test_units_of_needs_exactly_one_of_district_and_province(kw: dict[str, str]) -> None:
    with pytest.raises(RegistryError, match="give exactly one of district= or province="):
        REG.units_of(on="2022-04-18", **kw)


# == bad arguments and bad data =================================================================


@pytest.mark.parametrize(
    ("day", "message"),
    [
        ("2025-13-01", "on: '2025-13-01' is not a calendar date"),
        ("2025/01/01", "on: '2025/01/01' is not a date; expected YYYY-MM-DD"),
        ("2022", "on: '2022' is not a date"),
        (dt.datetime(2025, 1, 1, 8, 0), "on: expected a date, got a date and time"),
        (20250101, "on: expected a date"),
    ],
)
def test_a_bad_date_is_a_registry_error(day: object, message: str) -> None:
    for ask in (
        lambda: REG.lookup("00565", untyped(day)),
        lambda: REG.units_on(untyped(day)),
        lambda: REG.units_of(province="01", on=untyped(day)),
        lambda: REG.search("Gia Lâm", on=untyped(day)),
        lambda: REG.find("Gia Lâm", on=untyped(day)),
        lambda: REG.snapshot_of(unit("00565", "2019"), untyped(day)),
    ):
        with pytest.raises(RegistryError, match="^" + message.replace("(", r"\(")):
            ask()


def test_no_date_is_an_error_except_for_search_where_it_means_any_day() -> None:
    for ask in (
        lambda: REG.lookup("00565", untyped(None)),
        lambda: REG.units_of(province="01", on=untyped(None)),
        lambda: REG.find("Gia Lâm", on=untyped(None)),
    ):
        with pytest.raises(RegistryError, match=r"^on: expected a date"):
            ask()
    assert len(REG.search("Gia Lâm", on=None)) == 1


def packed(doc: object) -> bytes:
    return gzip.compress(json.dumps(doc).encode())


def test_load_reads_gzip_json_bytes_or_chunks() -> None:
    data = packed(registry_doc())
    for source in (data, [data[:10], data[10:]], iter([data])):
        reg = load(source)
        found = reg.lookup("00565", "2025-09-01")
        assert found.unit is not None
        assert found.unit.title == "xã Gia Lâm"
        assert reg.units == REG.units


def without(key: str) -> dict[str, Any]:
    doc = registry_doc()
    del doc[key]
    return doc


def with_unit(**changes: object) -> dict[str, Any]:
    doc = registry_doc()
    doc["units"][0].update(changes)
    return doc


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "not a registry data file"),
        (b"not gzip at all", "not a registry data file: Not a gzipped file"),
        (gzip.compress(b"{not json"), "not a registry data file: Expecting property name"),
        (gzip.compress(b"\xff\xfe\x00"), "not a registry data file"),
        (packed(registry_doc())[:-5], "not a registry data file"),
        (packed([1, 2, 3]), "not a registry data file: expected an object, got [1, 2, 3]"),
        (
            packed({"format": "mttq-core/1"}),
            "format 'mttq-core/1'; expected 'mttq-core/registry/1'",
        ),
        (packed({}), "not a registry data file: format None"),
        (packed(without("units")), "not a registry data file: missing key 'units'"),
        (packed(with_unit(kind="huyen")), "unit kind 'huyen'; allowed: 'xa', 'phuong'"),
        (packed(with_unit(name=7)), "not a registry data file: expected text, got 7"),
        (packed(with_unit(snapshots=["1999"])), "not a registry data file: missing key '1999'"),
    ],
)
def test_load_refuses_what_is_not_a_registry(data: bytes, message: str) -> None:
    with pytest.raises(RegistryError) as info:
        load(data)
    assert message in str(info.value)


def test_a_bad_boundary_date_or_share_is_a_registry_error() -> None:
    doc = registry_doc()
    doc["boundaries"][0]["date"] = "2025-02-30"
    with pytest.raises(RegistryError, match="not a registry data file"):
        Registry(doc)
    doc = registry_doc()
    doc["crosswalk"][0]["share"] = "four tenths"
    with pytest.raises(RegistryError, match="not a registry data file"):
        Registry(doc)


def test_importing_the_package_reads_no_data() -> None:
    import subprocess  # noqa: PLC0415
    import sys  # noqa: PLC0415

    code = (
        "import mttq_core, mttq_core.registry as r, sys; "
        "print(r.registry.cache_info().currsize, 'gzip' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split()[0] == "0"


# == small helpers ==============================================================================


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("Bát Tràng", "bat trang"),
        ("BAT TRANG", "bat trang"),
        (unicodedata.normalize("NFD", "Bát Tràng"), "bat trang"),
        ("Đông Dư", "dong du"),
        ("đặc khu  Phú Quốc ", "dac khu phu quoc"),
        ("Thuỷ", "thuy"),
        ("Thủy", "thuy"),
    ],
)
def test_fold(text: str, folded: str) -> None:
    assert fold(text) == folded


@pytest.mark.parametrize(
    ("kind", "title"),
    [
        ("xa", "xã Lạc Đạo"),
        ("phuong", "phường Lạc Đạo"),
        ("thi_tran", "thị trấn Lạc Đạo"),
        ("dac_khu", "đặc khu Lạc Đạo"),
    ],
)
def test_unit_title_names_the_kind(kind: str, title: str) -> None:
    (found,) = Registry(
        registry_doc(units=[("00800", "Lạc Đạo", kind, None, "01", ["2019"])])
    ).units
    assert found.kind.value == kind
    assert isinstance(found.kind, CommuneKind)
    assert found.title == title
