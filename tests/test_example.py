"""The built-in example is the Gia Lâm 2019–2024 dataset the issue describes."""

from __future__ import annotations

import csv
import subprocess
import sys
from collections import Counter
from decimal import Decimal
from pathlib import Path

import pendulum
import pytest

import mttq_core as m

SHARED = Path(__file__).resolve().parents[2] / "shared" / "data"


@pytest.fixture(scope="module")
def ds() -> m.Dataset:
    return m.example()


def test_is_shipped_inside_the_package_and_valid(ds: m.Dataset) -> None:
    assert ds.format == "mttq-core/1"
    assert "minh họa" in ds.title  # commune figures are illustrative, and the title says so
    assert ds.notes is not None
    assert "minh họa" in ds.notes
    assert m.loads(m.dumps(ds)) == ds


def test_all_22_units_with_official_codes(ds: m.Dataset) -> None:
    assert len(ds.communes) == 22
    assert Counter(c.kind for c in ds.communes) == {m.CommuneKind.XA: 20, m.CommuneKind.THI_TRAN: 2}
    assert [c.name for c in ds.communes].count("Yên Viên") == 2
    assert {c.district_code for c in ds.communes} == {"018"}
    assert {c.province_code for c in ds.communes} == {"01"}


@pytest.mark.skipif(not SHARED.exists(), reason="shared/data is beside the checkout in CI and dev")
def test_units_match_the_reference_csv(ds: m.Dataset) -> None:
    with (SHARED / "gia_lam_units_2019_2024.csv").open(encoding="utf-8") as f:
        rows = {r["code"]: r for r in csv.DictReader(f)}
    assert {c.code for c in ds.communes} == set(rows)
    for c in ds.communes:
        assert c.name == rows[c.code]["name"]
        assert c.kind.value == rows[c.code]["kind"]
        merged_2025_01 = (
            "from 2025-01-01" in rows[c.code]["note"] and "merged" in rows[c.code]["note"]
        )
        assert c.valid_to == (
            pendulum.Date(2024, 12, 31) if merged_2025_01 else pendulum.Date(2025, 6, 30)
        )


def test_indicators_cover_every_measure_and_accumulation(ds: m.Dataset) -> None:
    assert len(ds.indicators) >= 8
    assert {i.measure for i in ds.indicators} == set(m.Measure)
    assert {i.accumulation for i in ds.indicators} == set(m.Accumulation)


def test_commune_and_committee_targets(ds: m.Dataset) -> None:
    scopes = Counter("commune" if t.scope.isdigit() else t.scope for t in ds.targets)
    assert scopes["all"] >= 8
    assert scopes["committee"] >= 1
    assert scopes["commune"] >= 1


def test_observations_2019_to_2023_for_every_commune(ds: m.Dataset) -> None:
    years = {str(y) for y in range(2019, 2024)}
    for c in ds.communes:
        seen = {str(o.period) for o in ds.observations if o.commune == c.code}
        assert seen == years, c.name


def test_real_district_figures_for_2022(ds: m.Dataset) -> None:
    def committee(indicator: str) -> object:
        (obs,) = [s for s in ds.series("committee", indicator) if str(s.period) == "2022"]
        return obs.value

    assert committee("gia_dinh_van_hoa") == Decimal("95.6")
    assert committee("khu_dan_cu_van_hoa") == Decimal("98.8")
    assert committee("quy_vi_nguoi_ngheo") == Decimal(3_150_000_000)
    assert committee("nha_dai_doan_ket") == Decimal(25)
    assert committee("ho_can_ngheo") == pytest.approx(Decimal("0.32"), abs=Decimal("0.005"))


def test_the_18_april_2022_session_with_bat_trang(ds: m.Dataset) -> None:
    held = [s for s in ds.working_sessions if s.status is m.SessionStatus.HELD]
    (s,) = [s for s in held if s.date == pendulum.Date(2022, 4, 18)]
    assert ds.commune(s.commune, s.date).name == "Bát Tràng"
    assert s.delegation.head.name == "Hoàng Anh Tú"
    assert "Chủ tịch Ủy ban MTTQ Việt Nam huyện" in s.delegation.head.title
    assert {"congress_targets", "annual_programme", "people_inspection", "funds", "covid19"} <= set(
        s.topics
    )
    assert s.conclusions
    assert all(c.due is not None and c.due > s.date for c in s.conclusions)


def test_an_earlier_illustrative_session_gives_the_brief_conclusions_to_follow(
    ds: m.Dataset,
) -> None:
    earlier = [s for s in ds.working_sessions if s.date < pendulum.Date(2022, 4, 18)]
    (s,) = earlier
    assert s.status is m.SessionStatus.HELD
    assert ds.commune(s.commune, s.date).name == "Bát Tràng"
    assert s.notes is not None
    assert "minh họa" in s.notes  # labelled illustrative
    assert ds.notes is not None
    assert "8/4/2021" in ds.notes
    day = pendulum.Date(2022, 4, 18)
    states = {c.id: m.followup.conclusion_status(c, day).value for c in s.conclusions}
    assert states == {"a1": "done", "a2": "overdue", "a3": "open", "a4": "done"}


def test_sessions_planned_until_26_april(ds: m.Dataset) -> None:
    planned = [s for s in ds.working_sessions if s.status is m.SessionStatus.PLANNED]
    names = {ds.commune(s.commune, s.date).name for s in planned}
    assert names == {"Kiêu Kỵ", "Kim Sơn", "Dương Quang", "Dương Hà", "Yên Thường"}
    assert all(pendulum.Date(2022, 4, 18) < s.date <= pendulum.Date(2022, 4, 26) for s in planned)


def test_a_fund_for_the_poor_ledger_for_a_commune(ds: m.Dataset) -> None:
    vnn = [f for f in ds.funds if f.kind is m.FundKind.VI_NGUOI_NGHEO and f.owner != "committee"]
    assert vnn
    fund = vnn[0]
    assert {type(e) for e in fund.entries} == {m.Pledge, m.Receipt, m.Disbursement, m.Disclosure}
    assert fund.balance_on(pendulum.Date(2023, 12, 31)) >= 0


def test_example_file_is_what_the_generator_writes() -> None:
    root = Path(__file__).resolve().parents[1]
    result = subprocess.run(
        [sys.executable, str(root / "tools" / "build_example.py"), "--check"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
