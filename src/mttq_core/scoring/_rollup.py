"""Roll-ups per commune: counts, score, coverage, grade and rank (SPEC §3.6)."""

from __future__ import annotations

from decimal import Decimal

import attrs
import pendulum

from mttq_core.model import Commune

from ._grades import Grade, GradeBands
from ._types import Assessment
from ._vocab import Status

__all__ = ["CommuneSummary", "order", "ranked", "summary"]


@attrs.frozen(kw_only=True)
class CommuneSummary:
    """One commune's roll-up over its targets (SPEC §3.6)."""

    commune: str
    name: str
    targets: int
    met: int
    by_status: dict[Status, int]
    score: Decimal | None
    coverage: Decimal | None
    grade: Grade | None
    rank: int | None

    def _repr_html_(self) -> str:
        from mttq_core.report._html import summary_html  # noqa: PLC0415 — edges load lazily

        return summary_html(self)


def order(commune: Commune) -> tuple[str, pendulum.Date]:
    return (commune.code, commune.valid_from or pendulum.Date(1, 1, 1))


def summary(
    commune: Commune, own: list[Assessment], weights: dict[str, Decimal], grades: GradeBands
) -> CommuneSummary:
    by_status = dict.fromkeys(Status, 0)
    total = data_weight = Decimal(0)
    with_data: list[tuple[Decimal, Assessment]] = []
    for a in own:
        weight = weights[a.indicator]
        by_status[a.status] += 1
        total += weight
        if a.status is not Status.NO_DATA:
            data_weight += weight
            with_data.append((weight, a))
    score = None
    if data_weight:
        earned = sum((weight * a.score for weight, a in with_data), Decimal(0))
        score = Decimal(100) * earned / data_weight
    return CommuneSummary(
        commune=commune.code,
        name=commune.name,
        targets=len(own),
        met=by_status[Status.EXCEEDED] + by_status[Status.ACHIEVED],
        by_status=by_status,
        score=score,
        coverage=data_weight / total if total else None,
        grade=grades.grade(score) if score is not None else None,
        rank=None,
    )


def ranked(rows: list[tuple[Commune, CommuneSummary]]) -> tuple[CommuneSummary, ...]:
    """Rank by score, descending; ties share a rank (1, 2, 2, 4); unscored last, unranked."""
    scored = sorted(
        ((c, s) for c, s in rows if s.score is not None),
        key=lambda cs: (-(cs[1].score or Decimal(0)), order(cs[0])),
    )
    out: list[CommuneSummary] = []
    for position, (_, summary) in enumerate(scored, start=1):
        rank = position
        if out and out[-1].score == summary.score:
            rank = out[-1].rank or position
        out.append(attrs.evolve(summary, rank=rank))
    unscored = sorted(((c, s) for c, s in rows if s.score is None), key=lambda cs: order(cs[0]))
    return (*out, *(s for _, s in unscored))
