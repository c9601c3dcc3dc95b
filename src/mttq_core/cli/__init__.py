"""The command line: ``mttq-core`` (also ``python -m mttq_core``), SPEC §6.

Commands: ``validate``, ``assess``, ``brief``, ``sessions``, ``funds``, ``export``,
``import``. Exit codes: 0 ok,
1 invalid data, 2 usage error (including a dataset path that cannot be read: missing, a
directory, no permission, and an option value that is not allowed). No traceback reaches
the user for bad input. The clock lives here and only here: without ``--as-of`` a command
uses today's date in Asia/Ho_Chi_Minh.
"""

from __future__ import annotations

import argparse
import contextlib
import sys
from collections.abc import Callable, Sequence
from typing import TextIO

from mttq_core.model import DatasetError

from ._assess import add_assess, add_validate, run_assess, run_validate
from ._brief import add_brief, run_brief
from ._common import EXIT_INVALID, EXIT_OK, EXIT_USAGE, UnusableError, UsageError, today
from ._funds import add_funds, run_funds
from ._sessions import add_sessions, run_sessions
from ._spreadsheet import add_export, add_import, run_export, run_import

__all__ = ["main", "today"]

Command = Callable[[argparse.Namespace, TextIO, TextIO], int]
_COMMANDS: dict[str, Command] = {
    "validate": run_validate,
    "assess": run_assess,
    "brief": run_brief,
    "sessions": run_sessions,
    "funds": run_funds,
    "export": run_export,
    "import": run_import,
}


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="mttq-core",
        description=(
            "Track how Vietnam Fatherland Front (MTTQ) committees progress toward the targets "
            "of their congress resolutions: check a dataset (validate), score every commune "
            "and the committee (assess), prepare a working session (brief), follow up its "
            "conclusions (sessions), account for the funds (funds) and move data to and from "
            "workbooks (export, import). With no DATASET, the "
            "built-in example (huyện Gia Lâm, 2019–2024) is used."
        ),
        epilog="Exit codes: 0 ok, 1 invalid data, 2 usage error.",
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    add_validate(sub)
    add_assess(sub)
    add_brief(sub)
    add_sessions(sub)
    add_funds(sub)
    add_export(sub)
    add_import(sub)
    return parser


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
        return _COMMANDS[args.command](args, out, err)
    except UsageError as e:
        print(f"mttq-core: {e}", file=err)
        return EXIT_USAGE
    except UnusableError as e:
        print(f"mttq-core: {e}", file=err)
        return EXIT_INVALID
    except DatasetError as e:
        for problem in e.problems:
            print(f"{problem.path}: {problem.message}", file=out)
        count = len(e.problems) + e.unlisted
        more = (
            f" (the first {len(e.problems):,} listed; --limit max_problems=N lists more)"
            if e.unlisted
            else ""
        )
        print(
            f"mttq-core: invalid dataset: {count} problem{'s' if count != 1 else ''}{more}",
            file=err,
        )
        return EXIT_INVALID
