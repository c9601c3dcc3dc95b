"""Commune-level administrative units through time (issue 6).

A registry of units with validity dates derived from pinned public packages (see
``docs/registry-sources.md``): look a code up at a date (code reuse safe), search by name
(diacritic-insensitive, ambiguity reported), list the units of a district or a province,
check a dataset's communes against it. The data is read on first use, never at
``import mttq_core``.
"""

from ._check import check_units, same_name
from ._rebase import Carried, Rebased, Refused, rebase
from ._registry import (
    REFORM_2025,
    Boundary,
    Disagreement,
    District,
    Lookup,
    Province,
    Registry,
    RegistryError,
    Snapshot,
    Source,
    Step,
    Unit,
    fold,
    load,
    registry,
)

__all__ = [
    "REFORM_2025",
    "Boundary",
    "Carried",
    "Disagreement",
    "District",
    "Lookup",
    "Province",
    "Rebased",
    "Refused",
    "Registry",
    "RegistryError",
    "Snapshot",
    "Source",
    "Step",
    "Unit",
    "check_units",
    "fold",
    "load",
    "rebase",
    "registry",
    "same_name",
]


def __dir__() -> list[str]:
    return __all__
