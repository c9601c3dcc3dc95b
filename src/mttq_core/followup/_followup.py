"""Follow-up of the conclusions of working sessions (theo dõi thực hiện kết luận)."""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterator, Sequence
from typing import overload

import attrs
import pendulum

from mttq_core.model import (
    Commune,
    Conclusion,
    Dataset,
    Person,
    SessionStatus,
    WorkingSession,
)
from mttq_core.scoring import Assessment, Scorecard, assess

from ._errors import day_of
from ._status import ConclusionStatus, conclusion_status

__all__ = ["FollowUp", "FollowUps", "LinkedTarget", "follow_up"]


@attrs.frozen(kw_only=True)
class LinkedTarget:
    """An indicator a conclusion names, with the commune's standing on its target that day.

    ``assessment`` is ``None`` when the commune has no target for the indicator in the
    session's term (the link is kept and shown as such, never dropped).
    """

    indicator: str
    name: str
    assessment: Assessment | None


@attrs.frozen(kw_only=True)
class FollowUp:
    """One conclusion of a held session, as it stands on ``as_of``."""

    session: WorkingSession
    commune: Commune
    conclusion: Conclusion
    status: ConclusionStatus
    as_of: pendulum.Date
    targets: tuple[LinkedTarget, ...] = ()

    @property
    def head(self) -> Person:
        """The head of the delegation that drew the conclusion (trưởng đoàn)."""
        return self.session.delegation.head

    @property
    def due(self) -> pendulum.Date | None:
        """The conclusion's deadline, if it has one."""
        return self.conclusion.due

    @property
    def days_overdue(self) -> int | None:
        """Days past the deadline on ``as_of`` while overdue; ``None`` otherwise."""
        if self.status is ConclusionStatus.OVERDUE and self.conclusion.due is not None:
            return (self.as_of - self.conclusion.due).days
        return None

    @property
    def done_late(self) -> bool:
        """Whether it was done after its deadline."""
        c = self.conclusion
        return (
            self.status is ConclusionStatus.DONE
            and c.due is not None
            and c.done_on is not None
            and c.done_on > c.due
        )


def _due_key(f: FollowUp) -> tuple[int, pendulum.Date, pendulum.Date, str, str]:
    far = pendulum.Date(9999, 12, 31)
    return (f.due is None, f.due or far, f.session.date, f.session.id, f.conclusion.id)


@attrs.frozen
class FollowUps(Sequence[FollowUp]):
    """The follow-up list: a sequence of :class:`FollowUp`, in session order.

    Group or order it by commune, by delegation head, or by deadline.
    """

    items: tuple[FollowUp, ...]

    @overload
    def __getitem__(self, index: int) -> FollowUp: ...
    @overload
    def __getitem__(self, index: slice) -> FollowUps: ...
    def __getitem__(self, index: int | slice) -> FollowUp | FollowUps:
        if isinstance(index, slice):
            return FollowUps(self.items[index])
        return self.items[index]

    def __len__(self) -> int:
        return len(self.items)

    def __iter__(self) -> Iterator[FollowUp]:
        return iter(self.items)

    def by_commune(self) -> dict[str, tuple[FollowUp, ...]]:
        """Grouped by commune code, codes in order; within a commune, in session order."""
        groups: dict[str, list[FollowUp]] = {}
        for f in sorted(self.items, key=lambda f: f.commune.code):
            groups.setdefault(f.commune.code, []).append(f)
        return {k: tuple(v) for k, v in groups.items()}

    def by_head(self) -> dict[str, tuple[FollowUp, ...]]:
        """Grouped by the name of the delegation's head, names in order."""
        groups: dict[str, list[FollowUp]] = {}
        for f in sorted(self.items, key=lambda f: f.head.name):
            groups.setdefault(f.head.name, []).append(f)
        return {k: tuple(v) for k, v in groups.items()}

    def by_due(self) -> FollowUps:
        """Ordered by deadline, earliest first; conclusions without a deadline last."""
        return FollowUps(tuple(sorted(self.items, key=_due_key)))

    def counts(self) -> dict[ConclusionStatus, int]:
        """How many items are in each state (every state present)."""
        out = dict.fromkeys(ConclusionStatus, 0)
        for f in self.items:
            out[f.status] += 1
        return out

    def with_status(self, *statuses: ConclusionStatus) -> FollowUps:
        """Only the items in one of ``statuses``."""
        return FollowUps(tuple(f for f in self.items if f.status in statuses))


def follow_up(
    dataset: Dataset,
    *,
    as_of: _dt.date | str,
    commune: str | None = None,
    open_only: bool = False,
    targets: bool = True,
    method: str = "linear",
) -> FollowUps:
    """Every conclusion of the sessions held on or before ``as_of``, as it stands that day.

    ``commune`` keeps one commune code; ``open_only`` keeps the open and overdue ones.
    With ``targets`` (the default), each conclusion's indicators come with the commune's
    current standing on their targets (assessed on ``as_of`` in the session's term).

    >>> import mttq_core
    >>> items = follow_up(mttq_core.example(), as_of="2022-04-18", commune="00583")
    >>> [(f.session.date.isoformat(), f.conclusion.id, f.status.value) for f in items]
    ... # doctest: +NORMALIZE_WHITESPACE
    [('2021-04-08', 'a1', 'done'), ('2021-04-08', 'a2', 'overdue'),
     ('2021-04-08', 'a3', 'open'), ('2021-04-08', 'a4', 'done'),
     ('2022-04-18', 'k1', 'open'), ('2022-04-18', 'k2', 'open'), ('2022-04-18', 'k3', 'open'),
     ('2022-04-18', 'k4', 'open'), ('2022-04-18', 'k5', 'open'), ('2022-04-18', 'k6', 'open'),
     ('2022-04-18', 'k7', 'open')]
    """
    day = day_of(as_of)
    cards: dict[str, Scorecard] = {}
    items: list[FollowUp] = []
    sessions = sorted(dataset.working_sessions, key=lambda s: (s.date, s.id))
    for s in sessions:
        if s.status is not SessionStatus.HELD or s.date > day:
            continue
        if commune is not None and s.commune != commune:
            continue
        unit = dataset.commune(s.commune, s.date)
        for c in s.conclusions:
            status = conclusion_status(c, day)
            if open_only and status is ConclusionStatus.DONE:
                continue
            linked: tuple[LinkedTarget, ...] = ()
            if targets and c.indicators:
                if s.term not in cards:
                    cards[s.term] = assess(dataset, as_of=day, term=s.term, method=method)
                linked = tuple(_linked(dataset, cards[s.term], unit, ind) for ind in c.indicators)
            items.append(
                FollowUp(
                    session=s, commune=unit, conclusion=c, status=status, as_of=day, targets=linked
                )
            )
    return FollowUps(tuple(items))


def _linked(dataset: Dataset, card: Scorecard, unit: Commune, indicator: str) -> LinkedTarget:
    name = dataset.indicator(indicator).name
    try:
        assessment: Assessment | None = card.get(unit.code, indicator)
    except KeyError:
        assessment = None
    return LinkedTarget(indicator=indicator, name=name, assessment=assessment)
