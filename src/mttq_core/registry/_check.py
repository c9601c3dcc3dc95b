"""Checking a dataset's communes against the registry (``mttq-core validate --units``)."""

from __future__ import annotations

import unicodedata
from typing import Final

import pendulum

from mttq_core.model import Commune, Dataset, Problem

from ._registry import Registry, Unit, registry

__all__ = ["check_units", "same_name"]

# Vowel pairs where the tone mark sits on the first vowel in the older spelling
# ("Hòa", "Thủy") and on the second in the newer one ("Hoà", "Thuỷ"): both are in use.
_PAIRS: Final = ("oa", "oe", "uy")
_TONES: Final = ("\u0300", "\u0301", "\u0303", "\u0309", "\u0323")


def _new_style(name: str) -> str:
    """Move a tone mark from the first to the second vowel of oa, oe, uy (NFD in, NFC out)."""
    text = unicodedata.normalize("NFD", name)
    out = list(text)
    i = 0
    while i + 2 < len(out):
        a, mark, b = out[i], out[i + 1], out[i + 2]
        if mark in _TONES and (a + b).lower() in _PAIRS:
            # the second vowel takes the mark unless a final consonant follows ("hoàn" stays)
            after = out[i + 3] if i + 3 < len(out) else ""
            if not after.isalpha() or after in ("\u0302", "\u0306", "\u031b"):
                out[i + 1], out[i + 2] = b, mark
        i += 1
    return unicodedata.normalize("NFC", "".join(out))


def same_name(a: str, b: str) -> bool:
    """Whether two names are the same, allowing the two tone-mark placements in use.

    >>> same_name("Hòa Bình", "Hoà Bình"), same_name("Thủy", "Thuỷ"), same_name("Hoàn", "Hòan")
    (True, True, False)
    >>> same_name("Bát Tràng", "Bat Trang")
    False
    """
    a, b = unicodedata.normalize("NFC", a), unicodedata.normalize("NFC", b)
    return a == b or _new_style(a) == _new_style(b)


def _days(reg: Registry, c: Commune, units: list[Unit]) -> list[pendulum.Date]:
    """The days on which what the registry says of ``c``'s code can change, within its validity."""
    first = min((s.as_of for s in reg.snapshots if s.as_of is not None), default=None)
    last = max((s.as_of for s in reg.snapshots if s.as_of is not None), default=None)
    lo = c.valid_from or first or pendulum.Date(2019, 1, 1)
    if c.valid_to is not None:  # a unit that ended before the first snapshot's date
        lo = min(lo, c.valid_to)
    hi = c.valid_to or max(last or lo, lo)
    points = {lo, hi}
    for u in units:
        for day in (u.valid_from, u.may_from):
            if day is not None:
                points.add(day)
        for day in (u.valid_to, u.may_to):
            if day is not None:
                points.add(day)
                points.add(day.add(days=1))
    return sorted(d for d in points if lo <= d <= hi)


def _matches(c: Commune, u: Unit) -> bool:
    return (
        same_name(c.name, u.name)
        and c.kind is u.kind
        and (c.district_code is None or c.district_code == u.district)
        and (c.province_code is None or c.province_code == u.province)
    )


def _differences(
    path: str, c: Commune, u: Unit, day: pendulum.Date, reg: Registry
) -> list[Problem]:
    where = f"on {day.isoformat()} code {c.code} is {u.title}"
    snap = reg.snapshot_of(u, day)
    if snap is not None:
        sources = next(s.sources for s in reg.snapshots if s.id == snap)
        where += f" (registry snapshot {snap}: {', '.join(sources)})"
    disputed = [d for d in reg.disagreements if d.subject == c.code and d.snapshot == snap]
    if disputed:
        where += "; the sources disagree here: " + "; ".join(d.message for d in disputed)
    out: list[Problem] = []
    if not same_name(c.name, u.name):
        out.append(Problem(f"{path}.name", f"{c.name!r} disagrees with the registry: {where}"))
    if c.kind is not u.kind:
        out.append(
            Problem(
                f"{path}.kind",
                f"{c.kind.value!r} disagrees with the registry: {where}, a {u.kind.value!r}",
            )
        )
    if c.district_code is not None and c.district_code != u.district:
        had = (
            f"in district {u.district}"
            if u.district
            else "with no district (districts were abolished on 2025-07-01)"
        )
        out.append(
            Problem(
                f"{path}.district_code",
                f"{c.district_code!r} disagrees with the registry: {where}, {had}",
            )
        )
    if c.province_code is not None and c.province_code != u.province:
        out.append(
            Problem(
                f"{path}.province_code",
                f"{c.province_code!r} disagrees with the registry: {where}, in province "
                f"{u.province}",
            )
        )
    return out


def check_units(dataset: Dataset, *, using: Registry | None = None) -> tuple[Problem, ...]:
    """Each commune that disagrees with the registry at some day of its validity.

    Code, name, kind, district and province are compared; the result is ``(path, message)``
    problems in dataset order, one per path and registry unit. Where the sources date a change
    only between two snapshots, either side is accepted in between. Names match allowing both
    tone-mark placements ("Hòa"/"Hoà").

    >>> import mttq_core
    >>> check_units(mttq_core.example())
    ()
    """
    reg = using or registry()
    problems: list[Problem] = []
    for i, c in enumerate(dataset.communes):
        path = f"$.communes[{i}]"
        units = [u for u in reg.units if u.code == c.code]
        seen: set[tuple[str, str]] = set()
        for day in _days(reg, c, units):
            found = reg.lookup(c.code, day)
            if not found.candidates:
                key = (f"{path}.code", "none")
                if key not in seen:
                    seen.add(key)
                    problems.append(
                        Problem(
                            f"{path}.code",
                            f"{c.code} names no unit in the registry on {day.isoformat()} "
                            f"({c.name!r} is declared valid {c.validity()})",
                        )
                    )
                continue
            if any(_matches(c, u) for u in found.candidates):
                continue
            u = found.unit or found.candidates[0]
            for problem in _differences(path, c, u, day, reg):
                key = (problem.path, u.code + u.name + "/".join(u.snapshots))
                if key not in seen:
                    seen.add(key)
                    problems.append(problem)
    return tuple(problems)
