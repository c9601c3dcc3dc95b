"""``mttq-core export`` and ``mttq-core import``: Excel workbooks and CSV (the ``excel`` extra).

openpyxl is imported when one of these commands runs, never before: the other commands
(and ``import mttq_core``) stay light, and without the extra these two say how to get it.
"""

from __future__ import annotations

import argparse
import io
import re
import sys
from pathlib import Path
from typing import Final, TextIO

from mttq_core.model import Dataset
from mttq_core.scoring import METHODS
from mttq_core.serde import dumps

from ._assess import DATASET_HELP, add_scoring_options, scorecard
from ._common import (
    EXIT_INVALID,
    EXIT_OK,
    UsageError,
    add_limit_option,
    as_of,
    check_choice,
    limits_of,
    read,
    write,
)

__all__ = ["add_export", "add_import", "run_export", "run_import"]

TARGETS: Final = ("xlsx", "csv")
_MEGABYTES: Final = re.compile(r"(?:0|[1-9][0-9]*)(?:\.[0-9]+)?\Z")


def add_export(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Register ``export``."""
    export = sub.add_parser(
        "export",
        help="write a dataset, or its scorecard, as an Excel workbook or CSV files",
        description=(
            "Write a dataset as a workbook in the template that 'mttq-core import' reads back "
            "(--to xlsx), or as one CSV file per sheet (--to csv); with --scorecard, write "
            "the scorecard instead (ranking, assessments in traffic-light colours, "
            "committee). Exit 0 when written, 1 for an invalid dataset, 2 for a usage error."
        ),
        epilog=(
            "The template (sheets, columns, how cells are read) is described in "
            "docs/spreadsheet.md. Needs the excel extra: pip install 'mttq-core[excel]'."
        ),
    )
    export.add_argument("dataset", nargs="?", metavar="DATASET", help=DATASET_HELP)
    add_limit_option(export)
    export.add_argument(
        "--to", required=True, metavar="{" + ",".join(TARGETS) + "}", help="the file format"
    )
    export.add_argument(
        "--output",
        "-o",
        metavar="PATH",
        help=(
            "the workbook file (xlsx; default: standard output, unless it is a terminal) or "
            "the directory for the CSV files (csv; required)"
        ),
    )
    export.add_argument(
        "--scorecard",
        action="store_true",
        help="export the scorecard (as in 'mttq-core assess') instead of the dataset",
    )
    add_scoring_options(export)


def add_import(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Register ``import``."""
    import_ = sub.add_parser(
        "import",
        help="read a workbook in the template into a dataset JSON",
        description=(
            "Read a workbook in the template (as written by 'mttq-core export --to xlsx') "
            "and write the dataset JSON. Exit 0 with the JSON, 1 with one 'Sheet!A1: "
            "message' line per problem, 2 for a usage error."
        ),
        epilog=(
            "The workbook is untrusted: formulas are refused (never calculated), files above "
            "the size limit are refused, XML entity declarations are refused. Needs the "
            "excel extra: pip install 'mttq-core[excel]'."
        ),
    )
    import_.add_argument(
        "workbook", metavar="WORKBOOK", help="the .xlsx file, or - for standard input"
    )
    import_.add_argument(
        "--output",
        "-o",
        metavar="FILE",
        help="write the dataset JSON to FILE (default: standard output)",
    )
    import_.add_argument(
        "--max-size",
        metavar="MB",
        default="20",
        help="refuse workbooks larger than this many megabytes (default: 20)",
    )


def _max_bytes(value: str) -> int:
    if _MEGABYTES.match(value) and float(value) > 0:
        return int(float(value) * 1_000_000)
    raise UsageError(f"--max-size: {value!r} is not a positive number of megabytes, e.g. 20")


def _needs_extra(error: ImportError) -> UsageError:
    return UsageError(f"{error}. This command needs the excel extra.")


def _check_output(path: str, *, directory: bool) -> None:
    target = Path(path)
    if directory and target.exists() and not target.is_dir():
        raise UsageError(f"--output: {path!r} is a file; --to csv writes into a directory")
    if not directory and target.is_dir():
        raise UsageError(f"--output: {path!r} is a directory; give the workbook's file name")


def run_export(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """Write the dataset, or its scorecard, as a workbook or CSV files."""
    check_choice("--to", args.to, TARGETS)
    check_choice("--method", args.method, list(METHODS))
    if not args.scorecard and (args.as_of or args.term or args.method != "linear"):
        raise UsageError("--as-of, --term and --method apply only with --scorecard")
    if args.output:
        _check_output(args.output, directory=args.to == "csv")
    elif args.to == "csv":
        raise UsageError("--to csv writes one file per sheet: give --output DIRECTORY")
    elif getattr(out, "buffer", None) is None or out.isatty():
        raise UsageError(
            "a workbook is binary: give --output FILE.xlsx, or redirect standard output to a file"
        )
    day = as_of(args.as_of) if args.scorecard else None
    try:
        from mttq_core import spreadsheet  # noqa: PLC0415 — openpyxl on demand
    except ImportError as e:
        raise _needs_extra(e) from None
    dataset, name = read(args.dataset, err, limits_of(args))
    card = scorecard(dataset, args, day) if day is not None else None
    target: str | io.BytesIO = args.output or io.BytesIO()
    try:
        if args.to == "csv":
            paths = (
                spreadsheet.write_scorecard_csv(card, dataset, args.output)
                if card is not None
                else spreadsheet.write_dataset_csv(dataset, args.output)
            )
            print(f"wrote {len(paths)} CSV files to {args.output} ({name})", file=err)
            return EXIT_OK
        if card is not None:
            spreadsheet.write_scorecard(card, dataset, target)
        else:
            spreadsheet.write_dataset(dataset, target)
    except OSError as e:
        raise UsageError(f"--output: cannot write {args.output!r}: {e.strerror or e}") from None
    except ValueError as e:  # text or ids a workbook cannot hold
        print(f"mttq-core: cannot export {name}: {e}", file=err)
        return EXIT_INVALID
    if isinstance(target, io.BytesIO):
        _write_binary(out, target.getvalue())
    else:
        what = "scorecard" if card is not None else "dataset"
        print(f"wrote the {what} of {name} to {target}", file=err)
    return EXIT_OK


def _write_binary(out: TextIO, data: bytes) -> None:
    out.flush()
    buffer = out.buffer
    try:
        buffer.write(data)
        buffer.flush()
    except BrokenPipeError:  # pragma: no cover - a reader that went away
        pass


def run_import(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """Read a workbook and write the dataset JSON."""
    max_bytes = _max_bytes(args.max_size)
    try:
        from mttq_core.spreadsheet import WorkbookError, read_dataset  # noqa: PLC0415
    except ImportError as e:
        raise _needs_extra(e) from None
    path = args.workbook
    try:
        dataset: Dataset = read_dataset(
            sys.stdin.buffer if path == "-" else path, max_bytes=max_bytes
        )
    except WorkbookError as e:
        for problem in e.problems:
            print(f"{problem.path}: {problem.message}", file=out)
        count = len(e.problems)
        print(
            f"mttq-core: cannot import {path}: {count} problem{'s' if count != 1 else ''}",
            file=err,
        )
        return EXIT_INVALID
    except IsADirectoryError:
        raise UsageError(f"{path!r} is a directory; give a workbook (.xlsx) file") from None
    except FileNotFoundError:
        raise UsageError(f"{path!r} does not exist") from None
    except OSError as e:
        raise UsageError(f"cannot read {path!r}: {e.strerror or e}") from None
    text = dumps(dataset)
    if args.output:
        try:
            with open(args.output, "w", encoding="utf-8", newline="\n") as f:
                f.write(text)
        except OSError as e:
            raise UsageError(f"--output: cannot write {args.output!r}: {e.strerror or e}") from None
        print(f"ok: imported {path} to {args.output}: {dataset.summary()}", file=err)
        return EXIT_OK
    write(out, text)
    print(f"ok: imported {path}: {dataset.summary()}", file=err)
    return EXIT_OK
