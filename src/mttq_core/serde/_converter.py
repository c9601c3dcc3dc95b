"""The one cattrs converter of the project: strict, exact, and path-reporting.

cattrs coerces by default (``structure(1.9, int) == 1``, ``structure(True, int) == 1``,
``structure(1, str) == "1"``), has no ``Decimal`` hook, and its preconf date hooks turn
pendulum dates into plain ones. Every scalar hook here is registered explicitly and refuses
anything that is not already of the right JSON type.
"""

from __future__ import annotations

import re
import typing
from collections.abc import Callable
from decimal import Decimal
from typing import Any

import attrs
import cattrs
import pendulum
from cattrs.errors import (
    AttributeValidationNote,
    ClassValidationError,
    ForbiddenExtraKeysError,
    IterableValidationError,
    IterableValidationNote,
)
from cattrs.gen import make_dict_structure_fn, make_dict_unstructure_fn

from mttq_core.model import (
    Baseline,
    Committee,
    Commune,
    Conclusion,
    Criterion,
    Dataset,
    DatasetError,
    Delegation,
    Disbursement,
    Disclosure,
    Fund,
    Indicator,
    LabeledEnum,
    Milestone,
    Observation,
    Period,
    PeriodError,
    Person,
    Pledge,
    Problem,
    Receipt,
    Recommendation,
    Target,
    Term,
    Topic,
    WorkingSession,
)
from mttq_core.model._fund import ENTRY_TYPES
from mttq_core.model._period import parse_date
from mttq_core.model._values import MAX_MAGNITUDE, describe, shorten, string_value_message

from ._json import BadNumber, NonFinite, Oversized, key_path
from ._limits import CURRENT, number_problem

__all__ = ["CONVERTER", "ENTITIES", "allowed_keys", "problems_of", "structure", "unstructure"]

_DECIMAL_STRING = re.compile(r"-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?\Z")

ENTITIES: tuple[type, ...] = (
    Committee,
    Term,
    Commune,
    Criterion,
    Indicator,
    Baseline,
    Milestone,
    Target,
    Observation,
    Person,
    Delegation,
    Recommendation,
    Conclusion,
    WorkingSession,
    Pledge,
    Receipt,
    Disbursement,
    Disclosure,
    Fund,
    Topic,
)


def allowed_keys(cls: type) -> list[str]:
    """The JSON keys an entity accepts, in field order."""
    keys = [a.name for a in attrs.fields(cls) if a.init and not a.name.startswith("_")]
    if cls in ENTRY_TYPES.values():
        keys.insert(0, "type")
    return keys


def _non_finite(value: object) -> None:
    if isinstance(value, BadNumber):
        raise ValueError(value.reason)
    if isinstance(value, NonFinite):
        raise ValueError(f"{value} is not allowed; numbers must be finite")
    if isinstance(value, Oversized):
        raise ValueError(f"the integer {value} is too large; numbers must be below 10^18")


# -- scalar hooks ---------------------------------------------------------------------------


def _str(value: object, _: object) -> str:
    if isinstance(value, str) and not isinstance(value, NonFinite | Oversized):
        return value
    shown = value if isinstance(value, NonFinite | Oversized) else describe(value)
    raise TypeError(f"expected text (a string), got {shown}")


def _int(value: object, _: object) -> int:
    _non_finite(value)
    if isinstance(value, int) and not isinstance(value, bool):
        if abs(value) >= MAX_MAGNITUDE:
            raise _too_large(value)
        return value
    if isinstance(value, Decimal):
        raise TypeError(
            f"expected an integer, got {value} (a number with a decimal point or exponent)"
        )
    raise TypeError(f"expected an integer, got {describe(value)}")


def _bool(value: object, _: object) -> bool:
    if isinstance(value, bool):
        return value
    raise TypeError(f"expected true or false, got {describe(value)}")


def _too_large(value: int | Decimal | str) -> ValueError:
    if isinstance(value, int):
        shown = shorten(str(value), "digits")
        return ValueError(f"the integer {shown} is too large; numbers must be below 10^18")
    return ValueError(f"{shorten(str(value))} is too large; numbers must be below 10^18")


def _decimal(value: object, _: object = None) -> Decimal:
    _non_finite(value)
    if isinstance(value, bool):
        raise TypeError("expected a number, got a boolean")
    if isinstance(value, int):
        if abs(value) >= MAX_MAGNITUDE:
            raise _too_large(value)
        return Decimal(value)
    if isinstance(value, Decimal):
        if not value.is_finite():
            raise ValueError(f"{value} is not allowed; numbers must be finite")
        if value.copy_abs() >= MAX_MAGNITUDE:  # exact; abs() rounds, and overflows past 10^999999
            raise _too_large(value)
        return value
    if isinstance(value, str):
        if _DECIMAL_STRING.match(value):
            limits = CURRENT.get()
            if len(value) > limits.max_number_length:
                raise ValueError(number_problem(len(value), limits))
            number = Decimal(value)
            if number.copy_abs() >= MAX_MAGNITUDE:  # exact: abs() rounds to 28 digits
                raise _too_large(value)
            return number
        raise ValueError(
            f"{shorten(value)!r} is not a decimal number; write digits with an optional '-' and "
            'decimal point, like 94.2 or "94.2" (no exponent, spaces or thousands separators)'
        )
    raise TypeError(f"expected a number (or a decimal string), got {describe(value)}")


def _date(value: object, _: object) -> pendulum.Date:
    if not isinstance(value, str) or isinstance(value, NonFinite | Oversized):
        raise TypeError(f"expected a date string YYYY-MM-DD, got {describe(value)}")
    try:
        return parse_date(value)
    except PeriodError as e:
        raise ValueError(str(e)) from None


def _period(value: object, _: object) -> Period:
    if not isinstance(value, str) or isinstance(value, NonFinite | Oversized):
        raise TypeError(f"expected a period string like '2021', got {describe(value)}")
    try:
        return Period.parse(value)
    except PeriodError as e:
        raise ValueError(str(e)) from None


def _enum(value: object, cls: type[LabeledEnum]) -> LabeledEnum:
    if isinstance(value, str) and not isinstance(value, NonFinite | Oversized):
        member = cls._value2member_map_.get(value)
        if member is None:
            raise ValueError(f"{value[:60]!r} is not allowed; expected {cls.allowed()}")
        return typing.cast("LabeledEnum", member)
    raise TypeError(f"expected one of {cls.allowed()}, got {describe(value)}")


def _value(value: object, _: object) -> object:
    """An observation's or target's value: number, decimal string, boolean or id list."""
    if value is None or isinstance(value, bool):
        return value
    if isinstance(value, list):
        return _tuple_of(value, tuple[str, ...])
    if isinstance(value, dict):
        raise TypeError(
            "expected a number, a decimal string, true/false or a list of ids, got an object"
        )
    if (
        isinstance(value, str)
        and not isinstance(value, NonFinite | Oversized)
        and not _DECIMAL_STRING.match(value)
    ):
        raise ValueError(string_value_message(value))
    return _decimal(value)


# -- containers -----------------------------------------------------------------------------


def _tuple_of(value: object, cls: Any) -> tuple[Any, ...]:
    if not isinstance(value, list):
        raise TypeError(f"expected a list, got {describe(value)}")
    (item_type, _) = typing.get_args(cls)
    structure_item = CONVERTER.get_structure_hook(item_type)
    out = []
    errors: list[Exception] = []
    for i, item in enumerate(value):
        try:
            out.append(structure_item(item, item_type))
        except Exception as e:
            e.__notes__ = [
                *getattr(e, "__notes__", []),
                IterableValidationNote(f"@ index {i}", i, item_type),
            ]
            errors.append(e)
    if errors:
        raise IterableValidationError("While structuring a list", errors, cls)
    return tuple(out)


def _is_var_tuple(cls: Any) -> bool:
    return (
        typing.get_origin(cls) is tuple
        and len(typing.get_args(cls)) == 2
        and (typing.get_args(cls)[1] is Ellipsis)
    )


def _field_error(cls: type, name: str, message: str) -> ClassValidationError:
    exc = ValueError(message)
    exc.__notes__ = [AttributeValidationNote(f"@ attribute {name}", name, str)]
    return ClassValidationError(f"While structuring {cls.__name__}", [exc], cls)


def _entry(value: object, _: object) -> object:
    if not isinstance(value, dict):
        raise TypeError(f"expected a ledger entry (an object with a 'type'), got {describe(value)}")
    tag = value.get("type")
    allowed = ", ".join(repr(t) for t in ENTRY_TYPES)
    if tag is None:
        raise _field_error(Fund, "type", f"required: the entry's type, one of {allowed}")
    if not isinstance(tag, str) or tag not in ENTRY_TYPES:
        shown = repr(tag) if isinstance(tag, str) else describe(tag)
        raise _field_error(Fund, "type", f"{shown} is not an entry type; expected {allowed}")
    rest = {k: v for k, v in value.items() if k != "type"}
    return CONVERTER.structure(rest, ENTRY_TYPES[tag])


def _class_hook(cls: type) -> Callable[[object, object], object]:
    inner: Callable[[Any, Any], Any] = make_dict_structure_fn(cls, CONVERTER)

    def hook(value: object, _: object) -> object:
        if not isinstance(value, dict):
            raise TypeError(
                f"expected an object with keys {', '.join(allowed_keys(cls))}; got "
                f"{describe(value)}"
            )
        return inner(value, cls)

    return hook


def _make_converter() -> cattrs.Converter:
    conv = cattrs.Converter(forbid_extra_keys=True, detailed_validation=True)
    conv.register_structure_hook(str, _str)
    conv.register_structure_hook(int, _int)
    conv.register_structure_hook(bool, _bool)
    conv.register_structure_hook(Decimal, _decimal)
    conv.register_structure_hook(pendulum.Date, _date)
    conv.register_structure_hook(Period, _period)
    conv.register_structure_hook_func(
        lambda t: isinstance(t, type) and issubclass(t, LabeledEnum), _enum
    )
    conv.register_structure_hook_func(_is_var_tuple, _tuple_of)
    value_union = Decimal | bool | tuple[str, ...]
    conv.register_structure_hook_func(
        lambda t: t in (value_union, value_union | None, typing.Optional[value_union]),  # noqa: UP045
        _value,
    )
    conv.register_structure_hook_func(
        lambda t: t == Pledge | Receipt | Disbursement | Disclosure, _entry
    )
    # unstructuring: JSON-ready values, defaults and None left out
    conv.register_unstructure_hook(Decimal, _dump_decimal)
    conv.register_unstructure_hook(pendulum.Date, lambda d: d.isoformat())
    conv.register_unstructure_hook(Period, str)
    conv.register_unstructure_hook_func(
        lambda t: isinstance(t, type) and issubclass(t, LabeledEnum), lambda e: e.value
    )
    return conv


def _dump_decimal(value: Decimal) -> int | str:
    exponent = value.as_tuple().exponent
    if isinstance(exponent, int) and exponent >= 0:
        return int(value)
    return f"{value:f}"


def _dump_value(value: object) -> object:
    if isinstance(value, Decimal):
        return _dump_decimal(value)
    if isinstance(value, tuple):
        return list(value)
    return value


CONVERTER = _make_converter()
for _cls in ENTITIES:
    CONVERTER.register_structure_hook(_cls, _class_hook(_cls))


def _register_unstructure(cls: type) -> None:
    base: Callable[[Any], dict[str, Any]] = make_dict_unstructure_fn(
        cls, CONVERTER, _cattrs_omit_if_default=True
    )
    tag = getattr(cls, "TYPE", None)
    has_value = any(a.name == "value" for a in attrs.fields(cls))

    def hook(obj: Any) -> dict[str, Any]:
        out: dict[str, Any] = {"type": tag} if tag else {}
        for key, val in base(obj).items():
            if key == "value" and has_value:
                if obj.value is not None and not getattr(obj, "derived", False):
                    out[key] = _dump_value(obj.value)
            elif val is not None and not (
                isinstance(val, list | tuple) and not val and key != "topics"
            ):
                out[key] = val
        return out

    CONVERTER.register_unstructure_hook(cls, hook)


for _cls in ENTITIES:
    _register_unstructure(_cls)
CONVERTER.register_unstructure_hook_func(
    lambda t: t == Pledge | Receipt | Disbursement | Disclosure,
    lambda e: CONVERTER.unstructure(e, type(e)),
)


def structure(value: object, cls: type[Any]) -> Any:
    """Structure one JSON value into ``cls``; raise :class:`DatasetError` with relative paths."""
    try:
        return CONVERTER.structure(value, cls)
    except Exception as e:
        raise DatasetError(problems_of(e, "$", cls)) from None


def unstructure(obj: object) -> Any:
    """Unstructure an entity or dataset into JSON-ready Python values."""
    if isinstance(obj, Dataset):
        out: dict[str, Any] = {}
        for a in attrs.fields(Dataset):
            if a.name.startswith("_"):
                continue
            val = getattr(obj, a.name)
            if val is None or (
                isinstance(val, tuple) and not val and a.default is not attrs.NOTHING
            ):
                continue
            out[a.name] = (
                [CONVERTER.unstructure(v, type(v)) for v in val]
                if isinstance(val, tuple)
                else CONVERTER.unstructure(val, type(val))
            )
        return out
    return CONVERTER.unstructure(obj, type(obj))


def problems_of(exc: BaseException, path: str, cls: type | None = None) -> list[Problem]:
    """Turn a (possibly grouped) structuring exception into path-named problems."""
    out: list[Problem] = []
    _walk(exc, path, cls, out)
    return out


def _walk(exc: BaseException, path: str, cls: type | None, out: list[Problem]) -> None:
    if isinstance(exc, DatasetError):
        out.extend(exc.rebased(path).problems)
    elif isinstance(exc, ClassValidationError):
        for sub in exc.exceptions:
            note = next(
                (
                    n
                    for n in getattr(sub, "__notes__", ())
                    if isinstance(n, AttributeValidationNote)
                ),
                None,
            )
            if isinstance(sub, ForbiddenExtraKeysError):
                keys = ", ".join(allowed_keys(sub.cl))
                for key in sorted(sub.extra_fields):
                    out.append(
                        Problem(key_path(path, key), f"unknown key; allowed keys here: {keys}")
                    )
            elif note is not None:
                _walk(sub, key_path(path, note.name), _field_type(exc.cl, note.name), out)
            else:
                _walk(sub, path, exc.cl, out)
    elif isinstance(exc, IterableValidationError):
        for sub in exc.exceptions:
            index = next(
                (
                    n.index
                    for n in getattr(sub, "__notes__", ())
                    if isinstance(n, IterableValidationNote)
                ),
                None,
            )
            sub_path = f"{path}[{index}]" if index is not None else path
            _walk(sub, sub_path, None, out)
    elif isinstance(exc, KeyError):
        out.append(Problem(path, "required key is missing"))
    elif isinstance(exc, ValueError | TypeError):
        out.append(Problem(path, str(exc)))
    elif isinstance(exc, RecursionError):
        out.append(Problem(path, "nested too deeply"))
    else:  # pragma: no cover - a bug in a hook; still reported with its path, never a traceback
        out.append(Problem(path, f"cannot be read ({type(exc).__name__}: {exc})"))


def _field_type(cls: type, name: str) -> type | None:
    for a in attrs.fields(cls):
        if a.name == name:
            return a.type if isinstance(a.type, type) else None
    return None
