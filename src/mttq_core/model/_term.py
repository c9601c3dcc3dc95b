"""The committee, its terms of office, and the dataset's own session topics."""

from __future__ import annotations

import attrs
import pendulum

from ._errors import Problems
from ._values import check_date, check_text, to_date, to_optional_text, to_text

__all__ = ["Committee", "Term", "Topic"]


@attrs.frozen(kw_only=True)
class Committee:
    """The Front committee whose targets the dataset tracks.

    >>> Committee(name="Ủy ban MTTQ Việt Nam huyện Gia Lâm", unit_code="018").unit_code
    '018'
    """

    name: str = attrs.field(converter=to_text)
    unit_code: str | None = attrs.field(default=None, converter=to_optional_text)

    def __attrs_post_init__(self) -> None:
        p = Problems()
        check_text(p, "$.name", self.name)
        code = self.unit_code
        if (
            check_text(p, "$.unit_code", code, required=False)
            and code is not None
            and (len(code) not in (2, 3, 5) or not (code.isascii() and code.isdigit()))
        ):
            p.add(
                "$.unit_code",
                f"{code!r} is not a unit code; expected 2 (province), 3 (district) "
                "or 5 (commune) digits",
            )
        p.raise_if_any()


@attrs.frozen(kw_only=True)
class Term:
    """A term of office (nhiệm kỳ) opened by a congress, e.g. 2019–2024.

    >>> t = Term(id="2019-2024", name="Nhiệm kỳ 2019–2024",
    ...          start=pendulum.Date(2019, 4, 12), end=pendulum.Date(2024, 4, 30))
    >>> t.contains(pendulum.Date(2022, 4, 18))
    True
    """

    id: str = attrs.field(converter=to_text)
    name: str = attrs.field(converter=to_text)
    start: pendulum.Date = attrs.field(converter=to_date)
    end: pendulum.Date = attrs.field(converter=to_date)
    resolution: str | None = attrs.field(default=None, converter=to_optional_text)

    def __attrs_post_init__(self) -> None:
        p = Problems()
        check_text(p, "$.id", self.id)
        check_text(p, "$.name", self.name)
        check_text(p, "$.resolution", self.resolution, required=False)
        ok = check_date(p, "$.start", self.start) & check_date(p, "$.end", self.end)
        if ok and self.start >= self.end:
            p.add(
                "$.end",
                f"the term ends {self.end.isoformat()}, not after its start "
                f"{self.start.isoformat()}; a term's end must be after its start",
            )
        p.raise_if_any()

    def contains(self, day: pendulum.Date) -> bool:
        """Whether ``day`` lies within the term (both ends included)."""
        return self.start <= day <= self.end


@attrs.frozen(kw_only=True)
class Topic:
    """A working-session topic: an id and its Vietnamese label."""

    id: str = attrs.field(converter=to_text)
    name: str = attrs.field(converter=to_text)

    def __attrs_post_init__(self) -> None:
        p = Problems()
        check_text(p, "$.id", self.id)
        check_text(p, "$.name", self.name)
        p.raise_if_any()
