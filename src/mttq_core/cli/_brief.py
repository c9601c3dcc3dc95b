"""``mttq-core brief``: the brief a delegation takes to a working session (SPEC §6)."""

from __future__ import annotations

import argparse
from typing import Final, TextIO

from mttq_core.briefing import BriefError, brief
from mttq_core.ledger import DEFAULT_WINDOW_DAYS
from mttq_core.scoring import METHODS, ScoringError

from ._assess import DATASET_HELP, add_scoring_options, scoring_error
from ._common import (
    EXIT_OK,
    UsageError,
    add_limit_option,
    as_of,
    check_choice,
    limits_of,
    read,
    write,
)

__all__ = ["add_brief", "run_brief", "window_option"]

FORMATS: Final = ("md", "html")


def window_option(parser: argparse.ArgumentParser) -> None:
    """``--window-days``: how long an entry may wait for its disclosure."""
    parser.add_argument(
        "--window-days",
        metavar="N",
        default=str(DEFAULT_WINDOW_DAYS),
        help=(
            "days a fund's receipt or disbursement may wait for its public disclosure before "
            f"it is reported as late (default: {DEFAULT_WINDOW_DAYS})"
        ),
    )


def window_days(value: str) -> int:
    """``--window-days`` as a whole number ≥ 0, or a usage error."""
    if value.isascii() and value.isdigit():
        return int(value)
    raise UsageError(f"--window-days: {value!r} is not allowed; expected a whole number ≥ 0")


def add_brief(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Register ``brief``."""
    parser = sub.add_parser(
        "brief",
        help="the one-page brief a delegation takes to a working session with a commune",
        description=(
            "The brief on one commune: the unit, the session and its agenda, every target "
            "with actual, target, status, trend and progress against expected, the score, "
            "grade and rank among its peers, conclusions of earlier sessions still open or "
            "overdue, the funds' statements, and the data gaps."
        ),
        epilog=(
            "Formats: 'md' (Markdown, the default) and 'html' (one self-contained page that "
            "prints on A4; save it with > brief.html)."
        ),
    )
    parser.add_argument("dataset", nargs="?", metavar="DATASET", help=DATASET_HELP)
    add_limit_option(parser)
    parser.add_argument(
        "--commune", required=True, metavar="CODE", help="the commune's 5-digit code"
    )
    add_scoring_options(parser)
    parser.add_argument(
        "--format",
        default="md",
        metavar="{" + ",".join(FORMATS) + "}",
        help="the output format (default: md)",
    )
    window_option(parser)


def run_brief(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """Print the brief."""
    check_choice("--method", args.method, list(METHODS))
    check_choice("--format", args.format, FORMATS)
    window = window_days(args.window_days)
    day = as_of(args.as_of)
    dataset, _ = read(args.dataset, err, limits_of(args))
    try:
        document = brief(
            dataset,
            args.commune,
            as_of=day,
            term=args.term,
            method=args.method,
            window_days=window,
        )
    except ScoringError as e:
        raise scoring_error(e, dataset, day) from None
    except BriefError as e:
        message = str(e)
        for argument, option in (("commune:", "--commune:"), ("term:", "--term:")):
            if message.startswith(argument):
                raise UsageError(option + message.removeprefix(argument)) from None
        raise UsageError(message) from None
    write(out, document.html() if args.format == "html" else document.markdown())
    return EXIT_OK
