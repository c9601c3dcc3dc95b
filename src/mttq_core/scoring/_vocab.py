"""The vocabularies of an assessment: status, trend, edge and growth category."""

from __future__ import annotations

from mttq_core.model import LabeledEnum

__all__ = ["Category", "Edge", "Status", "Trend"]


class Status(LabeledEnum):
    """How a commune stands toward one target (SPEC §3.4)."""

    EXCEEDED = "exceeded", "Vượt chỉ tiêu"
    ACHIEVED = "achieved", "Đạt"
    ON_TRACK = "on_track", "Đúng tiến độ"
    BEHIND = "behind", "Chậm tiến độ"
    NOT_ACHIEVED = "not_achieved", "Không đạt"
    NO_DATA = "no_data", "Chưa có số liệu"

    @property
    def rank(self) -> int | None:
        """Order from worst (0) to best (4); ``None`` for ``no_data``, which has no place."""
        return _RANKS.get(self)

    @property
    def met(self) -> bool:
        """Whether the status counts as met (exceeded or achieved)."""
        return self in (Status.EXCEEDED, Status.ACHIEVED)


_RANKS = {
    Status.NOT_ACHIEVED: 0,
    Status.BEHIND: 1,
    Status.ON_TRACK: 2,
    Status.ACHIEVED: 3,
    Status.EXCEEDED: 4,
}


class Trend(LabeledEnum):
    """The latest counted value against the previous one, in the desired direction."""

    IMPROVING = "improving", "Cải thiện"
    WORSENING = "worsening", "Đi xuống"
    STEADY = "steady", "Không đổi"


class Edge(LabeledEnum):
    """Why a number is undefined or partial: reported, never papered over (SPEC §3.3, §3.5)."""

    NO_BASELINE = "no_baseline", "Chỉ tiêu giảm chưa có giá trị xuất phát"
    MET_AT_BASELINE = "met_at_baseline", "Đã đạt ngay từ giá trị xuất phát"
    ZERO_GAP = "zero_gap", "Chỉ tiêu bằng giá trị xuất phát"
    INCOMPLETE_DATA = "incomplete_data", "Thiếu số liệu một số kỳ"
    TOO_FEW_YEARS = "too_few_years", "Chưa đủ một năm số liệu để tính tốc độ tăng"
    NON_POSITIVE_VALUE = "non_positive_value", "Giá trị bằng 0 hoặc âm, không tính được tốc độ tăng"
    ZERO_REQUIRED_GROWTH = "zero_required_growth", "Chỉ tiêu bằng giá trị gốc"
    NO_TIME_LEFT = "no_time_left", "Năm chỉ tiêu không sau năm gốc"


class Category(LabeledEnum):
    """The Open SDG progress category of the ``cagr`` method (SPEC §3.5)."""

    TARGET_ACHIEVED = "target_achieved", "Đã đạt chỉ tiêu"
    ON_TRACK = "on_track", "Đúng tiến độ"
    PROGRESS_NEEDS_ACCELERATION = "progress_needs_acceleration", "Cần đẩy nhanh tiến độ"
    LIMITED_PROGRESS = "limited_progress", "Tiến bộ hạn chế"
    DETERIORATION = "deterioration", "Đi xuống"
