"""Grade bands: validated, replaceable data that turn a score (0–100) into a grade."""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal
from typing import Final

import attrs

from mttq_core.model import DatasetError, Problem

__all__ = ["DEFAULT_GRADES", "Grade", "GradeBands", "GradeError"]


class GradeError(DatasetError):
    """Grade bands that leave a gap, overlap, or do not cover 0–100."""


GradeError.__module__ = "mttq_core"


@attrs.frozen(kw_only=True)
class Grade:
    """One band ``[low, high)`` (the top band includes 100) with its id and Vietnamese label."""

    id: str
    label: str
    low: Decimal
    high: Decimal


def _decimal(value: object) -> Decimal:
    if isinstance(value, Decimal):
        return value
    if isinstance(value, int) and not isinstance(value, bool):
        return Decimal(value)
    if isinstance(value, str):
        return Decimal(value)
    raise TypeError(f"expected an int, a Decimal or a decimal string, got {value!r}")


@attrs.frozen
class GradeBands:
    """Half-open bands covering ``[0, 100]`` with no gap and no overlap.

    >>> bands = GradeBands.of([(0, 50, "yeu", "Yếu"), (50, 100, "dat", "Đạt")])
    >>> bands.grade(Decimal(100)).id, bands.grade(Decimal("49.99")).id
    ('dat', 'yeu')
    >>> GradeBands.of([(0, 50, "a", "A"), (60, 100, "b", "B")])
    Traceback (most recent call last):
    ...
    mttq_core.GradeError: 1 problem:
    $[1].low: 60 leaves a gap after 50; each band starts where the previous one ends
    """

    bands: tuple[Grade, ...]

    def __attrs_post_init__(self) -> None:
        problems: list[Problem] = []
        bands = self.bands
        if not bands:
            problems.append(Problem("$", "at least one band is needed, covering 0 to 100"))
        for i, band in enumerate(bands):
            if not band.id or not band.label:
                problems.append(Problem(f"$[{i}]", "a band needs an id and a label"))
            if not band.low < band.high:
                problems.append(Problem(f"$[{i}].high", f"{band.high} is not above low {band.low}"))
        if bands and bands[0].low != 0:
            problems.append(
                Problem(
                    "$[0].low", f"{bands[0].low} leaves 0 uncovered; the lowest band starts at 0"
                )
            )
        if bands and bands[-1].high != 100:
            problems.append(
                Problem(
                    f"$[{len(bands) - 1}].high",
                    f"{bands[-1].high} is not 100; the top band ends at 100",
                )
            )
        for i in range(1, len(bands)):
            before, band = bands[i - 1], bands[i]
            if band.low > before.high:
                problems.append(
                    Problem(
                        f"$[{i}].low",
                        f"{band.low} leaves a gap after {before.high}; each band starts where "
                        "the previous one ends",
                    )
                )
            elif band.low < before.high:
                problems.append(
                    Problem(
                        f"$[{i}].low",
                        f"{band.low} overlaps the band before, which ends at {before.high}; bands "
                        "must not overlap",
                    )
                )
        ids = [b.id for b in bands]
        for i, ident in enumerate(ids):
            if ident in ids[:i]:
                problems.append(Problem(f"$[{i}].id", f"id {ident!r} is used twice"))
        if problems:
            raise GradeError(problems)

    @classmethod
    def of(cls, bands: Iterable[tuple[object, object, str, str]]) -> GradeBands:
        """Build bands from ``(low, high, id, label)`` tuples in any order (sorted by low)."""
        built = [
            Grade(id=ident, label=label, low=_decimal(low), high=_decimal(high))
            for low, high, ident, label in bands
        ]
        return cls(tuple(sorted(built, key=lambda g: g.low)))

    def grade(self, score: Decimal) -> Grade:
        """The band a score falls in (``[low, high)``; the top band includes its high)."""
        if not 0 <= score <= 100:
            raise ValueError(f"a score is between 0 and 100, got {score}")
        for band in self.bands:
            if band.low <= score < band.high:
                return band
        return self.bands[-1]


#: The default bands of SPEC §3.6.
DEFAULT_GRADES: Final = GradeBands.of(
    [
        (90, 100, "hoan_thanh_xuat_sac", "Hoàn thành xuất sắc"),
        (70, 90, "hoan_thanh_tot", "Hoàn thành tốt"),
        (50, 70, "hoan_thanh", "Hoàn thành"),
        (0, 50, "khong_hoan_thanh", "Không hoàn thành"),
    ]
)
