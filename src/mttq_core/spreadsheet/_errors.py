"""The error of a workbook that cannot become a dataset."""

from __future__ import annotations

from mttq_core.model import DatasetError

__all__ = ["WorkbookError"]


class WorkbookError(DatasetError):
    """A workbook that cannot be read as a dataset: **every** problem, each at its cell.

    A :class:`~mttq_core.DatasetError` whose problems are located by ``Sheet!A1`` cell
    references instead of JSON paths (``Số liệu!D14: expected a number, ...``); problems of
    the file as a whole (too large, not a workbook) are located by the file's name.

    >>> err = WorkbookError([("Số liệu!D14", "expected a number, got the text 'x'")])
    >>> print(err)
    1 problem:
    Số liệu!D14: expected a number, got the text 'x'
    """


WorkbookError.__module__ = "mttq_core.spreadsheet"
