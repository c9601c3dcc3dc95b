"""Scalar conversions and checks shared by the entities: text, codes, dates, exact numbers.

Converters normalise what is unambiguous (NFC text, ``datetime.date`` → ``pendulum.Date``,
``int`` and decimal strings → ``Decimal``) and leave anything else untouched, so that the
entity's own check reports it with its path instead of a bare ``TypeError``.
"""

from __future__ import annotations

import datetime as _dt
import itertools
import re
import types
import unicodedata
from decimal import Decimal
from typing import TypeAlias, cast

import pendulum

from ._enums import LabeledEnum, Measure
from ._errors import Problems

__all__ = [
    "Value",
    "check_code",
    "check_date",
    "check_decimal",
    "check_enum",
    "check_instance",
    "check_int",
    "check_items",
    "check_text",
    "describe",
    "has_surrogate",
    "shorten",
    "string_value_message",
    "to_date",
    "to_decimal",
    "to_optional_date",
    "to_optional_text",
    "to_text",
    "to_value",
    "value_problems",
]

#: An observation's or a target's value: a number (exact), a yes/no, or criteria met.
Value: TypeAlias = Decimal | bool | tuple[str, ...]

_DECIMAL_STRING = re.compile(r"-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?\Z")
_SURROGATE = re.compile("[\ud800-\udfff]")
#: Largest magnitude accepted for a number: far above any đồng amount a Front fund sees.
MAX_MAGNITUDE = Decimal(10) ** 18


def describe(value: object) -> str:
    """Name a JSON-ish value's type the way a user of JSON would.

    >>> describe(True), describe(1.5), describe("x"), describe([1]), describe(None)
    ('a boolean', 'a float', 'a string', 'a list', 'null')
    """
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, int):
        return "an integer"
    if isinstance(value, float):
        return "a float"
    if isinstance(value, Decimal):
        return "a number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, list | tuple):
        return "a list"
    if isinstance(value, dict):
        return "an object"
    return f"a {type(value).__name__}"


def to_text(value: str) -> str:
    """NFC-normalise and strip text; anything that is not a string is left for the check.

    >>> to_text("  Bát Tràng ") == "Bát Tràng"
    True
    >>> to_text(unicodedata.normalize("NFD", "Kiêu Kỵ")) == "Kiêu Kỵ"
    True
    """
    raw: object = value
    if isinstance(raw, str):
        return unicodedata.normalize("NFC", raw).strip()
    return value


def to_optional_text(value: str | None) -> str | None:
    """Like :func:`to_text`, keeping ``None``."""
    return None if value is None else to_text(value)


def to_date(value: pendulum.Date) -> pendulum.Date:
    """Turn a plain ``datetime.date`` into a ``pendulum.Date``; leave anything else."""
    raw: object = value
    if isinstance(raw, _dt.date) and not isinstance(raw, pendulum.Date | _dt.datetime):
        return pendulum.Date(raw.year, raw.month, raw.day)
    return value


def to_optional_date(value: pendulum.Date | None) -> pendulum.Date | None:
    """Like :func:`to_date`, keeping ``None``."""
    return None if value is None else to_date(value)


def to_decimal(value: Decimal | int | str) -> Decimal:
    """Exact numbers only: ``int`` and decimal strings become ``Decimal``; floats are left.

    >>> to_decimal(5), to_decimal("94.2")
    (Decimal('5'), Decimal('94.2'))
    >>> to_decimal(0.1)  # type: ignore[arg-type]  # left for the check to refuse
    0.1
    """
    if isinstance(value, int) and not isinstance(value, bool):
        return Decimal(value)
    if isinstance(value, str) and _DECIMAL_STRING.match(value):
        return Decimal(value)
    return cast("Decimal", value)  # a Decimal, or anything else for the check to refuse


def to_value(value: Value | int | str | list[str] | None) -> Value | None:
    """Convert an observation or target value: numbers to ``Decimal``, lists to tuples."""
    if isinstance(value, list):
        return tuple(to_text(v) for v in value)
    if isinstance(value, tuple):
        return tuple(to_text(v) for v in value)
    if isinstance(value, bool) or value is None:
        return value
    return to_decimal(value)


def check_instance(problems: Problems, path: str, value: object, kind: type, what: str) -> bool:
    """Check ``value`` is an instance of ``kind`` (``what`` names it for the message)."""
    if isinstance(value, kind):
        return True
    problems.add(path, f"expected {what}, got {describe(value)}")
    return False


def check_items(
    problems: Problems, path: str, value: object, kind: type | types.UnionType, what: str
) -> bool:
    """Check ``value`` is a tuple whose items are all instances of ``kind``."""
    if not isinstance(value, tuple):
        problems.add(path, f"expected a list of {what}, got {describe(value)}")
        return False
    if all(map(isinstance, value, itertools.repeat(kind))):
        return True
    ok = True
    for i, item in enumerate(value):
        if not isinstance(item, kind):
            problems.add(f"{path}[{i}]", f"expected {what}, got {describe(item)}")
            ok = False
    return ok


def has_surrogate(text: str) -> bool:
    r"""Whether ``text`` holds a lone UTF-16 surrogate: not a character, and not UTF-8.

    JSON's ``"\ud800"`` escape makes one; such text cannot be written to a file.

    >>> has_surrogate("Bát Tràng"), has_surrogate("a\ud800")
    (False, True)
    """
    return _SURROGATE.search(text) is not None


def check_text(problems: Problems, path: str, value: object, *, required: bool = True) -> bool:
    """Check a text field; ``True`` when it is usable."""
    if value is None and not required:
        return True
    if not isinstance(value, str):
        problems.add(path, f"expected text (a string), got {describe(value)}")
        return False
    if required and not value:
        problems.add(path, "must not be empty")
        return False
    if "\x00" in value:
        problems.add(path, "contains a NUL character, which is not allowed in text")
        return False
    if not value.isascii() and has_surrogate(value):
        problems.add(
            path,
            "contains a lone UTF-16 surrogate (an escape like \\ud800 without its pair), "
            "which is not a character; write the character itself",
        )
        return False
    return True


def check_code(problems: Problems, path: str, value: object, digits: int, what: str) -> bool:
    """Check an official unit code made of exactly ``digits`` ASCII digits."""
    if not check_text(problems, path, value) or not isinstance(value, str):
        return False
    if len(value) != digits or not value.isascii() or not value.isdigit():
        problems.add(path, f"{value!r} is not a {what} code; expected exactly {digits} digits")
        return False
    return True


def check_date(problems: Problems, path: str, value: object, *, required: bool = True) -> bool:
    """Check a date field holds a ``pendulum.Date`` (not a date-time)."""
    if value is None and not required:
        return True
    if isinstance(value, _dt.datetime):
        problems.add(path, "expected a date, got a date and time; give a pendulum.Date")
        return False
    if isinstance(value, pendulum.Date):
        return True
    problems.add(path, f"expected a date (YYYY-MM-DD), got {describe(value)}")
    return False


def check_int(
    problems: Problems, path: str, value: object, *, minimum: int | None = None, what: str = ""
) -> bool:
    """Check an integer field (booleans are not integers here)."""
    if isinstance(value, bool) or not isinstance(value, int):
        problems.add(path, f"expected an integer{what}, got {describe(value)}")
        return False
    if minimum is not None and value < minimum:
        problems.add(path, f"{value} is below {minimum}; allowed: {minimum} or more")
        return False
    if abs(value) >= MAX_MAGNITUDE:
        problems.add(
            path, f"{shorten(str(value), 'digits')} is too large; numbers must be below 10^18"
        )
        return False
    return True


def shorten(text: str, unit: str = "characters") -> str:
    """Shorten a long number or text for a message.

    >>> shorten("1" * 400, "digits")
    '111111111111… (400 digits)'
    """
    if len(text) <= 24:
        return text
    return f"{text[:12]}… ({len(text)} {unit})"


def string_value_message(value: str) -> str:
    """The message for a string where an observation's or target's value belongs."""
    if value.strip().lower() in ("true", "false"):
        return (
            f"{shorten(value)!r} is a string; write true or false without quotes "
            "for a boolean indicator"
        )
    return (
        f'{shorten(value)!r} is not a value; write a number like 94.2 (or the string "94.2"), '
        "true or false for a boolean indicator, or a list of criterion ids for a checklist"
    )


def check_decimal(problems: Problems, path: str, value: object) -> bool:
    """Check an exact, finite decimal number of sane magnitude."""
    if not isinstance(value, Decimal):
        if isinstance(value, str):
            problems.add(path, f'{value!r} is not a decimal number; write it like 94.2 or "94.2"')
        else:
            problems.add(path, f"expected a number (or a decimal string), got {describe(value)}")
        return False
    if not value.is_finite():
        problems.add(path, f"{value} is not a finite number; NaN and Infinity are not allowed")
        return False
    if value.copy_abs() >= MAX_MAGNITUDE:  # exact; abs() rounds, and overflows past 10^999999
        problems.add(
            path, f"{shorten(_plain(value))} is too large; numbers must be below 10^18 in size"
        )
        return False
    return True


def check_enum(problems: Problems, path: str, value: object, enum: type[LabeledEnum]) -> bool:
    """Check an enum field holds a member of ``enum``."""
    if isinstance(value, enum):
        return True
    shown = repr(value) if isinstance(value, str) else describe(value)
    problems.add(path, f"{shown} is not allowed; expected {enum.allowed()}")
    return False


def _listed(ids: tuple[str, ...], most: int = 20) -> str:
    """Ids for a message: all of them, or the first ``most`` and how many there are.

    >>> _listed(("a", "b")), _listed(tuple("abcd"), most=2)
    ("'a', 'b'", "'a', 'b', … (4 in all)")
    """
    shown = ", ".join(map(repr, ids[:most]))
    return shown if len(ids) <= most else f"{shown}, … ({len(ids):,} in all)"


def _plain(value: Decimal) -> str:
    """Spell a finite decimal without an exponent, the way users write numbers."""
    if abs(value.adjusted()) > 40:
        return f"{value:E}"
    return f"{value:f}"


def _whole(measure: Measure) -> str:
    return (
        "money is a whole number of đồng"
        if measure is Measure.MONEY
        else "a count is a whole number"
    )


def value_problems(measure: Measure, value: object, *, criteria: tuple[str, ...] = ()) -> list[str]:
    """What is wrong with ``value`` as a value of ``measure`` (empty when it is valid).

    >>> value_problems(Measure.PERCENT, Decimal("104.5"))
    ['104.5 is above 100 for a percent']
    >>> value_problems(Measure.MONEY, Decimal("1000.0"))
    ['1000.0 has a decimal point; money is a whole number of đồng, written without one']
    >>> value_problems(Measure.COUNT, Decimal("3"))
    []
    """
    if measure is Measure.BOOLEAN:
        if isinstance(value, bool):
            return []
        return [f"expected true or false for a boolean indicator, got {describe(value)}"]
    if measure is Measure.CHECKLIST:
        if not isinstance(value, tuple) or not all(isinstance(v, str) for v in value):
            return [
                f"expected a list of criterion ids for a checklist indicator, got {describe(value)}"
            ]
        out = []
        seen: set[str] = set()
        known = frozenset(criteria)  # a set: a list of thousands of ids stays linear
        allowed = ""
        for item in value:
            if item in seen:
                out.append(f"criterion {item!r} is listed twice")
            elif item not in known:
                allowed = allowed or _listed(criteria)
                out.append(f"{item!r} is not a criterion of this indicator; allowed: {allowed}")
            seen.add(item)
        return out
    if isinstance(value, bool):
        return [f"expected a number for a {measure.value} indicator, got a boolean"]
    if isinstance(value, tuple):
        return [f"expected a number for a {measure.value} indicator, got a list"]
    if (
        not isinstance(value, Decimal)
        or not value.is_finite()
        or not -MAX_MAGNITUDE < value < MAX_MAGNITUDE
    ):
        scratch = Problems()
        check_decimal(scratch, "$", value)
        return [p.message for p in scratch.items]
    if measure is Measure.PERCENT:
        if value < 0:
            return [f"{_plain(value)} is below 0 for a percent; allowed: 0 to 100"]
        if value > 100:
            return [f"{_plain(value)} is above 100 for a percent"]
        return []
    if measure is Measure.COUNT or measure is Measure.MONEY:
        exponent = value.as_tuple().exponent
        if exponent == 0:
            return [] if value >= 0 else [f"{_plain(value)} is negative; {_whole(measure)} ≥ 0"]
        what = _whole(measure)
        if isinstance(exponent, int) and exponent > 0:
            return [f"{value} is written with an exponent; {what}, written in digits"]
        if value == value.to_integral_value():
            return [f"{_plain(value)} has a decimal point; {what}, written without one"]
        return [f"{_plain(value)} is not a whole number; {what}"]
    return []  # quantity: any finite decimal
