"""``mttq-core validate`` and ``mttq-core assess`` (SPEC §6)."""

from __future__ import annotations

import argparse
from typing import Final, TextIO

import pendulum

from mttq_core.model import Dataset
from mttq_core.report import scorecard_csv, scorecard_json, scorecard_table
from mttq_core.scoring import METHODS, Scorecard, ScoringError, assess

from ._common import (
    EXIT_INVALID,
    EXIT_OK,
    TIME_ZONE,
    UnusableError,
    UsageError,
    add_limit_option,
    as_of,
    check_choice,
    colour,
    limits_of,
    read,
    write,
)

__all__ = ["add_assess", "add_validate", "run_assess", "run_validate", "scorecard"]

FORMATS: Final = ("table", "json", "csv")
DATASET_HELP: Final = "dataset JSON file, or - for standard input (default: the built-in example)"


def add_validate(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Register ``validate``."""
    validate = sub.add_parser(
        "validate",
        help="check a dataset against every rule and print a one-line summary",
        description=(
            "Check a dataset; exit 0 with a summary, or 1 with one 'PATH: message' line "
            "per problem."
        ),
    )
    validate.add_argument("dataset", nargs="?", metavar="DATASET", help=DATASET_HELP)
    add_limit_option(validate)
    validate.add_argument(
        "--units",
        action="store_true",
        help=(
            "also check every commune's code, name, kind, district and province against the "
            "registry of administrative units over the commune's validity (exit 1 with one "
            "'PATH: message' line per disagreement)"
        ),
    )


def add_assess(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Register ``assess``."""
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
    assess_.add_argument("dataset", nargs="?", metavar="DATASET", help=DATASET_HELP)
    add_limit_option(assess_)
    add_scoring_options(assess_)
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


def add_scoring_options(parser: argparse.ArgumentParser) -> None:
    """``--as-of``, ``--term`` and ``--method``, shared by the commands that score."""
    parser.add_argument(
        "--as-of",
        metavar="YYYY-MM-DD",
        help=f"the date to assess at (default: today in {TIME_ZONE})",
    )
    parser.add_argument(
        "--term",
        metavar="ID",
        help=(
            "the term to assess (default: the term containing the date, else the latest one "
            "that ended before it)"
        ),
    )
    parser.add_argument(
        "--method",
        default="linear",
        metavar="{" + ",".join(METHODS) + "}",
        help="the scoring method (default: linear)",
    )


def run_validate(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """Validate the dataset and print its summary."""
    dataset, name = read(args.dataset, err, limits_of(args))
    for s in dataset.superseded:
        print(
            f"note: {s.path} (revision {s.observation.revision}) is superseded by {s.by_path} "
            f"(revision {s.by.revision}); it is kept in the data",
            file=err,
        )
    if args.units:
        from mttq_core.registry import check_units, registry  # noqa: PLC0415 — data on demand

        problems = check_units(dataset)
        for problem in problems:
            print(f"{problem.path}: {problem.message}", file=out)
        if problems:
            count = len(problems)
            print(
                f"mttq-core: {count} disagreement{'s' if count != 1 else ''} with the registry "
                "of administrative units",
                file=err,
            )
            return EXIT_INVALID
        sources = ", ".join(
            f"{s.package} {s.version}" if s.package else s.id for s in registry().sources
        )
        print(
            f"ok: {name}: {dataset.summary()}; all {len(dataset.communes)} communes agree with "
            f"the registry of administrative units ({sources})",
            file=out,
        )
        return EXIT_OK
    print(f"ok: {name}: {dataset.summary()}", file=out)
    return EXIT_OK


def scoring_error(error: ScoringError, dataset: Dataset, day: pendulum.Date) -> Exception:
    """A ScoringError as a usage error naming its option, or as unusable data."""
    message = str(error)
    if error.argument == "term":
        return UsageError(f"--term:{message.removeprefix('term:')}")
    if error.argument == "as_of" and message.startswith("term:"):  # no term fits the date
        terms = ", ".join(
            f"{t.id} ({t.start.isoformat()} to {t.end.isoformat()})" for t in dataset.terms
        )
        return UsageError(
            f"--as-of: no term of the dataset contains {day.isoformat()} or ended before "
            f"it (terms: {terms or 'none'}); give a later --as-of or --term ID"
        )
    if error.argument is not None:  # pragma: no cover - checked before assess is called
        option = "--" + error.argument.replace("_", "-")
        return UsageError(f"{option}:{message.split(':', 1)[1]}")
    return UnusableError(f"cannot assess: {message}")


def scorecard(dataset: Dataset, args: argparse.Namespace, day: pendulum.Date) -> Scorecard:
    """Assess with the command line's options; errors become usage or unusable-data errors."""
    try:
        return assess(dataset, as_of=day, term=args.term, method=args.method)
    except ScoringError as e:
        raise scoring_error(e, dataset, day) from None


def run_assess(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """Assess and print the scorecard."""
    check_choice("--method", args.method, list(METHODS))
    check_choice("--format", args.format, FORMATS)
    day = as_of(args.as_of)
    dataset, _ = read(args.dataset, err, limits_of(args))
    try:
        card = scorecard(dataset, args, day)
    except UnusableError as e:
        print(f"mttq-core: {e}", file=err)
        return EXIT_INVALID
    if args.format == "json":
        text = scorecard_json(card, explain=args.explain)
    elif args.format == "csv":
        text = scorecard_csv(card, dataset, explain=args.explain)
    else:
        text = scorecard_table(card, dataset, colour=colour(out), explain=args.explain)
    write(out, text)
    return EXIT_OK
