"""``mttq-core funds``: fund statements, outstanding pledges and disclosure (SPEC §4)."""

from __future__ import annotations

import argparse
import json
from typing import Any, Final, TextIO

import pendulum

from mttq_core.briefing._content import day as vi_day
from mttq_core.briefing._content import unit_name
from mttq_core.ledger import (
    LedgerError,
    Statement,
    disclosure_coverage,
    fund_statement,
    outstanding_pledges,
)
from mttq_core.model import Dataset, Fund, Receipt, format_dong

from ._assess import DATASET_HELP
from ._brief import window_days, window_option
from ._common import (
    EXIT_OK,
    UsageError,
    add_limit_option,
    check_choice,
    date_option,
    limits_of,
    read,
    today,
    write,
)

__all__ = ["FUNDS_FORMAT", "add_funds", "run_funds"]

#: The format id of ``mttq-core funds --format json``.
FUNDS_FORMAT: Final = "mttq-core/funds/1"
FORMATS: Final = ("table", "json")
_FORMS: Final = {"cash": "tiền mặt", "transfer": "chuyển khoản", "in_kind": "hiện vật"}


def add_funds(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Register ``funds``."""
    parser = sub.add_parser(
        "funds",
        help="fund statements: opening balance, receipts, disbursements, closing balance",
        description=(
            "For each fund (or one, with --fund): the statement of the period — số dư đầu "
            "kỳ, thu (cash, transfer and in kind apart), chi, số dư cuối kỳ — with every "
            "entry and the running balance, then the pledges still outstanding and the "
            "receipts and disbursements not yet publicly disclosed on the last day."
        ),
        epilog=(
            "Default period: from 1 January of the --to year to --to (default: today in "
            "Asia/Ho_Chi_Minh). Amounts are whole đồng."
        ),
    )
    parser.add_argument("dataset", nargs="?", metavar="DATASET", help=DATASET_HELP)
    add_limit_option(parser)
    parser.add_argument("--fund", metavar="ID", help="only this fund")
    parser.add_argument("--from", dest="start", metavar="YYYY-MM-DD", help="first day")
    parser.add_argument("--to", dest="end", metavar="YYYY-MM-DD", help="last day")
    window_option(parser)
    parser.add_argument(
        "--format",
        default="table",
        metavar="{" + ",".join(FORMATS) + "}",
        help="the output format (default: table)",
    )


def _party(entry: object) -> str:
    if isinstance(entry, Receipt):
        return entry.donor
    return f"{getattr(entry, 'beneficiary', '')}: {getattr(entry, 'purpose', '')}"


def _fund_json(fund: Fund, s: Statement, window: int) -> dict[str, Any]:
    pledges = outstanding_pledges(fund, s.end)
    cover = disclosure_coverage(fund, s.end, window_days=window)
    return {
        "id": fund.id,
        "name": fund.name,
        "kind": fund.kind.value,
        "owner": fund.owner,
        "from": s.start.isoformat(),
        "to": s.end.isoformat(),
        "opening": s.opening,
        "receipts": s.receipts,
        "cash": s.cash,
        "transfer": s.transfer,
        "in_kind": s.in_kind,
        "disbursements": s.disbursements,
        "closing": s.closing,
        "pledged": s.pledged,
        "entries": [
            {
                "id": line.entry.id,
                "type": line.entry.TYPE,
                "date": line.entry.date.isoformat(),
                "party": _party(line.entry),
                "form": line.entry.form.value if isinstance(line.entry, Receipt) else None,
                "amount": line.entry.amount,
                "balance": line.balance,
            }
            for line in s.lines
        ],
        "outstanding_pledges": [
            {
                "id": o.pledge.id,
                "date": o.pledge.date.isoformat(),
                "donor": o.pledge.donor,
                "amount": o.pledge.amount,
                "received": o.received,
                "outstanding": o.outstanding,
            }
            for o in pledges
        ],
        "disclosure": {
            "window_days": cover.window_days,
            "entries": cover.entries,
            "covered": cover.covered,
            "uncovered": [
                {
                    "id": u.entry.id,
                    "date": u.entry.date.isoformat(),
                    "amount": u.entry.amount,
                    "age_days": u.age_days,
                    "late": u.late,
                }
                for u in cover.uncovered
            ],
        },
    }


def _fund_table(fund: Fund, s: Statement, window: int, dataset: Dataset) -> list[str]:
    owner = dataset.committee.name
    if fund.owner != "committee":
        try:
            owner = f"{unit_name(dataset.commune(fund.owner, fund.opened_on))} ({fund.owner})"
        except KeyError:  # pragma: no cover - the dataset resolved it when it loaded
            owner = fund.owner
    lines = [
        f"{fund.name} ({fund.id}) — {fund.kind.label}; đơn vị quản lý: {owner}",
        f"  Kỳ báo cáo: {vi_day(s.start)} – {vi_day(s.end)}",
    ]
    width = max(len(label) for label, _ in s.rows())
    amounts = [amount for _, amount in s.rows()]
    number = max(len(a) for a in amounts)
    lines.extend(f"  {label:<{width}}  {amount:>{number}}" for label, amount in s.rows())
    if s.pledged:
        lines.append(f"  Đăng ký ủng hộ trong kỳ (chưa phải tiền): {format_dong(s.pledged)}")
    if s.lines:
        lines.append("  Chi tiết:")
        for line in s.lines:
            e = line.entry
            kind = f"Thu ({_FORMS[e.form.value]})" if isinstance(e, Receipt) else "Chi"
            signed = format_dong(line.inflow - line.outflow)
            lines.append(
                f"    {vi_day(e.date)}  {e.id:<10} {kind:<20} {signed:>17}"
                f"  số dư {format_dong(line.balance):>17}  {_party(e)}"
            )
    pledges = outstanding_pledges(fund, s.end)
    lines.append(f"  Đăng ký ủng hộ chưa tiếp nhận đủ đến {vi_day(s.end)}: {len(pledges)}")
    lines.extend(
        f"    {vi_day(o.pledge.date)}  {o.pledge.donor}: đăng ký {format_dong(o.pledge.amount)}, "
        f"đã nhận {format_dong(o.received)}, còn {format_dong(o.outstanding)}"
        for o in pledges
    )
    cover = disclosure_coverage(fund, s.end, window_days=window)
    lines.append(
        f"  Công khai đến {vi_day(s.end)}: {cover.covered}/{cover.entries} khoản thu, chi đã "
        f"công khai; {len(cover.uncovered)} chưa ({len(cover.late)} quá {window} ngày)"
    )
    lines.extend(
        f"    {vi_day(u.entry.date)}  {u.entry.id}  {format_dong(u.entry.amount)}  "
        f"{u.age_days} ngày" + (" — quá hạn" if u.late else "")
        for u in cover.uncovered
    )
    return lines


def run_funds(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """Print the statements."""
    check_choice("--format", args.format, FORMATS)
    window = window_days(args.window_days)
    end = today() if args.end is None else date_option("--to", args.end)
    start = (
        pendulum.Date(end.year, 1, 1) if args.start is None else date_option("--from", args.start)
    )
    if end < start:
        raise UsageError(
            f"--to: {end.isoformat()} is before --from ({start.isoformat()}); a period ends on or "
            "after the day it starts"
        )
    dataset, _ = read(args.dataset, err, limits_of(args))
    funds = sorted(dataset.funds, key=lambda f: f.id)
    if args.fund is not None:
        funds = [f for f in funds if f.id == args.fund]
        if not funds:
            known = ", ".join(repr(f.id) for f in dataset.funds) or "none"
            raise UsageError(f"--fund: {args.fund!r} is not a fund of this dataset; known: {known}")
    statements: list[tuple[Fund, Statement]] = []
    skipped: list[Fund] = []
    for f in funds:
        try:
            statements.append((f, fund_statement(f, start, end)))
        except LedgerError:  # the fund opened after the period
            skipped.append(f)
    if args.format == "json":
        doc = {
            "format": FUNDS_FORMAT,
            "from": start.isoformat(),
            "to": end.isoformat(),
            "funds": [_fund_json(f, s, window) for f, s in statements],
            "not_open": [f.id for f in skipped],
        }
        write(out, json.dumps(doc, ensure_ascii=False, indent=2) + "\n")
        return EXIT_OK
    lines = [
        f"Báo cáo thu, chi các quỹ từ {vi_day(start)} đến {vi_day(end)}",
        dataset.committee.name,
        "",
    ]
    for f, s in statements:
        lines.extend(_fund_table(f, s, window, dataset))
        lines.append("")
    lines.extend(
        f"{f.name} ({f.id}): mở ngày {vi_day(f.opened_on)}, sau kỳ báo cáo." for f in skipped
    )
    if not funds:
        lines.append("(bộ dữ liệu không có quỹ nào)")
    write(out, "\n".join(lines).rstrip("\n") + "\n")
    return EXIT_OK
