"""The plots' error type."""

from __future__ import annotations

__all__ = ["PlotError"]


class PlotError(ValueError):
    """An argument of a plot function that cannot be used.

    ``argument`` names the argument at fault (``"commune"``, ``"indicator"``, ``"value"``…).
    """

    def __init__(self, message: str, *, argument: str) -> None:
        super().__init__(message)
        self.argument = argument


PlotError.__module__ = "mttq_core.plot"
