"""The domain model: immutable, validated entities. No I/O here (SPEC §2)."""

from ._commune import Commune
from ._dataset import FORMAT, Dataset
from ._enums import (
    Accumulation,
    AcrossUnits,
    CommuneKind,
    Comparator,
    Direction,
    DisclosureChannel,
    FundKind,
    LabeledEnum,
    Measure,
    ReceiptForm,
    SessionStatus,
)
from ._errors import DatasetError, Problem
from ._fund import Disbursement, Disclosure, Entry, Fund, Pledge, Receipt, format_dong
from ._indicator import Criterion, Indicator
from ._observation import Observation
from ._period import Period, PeriodError, PeriodKind
from ._rules import Superseded
from ._session import (
    BUILTIN_TOPICS,
    Conclusion,
    Delegation,
    Person,
    Recommendation,
    WorkingSession,
)
from ._target import ALL, COMMITTEE, Baseline, Milestone, Target
from ._term import Committee, Term, Topic
from ._values import Value

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
    "LabeledEnum",
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
    "format_dong",
]
