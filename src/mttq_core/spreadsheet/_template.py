"""The workbook template: its sheets, their Vietnamese headers and each column's JSON key.

The template is data, read by both directions: export fills it from a dataset's JSON shape,
import reads it back into that shape. Nothing here touches openpyxl.
"""

from __future__ import annotations

import difflib
import enum
import unicodedata
from collections.abc import Iterable, Iterator
from typing import Final

import attrs

from mttq_core.model import (
    Accumulation,
    AcrossUnits,
    CommuneKind,
    Comparator,
    Direction,
    DisclosureChannel,
    FundKind,
    LabeledEnum,
    Measure,
    ReceiptForm,
    SessionStatus,
)
from mttq_core.model._fund import ENTRY_TYPES

__all__ = [
    "INFO",
    "INFO_HEADERS",
    "INFO_ROWS",
    "SHEETS",
    "SHEET_NAMES",
    "Column",
    "InfoRow",
    "Kind",
    "Sheet",
    "fold",
    "iter_columns",
    "sheet_named",
    "suggest",
]


class Kind(enum.Enum):
    """What a column holds, which decides how a cell is read and written."""

    TEXT = "text"  # a text cell
    DATE = "date"  # a date cell, or YYYY-MM-DD text
    PERIOD = "period"  # text such as 2021, 2021-Q3; a whole number is a year
    INT = "int"  # a whole number
    DECIMAL = "decimal"  # a number
    VALUE = "value"  # a number or TRUE/FALSE: an observation's or a target's value
    IDS = "ids"  # ids separated by ';'
    CRITERIA = "criteria"  # a checklist's criterion ids met, separated by ';'


@attrs.frozen
class Column:
    """One column: its Vietnamese header, the JSON key it fills, and what it holds.

    ``key`` is dotted for nested objects (``baseline.value``) and empty for a list of texts
    (a session's findings). A ``parent`` column names the row of the parent sheet that a
    child row belongs to (its key is the parent's field). ``entry_types`` lists the ledger
    entry types that use a column of ``Sổ quỹ``.
    """

    header: str
    key: str
    kind: Kind = Kind.TEXT
    required: bool = False
    choices: tuple[str, ...] = ()
    parent: bool = False
    entry_types: frozenset[str] = frozenset()


@attrs.frozen
class Sheet:
    """One table sheet: header in row 1, one row per item of a JSON list."""

    name: str
    slug: str  # the CSV file name, without ``.csv``
    path: str  # the JSON list it holds, for documentation
    columns: tuple[Column, ...]
    required: bool = False
    parent: str | None = None  # the parent sheet's name (child sheets)
    into: str = ""  # the parent's dotted list key the rows go into

    @property
    def parent_columns(self) -> tuple[Column, ...]:
        """The columns naming the parent row."""
        return tuple(c for c in self.columns if c.parent)

    @property
    def headers(self) -> tuple[str, ...]:
        """The headers in template order."""
        return tuple(c.header for c in self.columns)


@attrs.frozen
class InfoRow:
    """One row of the key/value sheet ``Thông tin``."""

    label: str
    key: str
    required: bool = False


def _ids(cls: type[LabeledEnum]) -> tuple[str, ...]:
    return tuple(m.value for m in cls)


def _text(header: str, key: str, *, required: bool = False) -> Column:
    return Column(header, key, Kind.TEXT, required=required)


def _date(header: str, key: str, *, required: bool = False) -> Column:
    return Column(header, key, Kind.DATE, required=required)


def _choice(header: str, key: str, cls: type[LabeledEnum], *, required: bool = True) -> Column:
    return Column(header, key, Kind.TEXT, required=required, choices=_ids(cls))


def _parent(header: str, key: str = "id") -> Column:
    return Column(header, key, Kind.TEXT, required=True, parent=True)


#: The key/value sheet: top-level text of the dataset and its committee.
INFO: Final = "Thông tin"
INFO_HEADERS: Final = ("Mục", "Giá trị")
INFO_ROWS: Final = (
    InfoRow("Định dạng", "format", required=True),
    InfoRow("Tiêu đề", "title", required=True),
    InfoRow("Tên Ủy ban", "committee.name", required=True),
    InfoRow("Mã đơn vị hành chính của Ủy ban", "committee.unit_code"),
    InfoRow("Ghi chú", "notes"),
)

_OBSERVATION_COLUMNS: Final = (
    _text("Đơn vị", "commune", required=True),
    _text("Chỉ tiêu", "indicator", required=True),
    Column("Kỳ", "period", Kind.PERIOD, required=True),
    Column("Giá trị", "value", Kind.VALUE),
    Column("Tử số", "numerator", Kind.INT),
    Column("Mẫu số", "denominator", Kind.INT),
    _text("Nguồn", "source", required=True),
    _date("Ngày báo cáo", "reported_on"),
    Column("Lần sửa", "revision", Kind.INT),
    Column("Tiêu chí đạt", "value", Kind.CRITERIA),
)

_PLEDGE, _RECEIPT, _DISBURSEMENT, _DISCLOSURE = (
    frozenset({"pledge"}),
    frozenset({"receipt"}),
    frozenset({"disbursement"}),
    frozenset({"disclosure"}),
)

#: Every table sheet, in workbook order (``Thông tin`` comes first).
SHEETS: Final = (
    Sheet(
        "Chủ đề",
        "chu_de",
        "topics",
        (_text("Mã", "id", required=True), _text("Tên", "name", required=True)),
    ),
    Sheet(
        "Nhiệm kỳ",
        "nhiem_ky",
        "terms",
        (
            _text("Mã", "id", required=True),
            _text("Tên", "name", required=True),
            _date("Bắt đầu", "start", required=True),
            _date("Kết thúc", "end", required=True),
            _text("Nghị quyết", "resolution"),
        ),
        required=True,
    ),
    Sheet(
        "Đơn vị",
        "don_vi",
        "communes",
        (
            _text("Mã", "code", required=True),
            _text("Tên", "name", required=True),
            _choice("Loại", "kind", CommuneKind),
            _text("Mã huyện", "district_code"),
            _text("Mã tỉnh", "province_code"),
            _date("Hiệu lực từ", "valid_from"),
            _date("Hiệu lực đến", "valid_to"),
        ),
        required=True,
    ),
    Sheet(
        "Chỉ tiêu",
        "chi_tieu",
        "indicators",
        (
            _text("Mã", "id", required=True),
            _text("Tên", "name", required=True),
            _choice("Đo lường", "measure", Measure),
            _text("Đơn vị tính", "unit"),
            _choice("Chiều", "direction", Direction),
            _choice("Cộng dồn", "accumulation", Accumulation),
            _choice("Tổng hợp", "across_units", AcrossUnits, required=False),
            Column("Trọng số", "weight", Kind.DECIMAL),
            _text("Nhóm", "group"),
        ),
        required=True,
    ),
    Sheet(
        "Tiêu chí",
        "tieu_chi",
        "indicators[].criteria",
        (
            _parent("Chỉ tiêu"),
            _text("Mã", "id", required=True),
            _text("Tên", "name", required=True),
        ),
        parent="Chỉ tiêu",
        into="criteria",
    ),
    Sheet(
        "Mục tiêu",
        "muc_tieu",
        "targets",
        (
            _text("Nhiệm kỳ", "term", required=True),
            _text("Chỉ tiêu", "indicator", required=True),
            _text("Phạm vi", "scope", required=True),
            _choice("So sánh", "comparator", Comparator),
            Column("Giá trị", "value", Kind.VALUE),
            Column("Giá trị nền", "baseline.value", Kind.VALUE),
            _date("Ngày nền", "baseline.date"),
            Column("Tiêu chí đạt nền", "baseline.value", Kind.CRITERIA),
        ),
    ),
    Sheet(
        "Mốc",
        "moc",
        "targets[].milestones",
        (
            _parent("Nhiệm kỳ", "term"),
            _parent("Chỉ tiêu", "indicator"),
            _parent("Phạm vi", "scope"),
            Column("Kỳ", "period", Kind.PERIOD, required=True),
            Column("Giá trị", "value", Kind.VALUE, required=True),
        ),
        parent="Mục tiêu",
        into="milestones",
    ),
    Sheet("Số liệu", "so_lieu", "observations", _OBSERVATION_COLUMNS),
    Sheet(
        "Buổi làm việc",
        "buoi_lam_viec",
        "working_sessions",
        (
            _text("Mã", "id", required=True),
            _date("Ngày", "date", required=True),
            _text("Đơn vị", "commune", required=True),
            _text("Nhiệm kỳ", "term", required=True),
            _choice("Trạng thái", "status", SessionStatus, required=False),
            Column("Nội dung", "topics", Kind.IDS, required=True),
            _text("Trưởng đoàn", "delegation.head.name", required=True),
            _text("Chức vụ trưởng đoàn", "delegation.head.title", required=True),
            _text("Ghi chú", "notes"),
        ),
    ),
    Sheet(
        "Thành viên đoàn",
        "thanh_vien_doan",
        "working_sessions[].delegation.members",
        (
            _parent("Buổi làm việc"),
            _text("Họ tên", "name", required=True),
            _text("Chức vụ", "title", required=True),
        ),
        parent="Buổi làm việc",
        into="delegation.members",
    ),
    Sheet(
        "Nhận định",
        "nhan_dinh",
        "working_sessions[].findings",
        (_parent("Buổi làm việc"), _text("Nội dung", "", required=True)),
        parent="Buổi làm việc",
        into="findings",
    ),
    Sheet(
        "Kiến nghị",
        "kien_nghi",
        "working_sessions[].recommendations",
        (
            _parent("Buổi làm việc"),
            _text("Mã", "id", required=True),
            _text("Nội dung", "text", required=True),
        ),
        parent="Buổi làm việc",
        into="recommendations",
    ),
    Sheet(
        "Kết luận",
        "ket_luan",
        "working_sessions[].conclusions",
        (
            _parent("Buổi làm việc"),
            _text("Mã", "id", required=True),
            _text("Nội dung", "text", required=True),
            _date("Hạn", "due"),
            Column("Chỉ tiêu liên quan", "indicators", Kind.IDS),
            _date("Ngày hoàn thành", "done_on"),
        ),
        parent="Buổi làm việc",
        into="conclusions",
    ),
    Sheet(
        "Số liệu buổi làm việc",
        "so_lieu_buoi_lam_viec",
        "working_sessions[].observations",
        (_parent("Buổi làm việc"), *_OBSERVATION_COLUMNS),
        parent="Buổi làm việc",
        into="observations",
    ),
    Sheet(
        "Quỹ",
        "quy",
        "funds",
        (
            _text("Mã", "id", required=True),
            _text("Tên", "name", required=True),
            _choice("Loại", "kind", FundKind),
            _text("Chủ quỹ", "owner", required=True),
            _date("Ngày lập", "opened_on", required=True),
            Column("Số dư đầu kỳ", "opening_balance", Kind.INT),
            _text("Cấp số liệu cho chỉ tiêu", "feeds"),
        ),
    ),
    Sheet(
        "Sổ quỹ",
        "so_quy",
        "funds[].entries",
        (
            _parent("Quỹ"),
            Column("Loại bút toán", "type", Kind.TEXT, required=True, choices=tuple(ENTRY_TYPES)),
            _text("Mã", "id", required=True),
            _date("Ngày", "date", required=True),
            Column(
                "Số tiền",
                "amount",
                Kind.INT,
                entry_types=_PLEDGE | _RECEIPT | _DISBURSEMENT,
            ),
            Column("Người ủng hộ", "donor", entry_types=_PLEDGE | _RECEIPT),
            Column("Hình thức", "form", choices=_ids(ReceiptForm), entry_types=_RECEIPT),
            Column("Diễn giải", "description", entry_types=_RECEIPT),
            Column("Theo cam kết", "pledge", entry_types=_RECEIPT),
            Column("Người nhận", "beneficiary", entry_types=_DISBURSEMENT),
            Column("Nội dung chi", "purpose", entry_types=_DISBURSEMENT),
            Column("Kỳ công khai", "period", Kind.PERIOD, entry_types=_DISCLOSURE),
            Column(
                "Kênh công khai",
                "channel",
                choices=_ids(DisclosureChannel),
                entry_types=_DISCLOSURE,
            ),
        ),
        parent="Quỹ",
        into="entries",
    ),
)

#: Every sheet name in workbook order.
SHEET_NAMES: Final = (INFO, *(s.name for s in SHEETS))


def fold(text: str) -> str:
    """How headers, labels and sheet names are compared: NFC, case-folded, spaces collapsed.

    >>> fold("  Giá   TRỊ ") == fold("giá trị")
    True
    """
    return " ".join(unicodedata.normalize("NFC", text).casefold().split())


def _bare(text: str) -> str:
    """Folded and without diacritics: how a name typed without accents is recognised."""
    decomposed = unicodedata.normalize("NFD", fold(text).replace("đ", "d"))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def suggest(text: str, names: Iterable[str]) -> str | None:
    """The name ``text`` was probably meant to be (for "did you mean"), or ``None``.

    >>> suggest("Gia tri", ["Kỳ", "Giá trị"]), suggest("Quy", ["Quỹ", "Sổ quỹ"])
    ('Giá trị', 'Quỹ')
    >>> suggest("Ghi chú riêng", ["Kỳ", "Giá trị"]) is None
    True
    """
    by_bare = {_bare(n): n for n in names}
    close = difflib.get_close_matches(_bare(text), list(by_bare), n=1, cutoff=0.75)
    return by_bare[close[0]] if close else None


def sheet_named(name: str) -> Sheet:
    """The table sheet called ``name``; ``KeyError`` if there is none."""
    for sheet in SHEETS:
        if sheet.name == name:
            return sheet
    raise KeyError(name)


def iter_columns() -> Iterator[tuple[Sheet, Column]]:
    """Every column of every table sheet."""
    for sheet in SHEETS:
        for column in sheet.columns:
            yield sheet, column
