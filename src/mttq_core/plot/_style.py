"""What the three plots share: status colours, Vietnamese numbers and dates, argument checks."""

from __future__ import annotations

import textwrap
from collections.abc import Callable
from decimal import Decimal
from typing import Final

import pendulum
from matplotlib.colors import to_rgb
from matplotlib.ticker import FuncFormatter

from mttq_core.model import COMMITTEE, AcrossUnits, Comparator, Dataset, Indicator, Measure
from mttq_core.report import vi_number
from mttq_core.scoring import Assessment, Scorecard, Status

from ._errors import PlotError

__all__ = [
    "FONT",
    "HATCH",
    "HATCH_COLOUR",
    "INK",
    "MUTED",
    "STATUS_COLOURS",
    "STATUS_ORDER",
    "as_of_text",
    "assessment_target",
    "axis_formatter",
    "check_card",
    "decimal",
    "formatter_for",
    "ink",
    "money",
    "percent",
    "short_labels",
    "shown_measure",
    "symbol",
    "target_text",
    "value_text",
    "vi_date",
    "wrap",
]

#: Statuses from best to worst, then no data: the order of every legend and stacked bar.
STATUS_ORDER: Final = (
    Status.EXCEEDED,
    Status.ACHIEVED,
    Status.ON_TRACK,
    Status.BEHIND,
    Status.NOT_ACHIEVED,
    Status.NO_DATA,
)

#: A traffic light per status: dark green, green, blue, amber, red, light grey.
STATUS_COLOURS: Final[dict[Status, str]] = {
    Status.EXCEEDED: "#1b7837",
    Status.ACHIEVED: "#7fbf7b",
    Status.ON_TRACK: "#3a7dc9",
    Status.BEHIND: "#f4a52b",
    Status.NOT_ACHIEVED: "#d6352b",
    Status.NO_DATA: "#e6e6e6",
}

#: ``no_data`` cells are hatched too, so that they read as empty in black and white.
HATCH: Final = "////"
HATCH_COLOUR: Final = "#a6a6a6"
INK: Final = "#1f1f1f"
MUTED: Final = "#5f5f5f"
FONT: Final = "DejaVu Sans"  # matplotlib's default; it has every Vietnamese glyph

_SYMBOLS: Final = {Comparator.GE: "≥", Comparator.GT: ">", Comparator.LE: "≤", Comparator.LT: "<"}
_BILLION: Final = Decimal(10) ** 9
_MILLION: Final = Decimal(10) ** 6


def ink(colour: str | tuple[float, float, float, float]) -> str:
    """Dark or white text, whichever reads better on ``colour`` (relative luminance)."""
    r, g, b = (c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in to_rgb(colour))
    return INK if 0.2126 * r + 0.7152 * g + 0.0722 * b > 0.3 else "white"


def vi_date(day: pendulum.Date | None) -> str:
    """``18/04/2022``; a dash for no date."""
    return day.format("DD/MM/YYYY") if day is not None else "—"


def as_of_text(day: pendulum.Date) -> str:
    """``Tính đến ngày 18/04/2022``: the date every plot's title carries."""
    return f"Tính đến ngày {vi_date(day)}"


def percent(fraction: Decimal | None, places: int = 1) -> str:
    """A fraction as a Vietnamese percent: ``Decimal('0.6257') → '62,6%'``; ``—`` for none."""
    return "—" if fraction is None else f"{vi_number(fraction * 100, places)}%"


def symbol(comparator: Comparator) -> str:
    """``≥``, ``>``, ``≤`` or ``<``."""
    return _SYMBOLS[comparator]


def shown_measure(indicator: Indicator, unit: str) -> Measure:
    """How to show a unit's numbers: the committee's share of communes is a percent."""
    if unit == COMMITTEE and indicator.across_units is AcrossUnits.SHARE_MET:
        return Measure.PERCENT
    return indicator.measure


def money(amount: Decimal) -> str:
    """An amount of đồng, short: ``9,36 tỷ đồng``, ``557,8 triệu đồng``, ``850.000 đ``."""
    if abs(amount) >= _BILLION:
        return f"{vi_number(amount / _BILLION, 2)} tỷ đồng"
    if abs(amount) >= _MILLION:
        return f"{vi_number(amount / _MILLION, 1)} triệu đồng"
    return f"{vi_number(amount, 0)} đ"


def value_text(value: Decimal | None, measure: Measure, unit: str | None) -> str:
    """A value with its unit, the Vietnamese way: ``95,69%``, ``3 cuộc``, ``Có``."""
    if value is None:
        return "—"
    if measure is Measure.PERCENT:
        return f"{vi_number(value)}%"
    if measure is Measure.MONEY:
        return money(value)
    if measure is Measure.BOOLEAN:
        return "Có" if value >= 1 else "Không"
    if measure is Measure.CHECKLIST:
        return f"{vi_number(value, 0)} tiêu chí"
    text = vi_number(value, 0 if measure is Measure.COUNT else 2)
    return f"{text} {unit}" if unit else text


def target_text(comparator: Comparator, value: Decimal, measure: Measure, unit: str | None) -> str:
    """``≥ 97%``; a yes/no target reads ``Có``."""
    if measure is Measure.BOOLEAN:
        return "Có"
    return f"{symbol(comparator)} {value_text(value, measure, unit)}"


def assessment_target(a: Assessment, indicator: Indicator) -> str:
    """The target of an assessment as text, in the assessed unit's measure."""
    return target_text(a.comparator, a.target, shown_measure(indicator, a.unit), indicator.unit)


def axis_formatter(measure: Measure, top: float) -> tuple[FuncFormatter, str]:
    """A tick formatter for a value axis and the unit to put in the axis label.

    Money is shown in ``tỷ đồng`` or ``triệu đồng`` when the axis reaches that far, else in
    đồng with ``.`` between thousands; percents carry ``%``.
    """
    if measure is Measure.MONEY:
        if top >= 1e9:
            return _scaled(1e9, 2), "tỷ đồng"
        if top >= 1e6:
            return _scaled(1e6, 1), "triệu đồng"
        return _scaled(1, 0), "đồng"
    if measure is Measure.PERCENT:
        return FuncFormatter(lambda x, _pos: f"{_tick(x, 2)}%"), "%"
    if measure is Measure.BOOLEAN:
        return FuncFormatter(lambda x, _pos: {0.0: "Không", 1.0: "Có"}.get(x, "")), ""
    return FuncFormatter(lambda x, _pos: _tick(x, 2)), ""


def decimal(x: float) -> Decimal:
    """A plotted coordinate (a float, maybe numpy's) as a decimal, for display only."""
    return Decimal(repr(round(float(x), 9)))


def _tick(x: float, places: int) -> str:
    return vi_number(decimal(x), places)


def _scaled(divisor: float, places: int) -> FuncFormatter:
    return FuncFormatter(lambda x, _pos: _tick(x / divisor, places))


def wrap(text: str, width: int, *, indent: str = "") -> str:
    """``text`` broken at spaces into lines of at most ``width`` characters."""
    return "\n".join(
        textwrap.wrap(text, max(width, 12), subsequent_indent=indent, break_long_words=False)
    )


def short_labels(dataset: Dataset, indicator_ids: set[str]) -> dict[str, str]:
    """``CT1``, ``CT2``… for the given indicators, numbered in the dataset's order."""
    ordered = [i.id for i in dataset.indicators if i.id in indicator_ids]
    return {ind: f"CT{n}" for n, ind in enumerate(ordered, start=1)}


def check_card(card: object, dataset: object) -> tuple[Scorecard, Dataset]:
    """The scorecard and the dataset it was computed from, or a :class:`PlotError`."""
    if not isinstance(card, Scorecard):
        raise PlotError(
            f"card: expected a Scorecard (from mttq_core.assess), got {type(card).__name__}",
            argument="card",
        )
    if not isinstance(dataset, Dataset):
        raise PlotError(
            f"dataset: expected a Dataset (e.g. mttq_core.load(...)), got {type(dataset).__name__}",
            argument="dataset",
        )
    known = {i.id for i in dataset.indicators}
    unknown = sorted({a.indicator for a in card} - known)
    if card.term not in dataset.terms or unknown:
        what = f"indicator {unknown[0]!r}" if unknown else f"term {card.term.id!r}"
        raise PlotError(
            f"dataset: the scorecard's {what} is not in this dataset; pass the dataset the "
            "scorecard was computed from",
            argument="dataset",
        )
    return card, dataset


def formatter_for(measure: Measure) -> Callable[[Decimal], str]:
    """Format a bare number of ``measure`` (no unit), for labels next to points and bars."""
    if measure is Measure.PERCENT:
        return lambda v: f"{vi_number(v)}%"
    if measure is Measure.MONEY:
        return money
    return vi_number
