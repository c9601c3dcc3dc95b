"""One cell at a time: what a cell of each kind of column may hold, read and written exactly.

Reading never guesses: a cell is either read by a documented rule or refused with a message
that says what to type instead. Writing neutralises formula injection in every text cell.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from decimal import Decimal
from typing import Final

from ._template import Kind

__all__ = [
    "DATE_FORMAT",
    "FORMULA_STARTS",
    "INTEGER_FORMAT",
    "MAX_EXACT",
    "TEXT_FORMAT",
    "CellIssue",
    "exact_number",
    "neutralise",
    "number_from_float",
    "read_cell",
    "restore",
    "split_ids",
]

#: Text starting with one of these is a formula (or starts one) in some spreadsheet.
FORMULA_STARTS: Final = ("=", "+", "-", "@", "\t", "\r")

#: Number formats the export uses: dates as 18/04/2022 with Vietnamese names, whole numbers
#: grouped by thousands (shown 1.234.567 where the reader's locale is Vietnamese), text.
DATE_FORMAT: Final = "[$-42A]dd/mm/yyyy"
INTEGER_FORMAT: Final = "[$-42A]#,##0"
TEXT_FORMAT: Final = "@"

#: The largest whole number a spreadsheet's binary double holds exactly.
MAX_EXACT: Final = 2**53

_DECIMAL_TEXT: Final = re.compile(r"-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?\Z")
_INTEGER_TEXT: Final = re.compile(r"-?(?:0|[1-9][0-9]*)\Z")
_ISO_DATE: Final = re.compile(r"\d{4}-\d{2}-\d{2}\Z")
_DAY_FIRST: Final = re.compile(r"(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})\Z")
_PERCENT_TEXT: Final = re.compile(r"([+-]?\d+(?:[.,]\d+)?)\s*%\Z")
_DOT_THOUSANDS: Final = re.compile(r"-?\d{1,3}(?:\.\d{3})+(?:,\d+)?\Z")
_COMMA_THOUSANDS: Final = re.compile(r"-?\d{1,3}(?:,\d{3})+(?:\.\d+)?\Z")
_SPACE_THOUSANDS: Final = re.compile(r"-?\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?:[.,]\d+)?\Z")
_DECIMAL_COMMA: Final = re.compile(r"-?\d+,\d+\Z")
_QUOTED: Final = re.compile(r'"[^"]*"|\\.|\[[^\]]*\]')


class CellIssue:
    """A cell that cannot be read: the message says what is wrong and what to type."""

    __slots__ = ("message",)

    def __init__(self, message: str) -> None:
        self.message = message

    def __str__(self) -> str:
        return self.message

    def __repr__(self) -> str:
        return f"CellIssue({self.message!r})"


def neutralise(text: str) -> str:
    r"""Text a spreadsheet will not run as a formula: a leading apostrophe where needed.

    Text whose first character after any apostrophes is ``=``, ``+``, ``-``, ``@``, a tab
    or a carriage return gets one more apostrophe in front (OWASP "CSV injection");
    :func:`restore` takes exactly that apostrophe away again, so every text survives.

    >>> neutralise("=HYPERLINK(1)"), neutralise("- Hỗ trợ"), neutralise("'=x"), neutralise("Bát")
    ("'=HYPERLINK(1)", "'- Hỗ trợ", "''=x", 'Bát')
    """
    return "'" + text if text.lstrip("'").startswith(FORMULA_STARTS) else text


def restore(text: str) -> str:
    """Undo :func:`neutralise`: ``restore(neutralise(t)) == t`` for every text ``t``.

    >>> restore("'=HYPERLINK(1)"), restore("''=x"), restore("'tên"), restore("=x")
    ('=HYPERLINK(1)', "'=x", "'tên", '=x')
    """
    if text.startswith("'") and text.lstrip("'").startswith(FORMULA_STARTS):
        return text[1:]
    return text


def split_ids(text: str) -> list[str]:
    """The ids of a list cell: separated by ``;``, spaces around each ignored, empty parts too.

    >>> split_ids("tuyen_truyen; an_ninh_trat_tu;")
    ['tuyen_truyen', 'an_ninh_trat_tu']
    """
    return [part.strip() for part in text.split(";") if part.strip()]


def exact_number(value: Decimal | int) -> bool:
    """Whether a spreadsheet's binary double holds ``value`` exactly (then it is a number cell).

    >>> exact_number(Decimal("94.2")), exact_number(2**53 + 1), exact_number(Decimal("0.1"))
    (True, False, True)
    """
    if isinstance(value, int):
        return abs(value) <= MAX_EXACT
    if abs(value) > MAX_EXACT:
        return False
    return Decimal(repr(float(value))) == value


def _shown(value: object) -> str:
    text = str(value)
    return text if len(text) <= 40 else text[:39] + "…"


def _formula(value: object) -> str:
    text = getattr(value, "text", value)  # array formulas carry their text
    return _shown(text if isinstance(text, str) else "=…")


def number_from_float(value: float) -> int | str:
    """A numeric cell's double as an exact JSON number: whole → int, else its shortest decimal.

    Excel stores every number as a binary double; the shortest decimal that reads back as
    the same double is the number the user typed (``94.2``, not ``94.2000000000000028``).

    >>> number_from_float(94.2), number_from_float(3150000000.0), number_from_float(1e-7)
    ('94.2', 3150000000, '0.0000001')
    """
    if not math.isfinite(value):  # pragma: no cover - a workbook cell holds finite numbers
        raise ValueError(f"{value} is not a number a dataset can hold")
    if value.is_integer():
        return int(value)
    return format(Decimal(repr(value)), "f")


def _scales_percent(number_format: str | None) -> bool:
    """Whether a number format multiplies by 100 (a ``%`` outside quotes and brackets)."""
    return bool(number_format) and "%" in _QUOTED.sub("", number_format or "")


def _number_text_issue(text: str, *, whole: bool) -> CellIssue:
    """Why a text cell is not read as a number, with what to type instead."""
    shown = _shown(text)
    if m := _PERCENT_TEXT.match(text):
        number = m[1].replace(",", ".").lstrip("+")
        return CellIssue(
            f"{shown!r} is text with a percent sign; type the number {number} in a number "
            "cell (percent values are written 0–100, without '%')"
        )
    if _DOT_THOUSANDS.match(text):
        number = text.replace(".", "").replace(",", ".")
        return CellIssue(
            f"{shown!r} is text with '.' between thousands; type the number {number} in a "
            "number cell (text with thousands separators is not read: '1.234' could be 1234 "
            "or 1.234)"
        )
    if _COMMA_THOUSANDS.match(text) and not _DECIMAL_COMMA.match(text):
        number = text.replace(",", "")
        return CellIssue(
            f"{shown!r} is text with ',' between thousands; type the number {number} in a "
            "number cell"
        )
    if _SPACE_THOUSANDS.match(text):
        number = re.sub(r"[ \u00a0\u202f]", "", text).replace(",", ".")
        return CellIssue(
            f"{shown!r} is text with spaces between thousands; type the number {number} in "
            "a number cell"
        )
    if _DECIMAL_COMMA.match(text):
        number = text.replace(",", ".")
        return CellIssue(
            f"{shown!r} is text with a decimal comma; type the number {number} in a number "
            "cell (as text, only a decimal point is read: 94.2)"
        )
    expected = "a whole number" if whole else "a number"
    return CellIssue(f"expected {expected}, got the text {shown!r}")


def _read_number(value: object, number_format: str | None, kind: Kind) -> object:
    whole = kind is Kind.INT
    if isinstance(value, bool):
        if kind is Kind.VALUE:
            return value
        return CellIssue(f"expected a number, got {'TRUE' if value else 'FALSE'}")
    if isinstance(value, int | float):
        if _scales_percent(number_format):
            percent = format((Decimal(repr(float(value))) * 100).normalize(), "f")
            return CellIssue(
                f"the number {_shown(value)} is formatted as a percentage (shown as "
                f"{percent}%); type {percent} in a cell without the percent format "
                "(percent values are written 0–100)"
            )
        number = value if isinstance(value, int) else number_from_float(value)
        if whole and not isinstance(number, int):
            return CellIssue(f"expected a whole number, got {number}")
        return number
    if isinstance(value, str):
        text = value.strip()
        pattern = _INTEGER_TEXT if whole else _DECIMAL_TEXT
        if pattern.match(text):
            return int(text) if whole else text
        if kind is Kind.VALUE and text.casefold() in ("true", "false"):
            return CellIssue(
                f"{_shown(text)!r} is text; type TRUE or FALSE so that the cell is a "
                "true/false (boolean) cell"
            )
        return _number_text_issue(text, whole=whole)
    return CellIssue(f"expected a number, got {_describe(value)}")


def _describe(value: object) -> str:
    if isinstance(value, dt.datetime | dt.date):
        return f"a date ({value.isoformat()[:10]})"
    if isinstance(value, dt.time | dt.timedelta):
        return f"a time ({value})"
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, int | float):
        return f"a number ({_shown(value)})"
    return f"{_shown(value)!r}"


def _read_date(value: object) -> object:
    if isinstance(value, dt.datetime):
        if value.time() != dt.time(0, 0):
            return CellIssue(
                f"{value.isoformat(sep=' ')} has a time of day; a date has none: type the "
                f"date alone ({value.date().isoformat()})"
            )
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, str):
        text = value.strip()
        if _ISO_DATE.match(text):
            return text
        if m := _DAY_FIRST.match(text):
            day, month, year = int(m[1]), int(m[2]), m[3]
            return CellIssue(
                f"{_shown(text)!r} is a date typed as text; type it in a date cell or as "
                f"YYYY-MM-DD (for day {day}, month {month}: {year}-{month:02d}-{day:02d})"
            )
        return text  # the model says what a date must look like
    if isinstance(value, int | float) and not isinstance(value, bool):
        return CellIssue(
            f"a number ({_shown(value)}) where a date is expected; give the cell a date "
            "format or type the date as YYYY-MM-DD"
        )
    return CellIssue(f"expected a date, got {_describe(value)}")


def _read_text(value: object, kind: Kind) -> object:
    if isinstance(value, str):
        text = restore(value)
        if kind in (Kind.IDS, Kind.CRITERIA):
            return split_ids(text)
        return text
    if kind is Kind.PERIOD:
        if isinstance(value, int) and not isinstance(value, bool):
            return str(value)  # 2021 typed in a period cell: the year
        if isinstance(value, float) and value.is_integer():
            return str(int(value))
        if isinstance(value, dt.date | dt.datetime):
            return CellIssue(
                f"{_describe(value)} where a period is expected (a spreadsheet turns "
                "'2021-05' into a date); type the period as text: 2021, 2021-H1, 2021-Q3, "
                "2021-05 or 2021-04-01/2021-06-30"
            )
    if isinstance(value, int | float) and not isinstance(value, bool):
        return CellIssue(
            f"{_describe(value)} where text is expected; type it as text (give the column "
            f"the Text format, or start with an apostrophe: '{_shown(value)})"
        )
    return CellIssue(f"{_describe(value)} where text is expected")


def read_cell(value: object, data_type: str, number_format: str | None, kind: Kind) -> object:
    """The JSON value of one cell of a ``kind`` column; ``None`` when the cell is empty.

    Returns a :class:`CellIssue` (rather than raising it) for a cell that cannot be read,
    so that a whole sheet is read in one pass.

    >>> read_cell(94.2, "n", "General", Kind.VALUE), read_cell("2021", "s", None, Kind.PERIOD)
    ('94.2', '2021')
    >>> print(read_cell("95%", "s", None, Kind.VALUE))
    '95%' is text with a percent sign; type the number 95 in a number cell (percent values are written 0–100, without '%')
    """  # noqa: E501 — a doctest's output is one line
    if data_type == "f":
        return CellIssue(
            f"a formula ({_formula(value)}) is not accepted; type the value (formulas are "
            "never calculated on import)"
        )
    if data_type == "e":
        return CellIssue(f"the cell holds an error ({_shown(value)}); type the value")
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if kind is Kind.DATE:
        return _read_date(value)
    if kind in (Kind.INT, Kind.DECIMAL, Kind.VALUE):
        return _read_number(value, number_format, kind)
    return _read_text(value, kind)
