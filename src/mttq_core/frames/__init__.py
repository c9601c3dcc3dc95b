"""Tidy pandas DataFrames from a scorecard or a dataset, for analysts in notebooks.

Needs pandas (``pip install "mttq-core[pandas]"``); ``import mttq_core`` never imports it.
Each frame has a fixed, documented column order and explicit dtypes: numbers stay exact
``Decimal`` objects (``object`` columns) unless ``decimals="float"`` asks for a lossy
conversion to ``float64``; dates are ``datetime64[ns]`` (``NaT`` when missing); status and
grade ids are categoricals in the order of the specification.

>>> import mttq_core
>>> from mttq_core.frames import assessments_frame, communes_frame
>>> card = mttq_core.assess(mttq_core.example(), as_of="2022-04-18")
>>> assessments_frame(card).shape, communes_frame(card).shape
((227, 17), (22, 15))
"""

try:
    import pandas as _pandas  # noqa: F401 — checked here, used by the modules below
except ImportError as _error:
    raise ImportError(
        "mttq_core.frames needs pandas, which is not installed: "
        'install mttq-core[pandas] (pip install "mttq-core[pandas]")',
        name="pandas",
    ) from _error

from ._columns import Decimals
from ._dataset import OBSERVATION_COLUMNS, TARGET_COLUMNS, observations_frame, targets_frame
from ._scorecard import (
    ASSESSMENT_COLUMNS,
    COMMUNE_COLUMNS,
    EXPLANATION_COLUMNS,
    assessments_frame,
    communes_frame,
)

__all__ = [
    "ASSESSMENT_COLUMNS",
    "COMMUNE_COLUMNS",
    "EXPLANATION_COLUMNS",
    "OBSERVATION_COLUMNS",
    "TARGET_COLUMNS",
    "Decimals",
    "assessments_frame",
    "communes_frame",
    "observations_frame",
    "targets_frame",
]


def __dir__() -> list[str]:
    return __all__
