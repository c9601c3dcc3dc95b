"""The command line: ``mttq-core`` (also ``python -m mttq_core``), SPEC §6.

Exit codes: 0 ok, 1 invalid data, 2 usage error (including a dataset path that cannot be
read: missing, a directory, no permission, and an option value that is not allowed). No
traceback reaches the user for bad input. The clock lives here and only here: ``assess``
without ``--as-of`` uses today's date in Asia/Ho_Chi_Minh.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import re
import sys
from collections.abc import Sequence
from typing import Final, TextIO

import pendulum

from ._example import EXAMPLE_NAME, example
from .model import Dataset, DatasetError
from .report import scorecard_csv, scorecard_json, scorecard_table
from .scoring import METHODS, Scorecard, ScoringError, assess
from .serde import load

__all__ = ["main"]

EXIT_OK = 0
EXIT_INVALID = 1
EXIT_USAGE = 2

#: The time zone whose calendar date is "today" for ``--as-of``'s default.
TIME_ZONE: Final = "Asia/Ho_Chi_Minh"
FORMATS: Final = ("table", "json", "csv")
_ISO_DATE: Final = re.compile(r"(\d{4})-(\d{2})-(\d{2})")


class _UsageError(Exception):
    pass


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="mttq-core",
        description=(
            "Track how Vietnam Fatherland Front (MTTQ) committees progress toward the targets "
            "of their congress resolutions: check a dataset (validate) and score every "
            "commune and the committee against the targets of a term (assess). With no "
            "DATASET, the built-in example (huyện Gia Lâm, 2019–2024) is used."
        ),
        epilog="Exit codes: 0 ok, 1 invalid data, 2 usage error.",
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    validate = sub.add_parser(
        "validate",
        help="check a dataset against every rule and print a one-line summary",
        description=(
            "Check a dataset; exit 0 with a summary, or 1 with one 'PATH: message' line "
            "per problem."
        ),
    )
    validate.add_argument(
        "dataset", nargs="?", metavar="DATASET", help="dataset JSON file, or - for standard input"
    )
    assess_ = sub.add_parser(
        "assess",
        help="score every commune and the committee against the targets of a term",
        description=(
            "Assess every commune and the committee against the targets of a term: status, "
            "progress and trend per target, then each commune's score, grade and rank. "
            "Exit 0 with the scorecard, 1 with one 'PATH: message' line per problem in the "
            "dataset, 2 for an option value that is not allowed."
        ),
        epilog=(
            "Formats: 'table' (the default) is for people — Vietnamese labels, colours on a "
            "terminal unless NO_COLOR is set; 'json' is the machine-readable "
            "mttq-core/assessment/1 document; 'csv' has one row per assessment for "
            "spreadsheets."
        ),
    )
    assess_.add_argument(
        "dataset", nargs="?", metavar="DATASET", help="dataset JSON file, or - for standard input"
    )
    assess_.add_argument(
        "--as-of",
        metavar="YYYY-MM-DD",
        help=f"the date to assess at (default: today in {TIME_ZONE})",
    )
    assess_.add_argument(
        "--term",
        metavar="ID",
        help=(
            "the term to assess (default: the term containing the date, else the latest one "
            "that ended before it)"
        ),
    )
    assess_.add_argument(
        "--method",
        default="linear",
        metavar="{" + ",".join(METHODS) + "}",
        help="the scoring method (default: linear)",
    )
    assess_.add_argument(
        "--format",
        default="table",
        metavar="{" + ",".join(FORMATS) + "}",
        help="the output format (default: table)",
    )
    assess_.add_argument(
        "--explain",
        action="store_true",
        help=(
            "add every number behind each status: an 'explanation' object per assessment "
            "in json, a block per target in the table, a column in csv"
        ),
    )
    return parser


def _read(path: str | None, err: TextIO) -> tuple[Dataset, str]:
    if path is None:
        print(
            "mttq-core: no DATASET given; using the built-in example "
            f"(huyện Gia Lâm 2019–2024, {EXAMPLE_NAME})",
            file=err,
        )
        return example(), "built-in example"
    if path == "-":
        return load(sys.stdin.buffer), "standard input"
    try:
        return load(path), path
    except IsADirectoryError:
        raise _UsageError(f"{path!r} is a directory; give a dataset JSON file") from None
    except FileNotFoundError:
        raise _UsageError(f"{path!r} does not exist") from None
    except OSError as e:
        raise _UsageError(f"cannot read {path!r}: {e.strerror or e}") from None


def _validate(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    dataset, name = _read(args.dataset, err)
    for s in dataset.superseded:
        print(
            f"note: {s.path} (revision {s.observation.revision}) is superseded by {s.by_path} "
            f"(revision {s.by.revision}); it is kept in the data",
            file=err,
        )
    print(f"ok: {name}: {dataset.summary()}", file=out)
    return EXIT_OK


def today() -> pendulum.Date:
    """Today's date in Asia/Ho_Chi_Minh: ``--as-of``'s default (the only clock there is)."""
    return pendulum.today(TIME_ZONE).date()


def _as_of(value: str | None) -> pendulum.Date:
    if value is None:
        return today()
    match = _ISO_DATE.fullmatch(value)
    if match:
        try:
            return pendulum.Date(*(int(part) for part in match.groups()))
        except ValueError as e:
            raise _UsageError(
                f"--as-of: {value!r} is not a date ({e}); expected YYYY-MM-DD, e.g. 2022-04-18"
            ) from None
    raise _UsageError(f"--as-of: {value!r} is not a date; expected YYYY-MM-DD, e.g. 2022-04-18")


def _check_choice(option: str, value: str, allowed: Sequence[str]) -> None:
    if value not in allowed:
        names = [repr(a) for a in allowed]
        expected = ", ".join(names[:-1]) + " or " + names[-1]
        raise _UsageError(f"{option}: {value!r} is not allowed; expected {expected}")


def _scorecard(dataset: Dataset, args: argparse.Namespace, as_of: pendulum.Date) -> Scorecard:
    try:
        return assess(dataset, as_of=as_of, term=args.term, method=args.method)
    except ScoringError as e:
        message = str(e)
        if e.argument == "term":
            raise _UsageError(f"--term:{message.removeprefix('term:')}") from None
        if e.argument == "as_of" and message.startswith("term:"):  # no term fits the date
            terms = ", ".join(
                f"{t.id} ({t.start.isoformat()} to {t.end.isoformat()})" for t in dataset.terms
            )
            raise _UsageError(
                f"--as-of: no term of the dataset contains {as_of.isoformat()} or ended before "
                f"it (terms: {terms or 'none'}); give a later --as-of or --term ID"
            ) from None
        if e.argument is not None:  # pragma: no cover - checked before assess is called
            option = "--" + e.argument.replace("_", "-")
            raise _UsageError(f"{option}:{message.split(':', 1)[1]}") from None
        raise _UnscorableError(message) from None


class _UnscorableError(Exception):
    """Valid data the scoring cannot use (e.g. a committee target nothing aggregates to)."""


def _colour(stream: TextIO) -> bool:
    """Colours only on a terminal, and never when NO_COLOR is set (https://no-color.org)."""
    isatty = getattr(stream, "isatty", None)
    return bool(isatty is not None and isatty() and not os.environ.get("NO_COLOR"))


def _assess(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    _check_choice("--method", args.method, list(METHODS))
    _check_choice("--format", args.format, FORMATS)
    as_of = _as_of(args.as_of)
    dataset, _ = _read(args.dataset, err)
    try:
        card = _scorecard(dataset, args, as_of)
    except _UnscorableError as e:
        print(f"mttq-core: cannot assess: {e}", file=err)
        return EXIT_INVALID
    if args.format == "json":
        text = scorecard_json(card, explain=args.explain)
    elif args.format == "csv":
        text = scorecard_csv(card, dataset, explain=args.explain)
    else:
        text = scorecard_table(card, dataset, colour=_colour(out), explain=args.explain)
    try:
        out.write(text)
        out.flush()
    except BrokenPipeError:
        # The reader went away (``| head``): nothing more to say, and no traceback on exit.
        with contextlib.suppress(OSError, ValueError):
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, out.fileno())
    return EXIT_OK


def main(
    argv: Sequence[str] | None = None, *, out: TextIO | None = None, err: TextIO | None = None
) -> int:
    """Run the command line; return the exit code."""
    out = out or sys.stdout
    err = err or sys.stderr
    for stream in (out, err):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors="backslashreplace")
    parser = _parser()
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            args = parser.parse_args(argv)
    except SystemExit as e:  # argparse: --help (0) or a usage error (2)
        return EXIT_USAGE if e.code not in (0, None) else EXIT_OK
    command = _assess if args.command == "assess" else _validate
    try:
        return command(args, out, err)
    except _UsageError as e:
        print(f"mttq-core: {e}", file=err)
        return EXIT_USAGE
    except DatasetError as e:
        for problem in e.problems:
            print(f"{problem.path}: {problem.message}", file=out)
        count = len(e.problems)
        print(f"mttq-core: invalid dataset: {count} problem{'s' if count != 1 else ''}", file=err)
        return EXIT_INVALID
