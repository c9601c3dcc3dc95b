"""``mttq-core sessions``: follow-up of conclusions, and the schedule of a period."""

from __future__ import annotations

import argparse
import json
from typing import Any, Final, TextIO

from mttq_core.briefing._content import day as vi_day
from mttq_core.briefing._content import unit_name
from mttq_core.followup import FollowUp, FollowUpError, FollowUps, Schedule, follow_up, schedule
from mttq_core.model import Dataset, WorkingSession
from mttq_core.scoring import METHODS, ScoringError

from ._assess import DATASET_HELP, scoring_error
from ._common import (
    EXIT_OK,
    TIME_ZONE,
    UsageError,
    add_limit_option,
    as_of,
    check_choice,
    limits_of,
    read,
    write,
)

__all__ = ["FOLLOW_UP_FORMAT", "add_sessions", "run_sessions"]

#: The format id of ``mttq-core sessions --format json``.
FOLLOW_UP_FORMAT: Final = "mttq-core/follow-up/1"
SCHEDULE_FORMAT: Final = "mttq-core/schedule/1"
FORMATS: Final = ("table", "json")
GROUPS: Final = ("commune", "head", "due")


def add_sessions(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Register ``sessions``."""
    parser = sub.add_parser(
        "sessions",
        help="follow up the conclusions of working sessions (open, done, overdue)",
        description=(
            "List every conclusion of the working sessions held by the date, as open, done "
            "or overdue, with the standing of the targets it names; or, with --schedule, "
            "the sessions held and planned in a period and the communes not visited in it."
        ),
    )
    parser.add_argument("dataset", nargs="?", metavar="DATASET", help=DATASET_HELP)
    add_limit_option(parser)
    parser.add_argument(
        "--as-of", metavar="YYYY-MM-DD", help=f"the date (default: today in {TIME_ZONE})"
    )
    parser.add_argument(
        "--open", action="store_true", help="only conclusions still open or overdue"
    )
    parser.add_argument("--commune", metavar="CODE", help="only the sessions with this commune")
    parser.add_argument(
        "--by",
        default="commune",
        metavar="{" + ",".join(GROUPS) + "}",
        help="group by commune or delegation head, or order by deadline (default: commune)",
    )
    parser.add_argument(
        "--schedule",
        metavar="PERIOD",
        help="show the schedule of a period instead ('2022', '2022-Q2', '2022-04', "
        "'2022-04-01/2022-04-30')",
    )
    parser.add_argument(
        "--method",
        default="linear",
        metavar="{" + ",".join(METHODS) + "}",
        help="the scoring method for the linked targets (default: linear)",
    )
    parser.add_argument(
        "--format",
        default="table",
        metavar="{" + ",".join(FORMATS) + "}",
        help="the output format (default: table)",
    )


def _item(f: FollowUp) -> dict[str, Any]:
    c = f.conclusion
    return {
        "session": f.session.id,
        "date": f.session.date.isoformat(),
        "commune": f.commune.code,
        "name": f.commune.name,
        "head": f.head.name,
        "conclusion": c.id,
        "text": c.text,
        "due": c.due.isoformat() if c.due else None,
        "done_on": c.done_on.isoformat() if c.done_on else None,
        "status": f.status.value,
        "days_overdue": f.days_overdue,
        "done_late": f.done_late,
        "targets": [
            {
                "indicator": t.indicator,
                "status": t.assessment.status.value if t.assessment else None,
            }
            for t in f.targets
        ],
    }


def _line(f: FollowUp) -> list[str]:
    c = f.conclusion
    state = f.status.label
    if f.days_overdue is not None:
        state += f" {f.days_overdue} ngày"
    elif f.done_late and c.done_on is not None:
        state += f" (muộn, ngày {vi_day(c.done_on)})"
    elif c.done_on is not None and f.status.value == "done":
        state += f" ngày {vi_day(c.done_on)}"
    out = [
        f"    {c.id}  [{state}]  hạn {vi_day(c.due)}",
        f"        {c.text}",
    ]
    for t in f.targets:
        status = t.assessment.status.label if t.assessment else "không có chỉ tiêu"
        out.append(f"        Chỉ tiêu liên quan: {t.name}: {status}")
    return out


def _session_heading(s: WorkingSession, f: FollowUp) -> str:
    return (
        f"  {vi_day(s.date)} — {unit_name(f.commune)} ({f.commune.code}) — trưởng đoàn "
        f"{f.head.name}"
    )


def _block(items: tuple[FollowUp, ...] | FollowUps) -> list[str]:
    out: list[str] = []
    current: str | None = None
    for f in items:
        if f.session.id != current:
            current = f.session.id
            out.append(_session_heading(f.session, f))
        out.extend(_line(f))
    return out


def _follow_up_table(items: FollowUps, dataset: Dataset, args: argparse.Namespace, day: str) -> str:
    counts = items.counts()
    lines = [
        f"Theo dõi thực hiện kết luận các buổi làm việc — tính đến ngày {day}",
        dataset.committee.name,
        f"{len(items)} kết luận" + "".join(f" · {s.label} {n}" for s, n in counts.items()),
        "",
    ]
    if not items:
        lines.append("(không có kết luận nào)")
    elif args.by == "due":
        lines.append("Theo thời hạn:")
        for f in items.by_due():
            lines.append(_session_heading(f.session, f))
            lines.extend(_line(f))
    else:
        groups = items.by_commune() if args.by == "commune" else items.by_head()
        for key, group in groups.items():
            first = group[0]
            title = (
                f"{unit_name(first.commune)} ({key})"
                if args.by == "commune"
                else f"Trưởng đoàn {key}"
            )
            lines.append(title)
            lines.extend(_block(group))
            lines.append("")
    return "\n".join(lines).rstrip("\n") + "\n"


def _schedule_table(s: Schedule, dataset: Dataset) -> str:
    lines = [f"Lịch làm việc kỳ {s.period}", dataset.committee.name, ""]
    for title, sessions in (("Đã làm việc", s.held), ("Dự kiến", s.planned)):
        lines.append(f"{title}: {len(sessions)}")
        for x in sessions:
            unit = dataset.commune(x.commune, x.date)
            lines.append(
                f"  {vi_day(x.date)}  {unit_name(unit)} ({unit.code}) — trưởng đoàn "
                f"{x.delegation.head.name}"
            )
    if s.past_due:
        lines.append(f"Dự kiến nhưng đã qua ngày mà chưa ghi nhận kết quả: {len(s.past_due)}")
        lines.extend(f"  {vi_day(x.date)}  {x.id}" for x in s.past_due)
    lines.append(f"Chưa làm việc trong kỳ: {len(s.not_visited)}")
    unplanned = set(s.unplanned)
    for c in s.not_visited:
        note = "" if c in unplanned else " (đã có lịch)"
        lines.append(f"  {unit_name(c)} ({c.code}){note}")
    return "\n".join(lines) + "\n"


def _schedule_json(s: Schedule) -> str:
    def session(x: WorkingSession) -> dict[str, Any]:
        return {"id": x.id, "date": x.date.isoformat(), "commune": x.commune}

    doc = {
        "format": SCHEDULE_FORMAT,
        "period": str(s.period),
        "held": [session(x) for x in s.held],
        "planned": [session(x) for x in s.planned],
        "past_due": [session(x) for x in s.past_due],
        "not_visited": [{"commune": c.code, "name": c.name} for c in s.not_visited],
        "unplanned": [{"commune": c.code, "name": c.name} for c in s.unplanned],
    }
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"


def run_sessions(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """Print the follow-up list or the schedule."""
    check_choice("--format", args.format, FORMATS)
    check_choice("--by", args.by, GROUPS)
    check_choice("--method", args.method, list(METHODS))
    day = as_of(args.as_of)
    dataset, _ = read(args.dataset, err, limits_of(args))
    if args.schedule is not None:
        try:
            plan = schedule(dataset, args.schedule, as_of=day)
        except FollowUpError as e:
            raise UsageError(f"--schedule:{str(e).removeprefix('period:')}") from None
        write(
            out, _schedule_json(plan) if args.format == "json" else _schedule_table(plan, dataset)
        )
        return EXIT_OK
    try:
        items = follow_up(
            dataset, as_of=day, commune=args.commune, open_only=args.open, method=args.method
        )
    except ScoringError as e:
        raise scoring_error(e, dataset, day) from None
    if args.format == "json":
        ordered = items.by_due() if args.by == "due" else items
        doc = {
            "format": FOLLOW_UP_FORMAT,
            "as_of": day.isoformat(),
            "open_only": args.open,
            "items": [_item(f) for f in ordered],
        }
        write(out, json.dumps(doc, ensure_ascii=False, indent=2) + "\n")
    else:
        write(out, _follow_up_table(items, dataset, args, vi_day(day)))
    return EXIT_OK
