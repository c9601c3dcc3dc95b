"""mttq_core — track how Vietnam Fatherland Front committees progress toward their targets.

>>> import mttq_core
>>> ds = mttq_core.example()
>>> ds.term("2019-2024").name
'Nhiệm kỳ 2019–2024'
>>> mttq_core.loads(mttq_core.dumps(ds)) == ds
True
"""

from ._example import example
from .model import (
    ALL,
    BUILTIN_TOPICS,
    COMMITTEE,
    FORMAT,
    Accumulation,
    AcrossUnits,
    Baseline,
    Committee,
    Commune,
    CommuneKind,
    Comparator,
    Conclusion,
    Criterion,
    Dataset,
    DatasetError,
    Delegation,
    Direction,
    Disbursement,
    Disclosure,
    DisclosureChannel,
    Entry,
    Fund,
    FundKind,
    Indicator,
    Measure,
    Milestone,
    Observation,
    Period,
    PeriodError,
    PeriodKind,
    Person,
    Pledge,
    Problem,
    Receipt,
    ReceiptForm,
    Recommendation,
    SessionStatus,
    Superseded,
    Target,
    Term,
    Topic,
    Value,
    WorkingSession,
    format_dong,
)
from .serde import dump, dumps, load, loads

__version__ = "0.1.0"

__all__ = [
    "ALL",
    "BUILTIN_TOPICS",
    "COMMITTEE",
    "FORMAT",
    "Accumulation",
    "AcrossUnits",
    "Baseline",
    "Committee",
    "Commune",
    "CommuneKind",
    "Comparator",
    "Conclusion",
    "Criterion",
    "Dataset",
    "DatasetError",
    "Delegation",
    "Direction",
    "Disbursement",
    "Disclosure",
    "DisclosureChannel",
    "Entry",
    "Fund",
    "FundKind",
    "Indicator",
    "Measure",
    "Milestone",
    "Observation",
    "Period",
    "PeriodError",
    "PeriodKind",
    "Person",
    "Pledge",
    "Problem",
    "Receipt",
    "ReceiptForm",
    "Recommendation",
    "SessionStatus",
    "Superseded",
    "Target",
    "Term",
    "Topic",
    "Value",
    "WorkingSession",
    "__version__",
    "dump",
    "dumps",
    "example",
    "format_dong",
    "load",
    "loads",
]


def __dir__() -> list[str]:
    return __all__
