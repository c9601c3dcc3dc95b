"""Plots of a scorecard as matplotlib figures (extra ``mttq-core[plot]``).

Three functions, each returning a :class:`matplotlib.figure.Figure` built with the
object-oriented API only — no ``pyplot`` state, no backend to choose; save one with
``fig.savefig("x.png")`` or show it in a notebook:

- :func:`heatmap` — every commune × every indicator, by status or by progress;
- :func:`trajectory` — one commune's path toward one target over the term;
- :func:`committee_overview` — the committee's own targets and the communes' statuses.

``import mttq_core`` never imports matplotlib; importing this module does.
"""

try:
    import matplotlib as _matplotlib  # noqa: F401 — fail early, with the extra to install
except ImportError as _error:  # pragma: no cover — tested in a subprocess without matplotlib
    raise ImportError(
        "mttq_core.plot needs matplotlib, which is not installed; "
        "install the extra: pip install 'mttq-core[plot]'"
    ) from _error

from ._errors import PlotError
from ._heatmap import PROGRESS_MAX, heatmap
from ._overview import committee_overview
from ._style import STATUS_COLOURS, STATUS_ORDER
from ._trajectory import trajectory

__all__ = [
    "PROGRESS_MAX",
    "STATUS_COLOURS",
    "STATUS_ORDER",
    "PlotError",
    "committee_overview",
    "heatmap",
    "trajectory",
]


def __dir__() -> list[str]:
    return __all__
