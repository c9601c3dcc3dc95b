"""The brief's content as neutral blocks: both renderers (Markdown, HTML) draw the same ones."""

from __future__ import annotations

from typing import TYPE_CHECKING, Final, TypeAlias

import attrs
import pendulum

from mttq_core.followup import ConclusionStatus, FollowUp
from mttq_core.model import Commune, CommuneKind, WorkingSession, format_dong
from mttq_core.report._numbers import vi_number
from mttq_core.report._table import _measure, _share, _target, _value

if TYPE_CHECKING:
    from mttq_core.ledger import Statement

    from ._document import Brief, FundSection

__all__ = ["Document", "Facts", "Items", "Para", "Section", "Table", "content", "unit_name"]

DASH: Final = "—"
_KIND_WORDS: Final = {
    CommuneKind.XA: "xã",
    CommuneKind.PHUONG: "phường",
    CommuneKind.THI_TRAN: "thị trấn",
    CommuneKind.DAC_KHU: "đặc khu",
}
_FRONT: Final = "Ủy ban MTTQ Việt Nam "
_FORMS: Final = {"cash": "tiền mặt", "transfer": "chuyển khoản", "in_kind": "hiện vật"}
_CHANNELS: Final = {
    "website": "trang thông tin điện tử",
    "notice_board": "bảng tin",
    "media": "phương tiện thông tin đại chúng",
    "written_notice": "văn bản thông báo",
}


@attrs.frozen
class Para:
    """A paragraph of text."""

    text: str


@attrs.frozen
class Items:
    """A bulleted list."""

    items: tuple[str, ...]


@attrs.frozen
class Facts:
    """Label–value pairs."""

    pairs: tuple[tuple[str, str], ...]


@attrs.frozen
class Table:
    """A table; ``right`` marks number columns, ``tones`` a status id per row (for colour).

    ``status`` is the index of the column that shows the row's status, if any.
    """

    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    right: tuple[bool, ...]
    tones: tuple[str | None, ...] = ()
    status: int | None = None


Block: TypeAlias = Para | Items | Facts | Table


@attrs.frozen
class Section:
    """A titled part of the brief; ``level`` 2 for the numbered parts, 3 within them."""

    title: str
    blocks: tuple[Block, ...]
    level: int = 2


@attrs.frozen
class Document:
    """The whole brief: title, the lines under it, the sections, the closing note."""

    title: str
    subtitle: tuple[str, ...]
    sections: tuple[Section, ...]
    footer: str


def day(value: pendulum.Date | None) -> str:
    """A date the Vietnamese way: 18/04/2022."""
    return value.format("DD/MM/YYYY") if value is not None else DASH


def unit_name(commune: Commune) -> str:
    """``xã Bát Tràng``, ``thị trấn Trâu Quỳ``."""
    return f"{_KIND_WORDS[commune.kind]} {commune.name}"


def _district(brief: Brief) -> str:
    code = brief.commune.district_code
    if code is None:
        return DASH
    committee = brief.committee
    if committee.unit_code == code and committee.name.startswith(_FRONT):
        return f"{committee.name.removeprefix(_FRONT)} (mã {code})"
    return f"mã {code}"


def _unit(brief: Brief) -> Section:
    c = brief.commune
    pairs = [
        ("Tên đơn vị", unit_name(c)),
        ("Mã đơn vị hành chính", c.code),
        ("Loại", f"{c.kind.label} ({c.kind.value})"),
        ("Cấp huyện", _district(brief)),
        ("Mã tỉnh, thành phố", c.province_code or DASH),
        (
            "Hiệu lực của mã",
            (
                f"{day(c.valid_from) if c.valid_from else '…'} – "
                f"{day(c.valid_to) if c.valid_to else '…'}"
            ),
        ),
    ]
    return Section("1. Đơn vị", (Facts(tuple(pairs)),))


def _session_lines(s: WorkingSession, labels: dict[str, str]) -> list[Block]:
    head = s.delegation.head
    facts = [
        ("Ngày", day(s.date)),
        ("Tình trạng", f"{s.status.label} ({s.status.value})"),
        ("Trưởng đoàn", f"{head.name} — {head.title}"),
    ]
    if s.delegation.members:
        facts.append(
            ("Thành viên", "; ".join(f"{m.name} — {m.title}" for m in s.delegation.members))
        )
    blocks: list[Block] = [Facts(tuple(facts)), Para("Nội dung làm việc:")]
    blocks.append(Items(tuple(f"{labels.get(t, t)} ({t})" for t in s.topics)))
    return blocks


def _session(brief: Brief) -> Section:
    s = brief.session
    if s is None:
        return Section(
            "2. Buổi làm việc",
            (
                Para(
                    f"Chưa có buổi làm việc nào với đơn vị vào ngày {day(brief.as_of)} hoặc được "
                    "dự kiến sau ngày này trong nhiệm kỳ."
                ),
            ),
        )
    blocks = _session_lines(s, brief.topic_labels)
    if brief.earlier:
        blocks.append(Para("Các buổi làm việc trước trong nhiệm kỳ:"))
        blocks.append(
            Items(
                tuple(
                    f"{day(e.date)} — trưởng đoàn {e.delegation.head.name}; "
                    f"{len(e.conclusions)} kết luận, {len(e.recommendations)} kiến nghị"
                    for e in brief.earlier
                )
            )
        )
    return Section("2. Buổi làm việc", tuple(blocks))


def _targets(brief: Brief) -> Section:
    rows: list[tuple[str, ...]] = []
    tones: list[str | None] = []
    for t in brief.targets:
        a = t.assessment
        measure = _measure(a, t.indicator)
        name = t.indicator.name
        if t.target.scope == brief.commune.code:
            name += " (chỉ tiêu riêng của đơn vị)"
        rows.append(
            (
                name,
                _value(a.actual, measure),
                _target(a, measure),
                _share(a.progress),
                _share(a.expected),
                a.status.label,
                a.trend.label if a.trend else DASH,
                day(a.data_date),
            )
        )
        tones.append(a.status.value)
    if not rows:
        return Section(
            "3. Kết quả thực hiện chỉ tiêu Nghị quyết Đại hội",
            (Para("Đơn vị không có chỉ tiêu nào trong nhiệm kỳ."),),
        )
    table = Table(
        (
            "Chỉ tiêu",
            "Thực hiện",
            "Mục tiêu",
            "Tiến độ",
            "Kỳ vọng",
            "Trạng thái",
            "Xu hướng",
            "Số liệu đến",
        ),
        tuple(rows),
        (False, True, True, True, True, False, False, False),
        tuple(tones),
        status=5,
    )
    note = Para(
        "Tiến độ: phần đã thực hiện so với mục tiêu (100% là đạt); kỳ vọng: phần lẽ ra đã "
        f"đạt được vào ngày {day(brief.as_of)} nếu tiến đều theo thời gian của nhiệm kỳ "
        f"(phương pháp {brief.method})."
    )
    return Section("3. Kết quả thực hiện chỉ tiêu Nghị quyết Đại hội", (table, note))


def _score(brief: Brief) -> Section:
    s = brief.summary
    pairs = [
        ("Điểm", f"{vi_number(s.score, 2)}/100" if s.score is not None else DASH),
        ("Xếp loại", f"{s.grade.label} ({s.grade.id})" if s.grade else DASH),
        (
            "Xếp hạng",
            f"{s.rank}/{brief.ranked} đơn vị" if s.rank is not None else "chưa xếp hạng",
        ),
        ("Chỉ tiêu đã đạt", f"{s.met}/{s.targets}"),
        ("Chỉ tiêu có số liệu", _share(s.coverage) + " (theo trọng số)"),
    ]
    counts = tuple(
        f"{status.label} ({status.value}): {n}" for status, n in s.by_status.items() if n
    )
    return Section("4. Điểm, xếp loại và xếp hạng", (Facts(tuple(pairs)), Items(counts)))


def _linked(f: FollowUp) -> str:
    parts = []
    for link in f.targets:
        if link.assessment is None:
            parts.append(f"{link.name}: không có chỉ tiêu")
        else:
            parts.append(f"{link.name}: {link.assessment.status.label}")
    return "; ".join(parts) or DASH


def _state(f: FollowUp) -> str:
    if f.status is ConclusionStatus.OVERDUE:
        return f"{f.status.label} {f.days_overdue} ngày"
    return f.status.label


def _follow_ups(brief: Brief) -> Section:
    title = "5. Kết luận của các buổi làm việc trước chưa hoàn thành"
    if not brief.follow_ups:
        text = "Không có kết luận nào còn đang thực hiện hoặc quá hạn."
        if not brief.earlier:
            text = "Chưa có buổi làm việc nào trước ngày này trong nhiệm kỳ."
        return Section(title, (Para(text),))
    rows = tuple(
        (
            day(f.session.date),
            f"{f.conclusion.id}. {f.conclusion.text}",
            day(f.due),
            _state(f),
            _linked(f),
        )
        for f in brief.follow_ups
    )
    table = Table(
        ("Buổi làm việc", "Kết luận", "Thời hạn", "Tình trạng", "Chỉ tiêu liên quan"),
        rows,
        (False, False, False, False, False),
        tuple(f.status.value for f in brief.follow_ups),
        status=3,
    )
    return Section(title, (table,))


def _statement_rows(year: Statement, previous: Statement | None) -> Table:
    current = year.rows()
    if previous is None:
        columns: tuple[str, ...] = ("Khoản", f"{day(year.start)} – {day(year.end)}")
        alone = tuple((label.strip(), amount) for label, amount in current)
        return Table(columns, alone, (False, True))
    columns = ("Khoản", f"Năm {previous.start.year}", f"{day(year.start)} – {day(year.end)}")
    rows = tuple(
        (label.strip(), before, now)
        for (label, before), (_, now) in zip(previous.rows(), current, strict=True)
    )
    return Table(columns, rows, (False, True, True))


def _fund(brief: Brief, f: FundSection) -> Section:
    blocks: list[Block] = [
        Facts(
            (
                ("Loại quỹ", f"{f.fund.kind.label} ({f.fund.kind.value})"),
                (f"Số dư cuối ngày {day(brief.as_of)}", format_dong(f.balance)),
            )
        ),
        _statement_rows(f.year, f.previous_year),
    ]
    if f.pledges:
        blocks.append(Para("Đăng ký ủng hộ chưa tiếp nhận đủ:"))
        blocks.append(
            Table(
                ("Ngày đăng ký", "Đơn vị, cá nhân", "Đăng ký", "Đã nhận", "Còn lại"),
                tuple(
                    (
                        day(o.pledge.date),
                        o.pledge.donor,
                        format_dong(o.pledge.amount),
                        format_dong(o.received),
                        format_dong(o.outstanding),
                    )
                    for o in f.pledges
                ),
                (False, False, True, True, True),
            )
        )
    else:
        blocks.append(Para("Không có đăng ký ủng hộ nào chưa tiếp nhận đủ."))
    c = f.coverage
    last = c.last_disclosure
    if last is None:
        blocks.append(Para(f"Chưa có lần công khai nào đến ngày {day(brief.as_of)}."))
    else:
        blocks.append(
            Para(
                f"Công khai gần nhất: ngày {day(last.date)}, kỳ {last.period}, qua "
                f"{_CHANNELS.get(last.channel.value, last.channel.label)}."
            )
        )
    if c.uncovered:
        blocks.append(
            Para(
                f"{len(c.uncovered)}/{c.entries} khoản thu, chi chưa được công khai "
                f"({format_dong(c.uncovered_amount)}); {len(c.late)} khoản quá "
                f"{c.window_days} ngày:"
            )
        )
        blocks.append(
            Table(
                ("Ngày", "Khoản", "Số tiền", "Số ngày chưa công khai"),
                tuple(
                    (
                        day(u.entry.date),
                        _entry_text(u.entry),
                        format_dong(u.entry.amount),
                        f"{u.age_days}" + (" (quá hạn)" if u.late else ""),
                    )
                    for u in c.uncovered
                ),
                (False, False, True, True),
            )
        )
    else:
        blocks.append(Para(f"Mọi khoản thu, chi đến ngày {day(brief.as_of)} đã được công khai."))
    return Section(f.fund.name, tuple(blocks), level=3)


def _entry_text(entry: object) -> str:
    from mttq_core.model import Receipt  # noqa: PLC0415 — local to keep the import list short

    if isinstance(entry, Receipt):
        return f"Thu ({_FORMS[entry.form.value]}) — {entry.donor}"
    return f"Chi — {getattr(entry, 'beneficiary', '')}: {getattr(entry, 'purpose', '')}"


def _funds(brief: Brief) -> list[Section]:
    title = "6. Các quỹ do đơn vị quản lý"
    if not brief.funds:
        return [Section(title, (Para("Bộ dữ liệu không có sổ quỹ nào của đơn vị."),))]
    window = brief.funds[0].coverage.window_days
    intro = Para(
        "Số tiền tính bằng đồng; thu gồm tiền mặt, chuyển khoản và hiện vật quy ra tiền. "
        f"Một khoản thu, chi được coi là quá hạn công khai sau {window} ngày."
    )
    return [Section(title, (intro,)), *(_fund(brief, f) for f in brief.funds)]


def _gaps(brief: Brief) -> Section:
    title = "7. Số liệu còn thiếu"
    if not brief.gaps:
        return Section(title, (Para("Mọi chỉ tiêu đều có đủ số liệu các kỳ đã kết thúc."),))
    items = []
    for g in brief.gaps:
        if g.periods:
            periods = ", ".join(str(p) for p in g.periods)
            items.append(f"{g.indicator.name}: {g.kind.label.lower()} — {periods}")
        else:
            items.append(f"{g.indicator.name}: {g.kind.label.lower()}")
    return Section(title, (Items(tuple(items)),))


def content(brief: Brief) -> Document:
    """The brief as blocks, in the order a delegation reads it."""
    from mttq_core import __version__  # noqa: PLC0415 — the package's own version

    c = brief.commune
    term = brief.term
    return Document(
        title=f"Tài liệu phục vụ buổi làm việc với {_FRONT}{unit_name(c)}",
        subtitle=(
            brief.committee.name,
            f"{term.name} ({day(term.start)} – {day(term.end)})",
            f"Số liệu tính đến ngày {day(brief.as_of)}",
        ),
        sections=(
            _unit(brief),
            _session(brief),
            _targets(brief),
            _score(brief),
            _follow_ups(brief),
            *_funds(brief),
            _gaps(brief),
        ),
        footer=(
            f"Nguồn: {brief.title}. Số liệu tính đến ngày {day(brief.as_of)}; phương pháp "
            f"chấm: {brief.method}. Lập bằng mttq_core {__version__}."
        ),
    )
