"""Before the working session: the commune brief (SPEC §6, ``mttq-core brief``)."""

from ._document import Brief, BriefError, BriefTarget, DataGap, FundSection, GapKind, brief

__all__ = ["Brief", "BriefError", "BriefTarget", "DataGap", "FundSection", "GapKind", "brief"]


def __dir__() -> list[str]:
    return __all__
