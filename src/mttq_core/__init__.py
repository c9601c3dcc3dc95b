"""mttq_core — track how Vietnam Fatherland Front committees progress toward their targets.

>>> import mttq_core
>>> ds = mttq_core.example()
>>> ds.term("2019-2024").name
'Nhiệm kỳ 2019–2024'
>>> mttq_core.loads(mttq_core.dumps(ds)) == ds
True
"""

from . import briefing, followup, ledger, model, scoring
from ._example import example
from .briefing import Brief, brief
from .followup import ConclusionStatus, follow_up, schedule
from .ledger import disclosure_coverage, fund_statement, outstanding_pledges
from .model import *  # noqa: F403 — the model's public names are the library's
from .scoring import *  # noqa: F403 — and so are the scoring's
from .serde import dump, dumps, load, loads

__version__ = "0.1.0"

__all__ = [  # noqa: PLE0604 — a list of names, extended from the model's own list
    *model.__all__,
    *scoring.__all__,
    "Brief",
    "ConclusionStatus",
    "__version__",
    "brief",
    "briefing",
    "disclosure_coverage",
    "dump",
    "dumps",
    "example",
    "follow_up",
    "followup",
    "fund_statement",
    "ledger",
    "load",
    "loads",
    "outstanding_pledges",
    "schedule",
]


def __dir__() -> list[str]:
    return __all__
