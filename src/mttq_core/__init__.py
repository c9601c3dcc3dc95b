"""mttq_core — track how Vietnam Fatherland Front committees progress toward their targets.

>>> import mttq_core
>>> ds = mttq_core.example()
>>> ds.term("2019-2024").name
'Nhiệm kỳ 2019–2024'
>>> mttq_core.loads(mttq_core.dumps(ds)) == ds
True

The model loads with the package. The scoring, reading and writing JSON (cattrs), the
built-in example, the follow-up, the ledger and the brief load on first use of one of their
names, so that ``import mttq_core`` stays light (issue 8: at most 150 ms).
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from . import model
from .model import *  # noqa: F403 — the model's public names are the library's

if TYPE_CHECKING:  # the names below load on first use (see __getattr__)
    from . import briefing, followup, ledger
    from . import scoring as scoring
    from ._example import example
    from .briefing import Brief, brief
    from .followup import ConclusionStatus, follow_up, schedule
    from .ledger import disclosure_coverage, fund_statement, outstanding_pledges
    from .scoring import (
        CAGR as CAGR,
    )
    from .scoring import (
        DEFAULT_GRADES as DEFAULT_GRADES,
    )
    from .scoring import (
        LINEAR as LINEAR,
    )
    from .scoring import (
        METHODS as METHODS,
    )
    from .scoring import (
        Assessment as Assessment,
    )
    from .scoring import (
        Cagr as Cagr,
    )
    from .scoring import (
        CagrThresholds as CagrThresholds,
    )
    from .scoring import (
        Category as Category,
    )
    from .scoring import (
        CommuneSummary as CommuneSummary,
    )
    from .scoring import (
        Edge as Edge,
    )
    from .scoring import (
        Explanation as Explanation,
    )
    from .scoring import (
        Grade as Grade,
    )
    from .scoring import (
        GradeBands as GradeBands,
    )
    from .scoring import (
        GradeError as GradeError,
    )
    from .scoring import (
        Linear as Linear,
    )
    from .scoring import (
        Method as Method,
    )
    from .scoring import (
        PeriodResult as PeriodResult,
    )
    from .scoring import (
        Point as Point,
    )
    from .scoring import (
        Scorecard as Scorecard,
    )
    from .scoring import (
        ScoringError as ScoringError,
    )
    from .scoring import (
        Status as Status,
    )
    from .scoring import (
        TargetInputs as TargetInputs,
    )
    from .scoring import (
        Trend as Trend,
    )
    from .scoring import (
        assess as assess,
    )
    from .scoring import (
        linear_assessment as linear_assessment,
    )
    from .serde import Limits as Limits
    from .serde import dump, dumps, load, loads

__version__ = "0.1.0"

#: Names loaded on first use: name -> (module, attribute or None for the module itself).
#: The scoring's public names (``mttq_core.scoring.__all__``; a test keeps them equal).
_SCORING_NAMES: tuple[str, ...] = (
    "CAGR",
    "DEFAULT_GRADES",
    "LINEAR",
    "METHODS",
    "Assessment",
    "Cagr",
    "CagrThresholds",
    "Category",
    "CommuneSummary",
    "Edge",
    "Explanation",
    "Grade",
    "GradeBands",
    "GradeError",
    "Linear",
    "Method",
    "PeriodResult",
    "Point",
    "Scorecard",
    "ScoringError",
    "Status",
    "TargetInputs",
    "Trend",
    "assess",
    "linear_assessment",
)

_LAZY: dict[str, tuple[str, str | None]] = {
    **{name: ("mttq_core.scoring", name) for name in _SCORING_NAMES},
    "scoring": ("mttq_core.scoring", None),
    "Brief": ("mttq_core.briefing", "Brief"),
    "ConclusionStatus": ("mttq_core.followup", "ConclusionStatus"),
    "Limits": ("mttq_core.serde", "Limits"),
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
    *_SCORING_NAMES,
    "scoring",
    "Brief",
    "ConclusionStatus",
    "Limits",
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
