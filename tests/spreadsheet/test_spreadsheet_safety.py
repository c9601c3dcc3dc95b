"""Untrusted workbooks: size limits, zip bombs, XML entity attacks, formulas, non-workbooks."""

from __future__ import annotations

import io
import socket
import zipfile
from pathlib import Path
from typing import Any

import openpyxl
import pytest

import mttq_core
from mttq_core.spreadsheet import MAX_BYTES, WorkbookError, read_dataset, write_dataset


def refusal(source: Any, **options: Any) -> list[str]:
    with pytest.raises(WorkbookError) as info:
        read_dataset(source, **options)
    return [str(p) for p in info.value.problems]


@pytest.fixture(scope="module")
def template() -> bytes:
    buffer = io.BytesIO()
    write_dataset(mttq_core.example(), buffer)
    return buffer.getvalue()


@pytest.fixture(autouse=True)
def no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    """Nothing here may open a connection (external entities, external links)."""

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError(f"network access attempted: {args}")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)


# -- a minimal workbook, built by hand --------------------------------------------------------

_PKG = "http://schemas.openxmlformats.org/package/2006"
_DOC = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_SML = "application/vnd.openxmlformats-officedocument.spreadsheetml"
_RELS_TYPE = "application/vnd.openxmlformats-package.relationships+xml"
CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    f'<Types xmlns="{_PKG}/content-types">'
    f'<Default Extension="rels" ContentType="{_RELS_TYPE}"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    f'<Override PartName="/xl/workbook.xml" ContentType="{_SML}.sheet.main+xml"/>'
    f'<Override PartName="/xl/worksheets/sheet1.xml" ContentType="{_SML}.worksheet+xml"/>'
    f'<Override PartName="/xl/sharedStrings.xml" ContentType="{_SML}.sharedStrings+xml"/>'
    "</Types>"
)
ROOT_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    f'<Relationships xmlns="{_PKG}/relationships">'
    f'<Relationship Id="rId1" Type="{_DOC}/officeDocument" Target="xl/workbook.xml"/>'
    "</Relationships>"
)
WORKBOOK = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
    f'xmlns:r="{_DOC}">'
    '<sheets><sheet name="Thông tin" sheetId="1" r:id="rId1"/></sheets></workbook>'
)
WORKBOOK_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    f'<Relationships xmlns="{_PKG}/relationships">'
    f'<Relationship Id="rId1" Type="{_DOC}/worksheet" Target="worksheets/sheet1.xml"/>'
    f'<Relationship Id="rId2" Type="{_DOC}/sharedStrings" Target="sharedStrings.xml"/>'
    "</Relationships>"
)
SHEET = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
    '<row r="1"><c r="A1" t="s"><v>0</v></c></row></sheetData></worksheet>'
)
STRINGS = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1" '
    'uniqueCount="1"><si><t>{text}</t></si></sst>'
)
BILLION_LAUGHS = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<!DOCTYPE sst [<!ENTITY lol "lol">'
    + "".join(
        f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">'
        for i in range(1, 10)
    )
    + "]>"
    '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1" '
    'uniqueCount="1"><si><t>&lol9;</t></si></sst>'
)
EXTERNAL_ENTITY = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<!DOCTYPE sst [<!ENTITY xxe SYSTEM "http://example.invalid/secret">]>'
    '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1" '
    'uniqueCount="1"><si><t>&xxe;</t></si></sst>'
)


def handmade(strings: str) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", CONTENT_TYPES)
        z.writestr("_rels/.rels", ROOT_RELS)
        z.writestr("xl/workbook.xml", WORKBOOK)
        z.writestr("xl/_rels/workbook.xml.rels", WORKBOOK_RELS)
        z.writestr("xl/worksheets/sheet1.xml", SHEET)
        z.writestr("xl/sharedStrings.xml", strings)
    return buffer.getvalue()


def test_the_handmade_workbook_is_read() -> None:
    found = refusal(handmade(STRINGS.format(text="Mục")))
    assert any(f.startswith("Thông tin!B1: the column 'Giá trị' is missing") for f in found)


def test_openpyxl_parses_through_defusedxml() -> None:
    import defusedxml.ElementTree  # noqa: PLC0415
    from openpyxl.xml import functions  # noqa: PLC0415

    assert openpyxl.DEFUSEDXML is True
    assert functions.iterparse is defusedxml.ElementTree.iterparse


@pytest.mark.parametrize("strings", [BILLION_LAUGHS, EXTERNAL_ENTITY], ids=["laughs", "xxe"])
def test_entity_declarations_are_refused_before_parsing(strings: str) -> None:
    assert refusal(handmade(strings)) == [
        (
            "workbook: xl/sharedStrings.xml declares an XML document type (<!DOCTYPE> or "
            "<!ENTITY>); workbooks never need one, and such files are refused (XML entity "
            "attacks: entity expansion, external entities)"
        )
    ]


@pytest.mark.parametrize("strings", [BILLION_LAUGHS, EXTERNAL_ENTITY], ids=["laughs", "xxe"])
def test_defusedxml_refuses_what_the_first_check_misses(strings: str) -> None:
    # a comment longer than the bytes the first check reads hides the declaration from it
    hidden = strings.replace("?>", "?><!--" + " " * 70_000 + "-->", 1)
    assert refusal(handmade(hidden)) == [
        (
            "workbook: the workbook's XML declares entities or a document type "
            "(EntitiesForbidden); such files are refused (XML entity attacks)"
        )
    ]


def test_size_limit_on_a_path(tmp_path: Path) -> None:
    path = tmp_path / "big.xlsx"
    with open(path, "wb") as f:
        f.truncate(MAX_BYTES + 1)  # sparse: measured, never read
    assert refusal(path) == [
        (
            "big.xlsx: the file is 20.0 MB; workbooks above 20.0 MB are refused (a guard against "
            "exhausting memory; raise the limit with max_bytes= or --max-size)"
        )
    ]


def test_size_limit_is_configurable(template: bytes) -> None:
    assert MAX_BYTES == 20_000_000
    assert refusal(io.BytesIO(template), max_bytes=50_000) == [
        (
            "workbook: the file is more than 50.0 kB; workbooks above 50.0 kB are refused (a "
            "guard against exhausting memory; raise the limit with max_bytes= or --max-size)"
        )
    ]
    assert read_dataset(template, max_bytes=len(template)) == mttq_core.example()


def test_zip_bombs_are_refused_before_unpacking() -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", CONTENT_TYPES)
        z.writestr("xl/worksheets/sheet1.xml", b" " * 2_000_000)
    data = buffer.getvalue()
    assert len(data) < 20_000
    assert refusal(data, max_bytes=50_000) == [
        (
            "workbook: the workbook unpacks to 2.0 MB, more than 25 × the size limit of 50.0 kB; "
            "such files are refused (a guard against zip bombs)"
        )
    ]


NOT_WORKBOOKS = {
    "empty": (b"", "the file is empty; expected an Excel workbook (.xlsx)"),
    "text": (b"Don vi,Chi tieu\n", "not an Excel workbook (.xlsx): the file is not a zip archive"),
    "dataset JSON": (
        b'{"format": "mttq-core/1"}',
        (
            "not an Excel workbook (.xlsx): the file is not a zip archive (it looks like a "
            "dataset JSON file: use it as it is)"
        ),
    ),
    "encrypted or .xls": (
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 512,
        (
            "this is a password-protected workbook or an old Excel 97–2003 (.xls) file; save it "
            "as an Excel workbook (.xlsx) without a password"
        ),
    ),
}


@pytest.mark.parametrize(("data", "message"), NOT_WORKBOOKS.values(), ids=list(NOT_WORKBOOKS))
def test_files_that_are_not_workbooks(data: bytes, message: str) -> None:
    assert refusal(data) == [f"workbook: {message}"]


def _zipped(**parts: bytes | str) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as z:
        for name, content in parts.items():
            z.writestr(name.replace("__", "/"), content)
    return buffer.getvalue()


def test_other_zip_archives() -> None:
    ods = _zipped(mimetype="application/vnd.oasis.opendocument.spreadsheet")
    assert refusal(ods) == [
        "workbook: this is an OpenDocument spreadsheet (.ods); save it as .xlsx"
    ]
    assert refusal(_zipped(readme="x")) == [
        "workbook: a zip archive, but not an Excel workbook (.xlsx)"
    ]


def test_a_damaged_workbook_gives_one_clear_line(template: bytes) -> None:
    found = refusal(template[: len(template) // 2])
    assert found == ["workbook: not an Excel workbook (.xlsx): the file is not a zip archive"]
    broken = _zipped(**{"[Content_Types].xml": CONTENT_TYPES, "xl__workbook.xml": "<workbook"})
    (message,) = refusal(broken)
    assert message.startswith("workbook: the workbook cannot be read (")


def test_a_formula_is_never_calculated(template: bytes) -> None:
    workbook = openpyxl.load_workbook(io.BytesIO(template))
    workbook["Số liệu"]["D2"] = "=94+0.5"  # what the cell had: a cached 94.5 would be "right"
    out = io.BytesIO()
    workbook.save(out)
    assert refusal(out.getvalue()) == [
        (
            "Số liệu!D2: a formula (=94+0.5) is not accepted; type the value (formulas are never "
            "calculated on import)"
        )
    ]


def test_a_scorecard_workbook_is_recognised(template: bytes) -> None:
    from mttq_core.spreadsheet import write_scorecard  # noqa: PLC0415

    ds = mttq_core.example()
    buffer = io.BytesIO()
    write_scorecard(mttq_core.assess(ds, as_of="2022-04-18"), ds, buffer)
    assert refusal(buffer.getvalue()) == [
        (
            "workbook: this is a scorecard workbook (written by 'export --scorecard'), not a "
            "dataset; import reads a dataset workbook in the template"
        )
    ]


def test_missing_files_raise_os_errors(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        read_dataset(tmp_path / "missing.xlsx")
    with pytest.raises(IsADirectoryError):
        read_dataset(tmp_path)
