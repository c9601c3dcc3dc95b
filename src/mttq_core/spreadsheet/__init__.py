"""Excel workbooks: import a dataset from the template, export a dataset or a scorecard.

Needs the ``excel`` extra (``pip install "mttq-core[excel]"``: openpyxl and defusedxml);
``import mttq_core`` never imports it. The template — sheets, Vietnamese headers, the JSON
key of each column and how each cell is read — is documented in ``docs/spreadsheet.md``.

>>> import io, mttq_core
>>> from mttq_core.spreadsheet import read_dataset, write_dataset
>>> buffer = io.BytesIO()
>>> write_dataset(mttq_core.example(), buffer)
>>> read_dataset(buffer.getvalue()) == mttq_core.example()
True
"""

try:
    import defusedxml  # noqa: F401 — the XML guard must be there before openpyxl parses
    import openpyxl  # noqa: F401
except ImportError as _missing:  # pragma: no cover - the extra is installed for the tests
    raise ImportError(
        f"mttq_core.spreadsheet needs openpyxl and defusedxml ({_missing.name} is missing): "
        'pip install "mttq-core[excel]"'
    ) from _missing

from ._csv import write_dataset_csv, write_scorecard_csv
from ._errors import WorkbookError
from ._read import read_dataset
from ._safety import MAX_BYTES
from ._scorecard import write_scorecard
from ._template import SHEET_NAMES
from ._write import write_dataset

__all__ = [
    "MAX_BYTES",
    "SHEET_NAMES",
    "WorkbookError",
    "read_dataset",
    "write_dataset",
    "write_dataset_csv",
    "write_scorecard",
    "write_scorecard_csv",
]


def __dir__() -> list[str]:
    return __all__
