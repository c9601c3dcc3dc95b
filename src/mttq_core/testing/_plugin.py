"""The ``hypothesis`` entry point: ``st.from_type`` learns mttq_core's entities and pendulum's.

Hypothesis calls :func:`_hypothesis_setup_hook` while it is being imported (see
``hypothesis/entry_points.py``; ``HYPOTHESIS_NO_PLUGINS=1`` turns every such hook off). The
hook is cheap: it fills hypothesis's type lookup with small functions, and each imports and
builds its strategy only when ``st.from_type`` first asks for that type. Nothing here imports
the strategy modules: hypothesis may be imported *by* them (``import mttq_core.testing``
before ``import hypothesis``), and they are then only half loaded while the hook runs.

If the installed hypothesis is older than the ``testing`` extra asks for, the hook warns and
registers nothing, rather than break ``import hypothesis``. Anything else that goes wrong is a
bug of mttq_core, and is raised.
"""

from __future__ import annotations

import importlib
import warnings
from collections.abc import Callable
from typing import Any, Final

import pendulum
from hypothesis import strategies as st
from hypothesis.errors import HypothesisWarning

import mttq_core.model as m

__all__ = ["MIN_HYPOTHESIS", "STRATEGIES", "register"]

#: The oldest hypothesis the strategies are written for (the ``testing`` extra's floor).
MIN_HYPOTHESIS: Final = (6, 100)

_PACKAGE: Final = "mttq_core.testing"

#: Where the strategy ``st.from_type`` gives for each type lives: (module, function).
STRATEGIES: Final[dict[type, tuple[str, str]]] = {
    pendulum.Date: ("_time", "pendulum_dates"),
    pendulum.DateTime: ("_time", "pendulum_datetimes"),
    m.Term: ("_time", "terms"),
    m.Period: ("_time", "periods"),
    m.Commune: ("_strategies", "communes"),
    m.Indicator: ("_strategies", "indicators"),
    m.Criterion: ("_strategies", "criteria"),
    m.Target: ("_strategies", "targets"),
    m.Baseline: ("_strategies", "baselines"),
    m.Milestone: ("_strategies", "milestones"),
    m.Observation: ("_strategies", "observations"),
    m.Committee: ("_strategies", "committees"),
    m.Topic: ("_strategies", "topics"),
    m.WorkingSession: ("_sessions", "working_sessions"),
    m.Person: ("_sessions", "people"),
    m.Delegation: ("_sessions", "delegations"),
    m.Recommendation: ("_sessions", "recommendations"),
    m.Conclusion: ("_sessions", "conclusions"),
    m.Fund: ("_funds", "funds"),
    m.Pledge: ("_funds", "pledges"),
    m.Receipt: ("_funds", "receipts"),
    m.Disbursement: ("_funds", "disbursements"),
    m.Disclosure: ("_funds", "disclosures"),
    m.Dataset: ("_datasets", "datasets"),
}


def _resolver(module: str, function: str) -> Callable[[type], st.SearchStrategy[Any]]:
    def resolve(_kind: type) -> st.SearchStrategy[Any]:
        make = getattr(importlib.import_module(f"{_PACKAGE}.{module}"), function)
        strategy: st.SearchStrategy[Any] = make()
        return strategy

    resolve.__qualname__ = resolve.__name__ = f"{function}_for"
    return resolve


def register() -> None:
    """Register every strategy of :data:`STRATEGIES` with ``st.register_type_strategy``."""
    for kind, (module, function) in STRATEGIES.items():
        st.register_type_strategy(kind, _resolver(module, function))


def _hypothesis_setup_hook() -> None:
    """Called by hypothesis when it is imported: register, unless hypothesis is too old."""
    import hypothesis  # noqa: PLC0415 — already in sys.modules: we run inside its import

    if hypothesis.__version_info__ < MIN_HYPOTHESIS:
        wanted = ".".join(map(str, MIN_HYPOTHESIS))
        warnings.warn(
            f"mttq_core.testing needs hypothesis>={wanted}, but {hypothesis.__version__} is "
            "installed; st.from_type will not build mttq_core's entities. Install "
            "'mttq-core[testing]' to get a hypothesis that fits.",
            HypothesisWarning,
            stacklevel=2,
        )
        return
    register()
