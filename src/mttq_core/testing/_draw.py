"""Cheap draws: strategies made once and reused, and many small numbers in one choice.

Drawing costs far more than building the entities (tens of microseconds a draw), so the
strategies keep the number of draws small and reuse strategy objects.
"""

from __future__ import annotations

import functools

from hypothesis import strategies as st

__all__ = ["draw_bytes", "ints"]


@functools.lru_cache(maxsize=4096)
def ints(lo: int, hi: int) -> st.SearchStrategy[int]:
    """``st.integers(lo, hi)``, made once per range (hypothesis's own cache is slower)."""
    return st.integers(lo, hi)


@functools.lru_cache(maxsize=256)
def _binary(size: int) -> st.SearchStrategy[bytes]:
    return st.binary(min_size=size, max_size=size)


def draw_bytes(draw: st.DrawFn, size: int) -> bytes:
    """``size`` bytes in one choice: many small numbers for the price of one draw.

    Each byte shrinks toward 0, so a number read from a byte must be 0 (or its first choice)
    there.
    """
    return draw(_binary(size))
