"""The brief as one self-contained HTML page: inline CSS, no script, no network, A4 print."""

from __future__ import annotations

import re
import unicodedata
from html import escape
from typing import TYPE_CHECKING, Final

from ._content import Document, Facts, Items, Para, Section, Table, content

if TYPE_CHECKING:
    from ._document import Brief

__all__ = ["document_html", "render_html"]

# Columns whose cells carry the row's status label: they get a badge in the tone's colour.
# Amounts, percentages and status labels up to this long never wrap inside their cell.
_KEEP: Final = 24
# Tables size their columns from the real text (``table-layout: auto``), so no word may be wider
# than a column can afford: a word longer than ``_LONG`` characters gets a break opportunity
# (``<wbr>``) every ``_CHUNK`` characters. Vietnamese syllables are short; codes, numbers and
# addresses are what this catches.
_LONG: Final = 20
_CHUNK: Final = 12
# A table with more columns than this could not fit even so: it gets equal columns in which
# anything may break (a safety net; the brief's own tables have at most eight columns).
_DENSE: Final = 8
_NUM: Final = ' class="num"'
# Nothing but the inline style sheet may load or run, even if some text escaped its escaping.
_CSP: Final = "default-src 'none'; style-src 'unsafe-inline'"

_CSS: Final = """
@page { size: A4 portrait; margin: 14mm 12mm; }
:root {
  --ink: #111; --paper: #fff; --muted: #555; --rule: #9a9a9a; --head: #eceef1;
  --tone: transparent; --tint: transparent;
  color-scheme: light;
}
* { box-sizing: border-box; }
html { background: var(--paper); }
body {
  margin: 0 auto; padding: 8mm 4mm; max-width: 194mm;
  color: var(--ink); background: var(--paper);
  font-family: Arial, "Liberation Sans", "Noto Sans", "Segoe UI", Roboto, "DejaVu Sans",
    sans-serif;
  font-size: 10pt; line-height: 1.4;
  overflow-wrap: anywhere; word-break: normal;
  -webkit-print-color-adjust: exact; print-color-adjust: exact;
  text-size-adjust: 100%; -webkit-text-size-adjust: 100%;
}
header { text-align: center; margin-bottom: 5mm; }
header::after {
  content: ""; display: block; width: 40mm; margin: 3mm auto 0;
  border-top: 0.75pt solid var(--ink);
}
h1 {
  font-size: 13pt; line-height: 1.3; font-weight: 700; text-transform: uppercase;
  margin: 0 0 2mm; letter-spacing: 0.01em;
}
.sub { margin: 0; font-size: 10pt; }
.sub:first-of-type { font-weight: 700; }
.sub:last-of-type { font-style: italic; }
h2, h3 { break-after: avoid; page-break-after: avoid; break-inside: avoid; }
h2 {
  font-size: 11pt; font-weight: 700; margin: 5mm 0 2mm; padding-bottom: 0.6mm;
  border-bottom: 0.75pt solid var(--rule);
}
h3 { font-size: 10.5pt; font-weight: 700; font-style: italic; margin: 4mm 0 1.5mm; }
p { margin: 0 0 2mm; }
ul { margin: 0 0 2mm; padding-left: 6mm; }
li { margin: 0 0 0.5mm; }
dl.facts {
  display: grid; grid-template-columns: 28% minmax(0, 1fr);
  column-gap: 4mm; row-gap: 0.8mm; margin: 0 0 2.5mm;
}
dl.facts dt { color: var(--muted); }
dl.facts dd { margin: 0; }
table {
  width: 100%; max-width: 100%; table-layout: auto; border-collapse: collapse;
  margin: 0 0 2.5mm; font-size: 8.8pt; line-height: 1.3;
}
thead { display: table-header-group; }
tr { break-inside: avoid; page-break-inside: avoid; }
th, td {
  border: 0.5pt solid var(--rule); padding: 1mm 1.4mm; vertical-align: top;
  text-align: left; overflow-wrap: break-word; word-break: normal; hyphens: manual;
}
th { background: var(--head); font-weight: 700; vertical-align: bottom; }
th.num, td.num { text-align: right; font-variant-numeric: tabular-nums; }
td.keep { white-space: nowrap; }
table.dense { table-layout: fixed; }
table.dense th, table.dense td { overflow-wrap: anywhere; white-space: normal; }
tr.tone > td:first-child { border-left: 1mm solid var(--tone); }
.badge {
  display: inline-block; padding: 0 1.2mm; border: 0.5pt solid var(--tone);
  border-left-width: 1.2mm; border-radius: 0.6mm; background: var(--tint);
  color: var(--ink); font-weight: 600;
}
.tone-exceeded { --tone: #1b6e35; --tint: #dff0e4; }
.tone-achieved, .tone-done { --tone: #2f9a4c; --tint: #e6f4ea; }
.tone-on_track { --tone: #1768a8; --tint: #e1eef8; }
.tone-behind, .tone-open { --tone: #c98a00; --tint: #fbf0d3; }
.tone-not_achieved, .tone-overdue { --tone: #c0282d; --tint: #f8e1e1; }
.tone-no_data { --tone: #8a8a8a; --tint: #eeeeee; }
footer {
  margin-top: 6mm; padding-top: 1.5mm; border-top: 0.5pt solid var(--rule);
  font-size: 8.5pt; color: var(--muted);
}
@media screen and (prefers-color-scheme: dark) {
  :root { --ink: #e8e8e8; --paper: #17191d; --muted: #a9adb4; --rule: #4b5059; --head: #262a31;
    color-scheme: dark; }
  .tone-exceeded { --tone: #3fb86a; --tint: #183323; }
  .tone-achieved, .tone-done { --tone: #4cc274; --tint: #1a3324; }
  .tone-on_track { --tone: #4ea3e6; --tint: #172a3a; }
  .tone-behind, .tone-open { --tone: #e3a92b; --tint: #3a2f14; }
  .tone-not_achieved, .tone-overdue { --tone: #ec5b60; --tint: #3c1c1e; }
  .tone-no_data { --tone: #9a9a9a; --tint: #2a2a2a; }
}
@media print {
  :root { --ink: #000; --paper: #fff; --muted: #333; color-scheme: light; }
  body { max-width: none; margin: 0; padding: 0; }
}
"""


def _e(text: str) -> str:
    return escape(text, quote=True)


def _breakable(text: str) -> str:
    """``text`` escaped, with a ``<wbr>`` every ``_CHUNK`` characters of each over-long word.

    A break never separates a letter from its combining accents (text in NFD form).

    >>> _breakable("ab <c>"), _breakable("0123456789" * 3)
    ('ab &lt;c&gt;', '012345678901<wbr>234567890123<wbr>456789')
    """
    out: list[str] = []
    for word in re.split(r"(\s+)", text):
        if len(word) <= _LONG:
            out.append(_e(word))
            continue
        chunk = ""
        for char in word:
            if len(chunk) >= _CHUNK and not unicodedata.combining(char):
                out.append(_e(chunk) + "<wbr>")
                chunk = ""
            chunk += char
        out.append(_e(chunk))
    return "".join(out)


def _tone_class(tone: str) -> str:
    """A class name from a status id: only ``[a-z0-9_-]`` survives (data never reaches CSS)."""
    return "tone-" + re.sub(r"[^a-z0-9_-]", "", tone.lower())


def _table(t: Table) -> list[str]:
    n = len(t.columns)
    right = [j < len(t.right) and t.right[j] for j in range(n)]
    badged = [j == t.status and any(t.tones) for j in range(n)]
    heads = "".join(
        f'<th scope="col"{_NUM if r else ""}>{_breakable(c)}</th>'
        for c, r in zip(t.columns, right, strict=True)
    )
    table = '<table class="dense">' if n > _DENSE else "<table>"
    out = [table, f"<thead><tr>{heads}</tr></thead>", "<tbody>"]
    for i, row in enumerate(t.rows):
        tone = t.tones[i] if i < len(t.tones) else None
        cells = []
        for j, text in enumerate(row):
            r = j < n and right[j]
            badge = bool(tone) and j < n and badged[j]
            classes = ["num"] if r else []
            if (r or badge) and len(text) <= _KEEP:
                classes.append("keep")
            inner = _breakable(text)
            if badge:
                inner = f'<span class="badge">{inner}</span>'
            attr = f' class="{" ".join(classes)}"' if classes else ""
            cells.append(f"<td{attr}>{inner}</td>")
        cls = f' class="tone {_tone_class(tone)}"' if tone else ""
        out.append(f"<tr{cls}>{''.join(cells)}</tr>")
    out.extend(["</tbody>", "</table>"])
    return out


def _section(s: Section) -> list[str]:
    level = min(max(s.level, 2), 6)
    out = [f'<section class="level-{level}">', f"<h{level}>{_e(s.title)}</h{level}>"]
    for block in s.blocks:
        if isinstance(block, Para):
            out.append(f"<p>{_e(block.text)}</p>")
        elif isinstance(block, Items):
            out.append("<ul>")
            out.extend(f"<li>{_e(item)}</li>" for item in block.items)
            out.append("</ul>")
        elif isinstance(block, Facts):
            out.append('<dl class="facts">')
            out.extend(f"<dt>{_e(label)}</dt><dd>{_e(value)}</dd>" for label, value in block.pairs)
            out.append("</dl>")
        else:
            out.extend(_table(block))
    out.append("</section>")
    return out


def document_html(doc: Document) -> str:
    """Render a document as one self-contained HTML5 page (all CSS inline, no script).

    Every text is escaped; the page prints on A4 portrait and repeats table headers on each
    page. Number columns get the class ``num``; rows with a tone get ``tone tone-<id>`` (e.g.
    ``tone-behind``) and their status cell a badge in the tone's colour.

    >>> from mttq_core.briefing._content import Document, Section, Para
    >>> page = document_html(Document("A & B", ("x",), (Section("1. <b>", (Para("p"),)),), "f"))
    >>> "<title>A &amp; B</title>" in page, "<h2>1. &lt;b&gt;</h2>" in page
    (True, True)
    """
    lines = [
        "<!doctype html>",
        '<html lang="vi">',
        "<head>",
        '<meta charset="utf-8">',
        f'<meta http-equiv="Content-Security-Policy" content="{_CSP}">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        '<meta name="color-scheme" content="light dark">',
        f"<title>{_e(doc.title)}</title>",
        f"<style>{_CSS}</style>",
        "</head>",
        "<body>",
        "<header>",
        f"<h1>{_e(doc.title)}</h1>",
        *(f'<p class="sub">{_e(line)}</p>' for line in doc.subtitle),
        "</header>",
        "<main>",
    ]
    for s in doc.sections:
        lines.extend(_section(s))
    lines.extend(["</main>", f"<footer>{_e(doc.footer)}</footer>", "</body>", "</html>"])
    return "\n".join(lines) + "\n"


def render_html(brief: Brief) -> str:
    """The brief as one self-contained HTML page, ready to open offline or print on A4.

    >>> import mttq_core
    >>> page = mttq_core.brief(mttq_core.example(), "00583", as_of="2022-04-18").html()
    >>> page.startswith("<!doctype html>"), '<tr class="tone tone-behind">' in page
    (True, True)
    """
    return document_html(content(brief))
