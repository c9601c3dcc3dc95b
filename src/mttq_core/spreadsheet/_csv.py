"""Export as CSV: one file per sheet of the template (or of the scorecard) in a directory."""

from __future__ import annotations

import csv
import datetime as dt
import os
from decimal import Decimal
from pathlib import Path
from typing import Final

from mttq_core.model import Dataset
from mttq_core.report import decimal_string
from mttq_core.scoring import Scorecard

from ._cells import neutralise
from ._rows import layout
from ._scorecard import Value, scorecard_tables
from ._template import INFO_HEADERS

__all__ = ["write_dataset_csv", "write_scorecard_csv"]

#: UTF-8 with a byte-order mark: spreadsheet programs then read Vietnamese text correctly.
ENCODING: Final = "utf-8-sig"
INFO_FILE: Final = "thong_tin"


def _text(value: object) -> str:
    """A JSON value as CSV text: numbers exact, dates ISO, text neutralised."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, list):
        return neutralise("; ".join(str(v) for v in value))
    return neutralise(str(value))


def _write(path: Path, headers: tuple[str, ...], rows: list[list[str]]) -> Path:
    with open(path, "w", encoding=ENCODING, newline="") as f:
        writer = csv.writer(f)
        writer.writerow(headers)
        writer.writerows(rows)
    return path


def _directory(directory: str | os.PathLike[str]) -> Path:
    target = Path(directory)
    target.mkdir(parents=True, exist_ok=True)
    return target


def write_dataset_csv(dataset: Dataset, directory: str | os.PathLike[str]) -> list[Path]:
    """Write ``dataset`` as one CSV file per sheet of the template into ``directory``.

    The files are named after the sheets without diacritics (``thong_tin.csv``,
    ``so_lieu.csv``, …; see ``docs/spreadsheet.md``), UTF-8 with a byte-order mark, RFC 4180
    quoting. Numbers are exact decimal strings with a decimal point, dates ``YYYY-MM-DD``,
    booleans ``true``/``false``; text is neutralised against formula injection like the
    workbook's. The directory is created if needed; files of the same name are replaced.
    Returns the paths written. CSV is an export only: import reads workbooks.
    """
    target = _directory(directory)
    rows = layout(dataset)
    written = [
        _write(
            target / f"{INFO_FILE}.csv",
            INFO_HEADERS,
            [[spec.label, _text(value)] for spec, value in rows.info],
        )
    ]
    for sheet, table in rows.tables:
        written.append(
            _write(
                target / f"{sheet.slug}.csv",
                sheet.headers,
                [[_text(v) for v in row.values] for row in table],
            )
        )
    return written


def _value(value: Value) -> str:
    raw = value.value
    if raw is None:
        return ""
    if isinstance(raw, Decimal):
        return decimal_string(raw) or ""
    if isinstance(raw, dt.date):
        return raw.isoformat()
    return _text(raw)


def write_scorecard_csv(
    card: Scorecard, dataset: Dataset, directory: str | os.PathLike[str]
) -> list[Path]:
    """Write a scorecard as CSV files: ``xep_hang``, ``danh_gia``, ``uy_ban``, ``thong_tin``.

    The same columns as :func:`write_scorecard`'s sheets; numbers are decimal strings rounded
    half-even to 6 places (progress as a fraction: ``0.5`` is 50 %), dates ``YYYY-MM-DD``.
    """
    target = _directory(directory)
    return [
        _write(
            target / f"{table.slug}.csv",
            table.headers,
            [[_value(v) for v in row] for row in table.rows],
        )
        for table in scorecard_tables(card, dataset)
    ]
