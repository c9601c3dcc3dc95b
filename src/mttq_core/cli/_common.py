"""What every command shares: reading the dataset, dates, options, writing, exit codes."""

from __future__ import annotations

import argparse
import contextlib
import os
import re
import sys
from collections.abc import Sequence
from typing import Final, TextIO

import attrs
import pendulum

from mttq_core._example import EXAMPLE_NAME, example
from mttq_core.model import Dataset
from mttq_core.serde import Limits, load

__all__ = [
    "EXIT_INVALID",
    "EXIT_OK",
    "EXIT_USAGE",
    "TIME_ZONE",
    "UnusableError",
    "UsageError",
    "add_limit_option",
    "as_of",
    "check_choice",
    "colour",
    "date_option",
    "limits_of",
    "read",
    "today",
    "write",
]

EXIT_OK = 0
EXIT_INVALID = 1
EXIT_USAGE = 2

#: The time zone whose calendar date is "today" for ``--as-of``'s default.
TIME_ZONE: Final = "Asia/Ho_Chi_Minh"
_ISO_DATE: Final = re.compile(r"(\d{4})-(\d{2})-(\d{2})")


class UsageError(Exception):
    """A command line that cannot run: printed after ``mttq-core:``, exit 2."""


class UnusableError(Exception):
    """Valid data the command cannot use (e.g. a committee target nothing aggregates to): exit 1."""


_LIMITS: Final = tuple(a.name for a in attrs.fields(Limits))


def add_limit_option(parser: argparse.ArgumentParser) -> None:
    """``--limit NAME=N``: raise (or lower) one of the limits on what is read."""
    defaults = Limits()
    parser.add_argument(
        "--limit",
        action="append",
        default=[],
        metavar="NAME=N",
        help=(
            "change a limit on the dataset read, e.g. --limit max_bytes=600000000 (repeatable; "
            + ", ".join(f"{name} {getattr(defaults, name):,}" for name in _LIMITS)
            + " by default)"
        ),
    )


def limits_of(args: argparse.Namespace) -> Limits:
    """The limits ``--limit`` asks for, or a usage error."""
    changes: dict[str, int] = {}
    for item in getattr(args, "limit", None) or []:
        name, equals, value = item.partition("=")
        name = name.strip()
        if not equals or name not in _LIMITS:
            raise UsageError(
                f"--limit: {item!r} is not allowed; expected NAME=N with NAME one of "
                f"{', '.join(_LIMITS)}"
            )
        try:
            changes[name] = int(value.strip().replace(",", ""))
        except ValueError:
            raise UsageError(f"--limit: {value!r} is not a whole number (in {item!r})") from None
    try:
        return Limits(**changes)
    except (TypeError, ValueError) as e:
        raise UsageError(f"--limit: {e}") from None


def read(path: str | None, err: TextIO, limits: Limits | None = None) -> tuple[Dataset, str]:
    """The dataset at ``path`` (``-`` for standard input; ``None`` for the built-in example)."""
    if path is None:
        print(
            "mttq-core: no DATASET given; using the built-in example "
            f"(huyện Gia Lâm 2019–2024, {EXAMPLE_NAME})",
            file=err,
        )
        return example(), "built-in example"
    if path == "-":
        return load(sys.stdin.buffer, limits=limits), "standard input"
    try:
        return load(path, limits=limits), path
    except IsADirectoryError:
        raise UsageError(f"{path!r} is a directory; give a dataset JSON file") from None
    except FileNotFoundError:
        raise UsageError(f"{path!r} does not exist") from None
    except OSError as e:
        raise UsageError(f"cannot read {path!r}: {e.strerror or e}") from None


def today() -> pendulum.Date:
    """Today's date in Asia/Ho_Chi_Minh: ``--as-of``'s default (the only clock there is)."""
    return pendulum.today(TIME_ZONE).date()


def date_option(option: str, value: str) -> pendulum.Date:
    """A ``YYYY-MM-DD`` option value, or a usage error naming the option."""
    match = _ISO_DATE.fullmatch(value)
    if match:
        try:
            return pendulum.Date(*(int(part) for part in match.groups()))
        except ValueError as e:
            raise UsageError(
                f"{option}: {value!r} is not a date ({e}); expected YYYY-MM-DD, e.g. 2022-04-18"
            ) from None
    raise UsageError(f"{option}: {value!r} is not a date; expected YYYY-MM-DD, e.g. 2022-04-18")


def as_of(value: str | None) -> pendulum.Date:
    """``--as-of``: the given date, or today in Asia/Ho_Chi_Minh."""
    return today() if value is None else date_option("--as-of", value)


def check_choice(option: str, value: str, allowed: Sequence[str]) -> None:
    """A usage error unless ``value`` is one of ``allowed``."""
    if value not in allowed:
        names = [repr(a) for a in allowed]
        expected = ", ".join(names[:-1]) + " or " + names[-1]
        raise UsageError(f"{option}: {value!r} is not allowed; expected {expected}")


def colour(stream: TextIO) -> bool:
    """Colours only on a terminal, and never when NO_COLOR is set (https://no-color.org)."""
    isatty = getattr(stream, "isatty", None)
    return bool(isatty is not None and isatty() and not os.environ.get("NO_COLOR"))


def write(out: TextIO, text: str) -> None:
    """Write ``text``; a reader that went away (``| head``) ends the output quietly."""
    try:
        out.write(text)
        out.flush()
    except BrokenPipeError:
        # Nothing more to say, and no traceback on exit.
        with contextlib.suppress(OSError, ValueError):
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, out.fileno())
