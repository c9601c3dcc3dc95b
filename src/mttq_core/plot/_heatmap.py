"""The commune × indicator heatmap: status (or progress) of every commune on every target."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from decimal import Decimal
from typing import Final, Literal

import numpy as np
from matplotlib.axes import Axes
from matplotlib.collections import PatchCollection
from matplotlib.colors import BoundaryNorm, ListedColormap, Normalize
from matplotlib.figure import Figure
from matplotlib.patches import Patch, Rectangle
from matplotlib.ticker import FuncFormatter

from mttq_core.model import Dataset
from mttq_core.report import vi_number
from mttq_core.scoring import Assessment, CommuneSummary, Scorecard, Status

from ._errors import PlotError
from ._style import (
    FONT,
    HATCH,
    HATCH_COLOUR,
    INK,
    MUTED,
    STATUS_COLOURS,
    STATUS_ORDER,
    as_of_text,
    check_card,
    decimal,
    ink,
    percent,
    short_labels,
    target_text,
    wrap,
)

__all__ = ["PROGRESS_CMAP", "PROGRESS_MAX", "heatmap"]

#: Progress is coloured on ``clip(p, 0, PROGRESS_MAX)``: red (none) → yellow → green (target).
PROGRESS_MAX: Final = 1.25
PROGRESS_CMAP: Final = "RdYlGn"
_UNDEFINED: Final = "#cfcfcf"  # progress mode: data, but no progress to colour (an edge)

# Sizes, in inches and points: a cell shrinks with the grid, within bounds that keep it legible.
_TITLE_PT: Final = 13.0
_SUBTITLE_PT: Final = 10.0
_KEY_PT: Final = 8.0
_MIN_WIDTH: Final = 8.5


def heatmap(
    card: Scorecard,
    dataset: Dataset,
    *,
    value: Literal["status", "progress"] = "status",
    communes: Iterable[str] | None = None,
) -> Figure:
    """Every commune's standing on every target, one row per commune in rank order.

    With ``value="status"`` a cell's colour is its status (a traffic light; no data is
    hatched grey) and its text the progress ``p`` as a Vietnamese percent; with
    ``value="progress"`` the colour follows ``clip(p, 0, 1.25)`` on a red–yellow–green
    scale with a colour bar. Columns are numbered ``CT1``, ``CT2``… in the dataset's order;
    the key below the grid gives each indicator's full name and common target. ``communes``
    restricts the rows to these codes (still in rank order).

    The cell of commune ``code`` and indicator ``ind`` is the text with gid ``"code:ind"``
    in ``fig.axes[0].texts``; the grid itself is the ``QuadMesh`` with gid ``value``, whose
    array holds the index of each status in :data:`STATUS_ORDER` (or the clipped progress).

    >>> import mttq_core
    >>> ds = mttq_core.example()
    >>> fig = heatmap(mttq_core.assess(ds, as_of="2022-04-18"), ds)
    >>> len(fig.axes)
    1
    >>> [t.get_text() for t in fig.axes[0].texts if t.get_gid() == "00583:gia_dinh_van_hoa"]
    ['62,6%']
    """
    card, dataset = check_card(card, dataset)
    if value not in ("status", "progress"):
        raise PlotError(
            f"value: {value!r} is not a heatmap value; expected 'status' or 'progress'",
            argument="value",
        )
    rows = _rows(card, communes)
    cells = {(a.unit, a.indicator): a for a in card.assessments}
    wanted = {s.commune for s in rows}
    columns = [
        i.id for i in dataset.indicators if any((c, i.id) in cells for c in wanted)
    ]  # dataset order: the order of the resolution
    if not columns:
        raise PlotError(
            "card: no commune-level target applies to these communes; nothing to plot",
            argument="card",
        )
    return _Grid(
        card=card, dataset=dataset, rows=rows, columns=columns, cells=cells, value=value
    ).draw()


def _rows(card: Scorecard, communes: Iterable[str] | None) -> list[CommuneSummary]:
    if communes is None:
        rows = list(card.communes)
    else:
        if isinstance(communes, str):
            raise PlotError(
                f"communes: expected a list of commune codes, got the string {communes!r}; "
                f"write communes=[{communes!r}]",
                argument="communes",
            )
        codes = list(communes)
        known = {s.commune for s in card.communes}
        for code in codes:
            if code not in known:
                listed = ", ".join(sorted(known)[:8]) + (", …" if len(known) > 8 else "")
                raise PlotError(
                    f"communes: {code!r} is not a commune of this scorecard; known: {listed}",
                    argument="communes",
                )
        rows = [s for s in card.communes if s.commune in set(codes)]
    if not rows:
        raise PlotError("communes: no commune to plot; pass at least one code", argument="communes")
    return rows


def _row_label(s: CommuneSummary) -> str:
    rank = f"{s.rank}." if s.rank is not None else "–"
    return f"{rank} {s.name} ({s.commune})"


def _lines(block: list[tuple[str, str]]) -> int:
    return sum(name.count("\n") + 1 for _, name in block)


def _rgba(values: Sequence[float]) -> tuple[float, float, float, float]:
    r, g, b, a = (float(v) for v in values)
    return (r, g, b, a)


class _Grid:
    """One heatmap being laid out: sizes in inches, computed from the grid's shape."""

    def __init__(
        self,
        *,
        card: Scorecard,
        dataset: Dataset,
        rows: list[CommuneSummary],
        columns: list[str],
        cells: dict[tuple[str, str], Assessment],
        value: str,
    ) -> None:
        self.card, self.dataset, self.rows, self.columns = card, dataset, rows, columns
        self.cells, self.value = cells, value
        nr, nc = len(rows), len(columns)
        self.cell_w = min(max(9.0 / nc, 0.62), 0.95)
        self.cell_h = min(max(7.5 / nr, 0.22), 0.36)
        self.font = min(max(self.cell_h * 72 * 0.36, 5.5), 9.0)
        self.label_font = min(self.font + 1, 9.5)
        longest = max(len(_row_label(s)) for s in rows)
        self.label_w = longest * self.label_font * 0.62 / 72 + 0.2
        self.score_w = 0.6
        grid_w = nc * self.cell_w
        self.content_w = self.label_w + grid_w + 0.1 + self.score_w
        self.width = max(self.content_w + 0.5, _MIN_WIDTH)
        self.labels = short_labels(dataset, {a.indicator for a in card})  # as in every plot

    # -- blocks of text, measured in lines ---------------------------------------------------

    def _title(self) -> tuple[str, str]:
        chars = int(self.width * 72 / (_TITLE_PT * 0.62))
        title = wrap(f"{self.dataset.committee.name} — {self.card.term.name}", chars)
        what = (
            "Tình trạng thực hiện chỉ tiêu Nghị quyết Đại hội"
            if self.value == "status"
            else "Tiến độ thực hiện chỉ tiêu Nghị quyết Đại hội"
        )
        sub = wrap(
            f"{what} của các đơn vị cấp xã · {as_of_text(self.card.as_of)}",
            int(self.width * 72 / (_SUBTITLE_PT * 0.58)),
        )
        return title, sub

    def _key(self) -> tuple[str, list[list[tuple[str, str]]]]:
        common = {
            t.indicator: t
            for t in self.dataset.targets
            if t.term == self.card.term.id and t.scope == "all"
        }
        own: dict[str, int] = {}
        codes = {s.commune for s in self.rows}
        for target in self.dataset.targets:
            if target.term == self.card.term.id and target.scope in codes:
                own[target.indicator] = own.get(target.indicator, 0) + 1
        ncols = 1 if len(self.columns) <= 10 else 2
        chars = int((self.width - 0.5) / ncols * 72 / (_KEY_PT * 0.56))
        entries: list[tuple[str, str]] = []
        for ind in self.columns:
            indicator = self.dataset.indicator(ind)
            text = indicator.name
            t = common.get(ind)
            if t is not None and isinstance(t.value, Decimal):
                goal = target_text(t.comparator, t.value, indicator.measure, indicator.unit)
                text += f" — chỉ tiêu chung {goal}"
            elif t is not None:
                text += " — chỉ tiêu chung: đạt"
            if own.get(ind):
                text += f"; {own[ind]} đơn vị có chỉ tiêu riêng"
            name = wrap(text, chars - 6)
            entries.append((self.labels[ind], name))
        per = -(-len(entries) // ncols)
        blocks = [entries[i : i + per] for i in range(0, len(entries), per)]
        heading = wrap(
            "Số trong ô: tiến độ thực hiện (p) — phần khoảng cách từ giá trị xuất phát đến chỉ "
            "tiêu đã thu hẹp; “—”: không tính được tiến độ. Điểm: điểm tổng hợp 0–100, "
            "xếp hạng ở đầu mỗi dòng.",
            int((self.width - 0.5) * 72 / (_KEY_PT * 0.56)),
        )
        return heading, blocks

    def _legend_items(self) -> list[tuple[Patch, str]]:
        counts = dict.fromkeys(STATUS_ORDER, 0)
        for s in self.rows:
            for ind in self.columns:
                a = self.cells.get((s.commune, ind))
                if a is not None:
                    counts[a.status] += 1
        items = []
        for status in STATUS_ORDER:
            if self.value == "progress" and status is not Status.NO_DATA:
                continue
            patch = Patch(
                facecolor=STATUS_COLOURS[status],
                edgecolor=HATCH_COLOUR if status is Status.NO_DATA else "none",
                hatch=HATCH if status is Status.NO_DATA else None,
                linewidth=0,
            )
            items.append((patch, f"{status.label} ({counts[status]})"))
        if self.value == "progress":
            patch = Patch(facecolor=_UNDEFINED, linewidth=0)
            items.append((patch, "Không tính được tiến độ"))
        return items

    # -- drawing ---------------------------------------------------------------------------

    def draw(self) -> Figure:
        nr, nc = len(self.rows), len(self.columns)
        title, sub = self._title()
        heading, blocks = self._key()
        items = self._legend_items()
        item_w = [len(label) * 7.5 * 0.58 / 72 + 0.55 for _, label in items]
        legend_cols = len(items)
        while legend_cols > 1 and sum(item_w[:legend_cols]) > self.width - 0.4:
            legend_cols = -(-legend_cols // 2) if legend_cols > 3 else legend_cols - 1
        legend_rows = -(-len(items) // legend_cols)

        line = 1.25 / 72  # inches per point of font size, line spacing included
        title_h = (title.count("\n") + 1) * _TITLE_PT * line
        sub_h = (sub.count("\n") + 1) * _SUBTITLE_PT * line
        header_h = self.label_font * line + 0.12
        grid_h = nr * self.cell_h
        bar_h = 0.55 if self.value == "progress" else 0.0
        legend_h = legend_rows * 0.27
        key_h = (heading.count("\n") + 1 + max(_lines(b) for b in blocks)) * (_KEY_PT * line) + 0.12
        heights = [0.2, title_h, 0.06, sub_h, 0.22, header_h, grid_h, 0.2, bar_h, legend_h]
        height = sum(heights) + 0.15 + key_h + 0.2
        fig = Figure(figsize=(self.width, height))
        fig.set_facecolor("white")

        def y(inches_from_top: float) -> float:
            return 1 - inches_from_top / height

        top = 0.2
        fig.text(
            0.5,
            y(top),
            title,
            ha="center",
            va="top",
            fontsize=_TITLE_PT,
            fontweight="bold",
            color=INK,
            family=FONT,
        )
        top += title_h + 0.06
        fig.text(0.5, y(top), sub, ha="center", va="top", fontsize=_SUBTITLE_PT, color=MUTED)
        top += sub_h + 0.22 + header_h
        left = (self.width - self.content_w) / 2 + self.label_w
        ax = fig.add_axes(
            (left / self.width, y(top + grid_h), nc * self.cell_w / self.width, grid_h / height)
        )
        self._draw_grid(ax)
        top += grid_h + 0.2
        if self.value == "progress":
            self._colourbar(fig, ax, y(top + 0.18), 0.18 / height)
            top += bar_h
        legend = fig.legend(
            [p for p, _ in items],
            [label for _, label in items],
            loc="upper center",
            bbox_to_anchor=(0.5, y(top)),
            ncol=legend_cols,
            frameon=False,
            fontsize=7.5,
            handlelength=1.6,
            handleheight=1.1,
            columnspacing=1.4,
        )
        legend.set_gid("status-legend")
        top += legend_h + 0.15
        fig.text(
            0.25 / self.width,
            y(top),
            heading,
            ha="left",
            va="top",
            fontsize=_KEY_PT,
            color=MUTED,
            style="italic",
        )
        top += (heading.count("\n") + 1) * _KEY_PT * line + 0.06
        column_w = (self.width - 0.5) / len(blocks)
        for i, block in enumerate(blocks):
            x, at = 0.25 + i * column_w, top
            for key, name in block:
                fig.text(
                    x / self.width,
                    y(at),
                    key,
                    ha="left",
                    va="top",
                    fontsize=_KEY_PT,
                    fontweight="bold",
                    color=INK,
                )
                fig.text(
                    (x + 0.42) / self.width,
                    y(at),
                    name,
                    ha="left",
                    va="top",
                    fontsize=_KEY_PT,
                    color=INK,
                )
                at += (name.count("\n") + 1) * _KEY_PT * line
        return fig

    def _draw_grid(self, ax: Axes) -> None:
        nr, nc = len(self.rows), len(self.columns)
        progress = self.value == "progress"
        values = np.zeros((nr, nc))
        empty = np.ones((nr, nc), dtype=bool)  # painted by _blanks, or not applicable
        for i, s in enumerate(self.rows):
            for j, ind in enumerate(self.columns):
                a = self.cells.get((s.commune, ind))
                if a is None or a.status is Status.NO_DATA:
                    continue
                if not progress:
                    values[i, j], empty[i, j] = STATUS_ORDER.index(a.status), False
                elif a.progress is not None:
                    values[i, j] = min(max(float(a.progress), 0.0), PROGRESS_MAX)
                    empty[i, j] = False
        data = np.ma.masked_array(values, mask=empty)
        if progress:
            mesh = ax.pcolormesh(
                data,
                cmap=PROGRESS_CMAP,
                norm=Normalize(0, PROGRESS_MAX),
                edgecolors="white",
                linewidth=1.2,
            )
        else:
            colours = ListedColormap([STATUS_COLOURS[s] for s in STATUS_ORDER])
            mesh = ax.pcolormesh(
                data,
                cmap=colours,
                norm=BoundaryNorm(np.arange(len(STATUS_ORDER) + 1) - 0.5, len(STATUS_ORDER)),
                edgecolors="white",
                linewidth=1.2,
            )
        mesh.set_gid(self.value)
        rgba = mesh.to_rgba(data)
        blanks: list[tuple[int, int, Assessment]] = []
        for i, s in enumerate(self.rows):
            for j, ind in enumerate(self.columns):
                a = self.cells.get((s.commune, ind))
                if a is None:
                    continue
                if a.status is Status.NO_DATA or (progress and a.progress is None):
                    blanks.append((i, j, a))
                colour = None if empty[i, j] else _rgba(rgba[i, j])
                text = ax.text(
                    j + 0.5,
                    i + 0.5,
                    percent(a.progress),
                    ha="center",
                    va="center",
                    fontsize=self.font,
                    color=self._ink(a, colour),
                    clip_on=False,
                )
                text.set_gid(f"{s.commune}:{ind}")
        self._blanks(ax, blanks)
        for i, s in enumerate(self.rows):
            score = ax.text(
                nc + 0.12 / self.cell_w,
                i + 0.5,
                "—" if s.score is None else vi_number(s.score, 1),
                ha="left",
                va="center",
                fontsize=self.label_font,
                fontweight="bold",
                color=INK,
                clip_on=False,
            )
            score.set_gid(f"score:{s.commune}")
        ax.text(
            nc + 0.12 / self.cell_w,
            -3 / 72 / self.cell_h,
            "Điểm",
            ha="left",
            va="bottom",
            fontsize=self.label_font,
            fontweight="bold",
            color=INK,
            clip_on=False,
        )
        ax.set_xlim(0, nc)
        ax.set_ylim(nr, 0)
        ax.xaxis.tick_top()
        ax.set_xticks(np.arange(nc) + 0.5, [self.labels[c] for c in self.columns])
        ax.set_yticks(np.arange(nr) + 0.5, [_row_label(s) for s in self.rows])
        ax.tick_params(length=0, labelsize=self.label_font, pad=3, colors=INK)
        for tick in ax.get_xticklabels():
            tick.set_fontweight("bold")
        for spine in ax.spines.values():
            spine.set_visible(False)

    def _blanks(self, ax: Axes, blanks: list[tuple[int, int, Assessment]]) -> None:
        """Backgrounds the mesh does not paint: no data (hatched) and undefined progress."""
        dx, dy = 0.6 / 72 / self.cell_w, 0.6 / 72 / self.cell_h
        for hatched in (True, False):
            cells = [(i, j) for i, j, a in blanks if (a.status is Status.NO_DATA) is hatched]
            if not cells:
                continue
            rects = [Rectangle((j + dx, i + dy), 1 - 2 * dx, 1 - 2 * dy) for i, j in cells]
            collection = PatchCollection(
                rects,
                facecolor=STATUS_COLOURS[Status.NO_DATA] if hatched else _UNDEFINED,
                edgecolor=HATCH_COLOUR,
                hatch=HATCH if hatched else None,
                linewidth=0,
            )
            collection.set_gid("no_data" if hatched else "undefined")
            ax.add_collection(collection, autolim=False)

    def _ink(self, a: Assessment, rgba: tuple[float, float, float, float] | None) -> str:
        if a.status is Status.NO_DATA:
            return MUTED
        if rgba is None:
            return INK
        if self.value == "status":
            return ink(STATUS_COLOURS[a.status])
        return ink(rgba)

    def _colourbar(self, fig: Figure, ax: Axes, bottom: float, height: float) -> None:
        width = min(max(len(self.columns) * self.cell_w, 3.2), 4.5) / self.width
        cax = fig.add_axes((0.5 - width / 2, bottom, width, height))
        mappable = next(c for c in ax.collections if c.get_gid() == "progress")
        bar = fig.colorbar(mappable, cax=cax, orientation="horizontal")
        ticks = [0.0, 0.25, 0.5, 0.75, 1.0, PROGRESS_MAX]
        bar.set_ticks(ticks)
        bar.ax.xaxis.set_major_formatter(
            FuncFormatter(
                lambda x, _pos: ("≥ " if x >= PROGRESS_MAX else "") + percent(decimal(x), 0)
            )
        )
        bar.ax.tick_params(labelsize=7.5, length=2, colors=INK)
        bar.outline.set_visible(False)
        bar.ax.set_title("Tiến độ thực hiện (p)", fontsize=8, color=MUTED, pad=3)
