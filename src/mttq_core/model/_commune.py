"""Commune-level administrative units, identified by code *and* date."""

from __future__ import annotations

import attrs
import pendulum

from ._enums import CommuneKind, to_commune_kind
from ._errors import Problems
from ._values import (
    check_code,
    check_date,
    check_enum,
    check_text,
    to_optional_date,
    to_optional_text,
    to_text,
)

__all__ = ["Commune"]


@attrs.frozen(kw_only=True, cache_hash=True)
class Commune:
    """A xã, phường, thị trấn or đặc khu, valid from ``valid_from`` to ``valid_to``.

    Codes are reused after mergers, so a code alone does not name a unit: a reference
    resolves by code at the date it is used.

    >>> c = Commune(code="00565", name="Trâu Quỳ", kind="thi_tran",
    ...             district_code="018", province_code="01",
    ...             valid_to=pendulum.Date(2025, 6, 30))
    >>> c.kind.label, c.valid_on(pendulum.Date(2022, 4, 18)), c.valid_on(pendulum.Date(2025, 9, 1))
    ('Thị trấn', True, False)
    """

    code: str = attrs.field(converter=to_text)
    name: str = attrs.field(converter=to_text)
    kind: CommuneKind = attrs.field(converter=to_commune_kind)
    district_code: str | None = attrs.field(default=None, converter=to_optional_text)
    province_code: str | None = attrs.field(default=None, converter=to_optional_text)
    valid_from: pendulum.Date | None = attrs.field(default=None, converter=to_optional_date)
    valid_to: pendulum.Date | None = attrs.field(default=None, converter=to_optional_date)

    def __attrs_post_init__(self) -> None:
        p = Problems()
        check_code(p, "$.code", self.code, 5, "commune")
        check_text(p, "$.name", self.name)
        check_enum(p, "$.kind", self.kind, CommuneKind)
        if self.district_code is not None:
            check_code(p, "$.district_code", self.district_code, 3, "district")
        if self.province_code is not None:
            check_code(p, "$.province_code", self.province_code, 2, "province")
        ok = check_date(p, "$.valid_from", self.valid_from, required=False) & check_date(
            p, "$.valid_to", self.valid_to, required=False
        )
        if ok and self.valid_from and self.valid_to and self.valid_from > self.valid_to:
            p.add(
                "$.valid_to",
                f"{self.valid_to.isoformat()} is before valid_from "
                f"{self.valid_from.isoformat()}; valid_to must be on or after valid_from",
            )
        p.raise_if_any()

    def valid_on(self, day: pendulum.Date) -> bool:
        """Whether the unit exists on ``day`` (an absent bound is open)."""
        return (self.valid_from is None or self.valid_from <= day) and (
            self.valid_to is None or day <= self.valid_to
        )

    def overlaps(self, start: pendulum.Date, end: pendulum.Date) -> bool:
        """Whether the unit exists on at least one day of ``[start, end]``."""
        return (self.valid_from is None or self.valid_from <= end) and (
            self.valid_to is None or start <= self.valid_to
        )

    def validity(self) -> str:
        """The validity interval as text, for messages: ``'… – 2025-06-30'``."""
        lo = self.valid_from.isoformat() if self.valid_from else "…"
        hi = self.valid_to.isoformat() if self.valid_to else "…"
        return f"{lo} – {hi}"
