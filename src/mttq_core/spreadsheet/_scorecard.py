"""Export: a scorecard as a workbook — ranking, assessments in traffic-light colours, committee."""

from __future__ import annotations

import os
from decimal import ROUND_HALF_EVEN, Decimal
from typing import IO, Any, Final

import attrs
from openpyxl import Workbook
from openpyxl.styles import Font, PatternFill

from mttq_core.model import Dataset
from mttq_core.scoring import Assessment, Scorecard, Status

from ._cells import DATE_FORMAT, INTEGER_FORMAT, TEXT_FORMAT, exact_number, neutralise
from ._write import finish_sheet, put, style_header

__all__ = ["STATUS_COLOURS", "Table", "Value", "scorecard_tables", "write_scorecard"]

#: Fill and font colour of each status: green when met, blue on track, amber behind, red
#: not achieved, grey without data (Excel's "good / neutral / bad" cell styles).
STATUS_COLOURS: Final = {
    Status.EXCEEDED: ("63BE7B", "00391A"),
    Status.ACHIEVED: ("C6EFCE", "006100"),
    Status.ON_TRACK: ("DDEBF7", "1F4E78"),
    Status.BEHIND: ("FFEB9C", "9C5700"),
    Status.NOT_ACHIEVED: ("FFC7CE", "9C0006"),
    Status.NO_DATA: ("EDEDED", "595959"),
}
_PLACES: Final = Decimal("0.000001")
_PERCENT: Final = "0.0%"


@attrs.frozen
class Value:
    """One cell of a scorecard sheet: what it holds and how it is shown."""

    value: object
    kind: str = "text"  # text, number, whole, percent, score, date
    status: Status | None = None


@attrs.frozen
class Table:
    """One sheet of the scorecard: its name, CSV file name, headers and rows."""

    name: str
    slug: str
    headers: tuple[str, ...]
    rows: tuple[tuple[Value, ...], ...]


def _rounded(value: Decimal | None) -> Decimal | None:
    return None if value is None else value.quantize(_PLACES, rounding=ROUND_HALF_EVEN)


_ASSESSMENT_HEADERS: Final = (
    "Mã đơn vị",
    "Đơn vị",
    "Mã chỉ tiêu",
    "Chỉ tiêu",
    "Trạng thái",
    "Đạt",
    "Thực hiện",
    "So sánh",
    "Mục tiêu",
    "Tiến độ",
    "Tiến độ kỳ vọng",
    "Ngày số liệu",
    "Xu hướng",
    "Phân loại",
    "Ghi chú",
    "Kỳ thiếu số liệu",
)


def _assessment(a: Assessment, unit_name: str, dataset: Dataset) -> tuple[Value, ...]:
    try:
        indicator = dataset.indicator(a.indicator)
        name, whole = indicator.name, indicator.measure.value in ("count", "money")
    except KeyError:  # pragma: no cover - a scorecard of another dataset
        name, whole = "", False
    number = "whole" if whole else "number"
    met = None if a.met is None else ("Có" if a.met else "Không")
    return (
        Value(a.unit),
        Value(unit_name),
        Value(a.indicator),
        Value(name),
        Value(a.status.label, status=a.status),
        Value(met),
        Value(_rounded(a.actual), number),
        Value(a.comparator.value),
        Value(_rounded(a.target), number),
        Value(_rounded(a.progress), "percent"),
        Value(_rounded(a.expected), "percent"),
        Value(a.data_date, "date"),
        Value(a.trend.label if a.trend else None),
        Value(a.category.label if a.category else None),
        Value(a.edge.label if a.edge else None),
        Value("; ".join(str(p) for p in a.missing_periods) or None),
    )


def scorecard_tables(card: Scorecard, dataset: Dataset) -> tuple[Table, ...]:
    """The scorecard's sheets: ``Xếp hạng``, ``Đánh giá``, ``Ủy ban`` and ``Thông tin``."""
    names = {s.commune: s.name for s in card.communes}
    ranking = tuple(
        (
            Value(s.rank, "whole"),
            Value(s.commune),
            Value(s.name),
            Value(_rounded(s.score), "score"),
            Value(s.grade.label if s.grade else None),
            Value(_rounded(s.coverage), "percent"),
            Value(s.targets, "whole"),
            Value(s.met, "whole"),
            *(Value(s.by_status.get(status, 0), "whole", status) for status in Status),
        )
        for s in card.communes
    )
    info = (
        (Value("Tiêu đề"), Value(card.title)),
        (Value("Ủy ban"), Value(dataset.committee.name)),
        (Value("Nhiệm kỳ"), Value(f"{card.term.name} ({card.term.id})")),
        (Value("Ngày đánh giá"), Value(card.as_of, "date")),
        (Value("Phương pháp"), Value(card.method)),
        *(
            (Value("Xếp loại"), Value(f"{g.label}: từ {g.low} đến {g.high} điểm"))
            for g in card.grades.bands
        ),
    )
    return (
        Table(
            "Xếp hạng",
            "xep_hang",
            (
                "Hạng",
                "Mã",
                "Đơn vị",
                "Điểm",
                "Xếp loại",
                "Độ phủ",
                "Số mục tiêu",
                "Số mục tiêu đạt",
                *(status.label for status in Status),
            ),
            ranking,
        ),
        Table(
            "Đánh giá",
            "danh_gia",
            _ASSESSMENT_HEADERS,
            tuple(_assessment(a, names.get(a.unit, ""), dataset) for a in card.assessments),
        ),
        Table(
            "Ủy ban",
            "uy_ban",
            _ASSESSMENT_HEADERS,
            tuple(_assessment(a, dataset.committee.name, dataset) for a in card.committee),
        ),
        Table("Thông tin", "thong_tin", ("Mục", "Giá trị"), info),
    )


def _cell(value: Value) -> tuple[object, str]:
    raw = value.value
    if value.kind == "date":
        return raw, DATE_FORMAT
    if isinstance(raw, Decimal | int) and not isinstance(raw, bool):
        if not exact_number(raw):
            return f"{raw:f}" if isinstance(raw, Decimal) else str(raw), TEXT_FORMAT
        number: object = int(raw) if raw == int(raw) else float(raw)
        formats = {"whole": INTEGER_FORMAT, "percent": _PERCENT, "score": "0.0"}
        return number, formats.get(value.kind, "General")
    return neutralise(str(raw)), TEXT_FORMAT


def write_scorecard(
    card: Scorecard, dataset: Dataset, target: str | os.PathLike[str] | IO[bytes]
) -> None:
    """Write a scorecard as a workbook for people.

    ``Xếp hạng`` ranks the communes (score, grade, coverage, counts per status);
    ``Đánh giá`` has one row per commune and target, its status in traffic-light colours
    (``STATUS_COLOURS``); ``Ủy ban`` the committee's targets; ``Thông tin`` the title,
    term, date, method and grade bands. Numbers are rounded half-even to 6 places as in
    the JSON output; progress is shown as a percentage. Every text cell is neutralised
    against formula injection.

    >>> import io, mttq_core
    >>> ds = mttq_core.example()
    >>> write_scorecard(mttq_core.assess(ds, as_of="2022-04-18"), ds, io.BytesIO())
    """
    workbook = Workbook()
    first: Any = workbook.active
    workbook.remove(first)
    for table in scorecard_tables(card, dataset):
        ws = workbook.create_sheet(table.name)
        style_header(ws, table.headers)
        widths = [len(h) for h in table.headers]
        for number, row in enumerate(table.rows, start=2):
            for index, value in enumerate(row, start=1):
                if value.value is None:
                    continue
                shown, number_format = _cell(value)
                width = put(ws, number, index, shown, number_format)
                widths[index - 1] = max(widths[index - 1], width)
                if value.status is not None and (value.kind == "text" or value.value):
                    fill, font = STATUS_COLOURS[value.status]
                    cell = ws.cell(row=number, column=index)
                    cell.fill = PatternFill("solid", fgColor=fill)
                    cell.font = Font(color=font, bold=value.kind == "text")
        finish_sheet(ws, widths)
    workbook.save(target)
