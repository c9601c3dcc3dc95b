"""The registry of commune-level units through time.

Read from the data file built from pinned public packages (``tools/build_registry.py``,
``docs/registry-sources.md``).
"""

from __future__ import annotations

import datetime as _dt
import gzip
import json
import unicodedata
from collections.abc import Iterable, Mapping
from decimal import Decimal, InvalidOperation
from functools import cache
from importlib import resources
from typing import Any, Final

import attrs
import pendulum

from mttq_core.model import CommuneKind
from mttq_core.model._period import PeriodError, date_argument

__all__ = [
    "REFORM_2025",
    "Boundary",
    "Disagreement",
    "District",
    "Lookup",
    "Province",
    "Registry",
    "RegistryError",
    "Snapshot",
    "Source",
    "Step",
    "Unit",
    "fold",
    "load",
    "registry",
]

FORMAT: Final = "mttq-core/registry/1"
DATA: Final = "units.json.gz"
#: The day the two-level local government began: districts gone, communes merged.
REFORM_2025: Final = pendulum.Date(2025, 7, 1)
_KIND_WORDS: Final = {
    CommuneKind.XA: "xã",
    CommuneKind.PHUONG: "phường",
    CommuneKind.THI_TRAN: "thị trấn",
    CommuneKind.DAC_KHU: "đặc khu",
}


class RegistryError(ValueError):
    """A question the registry cannot answer as asked.

    A bad date, an unknown or ambiguous name, a data file that is not the registry's.
    """


def fold(text: str) -> str:
    """Text for diacritic-insensitive matching: no marks, ``đ`` as ``d``, case folded.

    >>> fold("Bát Tràng") == fold("BAT TRANG") == fold("Ba\u0301t Tra\u0300ng")
    True
    >>> fold("Đông Dư")
    'dong du'
    """
    text = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    bare = "".join(ch for ch in text if not unicodedata.combining(ch))
    return " ".join(bare.casefold().split())


@attrs.frozen
class Source:
    """A pinned public package the registry's data was derived from."""

    id: str
    package: str | None
    version: str | None
    sha256: str
    data_date: pendulum.Date | None
    note: str


@attrs.frozen
class Snapshot:
    """One list of units as one set of sources gives it, with the date it describes."""

    id: str
    label: str
    sources: tuple[str, ...]
    as_of: pendulum.Date | None


@attrs.frozen
class Boundary:
    """The day one snapshot gives way to the next — everywhere, or in one province."""

    before: str
    after: str
    province: str | None
    date: pendulum.Date
    basis: str


@attrs.frozen
class Province:
    """A province-level unit (tỉnh, thành phố trực thuộc trung ương)."""

    code: str
    name: str
    kind: str
    snapshots: tuple[str, ...]


@attrs.frozen
class District:
    """A district-level unit (huyện, quận, thị xã, thành phố thuộc tỉnh) — gone from 2025-07-01."""

    code: str
    name: str
    kind: str
    province: str
    snapshots: tuple[str, ...]


@attrs.frozen
class Disagreement:
    """Where the sources differ: reported, never resolved silently."""

    snapshot: str
    subject: str
    message: str
    values: Mapping[str, str] = attrs.field(eq=False, hash=False)


@attrs.frozen
class Step:
    """One row of the crosswalk: a unit of one snapshot and one of its successors."""

    source: str
    source_snapshot: str
    target: str
    target_snapshot: str
    share: Decimal | None
    basis: str


@attrs.frozen
class Unit:
    """A commune-level unit: code, name, kind, district and province, with its validity.

    ``valid_from``/``valid_to`` bound the days the unit surely existed (``None`` is open);
    where the sources only date a change between two snapshots, ``may_from``/``may_to``
    bound the days it may have existed.
    """

    code: str
    name: str
    kind: CommuneKind
    district: str | None
    province: str
    snapshots: tuple[str, ...]
    valid_from: pendulum.Date | None
    valid_to: pendulum.Date | None
    may_from: pendulum.Date | None
    may_to: pendulum.Date | None

    @property
    def title(self) -> str:
        """``xã Bát Tràng``, ``thị trấn Trâu Quỳ``."""
        return f"{_KIND_WORDS[self.kind]} {self.name}"

    def surely_on(self, day: pendulum.Date) -> bool:
        """Whether the unit surely existed on ``day``."""
        return (self.valid_from is None or self.valid_from <= day) and (
            self.valid_to is None or day <= self.valid_to
        )

    def maybe_on(self, day: pendulum.Date) -> bool:
        """Whether the unit may have existed on ``day`` (surely, or in an undated change)."""
        return (self.may_from is None or self.may_from <= day) and (
            self.may_to is None or day <= self.may_to
        )

    def validity(self) -> str:
        """The validity as text: ``… – 2024-12-31``, with the uncertain part if any."""
        lo = self.valid_from.isoformat() if self.valid_from else "…"
        hi = self.valid_to.isoformat() if self.valid_to else "…"
        text = f"{lo} – {hi}"
        if (self.may_from, self.may_to) != (self.valid_from, self.valid_to):
            lo2 = self.may_from.isoformat() if self.may_from else "…"
            hi2 = self.may_to.isoformat() if self.may_to else "…"
            text += f" (possibly {lo2} – {hi2})"
        return text


@attrs.frozen
class Lookup:
    """What the registry knows of a code on a day.

    ``unit`` is the one unit that surely held the code, if exactly one did; ``candidates``
    every unit that may have held it (more than one inside an undated change);
    ``disputed`` the sources' disagreements about this code.
    """

    code: str
    day: pendulum.Date
    unit: Unit | None
    candidates: tuple[Unit, ...]
    disputed: tuple[Disagreement, ...] = ()

    @property
    def certain(self) -> bool:
        """Whether exactly one unit surely held the code that day."""
        return self.unit is not None and len(self.candidates) == 1


def _day(value: object, name: str = "on") -> pendulum.Date:
    try:
        return date_argument(name, value)
    except PeriodError as e:
        raise RegistryError(str(e)) from None


def _date(value: object) -> pendulum.Date | None:
    return None if value is None else pendulum.Date.fromisoformat(str(value))


def _text(value: object) -> str:
    """Text from the data file, NFC-normalised (the sources may ship NFD)."""
    if not isinstance(value, str):
        raise TypeError(f"expected text, got {value!r}")
    return unicodedata.normalize("NFC", value).strip()


def _kind(value: object) -> CommuneKind:
    for kind in CommuneKind:
        if kind.value == value:
            return kind
    raise RegistryError(
        f"not a registry data file: unit kind {value!r}; allowed: {CommuneKind.allowed()}"
    )


_Span = tuple[
    "pendulum.Date | None", "pendulum.Date | None", "pendulum.Date | None", "pendulum.Date | None"
]


class Registry:
    """The units, their snapshots, the crosswalk and the sources' disagreements.

    Get the packaged one with :func:`registry` (loaded on first use, then kept).

    >>> from mttq_core.registry import registry
    >>> reg = registry()
    >>> reg.lookup("00565", "2022-04-18").unit.title
    'thị trấn Trâu Quỳ'
    >>> reg.lookup("00565", "2025-09-01").unit.title
    'xã Gia Lâm'
    """

    def __init__(self, doc: Mapping[str, Any]) -> None:
        if not isinstance(doc, Mapping):
            raise RegistryError(f"not a registry data file: expected an object, got {doc!r:.60}")
        if doc.get("format") != FORMAT:
            raise RegistryError(
                f"not a registry data file: format {doc.get('format')!r}; expected {FORMAT!r}"
            )
        try:
            self._read(doc)
        except RegistryError:
            raise
        except KeyError as e:
            raise RegistryError(f"not a registry data file: missing key {e}") from None
        except (TypeError, ValueError, AttributeError, InvalidOperation) as e:
            raise RegistryError(f"not a registry data file: {e}") from None

    def _read(self, doc: Mapping[str, Any]) -> None:
        self.sources = tuple(
            Source(
                id=s["id"],
                package=s["package"],
                version=s["version"],
                sha256=s["sha256"],
                data_date=_date(s.get("data_date")),
                note=s.get("note", ""),
            )
            for s in doc["sources"]
        )
        self.snapshots = tuple(
            Snapshot(
                id=s["id"],
                label=s["label"],
                sources=tuple(s["sources"]),
                as_of=_date(s.get("as_of")),
            )
            for s in doc["snapshots"]
        )
        self.boundaries = tuple(
            Boundary(
                before=b["from"],
                after=b["to"],
                province=b.get("province"),
                date=pendulum.Date.fromisoformat(b["date"]),
                basis=b["basis"],
            )
            for b in doc["boundaries"]
        )
        self.provinces = tuple(
            Province(p["code"], _text(p["name"]), p["kind"], tuple(p["snapshots"]))
            for p in doc["provinces"]
        )
        self.districts = tuple(
            District(d["code"], _text(d["name"]), d["kind"], d["province"], tuple(d["snapshots"]))
            for d in doc["districts"]
        )
        self.disagreements = tuple(
            Disagreement(d["snapshot"], d["subject"], d["message"], dict(d.get("values", {})))
            for d in doc["disagreements"]
        )
        self.crosswalk = tuple(
            Step(
                source=c["from"],
                source_snapshot=c["from_snapshot"],
                target=c["to"],
                target_snapshot=c["to_snapshot"],
                # str(): a share read as a JSON float must not become 0.4000000000000000222…
                share=None if c.get("share") is None else Decimal(str(c["share"])),
                basis=c["source"],
            )
            for c in doc["crosswalk"]
        )
        self._order = {s.id: i for i, s in enumerate(self.snapshots)}
        self._spans: dict[tuple[str, str], _Span] = {}
        self.units = tuple(unit for u in doc["units"] for unit in self._units(u))
        self._by_code: dict[str, list[Unit]] = {}
        for u in self.units:
            self._by_code.setdefault(u.code, []).append(u)
        self._disputes: dict[str, list[Disagreement]] = {}
        for d in self.disagreements:
            self._disputes.setdefault(d.subject, []).append(d)
        self._folded: dict[str, list[Unit]] = {}
        for u in self.units:
            self._folded.setdefault(fold(u.name), []).append(u)

    # -- validity ---------------------------------------------------------------------------

    def boundary(self, before: str, after: str, province: str) -> pendulum.Date | None:
        """The day ``after`` replaced ``before`` in ``province``, if a source dates it.

        A boundary given for the province itself wins over one given for everywhere.
        """
        found = [
            b
            for b in self.boundaries
            if b.before == before and b.after == after and b.province in (None, province)
        ]
        found.sort(key=lambda b: b.province is None)
        return found[0].date if found else None

    def _span(
        self, snapshot: str, province: str
    ) -> tuple[Date | None, Date | None, Date | None, Date | None]:
        """(sure start, sure end, possible start, possible end) of one snapshot in a province."""
        key = (snapshot, province)
        if key not in self._spans:
            self._spans[key] = self._compute_span(snapshot, province)
        return self._spans[key]

    def _compute_span(
        self, snapshot: str, province: str
    ) -> tuple[Date | None, Date | None, Date | None, Date | None]:
        i = self._order[snapshot]
        sure_lo = may_lo = sure_hi = may_hi = None
        me = self.snapshots[i]
        if i > 0:
            prev = self.snapshots[i - 1]
            day = self.boundary(prev.id, snapshot, province)
            if day is not None:
                sure_lo = may_lo = day
            else:
                sure_lo = me.as_of
                may_lo = prev.as_of.add(days=1) if prev.as_of else None
        if i + 1 < len(self.snapshots):
            nxt = self.snapshots[i + 1]
            day = self.boundary(snapshot, nxt.id, province)
            if day is not None:
                sure_hi = may_hi = day.subtract(days=1)
            else:
                sure_hi = me.as_of
                may_hi = nxt.as_of.subtract(days=1) if nxt.as_of else None
        return sure_lo, sure_hi, may_lo, may_hi

    def _units(self, u: Mapping[str, Any]) -> list[Unit]:
        """One :class:`Unit` per run of consecutive snapshots the row appears in."""
        order = sorted(u["snapshots"], key=self._order.__getitem__)
        runs: list[list[str]] = []
        for snap in order:
            if runs and self._order[snap] == self._order[runs[-1][-1]] + 1:
                runs[-1].append(snap)
            else:
                runs.append([snap])
        out = []
        for run in runs:
            first = self._span(run[0], u["province"])
            last = self._span(run[-1], u["province"])
            out.append(
                Unit(
                    code=u["code"],
                    name=_text(u["name"]),
                    kind=_kind(u["kind"]),
                    district=u.get("district"),
                    province=u["province"],
                    snapshots=tuple(run),
                    valid_from=first[0],
                    valid_to=last[1],
                    may_from=first[2],
                    may_to=last[3],
                )
            )
        return out

    # -- questions --------------------------------------------------------------------------

    def lookup(self, code: str, on: _dt.date | str) -> Lookup:
        """The unit holding ``code`` on ``on`` — code-reuse safe."""
        day = _day(on)
        units = self._by_code.get(code, [])
        candidates = tuple(u for u in units if u.maybe_on(day))
        sure = [u for u in candidates if u.surely_on(day)]
        return Lookup(
            code=code,
            day=day,
            unit=sure[0] if len(sure) == 1 else None,
            candidates=candidates,
            disputed=tuple(self._disputes.get(code, ())),
        )

    def units_on(self, on: _dt.date | str) -> tuple[Unit, ...]:
        """Every unit that may have existed on ``on``, by code."""
        day = _day(on)
        return tuple(sorted((u for u in self.units if u.maybe_on(day)), key=lambda u: u.code))

    def units_of(
        self, *, on: _dt.date | str, district: str | None = None, province: str | None = None
    ) -> tuple[Unit, ...]:
        """The units of a district or a province on ``on`` (surely existing that day).

        >>> len(registry().units_of(district="018", on="2022-04-18"))
        22
        """
        if (district is None) == (province is None):
            raise RegistryError("units_of: give exactly one of district= or province=")
        day = _day(on)
        return tuple(
            sorted(
                (
                    u
                    for u in self.units
                    if u.surely_on(day)
                    and (u.district == district if district is not None else u.province == province)
                ),
                key=lambda u: u.code,
            )
        )

    def search(
        self,
        name: str,
        *,
        on: _dt.date | str | None = None,
        district: str | None = None,
        province: str | None = None,
    ) -> tuple[Unit, ...]:
        """Units named ``name``, diacritic- and case-insensitive.

        A leading kind word (``xã``, ``phường``, ``thị trấn``, ``đặc khu``) narrows to that
        kind; a name that itself begins like one ("Phương Đình") is found as well.

        >>> [u.title for u in registry().search("yen vien", district="018", on="2022-04-18")]
        ['thị trấn Yên Viên', 'xã Yên Viên']
        """
        if not isinstance(name, str) or not name.strip():
            raise RegistryError(f"name: expected a unit's name, got {name!r}")
        key = fold(name)
        readings: list[tuple[str, CommuneKind | None]] = [(key, None)]
        for k, word in _KIND_WORDS.items():
            if key.startswith(fold(word) + " "):
                readings.append((key[len(fold(word)) + 1 :], k))
        day = None if on is None else _day(on)
        found = [
            u
            for folded, kind in readings
            for u in self._folded.get(folded, ())
            if (kind is None or u.kind is kind)
            and (day is None or u.maybe_on(day))
            and (district is None or u.district == district)
            and (province is None or u.province == province)
        ]
        return tuple(sorted(found, key=lambda u: (u.code, u.snapshots)))

    def find(
        self,
        name: str,
        *,
        on: _dt.date | str,
        district: str | None = None,
        province: str | None = None,
    ) -> Unit:
        """The one unit named ``name`` on ``on``.

        A RegistryError lists the candidates when the name is ambiguous (two Yên Viên in Gia
        Lâm), or says so when it is unknown.
        """
        day = _day(on)  # required: None would search every day
        found = self.search(name, on=day, district=district, province=province)
        if len(found) == 1:
            return found[0]
        where = (
            f" in district {district}"
            if district
            else (f" in province {province}" if province else "")
        )
        if not found:
            raise RegistryError(f"name: no unit named {name!r}{where} on {day.isoformat()}")
        listed = "; ".join(f"{u.code} {u.title}" for u in found)
        raise RegistryError(
            f"name: {name!r} is ambiguous{where}: {len(found)} units ({listed}); give the code "
            "or the kind (e.g. 'xã …', 'thị trấn …')"
        )

    def district(self, code: str) -> District | None:
        """The district with ``code`` (districts were abolished on 2025-07-01)."""
        return next((d for d in self.districts if d.code == code), None)

    def province(self, code: str) -> Province | None:
        """The province with ``code``."""
        return next((p for p in self.provinces if p.code == code), None)

    def steps_from(self, code: str, snapshot: str) -> tuple[Step, ...]:
        """The crosswalk rows leaving unit ``code`` of ``snapshot``."""
        return tuple(
            s for s in self.crosswalk if s.source == code and s.source_snapshot == snapshot
        )

    def snapshot_of(self, unit: Unit, on: _dt.date | str) -> str | None:
        """Which of ``unit``'s snapshots describes it on ``on``."""
        day = _day(on)
        for s in unit.snapshots:
            lo, hi, _, _ = self._span(s, unit.province)
            if (lo is None or lo <= day) and (hi is None or day <= hi):
                return s
        return None


Date = pendulum.Date


def load(source: Iterable[bytes] | bytes) -> Registry:
    """A registry from gzip-compressed JSON bytes (the packaged data file's format)."""
    raw = source if isinstance(source, bytes) else b"".join(source)
    try:
        doc = json.loads(gzip.decompress(raw), parse_float=Decimal)
    except (OSError, EOFError, ValueError) as e:
        raise RegistryError(f"not a registry data file: {e}") from None
    return Registry(doc)


@cache
def registry() -> Registry:
    """The registry packaged with mttq_core, loaded on first use and then kept.

    Read from the wheel (no network); ``import mttq_core`` does not load it.
    """
    data = resources.files("mttq_core.registry").joinpath("_data", DATA).read_bytes()
    return load(data)
