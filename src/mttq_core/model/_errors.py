"""Validation errors: every problem names a JSON path, what was wrong and what is allowed."""

from __future__ import annotations

from collections.abc import Iterable
from typing import NamedTuple

__all__ = ["DatasetError", "Problem", "Problems", "join_path"]


class Problem(NamedTuple):
    """One validation problem: a JSON path (``$.observations[3].value``) and a message."""

    path: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}: {self.message}"


def join_path(prefix: str, relative: str) -> str:
    """Append a path relative to an entity (``$.end``) to the entity's own path.

    >>> join_path("$.terms[0]", "$.end")
    '$.terms[0].end'
    >>> join_path("$.terms[0]", "$")
    '$.terms[0]'
    """
    if relative == "$":
        return prefix
    return prefix + relative[1:]


class DatasetError(ValueError):
    r"""Invalid data: carries **all** the problems found, each with its JSON path.

    Entity constructors raise it with paths relative to the entity (``$.end``); loading a
    dataset raises it with paths from the document's root (``$.terms[0].end``).

    >>> err = DatasetError([Problem("$.terms[0].end", "must be after start")])
    >>> err.problems[0] == ("$.terms[0].end", "must be after start")
    True
    >>> print(err)
    1 problem:
    $.terms[0].end: must be after start
    """

    problems: tuple[Problem, ...]
    #: Problems found but not listed in :attr:`problems` (``Limits.max_problems``).
    unlisted: int

    def __init__(self, problems: Iterable[Problem | tuple[str, str]], *, unlisted: int = 0) -> None:
        self.problems = tuple(Problem(*p) for p in problems)
        self.unlisted = unlisted
        count = len(self.problems) + unlisted
        head = f"{count} problem" + ("" if count == 1 else "s")
        lines = [head + ":", *map(str, self.problems)]
        if unlisted:
            head = f"{count:,} problems (the first {len(self.problems):,} listed)"
            lines = [head + ":", *lines[1:], f"… and {unlisted:,} more"]
        super().__init__("\n".join(lines))

    def rebased(self, prefix: str) -> DatasetError:
        """The same problems with their paths put under ``prefix``."""
        return DatasetError(
            (Problem(join_path(prefix, p.path), p.message) for p in self.problems),
            unlisted=self.unlisted,
        )


class Problems:
    """A collector: checks add problems, ``raise_if_any`` raises them all at once."""

    __slots__ = ("items",)

    def __init__(self) -> None:
        self.items: list[Problem] = []

    def add(self, path: str, message: str) -> None:
        """Record one problem."""
        self.items.append(Problem(path, message))

    def extend(self, prefix: str, error: DatasetError) -> None:
        """Record the problems of a nested entity under ``prefix``."""
        self.items.extend(Problem(join_path(prefix, p.path), p.message) for p in error.problems)

    def __bool__(self) -> bool:
        return bool(self.items)

    def raise_if_any(self) -> None:
        """Raise :class:`DatasetError` with every recorded problem, if there is one."""
        if self.items:
            raise DatasetError(self.items)


# Shown as ``mttq_core.DatasetError`` in tracebacks: the public name, not the private module.
DatasetError.__module__ = "mttq_core"
Problem.__module__ = "mttq_core"
