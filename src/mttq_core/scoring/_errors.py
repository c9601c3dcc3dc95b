"""The scoring's error type."""

from __future__ import annotations

from mttq_core.model import Problem

__all__ = ["ScoringError"]


class ScoringError(ValueError):
    """An argument of :func:`assess` that cannot be used, or a target that cannot be computed.

    ``argument`` names the argument at fault (``"as_of"``, ``"term"``, ``"method"``,
    ``"grades"``) — ``None`` when the data is at fault, and then ``problems`` lists each
    target that cannot be computed with what is wrong.
    """

    def __init__(
        self, message: str, *, argument: str | None = None, problems: tuple[Problem, ...] = ()
    ) -> None:
        super().__init__(message)
        self.argument = argument
        self.problems = problems


ScoringError.__module__ = "mttq_core"
