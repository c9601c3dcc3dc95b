"""The error of a question asked of a ledger that has no answer."""

from __future__ import annotations

__all__ = ["LedgerError"]


class LedgerError(ValueError):
    """An argument a ledger query cannot use.

    For example a period that ends before it starts, a fund asked about before it opened, a
    negative disclosure window. The message names the argument and says what is allowed.
    """
