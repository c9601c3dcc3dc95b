"""Working sessions (buổi làm việc) of a delegation with a commune's standing committee."""

from __future__ import annotations

from typing import Any

import attrs
import pendulum

from ._enums import SessionStatus, to_session_status
from ._errors import Problems
from ._observation import Observation
from ._values import (
    check_date,
    check_enum,
    check_instance,
    check_items,
    check_text,
    to_date,
    to_optional_date,
    to_optional_text,
    to_text,
)

__all__ = [
    "BUILTIN_TOPICS",
    "Conclusion",
    "Delegation",
    "Person",
    "Recommendation",
    "WorkingSession",
]

#: The built-in topic vocabulary (SPEC §2.3): id → Vietnamese label.
BUILTIN_TOPICS: dict[str, str] = {
    "congress_targets": "Thực hiện các chỉ tiêu Nghị quyết Đại hội",
    "annual_programme": "Chương trình công tác năm",
    "people_inspection": "Ban Thanh tra nhân dân",
    "community_investment_supervision": "Ban Giám sát đầu tư của cộng đồng",
    "creative_solidarity": "Phong trào thi đua “Đoàn kết sáng tạo”",
    "ntm_dtvm_campaign": (
        "Cuộc vận động “Toàn dân đoàn kết xây dựng nông thôn mới, đô thị văn minh”"
    ),
    "covid19": "Phòng, chống dịch Covid-19",
    "funds": "Vận động, quản lý và sử dụng các loại Quỹ",
    "poverty_reduction": "Giảm nghèo",
    "supervision_critique": "Giám sát và phản biện xã hội",
    "policy_conditions": "Cơ chế chính sách, điều kiện hoạt động của Mặt trận",
    "political_system_relations": "Quan hệ công tác trong hệ thống chính trị",
    "elections": "Bầu cử trưởng thôn, tổ trưởng tổ dân phố",
    "other": "Khác",
}


def _tuple(value: Any) -> Any:
    return tuple(value) if isinstance(value, list) else value


def _texts(value: Any) -> Any:
    value = _tuple(value)
    return tuple(to_text(v) for v in value) if isinstance(value, tuple) else value


@attrs.frozen(kw_only=True)
class Person:
    """A delegation member: name and title (chức vụ)."""

    name: str = attrs.field(converter=to_text)
    title: str = attrs.field(converter=to_text)

    def __attrs_post_init__(self) -> None:
        p = Problems()
        check_text(p, "$.name", self.name)
        check_text(p, "$.title", self.title)
        p.raise_if_any()


@attrs.frozen(kw_only=True)
class Delegation:
    """The visiting delegation (đoàn công tác): its head and members."""

    head: Person
    members: tuple[Person, ...] = attrs.field(default=(), converter=_tuple)

    def __attrs_post_init__(self) -> None:
        p = Problems()
        check_instance(p, "$.head", self.head, Person, "a person {name, title}")
        check_items(p, "$.members", self.members, Person, "a person {name, title}")
        p.raise_if_any()


@attrs.frozen(kw_only=True)
class Recommendation:
    """A recommendation or proposal (kiến nghị, đề xuất) raised by the commune."""

    id: str = attrs.field(converter=to_text)
    text: str = attrs.field(converter=to_text)

    def __attrs_post_init__(self) -> None:
        p = Problems()
        check_text(p, "$.id", self.id)
        check_text(p, "$.text", self.text)
        p.raise_if_any()


@attrs.frozen(kw_only=True)
class Conclusion:
    """A conclusion (kết luận) of the delegation, with its deadline and follow-up."""

    id: str = attrs.field(converter=to_text)
    text: str = attrs.field(converter=to_text)
    due: pendulum.Date | None = attrs.field(default=None, converter=to_optional_date)
    indicators: tuple[str, ...] = attrs.field(default=(), converter=_texts)
    done_on: pendulum.Date | None = attrs.field(default=None, converter=to_optional_date)

    def __attrs_post_init__(self) -> None:
        p = Problems()
        check_text(p, "$.id", self.id)
        check_text(p, "$.text", self.text)
        check_date(p, "$.due", self.due, required=False)
        check_date(p, "$.done_on", self.done_on, required=False)
        if check_items(p, "$.indicators", self.indicators, str, "indicator ids"):
            seen: set[str] = set()
            for i, ind in enumerate(self.indicators):
                if ind in seen:
                    p.add(f"$.indicators[{i}]", f"indicator {ind!r} is listed twice")
                seen.add(ind)
        p.raise_if_any()


@attrs.frozen(kw_only=True)
class WorkingSession:
    """A working session held (or planned) by a delegation with one commune.

    >>> s = WorkingSession(
    ...     id="2022-04-18-bat-trang", date=pendulum.Date(2022, 4, 18), commune="00583",
    ...     term="2019-2024", topics=["congress_targets", "annual_programme"],
    ...     delegation=Delegation(head=Person(name="Hoàng Anh Tú",
    ...                                       title="Chủ tịch Ủy ban MTTQ Việt Nam huyện")))
    >>> s.status.label
    'Đã làm việc'
    """

    id: str = attrs.field(converter=to_text)
    date: pendulum.Date = attrs.field(converter=to_date)
    commune: str = attrs.field(converter=to_text)
    term: str = attrs.field(converter=to_text)
    topics: tuple[str, ...] = attrs.field(converter=_texts)
    delegation: Delegation
    status: SessionStatus = attrs.field(default=SessionStatus.HELD, converter=to_session_status)
    findings: tuple[str, ...] = attrs.field(default=(), converter=_texts)
    recommendations: tuple[Recommendation, ...] = attrs.field(default=(), converter=_tuple)
    conclusions: tuple[Conclusion, ...] = attrs.field(default=(), converter=_tuple)
    observations: tuple[Observation, ...] = attrs.field(default=(), converter=_tuple)
    notes: str | None = attrs.field(default=None, converter=to_optional_text)

    def __attrs_post_init__(self) -> None:
        p = Problems()
        check_text(p, "$.id", self.id)
        date_ok = check_date(p, "$.date", self.date)
        check_text(p, "$.commune", self.commune)
        check_text(p, "$.term", self.term)
        check_text(p, "$.notes", self.notes, required=False)
        status_ok = check_enum(p, "$.status", self.status, SessionStatus)
        check_instance(
            p, "$.delegation", self.delegation, Delegation, "a delegation {head, members}"
        )
        if check_items(p, "$.topics", self.topics, str, "topic ids"):
            if not self.topics:
                p.add("$.topics", "a session needs at least one topic")
            seen: set[str] = set()
            for i, topic in enumerate(self.topics):
                if topic in seen:
                    p.add(f"$.topics[{i}]", f"topic {topic!r} is listed twice")
                seen.add(topic)
        if check_items(p, "$.findings", self.findings, str, "texts"):
            for i, text in enumerate(self.findings):
                check_text(p, f"$.findings[{i}]", text)
        recs_ok = check_items(
            p,
            "$.recommendations",
            self.recommendations,
            Recommendation,
            "a recommendation {id, text}",
        )
        concl_ok = check_items(
            p, "$.conclusions", self.conclusions, Conclusion, "a conclusion {id, text, …}"
        )
        obs_ok = check_items(p, "$.observations", self.observations, Observation, "an observation")
        if recs_ok and concl_ok:
            self._check_ids(p)
        if date_ok and concl_ok:
            for i, c in enumerate(self.conclusions):
                for name in ("due", "done_on"):
                    day = getattr(c, name)
                    if day is not None and day < self.date:
                        p.add(
                            f"$.conclusions[{i}].{name}",
                            f"{day.isoformat()} is before the session ({self.date.isoformat()}); "
                            f"{name} must be on or after the session date",
                        )
        if status_ok and self.status is SessionStatus.PLANNED:
            for name in ("findings", "recommendations", "conclusions", "observations"):
                if getattr(self, name) and (obs_ok or name != "observations"):
                    p.add(
                        f"$.{name}",
                        f"a planned session has no {name} yet; set status to 'held' "
                        "once the session took place",
                    )
        p.raise_if_any()

    def _check_ids(self, p: Problems) -> None:
        seen: dict[str, str] = {}
        labelled: list[tuple[str, tuple[Recommendation | Conclusion, ...]]] = [
            ("recommendations", self.recommendations),
            ("conclusions", self.conclusions),
        ]
        for kind, items in labelled:
            for i, item in enumerate(items):
                if item.id in seen:
                    p.add(
                        f"$.{kind}[{i}].id",
                        f"id {item.id!r} is already used by {seen[item.id]}; ids are unique "
                        "within a session",
                    )
                else:
                    seen[item.id] = f"{kind}[{i}]"
