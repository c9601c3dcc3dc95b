"""The brief as HTML: self-contained, escaped, the same content as Markdown, A4 in Chromium."""

from __future__ import annotations

import html
import json
import os
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import attrs
import pytest

import mttq_core
from mttq_core.briefing import Brief
from mttq_core.briefing._content import Document, Facts, Items, Para, Section, Table, content
from mttq_core.briefing._html import _breakable, document_html

BAT_TRANG = "00583"
AS_OF = "2022-04-18"
A4_WIDTH_PX = 794  # 210 mm at 96 CSS px per inch
A4_PT = (595.28, 841.89)
TIMEOUT = 60  # seconds, for every Chromium run
EVIL = "<script>alert(1)</script> & Co"


@pytest.fixture(scope="module")
def bat_trang() -> Brief:
    return mttq_core.brief(mttq_core.example(), BAT_TRANG, as_of=AS_OF)


@pytest.fixture(scope="module")
def page(bat_trang: Brief) -> str:
    return bat_trang.html()


def _evil_brief() -> Brief:
    """Bát Tràng, with markup and ampersands in the commune's and an indicator's names."""
    d = mttq_core.example()
    communes = tuple(attrs.evolve(c, name=EVIL) if c.code == BAT_TRANG else c for c in d.communes)
    indicators = tuple(
        attrs.evolve(i, name=f'{i.name} <img src=x onerror=alert(2)> & "{i.id}"')
        for i in d.indicators
    )
    dataset = attrs.evolve(d, communes=communes, indicators=indicators)
    return mttq_core.brief(dataset, BAT_TRANG, as_of=AS_OF)


# -- the file itself -----------------------------------------------------------------------


def test_is_one_self_contained_html5_file(page: str) -> None:
    assert page.startswith("<!doctype html>\n")
    assert '<html lang="vi">' in page
    assert '<meta charset="utf-8">' in page
    assert re.search(r"<title>[^<]+Bát Tràng</title>", page)
    assert page.count("<style>") == 1
    assert page.rstrip().endswith("</html>")
    lowered = page.lower()
    for banned in ("<script", "<link", "@import", "url(", "http:", "https:", "src=", "href="):
        assert banned not in lowered, banned


def test_forbids_scripts_and_loads_even_if_escaping_failed(page: str) -> None:
    csp = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)">', page)
    assert csp is not None
    assert csp.group(1) == "default-src 'none'; style-src 'unsafe-inline'"


def test_uses_a_system_font_stack_with_vietnamese_glyphs(page: str) -> None:
    family = re.search(r"font-family:([^;]+);", page)
    assert family is not None
    assert '"Noto Sans"' in family.group(1)
    assert '"DejaVu Sans"' in family.group(1)
    assert family.group(1).strip().endswith("sans-serif")
    assert "@font-face" not in page


def test_prints_on_a4(page: str) -> None:
    css = re.sub(r"\s+", " ", page)
    assert "@page { size: A4 portrait; margin: 14mm 12mm; }" in css
    assert "thead { display: table-header-group; }" in css
    assert re.search(r"tr \{ break-inside: avoid;", css)
    assert re.search(r"h2, h3 \{ break-after: avoid;", css)
    assert "print-color-adjust: exact" in css
    assert "width: 100%; max-width: 100%; table-layout: auto;" in css  # columns fit the text
    assert "overflow-wrap: anywhere; word-break: normal;" in css  # outside tables
    assert "overflow-wrap: break-word; word-break: normal;" in css  # in cells: see _breakable
    assert "td.keep { white-space: nowrap; }" in css
    assert "max-width: 194mm" in css  # 186 mm of text and 2 × 4 mm of padding on screen
    assert re.search(
        r"th\.num, td\.num \{ text-align: right; font-variant-numeric: tabular-nums;", css
    )
    printed = re.search(r"@media print \{(.*?)\} \}", css)
    assert printed is not None
    assert "--ink: #000; --paper: #fff;" in printed.group(1)  # black on white, whatever the screen
    assert "@media screen and (prefers-color-scheme: dark)" in css


# -- escaping ------------------------------------------------------------------------------


def test_dataset_text_comes_out_inert() -> None:
    page = _evil_brief().html()
    assert "<script" not in page.lower()
    assert "<img" not in page.lower()
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; Co" in page
    assert "&lt;img src=x onerror=alert(2)&gt; &amp; &quot;gia_dinh_van_hoa&quot;" in page
    title = re.search(r"<title>(.*?)</title>", page)
    assert title is not None
    assert title.group(1).endswith("xã &lt;script&gt;alert(1)&lt;/script&gt; &amp; Co")


def test_every_block_kind_is_escaped() -> None:
    doc = Document(
        title="T <x-title> & 2",
        subtitle=("s <x-sub>", 'q "x"'),
        sections=(
            Section(
                "S <x-h>",
                (
                    Para("p <x-p> &"),
                    Items(("i <x-li>",)),
                    Facts((("l <x-dt>", "v <x-dd>"),)),
                    Table(("c <x-th>", "n"), (("r <x-td>", "1 & 2"),), (False, True), ("behind",)),
                ),
                level=3,
            ),
        ),
        footer="f </footer>",
    )
    page = document_html(doc)
    for tag in ("title", "sub", "h", "p", "li", "dt", "dd", "th", "td"):
        assert f"<x-{tag}>" not in page
        assert f"&lt;x-{tag}&gt;" in page
    assert page.count("</footer>") == 1
    for text in ("T &lt;x-title&gt; &amp; 2", "q &quot;x&quot;", "1 &amp; 2", "f &lt;/footer&gt;"):
        assert text in page, text
    assert "<h3>S &lt;x-h&gt;</h3>" in page


def test_a_tone_never_leaks_into_markup() -> None:
    table = Table(("x",), (("a",),), (False,), ('behind" onclick="alert(1)',))
    page = document_html(Document("t", ("s",), (Section("s", (table,)),), "f"))
    assert '<tr class="tone tone-behindonclickalert1">' in page
    assert 'onclick="' not in page


# -- the same content as Markdown ----------------------------------------------------------


def _texts(doc: Document) -> list[str]:
    out = [doc.title, *doc.subtitle, doc.footer]
    for s in doc.sections:
        out.append(s.title)
        for block in s.blocks:
            if isinstance(block, Para):
                out.append(block.text)
            elif isinstance(block, Items):
                out.extend(block.items)
            elif isinstance(block, Facts):
                out.extend(text for pair in block.pairs for text in pair)
            else:
                out.extend(block.columns)
                out.extend(cell for row in block.rows for cell in row)
    return out


@pytest.mark.parametrize("which", ["bat_trang", "evil"])
def test_shows_every_text_of_the_content(which: str, bat_trang: Brief) -> None:
    b = bat_trang if which == "bat_trang" else _evil_brief()
    doc = content(b)
    page = b.html()
    texts = _texts(doc)
    assert len(texts) > 100
    missing = [t for t in texts if html.escape(t) not in page.replace("<wbr>", "")]
    assert missing == []
    # the sections in the same order and at the same level as the Markdown headings
    headings = re.findall(r"<h([23])>(.*?)</h\1>", page)
    assert headings == [(str(s.level), html.escape(s.title)) for s in doc.sections]
    markdown = b.markdown()
    assert [t for _, t in headings] == [
        html.escape(line.lstrip("# ")) for line in markdown.splitlines() if line.startswith("##")
    ]


def test_number_columns_are_right_aligned(page: str) -> None:
    assert '<th scope="col">Chỉ tiêu</th><th scope="col" class="num">Thực hiện</th>' in page
    assert '<td class="num keep">557.800.000 đ</td>' in page
    assert "<td>31/12/2021</td>" in page


def test_facts_and_footer(page: str) -> None:
    assert '<dl class="facts">\n<dt>Tên đơn vị</dt><dd>xã Bát Tràng</dd>' in page
    footer = re.search(r"<footer>(.*?)</footer>", page, re.S)
    assert footer is not None
    assert footer.group(1).startswith("Nguồn: ")


# -- tones ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("tone", "label"),
    [
        ("exceeded", "Vượt chỉ tiêu"),
        ("achieved", "Đạt"),
        ("on_track", "Đúng tiến độ"),
        ("behind", "Chậm tiến độ"),
        ("overdue", "Quá hạn 108 ngày"),
        ("open", "Đang thực hiện"),
    ],
)
def test_tones_become_classes_with_colours(page: str, tone: str, label: str) -> None:
    rows = re.findall(rf'<tr class="tone tone-{tone}">(.*?)</tr>', page)
    assert rows, tone
    assert all(f'<td class="keep"><span class="badge">{label}</span></td>' in row for row in rows)
    colour = re.search(rf"\.tone-{tone}\b[^{{]*\{{ --tone: (#[0-9a-f]{{6}}); --tint: #", page)
    assert colour is not None, tone


def test_traffic_light_colours_are_distinct(page: str) -> None:
    light = page.split("@media", maxsplit=1)[0]
    colours = {
        tone: re.search(rf"\.tone-{tone}\b[^{{]*\{{ --tone: (#[0-9a-f]{{6}})", light)
        for tone in ("exceeded", "on_track", "behind", "not_achieved", "no_data")
    }
    found = {tone: m.group(1) for tone, m in colours.items() if m}
    assert len(set(found.values())) == 5
    assert re.search(r"\.tone-achieved, \.tone-done \{", light)
    assert re.search(r"\.tone-behind, \.tone-open \{", light)
    assert re.search(r"\.tone-not_achieved, \.tone-overdue \{", light)


def test_tables_without_tones_have_plain_rows(bat_trang: Brief, page: str) -> None:
    plain = [t for s in content(bat_trang).sections for t in s.blocks if isinstance(t, Table)]
    assert any(not t.tones for t in plain)
    assert "<tr><td>Số dư đầu kỳ</td>" in page


def test_long_words_get_break_opportunities() -> None:
    assert _breakable("Số liệu <đến> & 31/12/2021") == "Số liệu &lt;đến&gt; &amp; 31/12/2021"
    assert _breakable("x" * 20) == "x" * 20
    assert _breakable("a" * 30 + " b") == "a" * 12 + "<wbr>" + "a" * 12 + "<wbr>" + "a" * 6 + " b"
    assert _breakable("<" * 21) == "&lt;" * 12 + "<wbr>" + "&lt;" * 9  # escaped piece by piece
    nfd = "e\u0302\u0301" * 10  # ế in NFD: a letter and two combining accents
    pieces = _breakable(nfd).split("<wbr>")
    assert "".join(pieces) == nfd
    assert all(p[0] == "e" for p in pieces)  # no piece starts with a bare accent


def test_long_cells_may_wrap_short_amounts_may_not() -> None:
    table = Table(
        ("Khoản", "Số tiền", "Trạng thái"),
        (("a", "1" * 25, "Chậm tiến độ"), ("b", "1.000 đ", "x " * 20)),
        (False, True, False),
        ("behind", "behind"),
        status=2,
    )
    page = document_html(Document("t", ("s",), (Section("s", (table,)),), "f"))
    assert '<td class="num keep">1.000 đ</td>' in page
    assert '<td class="num">' + "1" * 12 + "<wbr>" in page
    assert '<td class="keep"><span class="badge">Chậm tiến độ</span></td>' in page
    assert '<td><span class="badge">x x' in page


def test_only_very_wide_tables_get_equal_breakable_columns() -> None:
    def page(n: int) -> str:
        table = Table(tuple(f"c{i}" for i in range(n)), (), (False,) * n)
        return document_html(Document("t", ("s",), (Section("s", (table,)),), "f"))

    assert "<table>" in page(8)
    assert '<table class="dense">' in page(9)
    assert "table.dense { table-layout: fixed; }" in page(9)


# -- in a real browser ---------------------------------------------------------------------


@pytest.fixture(scope="module")
def chromium() -> str:
    for name in ("chromium", "chromium-browser"):
        found = shutil.which(name)
        if found:
            return found
    if os.environ.get("CI"):
        pytest.fail("chromium is missing: CI must install it (see .ci/run)")
    pytest.skip("chromium is not installed (apt-get install chromium); skipping browser checks")


def _run(chromium: str, tmp_path: Path, *args: str) -> str:
    """Run headless Chromium with a fresh profile, offline-minded; its standard output."""
    profile = tmp_path / "profile"
    profile.mkdir(exist_ok=True)
    command = [
        chromium,
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--hide-scrollbars",
        f"--user-data-dir={profile}",
        f"--window-size={A4_WIDTH_PX},1123",
        *args,
    ]
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=TIMEOUT, check=False)
    except subprocess.TimeoutExpired:
        pytest.fail(f"chromium took more than {TIMEOUT} s: {' '.join(command)}")
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout


def _write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_screenshot_is_not_blank(chromium: str, tmp_path: Path, page: str) -> None:
    from PIL import Image  # noqa: PLC0415 — a test-only dependency, needed only with chromium

    source = _write(tmp_path, "brief.html", page)
    png = tmp_path / "brief_bat_trang.png"
    _run(chromium, tmp_path, f"--screenshot={png}", source.as_uri())
    with Image.open(png) as image:
        assert image.size == (A4_WIDTH_PX, 1123)
        rgb = image.convert("RGB")
    counts = rgb.getcolors(maxcolors=1 << 24)  # [(how many pixels, (r, g, b)), ...]
    assert counts is not None
    total = A4_WIDTH_PX * 1123
    rgbs = [(n, c[:3]) for n, c in counts if isinstance(c, tuple)]
    assert len(rgbs) == len(counts)
    inked = sum(n for n, c in rgbs if min(c) < 200)
    coloured = sum(n for n, c in rgbs if max(c) - min(c) > 80)
    assert inked / total > 0.03  # text, rules and table borders
    assert coloured > 200  # the status bars and badges
    assert len(counts) > 50  # anti-aliased glyphs, not a flat page


_PROBE = """<script>
const wrapped = [];
for (const cell of document.querySelectorAll("td.keep")) {
  const lines = new Set();
  const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const range = document.createRange();
    range.selectNodeContents(walker.currentNode);
    for (const r of range.getClientRects()) lines.add(Math.round(r.top));
  }
  if (lines.size > 1) wrapped.push(cell.textContent);
}
document.body.setAttribute("data-probe", JSON.stringify({
  scrollWidth: document.documentElement.scrollWidth, wrapped: wrapped,
}));
</script>"""


def _measure(chromium: str, tmp_path: Path, page: str, font: str | None = None) -> dict[str, Any]:
    """In an A4-wide window: the page's ``scrollWidth`` and the kept cells that wrapped anyway.

    Measured in a test copy of the page, with a script (and without the page's CSP, which
    forbids scripts) and, if ``font`` is given, that font for the whole page.
    """
    csp = re.compile(r'<meta http-equiv="Content-Security-Policy"[^>]*>\n')
    copy, n = csp.subn("", page)
    assert n == 1
    if font is not None:
        copy = copy.replace("</style>", f'body {{ font-family: "{font}"; }}</style>', 1)
    copy = copy.replace("</body>", _PROBE + "</body>")
    source = _write(tmp_path, "probe.html", copy)
    dom = _run(chromium, tmp_path, "--dump-dom", "--virtual-time-budget=2000", source.as_uri())
    found = re.search(r'data-probe="([^"]*)"', dom)
    assert found is not None, dom[:500]
    result: dict[str, Any] = json.loads(html.unescape(found.group(1)))
    return result


@pytest.mark.parametrize("font", [None, "DejaVu Sans"])  # DejaVu: wide, and the fallback
def test_fits_a4_width(chromium: str, tmp_path: Path, page: str, font: str | None) -> None:
    measured = _measure(chromium, tmp_path, page, font)
    assert measured["scrollWidth"] <= A4_WIDTH_PX
    assert measured["wrapped"] == []  # amounts and status labels stay on one line


def test_fits_a4_width_with_hostile_names(chromium: str, tmp_path: Path) -> None:
    assert _measure(chromium, tmp_path, _evil_brief().html())["scrollWidth"] <= A4_WIDTH_PX


def test_long_unbroken_words_wrap_instead_of_overflowing(chromium: str, tmp_path: Path) -> None:
    word = "Chỉtiêu" * 60
    table = Table(
        ("Chỉ tiêu", "Thực hiện", "Mục tiêu", "Trạng thái"),
        ((word, "1" * 40, "≥ 800.000.000.000.000 đ", "Chậm tiến độ"),),
        (False, True, True, False),
        ("behind",),
        status=3,
    )
    columns = [f"Cột{i}" * 8 for i in range(12)]
    many = Table(tuple(columns), (tuple("9" * 30 for _ in columns),), (True,) * len(columns))
    eight = Table(tuple(columns[:8]), (tuple("9 " * 12 for _ in range(8)),), (False,) * 8)
    doc = Document(
        word,
        (word,),
        (Section(word, (Para(word), Facts(((word, word),)), table, many, eight)),),
        word,
    )
    assert _measure(chromium, tmp_path, document_html(doc))["scrollWidth"] <= A4_WIDTH_PX


def test_prints_on_a_few_a4_pages(chromium: str, tmp_path: Path, page: str) -> None:
    source = _write(tmp_path, "brief.html", page)
    pdf = tmp_path / "brief.pdf"
    _run(chromium, tmp_path, f"--print-to-pdf={pdf}", "--no-pdf-header-footer", source.as_uri())
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF-")
    boxes = re.findall(rb"/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]", data)
    pages = len(re.findall(rb"/Type\s*/Page(?![a-zA-Z])", data))
    assert 1 <= pages <= 3
    assert len(boxes) == pages
    for width, height in boxes:
        assert float(width) == pytest.approx(A4_PT[0], abs=1)
        assert float(height) == pytest.approx(A4_PT[1], abs=1)
