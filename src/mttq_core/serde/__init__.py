"""Reading and writing datasets: the cattrs converter, strict JSON, error reporting."""

from ._converter import CONVERTER, structure, unstructure
from ._io import dump, dumps, load, loads

__all__ = ["CONVERTER", "dump", "dumps", "load", "loads", "structure", "unstructure"]
