"""The scorecard as text for people: Vietnamese labels, aligned columns, colours on a terminal."""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from decimal import Decimal
from typing import Final

import pendulum

from mttq_core.model import COMMITTEE, AcrossUnits, Comparator, Dataset, Indicator, Measure
from mttq_core.scoring import Assessment, CommuneSummary, Scorecard, Status

from ._numbers import vi_number

__all__ = ["display_width", "explanation_lines", "scorecard_table"]

#: ANSI SGR codes per status: green met, cyan on track, yellow behind, red not met, dim no data.
STATUS_COLOURS: Final = {
    Status.EXCEEDED: "32",
    Status.ACHIEVED: "32",
    Status.ON_TRACK: "36",
    Status.BEHIND: "33",
    Status.NOT_ACHIEVED: "31",
    Status.NO_DATA: "2",
}

_RESET: Final = "\x1b[0m"
_DASH: Final = "—"
_NAME_WIDTH: Final = 44
_GAP: Final = "  "
_SYMBOLS: Final = {Comparator.GE: "≥", Comparator.GT: ">", Comparator.LE: "≤", Comparator.LT: "<"}
_METHODS: Final = {
    "linear": "tuyến tính (tiến độ so với thời gian đã qua của nhiệm kỳ)",
    "cagr": "tốc độ tăng trưởng kép (CAGR, theo thang đo của Open SDG)",
}


def display_width(text: str) -> int:
    """The number of terminal columns ``text`` takes.

    Combining marks take none and East Asian wide characters two, so a name typed in NFD
    lines up like the same name in NFC:

    >>> display_width("Bát Tràng"), display_width("Ba\u0301t Tra\u0300ng"), display_width("中文")
    (9, 9, 4)
    """
    width = 0
    for ch in unicodedata.normalize("NFC", text):
        if unicodedata.combining(ch):
            continue
        width += 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1
    return width


def _wrap(text: str, width: int) -> list[str]:
    """Break ``text`` at spaces into lines of at most ``width`` columns (longer words stay)."""
    lines: list[str] = []
    line = ""
    for word in text.split():
        candidate = f"{line} {word}" if line else word
        if line and display_width(candidate) > width:
            lines.append(line)
            line = word
        else:
            line = candidate
    lines.append(line)
    return lines


def _date(day: pendulum.Date | None) -> str:
    return day.format("DD/MM/YYYY") if day is not None else _DASH


# -- numbers -------------------------------------------------------------------------------


def _indicator(dataset: Dataset, indicator_id: str) -> Indicator | None:
    try:
        return dataset.indicator(indicator_id)
    except KeyError:
        return None


def _measure(a: Assessment, indicator: Indicator | None) -> Measure | None:
    """How to show the assessment's numbers; a committee's share of communes is a percent."""
    if indicator is None:
        return None
    if a.unit == COMMITTEE and indicator.across_units is AcrossUnits.SHARE_MET:
        return Measure.PERCENT
    return indicator.measure


def _value(value: Decimal | None, measure: Measure | None) -> str:
    if value is None:
        return _DASH
    if measure is Measure.PERCENT:
        return f"{vi_number(value)}%"
    if measure is Measure.MONEY:
        return f"{vi_number(value, 0)} đ"
    if measure is Measure.BOOLEAN and value in (0, 1):
        return "Có" if value == 1 else "Không"
    return vi_number(value)


def _target(a: Assessment, measure: Measure | None) -> str:
    if measure is Measure.BOOLEAN and a.comparator is Comparator.GE and a.target == 1:
        return "Có"
    return f"{_SYMBOLS[a.comparator]} {_value(a.target, measure)}"


def _share(value: Decimal | None) -> str:
    return _DASH if value is None else f"{vi_number(value * 100, 1)}%"


def _name(a: Assessment, indicator: Indicator | None) -> str:
    if indicator is None:
        return a.indicator
    name = indicator.name
    if indicator.unit and indicator.measure not in (Measure.PERCENT, Measure.MONEY):
        name += f" ({indicator.unit})"
    if a.unit == COMMITTEE and indicator.across_units is AcrossUnits.SHARE_MET:
        name += " — tỷ lệ đơn vị đạt chỉ tiêu"
    return name


# -- explanation -----------------------------------------------------------------------------


def explanation_lines(a: Assessment) -> list[str]:
    """Every number behind one assessment, in Vietnamese, rounded to 6 decimal places.

    >>> import mttq_core
    >>> card = mttq_core.assess(mttq_core.example(), as_of="2022-04-18")
    >>> for line in explanation_lines(card.get("00583", "gia_dinh_van_hoa"))[:5]:
    ...     print(line)
    Phương pháp: linear
    Thực hiện (a): 95,69
    Giá trị xuất phát (b): 93,5
    Chỉ tiêu (t): 97
    Tiến độ (p): 0,625714
    """
    e = a.explanation

    def num(value: Decimal | None) -> str:
        return vi_number(value, 6)

    lines = [
        f"Phương pháp: {e.method}",
        f"Thực hiện (a): {num(e.actual)}",
        f"Giá trị xuất phát (b): {num(e.baseline)}",
        f"Chỉ tiêu (t): {num(e.target)}",
        f"Tiến độ (p): {num(e.progress)}",
        f"Tiến độ kỳ vọng (e): {num(e.expected)}",
        f"Ngày số liệu: {_date(e.data_date)}",
    ]
    if e.milestone is not None:
        lines.append(f"Mốc kế hoạch: {e.milestone[0]} → {num(e.milestone[1])}")
    if e.ratio is not None:
        lines.append(f"R (cagr_o / cagr_r): {num(e.ratio)}")
    if a.category is not None:
        lines.append(f"Phân loại: {a.category.label} ({a.category.value})")
    if e.edge is not None:
        lines.append(f"Trường hợp đặc biệt: {e.edge.label} ({e.edge.value})")
    lines.extend(
        f"Kỳ {r.period}: {num(r.actual)} — {'đạt' if r.met else 'không đạt'}, "
        f"tiến độ {num(r.progress)}"
        for r in e.periods
    )
    for p in e.points:
        revision = f", lần sửa {p.revision}" if p.revision else ""
        lines.append(f"Số liệu {p.period}: {num(p.value)} — {p.source}{revision}")
    lines.extend(f"Ghi chú: {note}" for note in e.notes)
    return lines


# -- tables ----------------------------------------------------------------------------------


class _Column:
    def __init__(self, heading: str, *, right: bool = False) -> None:
        self.heading = heading
        self.right = right


def _paint(text: str, code: str | None) -> str:
    return f"\x1b[{code}m{text}{_RESET}" if code else text


def _render(
    columns: Sequence[_Column],
    rows: Sequence[Sequence[list[str]]],
    colours: Sequence[Sequence[str | None]],
    indent: str,
) -> list[str]:
    """Rows of cells (each cell a list of lines) as aligned text; colours are per cell."""
    widths = [display_width(c.heading) for c in columns]
    for row in rows:
        for i, cell in enumerate(row):
            widths[i] = max(widths[i], *(display_width(line) for line in cell))

    def line(cells: Sequence[str], paints: Sequence[str | None]) -> str:
        parts = []
        for i, (text, column) in enumerate(zip(cells, columns, strict=True)):
            fill = " " * (widths[i] - display_width(text))
            body = _paint(text, paints[i]) if text else text
            parts.append(fill + body if column.right else body + fill)
        return (indent + _GAP.join(parts)).rstrip()

    no_paint: list[str | None] = [None] * len(columns)
    out = [line([c.heading for c in columns], no_paint)]
    out.append(indent + _GAP.join("-" * w for w in widths))
    for row, paints in zip(rows, colours, strict=True):
        height = max(len(cell) for cell in row)
        for k in range(height):
            out.append(line([cell[k] if k < len(cell) else "" for cell in row], paints))
    return out


def _targets_table(
    assessments: Sequence[Assessment],
    dataset: Dataset,
    *,
    colour: bool,
    explain: bool,
    categories: bool,
    indent: str,
) -> list[str]:
    columns = [
        _Column("Chỉ tiêu"),
        _Column("Thực hiện", right=True),
        _Column("Mục tiêu", right=True),
        _Column("Tiến độ", right=True),
        _Column("Kỳ vọng", right=True),
        _Column("Trạng thái"),
        _Column("Xu hướng"),
    ]
    if categories:
        columns.append(_Column("Phân loại (CAGR)"))
    rows: list[list[list[str]]] = []
    colours: list[list[str | None]] = []
    notes: list[str] = []
    for a in assessments:
        indicator = _indicator(dataset, a.indicator)
        measure = _measure(a, indicator)
        name = _name(a, indicator)
        row = [
            _wrap(name, _NAME_WIDTH),
            [_value(a.actual, measure)],
            [_target(a, measure)],
            [_share(a.progress)],
            [_share(a.expected)],
            [a.status.label],
            [a.trend.label if a.trend else _DASH],
        ]
        paint: list[str | None] = [None] * len(columns)
        if colour:
            paint[5] = STATUS_COLOURS[a.status]
        if categories:
            row.append([a.category.label if a.category else _DASH])
        rows.append(row)
        colours.append(paint)
        if a.edge is not None:
            notes.append(f"{name}: {a.edge.label}.")
        if a.missing_periods:
            periods = ", ".join(str(p) for p in a.missing_periods)
            notes.append(f"{name}: chưa có số liệu các kỳ {periods}.")
    if not rows:
        return [f"{indent}(không có chỉ tiêu nào trong nhiệm kỳ này)"]
    out = _render(columns, rows, colours, indent)
    if notes:
        out.append(f"{indent}Ghi chú:")
        out.extend(f"{indent}- {note}" for note in notes)
    if explain:
        out.append(f"{indent}Giải thích:")
        for a in assessments:
            out.append(f"{indent}* {_name(a, _indicator(dataset, a.indicator))}")
            out.extend(f"{indent}    {text}" for text in explanation_lines(a))
    return out


def _heading(s: CommuneSummary) -> str:
    score = vi_number(s.score, 1) if s.score is not None else _DASH
    coverage = _share(s.coverage).replace(",0%", "%")
    grade = s.grade.label if s.grade else _DASH
    rank = str(s.rank) if s.rank is not None else _DASH
    return (
        f"{s.name} ({s.commune}) — hạng {rank} · điểm {score} · xếp loại {grade} · "
        f"có số liệu {coverage}"
    )


def _counts(s: CommuneSummary) -> str:
    parts = [f"{s.targets} chỉ tiêu", f"đã đạt {s.met}"]
    parts.extend(f"{status.label} {n}" for status, n in s.by_status.items() if n)
    return " · ".join(parts)


def scorecard_table(
    card: Scorecard, dataset: Dataset, *, colour: bool = False, explain: bool = False
) -> str:
    """The scorecard as text for people, in Vietnamese; ``dataset`` gives names and units.

    A header, then one block per commune in rank order, then the committee's targets.
    ``colour`` adds ANSI colours to the status column (the caller decides: a terminal, and
    ``NO_COLOR`` unset); ``explain`` adds every number behind each status.

    >>> import mttq_core
    >>> ds = mttq_core.example()
    >>> text = scorecard_table(mttq_core.assess(ds, as_of="2022-04-18"), ds)
    >>> print(text.splitlines()[2])
    Nhiệm kỳ: Nhiệm kỳ 2019–2024 (2019-2024), 12/04/2019–30/04/2024
    >>> [line for line in text.splitlines() if line.startswith("Bát Tràng")]
    ['Bát Tràng (00583) — hạng 5 · điểm 85 · xếp loại Hoàn thành tốt · có số liệu 100%']
    """
    term = card.term
    method = _METHODS.get(card.method)
    categories = any(a.category is not None for a in card)
    lines = [
        card.title,
        dataset.committee.name,
        f"Nhiệm kỳ: {term.name} ({term.id}), {_date(term.start)}–{_date(term.end)}",
        f"Tính đến ngày: {_date(card.as_of)} ({card.as_of.isoformat()})",
        f"Phương pháp: {card.method}" + (f" — {method}" if method else ""),
        "",
    ]
    for s in card.communes:
        lines.append(_heading(s))
        lines.append(f"  {_counts(s)}")
        lines.extend(
            _targets_table(
                card.for_commune(s.commune),
                dataset,
                colour=colour,
                explain=explain,
                categories=categories,
                indent="  ",
            )
        )
        lines.append("")
    lines.append(f"{dataset.committee.name} — các chỉ tiêu chung")
    if card.committee:
        lines.extend(
            _targets_table(
                card.committee,
                dataset,
                colour=colour,
                explain=explain,
                categories=categories,
                indent="  ",
            )
        )
    else:
        lines.append("  (không có chỉ tiêu cấp Ủy ban trong nhiệm kỳ này)")
    return "\n".join(lines) + "\n"
