"""The commune brief: what a delegation finds in it (issue 5, SPEC §6 ``brief``)."""

from __future__ import annotations

import attrs
import pendulum
import pytest

import mttq_core as m
from mttq_core.briefing import BriefError, GapKind
from mttq_core.briefing._content import Facts, Items, Para, Table, content
from mttq_core.followup import ConclusionStatus

DAY = pendulum.Date(2022, 4, 18)


@pytest.fixture(scope="module")
def ds() -> m.Dataset:
    return m.example()


@pytest.fixture(scope="module")
def bat_trang(ds: m.Dataset) -> m.Brief:
    return m.brief(ds, "00583", as_of=DAY)


def test_the_commune(bat_trang: m.Brief) -> None:
    c = bat_trang.commune
    assert (c.code, c.name, c.kind) == ("00583", "Bát Tràng", m.CommuneKind.XA)
    assert c.district_code == "018"
    md = bat_trang.markdown()
    assert md.splitlines()[0] == (
        "# Tài liệu phục vụ buổi làm việc với Ủy ban MTTQ Việt Nam xã Bát Tràng"
    )
    assert "- **Cấp huyện:** huyện Gia Lâm (mã 018)" in md
    assert "- **Mã đơn vị hành chính:** 00583" in md
    assert "- **Loại:** Xã (xa)" in md


def test_every_target_with_its_assessment(ds: m.Dataset, bat_trang: m.Brief) -> None:
    card = m.assess(ds, as_of=DAY)
    assert [t.indicator.id for t in bat_trang.targets] == [i.id for i in ds.indicators]
    for t in bat_trang.targets:
        assert t.assessment == card.get("00583", t.indicator.id)
        assert t.target == ds.target_for("2019-2024", t.indicator.id, bat_trang.commune)
    own = {t.indicator.id for t in bat_trang.targets if t.target.scope == "00583"}
    assert own == {"gia_dinh_van_hoa", "quy_vi_nguoi_ngheo"}
    md = bat_trang.markdown()
    # actual, target, progress, expected, status, trend, data date of the own GĐVH target
    assert (
        "| Tỷ lệ hộ gia đình đạt danh hiệu “Gia đình văn hóa” (chỉ tiêu riêng của đơn vị) "
        "| 95,69% | ≥ 97% | 62,6% | 71,4% | Chậm tiến độ | Cải thiện | 31/12/2021 |"
    ) in md
    assert "| 557.800.000 đ | ≥ 800.000.000 đ |" in md


def test_score_grade_and_rank_among_peers(ds: m.Dataset, bat_trang: m.Brief) -> None:
    card = m.assess(ds, as_of=DAY)
    assert bat_trang.summary == card.summary("00583")
    assert (bat_trang.summary.rank, bat_trang.ranked) == (5, 22)
    md = bat_trang.markdown()
    assert "- **Điểm:** 85,04/100" in md
    assert "- **Xếp loại:** Hoàn thành tốt (hoan_thanh_tot)" in md
    assert "- **Xếp hạng:** 5/22 đơn vị" in md
    assert "- **Chỉ tiêu đã đạt:** 3/10" in md


def test_the_session_and_its_agenda(ds: m.Dataset, bat_trang: m.Brief) -> None:
    s = bat_trang.session
    assert s is not None
    assert (s.date, s.status) == (DAY, m.SessionStatus.HELD)
    assert [e.id for e in bat_trang.earlier] == ["2021-04-08-bat-trang"]
    md = bat_trang.markdown()
    # everything the source article's agenda covers is on the brief
    for topic in s.topics:
        assert f"- {ds.topic_labels[topic]} ({topic})" in md
    assert "Hoàng Anh Tú" in md


def test_open_and_overdue_conclusions_of_earlier_sessions(bat_trang: m.Brief) -> None:
    got = [(f.session.id, f.conclusion.id, f.status) for f in bat_trang.follow_ups]
    assert got == [
        ("2021-04-08-bat-trang", "a2", ConclusionStatus.OVERDUE),
        ("2021-04-08-bat-trang", "a3", ConclusionStatus.OPEN),
    ]
    a2 = bat_trang.follow_ups[0]
    assert a2.days_overdue == (DAY - pendulum.Date(2021, 12, 31)).days == 108
    (link,) = a2.targets
    assert link.indicator == "nha_dai_doan_ket"
    assert link.assessment is not None
    md = bat_trang.markdown()
    assert "| 31/12/2021 | Quá hạn 108 ngày | Số nhà “Đại đoàn kết” được xây mới, sửa chữa: " in md
    # the conclusions of the session held that very day are not "earlier"
    assert "k1." not in md


def test_the_fund_statement_for_the_year(bat_trang: m.Brief) -> None:
    (f,) = bat_trang.funds
    assert f.fund.id == "vnn-bat-trang"
    y = f.year
    assert (y.start, y.end) == (pendulum.Date(2022, 1, 1), DAY)
    assert (y.opening, y.receipts, y.transfer, y.cash, y.in_kind) == (
        251_800_000,
        20_000_000,
        20_000_000,
        0,
        0,
    )
    assert (y.disbursements, y.closing) == (50_000_000, 221_800_000)
    assert f.balance == f.fund.balance_on(DAY) == y.closing
    assert f.previous_year is not None
    assert f.previous_year.closing == y.opening
    assert f.pledges == ()  # every pledge made by then was received in full
    assert [u.entry.id for u in f.coverage.uncovered] == ["2022-002", "2022-003"]
    md = bat_trang.markdown()
    assert "| Số dư đầu kỳ | 182.500.000 đ | 251.800.000 đ |" in md
    assert "| Số dư cuối kỳ | 251.800.000 đ | 221.800.000 đ |" in md
    assert "| – Hiện vật (quy ra tiền) | 18.000.000 đ | 0 đ |" in md
    assert "Công khai gần nhất: ngày 10/01/2022, kỳ 2021, qua bảng tin." in md


def test_no_data_gaps_for_bat_trang(bat_trang: m.Brief) -> None:
    assert bat_trang.gaps == ()
    assert "Mọi chỉ tiêu đều có đủ số liệu các kỳ đã kết thúc." in bat_trang.markdown()


def _without(ds: m.Dataset, keep: object) -> m.Dataset:
    return attrs.evolve(ds, observations=[o for o in ds.observations if keep(o)])  # type: ignore[operator]


def test_data_gaps_name_missing_periods_and_targets_without_data(ds: m.Dataset) -> None:
    def keep(o: m.Observation) -> bool:
        if o.commune != "00583":
            return True
        if o.indicator == "gia_dinh_van_hoa":
            return str(o.period) != "2020"
        return o.indicator != "mo_hinh_dksk"

    b = m.brief(_without(ds, keep), "00583", as_of=DAY)
    gaps = {(g.indicator.id, g.kind, tuple(str(p) for p in g.periods)) for g in b.gaps}
    assert gaps == {
        ("gia_dinh_van_hoa", GapKind.MISSING_PERIODS, ("2020",)),
        ("mo_hinh_dksk", GapKind.NO_DATA, ()),
    }
    md = b.markdown()
    assert "thiếu số liệu một số kỳ — 2020" in md
    assert "chưa có số liệu" in md


def test_later_in_the_year(ds: m.Dataset) -> None:
    b = m.brief(ds, "00583", as_of="2022-08-01")
    assert b.session is None  # nothing planned with Bát Tràng after 18/4/2022
    states = {f.conclusion.id: f.status.value for f in b.follow_ups}
    assert states["a3"] == "overdue"  # due 30/6/2022, never done
    assert "a2" not in states  # done on 15/7/2022
    assert {"k2", "k4", "k5", "k6", "k7"} <= set(states)
    assert "k1" not in states  # done on 24/6/2022
    assert "Chưa có buổi làm việc nào với đơn vị vào ngày 01/08/2022" in b.markdown()


def test_a_commune_without_funds_or_sessions(ds: m.Dataset) -> None:
    b = m.brief(ds, "00586", as_of=DAY)  # Kim Lan
    assert (b.funds, b.follow_ups, b.earlier, b.session) == ((), (), (), None)
    md = b.markdown()
    assert "Bộ dữ liệu không có sổ quỹ nào của đơn vị." in md
    assert "Chưa có buổi làm việc nào trước ngày này trong nhiệm kỳ." in md


def test_the_next_planned_session_is_the_one_prepared_for(ds: m.Dataset) -> None:
    b = m.brief(ds, "00580", as_of=DAY)  # Kiêu Kỵ, planned on 20/4/2022
    assert b.session is not None
    assert b.session.date == pendulum.Date(2022, 4, 20)
    assert "- **Tình trạng:** Dự kiến (planned)" in b.markdown()


def test_markdown_and_content_agree(bat_trang: m.Brief) -> None:
    md = bat_trang.markdown()
    doc = content(bat_trang)
    for section in doc.sections:
        assert f"{'#' * section.level} {section.title}" in md
        for block in section.blocks:
            if isinstance(block, Table):
                for row in block.rows:
                    assert "| " + " | ".join(" ".join(c.split()) for c in row) + " |" in md
            elif isinstance(block, Para):
                assert block.text in md
            elif isinstance(block, Items):
                assert all(f"- {item}" in md for item in block.items)
            elif isinstance(block, Facts):
                assert all(f"- **{k}:** {v}" in md for k, v in block.pairs)
    assert bat_trang._repr_markdown_() == md


def test_markdown_escapes_table_pipes(ds: m.Dataset) -> None:
    odd = attrs.evolve(ds.indicators[0], name="Tỷ lệ | hộ")
    b = m.brief(attrs.evolve(ds, indicators=[odd, *ds.indicators[1:]]), "00583", as_of=DAY)
    assert "| Tỷ lệ \\| hộ (chỉ tiêu riêng của đơn vị) |" in b.markdown()


@pytest.mark.parametrize(
    ("commune", "as_of", "message"),
    [
        ("99999", "2022-04-18", "commune: '99999' is not a commune of this dataset"),
        ("00565", "2025-09-01", "commune: '00565' names no unit on 2025-09-01"),
        (583, "2022-04-18", "commune: expected a 5-digit commune code, got 583"),
        ("00583", "18/04/2022", "as_of:"),
    ],
)
def test_bad_arguments(ds: m.Dataset, commune: object, as_of: str, message: str) -> None:
    with pytest.raises(BriefError, match="^" + message.replace("(", r"\(").replace(")", r"\)")):
        m.brief(ds, commune, as_of=as_of)  # type: ignore[arg-type]


@pytest.mark.parametrize("window", [-1, True, 1.5])
def test_bad_window(ds: m.Dataset, window: object) -> None:
    with pytest.raises(BriefError, match="window_days"):
        m.brief(ds, "00583", as_of=DAY, window_days=window)  # type: ignore[arg-type]


def test_unknown_term_is_the_scoring_error_of_assess(ds: m.Dataset) -> None:
    with pytest.raises(m.ScoringError) as info:
        m.brief(ds, "00583", as_of=DAY, term="2024-2029")
    assert info.value.argument == "term"


def test_window_changes_what_is_late(ds: m.Dataset) -> None:
    wide = m.brief(ds, "00583", as_of=DAY).funds[0].coverage
    narrow = m.brief(ds, "00583", as_of=DAY, window_days=60).funds[0].coverage
    assert [u.late for u in wide.uncovered] == [False, False]
    assert [u.late for u in narrow.uncovered] == [True, False]
