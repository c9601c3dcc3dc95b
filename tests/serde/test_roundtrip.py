"""``loads(dumps(d)) == d``, ``dumps(loads(x))`` keeps x's content, and dump/load on files."""

from __future__ import annotations

import copy
import io
import json
import pathlib
from decimal import Decimal
from typing import Any

import pendulum
import pytest

import mttq_core
from mttq_core import (
    Baseline,
    Committee,
    Commune,
    Conclusion,
    Criterion,
    Dataset,
    Delegation,
    Disbursement,
    Disclosure,
    Fund,
    Indicator,
    Milestone,
    Observation,
    Person,
    Pledge,
    Receipt,
    Recommendation,
    Target,
    Term,
    Topic,
    WorkingSession,
)
from mttq_core._example import example_text

D = pendulum.Date

SPEC_EXAMPLE = """{
  "format": "mttq-core/1",
  "title": "Chỉ tiêu Nghị quyết Đại hội MTTQ huyện Gia Lâm 2019–2024",
  "committee": {"name": "Ủy ban MTTQ Việt Nam huyện Gia Lâm", "unit_code": "018"},
  "terms": [{"id": "2019-2024", "name": "Nhiệm kỳ 2019–2024", "start": "2019-04-12",
             "end": "2024-04-30"}],
  "communes": [{"code": "00583", "name": "Bát Tràng", "kind": "xa", "district_code": "018",
                "province_code": "01", "valid_to": "2025-06-30"}],
  "indicators": [{"id": "gdvh", "name": "Tỷ lệ hộ gia đình đạt danh hiệu Gia đình văn hóa",
                  "measure": "percent", "unit": "%", "direction": "increase",
                  "accumulation": "latest", "across_units": "ratio"}],
  "targets": [{"term": "2019-2024", "indicator": "gdvh", "scope": "all", "comparator": ">=",
               "value": "95", "baseline": {"value": "92.1", "date": "2019-04-12"}}],
  "observations": [{"commune": "00583", "indicator": "gdvh", "period": "2021",
                    "value": "94.2", "numerator": 1820, "denominator": 1932,
                    "source": "Báo cáo kết quả năm 2021"}],
  "working_sessions": [],
  "funds": []
}
"""

#: Keys holding decimals, which may be spelled as JSON numbers or decimal strings.
DECIMAL_KEYS = {"value", "weight"}
#: Keys that ``dumps`` omits when they hold their default.
DEFAULTS: dict[str, object] = {
    "revision": 0,
    "weight": Decimal(1),
    "opening_balance": 0,
    "status": "held",
}


def content(node: Any, key: str | None = None) -> Any:
    """A JSON value with number spelling, defaults, nulls and empty lists normalised away."""
    if isinstance(node, dict):
        out = {}
        for k, v in node.items():
            norm = content(v, k)
            if norm is None or norm == [] or (k in DEFAULTS and norm == DEFAULTS[k]):
                continue
            out[k] = norm
        return out
    if isinstance(node, list):
        return [content(v) for v in node]
    if key in DECIMAL_KEYS and isinstance(node, int | str | Decimal) and not isinstance(node, bool):
        return Decimal(node)
    return node


def parsed(text: str) -> Any:
    return json.loads(text, parse_float=Decimal)


# -- a hand-made dataset using every feature ------------------------------------------------


def full_dataset(**kw: Any) -> Dataset:
    gdvh = Indicator(
        id="gdvh",
        name="Tỷ lệ hộ gia đình đạt danh hiệu Gia đình văn hóa",
        measure="percent",
        unit="%",
        direction="increase",
        accumulation="latest",
        across_units="ratio",
        weight="2",
        group="Văn hóa",
    )
    indicators = [
        gdvh,
        Indicator(
            id="ho_ngheo",
            name="Tỷ lệ hộ nghèo",
            measure="percent",
            direction="decrease",
            accumulation="latest",
        ),
        Indicator(
            id="giam_sat",
            name="Số cuộc giám sát",
            measure="count",
            direction="increase",
            accumulation="each_period",
            across_units="sum",
            weight="0.5",
        ),
        Indicator(
            id="quy_vnn",
            name="Vận động Quỹ “Vì người nghèo”",
            measure="money",
            unit="đồng",
            direction="increase",
            accumulation="sum",
            across_units="sum",
        ),
        Indicator(
            id="dien_tich",
            name="Diện tích",
            measure="quantity",
            unit="m²",
            direction="decrease",
            accumulation="mean",
            across_units="mean",
        ),
        Indicator(
            id="btt",
            name="Kiện toàn Ban Thanh tra nhân dân",
            measure="boolean",
            direction="increase",
            accumulation="latest",
            across_units="share_met",
        ),
        Indicator(
            id="kdc",
            name="Khu dân cư văn hóa",
            measure="checklist",
            direction="increase",
            accumulation="latest",
            criteria=[Criterion(id="a", name="Tiêu chí A"), Criterion(id="b", name="Tiêu chí B")],
        ),
    ]
    head = Person(name="Hoàng Anh Tú", title="Chủ tịch Ủy ban MTTQ Việt Nam huyện")
    args: dict[str, Any] = {
        "title": "Bộ dữ liệu thử",
        "committee": Committee(name="Ủy ban MTTQ Việt Nam huyện Gia Lâm", unit_code="018"),
        "notes": "Số liệu minh họa",
        "topics": [Topic(id="chuyen_doi_so", name="Chuyển đổi số")],
        "terms": [
            Term(
                id="2019-2024",
                name="Nhiệm kỳ 2019–2024",
                start=D(2019, 4, 12),
                end=D(2024, 4, 30),
                resolution="Nghị quyết Đại hội lần thứ XXI",
            ),
            Term(
                id="2024-2029", name="Nhiệm kỳ 2024–2029", start=D(2024, 5, 1), end=D(2029, 4, 30)
            ),
        ],
        "communes": [
            Commune(
                code="00565",
                name="Trâu Quỳ",
                kind="thi_tran",
                district_code="018",
                province_code="01",
                valid_to=D(2025, 6, 30),
            ),
            Commune(
                code="00565",
                name="Gia Lâm",
                kind="xa",
                province_code="01",
                valid_from=D(2025, 7, 1),
            ),
            Commune(code="00583", name="Bát Tràng", kind="xa", valid_to=D(2025, 6, 30)),
        ],
        "indicators": indicators,
        "targets": [
            Target(
                term="2019-2024",
                indicator="gdvh",
                scope="all",
                comparator=">=",
                value="95",
                baseline=Baseline(value="92.1", date=D(2019, 4, 12)),
                milestones=[Milestone(period="2021", value="93.5")],
            ),
            Target(term="2019-2024", indicator="gdvh", scope="00583", comparator=">", value="97"),
            Target(
                term="2019-2024", indicator="gdvh", scope="committee", comparator=">=", value="96"
            ),
            Target(term="2019-2024", indicator="ho_ngheo", scope="all", comparator="<=", value="1"),
            Target(term="2019-2024", indicator="giam_sat", scope="all", comparator=">=", value=2),
            Target(
                term="2019-2024",
                indicator="quy_vnn",
                scope="committee",
                comparator=">=",
                value=10_000_000_000,
            ),
            Target(
                term="2019-2024", indicator="dien_tich", scope="all", comparator="<", value="-1.5"
            ),
            Target(term="2019-2024", indicator="btt", scope="all", comparator=">=", value=True),
            Target(term="2019-2024", indicator="kdc", scope="all", comparator=">="),
        ],
        "observations": [
            Observation(
                commune="00583",
                indicator="gdvh",
                period="2021",
                numerator=1820,
                denominator=1932,
                source="Báo cáo năm 2021",
            ),
            Observation(
                commune="00583",
                indicator="gdvh",
                period="2022",
                value="94.2",
                numerator=1820,
                denominator=1932,
                source="Báo cáo năm 2022",
                reported_on=D(2022, 12, 20),
            ),
            Observation(
                commune="00583",
                indicator="gdvh",
                period="2022",
                numerator=1850,
                denominator=1932,
                source="Báo cáo năm 2022 (điều chỉnh)",
                revision=1,
            ),
            Observation(
                commune="00565",
                indicator="gdvh",
                period="2022",
                value="95.60",
                numerator=956,
                denominator=1000,
                source="Báo cáo",
            ),
            Observation(
                commune="committee",
                indicator="gdvh",
                period="2022",
                value="95.6",
                source="Báo cáo huyện",
            ),
            Observation(
                commune="00583",
                indicator="ho_ngheo",
                period="2022-H2",
                value="0.32",
                source="Báo cáo",
            ),
            Observation(
                commune="00583",
                indicator="giam_sat",
                period="2022",
                value=3,
                source="Báo cáo",
            ),
            Observation(
                commune="00565",
                indicator="dien_tich",
                period="2022-04-01/2022-05-15",
                value="-2.75",
                source="Đo đạc",
            ),
            Observation(
                commune="00583", indicator="btt", period="2022-Q4", value=True, source="Báo cáo"
            ),
            Observation(
                commune="00565", indicator="btt", period="2022-Q4", value=False, source="Báo cáo"
            ),
            Observation(
                commune="00583", indicator="kdc", period="2022-11", value=["b"], source="Báo cáo"
            ),
            Observation(
                commune="00565", indicator="kdc", period="2022-11", value=[], source="Báo cáo"
            ),
            Observation(
                commune="00565",
                indicator="quy_vnn",
                period="2025-H2",
                value=3_150_000_000,
                source="Sổ quỹ",
            ),
        ],
        "working_sessions": [
            WorkingSession(
                id="2022-04-18-bat-trang",
                date=D(2022, 4, 18),
                commune="00583",
                term="2019-2024",
                topics=["congress_targets", "annual_programme", "chuyen_doi_so"],
                delegation=Delegation(
                    head=head, members=[Person(name="Nguyễn Thị B", title="Phó Chủ tịch")]
                ),
                findings=["Hoàn thành tốt các chỉ tiêu"],
                recommendations=[Recommendation(id="kn1", text="Đề nghị hỗ trợ kinh phí")],
                conclusions=[
                    Conclusion(
                        id="kl1",
                        text="Rà soát hộ cận nghèo",
                        due=D(2022, 6, 30),
                        indicators=["ho_ngheo"],
                        done_on=D(2022, 6, 1),
                    ),
                    Conclusion(id="kl2", text="Tiếp tục vận động"),
                ],
                observations=[
                    Observation(
                        commune="00583",
                        indicator="gdvh",
                        period="2022",
                        value="96",
                        numerator=1855,
                        denominator=1932,
                        source="Báo cáo tại buổi làm việc",
                        revision=2,
                    )
                ],
                notes="Ghi chú",
            ),
            WorkingSession(
                id="2022-04-26-trau-quy",
                date=D(2022, 4, 26),
                commune="00565",
                term="2019-2024",
                topics=["congress_targets"],
                delegation=Delegation(head=head),
                status="planned",
            ),
        ],
        "funds": [
            Fund(
                id="vnn_bat_trang",
                name="Quỹ “Vì người nghèo” xã Bát Tràng",
                kind="vi_nguoi_ngheo",
                owner="00583",
                opened_on=D(2021, 1, 1),
                opening_balance=1_000_000,
                feeds="quy_vnn",
                entries=[
                    Pledge(id="p1", date=D(2021, 1, 2), donor="Công ty A", amount=20_000_000),
                    Receipt(
                        id="r1",
                        date=D(2021, 1, 5),
                        donor="Công ty A",
                        amount=10_000_000,
                        form="transfer",
                        pledge="p1",
                    ),
                    Receipt(
                        id="r2",
                        date=D(2021, 2, 5),
                        donor="Hộ ông C",
                        amount=2_500_000,
                        form="in_kind",
                        description="5 tạ gạo",
                    ),
                    Disbursement(
                        id="c1",
                        date=D(2021, 2, 6),
                        beneficiary="Hộ bà D",
                        purpose="Hỗ trợ sửa nhà",
                        amount=13_000_000,
                    ),
                    Disclosure(id="ck1", date=D(2021, 7, 5), period="2021-H1", channel="website"),
                ],
            ),
            Fund(
                id="cuu_tro",
                name="Quỹ Cứu trợ",
                kind="cuu_tro",
                owner="committee",
                opened_on=D(2021, 1, 1),
            ),
        ],
    }
    return Dataset(**(args | kw))


def test_full_dataset_is_valid() -> None:
    ds = full_dataset()
    assert len(ds.superseded) == 2  # rev 0 and rev 1 of Bát Tràng 2022, replaced by rev 2
    assert ds.observations[0].derived is True


# == loads(dumps(d)) == d =====================================================================


def test_example_round_trips() -> None:
    ds = mttq_core.example()
    again = mttq_core.loads(mttq_core.dumps(ds))
    assert again == ds
    assert again.superseded == ds.superseded
    assert mttq_core.dumps(again) == mttq_core.dumps(ds)


def test_example_file_content_is_reproduced() -> None:
    shipped = example_text()
    assert content(parsed(mttq_core.dumps(mttq_core.loads(shipped)))) == content(parsed(shipped))


def test_full_dataset_round_trips() -> None:
    ds = full_dataset()
    text = mttq_core.dumps(ds)
    again = mttq_core.loads(text)
    assert again == ds
    assert mttq_core.dumps(again) == text
    assert [(s.path, s.by_path) for s in again.superseded] == [
        (s.path, s.by_path) for s in ds.superseded
    ]


def test_round_trip_keeps_types() -> None:
    again = mttq_core.loads(mttq_core.dumps(full_dataset()))
    assert type(again.terms[0].start) is pendulum.Date
    assert type(again.indicators[0].weight) is Decimal
    assert again.observations[7].value == Decimal("-2.75")
    assert again.observations[8].value is True
    assert again.observations[9].value is False
    assert again.observations[10].value == ("b",)
    assert again.observations[11].value == ()
    assert again.targets[-1].value is None
    assert type(again.funds[0].entries[1]) is Receipt


def test_derived_percent_value_stays_omitted() -> None:
    ds = full_dataset()
    raw = parsed(mttq_core.dumps(ds))
    derived = raw["observations"][0]
    assert "value" not in derived
    assert (derived["numerator"], derived["denominator"]) == (1820, 1932)
    revised = raw["observations"][2]
    assert "value" not in revised
    given = raw["observations"][1]
    assert given["value"] == "94.2"
    again = mttq_core.loads(mttq_core.dumps(ds))
    assert again.observations[0].derived is True
    assert again.observations[0].value == Decimal(100) * 1820 / 1932
    assert again.observations[1].derived is False


def test_revisions_kept() -> None:
    raw = parsed(mttq_core.dumps(full_dataset()))
    assert [o.get("revision") for o in raw["observations"][:3]] == [None, None, 1]
    assert raw["working_sessions"][0]["observations"][0]["revision"] == 2


def test_defaults_omitted() -> None:
    raw = parsed(mttq_core.dumps(full_dataset()))
    assert "weight" not in raw["indicators"][1]
    assert raw["indicators"][0]["weight"] == 2
    assert raw["indicators"][2]["weight"] == "0.5"
    assert "across_units" not in raw["indicators"][1]
    assert "unit" not in raw["indicators"][1]
    assert "criteria" not in raw["indicators"][0]
    assert "resolution" not in raw["terms"][1]
    assert "valid_from" not in raw["communes"][0]
    assert "reported_on" not in raw["observations"][0]
    assert "status" not in raw["working_sessions"][0]
    assert raw["working_sessions"][1]["status"] == "planned"
    assert "findings" not in raw["working_sessions"][1]
    assert "members" not in raw["working_sessions"][1]["delegation"]
    assert set(raw["working_sessions"][0]["conclusions"][1]) == {"id", "text"}
    assert "opening_balance" not in raw["funds"][1]
    assert "entries" not in raw["funds"][1]
    assert "feeds" not in raw["funds"][1]
    assert raw["funds"][0]["opening_balance"] == 1_000_000
    assert "value" not in raw["targets"][-1]


def test_minimal_dataset_omits_empty_collections() -> None:
    ds = full_dataset(
        targets=[], observations=[], working_sessions=[], funds=[], topics=[], notes=None
    )
    raw = parsed(mttq_core.dumps(ds))
    assert list(raw) == ["format", "title", "committee", "terms", "communes", "indicators"]
    assert mttq_core.loads(mttq_core.dumps(ds)) == ds


def test_numbers_written_exactly() -> None:
    raw = parsed(mttq_core.dumps(full_dataset()))
    assert raw["targets"][5]["value"] == 10_000_000_000
    assert type(raw["targets"][5]["value"]) is int
    assert raw["targets"][6]["value"] == "-1.5"
    assert raw["targets"][0]["baseline"]["value"] == "92.1"
    assert raw["observations"][3]["value"] == "95.60"
    assert raw["observations"][12]["value"] == 3_150_000_000
    assert raw["funds"][0]["entries"][1] == {
        "type": "receipt",
        "id": "r1",
        "date": "2021-01-05",
        "donor": "Công ty A",
        "amount": 10_000_000,
        "form": "transfer",
        "pledge": "p1",
    }


def test_dumps_writes_readable_utf8_and_a_final_newline() -> None:
    text = mttq_core.dumps(full_dataset())
    assert "Bát Tràng" in text
    assert "\\u" not in text
    assert text.endswith("}\n")


# == dumps(loads(x)) reproduces x's content ===================================================


def test_spec_example_content_reproduced() -> None:
    again = mttq_core.dumps(mttq_core.loads(SPEC_EXAMPLE))
    assert content(parsed(again)) == content(parsed(SPEC_EXAMPLE))


def test_spec_example_round_trips_both_ways() -> None:
    ds = mttq_core.loads(SPEC_EXAMPLE)
    assert mttq_core.loads(mttq_core.dumps(ds)) == ds


def test_content_normalisation_sees_real_differences() -> None:
    """The comparison used above is not vacuous: a changed value shows."""
    changed = parsed(SPEC_EXAMPLE)
    changed["observations"][0]["value"] = "94.3"
    assert content(changed) != content(parsed(SPEC_EXAMPLE))
    spelled = copy.deepcopy(parsed(SPEC_EXAMPLE))
    spelled["targets"][0]["value"] = 95
    assert content(spelled) == content(parsed(SPEC_EXAMPLE))


def test_spec_example_with_value_omitted_keeps_it_omitted() -> None:
    doc = parsed(SPEC_EXAMPLE)
    del doc["observations"][0]["value"]
    text = json.dumps(doc, ensure_ascii=False)
    again = parsed(mttq_core.dumps(mttq_core.loads(text)))
    assert "value" not in again["observations"][0]
    assert content(again) == content(doc)


# == dump / load with paths, text files and binary files ======================================


@pytest.fixture
def ds() -> Dataset:
    return full_dataset()


@pytest.mark.parametrize("as_str", [True, False], ids=["str", "Path"])
def test_dump_and_load_with_a_path(ds: Dataset, tmp_path: pathlib.Path, as_str: bool) -> None:
    path = tmp_path / "bộ dữ liệu.json"
    mttq_core.dump(ds, str(path) if as_str else path)
    assert path.read_text(encoding="utf-8") == mttq_core.dumps(ds)
    assert b"\r\n" not in path.read_bytes()
    assert mttq_core.load(str(path) if as_str else path) == ds


def test_dump_and_load_with_text_files(ds: Dataset, tmp_path: pathlib.Path) -> None:
    buffer = io.StringIO()
    mttq_core.dump(ds, buffer)
    assert buffer.getvalue() == mttq_core.dumps(ds)
    buffer.seek(0)
    assert mttq_core.load(buffer) == ds
    path = tmp_path / "data.json"
    with path.open("w", encoding="utf-8") as f:
        mttq_core.dump(ds, f)
    with path.open(encoding="utf-8") as f:
        assert mttq_core.load(f) == ds


def test_dump_and_load_with_binary_files(ds: Dataset, tmp_path: pathlib.Path) -> None:
    buffer = io.BytesIO()
    mttq_core.dump(ds, buffer)
    assert buffer.getvalue() == mttq_core.dumps(ds).encode("utf-8")
    buffer.seek(0)
    assert mttq_core.load(buffer) == ds
    path = tmp_path / "data.json"
    with path.open("wb") as f:
        mttq_core.dump(ds, f)
    assert path.read_bytes() == mttq_core.dumps(ds).encode("utf-8")
    with path.open("rb") as f:
        assert mttq_core.load(f) == ds


def test_load_accepts_a_utf8_byte_order_mark(ds: Dataset) -> None:
    data = b"\xef\xbb\xbf" + mttq_core.dumps(ds).encode("utf-8")
    assert mttq_core.load(io.BytesIO(data)) == ds
    assert mttq_core.loads(data) == ds


def test_load_of_a_missing_file_raises_os_error(tmp_path: pathlib.Path) -> None:
    with pytest.raises(FileNotFoundError):
        mttq_core.load(tmp_path / "khong_co.json")
