"""The brief as Markdown (CommonMark with pipe tables)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ._content import Document, Facts, Items, Para, Section, Table, content

if TYPE_CHECKING:
    from ._document import Brief

__all__ = ["render_markdown"]


def _cell(text: str) -> str:
    """A table cell: pipes escaped, line breaks folded into spaces."""
    return " ".join(text.replace("|", "\\|").split())


def _table(t: Table) -> list[str]:
    head = "| " + " | ".join(_cell(c) for c in t.columns) + " |"
    rule = "|" + "|".join("---:" if r else "---" for r in t.right) + "|"
    return [head, rule, *("| " + " | ".join(_cell(c) for c in row) + " |" for row in t.rows)]


def _section(s: Section) -> list[str]:
    out = ["#" * s.level + " " + s.title, ""]
    for block in s.blocks:
        if isinstance(block, Para):
            out.append(block.text)
        elif isinstance(block, Items):
            out.extend(f"- {_cell(item)}" for item in block.items)
        elif isinstance(block, Facts):
            out.extend(f"- **{label}:** {_cell(value)}" for label, value in block.pairs)
        else:
            out.extend(_table(block))
        out.append("")
    return out


def document_markdown(doc: Document) -> str:
    """Render a document as Markdown."""
    lines = [f"# {doc.title}", ""]
    lines.append(" · ".join(doc.subtitle))
    lines.append("")
    for s in doc.sections:
        lines.extend(_section(s))
    lines.append("---")
    lines.append("")
    lines.append(doc.footer)
    return "\n".join(lines) + "\n"


def render_markdown(brief: Brief) -> str:
    """The brief as Markdown."""
    return document_markdown(content(brief))
