"""A workbook is untrusted input: size limits, container checks, no DTDs, no formulas run.

Before openpyxl sees a byte, the file must be under the size limit, a zip archive that
unpacks to a bounded size, not encrypted, and free of XML document type declarations (the
door to "billion laughs" entity expansion and external entities). openpyxl then parses with
``defusedxml``, which refuses entities a second time.
"""

from __future__ import annotations

import io
import os
import zipfile
import zlib
from typing import IO, Final

from defusedxml.ElementTree import iterparse

from mttq_core.model import Problem

from ._errors import WorkbookError

__all__ = [
    "MAX_BYTES",
    "UNPACK_FACTOR",
    "check_container",
    "merged_ranges",
    "read_source",
    "refuse",
]

#: Workbooks larger than this (20 MB) are refused unless the caller raises the limit.
MAX_BYTES: Final = 20_000_000
#: A workbook may unpack to at most this many times the size limit (a zip-bomb guard).
UNPACK_FACTOR: Final = 25

_OLE: Final = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # encrypted .xlsx and old .xls files
_HEAD: Final = 65_536  # a DTD comes before the root element: the first bytes tell
_MARKS: Final = tuple(
    mark.encode(codec)
    for mark in ("<!DOCTYPE", "<!ENTITY")
    for codec in ("utf-8", "utf-16-le", "utf-16-be")
)
_MAIN_NS: Final = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"


def refuse(name: str, message: str) -> WorkbookError:
    """A workbook error about the file as a whole, located by the file's name."""
    return WorkbookError([Problem(name, message)])


def _megabytes(size: int) -> str:
    if size < 100_000:
        return f"{size / 1000:.1f} kB"
    return f"{size / 1_000_000:.1f} MB"


def _too_large(name: str, size: int, max_bytes: int, *, exact: bool) -> WorkbookError:
    shown = _megabytes(size) if exact else f"more than {_megabytes(max_bytes)}"
    return refuse(
        name,
        f"the file is {shown}; workbooks above {_megabytes(max_bytes)} are refused (a guard "
        "against exhausting memory; raise the limit with max_bytes= or --max-size)",
    )


def read_source(
    source: str | os.PathLike[str] | IO[bytes] | bytes, *, max_bytes: int
) -> tuple[bytes, str]:
    """The workbook's bytes and the name that locates whole-file problems.

    A path is measured before it is read; a stream is read up to one byte past the limit.
    Missing files and directories raise ``OSError`` as usual.
    """
    if isinstance(source, bytes | bytearray):
        data, name = bytes(source), "workbook"
    elif isinstance(source, str | os.PathLike):
        name = os.path.basename(os.fspath(source)) or os.fspath(source)
        size = os.stat(source).st_size
        if size > max_bytes:
            raise _too_large(name, size, max_bytes, exact=True)
        with open(source, "rb") as f:
            data = f.read(max_bytes + 1)
    else:
        name = os.path.basename(str(getattr(source, "name", ""))) or "workbook"
        data = source.read(max_bytes + 1)
        if not isinstance(data, bytes):
            raise TypeError("read_dataset reads a binary stream (open the file with 'rb')")
    if len(data) > max_bytes:
        raise _too_large(name, len(data), max_bytes, exact=False)
    return data, name


def check_container(data: bytes, name: str, *, max_bytes: int) -> zipfile.ZipFile:
    """The workbook's zip archive, once it has passed every check that needs no XML parser."""
    if not data.strip():
        raise refuse(name, "the file is empty; expected an Excel workbook (.xlsx)")
    if data.startswith(_OLE):
        raise refuse(
            name,
            "this is a password-protected workbook or an old Excel 97–2003 (.xls) file; "
            "save it as an Excel workbook (.xlsx) without a password",
        )
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        infos = archive.infolist()
    except (zipfile.BadZipFile, ValueError, OSError):
        hint = (
            " (it looks like a dataset JSON file: use it as it is)"
            if data.lstrip().startswith(b"{")
            else ""
        )
        raise refuse(
            name, f"not an Excel workbook (.xlsx): the file is not a zip archive{hint}"
        ) from None
    names = {info.filename for info in infos}
    if "mimetype" in names and archive.read("mimetype").startswith(b"application/vnd.oasis"):
        raise refuse(name, "this is an OpenDocument spreadsheet (.ods); save it as .xlsx")
    if "[Content_Types].xml" not in names:
        raise refuse(name, "a zip archive, but not an Excel workbook (.xlsx)")
    if any(info.flag_bits & 0x1 for info in infos):
        raise refuse(name, "the archive is encrypted; save the workbook without a password")
    unpacked = sum(info.file_size for info in infos)
    if unpacked > max_bytes * UNPACK_FACTOR:
        raise refuse(
            name,
            f"the workbook unpacks to {_megabytes(unpacked)}, more than "
            f"{UNPACK_FACTOR} × the size limit of {_megabytes(max_bytes)}; such files are "
            "refused (a guard against zip bombs)",
        )
    for info in infos:
        if info.filename.endswith((".xml", ".rels", ".vml")):
            _check_prolog(archive, info, name)
    return archive


def _check_prolog(archive: zipfile.ZipFile, info: zipfile.ZipInfo, name: str) -> None:
    try:
        with archive.open(info) as part:
            head = part.read(_HEAD)
    except (zipfile.BadZipFile, zlib.error, OSError, EOFError, NotImplementedError) as e:
        raise refuse(
            name, f"the workbook is damaged: {info.filename} cannot be read ({e})"
        ) from None
    if any(mark in head for mark in _MARKS):
        raise refuse(
            name,
            f"{info.filename} declares an XML document type (<!DOCTYPE> or <!ENTITY>); "
            "workbooks never need one, and such files are refused (XML entity attacks: "
            "entity expansion, external entities)",
        )


def merged_ranges(archive: zipfile.ZipFile, part: str) -> list[str]:
    """The merged ranges (``D5:D7``) of one worksheet part; openpyxl's read-only mode has none."""
    refs: list[str] = []
    try:
        with archive.open(part.lstrip("/")) as source:
            for _, element in iterparse(source, events=("end",)):
                if element.tag == f"{_MAIN_NS}mergeCell":
                    ref = element.get("ref")
                    if ref:
                        refs.append(ref)
                elif element.tag == f"{_MAIN_NS}row":
                    element.clear()
    except KeyError:  # the part is missing: openpyxl reports the sheet itself
        return []
    return refs
