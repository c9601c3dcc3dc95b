"""One commune's path toward one target over the term."""

from __future__ import annotations

import datetime as _dt
from collections.abc import Callable
from decimal import Decimal
from typing import Final

import pendulum
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.ticker import FixedFormatter, FixedLocator, MaxNLocator, NullFormatter

from mttq_core.model import (
    Accumulation,
    Commune,
    Dataset,
    Direction,
    Indicator,
    Measure,
    Observation,
    Period,
    Target,
    Term,
    Value,
)
from mttq_core.scoring import Assessment, Method, Status, assess

from ._errors import PlotError
from ._style import (
    FONT,
    INK,
    MUTED,
    STATUS_COLOURS,
    as_of_text,
    axis_formatter,
    formatter_for,
    ink,
    percent,
    target_text,
    value_text,
    vi_date,
    wrap,
)

__all__ = ["trajectory"]

_DATA: Final = "#1f4e79"  # the commune's own numbers
_LATER: Final = "#9db4cc"  # reported after as_of: shown, not counted
_OLD: Final = "#8c8c8c"  # superseded revisions
_TARGET: Final = "#b2182b"
_PATH: Final = "#6a51a3"
_MILESTONE: Final = "#e08214"
_SHADE: Final = "#f2f2f2"

_WIDTH: Final = 11.0  # inches
_AXES_H: Final = 4.2
_LEFT: Final = 1.0
_LEGEND_W: Final = 3.3


def trajectory(
    dataset: Dataset,
    commune: str,
    indicator: str,
    *,
    as_of: _dt.date | str,
    term: str | Term | None = None,
    method: str | Method = "linear",
) -> Figure:
    """One commune's observations of one indicator over the term, against its target.

    Shows the counted observations (filled; those reported for periods after ``as_of`` pale,
    superseded revisions hollow grey), the baseline, the target as a horizontal line, the
    expected path (linear from the baseline at the term's start to the target at its end),
    milestones, and a vertical line at ``as_of``. A ``sum`` target plots the running total
    against the target; an ``each_period`` target plots each period's value against the
    per-period target. The status and the numbers come from :func:`mttq_core.assess`.

    >>> import mttq_core
    >>> fig = trajectory(mttq_core.example(), "00583", "gia_dinh_van_hoa", as_of="2022-04-18")
    >>> len(fig.axes), fig.axes[0].get_title("left")
    (1, 'Chậm tiến độ')
    """
    if not isinstance(dataset, Dataset):
        raise PlotError(
            f"dataset: expected a Dataset (e.g. mttq_core.example()), got {type(dataset).__name__}",
            argument="dataset",
        )
    card = assess(dataset, as_of=as_of, term=term, method=method)
    span, day = card.term, card.as_of
    ind = _indicator(dataset, indicator)
    unit = _commune(dataset, commune, span, day)
    target = dataset.target_for(span.id, ind.id, unit)
    if target is None:
        raise PlotError(
            f"indicator: no target of {ind.id!r} applies to commune {unit.code} ({unit.name}) "
            f"in term {span.id!r}",
            argument="indicator",
        )
    a = card.get(unit.code, ind.id)
    return _Trajectory(
        dataset=dataset, unit=unit, indicator=ind, target=target, a=a, span=span, day=day
    ).draw()


def _indicator(dataset: Dataset, indicator: object) -> Indicator:
    try:
        if isinstance(indicator, str):
            return dataset.indicator(indicator)
    except KeyError:
        pass
    known = ", ".join(repr(i.id) for i in dataset.indicators)
    raise PlotError(
        f"indicator: {indicator!r} is not an indicator of this dataset; known: {known}",
        argument="indicator",
    )


def _commune(dataset: Dataset, code: object, span: Term, day: pendulum.Date) -> Commune:
    if isinstance(code, str):
        on = min(max(day, span.start), span.end)
        try:
            return dataset.commune(code, on)
        except KeyError:
            during = [c for c in dataset.communes_during(span) if c.code == code]
            if during:
                return during[-1]
    units = dataset.communes_during(span)
    listed = ", ".join(f"{c.code} {c.name}" for c in units[:6]) + (", …" if len(units) > 6 else "")
    raise PlotError(
        f"commune: {code!r} is not a commune of this dataset during {span.name}; "
        f"expected a 5-digit code such as {listed}",
        argument="commune",
    )


def _x(day: _dt.date) -> float:
    """A day on the x axis: its proper Gregorian ordinal (the axis is labelled by hand)."""
    return float(day.toordinal())


def _number(value: Value) -> Decimal:
    """A target's or milestone's value as a number: yes/no as 1/0, a checklist's length."""
    if isinstance(value, bool):
        return Decimal(int(value))
    return value if isinstance(value, Decimal) else Decimal(len(value))


def _middle(period: Period) -> float:
    return (_x(period.start) + _x(period.end)) / 2


class _Trajectory:
    def __init__(
        self,
        *,
        dataset: Dataset,
        unit: Commune,
        indicator: Indicator,
        target: Target,
        a: Assessment,
        span: Term,
        day: pendulum.Date,
    ) -> None:
        self.dataset, self.unit, self.ind, self.target = dataset, unit, indicator, target
        self.a, self.span, self.day = a, span, day
        self.measure = indicator.measure
        self.fmt: Callable[[Decimal], str] = (
            (lambda v: value_text(v, self.measure, None))
            if self.measure is Measure.BOOLEAN
            else formatter_for(self.measure)
        )
        in_term = [
            o for o in dataset.series(unit, indicator.id) if span.start <= o.period.end <= span.end
        ]
        self.counted = [o for o in in_term if o.period.end <= day]
        self.later = [o for o in in_term if o.period.end > day]
        self.old = [
            o
            for _, o in dataset.all_observations()
            if o.commune == unit.code
            and o.indicator == indicator.id
            and unit.valid_on(o.period.end)
            and span.start <= o.period.end <= span.end
            and o not in in_term
        ]

    # -- the figure ------------------------------------------------------------------------

    def draw(self) -> Figure:
        title = wrap(f"{self.unit.name} ({self.unit.code}) — {self.ind.name}", 78)
        foot = self._footnote()
        title_h = (title.count("\n") + 1) * 13 * 1.3 / 72
        foot_h = (foot.count("\n") + 1) * 8 * 1.35 / 72
        height = 0.2 + title_h + 0.5 + _AXES_H + 0.5 + foot_h + 0.2
        fig = Figure(figsize=(_WIDTH, height))
        fig.set_facecolor("white")
        fig.suptitle(
            title,
            x=_LEFT / _WIDTH,
            y=1 - 0.2 / height,
            ha="left",
            va="top",
            fontsize=13,
            fontweight="bold",
            color=INK,
            family=FONT,
        )
        bottom = 0.2 + foot_h + 0.5
        ax = fig.add_axes(
            (
                _LEFT / _WIDTH,
                bottom / height,
                (_WIDTH - _LEFT - _LEGEND_W) / _WIDTH,
                _AXES_H / height,
            )
        )
        self._status(ax)
        acc = self.ind.accumulation
        if acc is Accumulation.SUM:
            self._sum(ax)
        elif acc is Accumulation.EACH_PERIOD:
            self._each_period(ax)
        else:
            self._levels(ax)
        self._frame(ax)
        entries = dict(zip(*reversed(ax.get_legend_handles_labels()), strict=True))
        legend = fig.legend(
            list(entries.values()),
            list(entries),
            loc="upper left",
            bbox_to_anchor=((_WIDTH - _LEGEND_W + 0.25) / _WIDTH, (bottom + _AXES_H) / height),
            frameon=False,
            fontsize=8.5,
            borderaxespad=0,
            labelspacing=0.9,
        )
        legend.set_gid("legend")
        fig.text(
            _LEFT / _WIDTH,
            0.2 / height,
            foot,
            ha="left",
            va="bottom",
            fontsize=8,
            color=MUTED,
            linespacing=1.35,
        )
        return fig

    def _status(self, ax: Axes) -> None:
        a = self.a
        colour = STATUS_COLOURS[a.status]
        ax.set_title(
            a.status.label,
            loc="left",
            fontsize=10,
            fontweight="bold",
            color=ink(colour),
            bbox={"boxstyle": "round,pad=0.35", "facecolor": colour, "edgecolor": "none"},
            pad=12,
        )
        parts = []
        if a.progress is not None:
            parts.append(f"Tiến độ {percent(a.progress)}")
            if a.expected is not None:
                parts.append(f"kỳ vọng {percent(a.expected)}")
        parts.append(as_of_text(self.day))
        ax.set_title(" · ".join(parts), loc="right", fontsize=9.5, color=INK, pad=12)

    def _footnote(self) -> str:
        a, e = self.a, self.a.explanation
        unit = self.ind.unit
        goal = target_text(a.comparator, a.target, self.measure, unit)
        parts = [
            f"Thực hiện (a): {value_text(e.actual, self.measure, unit)}",
            f"xuất phát (b): {value_text(e.baseline, self.measure, unit)}",
            f"chỉ tiêu (t): {goal}",
            f"tiến độ (p): {percent(e.progress)}",
            f"kỳ vọng (e): {percent(e.expected)}",
            f"số liệu đến ngày {vi_date(e.data_date)}",
        ]
        lines = [" · ".join(parts[:3]) + " · " + " · ".join(parts[3:])]
        extra = [f"Phương pháp: {e.method}"]
        if e.milestone is not None:
            extra.append(f"mốc {e.milestone[0]}: {value_text(e.milestone[1], self.measure, unit)}")
        if a.trend is not None:
            extra.append(f"xu hướng: {a.trend.label.lower()}")
        if e.edge is not None:
            extra.append(f"lưu ý: {e.edge.label.lower()}")
        if a.missing_periods:
            extra.append("thiếu số liệu kỳ " + ", ".join(str(p) for p in a.missing_periods))
        lines.append(" · ".join(extra))
        lines.append(
            "Các kỳ có ngày kết thúc sau ngày đánh giá được vẽ nhạt và không được tính; "
            f"{self.span.name}: {vi_date(self.span.start)} – {vi_date(self.span.end)}."
        )
        return "\n".join(wrap(line, 155) for line in lines)

    # -- three shapes of target -------------------------------------------------------------

    def _levels(self, ax: Axes) -> None:
        """``latest`` and ``mean``: the values themselves, the baseline and the path."""
        xs = [_x(o.period.end) for o in self.counted]
        ys = [float(o.number) for o in self.counted]
        ax.plot(xs, ys, "-o", color=_DATA, lw=2, ms=6, zorder=4, label="Số liệu thực hiện")
        for x, o in zip(xs, self.counted, strict=True):
            ax.annotate(
                self.fmt(o.number),
                (x, float(o.number)),
                textcoords="offset points",
                xytext=(0, 8),
                ha="center",
                fontsize=8,
                color=_DATA,
            )
        if self.ind.accumulation is Accumulation.MEAN and self.counted:
            running = [sum(ys[: i + 1]) / (i + 1) for i in range(len(ys))]
            ax.plot(xs, running, "--", color=_DATA, lw=1.2, alpha=0.7, label="Bình quân các kỳ")
        self._later(ax, lambda o: float(o.number))
        self._old(ax)
        base = self.target.baseline
        if base is not None:
            value = self.a.explanation.baseline
            if value is not None:
                ax.plot(
                    [_x(base.date)],
                    [float(value)],
                    "D",
                    color=_PATH,
                    ms=7,
                    zorder=5,
                    label=f"Giá trị xuất phát: {self.fmt(value)}",
                )
        self._target_line(ax, "Chỉ tiêu")
        self._path(ax, self.a.explanation.baseline)
        for m in self.target.milestones:
            value = _number(m.value)
            ax.plot(
                [_x(m.period.end)],
                [float(value)],
                marker="*",
                ms=13,
                ls="none",
                color=_MILESTONE,
                zorder=5,
                label=f"Mốc kế hoạch {m.period}: {self.fmt(value)}",
            )

    def _sum(self, ax: Axes) -> None:
        """``sum``: each period's value as a bar and the running total against the target."""
        width = [o.period.days * 0.55 for o in self.counted]
        ax.bar(
            [_middle(o.period) for o in self.counted],
            [float(o.number) for o in self.counted],
            width=width,
            color=_LATER,
            alpha=0.55,
            zorder=2,
            label="Thực hiện từng kỳ",
        )
        later = self.later
        if later:
            ax.bar(
                [_middle(o.period) for o in later],
                [float(o.number) for o in later],
                width=[o.period.days * 0.55 for o in later],
                facecolor="none",
                edgecolor=_LATER,
                hatch="///",
                linewidth=0.8,
                zorder=2,
                label="Kỳ sau ngày đánh giá (chưa tính)",
            )
        total = Decimal(0)
        xs, ys = [_x(self.span.start)], [0.0]
        for o in self.counted:
            total += o.number
            xs.append(_x(o.period.end))
            ys.append(float(total))
        ax.plot(xs, ys, "-o", color=_DATA, lw=2.2, ms=6, zorder=4, label="Lũy kế thực hiện")
        if self.counted:
            ax.annotate(
                f"Lũy kế: {value_text(total, self.measure, self.ind.unit)}",
                (xs[-1], ys[-1]),
                textcoords="offset points",
                xytext=(-6, 9),
                ha="right",
                fontsize=8.5,
                color=_DATA,
                fontweight="bold",
            )
        self._old(ax)
        self._target_line(ax, "Chỉ tiêu cả nhiệm kỳ")
        if self.ind.direction is Direction.INCREASE:
            self._path(ax, Decimal(0))

    def _each_period(self, ax: Axes) -> None:
        """``each_period``: every period's value against the per-period target."""
        met = {r.period: r.met for r in self.a.explanation.periods}
        for o in self.counted:
            ok = met.get(o.period, False)
            colour = STATUS_COLOURS[Status.ACHIEVED if ok else Status.NOT_ACHIEVED]
            ax.bar(
                [_middle(o.period)],
                [float(o.number)],
                width=o.period.days * 0.6,
                color=colour,
                zorder=3,
                gid=f"period:{o.period}",
                label="Kỳ đạt chỉ tiêu" if ok else "Kỳ không đạt chỉ tiêu",
            )
            ax.annotate(
                self.fmt(o.number),
                (_middle(o.period), float(o.number)),
                textcoords="offset points",
                xytext=(0, 4),
                ha="center",
                fontsize=8.5,
                color=INK,
            )
        for o in self.later:
            ax.bar(
                [_middle(o.period)],
                [float(o.number)],
                width=o.period.days * 0.6,
                facecolor="none",
                edgecolor=_LATER,
                hatch="///",
                linewidth=0.8,
                zorder=3,
                label="Kỳ sau ngày đánh giá (chưa tính)",
            )
        for p in self.a.missing_periods:
            ax.plot(
                [_middle(p)],
                [0],
                marker="X",
                ms=10,
                color=STATUS_COLOURS[Status.NOT_ACHIEVED],
                ls="none",
                zorder=5,
                label="Kỳ thiếu số liệu",
            )
        self._old(ax)
        self._target_line(ax, "Chỉ tiêu mỗi kỳ")

    # -- shared pieces -------------------------------------------------------------------------

    def _later(self, ax: Axes, y: Callable[[Observation], float]) -> None:
        if not self.later:
            return
        xs = [_x(o.period.end) for o in self.later]
        ys = [y(o) for o in self.later]
        if self.counted:
            last = self.counted[-1]
            ax.plot([_x(last.period.end), xs[0]], [y(last), ys[0]], ":", color=_LATER, lw=1.5)
        ax.plot(
            xs,
            ys,
            ":o",
            color=_LATER,
            lw=1.5,
            ms=6,
            mfc="white",
            mew=1.5,
            zorder=3,
            label="Số liệu sau ngày đánh giá (chưa tính)",
        )

    def _old(self, ax: Axes) -> None:
        if not self.old:
            return
        ax.plot(
            [_x(o.period.end) for o in self.old],
            [float(o.number) for o in self.old],
            "o",
            ms=7,
            mfc="none",
            mec=_OLD,
            mew=1.3,
            zorder=3,
            label="Bản số liệu cũ (đã được sửa)",
        )

    def _target_line(self, ax: Axes, what: str) -> None:
        goal = target_text(self.a.comparator, self.a.target, self.measure, self.ind.unit)
        ax.axhline(
            float(self.a.target), color=_TARGET, ls="--", lw=1.6, zorder=2, label=f"{what}: {goal}"
        )

    def _path(self, ax: Axes, start: Decimal | None) -> None:
        if start is None or self.measure is Measure.BOOLEAN:  # yes/no has no path between
            return
        ax.plot(
            [_x(self.span.start), _x(self.span.end)],
            [float(start), float(self.a.target)],
            ls=(0, (4, 3)),
            color=_PATH,
            lw=1.4,
            zorder=2,
            alpha=0.85,
            label="Lộ trình kỳ vọng (tuyến tính)",
        )

    def _frame(self, ax: Axes) -> None:
        start, end = _x(self.span.start), _x(self.span.end)
        shown = [o.period.start for o in (*self.counted, *self.later, *self.old)]
        pad = (end - start) * 0.02
        ax.set_xlim(min([start, *(_x(d) for d in shown)]) - pad, end + pad)
        day = _x(self.day)
        if day < end + pad:
            ax.axvspan(day, end + pad, color=_SHADE, zorder=0, lw=0)
        ax.axvline(day, color=MUTED, lw=1.2, zorder=1, label=f"Ngày đánh giá {vi_date(self.day)}")
        for edge in (start, end):
            ax.axvline(edge, color="#bdbdbd", lw=0.8, ls=":", zorder=1)
        # years as bands: a mark where each begins, the year's number in its middle
        ax.xaxis.set_major_formatter(NullFormatter())
        lo, hi = ax.get_xlim()
        first, last = _dt.date.fromordinal(int(lo)).year, _dt.date.fromordinal(int(hi)).year
        ax.xaxis.set_major_locator(
            FixedLocator([_x(_dt.date(year, 1, 1)) for year in range(first, last + 1)])
        )
        middles, years = [], []
        for year in range(first, last + 1):
            a = max(lo, _x(_dt.date(year, 1, 1)))
            b = min(hi, _x(_dt.date(year + 1, 1, 1)))
            if b - a > 45:  # room for the label
                middles.append((a + b) / 2)
                years.append(str(year))
        ax.xaxis.set_minor_locator(FixedLocator(middles))
        ax.xaxis.set_minor_formatter(FixedFormatter(years))
        ax.tick_params(axis="x", which="major", length=6)
        ax.tick_params(axis="x", which="minor", length=0, labelsize=9, labelcolor=INK)
        ax.grid(axis="y", color="#e3e3e3", lw=0.8, zorder=0)
        ax.set_axisbelow(True)
        for side in ("top", "right"):
            ax.spines[side].set_visible(False)
        ax.tick_params(colors=INK, labelsize=9)
        ax.margins(y=0.12)
        lo, hi = ax.get_ylim()
        if self.measure is Measure.BOOLEAN:
            ax.set_ylim(-0.15, 1.25)
            ax.set_yticks([0, 1])
        elif self.measure in (Measure.COUNT, Measure.CHECKLIST, Measure.MONEY) or (
            self.ind.accumulation is Accumulation.EACH_PERIOD
        ):
            ax.set_ylim(0, max(hi, 1.0))
            if self.measure in (Measure.COUNT, Measure.CHECKLIST):
                ax.yaxis.set_major_locator(MaxNLocator(nbins=6, integer=True))
        top = max(abs(v) for v in ax.get_ylim())
        formatter, unit = axis_formatter(self.measure, top)
        ax.yaxis.set_major_formatter(formatter)
        label = {
            Measure.PERCENT: "Tỷ lệ (%)",
            Measure.MONEY: f"Số tiền ({unit})",
            Measure.BOOLEAN: "",
            Measure.CHECKLIST: "Số tiêu chí đạt",
        }.get(self.measure, "Số lượng" if self.measure is Measure.COUNT else "Giá trị")
        if self.measure in (Measure.COUNT, Measure.QUANTITY) and self.ind.unit:
            label += f" ({self.ind.unit})"
        ax.set_ylabel(label, fontsize=9.5, color=INK)
