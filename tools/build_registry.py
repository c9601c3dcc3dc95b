"""Build the registry of commune-level administrative units (format ``mttq-core/registry/1``).

The registry (``src/mttq_core/registry/_data/units.json.gz``) is derived from pinned public
PyPI packages; ``mttq_core`` reads the data file and never depends on those packages:

- ``vietnam-provinces==0.5.8``: its enums (``enums/districts.py``, ``enums/wards.py``) are
  the units before the 2023-2025 commune arrangements (snapshot ``2019``);
- ``vietnam-provinces==2026.9.0`` (needs Python 3.12 to install, so it is only downloaded
  and read as a zip): ``legacy/_lookup.py`` is the list after the 2023-2025 arrangements
  (snapshot ``2025-01``), ``data/nested-divisions.json`` the list from 2025-07-01 (snapshot
  ``2025-07``), ``_ward_conversion_2025.py`` a crosswalk between the two;
- ``vietnamadminunits==1.0.4``: ``data/dataset.db`` (both lists again) and
  ``data/converter_2025.json`` (a second crosswalk), to compare with.

Every wheel is pinned by version and sha256, fetched with ``pip download`` into a cache
directory, verified, and read straight from the zip (standard library only). The output is
deterministic (sorted rows and keys, gzip with mtime 0): a rerun is byte-identical.
See ``docs/registry-sources.md``.

Usage (from the repository root)::

    python tools/build_registry.py             # download if needed, write the data file
    python tools/build_registry.py --check     # exit 1 if the data file is out of date
    python tools/build_registry.py --offline   # never download (exit 2 if not cached)
    python tools/build_registry.py --cache DIR --output FILE
"""

from __future__ import annotations

import argparse
import ast
import gzip
import hashlib
import json
import re
import sqlite3
import struct
import subprocess
import sys
import tempfile
import time
import unicodedata
import zipfile
import zlib
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Final

JsonObject = dict[str, Any]

ROOT: Final = Path(__file__).resolve().parents[1]
DEFAULT_OUTPUT: Final = ROOT / "src" / "mttq_core" / "registry" / "_data" / "units.json.gz"
DEFAULT_CACHE: Final = Path.home() / ".cache" / "mttq-core-registry"
FORMAT: Final = "mttq-core/registry/1"
MAX_BYTES: Final = 2 * 1024 * 1024


class BuildError(RuntimeError):
    """The sources are not what this tool was written for (or not available)."""


class NotCachedError(BuildError):
    """``--offline`` and a pinned wheel is not in the cache."""


# -- the pinned sources ------------------------------------------------------------------------


@dataclass(frozen=True)
class Wheel:
    """One pinned wheel on PyPI and what the registry takes from it."""

    ident: str
    package: str
    version: str
    filename: str
    sha256: str
    python_version: str | None  # for `pip download --python-version` (requires-python)
    files: tuple[str, ...]
    data_date: str | None
    note: str


VP_OLD: Final = Wheel(
    ident="vietnam-provinces-0.5.8",
    package="vietnam-provinces",
    version="0.5.8",
    filename="vietnam_provinces-0.5.8-py3-none-any.whl",
    sha256="05ae0ed3f06196f36a99db36a4607aa1320b77c833b02eceedc38077cc517d44",
    python_version=None,
    files=("vietnam_provinces/enums/districts.py", "vietnam_provinces/enums/wards.py"),
    data_date="2023-05-07",
    note=(
        "Snapshot 2019 only: the enums (63 provinces, 705 districts, 10,598 communes), which "
        "predate the 2023-2025 arrangements. Their date is inferred, not declared: the "
        "wheel's __data_version__ '2025-01-04' belongs to its data/*.json files, which were "
        "refreshed (10,051 communes, the same list as vietnam-provinces 2026.9.0's legacy "
        "module) without regenerating the enums (0.6.0, the same day, did); the README's "
        "data-update example uses the GSO export Xa_2023-05-07.csv, earlier versions of the "
        "package's __init__.py in its repository declared __data_version__ '2023-05-07', and "
        "705 districts and 10,598 communes are the national totals of 2023. "
        "Data: General Statistics Office (danhmuchanhchinh.gso.gov.vn). The wheel declares "
        "no licence (no License field, classifier or file)."
    ),
)
VP_NEW: Final = Wheel(
    ident="vietnam-provinces-2026.9.0",
    package="vietnam-provinces",
    version="2026.9.0",
    filename="vietnam_provinces-2026.9.0-py3-none-any.whl",
    sha256="b5f3540a98937d38b9bebcbdb792fa4f5b9712737d41b05c7254beb2308ebcd1",
    python_version="3.12",
    files=(
        "vietnam_provinces/legacy/_lookup.py",
        "vietnam_provinces/_lookup.py",
        "vietnam_provinces/_ward_conversion_2025.py",
        "vietnam_provinces/data/nested-divisions.json",
        "vietnam_provinces/data/flat-divisions.json",
    ),
    data_date="2026-09-20",
    note=(
        "Primary source of snapshot 2025-01 (legacy/_lookup.py, generated from the GSO export "
        "Xa_2025-01-04.csv per the README) and of snapshot 2025-07: units from _lookup.py (the "
        "package's maintained list), provinces from its JSON export data/nested-divisions.json "
        "(flat-divisions.json lists the same units). The export is older: curly apostrophes "
        "(fixed in _lookup.py by 2026.2.2), and Quảng Ninh, Bắc Ninh and Đồng Nai still "
        "'tỉnh', which is their kind on 2025-07-01 (_lookup.py has them as centrally run "
        "cities, a later change); each difference is a disagreement. Crosswalk: "
        "_ward_conversion_2025.py OLD_TO_NEW (from BangChuyendoiĐVHCmoi_cu_khong_merge.csv, "
        "EFFECTIVE_DATE 2025-07-01; checked against its NEW_TO_OLD). data_date is "
        "__data_version__ ('Data retrieval date, in UTC'). Licence GPL-3.0-or-later "
        "(License-Expression in METADATA); the registry takes facts (codes, names, kinds), "
        "not code."
    ),
)
VA: Final = Wheel(
    ident="vietnamadminunits-1.0.4",
    package="vietnamadminunits",
    version="1.0.4",
    filename="vietnamadminunits-1.0.4-py3-none-any.whl",
    sha256="737ee3662e877290386c1c45ed4d71f2e5fae34ab6fb9c64bfb4cb74b216ea35",
    python_version=None,
    files=("vietnamadminunits/data/dataset.db", "vietnamadminunits/data/converter_2025.json"),
    data_date=None,
    note=(
        "Second source of snapshots 2025-01 (dataset.db, table admin_units_legacy) and "
        "2025-07 (table admin_units), compared with vietnam-provinces; crosswalk from "
        "converter_2025.json (keys resolved to codes through dataset.db). The package "
        "declares no data date; its data files carry the zip timestamp 2025-08-23 (wheel "
        "built 2025-10-08). Data from danhmuchanhchinh.gso.gov.vn and sapnhap.bando.com.vn "
        "per the README. It gives no shares for split units, only a default successor "
        "(isDefaultNewWard) and the new unit's area, which are not shares. Licence MIT "
        "(classifier and LICENSE file)."
    ),
)
WHEELS: Final = (VP_OLD, VP_NEW, VA)

SHARED: Final = "shared-data-gia-lam"
SHARED_SOURCE: Final[JsonObject] = {
    "id": SHARED,
    "package": None,
    "version": None,
    "sha256": "ccc405a373884486ab45c6e995b03d7ce27a211e95648ccef25c0e1687807b40",
    "files": ["shared/data/gia_lam_units_2019_2024.csv"],
    "data_date": None,
    "note": (
        "The project's shared data: huyện Gia Lâm's 22 units of 2019-2024 and notes on the "
        "2025 mergers from public reports of Nghị quyết 1286/NQ-UBTVQH15 and "
        "1656/NQ-UBTVQH15, hand-transcribed into tools/build_registry.py (sha256 of the CSV "
        "transcribed). Not checked against the official list. Gives the 2019 -> 2025-01 "
        "crosswalk of Gia Lâm only, and four claims about 2025-07 codes that are compared "
        "with the packages."
    ),
}

S2019, S2025_01, S2025_07 = "2019", "2025-01", "2025-07"
SNAPSHOTS: Final[tuple[JsonObject, ...]] = (
    {
        "id": S2019,
        "label": "Đơn vị hành chính trước sắp xếp 2023–2025",
        "sources": [VP_OLD.ident],
        "as_of": VP_OLD.data_date,
    },
    {
        "id": S2025_01,
        "label": "Sau sắp xếp đơn vị hành chính 2023–2025 (đến 30/6/2025)",
        "sources": [VP_NEW.ident, VA.ident],
        "as_of": "2025-01-04",  # the GSO export vietnam-provinces' legacy module is built from
    },
    {
        "id": S2025_07,
        "label": "Từ ngày 1/7/2025 (chính quyền địa phương hai cấp)",
        "sources": [VP_NEW.ident, VA.ident],
        "as_of": VP_NEW.data_date,
    },
)
ORDER: Final = {s["id"]: i for i, s in enumerate(SNAPSHOTS)}

BOUNDARIES: Final[tuple[JsonObject, ...]] = (
    {
        "from": S2019,
        "to": S2025_01,
        "province": "01",
        "date": "2025-01-01",
        "basis": "Nghị quyết 1286/NQ-UBTVQH15",
    },
    {
        "from": S2025_01,
        "to": S2025_07,
        "province": None,
        "date": "2025-07-01",
        "basis": (
            "Nghị quyết 202/2025/QH15 và các nghị quyết sắp xếp đơn vị hành chính cấp xã năm 2025"
        ),
    },
    {
        "from": S2025_01,
        "to": S2025_07,
        "province": "01",
        "date": "2025-07-01",
        "basis": "Nghị quyết 1656/NQ-UBTVQH15",
    },
)

# huyện Gia Lâm (018), 2019 -> 2025-01, hand-transcribed from the notes of
# shared/data/gia_lam_units_2019_2024.csv (Nghị quyết 1286/NQ-UBTVQH15): unchanged units map
# to themselves, merged units wholly to their successor.
GIA_LAM_2019_TO_2025_01: Final = {
    "00526": "00526",
    "00529": "00529",
    "00532": "00532",
    "00535": "00535",
    "00538": "00541",  # Đình Xuyên + Dương Hà -> Thiên Đức
    "00541": "00541",
    "00544": "00544",
    "00547": "00544",  # Trung Mầu -> Phù Đổng
    "00550": "00550",
    "00553": "00553",
    "00556": "00556",
    "00559": "00562",  # Phú Thị + Kim Sơn -> Phú Sơn
    "00562": "00562",
    "00565": "00565",
    "00568": "00568",
    "00571": "00571",
    "00574": "00583",  # Đông Dư -> Bát Tràng
    "00577": "00577",
    "00580": "00580",
    "00583": "00583",
    "00586": "00589",  # Kim Lan + Văn Đức -> Kim Đức
    "00589": "00589",
}
# What the same notes say about the units from 2025-07-01 (compared with the packages).
GIA_LAM_2025_07_CLAIMS: Final = (
    ("00541", "xa", "Phù Đổng"),
    ("00562", "xa", "Thuận An"),
    ("00565", "xa", "Gia Lâm"),
    ("00583", "xa", "Bát Tràng"),
)

# -- names and kinds ----------------------------------------------------------------------------

LEVELS: Final = ("province", "district", "unit")
KIND_WORDS: Final[Mapping[str, tuple[tuple[str, str], ...]]] = {
    "province": (("thành phố", "thanh_pho"), ("thủ đô", "thanh_pho"), ("tỉnh", "tinh")),
    "district": (
        ("thành phố", "thanh_pho"),
        ("thị xã", "thi_xa"),
        ("quận", "quan"),
        ("huyện", "huyen"),
    ),
    "unit": (("thị trấn", "thi_tran"), ("phường", "phuong"), ("xã", "xa"), ("đặc khu", "dac_khu")),
}
TYPE_KINDS: Final = {  # vietnam-provinces' VietNamDivisionType, by member name and by value
    "TINH": "tinh",
    "THANH_PHO_TRUNG_UONG": "thanh_pho",
    "HUYEN": "huyen",
    "QUAN": "quan",
    "THANH_PHO": "thanh_pho",
    "THI_XA": "thi_xa",
    "XA": "xa",
    "THI_TRAN": "thi_tran",
    "PHUONG": "phuong",
    "DAC_KHU": "dac_khu",
    "tỉnh": "tinh",
    "thành phố trung ương": "thanh_pho",
    "huyện": "huyen",
    "quận": "quan",
    "thành phố": "thanh_pho",
    "thị xã": "thi_xa",
    "xã": "xa",
    "thị trấn": "thi_tran",
    "phường": "phuong",
    "đặc khu": "dac_khu",
}
KIND_TITLE: Final = {
    "tinh": "tỉnh",
    "thanh_pho": "thành phố",
    "huyen": "huyện",
    "quan": "quận",
    "thi_xa": "thị xã",
    "xa": "xã",
    "thi_tran": "thị trấn",
    "phuong": "phường",
    "dac_khu": "đặc khu",
}


def nfc(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).split())


@dataclass(frozen=True)
class Rec:
    """One unit of one level as one source lists it (name without the kind word)."""

    level: str
    code: str
    name: str
    kind: str
    district: str | None = None  # communes before 2025-07-01
    province: str | None = None  # districts and communes


@dataclass
class Listing:
    """Everything one source says about one snapshot."""

    source: str
    provinces: dict[str, Rec] = field(default_factory=dict)
    districts: dict[str, Rec] = field(default_factory=dict)
    units: dict[str, Rec] = field(default_factory=dict)
    issues: list[str] = field(default_factory=list)  # inconsistencies inside the source

    def level(self, level: str) -> dict[str, Rec]:
        return {"province": self.provinces, "district": self.districts, "unit": self.units}[level]

    def add(self, rec: Rec) -> None:
        table = self.level(rec.level)
        if rec.code in table and table[rec.code] != rec:
            raise BuildError(f"{self.source}: {rec.level} {rec.code} listed twice differently")
        table[rec.code] = rec


def split_kind(listing: Listing, level: str, code: str, full: str, declared: str | None) -> Rec:
    """``Xã Bát Tràng`` -> kind ``xa``, name ``Bát Tràng``; the kind word of the name wins
    over a declared type that contradicts it (noted as an issue of the source)."""
    full = nfc(full)
    named: str | None = None
    name = full
    for word, kind in KIND_WORDS[level]:
        head = full[: len(word)]
        if head.casefold() == word and full[len(word) : len(word) + 1] == " ":
            named, name = kind, full[len(word) + 1 :].strip()
            break
    if named is None and declared is None:
        raise BuildError(f"{listing.source}: {level} {code} {full!r}: no kind")
    if named is None:
        listing.issues.append(f"{level} {code} {full!r}: no kind word, declared {declared}")
    elif declared is not None and declared != named:
        listing.issues.append(f"{level} {code} {full!r}: declared {declared}, name says {named}")
    return Rec(level, code, name, named or declared or "")


def pad(value: object, width: int) -> str:
    if isinstance(value, bool):
        raise BuildError(f"not a code: {value!r}")
    if isinstance(value, int):
        text = str(value)
    elif isinstance(value, str):
        match = re.fullmatch(r"(?:[PDW]_)?(\d+)", value.strip())
        if match is None:
            raise BuildError(f"not a code: {value!r}")
        text = str(int(match.group(1)))
    else:
        raise BuildError(f"not a code: {value!r}")
    if len(text) > width:
        raise BuildError(f"code {value!r} is longer than {width} digits")
    return text.zfill(width)


# -- fetching and reading wheels -----------------------------------------------------------------


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def fetch(wheel: Wheel, cache: Path, *, offline: bool) -> Path:
    """The verified wheel file in ``cache``, downloaded with pip if missing."""
    path = cache / wheel.filename
    if not path.is_file():
        if offline:
            raise NotCachedError(f"{wheel.filename} is not in {cache} (--offline)")
        cache.mkdir(parents=True, exist_ok=True)
        command = [
            sys.executable,
            "-m",
            "pip",
            "download",
            "--no-deps",
            "--only-binary=:all:",
            "--disable-pip-version-check",
            "-d",
            str(cache),
        ]
        if wheel.python_version:
            command += ["--python-version", wheel.python_version]
        command.append(f"{wheel.package}=={wheel.version}")
        print("$", " ".join(command[2:]), file=sys.stderr)
        subprocess.run(command, check=True)  # noqa: S603 - fixed arguments, no shell
        if not path.is_file():
            raise BuildError(f"pip did not produce {path}")
    digest = sha256_of(path)
    if digest != wheel.sha256:
        raise BuildError(
            f"{path}: sha256 {digest} is not the pinned {wheel.sha256}; "
            "delete the file to download it again"
        )
    return path


def read_text(archive: zipfile.ZipFile, member: str) -> str:
    return archive.read(member).decode("utf-8")


def py_value(node: ast.expr) -> Any:
    """A literal from a generated module: constants, tuples, ``Enum.MEMBER`` (as 'MEMBER'),
    and calls ``Type(args...)`` (as a tuple of their positional arguments)."""
    if isinstance(node, ast.Constant):
        return node.value
    if isinstance(node, ast.Attribute):
        return node.attr
    if isinstance(node, ast.Tuple | ast.List):
        return tuple(py_value(e) for e in node.elts)
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and not node.keywords:
        return (node.func.id, *(py_value(a) for a in node.args))
    raise BuildError(f"unexpected expression at line {node.lineno}: {ast.unparse(node)[:80]}")


def py_calls(source: str, names: Iterable[str]) -> Iterator[tuple[Any, ...]]:
    """Every call ``Name(literal, ...)`` to one of ``names`` in a generated module."""
    wanted = set(names)
    for node in ast.walk(ast.parse(source)):
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name)
            and node.func.id in wanted
        ):
            yield py_value(node)


def py_dict(source: str, name: str) -> dict[Any, Any]:
    """The module-level dict literal ``name = {...}`` (duplicate keys are an error)."""
    for node in ast.parse(source).body:
        target: ast.expr | None = None
        value: ast.expr | None = None
        if isinstance(node, ast.AnnAssign):
            target, value = node.target, node.value
        elif isinstance(node, ast.Assign) and len(node.targets) == 1:
            target, value = node.targets[0], node.value
        if isinstance(target, ast.Name) and target.id == name:
            if not isinstance(value, ast.Dict):
                break
            out: dict[Any, Any] = {}
            for k, v in zip(value.keys, value.values, strict=True):
                if k is None:
                    raise BuildError(f"{name}: ** in a dict literal")
                key = py_value(k)
                if key in out:
                    raise BuildError(f"{name}: key {key!r} twice")
                out[key] = py_value(v)
            return out
    raise BuildError(f"no dict literal {name}")


# -- the sources, one reader each ----------------------------------------------------------------


def _vp_rec(listing: Listing, call: tuple[Any, ...]) -> Rec:
    """A ``Province``/``District``/``Ward`` call of vietnam-provinces' generated modules:
    (type, name, code, division type, codename, parent code[, ...])."""
    kind_of, name, code, division, _codename, parent = call[:6]
    level = {"Province": "province", "District": "district", "Ward": "unit"}[kind_of]
    width = {"province": 2, "district": 3, "unit": 5}[level]
    rec = split_kind(listing, level, pad(code, width), name, TYPE_KINDS[division])
    if level == "district":
        return Rec(level, rec.code, rec.name, rec.kind, province=pad(parent, 2))
    if level == "unit":
        return Rec(level, rec.code, rec.name, rec.kind, district=pad(parent, 3))
    return rec


def _fill_provinces(listing: Listing) -> None:
    """Communes listed with their district get the district's province."""
    for code, rec in list(listing.units.items()):
        if rec.district is not None:
            district = listing.districts.get(rec.district)
            if district is None:
                raise BuildError(f"{listing.source}: unit {code}: unknown district {rec.district}")
            listing.units[code] = Rec(
                "unit", rec.code, rec.name, rec.kind, rec.district, district.province
            )
    for code, rec in listing.districts.items():
        if rec.province not in listing.provinces:
            raise BuildError(f"{listing.source}: district {code}: unknown province")


def read_vp_old(path: Path) -> Listing:
    """vietnam-provinces 0.5.8: the enums (snapshot 2019)."""
    listing = Listing(VP_OLD.ident)
    with zipfile.ZipFile(path) as archive:
        for member in VP_OLD.files:
            for call in py_calls(read_text(archive, member), ("Province", "District", "Ward")):
                listing.add(_vp_rec(listing, call))
    _fill_provinces(listing)
    return listing


def read_vp_legacy(archive: zipfile.ZipFile) -> Listing:
    """vietnam-provinces 2026.9.0: ``legacy/_lookup.py`` (snapshot 2025-01)."""
    listing = Listing(VP_NEW.ident)
    source = read_text(archive, "vietnam_provinces/legacy/_lookup.py")
    for table in ("PROVINCE_MAPPING", "DISTRICT_MAPPING", "WARD_MAPPING"):
        for key, call in py_dict(source, table).items():
            rec = _vp_rec(listing, call)
            if int(rec.code) != key:
                raise BuildError(f"legacy/_lookup.py {table}: key {key} holds {rec.code}")
            listing.add(rec)
    _fill_provinces(listing)
    return listing


def read_vp_2025(archive: zipfile.ZipFile) -> tuple[Listing, Listing]:
    """vietnam-provinces 2026.9.0, snapshot 2025-07: its JSON export (``data/nested-divisions
    .json``; ``data/flat-divisions.json`` must list the same units) and its ``_lookup.py``.

    Returns (used, unused): the provinces of the JSON export (kinds as of 2025-07-01;
    ``_lookup.py`` has later upgrades) with the units of ``_lookup.py`` (corrected names:
    the export predates the apostrophe fix of 2026.2.2), and the other halves to compare.
    """
    listing = Listing(VP_NEW.ident)
    nested = json.loads(read_text(archive, "vietnam_provinces/data/nested-divisions.json"))
    for p in nested:
        province = split_kind(listing, "province", pad(p["code"], 2), p["name"], None)
        declared = TYPE_KINDS[p["division_type"]]
        if declared != province.kind:
            listing.issues.append(f"province {province.code}: type {declared}, name {p['name']}")
        listing.add(province)
        for w in p["wards"]:
            rec = split_kind(listing, "unit", pad(w["code"], 5), w["name"], None)
            declared = TYPE_KINDS[w["division_type"]]
            if declared != rec.kind:
                listing.issues.append(f"unit {rec.code}: type {declared}, name {w['name']}")
            listing.add(Rec("unit", rec.code, rec.name, rec.kind, None, province.code))
    flat = json.loads(read_text(archive, "vietnam_provinces/data/flat-divisions.json"))
    flat_units = {pad(r["code"], 5): nfc(r["name"]) for r in flat}
    nested_units = {pad(w["code"], 5): nfc(w["name"]) for p in nested for w in p["wards"]}
    if flat_units != nested_units or len(flat) != len(flat_units):
        raise BuildError("vietnam-provinces 2026.9.0: flat and nested JSON files differ")

    lookup = Listing(VP_NEW.ident)
    source = read_text(archive, "vietnam_provinces/_lookup.py")
    for key, call in py_dict(source, "PROVINCE_MAPPING").items():
        lookup.add(_vp_rec(lookup, (*call[:5], None)))
        if int(lookup.provinces[pad(key, 2)].code) != key:
            raise BuildError("_lookup.py PROVINCE_MAPPING: key and code differ")
    for key, call in py_dict(source, "WARD_MAPPING").items():
        rec = _vp_rec(lookup, (*call[:5], 0))
        if int(rec.code) != key:
            raise BuildError("_lookup.py WARD_MAPPING: key and code differ")
        lookup.add(Rec("unit", rec.code, rec.name, rec.kind, None, pad(call[5], 2)))
    used = Listing(VP_NEW.ident, provinces=listing.provinces, units=lookup.units)
    unused = Listing(VP_NEW.ident, provinces=lookup.provinces, units=listing.units)
    used.issues = listing.issues + lookup.issues
    return used, unused


def read_va(path: Path) -> tuple[Listing, Listing, Crosswalk]:
    """vietnamadminunits 1.0.4: ``dataset.db`` (snapshots 2025-01 and 2025-07) and the
    crosswalk of ``converter_2025.json``."""
    legacy, new = Listing(VA.ident), Listing(VA.ident)
    with zipfile.ZipFile(path) as archive, tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "dataset.db"
        db.write_bytes(archive.read("vietnamadminunits/data/dataset.db"))
        converter = json.loads(read_text(archive, "vietnamadminunits/data/converter_2025.json"))
        connection = sqlite3.connect(db)
        try:
            old_keys, new_keys = _va_tables(connection, legacy, new)
        finally:
            connection.close()
    _fill_provinces(legacy)
    return legacy, new, _va_crosswalk(converter, old_keys, new_keys)


def _va_tables(
    connection: sqlite3.Connection, legacy: Listing, new: Listing
) -> tuple[dict[str, str | None], dict[tuple[str, str], str]]:
    old_keys: dict[str, str | None] = {}
    rows = connection.execute(
        "SELECT province, provinceCode, district, districtType, districtCode, ward, wardType,"
        " wardCode, provinceKey, districtKey, wardKey FROM admin_units_legacy"
    )
    for row in rows:
        p_name, p_code, d_name, d_type, d_code, w_name, w_type, w_code = row[:8]
        key = f"{row[8]}_{row[9]}_{row[10] or ''}"
        if key in old_keys:
            raise BuildError(f"vietnamadminunits: legacy key {key} twice")
        province = split_kind(legacy, "province", pad(p_code, 2), p_name, None)
        legacy.add(province)
        d_kind = TYPE_KINDS[nfc(d_type).casefold()]
        district = split_kind(legacy, "district", pad(d_code, 3), d_name, d_kind)
        legacy.add(
            Rec("district", district.code, district.name, district.kind, None, province.code)
        )
        if w_code is None:  # island districts without communes (Bạch Long Vĩ, Côn Đảo, ...)
            old_keys[key] = None
            continue
        w_kind = TYPE_KINDS[nfc(w_type).casefold()]
        unit = split_kind(legacy, "unit", pad(w_code, 5), w_name, w_kind)
        legacy.add(Rec("unit", unit.code, unit.name, unit.kind, district.code, None))
        old_keys[key] = unit.code
    new_keys: dict[tuple[str, str], str] = {}
    rows = connection.execute(
        "SELECT province, provinceCode, ward, wardType, wardCode, provinceKey, wardKey"
        " FROM admin_units"
    )
    for p_name, p_code, w_name, w_type, w_code, p_key, w_key in rows:
        province = split_kind(new, "province", pad(p_code, 2), p_name, None)
        new.add(province)
        unit = split_kind(new, "unit", pad(w_code, 5), w_name, TYPE_KINDS[nfc(w_type).casefold()])
        new.add(Rec("unit", unit.code, unit.name, unit.kind, None, province.code))
        if (p_key, w_key) in new_keys:
            raise BuildError(f"vietnamadminunits: new key {p_key}/{w_key} twice")
        new_keys[p_key, w_key] = unit.code
    return old_keys, new_keys


@dataclass(frozen=True)
class Successors:
    """Where one source sends one unit: the successor codes; ``whole`` if the source says
    the unit went undivided to its single successor."""

    codes: frozenset[str]
    whole: bool


Crosswalk = dict[str, Successors]


def _va_crosswalk(
    converter: Mapping[str, Any],
    old_keys: Mapping[str, str | None],
    new_keys: Mapping[tuple[str, str], str],
) -> Crosswalk:
    out: dict[str, set[str]] = {}
    whole: dict[str, bool] = {}
    undivided = converter["DICT_PROVINCE_WARD_NO_DIVIDED"]
    divided = converter["DICT_PROVINCE_WARD_DIVIDED"]
    for province_key, wards in undivided.items():
        for ward_key, olds in wards.items():
            new_code = new_keys[province_key, ward_key]
            for old_key in olds:
                old_code = old_keys[old_key]
                if old_code is None:
                    continue  # an island district without communes
                if old_code in out:
                    raise BuildError(f"vietnamadminunits: {old_key} undivided twice")
                out[old_code] = {new_code}
                whole[old_code] = True
    for province_key, olds in divided.items():
        for old_key, news in olds.items():
            old_code = old_keys[old_key]
            if old_code is None:
                continue
            if old_code in out:
                raise BuildError(f"vietnamadminunits: {old_key} divided and undivided")
            out[old_code] = {new_keys[province_key, n["newWardKey"]] for n in news}
            whole[old_code] = False
    return {k: Successors(frozenset(v), whole[k]) for k, v in out.items()}


def read_vp_crosswalk(archive: zipfile.ZipFile) -> tuple[Crosswalk, list[str]]:
    """vietnam-provinces 2026.9.0 ``OLD_TO_NEW`` (checked against its ``NEW_TO_OLD``)."""
    source = read_text(archive, "vietnam_provinces/_ward_conversion_2025.py")
    issues: list[str] = []
    out: Crosswalk = {}
    for key, entry in py_dict(source, "OLD_TO_NEW").items():
        # ("OldToNewEntry", ("OldWardRef", code, district, province, partly),
        #  (("NewWardRef", code, province), ...))
        _, old, news = entry
        code = pad(old[1], 5)
        if int(code) != key:
            raise BuildError("_ward_conversion_2025.py: key and code differ")
        codes = frozenset(pad(n[1], 5) for n in news)
        partly = bool(old[4])
        out[code] = Successors(codes, whole=len(codes) == 1 and not partly)
        if not partly and len(codes) > 1:
            issues.append(f"OLD_TO_NEW {code}: several successors but not partly merged")
    back: set[tuple[str, str]] = set()
    for key, entry in py_dict(source, "NEW_TO_OLD").items():
        _, new, olds = entry
        back.update((pad(o[1], 5), pad(new[1], 5)) for o in olds)
        if int(new[1]) != key:
            raise BuildError("_ward_conversion_2025.py: key and code differ")
    forth = {(old, new) for old, s in out.items() for new in s.codes}
    for old, new in sorted(back - forth):
        issues.append(f"NEW_TO_OLD has {old} -> {new}, OLD_TO_NEW does not")
    for old, new in sorted(forth - back):
        issues.append(f"OLD_TO_NEW has {old} -> {new}, NEW_TO_OLD does not")
    return out, issues


# -- building the registry -----------------------------------------------------------------------


def title(rec: Rec) -> str:
    return f"{KIND_TITLE[rec.kind]} {rec.name}"


def _targets(sets: Mapping[str, frozenset[str]]) -> str:
    """``00541 00562`` if the sources agree, else ``00541 per a; 00541 00562 per b``."""
    if len(set(sets.values())) == 1:
        return " ".join(sorted(next(iter(sets.values()))))
    return "; ".join(f"{' '.join(sorted(codes))} per {i}" for i, codes in sets.items())


TONE_STYLE: Final = {  # old-style tone placement -> new style ("hoà" -> "hòa"), for messages
    old: new
    for pairs in (
        ("oà", "òa"),
        ("oá", "óa"),
        ("oả", "ỏa"),
        ("oã", "õa"),
        ("oạ", "ọa"),
        ("oè", "òe"),
        ("oé", "óe"),
        ("oẻ", "ỏe"),
        ("oẽ", "õe"),
        ("oẹ", "ọe"),
        ("uỳ", "ùy"),
        ("uý", "úy"),
        ("uỷ", "ủy"),
        ("uỹ", "ũy"),
        ("uỵ", "ụy"),
    )
    for old, new in (pairs, (pairs[0].capitalize(), pairs[1].capitalize()))
}
APOSTROPHES: Final = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "`": "'"})


def _new_tones(text: str) -> str:
    for old, new in TONE_STYLE.items():
        text = text.replace(old, new)
    return text


def _no_hyphens(text: str) -> str:
    return " ".join(text.replace("-", " ").split())


def _apostrophes(text: str) -> str:
    return text.translate(APOSTROPHES)


SPELLING: Final = (
    ("apostrophe", _apostrophes),
    ("tone-mark placement, old/new style", _new_tones),
    ("letter case", str.casefold),
    ("hyphen", _no_hyphens),
)


def _variant(a: str, b: str) -> str | None:
    """How two spellings of one name differ, if only in writing style."""
    for reason, fold in SPELLING:
        if fold(a) == fold(b):
            return reason
    for _, fold in SPELLING:
        a, b = fold(a), fold(b)
    return "several style differences" if a == b else None


@dataclass
class Builder:
    """Collects rows, crosswalk and disagreements; then renders the document."""

    rows: dict[str, dict[tuple[str, ...], set[str]]] = field(
        default_factory=lambda: {level: {} for level in LEVELS}
    )
    snapshot_units: dict[str, dict[str, Rec]] = field(default_factory=dict)
    crosswalk: list[JsonObject] = field(default_factory=list)
    disagreements: list[JsonObject] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def add_listing(self, snapshot: str, listing: Listing) -> None:
        for level in LEVELS:
            for rec in listing.level(level).values():
                key = (rec.code, rec.name, rec.kind, rec.district or "", rec.province or "")
                self.rows[level].setdefault(key, set()).add(snapshot)
        self.snapshot_units[snapshot] = dict(listing.units)

    def disagree(self, snapshot: str, subject: str, message: str, values: JsonObject) -> None:
        self.disagreements.append(
            {"snapshot": snapshot, "subject": subject, "message": message, "values": values}
        )

    # -- the two lists of one snapshot

    def compare(self, snapshot: str, primary: Listing, other: Listing) -> None:
        a, b = primary.source, other.source
        for level in LEVELS:
            mine, theirs = primary.level(level), other.level(level)
            for code in sorted(mine.keys() & theirs.keys()):
                self._compare_rec(snapshot, mine[code], theirs[code], a, b)
            self._presence(snapshot, level, primary, other)

    def _compare_rec(self, snapshot: str, x: Rec, y: Rec, a: str, b: str) -> None:
        where = f"{x.level} {x.code}"
        if x.name != y.name:
            how = _variant(x.name, y.name)
            what = f"spelling ({how})" if how else "name"
            self.disagree(
                snapshot,
                x.code,
                f"{what}: {where} is {x.name!r} in {a}, {y.name!r} in {b}",
                {a: x.name, b: y.name},
            )
        for attr in ("kind", "district", "province"):
            u, v = getattr(x, attr), getattr(y, attr)
            if u != v:
                self.disagree(
                    snapshot,
                    x.code,
                    f"{attr}: {where} ({title(x)}) has {attr} {u} in {a}, {v} in {b}",
                    {a: str(u), b: str(v)},
                )

    def _presence(self, snapshot: str, level: str, primary: Listing, other: Listing) -> None:
        a, b = primary.source, other.source
        mine, theirs = primary.level(level), other.level(level)
        only_mine = {c: mine[c] for c in sorted(mine.keys() - theirs.keys())}
        only_theirs = {c: theirs[c] for c in sorted(theirs.keys() - mine.keys())}

        def same(r: Rec) -> tuple[str, str, str, str]:
            return (r.kind, r.name.casefold(), r.district or "", r.province or "")

        spare: dict[tuple[str, str, str, str], list[Rec]] = {}
        for rec in only_theirs.values():
            spare.setdefault(same(rec), []).append(rec)
        paired: set[str] = set()
        for code, rec in only_mine.items():
            match = spare.get(same(rec), [])
            if len(match) == 1 and match[0].code not in paired:
                twin = match[0].code
                paired.add(twin)
                message = (
                    f"code: {level} {title(rec)} ({self._where(rec)}) is {code} in {a}, "
                    f"{twin} in {b}"
                )
                for subject in (code, twin):
                    self.disagree(snapshot, subject, message, {a: code, b: twin})
            else:
                self.disagree(
                    snapshot,
                    code,
                    f"presence: {level} {code} {title(rec)} ({self._where(rec)}) is in {a} only",
                    {a: title(rec), b: "absent"},
                )
        for code, rec in only_theirs.items():
            if code not in paired:
                self.disagree(
                    snapshot,
                    code,
                    f"presence: {level} {code} {title(rec)} ({self._where(rec)}) is in {b} "
                    f"only (not in this snapshot's units)",
                    {a: "absent", b: title(rec)},
                )

    @staticmethod
    def _where(rec: Rec) -> str:
        parts = []
        if rec.district:
            parts.append(f"district {rec.district}")
        if rec.province:
            parts.append(f"province {rec.province}")
        return ", ".join(parts) or "province level"

    # -- crosswalks

    def add_crosswalk(
        self,
        before: str,
        after: str,
        walks: Mapping[str, Crosswalk],
        *,
        stats: Counter[str],
        others: Mapping[str, Rec],
    ) -> None:
        """One row per (from, to) any source gives, with the ids of the sources giving it;
        one disagreement per unit the sources send to different places, and per unit of the
        crosswalks that is not in the snapshot (``others``: the second list, to name it)."""
        known_from, known_to = self.snapshot_units[before], self.snapshot_units[after]
        ids = sorted(walks)
        mapped: set[str] = set()
        for walk in walks.values():
            mapped |= walk.keys()
        for old in sorted(mapped):
            given = {i: walks[i][old] for i in ids if old in walks[i]}
            if old not in known_from:
                stats["rows left out (from-code not in the snapshot)"] += len(
                    {code for s in given.values() for code in s.codes}
                )
                named = (
                    f" {title(others[old])} ({self._where(others[old])})" if old in others else ""
                )
                self.disagree(
                    before,
                    old,
                    f"crosswalk: {' and '.join(given)} send unit {old}{named} to "
                    + _targets({i: s.codes for i, s in given.items()})
                    + f", but {old} is not a unit of snapshot {before} (its primary list); "
                    "the rows are left out",
                    {i: " ".join(sorted(s.codes)) for i, s in given.items()},
                )
                continue
            targets = sorted({code for s in given.values() for code in s.codes})
            for new in targets:
                by = [i for i in ids if i in given and new in given[i].codes]
                if new not in known_to:
                    stats["rows left out (to-code not in the snapshot)"] += 1
                    self.disagree(
                        after,
                        new,
                        f"crosswalk: {', '.join(by)} send {before} unit {old} to {new}, which "
                        f"is not a unit of snapshot {after}",
                        dict.fromkeys(by, new),
                    )
                    continue
                whole = all(s.whole and s.codes == {new} for s in given.values())
                self.crosswalk.append(
                    {
                        "from": old,
                        "from_snapshot": before,
                        "to": new,
                        "to_snapshot": after,
                        "share": "1" if whole else None,
                        "source": ",".join(by),
                    }
                )
            if len(given) > 1:
                sets = {i: s.codes for i, s in given.items()}
                flags = {i: s.whole for i, s in given.items()}
                if len(set(sets.values())) > 1:
                    stats["units the sources send to different places"] += 1
                    rec = known_from[old]
                    self.disagree(
                        before,
                        old,
                        f"crosswalk: {before} unit {old} {title(rec)} ({self._where(rec)}) goes "
                        f"to {_targets(sets)}",
                        {i: " ".join(sorted(c)) for i, c in sets.items()},
                    )
                elif len(set(flags.values())) > 1:
                    stats["units the sources split differently"] += 1
                    self.disagree(
                        before,
                        old,
                        f"crosswalk: {before} unit {old} goes to {' '.join(sorted(targets))}; "
                        "undivided per "
                        + ", ".join(i for i, w in flags.items() if w)
                        + ", partly per "
                        + ", ".join(i for i, w in flags.items() if not w),
                        {i: "whole" if w else "part" for i, w in flags.items()},
                    )
        for old in sorted(known_from.keys() - mapped):
            stats["units of the earlier snapshot no source maps"] += 1
            self.notes.append(f"{before} unit {old} {title(known_from[old])}: no crosswalk row")

    def add_gia_lam(self) -> None:
        before, after = self.snapshot_units[S2019], self.snapshot_units[S2025_01]
        for old, new in GIA_LAM_2019_TO_2025_01.items():
            if old not in before or new not in after or before[old].district != "018":
                raise BuildError(f"Gia Lâm crosswalk {old} -> {new}: not in the snapshots")
            self.crosswalk.append(
                {
                    "from": old,
                    "from_snapshot": S2019,
                    "to": new,
                    "to_snapshot": S2025_01,
                    "share": "1",
                    "source": SHARED,
                }
            )
        units = self.snapshot_units[S2025_07]
        for code, kind, name in GIA_LAM_2025_07_CLAIMS:
            rec = units.get(code)
            if rec is not None and (rec.kind, rec.name, rec.province) == (kind, name, "01"):
                continue
            same = sorted(
                c
                for c, r in units.items()
                if (r.kind, r.name, r.province) == (kind, name, "01") and c != code
            )
            found = f"{rec.code} is {title(rec)}" if rec else f"there is no unit {code}"
            elsewhere = f"; {KIND_TITLE[kind]} {name} is {', '.join(same)}" if same else ""
            packages = next(s for s in SNAPSHOTS if s["id"] == S2025_07)["sources"]
            self.disagree(
                S2025_07,
                code,
                f"code: {KIND_TITLE[kind]} {name} (Hà Nội, from 2025-07-01) is {code} per "
                f"{SHARED} (public reports, not checked against the official list); in "
                f"{' and '.join(packages)} {found}{elsewhere}",
                {SHARED: code} | {p: ", ".join(same) or "absent" for p in packages},
            )
            for other in same:
                self.disagree(
                    S2025_07,
                    other,
                    f"code: {KIND_TITLE[kind]} {name} (Hà Nội, from 2025-07-01) is {other} in "
                    f"{' and '.join(packages)}, {code} per {SHARED} (public reports, not "
                    "checked against the official list)",
                    {SHARED: code} | dict.fromkeys(packages, other),
                )

    # -- the document

    def document(self) -> JsonObject:
        def snaps(s: set[str]) -> list[str]:
            return sorted(s, key=ORDER.__getitem__)

        def order(row: JsonObject) -> tuple[Any, ...]:
            return (row["code"], [ORDER[s] for s in row["snapshots"]], row["name"], row["kind"])

        provinces = sorted(
            (
                {"code": c, "name": n, "kind": k, "snapshots": snaps(s)}
                for (c, n, k, _, _), s in self.rows["province"].items()
            ),
            key=order,
        )
        districts = sorted(
            (
                {"code": c, "name": n, "kind": k, "province": p, "snapshots": snaps(s)}
                for (c, n, k, _, p), s in self.rows["district"].items()
            ),
            key=order,
        )
        units = sorted(
            (
                {
                    "code": c,
                    "name": n,
                    "kind": k,
                    "district": d or None,
                    "province": p,
                    "snapshots": snaps(s),
                }
                for (c, n, k, d, p), s in self.rows["unit"].items()
            ),
            key=order,
        )
        crosswalk = sorted(
            self.crosswalk,
            key=lambda r: (ORDER[r["from_snapshot"]], r["from"], ORDER[r["to_snapshot"]], r["to"]),
        )
        disagreements = sorted(
            self.disagreements, key=lambda d: (ORDER[d["snapshot"]], d["subject"], d["message"])
        )
        sources = [
            {
                "id": w.ident,
                "package": w.package,
                "version": w.version,
                "sha256": w.sha256,
                "files": list(w.files),
                "data_date": w.data_date,
                "note": w.note,
            }
            for w in WHEELS
        ]
        return {
            "format": FORMAT,
            "sources": [*sources, SHARED_SOURCE],
            "snapshots": [dict(s) for s in SNAPSHOTS],
            "boundaries": [dict(b) for b in BOUNDARIES],
            "provinces": provinces,
            "districts": districts,
            "units": units,
            "crosswalk": crosswalk,
            "disagreements": disagreements,
        }


def _file_differences(builder: Builder, used: Listing, unused: Listing, va: Listing) -> None:
    """vietnam-provinces 2026.9.0 against itself: the halves of ``_lookup.py`` and of the
    JSON export (``data/*.json``) not used for snapshot 2025-07 (see :func:`read_vp_2025`)."""
    files = {
        "province": ("data/nested-divisions.json", "_lookup.py"),
        "unit": ("_lookup.py", "data/nested-divisions.json and flat-divisions.json"),
    }
    for level, (mine_file, their_file) in files.items():
        mine, theirs = used.level(level), unused.level(level)
        if mine.keys() != theirs.keys():
            raise BuildError("vietnam-provinces 2026.9.0: _lookup.py and JSON list other codes")
        for code in sorted(mine):
            x, y = mine[code], theirs[code]
            for attr in ("name", "kind", "province"):
                u, v = getattr(x, attr), getattr(y, attr)
                if u == v:
                    continue
                why = (
                    "_lookup.py (data of 2026-09-20) has the province upgraded to a centrally "
                    "run city after 2025-07-01 (changelog 2026.9.0: 'Upgrade Quảng Ninh and Bắc "
                    "Ninh'), a change this registry cannot date, so the snapshot keeps the kind "
                    "of 2025-07-01"
                    if level == "province"
                    else "the JSON export predates the package's corrections (2026.2.2: 'Fix "
                    "the apostrophes in the scraped data')"
                )
                builder.disagree(
                    S2025_07,
                    code,
                    f"{attr}: {level} {code} ({title(x)}) is {u} in {VP_NEW.ident} "
                    f"{mine_file} (used) but {v} in its {their_file}; {why}",
                    {
                        VP_NEW.ident: f"{u} ({mine_file}); {v} ({their_file})",
                        VA.ident: str(getattr(va.level(level)[code], attr)),
                    },
                )


def build(cache: Path, *, offline: bool) -> tuple[bytes, list[str]]:
    """The data file's bytes and a summary."""
    paths = {w.ident: fetch(w, cache, offline=offline) for w in WHEELS}
    old = read_vp_old(paths[VP_OLD.ident])
    with zipfile.ZipFile(paths[VP_NEW.ident]) as archive:
        legacy = read_vp_legacy(archive)
        new, unused = read_vp_2025(archive)
        vp_walk, vp_walk_issues = read_vp_crosswalk(archive)
    va_legacy, va_new, va_walk = read_va(paths[VA.ident])

    builder = Builder()
    builder.add_listing(S2019, old)
    builder.add_listing(S2025_01, legacy)
    builder.add_listing(S2025_07, new)
    builder.compare(S2025_01, legacy, va_legacy)
    builder.compare(S2025_07, new, va_new)
    _file_differences(builder, new, unused, va_new)
    stats: Counter[str] = Counter()
    builder.add_crosswalk(
        S2025_01,
        S2025_07,
        {VP_NEW.ident: vp_walk, VA.ident: va_walk},
        stats=stats,
        others=va_legacy.units,
    )
    builder.add_gia_lam()
    doc = builder.document()
    check_document(doc)
    data = encode(doc)

    summary = [f"{FORMAT}: {len(data):,} bytes compressed"]
    for s in SNAPSHOTS:
        sid = s["id"]
        counts = [
            sum(sid in r["snapshots"] for r in doc[table])
            for table in ("provinces", "districts", "units")
        ]
        summary.append(
            f"  snapshot {sid}: {counts[0]} provinces, {counts[1]} districts, {counts[2]} units"
        )
    summary.append(
        f"  rows: {len(doc['provinces'])} provinces, {len(doc['districts'])} districts, "
        f"{len(doc['units'])} units"
    )
    walks = Counter((r["from_snapshot"], r["source"]) for r in doc["crosswalk"])
    for (snap, source), n in sorted(walks.items()):
        summary.append(f"  crosswalk from {snap} by {source}: {n} rows")
    summary.extend(f"  crosswalk 2025-01 -> 2025-07: {k}: {v}" for k, v in sorted(stats.items()))
    kinds = Counter((d["snapshot"], d["message"].split(":", 1)[0]) for d in doc["disagreements"])
    summary.append(f"  disagreements: {len(doc['disagreements'])}")
    summary.extend(f"    {snap} {what}: {n}" for (snap, what), n in sorted(kinds.items()))
    listings = [(S2019, old), (S2025_01, legacy), (S2025_07, new)]
    listings += [(S2025_01, va_legacy), (S2025_07, va_new)]
    for snapshot, listing in listings:
        if listing.issues:
            summary.append(
                f"  inside {listing.source} ({snapshot}): {len(listing.issues)} inconsistencies"
            )
            summary.extend(f"    {issue}" for issue in listing.issues[:5])
    if vp_walk_issues:
        summary.append(f"  inside {VP_NEW.ident} crosswalk: {len(vp_walk_issues)} issues")
        summary.extend(f"    {issue}" for issue in vp_walk_issues[:5])
    summary.extend(f"  {note}" for note in builder.notes[:30])
    if len(builder.notes) > 30:
        summary.append(f"  ... and {len(builder.notes) - 30} more units without a crosswalk row")
    return data, summary


# -- checks and encoding -------------------------------------------------------------------------


def _strings(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for k, v in value.items():
            yield k
            yield from _strings(v)
    elif isinstance(value, list):
        for v in value:
            yield from _strings(v)


def check_document(doc: JsonObject) -> None:
    """The invariants the reader relies on."""
    bad = [s for s in _strings(doc) if unicodedata.normalize("NFC", s) != s]
    if bad:
        raise BuildError(f"not NFC: {bad[:3]}")
    present: dict[str, set[str]] = {s["id"]: set() for s in SNAPSHOTS}
    seen: dict[tuple[str, str], str] = {}
    for u in doc["units"]:
        if not re.fullmatch(r"\d{5}", u["code"]) or u["kind"] not in KIND_TITLE:
            raise BuildError(f"bad unit row {u}")
        for s in u["snapshots"]:
            if (u["code"], s) in seen:
                raise BuildError(f"unit {u['code']} twice in snapshot {s}")
            seen[u["code"], s] = u["name"]
            present[s].add(u["code"])
    for row in doc["crosswalk"]:
        if row["from"] not in present[row["from_snapshot"]]:
            raise BuildError(f"crosswalk: {row['from']} not in {row['from_snapshot']}")
        if row["to"] not in present[row["to_snapshot"]]:
            raise BuildError(f"crosswalk: {row['to']} not in {row['to_snapshot']}")
    ids = {s["id"] for s in doc["sources"]}
    for row in doc["crosswalk"]:
        if not set(row["source"].split(",")) <= ids:
            raise BuildError(f"crosswalk: unknown source {row['source']}")
    for d in doc["disagreements"]:
        if not set(d["values"]) <= ids:
            raise BuildError(f"disagreement: unknown source in {d}")


def encode(doc: JsonObject) -> bytes:
    """Canonical JSON, gzip-compressed with a fixed header (mtime 0, no name, OS 255)."""
    text = json.dumps(doc, ensure_ascii=False, sort_keys=True, separators=(",", ":")) + "\n"
    raw = text.encode("utf-8")
    compressor = zlib.compressobj(9, zlib.DEFLATED, -zlib.MAX_WBITS, 9)
    body = compressor.compress(raw) + compressor.flush()
    header = b"\x1f\x8b\x08\x00" + struct.pack("<I", 0) + b"\x02\xff"
    trailer = struct.pack("<II", zlib.crc32(raw), len(raw) & 0xFFFFFFFF)
    return header + body + trailer


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--cache", type=Path, default=DEFAULT_CACHE, help="wheel cache")
    parser.add_argument("--output", type=Path, default=DEFAULT_OUTPUT, help="data file")
    parser.add_argument(
        "--check", action="store_true", help="exit 1 if the data file differs from a rebuild"
    )
    parser.add_argument(
        "--offline", action="store_true", help="never download; exit 2 if a wheel is missing"
    )
    args = parser.parse_args(argv)
    try:
        data, summary = build(args.cache, offline=args.offline)
    except NotCachedError as e:
        print(f"build_registry: {e}", file=sys.stderr)
        return 2
    started = time.perf_counter()
    doc = json.loads(gzip.decompress(data))
    load_ms = (time.perf_counter() - started) * 1000
    summary.append(f"  load (gzip + json): {load_ms:.0f} ms; {len(doc['units'])} unit rows")
    if len(data) > MAX_BYTES:
        print(f"build_registry: {len(data):,} bytes is over the 2 MB budget", file=sys.stderr)
        return 1
    if args.check:
        current = args.output.read_bytes() if args.output.is_file() else b""
        if current == data:
            print(f"{args.output}: up to date")
            return 0
        same = False
        try:
            same = gzip.decompress(current) == gzip.decompress(data)
        except (OSError, EOFError):
            same = False
        if same:  # another zlib compresses differently; the content is what counts
            print(f"{args.output}: up to date (same content, other compressed bytes)")
            return 0
        print(f"{args.output}: out of date; run python tools/build_registry.py", file=sys.stderr)
        return 1
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_bytes(data)
    print("\n".join(summary))
    print(f"wrote {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
