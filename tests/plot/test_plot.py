"""The plots (``mttq_core.plot``): rendered with Agg to PNG, and read back from their artists."""

from __future__ import annotations

import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import numpy as np
import pendulum
import pytest
from matplotlib.axes import Axes
from matplotlib.collections import PatchCollection, QuadMesh
from matplotlib.colors import to_rgba
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Rectangle
from PIL import Image

import mttq_core
from mttq_core import (
    Baseline,
    Committee,
    Commune,
    Dataset,
    Indicator,
    Observation,
    Scorecard,
    Status,
    Target,
    Term,
    plot,
)
from mttq_core.plot import (
    PROGRESS_MAX,
    STATUS_COLOURS,
    STATUS_ORDER,
    PlotError,
    committee_overview,
    heatmap,
    trajectory,
)

AS_OF = "2022-04-18"
AS_OF_TEXT = "Tính đến ngày 18/04/2022"
BAT_TRANG = "00583"


@pytest.fixture(scope="module")
def ds() -> Dataset:
    return mttq_core.example()


@pytest.fixture(scope="module")
def card(ds: Dataset) -> Scorecard:
    return mttq_core.assess(ds, as_of=AS_OF)


@pytest.fixture(scope="module")
def status_map(ds: Dataset, card: Scorecard) -> Figure:
    """The example's heatmap by status, built once: the tests only read it."""
    return heatmap(card, ds)


def _render(fig: Figure, path: Path, dpi: int = 60) -> tuple[float, int]:
    """Save with Agg (no pyplot); return the share of non-white pixels and the colour count."""
    fig.savefig(path, dpi=dpi)
    with Image.open(path) as im:
        rgb = np.asarray(im.convert("RGB"), dtype=np.uint32)
    assert abs(rgb.shape[1] - fig.get_figwidth() * dpi) <= 1
    assert abs(rgb.shape[0] - fig.get_figheight() * dpi) <= 1
    packed = (rgb[..., 0] << 16) | (rgb[..., 1] << 8) | rgb[..., 2]
    return float(np.mean(packed != 0xFFFFFF)), len(np.unique(packed))


def _ys(line: Line2D) -> list[float]:
    return [float(v) for v in np.asarray(line.get_ydata(), dtype=float)]


def _xs(line: Line2D) -> list[float]:
    return [float(v) for v in np.asarray(line.get_xdata(), dtype=float)]


def _rectangles(ax: Axes) -> list[Rectangle]:
    return [p for p in ax.patches if isinstance(p, Rectangle)]


def _mesh(fig: Figure) -> QuadMesh:
    (mesh,) = [c for c in fig.axes[0].collections if isinstance(c, QuadMesh)]
    return mesh


def _small(
    communes: int, indicators: int, *, missing_every: int = 0, as_of: str = "2022-06-30"
) -> tuple[Dataset, Scorecard]:
    """A synthetic dataset: every commune × indicator a percent target ≥ 90 from 50."""
    term = Term(
        id="t",
        name="Nhiệm kỳ 2020–2025",
        start=pendulum.Date(2020, 1, 1),
        end=pendulum.Date(2025, 12, 31),
    )
    units = [
        Commune(code=f"{10000 + i:05d}", name=f"Xã Thử Nghiệm Số {i + 1}", kind="xa")
        for i in range(communes)
    ]
    inds = [
        Indicator(
            id=f"ind{j:02d}",
            name=f"Tỷ lệ thử nghiệm số {j + 1} của hộ gia đình văn hóa",
            measure="percent",
            unit="%",
            direction="increase",
            accumulation="latest",
        )
        for j in range(indicators)
    ]
    base = Baseline(value=Decimal(50), date=pendulum.Date(2020, 1, 1))
    targets = [
        Target(
            term="t", indicator=i.id, scope="all", comparator=">=", value=Decimal(90), baseline=base
        )
        for i in inds
    ]
    observations = [
        Observation(
            commune=c.code,
            indicator=ind.id,
            period="2021",
            value=Decimal(40 + (ci * 7 + ij * 13) % 60),
            source="Báo cáo năm 2021",
        )
        for ci, c in enumerate(units)
        for ij, ind in enumerate(inds)
        if not missing_every or (ci + ij) % missing_every
    ]
    data = Dataset(
        title="Thử nghiệm",
        committee=Committee(name="Ủy ban MTTQ Việt Nam huyện Thử Nghiệm"),
        terms=[term],
        communes=units,
        indicators=inds,
        targets=targets,
        observations=observations,
    )
    return data, mttq_core.assess(data, as_of=as_of)


# -- heatmap ---------------------------------------------------------------------------------


def test_heatmap_renders_the_example(
    ds: Dataset, card: Scorecard, status_map: Figure, tmp_path: Path
) -> None:
    fig = status_map
    assert len(fig.axes) == 1
    share, colours = _render(fig, tmp_path / "heatmap.png")
    assert share > 0.2
    assert colours > 50
    assert any(AS_OF_TEXT in t.get_text() for t in fig.texts)
    assert any(ds.committee.name in t.get_text() and "2019–2024" in t.get_text() for t in fig.texts)


def test_heatmap_cell_text_is_the_vietnamese_percent(
    ds: Dataset, card: Scorecard, status_map: Figure
) -> None:
    fig = status_map
    cells = {str(t.get_gid()): t.get_text() for t in fig.axes[0].texts if t.get_gid()}
    assert cells[f"{BAT_TRANG}:gia_dinh_van_hoa"] == "62,6%"
    assert cells[f"{BAT_TRANG}:quy_vi_nguoi_ngheo"] == "69,7%"
    # a sum with a ceiling has no progress: a dash
    assert cells[f"{BAT_TRANG}:khieu_kien_vuot_cap"] == "—"
    assert len([g for g in cells if not g.startswith("score:")]) == len(card.assessments)
    assert cells[f"score:{BAT_TRANG}"] == "85"


def test_heatmap_cell_colours_are_the_statuses(
    ds: Dataset, card: Scorecard, status_map: Figure
) -> None:
    fig = status_map
    mesh = _mesh(fig)
    assert mesh.get_gid() == "status"
    values = mesh.get_array()
    assert values is not None
    grid = values.reshape(len(card.communes), -1)
    columns = [i.id for i in ds.indicators]
    colours = mesh.to_rgba(grid)
    for row, summary in enumerate(card.communes):
        for a in card.for_commune(summary.commune):
            col = columns.index(a.indicator)
            assert STATUS_ORDER[int(grid[row, col])] is a.status
            assert tuple(colours[row, col]) == pytest.approx(to_rgba(STATUS_COLOURS[a.status]))
    a = card.get(BAT_TRANG, "gia_dinh_van_hoa")
    row = [s.commune for s in card.communes].index(BAT_TRANG)
    assert a.status is Status.BEHIND
    assert STATUS_ORDER[int(grid[row, columns.index("gia_dinh_van_hoa")])] is Status.BEHIND


def test_heatmap_rows_follow_the_rank(ds: Dataset, card: Scorecard, status_map: Figure) -> None:
    fig = status_map
    labels = [t.get_text() for t in fig.axes[0].get_yticklabels()]
    assert labels[0] == "1. Yên Viên (00526)"
    assert labels[-1] == "22. Kim Lan (00586)"
    assert [label.rsplit("(", 1)[1][:5] for label in labels] == [s.commune for s in card.communes]
    heads = [t.get_text() for t in fig.axes[0].get_xticklabels()]
    assert heads == [f"CT{n}" for n in range(1, 11)]
    key = " ".join(t.get_text() for t in fig.texts)
    assert "Tỷ lệ hộ gia đình đạt danh hiệu “Gia đình văn hóa” — chỉ tiêu chung ≥ 95%" in key
    assert "Vận động Quỹ “Vì người nghèo” — chỉ tiêu chung ≥ 400 triệu đồng" in key


def test_heatmap_legend_counts_the_statuses(
    ds: Dataset, card: Scorecard, status_map: Figure
) -> None:
    fig = status_map
    (legend,) = fig.legends
    labels = [t.get_text() for t in legend.get_texts()]
    counts = {s: sum(1 for a in card.assessments if a.status is s) for s in STATUS_ORDER}
    assert labels == [f"{s.label} ({counts[s]})" for s in STATUS_ORDER]


def test_heatmap_by_progress(ds: Dataset, card: Scorecard, tmp_path: Path) -> None:
    fig = heatmap(card, ds, value="progress")
    assert len(fig.axes) == 2  # the grid and its colour bar
    mesh = _mesh(fig)
    assert mesh.get_gid() == "progress"
    values = mesh.get_array()
    assert values is not None
    row = [s.commune for s in card.communes].index(BAT_TRANG)
    grid = values.reshape(len(card.communes), -1)
    columns = [i.id for i in ds.indicators]
    assert grid[row, columns.index("gia_dinh_van_hoa")] == pytest.approx(0.625714, abs=1e-6)
    assert float(values.max()) <= PROGRESS_MAX  # clipped: Trâu Quỳ's 188,6 % is drawn at 125 %
    mask = np.ma.getmaskarray(values).reshape(grid.shape)
    assert bool(mask[row, columns.index("khieu_kien_vuot_cap")])  # no progress: grey, not coloured
    ticks = [t.get_text() for t in fig.axes[1].get_xticklabels()]
    assert ticks[0] == "0%"
    assert ticks[-1] == "≥ 125%"
    share, colours = _render(fig, tmp_path / "progress.png")
    assert share > 0.2
    assert colours > 50


def test_heatmap_restricted_to_some_communes(ds: Dataset, card: Scorecard) -> None:
    fig = heatmap(card, ds, communes=["00586", BAT_TRANG])
    labels = [t.get_text() for t in fig.axes[0].get_yticklabels()]
    assert labels == ["5. Bát Tràng (00583)", "22. Kim Lan (00586)"]  # still in rank order


def test_heatmap_hatches_no_data(tmp_path: Path) -> None:
    data, card = _small(4, 3, missing_every=3)
    fig = heatmap(card, data)
    no_data = [a for a in card.assessments if a.status is Status.NO_DATA]
    assert no_data
    (hatched,) = [c for c in fig.axes[0].collections if c.get_gid() == "no_data"]
    assert isinstance(hatched, PatchCollection)
    assert hatched.get_hatch() == plot._style.HATCH
    assert len(hatched.get_paths()) == len(no_data)
    cells = {t.get_gid(): t.get_text() for t in fig.axes[0].texts}
    assert all(cells[f"{a.unit}:{a.indicator}"] == "—" for a in no_data)
    share, _ = _render(fig, tmp_path / "hatched.png")
    assert share > 0.05


@pytest.mark.parametrize(("communes", "indicators"), [(1, 1), (200, 20)])
def test_heatmap_scales_with_the_grid(communes: int, indicators: int, tmp_path: Path) -> None:
    data, card = _small(communes, indicators)
    fig = heatmap(card, data)
    width, height = fig.get_size_inches()
    cells = [t for t in fig.axes[0].texts if t.get_gid() and ":" in str(t.get_gid())]
    cells = [t for t in cells if not str(t.get_gid()).startswith("score:")]
    assert len(cells) == communes * indicators
    sizes = {t.get_fontsize() for t in cells}
    assert len(sizes) == 1
    size = float(sizes.pop())
    if communes == 1:
        assert 8 <= width <= 10
        assert height < 5
        assert size == 9
        share, _ = _render(fig, tmp_path / "one.png", dpi=80)
        assert share > 0.03
    else:
        # 0.22 in per row and a smaller type: long, but every cell keeps its text; rendering
        # 4 000 texts takes seconds, so this case is checked on the figure, not on a PNG
        assert 40 < height < 60
        assert width < 20
        assert 5.5 <= size < 9


def test_heatmap_rejects_bad_arguments(ds: Dataset, card: Scorecard) -> None:
    with pytest.raises(ValueError, match=r"value: 'x' is not a heatmap value; expected 'status'"):
        heatmap(card, ds, value="x")  # type: ignore[arg-type]
    with pytest.raises(PlotError, match=r"communes: '99999' is not a commune of this scorecard"):
        heatmap(card, ds, communes=["99999"])
    with pytest.raises(PlotError, match=r"expected a list of commune codes"):
        heatmap(card, ds, communes=BAT_TRANG)
    with pytest.raises(PlotError, match=r"no commune to plot"):
        heatmap(card, ds, communes=[])
    with pytest.raises(PlotError, match=r"card: expected a Scorecard"):
        heatmap(ds, ds)  # type: ignore[arg-type]
    with pytest.raises(PlotError, match=r"dataset: expected a Dataset"):
        heatmap(card, card)  # type: ignore[arg-type]
    other, _ = _small(1, 1)
    with pytest.raises(PlotError, match=r"not in this dataset; pass the dataset the scorecard"):
        heatmap(card, other)


def test_heatmap_is_deterministic(ds: Dataset, card: Scorecard, tmp_path: Path) -> None:
    some = ["00526", BAT_TRANG, "00586"]
    heatmap(card, ds, communes=some).savefig(tmp_path / "a.png", dpi=40)
    heatmap(card, ds, communes=some).savefig(tmp_path / "b.png", dpi=40)
    assert (tmp_path / "a.png").read_bytes() == (tmp_path / "b.png").read_bytes()


# -- trajectory ------------------------------------------------------------------------------


def _labels(fig: Figure) -> list[str]:
    (legend,) = fig.legends
    return [t.get_text() for t in legend.get_texts()]


@pytest.mark.parametrize("indicator", ["gia_dinh_van_hoa", "quy_vi_nguoi_ngheo", "giam_sat"])
def test_trajectory_renders(ds: Dataset, card: Scorecard, indicator: str, tmp_path: Path) -> None:
    fig = trajectory(ds, BAT_TRANG, indicator, as_of=AS_OF)
    assert len(fig.axes) == 1
    ax = fig.axes[0]
    a = card.get(BAT_TRANG, indicator)
    assert ax.get_title("left") == a.status.label
    assert AS_OF_TEXT in ax.get_title("right")
    assert fig.get_suptitle().startswith("Bát Tràng (00583) — ")
    assert ds.indicator(indicator).name.split()[0] in fig.get_suptitle()
    assert "Ngày đánh giá 18/04/2022" in _labels(fig)
    share, colours = _render(fig, tmp_path / f"{indicator}.png")
    assert share > 0.05
    assert colours > 30


def test_trajectory_of_a_level(ds: Dataset) -> None:
    fig = trajectory(ds, BAT_TRANG, "gia_dinh_van_hoa", as_of=AS_OF)
    ax = fig.axes[0]
    assert ax.get_title("right") == "Tiến độ 62,6% · kỳ vọng 71,4% · Tính đến ngày 18/04/2022"
    labels = _labels(fig)
    for label in (
        "Số liệu thực hiện",
        "Số liệu sau ngày đánh giá (chưa tính)",
        "Giá trị xuất phát: 93,5%",
        "Chỉ tiêu: ≥ 97%",
        "Lộ trình kỳ vọng (tuyến tính)",
        "Mốc kế hoạch 2021: 96%",
    ):
        assert label in labels
    lines = {str(line.get_label()): line for line in ax.get_lines()}
    assert _ys(lines["Số liệu thực hiện"]) == [93.64, 94.6, 95.69]  # counted only
    assert _ys(lines["Chỉ tiêu: ≥ 97%"]) == [97, 97]
    assert _ys(lines["Lộ trình kỳ vọng (tuyến tính)"]) == [93.5, 97]
    assert _xs(lines["Lộ trình kỳ vọng (tuyến tính)"]) == [
        pendulum.Date(2019, 4, 12).toordinal(),
        pendulum.Date(2024, 4, 30).toordinal(),
    ]
    ticks = ax.yaxis.get_major_formatter()
    assert ticks(95.5, 0) == "95,5%"
    assert ax.get_ylabel() == "Tỷ lệ (%)"
    foot = " ".join(t.get_text() for t in fig.texts)
    assert "Thực hiện (a): 95,69% · xuất phát (b): 93,5% · chỉ tiêu (t): ≥ 97%" in foot
    assert "số liệu đến ngày 31/12/2021" in foot


def test_trajectory_of_a_sum_plots_the_running_total(ds: Dataset) -> None:
    fig = trajectory(ds, BAT_TRANG, "quy_vi_nguoi_ngheo", as_of=AS_OF)
    ax = fig.axes[0]
    lines = {str(line.get_label()): line for line in ax.get_lines()}
    assert _ys(lines["Lũy kế thực hiện"]) == [0, 173_900_000, 340_500_000, 557_800_000]
    assert "Chỉ tiêu cả nhiệm kỳ: ≥ 800 triệu đồng" in _labels(fig)
    assert _ys(lines["Lộ trình kỳ vọng (tuyến tính)"]) == [0, 800_000_000]
    assert ax.get_ylabel() == "Số tiền (triệu đồng)"
    assert ax.yaxis.get_major_formatter()(300_000_000, 0) == "300"
    assert any(t.get_text() == "Lũy kế: 557,8 triệu đồng" for t in ax.texts)


def test_trajectory_of_each_period_colours_each_period(ds: Dataset) -> None:
    fig = trajectory(ds, BAT_TRANG, "giam_sat", as_of=AS_OF)
    ax = fig.axes[0]
    bars = [p for p in _rectangles(ax) if str(p.get_gid()).startswith("period:")]
    heights = [round(b.get_height()) for b in bars]
    colours = [b.get_facecolor() for b in bars]
    assert heights == [2, 1, 3]  # 2019, 2020, 2021: the periods counted by 18/04/2022
    met, missed = (
        to_rgba(STATUS_COLOURS[Status.ACHIEVED]),
        to_rgba(STATUS_COLOURS[Status.NOT_ACHIEVED]),
    )
    assert colours == [met, missed, met]
    assert "Chỉ tiêu mỗi kỳ: ≥ 2 cuộc" in _labels(fig)
    assert "Lộ trình kỳ vọng (tuyến tính)" not in _labels(fig)


def test_trajectory_shows_superseded_revisions_hollow(ds: Dataset) -> None:
    fig = trajectory(ds, "00577", "gia_dinh_van_hoa", as_of=AS_OF)
    lines = {str(line.get_label()): line for line in fig.axes[0].get_lines()}
    old = lines["Bản số liệu cũ (đã được sửa)"]
    assert _ys(old) == [94.67]
    assert old.get_markerfacecolor() == "none"
    assert _ys(lines["Số liệu thực hiện"])[-1] == 95.55


def test_trajectory_rejects_bad_arguments(ds: Dataset) -> None:
    with pytest.raises(ValueError, match=r"commune: '99999' is not a commune of this dataset"):
        trajectory(ds, "99999", "gia_dinh_van_hoa", as_of=AS_OF)
    with pytest.raises(ValueError, match=r"indicator: 'nope' is not an indicator of this dataset"):
        trajectory(ds, BAT_TRANG, "nope", as_of=AS_OF)
    with pytest.raises(ValueError, match=r"as_of"):
        trajectory(ds, BAT_TRANG, "gia_dinh_van_hoa", as_of="18/04/2022")
    with pytest.raises(PlotError, match=r"dataset: expected a Dataset"):
        trajectory(None, BAT_TRANG, "gia_dinh_van_hoa", as_of=AS_OF)  # type: ignore[arg-type]


# -- committee overview ----------------------------------------------------------------------


def test_committee_overview(ds: Dataset, card: Scorecard, tmp_path: Path) -> None:
    fig = committee_overview(card, ds)
    assert len(fig.axes) == 2
    top, bottom = fig.axes
    assert any(AS_OF_TEXT in t.get_text() for t in fig.texts)
    # one progress bar per committee target with a progress, coloured by its status
    bars = _rectangles(top)
    assert len(bars) == len(card.committee)
    for bar, a in zip(
        bars, sorted(card.committee, key=lambda a: _order(ds, a.indicator)), strict=True
    ):
        assert bar.get_facecolor() == to_rgba(STATUS_COLOURS[a.status])
        if a.progress is not None:
            assert bar.get_width() == pytest.approx(min(float(a.progress), 1.25))
    assert any(t.get_text() == "84,8%" for t in top.texts)  # gia_dinh_van_hoa, committee
    # stacked bars: per indicator, as many communes as assessments
    for ind in {a.indicator for a in card.assessments}:
        widths = [p.get_width() for p in _rectangles(bottom) if str(p.get_gid()).startswith(ind)]
        assert sum(widths) == sum(1 for a in card.assessments if a.indicator == ind)
    behind = [p for p in _rectangles(bottom) if p.get_gid() == "gia_dinh_van_hoa:behind"]
    assert [p.get_width() for p in behind] == [8]
    assert [t.get_text() for t in fig.legends[0].get_texts()] == [s.label for s in STATUS_ORDER]
    share, colours = _render(fig, tmp_path / "committee.png")
    assert share > 0.1
    assert colours > 50


def _order(ds: Dataset, indicator: str) -> int:
    return [i.id for i in ds.indicators].index(indicator)


def test_committee_overview_without_committee_targets(tmp_path: Path) -> None:
    data, card = _small(3, 2)
    fig = committee_overview(card, data)
    assert len(fig.axes) == 2
    assert any("không có chỉ tiêu riêng" in t.get_text() for t in fig.axes[0].texts)
    share, _ = _render(fig, tmp_path / "empty.png")
    assert share > 0.03


# -- the edge stays an edge ------------------------------------------------------------------


def test_importing_the_library_does_not_import_matplotlib_and_plots_need_no_pyplot() -> None:
    code = (
        "import sys, mttq_core\n"
        "assert 'matplotlib' not in sys.modules, 'import mttq_core imported matplotlib'\n"
        "from mttq_core.plot import heatmap\n"
        "ds = mttq_core.example()\n"
        "heatmap(mttq_core.assess(ds, as_of='2022-04-18'), ds)\n"
        "assert 'matplotlib.pyplot' not in sys.modules, 'the plots used pyplot'\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr


def test_a_missing_matplotlib_names_the_extra() -> None:
    code = (
        "import sys\n"
        "sys.modules['matplotlib'] = None\n"
        "try:\n"
        "    import mttq_core.plot\n"
        "except ImportError as e:\n"
        "    print(e)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    assert "pip install 'mttq-core[plot]'" in result.stdout


def test_public_face() -> None:
    assert sorted(dir(plot)) == sorted(plot.__all__)
    assert {"heatmap", "trajectory", "committee_overview", "PlotError"} <= set(plot.__all__)
    assert issubclass(PlotError, ValueError)
