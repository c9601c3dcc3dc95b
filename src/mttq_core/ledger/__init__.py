"""Fund ledgers to the last đồng (SPEC §4): statements, outstanding pledges, disclosure.

Pure functions over :class:`mttq_core.Fund`; every amount is an ``int`` of đồng. The
balance on any day is :meth:`mttq_core.Fund.balance_on`; the observations a fund feeds are
:meth:`mttq_core.Fund.fed_observations` (the dataset merges them, and the scoring uses them).
"""

from ._disclosure import DEFAULT_WINDOW_DAYS, Coverage, UncoveredEntry, disclosure_coverage
from ._errors import LedgerError
from ._pledges import OutstandingPledge, outstanding_pledges
from ._statement import Statement, StatementLine, fund_statement

__all__ = [
    "DEFAULT_WINDOW_DAYS",
    "Coverage",
    "LedgerError",
    "OutstandingPledge",
    "Statement",
    "StatementLine",
    "UncoveredEntry",
    "disclosure_coverage",
    "fund_statement",
    "outstanding_pledges",
]


def __dir__() -> list[str]:
    return __all__
