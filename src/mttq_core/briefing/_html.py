"""The brief as one self-contained HTML page (placeholder until the renderer lands)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ._document import Brief

__all__ = ["render_html"]


def render_html(brief: Brief) -> str:
    """The brief as HTML."""
    raise NotImplementedError
