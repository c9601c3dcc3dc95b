"""Reading and writing datasets: the cattrs converter, strict JSON, error reporting."""

from ._converter import CONVERTER, structure, unstructure
from ._io import dump, dumps, load, loads
from ._limits import Limits
from ._schema import json_schema

__all__ = [
    "CONVERTER",
    "Limits",
    "dump",
    "dumps",
    "json_schema",
    "load",
    "loads",
    "structure",
    "unstructure",
]
