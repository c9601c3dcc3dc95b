"""The scorecard as CSV: one row per assessment, safe to open in a spreadsheet."""

from __future__ import annotations

import csv
import io
from typing import Any, Final

from mttq_core.model import COMMITTEE, Dataset
from mttq_core.scoring import Assessment, Scorecard

from ._json import assessment_dict
from ._table import explanation_lines

__all__ = ["CSV_COLUMNS", "csv_safe", "scorecard_csv"]

#: The header row: the assessment keys of SPEC §6, each name beside the id it names.
CSV_COLUMNS: Final = (
    "commune",
    "commune_name",
    "indicator",
    "indicator_name",
    "status",
    "status_label",
    "category",
    "met",
    "actual",
    "target",
    "comparator",
    "progress",
    "expected",
    "data_date",
    "trend",
    "edge",
    "missing_periods",
)

#: Columns that hold decimal strings; every other column is text.
NUMERIC_COLUMNS: Final = frozenset({"actual", "target", "progress", "expected"})

_FORMULA_STARTS: Final = ("=", "+", "-", "@", "\t", "\r")


def csv_safe(text: str) -> str:
    r"""A text cell a spreadsheet will not run as a formula (OWASP "CSV injection").

    Text starting with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return gets a
    leading apostrophe. Apply it to text columns only: ``-3`` in a number column is a number.

    >>> csv_safe('=HYPERLINK("http://x")'), csv_safe("Bát Tràng"), csv_safe("-3"), csv_safe("")
    ('\'=HYPERLINK("http://x")', 'Bát Tràng', "'-3", '')
    """
    return "'" + text if text.startswith(_FORMULA_STARTS) else text


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return ";".join(str(v) for v in value)
    return str(value)


def _row(
    a: Assessment, names: dict[str, str], dataset: Dataset, *, explain: bool
) -> dict[str, str]:
    data = assessment_dict(a)
    try:
        indicator_name = dataset.indicator(a.indicator).name
    except KeyError:
        indicator_name = ""
    data["commune_name"] = names.get(a.unit, "")
    data["indicator_name"] = indicator_name
    data["status_label"] = a.status.label
    if explain:
        data["explanation"] = "\n".join(explanation_lines(a))
    row: dict[str, str] = {}
    for key, value in data.items():
        text = _cell(value)
        row[key] = text if key in NUMERIC_COLUMNS else csv_safe(text)
    return row


def scorecard_csv(card: Scorecard, dataset: Dataset, *, explain: bool = False) -> str:
    r"""The scorecard as CSV text: a header, then one row per assessment.

    The communes' rows come in scorecard order, then the committee's. RFC 4180 quoting,
    ``\n`` line ends; text cells pass through :func:`csv_safe`, number cells do not.

    Numbers are decimal strings (6 places at most, as in the JSON); ``met`` is
    ``true``/``false``; absent values are empty; ``missing_periods`` are joined by ``;``.
    ``explain`` adds an ``explanation`` column (multi-line, quoted).

    >>> import mttq_core
    >>> ds = mttq_core.example()
    >>> text = scorecard_csv(mttq_core.assess(ds, as_of="2022-04-18"), ds)
    >>> text.splitlines()[0].split(",")[:4]
    ['commune', 'commune_name', 'indicator', 'indicator_name']
    """
    names = {s.commune: s.name for s in card.communes}
    names[COMMITTEE] = dataset.committee.name
    columns = [*CSV_COLUMNS, "explanation"] if explain else list(CSV_COLUMNS)
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=columns, lineterminator="\n")
    writer.writeheader()
    for a in card:
        writer.writerow(_row(a, names, dataset, explain=explain))
    return buffer.getvalue()
