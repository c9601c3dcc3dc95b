"""Closed vocabularies of the domain, each member with its English id and Vietnamese label."""

from __future__ import annotations

from enum import StrEnum
from typing import Self, TypeVar, cast

__all__ = [
    "Accumulation",
    "AcrossUnits",
    "CommuneKind",
    "Comparator",
    "Direction",
    "DisclosureChannel",
    "FundKind",
    "LabeledEnum",
    "Measure",
    "ReceiptForm",
    "SessionStatus",
]


class LabeledEnum(StrEnum):
    """A string enum whose members also carry a Vietnamese ``label``.

    >>> Measure.PERCENT.value, Measure.PERCENT.label
    ('percent', 'Tỷ lệ phần trăm')
    >>> Measure("count") is Measure.COUNT
    True
    """

    label: str

    def __new__(cls, value: str, label: str) -> Self:
        member = str.__new__(cls, value)
        member._value_ = value
        member.label = label
        return member

    def __str__(self) -> str:
        return str(self.value)

    @classmethod
    def allowed(cls) -> str:
        """The allowed ids, for error messages: ``'a', 'b' or 'c'``."""
        values = [repr(m.value) for m in cls]
        return ", ".join(values[:-1]) + " or " + values[-1] if len(values) > 1 else values[0]


class Measure(LabeledEnum):
    """What an indicator's value is (SPEC §2.1)."""

    PERCENT = "percent", "Tỷ lệ phần trăm"
    COUNT = "count", "Số lượng"
    MONEY = "money", "Số tiền (đồng)"
    QUANTITY = "quantity", "Đại lượng"
    BOOLEAN = "boolean", "Có/Không"
    CHECKLIST = "checklist", "Danh mục tiêu chí"


class Direction(LabeledEnum):
    """Which way is better."""

    INCREASE = "increase", "Càng cao càng tốt"
    DECREASE = "decrease", "Càng thấp càng tốt"


class Accumulation(LabeledEnum):
    """How one commune's observations within a term combine."""

    LATEST = "latest", "Giá trị kỳ gần nhất"
    SUM = "sum", "Cộng dồn cả nhiệm kỳ"
    EACH_PERIOD = "each_period", "Hằng năm (từng kỳ)"
    MEAN = "mean", "Bình quân các kỳ"


class AcrossUnits(LabeledEnum):
    """How commune values combine into the committee's value for one period."""

    SUM = "sum", "Tổng các đơn vị"
    RATIO = "ratio", "Tỷ lệ chung (tổng tử số / tổng mẫu số)"
    MEAN = "mean", "Bình quân các đơn vị"
    SHARE_MET = "share_met", "Tỷ lệ đơn vị đạt chỉ tiêu"


class Comparator(LabeledEnum):
    """How an actual value is compared with a target value."""

    GE = ">=", "Từ … trở lên (ít nhất)"
    GT = ">", "Trên (hơn)"
    LE = "<=", "Xuống còn (không quá)"
    LT = "<", "Dưới"

    @property
    def direction(self) -> Direction:
        """The direction this comparator implies: ``>=``/``>`` mean more is better."""
        return Direction.INCREASE if self in (Comparator.GE, Comparator.GT) else Direction.DECREASE


class CommuneKind(LabeledEnum):
    """Kinds of commune-level units."""

    XA = "xa", "Xã"
    PHUONG = "phuong", "Phường"
    THI_TRAN = "thi_tran", "Thị trấn"
    DAC_KHU = "dac_khu", "Đặc khu"


class SessionStatus(LabeledEnum):
    """Whether a working session has been held or is planned."""

    HELD = "held", "Đã làm việc"
    PLANNED = "planned", "Dự kiến"


class FundKind(LabeledEnum):
    """Kinds of funds run by Front committees."""

    VI_NGUOI_NGHEO = "vi_nguoi_ngheo", "Quỹ “Vì người nghèo”"
    CUU_TRO = "cuu_tro", "Quỹ Cứu trợ"
    COVID19 = "covid19", "Quỹ phòng, chống dịch Covid-19"
    AN_SINH_XA_HOI = "an_sinh_xa_hoi", "Quỹ An sinh xã hội"
    DEN_ON_DAP_NGHIA = "den_on_dap_nghia", "Quỹ “Đền ơn đáp nghĩa”"
    OTHER = "other", "Quỹ khác"


class ReceiptForm(LabeledEnum):
    """How a receipt came in."""

    CASH = "cash", "Tiền mặt"
    TRANSFER = "transfer", "Chuyển khoản"
    IN_KIND = "in_kind", "Hiện vật"


class DisclosureChannel(LabeledEnum):
    """Where a fund's receipts and disbursements were made public (NĐ 93/2021, Điều 14)."""

    WEBSITE = "website", "Trang thông tin điện tử"
    NOTICE_BOARD = "notice_board", "Niêm yết tại trụ sở"
    MEDIA = "media", "Phương tiện thông tin đại chúng"
    WRITTEN_NOTICE = "written_notice", "Thông báo bằng văn bản"


E = TypeVar("E", bound=LabeledEnum)


def _convert(enum: type[E], value: E | str) -> E:
    """Turn a valid id into the enum member; leave anything else for the entity's check."""
    if isinstance(value, str) and not isinstance(value, enum):
        member = enum._value2member_map_.get(value)
        if member is not None:
            return cast("E", member)
    return cast("E", value)


def to_measure(value: Measure | str) -> Measure:
    """Converter for a ``measure`` field."""
    return _convert(Measure, value)


def to_direction(value: Direction | str) -> Direction:
    """Converter for a ``direction`` field."""
    return _convert(Direction, value)


def to_accumulation(value: Accumulation | str) -> Accumulation:
    """Converter for an ``accumulation`` field."""
    return _convert(Accumulation, value)


def to_across_units(value: AcrossUnits | str | None) -> AcrossUnits | None:
    """Converter for an optional ``across_units`` field."""
    return None if value is None else _convert(AcrossUnits, value)


def to_comparator(value: Comparator | str) -> Comparator:
    """Converter for a ``comparator`` field."""
    return _convert(Comparator, value)


def to_commune_kind(value: CommuneKind | str) -> CommuneKind:
    """Converter for a commune's ``kind``."""
    return _convert(CommuneKind, value)


def to_session_status(value: SessionStatus | str) -> SessionStatus:
    """Converter for a session's ``status``."""
    return _convert(SessionStatus, value)


def to_fund_kind(value: FundKind | str) -> FundKind:
    """Converter for a fund's ``kind``."""
    return _convert(FundKind, value)


def to_receipt_form(value: ReceiptForm | str) -> ReceiptForm:
    """Converter for a receipt's ``form``."""
    return _convert(ReceiptForm, value)


def to_disclosure_channel(value: DisclosureChannel | str) -> DisclosureChannel:
    """Converter for a disclosure's ``channel``."""
    return _convert(DisclosureChannel, value)
