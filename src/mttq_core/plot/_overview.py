"""The committee overview: its own targets' progress, and the communes' statuses per indicator."""

from __future__ import annotations

from typing import Final

import numpy as np
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch
from matplotlib.ticker import FuncFormatter, MaxNLocator

from mttq_core.model import AcrossUnits, Dataset
from mttq_core.scoring import Assessment, Scorecard, Status

from ._style import (
    FONT,
    HATCH,
    HATCH_COLOUR,
    INK,
    MUTED,
    STATUS_COLOURS,
    STATUS_ORDER,
    as_of_text,
    assessment_target,
    check_card,
    decimal,
    ink,
    percent,
    short_labels,
    shown_measure,
    value_text,
    wrap,
)

__all__ = ["committee_overview"]

_PROGRESS_MAX: Final = 1.25
_WIDTH: Final = 12.0
_LEFT: Final = 3.7  # indicator names
_RIGHT: Final = 2.9  # panel A: actual and target as text
_ROW_A: Final = 0.52
_ROW_B: Final = 0.42
_NAME_CHARS: Final = 50


def committee_overview(card: Scorecard, dataset: Dataset) -> Figure:
    """The committee at a glance: its own targets, then the communes' statuses.

    The upper panel draws each committee-scope target (``card.committee``) as a bar of
    progress ``p`` (clipped to 125 %), coloured by status, with a marker at the expected
    progress ``e`` and the actual value against the target on the right. The lower panel
    stacks, for each indicator, how many communes are in each status (``card.assessments``).
    Indicators are numbered ``CT1``, ``CT2``… as in :func:`heatmap`.

    >>> import mttq_core
    >>> ds = mttq_core.example()
    >>> fig = committee_overview(mttq_core.assess(ds, as_of="2022-04-18"), ds)
    >>> len(fig.axes)
    2
    """
    card, dataset = check_card(card, dataset)
    labels = short_labels(dataset, {a.indicator for a in card})
    order = {ind: n for n, ind in enumerate(labels)}
    own = sorted(card.committee, key=lambda a: order[a.indicator])
    counts: dict[str, dict[Status, int]] = {}
    for a in card.assessments:
        counts.setdefault(a.indicator, dict.fromkeys(STATUS_ORDER, 0))[a.status] += 1
    rows_b = sorted(counts, key=lambda ind: order[ind])
    height_a = max(len(own), 1.5) * _ROW_A
    height_b = max(len(rows_b), 1.5) * _ROW_B
    tops = [0.2, 0.42, 0.3, 0.55]  # title, subtitle, gap, panel A's title and legend
    between = 1.05  # panel A's axis, panel B's title
    height = sum(tops) + height_a + between + height_b + 0.55 + 0.45 + 0.2
    fig = Figure(figsize=(_WIDTH, height))
    fig.set_facecolor("white")

    def y(inches_from_top: float) -> float:
        return 1 - inches_from_top / height

    fig.text(
        0.5,
        y(0.2),
        f"{dataset.committee.name} — {card.term.name}",
        ha="center",
        va="top",
        fontsize=13,
        fontweight="bold",
        color=INK,
        family=FONT,
    )
    fig.text(
        0.5,
        y(0.2 + 0.3),
        f"Tổng quan thực hiện chỉ tiêu Nghị quyết Đại hội · {as_of_text(card.as_of)}",
        ha="center",
        va="top",
        fontsize=10,
        color=MUTED,
    )
    top = sum(tops)
    ax_a = fig.add_axes(
        (
            _LEFT / _WIDTH,
            y(top + height_a),
            (_WIDTH - _LEFT - _RIGHT) / _WIDTH,
            height_a / height,
        )
    )
    _committee_panel(ax_a, own, dataset, labels)
    top += height_a + between
    ax_b = fig.add_axes(
        (_LEFT / _WIDTH, y(top + height_b), (_WIDTH - _LEFT - 0.5) / _WIDTH, height_b / height)
    )
    _communes_panel(ax_b, rows_b, counts, dataset, labels)
    handles = [
        Patch(
            facecolor=STATUS_COLOURS[s],
            edgecolor=HATCH_COLOUR if s is Status.NO_DATA else "none",
            hatch=HATCH if s is Status.NO_DATA else None,
            linewidth=0,
        )
        for s in STATUS_ORDER
    ]
    fig.legend(
        handles,
        [s.label for s in STATUS_ORDER],
        loc="lower center",
        bbox_to_anchor=(0.5, 0.2 / height),
        ncol=len(STATUS_ORDER),
        frameon=False,
        fontsize=8.5,
        handlelength=1.6,
        handleheight=1.1,
        columnspacing=1.6,
    )
    return fig


def _name(dataset: Dataset, labels: dict[str, str], a_indicator: str, *, share: bool) -> str:
    indicator = dataset.indicator(a_indicator)
    text = indicator.name + (" — tỷ lệ đơn vị đạt" if share else "")
    return f"{labels[a_indicator]}  " + wrap(text, _NAME_CHARS, indent="       ")


def _committee_panel(
    ax: Axes, own: list[Assessment], dataset: Dataset, labels: dict[str, str]
) -> None:
    ax.set_title(
        f"Chỉ tiêu của {dataset.committee.name}: tiến độ thực hiện so với kỳ vọng",
        loc="left",
        fontsize=10.5,
        fontweight="bold",
        color=INK,
        pad=22,
    )
    _plain(ax)
    if not own:
        ax.text(
            0.5,
            0.5,
            "Ủy ban không có chỉ tiêu riêng trong nhiệm kỳ này.",
            ha="center",
            va="center",
            fontsize=9,
            color=MUTED,
            transform=ax.transAxes,
        )
        ax.set_xticks([])
        ax.set_yticks([])
        return
    n = len(own)
    ys = np.arange(n)
    for i, a in enumerate(own):
        colour = STATUS_COLOURS[a.status]
        if a.progress is not None:
            p = min(max(float(a.progress), 0.0), _PROGRESS_MAX)
            ax.barh(i, p, height=0.62, color=colour, zorder=3)
            e = None if a.expected is None else min(float(a.expected), _PROGRESS_MAX)
            x, ha, on_bar = _label_place(p, e)
            ax.text(
                x,
                i,
                percent(a.progress),
                ha=ha,
                va="center",
                fontsize=8.5,
                fontweight="bold",
                color=ink(colour) if on_bar else INK,
                zorder=6,
            )
        else:
            reason = a.edge.label if a.edge is not None else "chỉ tiêu mức trần (lũy kế)"
            ax.barh(i, 0.018, height=0.62, color=colour, zorder=3)
            ax.text(
                0.035,
                i,
                f"{a.status.label} — không tính tiến độ: {reason.lower()}",
                ha="left",
                va="center",
                fontsize=8,
                style="italic",
                color=MUTED,
                zorder=4,
            )
        if a.expected is not None and a.progress is not None:
            e = min(float(a.expected), _PROGRESS_MAX)
            ax.plot([e], [i], marker="D", ms=7, color=INK, mec="white", mew=1.2, zorder=5)
        indicator = dataset.indicator(a.indicator)
        measure = shown_measure(indicator, a.unit)
        actual = value_text(a.actual, measure, indicator.unit)
        ax.text(
            1.02,
            i,
            f"{actual} — {a.status.label}\nchỉ tiêu {assessment_target(a, indicator)}",
            transform=ax.get_yaxis_transform(),
            ha="left",
            va="center",
            fontsize=8,
            color=INK,
            linespacing=1.3,
        )
    ax.axvline(1.0, color=INK, lw=1, ls="--", zorder=2)
    ax.set_xlim(0, _PROGRESS_MAX)
    ax.set_ylim(n - 0.45, -0.55)
    names = [
        _name(dataset, labels, a.indicator, share=_is_share(dataset, a.indicator)) for a in own
    ]
    ax.set_yticks(ys, names)
    ax.xaxis.set_major_formatter(FuncFormatter(lambda x, _pos: percent(decimal(x), 0)))
    ax.set_xticks([0, 0.25, 0.5, 0.75, 1.0, 1.25])
    ax.set_xlabel(
        "Tiến độ thực hiện (p): phần khoảng cách đến chỉ tiêu đã thu hẹp", fontsize=8.5, color=MUTED
    )
    ax.grid(axis="x", color="#e6e6e6", lw=0.8, zorder=0)
    ax.legend(
        [
            Line2D([], [], marker="D", ms=7, color=INK, mec="white", ls="none"),
            Line2D([], [], color=INK, lw=1, ls="--"),
        ],
        ["Tiến độ kỳ vọng (e) tại ngày số liệu", "Đạt chỉ tiêu (100%)"],
        loc="lower right",
        bbox_to_anchor=(1.0, 1.0),
        ncol=2,
        frameon=False,
        fontsize=8,
        borderaxespad=0.2,
    )


def _label_place(p: float, e: float | None) -> tuple[float, str, bool]:
    """Where the progress label goes: ``(x, ha, on the bar)``, clear of the expected marker.

    Inside the bar's end if it is long enough, else at its start, else just past it; a
    label never covers the marker at ``e`` (its width is taken as 0.13 on the 0–1.25 axis).
    """
    width, gap = 0.13, 0.012

    def clear(lo: float, hi: float) -> bool:
        return e is None or not lo - 0.03 <= e <= hi + 0.03

    if p >= width + 2 * gap and clear(p - gap - width, p - gap):
        return p - gap, "right", True
    if p >= width + 2 * gap and clear(gap, gap + width):
        return gap, "left", True
    if clear(p + gap, p + gap + width):
        return p + gap, "left", False
    return max(p, e or 0.0) + 0.04, "left", False


def _is_share(dataset: Dataset, indicator: str) -> bool:
    return dataset.indicator(indicator).across_units is AcrossUnits.SHARE_MET


def _communes_panel(
    ax: Axes,
    rows: list[str],
    counts: dict[str, dict[Status, int]],
    dataset: Dataset,
    labels: dict[str, str],
) -> None:
    ax.set_title(
        "Số đơn vị cấp xã theo tình trạng thực hiện, từng chỉ tiêu",
        loc="left",
        fontsize=10.5,
        fontweight="bold",
        color=INK,
        pad=8,
    )
    _plain(ax)
    if not rows:
        ax.text(
            0.5,
            0.5,
            "Chưa có chỉ tiêu nào áp dụng cho đơn vị cấp xã.",
            ha="center",
            va="center",
            fontsize=9,
            color=MUTED,
            transform=ax.transAxes,
        )
        ax.set_xticks([])
        ax.set_yticks([])
        return
    total = max(sum(c.values()) for c in counts.values())
    inches_per_unit = (_WIDTH - _LEFT - 0.5) / total
    for i, ind in enumerate(rows):
        left = 0
        for status in STATUS_ORDER:
            k = counts[ind][status]
            if not k:
                continue
            no_data = status is Status.NO_DATA
            ax.barh(
                i,
                k,
                left=left,
                height=0.66,
                color=STATUS_COLOURS[status],
                edgecolor=HATCH_COLOUR if no_data else "white",
                hatch=HATCH if no_data else None,
                linewidth=0 if no_data else 0.8,
                zorder=3,
                gid=f"{ind}:{status.value}",
            )
            if k * inches_per_unit >= 0.22:
                ax.text(
                    left + k / 2,
                    i,
                    str(k),
                    ha="center",
                    va="center",
                    fontsize=8,
                    color=ink(STATUS_COLOURS[status]),
                    zorder=4,
                )
            left += k
    ax.set_xlim(0, total)
    ax.set_ylim(len(rows) - 0.45, -0.55)
    ax.set_yticks(np.arange(len(rows)), [_name(dataset, labels, r, share=False) for r in rows])
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    ax.set_xlabel("Số đơn vị cấp xã", fontsize=8.5, color=MUTED)
    ax.grid(axis="x", color="#e6e6e6", lw=0.8, zorder=0)


def _plain(ax: Axes) -> None:
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    ax.spines["left"].set_color("#bdbdbd")
    ax.spines["bottom"].set_color("#bdbdbd")
    ax.tick_params(colors=INK, labelsize=8.5)
    ax.tick_params(axis="y", length=0)
    ax.set_axisbelow(True)
