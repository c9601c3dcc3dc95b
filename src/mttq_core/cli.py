"""The command line: ``mttq-core`` (also ``python -m mttq_core``), SPEC §6.

Exit codes: 0 ok, 1 invalid data, 2 usage error (including a dataset path that cannot be
read: missing, a directory, no permission). No traceback reaches the user for bad input.
"""

from __future__ import annotations

import argparse
import contextlib
import sys
from collections.abc import Sequence
from typing import TextIO

from ._example import EXAMPLE_NAME, example
from .model import Dataset, DatasetError
from .serde import load

__all__ = ["main"]

EXIT_OK = 0
EXIT_INVALID = 1
EXIT_USAGE = 2


class _UsageError(Exception):
    pass


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="mttq-core",
        description=(
            "Track how Vietnam Fatherland Front (MTTQ) committees progress toward the targets "
            "of their congress resolutions. With no DATASET, the built-in example "
            "(huyện Gia Lâm, 2019–2024) is used."
        ),
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
    try:
        return _validate(args, out, err)
    except _UsageError as e:
        print(f"mttq-core: {e}", file=err)
        return EXIT_USAGE
    except DatasetError as e:
        for problem in e.problems:
            print(f"{problem.path}: {problem.message}", file=out)
        count = len(e.problems)
        print(f"mttq-core: invalid dataset: {count} problem{'s' if count != 1 else ''}", file=err)
        return EXIT_INVALID
