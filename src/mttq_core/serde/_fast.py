"""The fast path for reading observations, the bulk of every dataset (issue 8).

A dataset of a province holds tens of thousands of observations and the country's about a
million; reading each through cattrs and the attrs constructor costs about 35 µs. Almost all
of them are plain: known keys, a five-digit code, a period string, a number or a pair of
counts. :func:`read_observations` builds those directly, with the same checks the
constructor makes, and hands **everything else** back to the careful path (cattrs, the
converters and ``Observation.__attrs_post_init__``), which reports problems with their paths.

So the fast path never rejects and never reports anything: it either builds exactly the
object the careful path would build — equal field by field, ``derived`` included — or
declines. ``tests/serde/test_fast_path.py`` checks this over random and hostile
observations.

Strings met more than once (commune codes, indicator ids, periods, dates, sources) are
checked once per document and shared, which also keeps a national dataset's memory down.
Nothing is kept between documents.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from decimal import Decimal
from typing import Any, Final, cast

import attrs
import pendulum

from mttq_core.model import Observation, Period, PeriodError
from mttq_core.model._period import parse_date
from mttq_core.model._target import COMMITTEE
from mttq_core.model._values import MAX_MAGNITUDE, has_surrogate

__all__ = ["read_observations"]

#: Observation's fields in order; all but ``derived`` (not an init field) are JSON keys.
_FIELDS: Final = tuple(a.name for a in attrs.fields(Observation))
_KEYS: Final = frozenset(a.name for a in attrs.fields(Observation) if a.init)
_REQUIRED: Final = frozenset(("commune", "indicator", "period", "source"))
_DIGITS: Final = re.compile(r"[0-9]{5}\Z")
_HUNDRED: Final = Decimal(100)
_MAX_INT: Final = int(MAX_MAGNITUDE)

_new = object.__new__
#: Stands for "not checked yet" in the memo (``None`` there means "not plain").
_MISSING: Final = object()


class _Strings:
    """Per-document memo of checked strings: text, commune codes, periods and dates."""

    __slots__ = ("codes", "dates", "longest", "periods", "texts")

    def __init__(self, longest: int = 100_000) -> None:
        #: ``Limits.max_string_length``: longer text goes the careful way, which reports it.
        self.longest = longest
        self.texts: dict[str, str | None] = {}
        self.codes: dict[str, str | None] = {}
        self.periods: dict[str, Period | None] = {}
        self.dates: dict[str, pendulum.Date | None] = {}

    def text(self, value: str) -> str | None:
        """``value`` if it is already a usable text field, else ``None``.

        Usable: NFC, stripped, non-empty, no NUL, no lone surrogate, within the length limit.
        """
        try:
            return self.texts[value]
        except KeyError:
            ok = (
                value
                if value
                and len(value) <= self.longest
                and "\x00" not in value
                and value == value.strip()
                and unicodedata.is_normalized("NFC", value)
                and (value.isascii() or not has_surrogate(value))
                else None
            )
            self.texts[value] = ok
            return ok

    def code(self, value: str) -> str | None:
        """``value`` if it is a five-digit commune code or ``committee``."""
        try:
            return self.codes[value]
        except KeyError:
            ok = value if value == COMMITTEE or _DIGITS.match(value) else None
            self.codes[value] = ok
            return ok

    def period(self, value: str) -> Period | None:
        """The period ``value`` names, or ``None`` when it does not parse."""
        try:
            return self.periods[value]
        except KeyError:
            try:
                found: Period | None = Period.parse(value)
            except PeriodError:
                found = None
            self.periods[value] = found
            return found

    def date(self, value: str) -> pendulum.Date | None:
        """The date ``value`` names (``YYYY-MM-DD``), or ``None``."""
        try:
            return self.dates[value]
        except KeyError:
            try:
                found: pendulum.Date | None = parse_date(value)
            except PeriodError:
                found = None
            self.dates[value] = found
            return found


def _setter(name: str) -> Callable[[Observation, object], None]:
    """The slot setter of one field: what ``object.__setattr__`` calls, minus the lookup."""
    setter: Callable[[Observation, object], None] = Observation.__dict__[name].__set__
    return setter


_SET: Final = {name: _setter(name) for name in _FIELDS}
_COMMUNE, _INDICATOR, _PERIOD, _VALUE, _NUMERATOR, _DENOMINATOR = (
    _SET[n] for n in ("commune", "indicator", "period", "value", "numerator", "denominator")
)
_SOURCE, _REPORTED_ON, _REVISION, _DERIVED = (
    _SET[n] for n in ("source", "reported_on", "revision", "derived")
)
if len(_SET) != 10:  # pragma: no cover - a new field of Observation needs setting in _build
    msg = "Observation has a field the fast path does not set; update serde/_fast.py"
    raise RuntimeError(msg)


def _build(raw: dict[str, Any], memo: _Strings) -> Observation | None:
    """The observation ``raw`` describes, when it is plain; ``None`` hands it back."""
    if not raw.keys() <= _KEYS:
        return None
    try:
        commune, indicator, period_text, source = (
            raw["commune"],
            raw["indicator"],
            raw["period"],
            raw["source"],
        )
    except KeyError:
        return None
    if not (
        type(commune) is str
        and type(indicator) is str
        and type(period_text) is str
        and type(source) is str
    ):
        return None
    texts = memo.texts
    commune = memo.codes.get(commune, _MISSING)
    if commune is _MISSING:
        commune = memo.code(raw["commune"])
    indicator = texts.get(indicator, _MISSING)
    if indicator is _MISSING:
        indicator = memo.text(raw["indicator"])
    source = texts.get(source, _MISSING)
    if source is _MISSING:
        source = memo.text(raw["source"])
    known = memo.periods.get(period_text, _MISSING)
    period = memo.period(period_text) if known is _MISSING else cast("Period | None", known)
    if commune is None or indicator is None or source is None or period is None:
        return None
    value: Decimal | bool | tuple[str, ...] | None = None
    raw_value = raw.get("value")
    if raw_value is not None:
        kind = type(raw_value)
        if kind is int and -_MAX_INT < raw_value < _MAX_INT:
            value = Decimal(raw_value)
        elif kind is Decimal:
            if not (raw_value.is_finite() and -MAX_MAGNITUDE < raw_value < MAX_MAGNITUDE):
                return None
            value = raw_value
        elif kind is bool:
            value = raw_value
        elif kind is list:
            items = []
            for item in raw_value:
                text = memo.text(item) if type(item) is str else None
                if text is None:
                    return None
                items.append(text)
            value = tuple(items)
        else:
            return None
    numerator = raw.get("numerator")
    denominator = raw.get("denominator")
    derived = False
    if numerator is None and denominator is None:
        if value is None:
            return None
    else:
        if not (
            type(numerator) is int
            and type(denominator) is int
            and 0 <= numerator <= denominator < _MAX_INT
            and denominator >= 1
        ):
            return None
        if value is None:
            value = _HUNDRED * numerator / denominator
            derived = True
    reported_on = raw.get("reported_on")
    if reported_on is not None:
        reported_on = memo.date(reported_on) if type(reported_on) is str else None
        if reported_on is None or reported_on < period.start:
            return None
    revision = raw.get("revision", 0)
    if type(revision) is not int or not 0 <= revision < _MAX_INT:
        return None
    obs: Observation = _new(Observation)
    _COMMUNE(obs, commune)
    _INDICATOR(obs, indicator)
    _PERIOD(obs, period)
    _VALUE(obs, value)
    _NUMERATOR(obs, numerator)
    _DENOMINATOR(obs, denominator)
    _SOURCE(obs, source)
    _REPORTED_ON(obs, reported_on)
    _REVISION(obs, revision)
    _DERIVED(obs, derived)
    return obs


def read_observations(
    items: list[Any],
    careful: Callable[[int, Any], Observation | None],
    longest: int = 100_000,
) -> list[tuple[int, Observation]]:
    """Read every observation of ``items``: plain ones directly, the rest by ``careful``.

    ``careful(i, item)`` is the careful path for item ``i``: it returns the observation, or
    ``None`` after recording the item's problems itself. Text longer than ``longest``
    (``Limits.max_string_length``) is never plain.
    """
    memo = _Strings(longest)
    out: list[tuple[int, Observation]] = []
    append = out.append
    for i, item in enumerate(items):
        obs = _build(item, memo) if type(item) is dict else None
        if obs is None:
            obs = careful(i, item)
            if obs is None:
                continue
        append((i, obs))
    return out
