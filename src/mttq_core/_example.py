"""The built-in example: the Gia Lâm 2019–2024 dataset shipped inside the package."""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

from .model import Dataset
from .serde import loads

__all__ = ["EXAMPLE_NAME", "example", "example_text"]

#: Where the example lives inside the package.
EXAMPLE_NAME = "examples/gia_lam_2019_2024.json"


def example_text() -> str:
    """The example dataset's JSON text, as shipped."""
    return resources.files("mttq_core").joinpath(EXAMPLE_NAME).read_text(encoding="utf-8")


@lru_cache(maxsize=1)
def example() -> Dataset:
    """The built-in example: huyện Gia Lâm (Hà Nội), term 2019–2024.

    All 22 commune-level units with their official codes, the congress targets, yearly
    results 2019–2023 (district figures for 2022 are real; commune figures are
    illustrative, as the dataset's notes say), the 18/4/2022 working session with xã Bát
    Tràng and the sessions planned after it, and fund ledgers. Datasets are immutable, so
    the one instance is shared.

    >>> ds = example()
    >>> len(ds.communes), ds.committee.name
    (22, 'Ủy ban MTTQ Việt Nam huyện Gia Lâm')
    """
    return loads(example_text())
