"""A JSON Schema (draft 2020-12) of the dataset format, generated from the model's classes.

The schema is derived, never written by hand: every object comes from the fields of an attrs
class of :mod:`mttq_core.model` (their types, and which of them have defaults), every string
pattern from the regular expressions the readers use, every ``enum`` from a
:class:`~mttq_core.model.LabeledEnum`. ``tools/build_schema.py`` writes it to
``docs/dataset.schema.json``.

The schema checks the *shape* of a document: keys, JSON types, ids of closed vocabularies,
the spelling of dates, periods and decimal strings. Everything it refuses, :func:`loads`
refuses too; the converse does not hold, because the rules between fields and entities
(references, dates of use, values valid for the measure, ledger balances, …) are beyond a
schema, and because JSON Schema cannot tell ``1820`` from ``1820.0``.
"""

from __future__ import annotations

import inspect
import re
import types
import typing
from decimal import Decimal
from typing import Any

import attrs
import pendulum

from mttq_core.model import FORMAT, Dataset, LabeledEnum, Period, Value
from mttq_core.model._period import _HALF, _ISO_DATE, _MONTH, _QUARTER, _RANGE, _YEAR
from mttq_core.model._values import MAX_MAGNITUDE

from ._converter import _DECIMAL_STRING
from ._io import _REQUIRED

__all__ = ["DIALECT", "json_schema"]

#: The JSON Schema dialect of :func:`json_schema`.
DIALECT = "https://json-schema.org/draft/2020-12/schema"

_Schema = dict[str, Any]


def _ecma(*patterns: re.Pattern[str]) -> str:
    r"""One anchored ECMA-262 pattern from the readers' Python patterns (which end in ``\Z``).

    >>> _ecma(_YEAR)
    '^([0-9]{4})$'
    """
    bodies = [p.pattern.removesuffix(r"\Z") for p in patterns]
    if len(bodies) == 1:
        return f"^{bodies[0]}$"
    return "^(?:" + "|".join(bodies) + ")$"


def _scalars() -> dict[str, _Schema]:
    limit = int(MAX_MAGNITUDE)
    return {
        "date": {
            "type": "string",
            "format": "date",
            "pattern": _ecma(_ISO_DATE),
            "description": "A calendar date, YYYY-MM-DD (no time, no zone).",
        },
        "period": {
            "type": "string",
            "pattern": _ecma(_YEAR, _HALF, _QUARTER, _MONTH, _RANGE),
            "description": (
                "A reporting period: a year '2021', a half '2021-H1', a quarter '2021-Q3', "
                "a month '2021-05' or an inclusive range '2021-04-01/2021-06-30'."
            ),
        },
        "decimal": {
            "anyOf": [
                {"type": "number", "exclusiveMinimum": -limit, "exclusiveMaximum": limit},
                {"type": "string", "pattern": _ecma(_DECIMAL_STRING)},
            ],
            "description": (
                'An exact decimal: a JSON number or a decimal string such as "94.2" '
                "(no exponent, spaces or leading '+'); read as decimal.Decimal, never as a "
                "binary float. Below 10^18 in size."
            ),
        },
        "integer": {
            "type": "integer",
            "exclusiveMinimum": -limit,
            "exclusiveMaximum": limit,
            "description": 'A JSON integer (not 1820.0 nor "1820"), below 10^18 in size.',
        },
        "value": {
            "anyOf": [
                {"$ref": "#/$defs/decimal"},
                {"type": "boolean"},
                {"type": "array", "items": {"type": "string"}},
            ],
            "description": (
                "An observation's or a target's value, as the indicator's measure requires: a "
                "number (percent, count, money, quantity), true or false (boolean), or a list "
                "of criterion ids (checklist)."
            ),
        },
    }


def _description(obj: type) -> str | None:
    doc = inspect.getdoc(obj)
    if not doc:
        return None
    return " ".join(doc.split("\n\n", 1)[0].split()).replace("``", "`")


class _Builder:
    """Walks the attrs classes reachable from :class:`Dataset` and fills ``$defs``."""

    def __init__(self) -> None:
        self.defs: dict[str, _Schema] = _scalars()

    def ref(self, name: str) -> _Schema:
        return {"$ref": f"#/$defs/{name}"}

    def type_schema(self, tp: Any) -> _Schema:
        if tp == Value:
            return self.ref("value")
        args = typing.get_args(tp)
        if isinstance(tp, types.UnionType) or typing.get_origin(tp) is typing.Union:
            options = [a for a in args if a is not type(None)]
            if len(options) < len(args):  # X | None
                inner = typing.Union[tuple(options)] if len(options) > 1 else options[0]  # noqa: UP007
                return {"anyOf": [self.type_schema(inner), {"type": "null"}]}
            if all(attrs.has(a) and getattr(a, "TYPE", None) for a in options):
                return {"oneOf": [self.type_schema(a) for a in options]}  # a tagged union
            return {"anyOf": [self.type_schema(a) for a in options]}
        if typing.get_origin(tp) is tuple and len(args) == 2 and args[1] is Ellipsis:
            return {"type": "array", "items": self.type_schema(args[0])}
        if tp is str:
            return {"type": "string"}
        if tp is bool:
            return {"type": "boolean"}
        if tp is int:
            return self.ref("integer")
        if tp is Decimal:
            return self.ref("decimal")
        if tp is pendulum.Date:
            return self.ref("date")
        if tp is Period:
            return self.ref("period")
        if isinstance(tp, type) and issubclass(tp, LabeledEnum):
            return self.enum(tp)
        if isinstance(tp, type) and attrs.has(tp):
            return self.entity(tp)
        raise TypeError(f"no JSON Schema for {tp!r}")  # pragma: no cover - a new field type

    def enum(self, cls: type[LabeledEnum]) -> _Schema:
        name = cls.__name__
        if name not in self.defs:
            labels = "; ".join(f"{m.value!r}: {m.label}" for m in cls)
            self.defs[name] = {
                "title": name,
                "type": "string",
                "enum": [m.value for m in cls],
                "description": f"{_description(cls) or name} ({labels})",
            }
        return self.ref(name)

    def entity(self, cls: type) -> _Schema:
        name = cls.__name__
        if name in self.defs:
            return self.ref(name)
        self.defs[name] = {}  # reserved: a class may (indirectly) contain itself
        hints = typing.get_type_hints(cls)
        properties: dict[str, _Schema] = {}
        required: list[str] = []
        tag = getattr(cls, "TYPE", None)
        if isinstance(tag, str):  # a ledger entry: tagged by its "type"
            properties["type"] = {"const": tag}
            required.append("type")
        for field in attrs.fields(cls):
            if not field.init or field.name.startswith("_"):
                continue
            schema = self.type_schema(hints[field.name])
            if field.default is attrs.NOTHING:
                required.append(field.name)
                if hints[field.name] is str:
                    schema = {**schema, "minLength": 1}  # required text may not be empty
            properties[field.name] = schema
        out: _Schema = {"title": name, "type": "object"}
        description = _description(cls)
        if description:
            out["description"] = description
        out |= {"properties": properties, "required": required, "additionalProperties": False}
        self.defs[name] = out
        return self.ref(name)


def json_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of the dataset format ``mttq-core/1``.

    Generated from the attrs classes of :mod:`mttq_core.model`: one ``$defs`` entry per
    entity, enums as lists of ids, unknown keys refused (``additionalProperties: false``),
    required keys being the fields without a default. A new dict on every call.

    >>> from mttq_core.serde import json_schema
    >>> schema = json_schema()
    >>> schema["properties"]["format"]
    {'const': 'mttq-core/1'}
    >>> schema["$defs"]["CommuneKind"]["enum"]
    ['xa', 'phuong', 'thi_tran', 'dac_khu']
    >>> entries = schema["$defs"]["Fund"]["properties"]["entries"]
    >>> [entry["$ref"] for entry in entries["items"]["oneOf"]]
    ['#/$defs/Pledge', '#/$defs/Receipt', '#/$defs/Disbursement', '#/$defs/Disclosure']
    """
    builder = _Builder()
    builder.entity(Dataset)
    top = builder.defs.pop("Dataset")
    properties: dict[str, _Schema] = top["properties"]
    # the document root follows loads(), not the constructor: 'format' is required, and the
    # optional lists may also be null (read as empty)
    properties["format"] = {"const": FORMAT}
    for key, schema in properties.items():
        if key not in _REQUIRED and schema.get("type") == "array":
            properties[key] = {"anyOf": [schema, {"type": "null"}]}
    return {
        "$schema": DIALECT,
        "title": f"Dataset ({FORMAT})",
        "description": (
            f"A dataset of mttq_core, format {FORMAT!r}: {top.get('description', '')} "
            "Generated from the model by tools/build_schema.py; the shape of the document only "
            "(the dataset rules are checked by mttq_core.loads)."
        ),
        "type": "object",
        "properties": properties,
        "required": list(_REQUIRED),
        "additionalProperties": False,
        "$defs": dict(sorted(builder.defs.items())),
    }
