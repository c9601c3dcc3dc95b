"""Deliberately broken scoring methods, each breaking one law of SPEC §3.7 (or the sanity check).

Each is the built-in linear method with one plausible mistake. ``BROKEN`` maps each to the
law ``check_method`` must report.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from decimal import Decimal

import attrs

import mttq_core as m
from mttq_core.scoring import linear_assessment


@attrs.frozen
class SwappedExceeded:
    """Law 1 (monotone): says "exceeded" exactly at the target and "achieved" beyond it."""

    id: str = "swapped"

    def __call__(self, inputs: m.TargetInputs) -> m.Assessment:
        a = linear_assessment(inputs, self.id)
        swap = {m.Status.EXCEEDED: m.Status.ACHIEVED, m.Status.ACHIEVED: m.Status.EXCEEDED}
        return attrs.evolve(a, status=swap.get(a.status, a.status))


@attrs.frozen
class SafetyMargin:
    """Law 2 (anchors): reports 95 % of the progress, "to stay on the safe side"."""

    id: str = "margin"

    def __call__(self, inputs: m.TargetInputs) -> m.Assessment:
        a = linear_assessment(inputs, self.id)
        if a.progress is None:
            return a
        return attrs.evolve(a, progress=a.progress * Decimal("0.95"))


@attrs.frozen
class ReductionsRunAhead:
    """Law 3 (mirror): a decreasing target is on track only 20 % ahead of schedule."""

    id: str = "ahead"

    def __call__(self, inputs: m.TargetInputs) -> m.Assessment:
        a = linear_assessment(inputs, self.id)
        if (
            inputs.direction is m.Direction.DECREASE
            and inputs.accumulation in (m.Accumulation.LATEST, m.Accumulation.MEAN)
            and a.status is m.Status.ON_TRACK
            and a.progress is not None
            and a.expected is not None
            and a.progress < min(Decimal(1), a.expected * Decimal("1.2"))
        ):
            return attrs.evolve(a, status=m.Status.BEHIND)
        return a


@attrs.frozen
class AbsoluteTolerance:
    """Law 4 (scale): a level within 0.5 of the target counts as achieved, whatever its unit."""

    id: str = "tolerance"

    def __call__(self, inputs: m.TargetInputs) -> m.Assessment:
        a = linear_assessment(inputs, self.id)
        if (
            inputs.accumulation in (m.Accumulation.LATEST, m.Accumulation.MEAN)
            and a.actual is not None
            and not a.met
            and abs(a.actual - inputs.target) <= Decimal("0.5")
        ):
            return attrs.evolve(a, status=m.Status.ACHIEVED)
        return a


@attrs.define
class Numbered:
    """Law 5 (permutation): numbers its assessments in its explanation, like a log id.

    The method has state, so the same target assessed twice is two different assessments.
    """

    id: str = "numbered"
    counter: Iterator[int] = attrs.field(factory=itertools.count)

    def __call__(self, inputs: m.TargetInputs) -> m.Assessment:
        a = linear_assessment(inputs, self.id)
        note = f"assessment #{next(self.counter)}"
        return attrs.evolve(a, explanation=attrs.evolve(a.explanation, notes=(note,)))


@attrs.frozen
class FinalPush:
    """Law 6 (time): in the term's last year every target still behind is "on track"."""

    id: str = "final_push"

    def __call__(self, inputs: m.TargetInputs) -> m.Assessment:
        a = linear_assessment(inputs, self.id)
        last_year = inputs.term_end.subtract(years=1)
        if a.status is m.Status.BEHIND and inputs.as_of >= last_year:
            return attrs.evolve(a, status=m.Status.ON_TRACK)
        return a


@attrs.frozen
class Modest:
    """Law 7 (roll-up): never says a target is met, only "on track"."""

    id: str = "modest"

    def __call__(self, inputs: m.TargetInputs) -> m.Assessment:
        a = linear_assessment(inputs, self.id)
        if a.status.met:
            return attrs.evolve(a, status=m.Status.ON_TRACK)
        return a


@attrs.frozen
class WrongUnit:
    """Sanity: reports every assessment for the committee, whoever it was asked about."""

    id: str = "wrong_unit"

    def __call__(self, inputs: m.TargetInputs) -> m.Assessment:
        return attrs.evolve(linear_assessment(inputs, self.id), unit="committee")


@attrs.frozen
class ShareOfTarget:
    """Sanity: progress as the share of the target reached — divides by a zero target."""

    id: str = "share"

    def __call__(self, inputs: m.TargetInputs) -> m.Assessment:
        a = linear_assessment(inputs, self.id)
        if a.actual is None:
            return a
        return attrs.evolve(a, progress=a.actual / inputs.target)


#: Each broken method, and the law check_method reports for it.
BROKEN: dict[str, tuple[m.Method, str]] = {
    "swapped_exceeded": (SwappedExceeded(), "monotone"),
    "safety_margin": (SafetyMargin(), "anchors"),
    "reductions_run_ahead": (ReductionsRunAhead(), "mirror"),
    "absolute_tolerance": (AbsoluteTolerance(), "scale"),
    "numbered": (Numbered(), "permutation"),
    "final_push": (FinalPush(), "time"),
    "modest": (Modest(), "rollup"),
    "wrong_unit": (WrongUnit(), "sanity"),
    "share_of_target": (ShareOfTarget(), "sanity"),
}
