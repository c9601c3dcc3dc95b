"""mttq_core — track how Vietnam Fatherland Front committees progress toward their targets.

>>> import mttq_core
>>> ds = mttq_core.example()
>>> ds.term("2019-2024").name
'Nhiệm kỳ 2019–2024'
>>> mttq_core.loads(mttq_core.dumps(ds)) == ds
True

The model and the scoring load with the package. Reading and writing JSON (cattrs), the
built-in example, the follow-up, the ledger and the brief load on first use of one of their
names, so that ``import mttq_core`` stays light.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from . import model, scoring
from .model import *  # noqa: F403 — the model's public names are the library's
from .scoring import *  # noqa: F403 — and so are the scoring's

if TYPE_CHECKING:  # the names below load on first use (see __getattr__)
    from . import briefing, followup, ledger
    from ._example import example
    from .briefing import Brief, brief
    from .followup import ConclusionStatus, follow_up, schedule
    from .ledger import disclosure_coverage, fund_statement, outstanding_pledges
    from .serde import dump, dumps, load, loads

__version__ = "0.1.0"

#: Names loaded on first use: name -> (module, attribute or None for the module itself).
_LAZY: dict[str, tuple[str, str | None]] = {
    "Brief": ("mttq_core.briefing", "Brief"),
    "ConclusionStatus": ("mttq_core.followup", "ConclusionStatus"),
    "brief": ("mttq_core.briefing", "brief"),
    "briefing": ("mttq_core.briefing", None),
    "disclosure_coverage": ("mttq_core.ledger", "disclosure_coverage"),
    "dump": ("mttq_core.serde", "dump"),
    "dumps": ("mttq_core.serde", "dumps"),
    "example": ("mttq_core._example", "example"),
    "follow_up": ("mttq_core.followup", "follow_up"),
    "followup": ("mttq_core.followup", None),
    "fund_statement": ("mttq_core.ledger", "fund_statement"),
    "ledger": ("mttq_core.ledger", None),
    "load": ("mttq_core.serde", "load"),
    "loads": ("mttq_core.serde", "loads"),
    "outstanding_pledges": ("mttq_core.ledger", "outstanding_pledges"),
    "schedule": ("mttq_core.followup", "schedule"),
}

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


def __getattr__(name: str) -> Any:
    """Load a lazy name on first use (PEP 562), then keep it as a module attribute."""
    try:
        module_name, attribute = _LAZY[name]
    except KeyError:
        raise AttributeError(f"module 'mttq_core' has no attribute {name!r}") from None
    module = importlib.import_module(module_name)
    value = module if attribute is None else getattr(module, attribute)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return __all__
