"""mttq_core — track how Vietnam Fatherland Front committees progress toward their targets.

>>> import mttq_core
>>> ds = mttq_core.example()
>>> ds.term("2019-2024").name
'Nhiệm kỳ 2019–2024'
>>> mttq_core.loads(mttq_core.dumps(ds)) == ds
True
"""

from . import model, scoring
from ._example import example
from .model import *  # noqa: F403 — the model's public names are the library's
from .scoring import *  # noqa: F403 — and so are the scoring's
from .serde import dump, dumps, load, loads

__version__ = "0.1.0"

__all__ = [  # noqa: PLE0604 — a list of names, extended from the model's own list
    *model.__all__,
    *scoring.__all__,
    "__version__",
    "dump",
    "dumps",
    "example",
    "load",
    "loads",
]


def __dir__() -> list[str]:
    return __all__
