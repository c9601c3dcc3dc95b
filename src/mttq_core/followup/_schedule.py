"""The schedule of working sessions (lịch làm việc): held, planned, and who was not visited."""

from __future__ import annotations

import datetime as _dt

import attrs
import pendulum

from mttq_core.model import Commune, Dataset, Period, SessionStatus, WorkingSession
from mttq_core.model._period import PeriodError

from ._errors import FollowUpError, day_of

__all__ = ["Schedule", "schedule"]


@attrs.frozen(kw_only=True)
class Schedule:
    """Sessions in a period, and the communes the period left out.

    ``not_visited``: communes valid at some time in the period with no *held* session in it
    (a planned one does not count as a visit); ``unplanned``: those of them with no planned
    session either. ``past_due``: planned sessions dated before ``as_of`` that were never
    recorded as held (only when ``as_of`` is given).
    """

    period: Period
    held: tuple[WorkingSession, ...]
    planned: tuple[WorkingSession, ...]
    not_visited: tuple[Commune, ...]
    unplanned: tuple[Commune, ...]
    past_due: tuple[WorkingSession, ...] = ()


def _period(value: object) -> Period:
    if isinstance(value, Period):
        return value
    if isinstance(value, str):
        try:
            return Period.parse(value)
        except PeriodError as e:
            raise FollowUpError(f"period: {e}") from None
    raise FollowUpError(
        f"period: expected a Period or a period string like '2022', '2022-Q2', '2022-04' or "
        f"'2022-04-01/2022-04-30', got {value!r}"
    )


def schedule(
    dataset: Dataset, period: Period | str, *, as_of: _dt.date | str | None = None
) -> Schedule:
    """The sessions held and planned in ``period``, and the communes not visited in it.

    >>> import mttq_core
    >>> s = schedule(mttq_core.example(), "2022-04")
    >>> len(s.held), len(s.planned), len(s.not_visited), len(s.unplanned)
    (1, 5, 21, 16)
    """
    span = _period(period)
    day = None if as_of is None else day_of(as_of)
    inside = sorted(
        (s for s in dataset.working_sessions if span.start <= s.date <= span.end),
        key=lambda s: (s.date, s.id),
    )
    held = tuple(s for s in inside if s.status is SessionStatus.HELD)
    planned = tuple(s for s in inside if s.status is SessionStatus.PLANNED)
    visited = {dataset.commune(s.commune, s.date) for s in held}
    booked = {dataset.commune(s.commune, s.date) for s in planned}
    units = sorted(
        (c for c in dataset.communes if c.overlaps(span.start, span.end)),
        key=lambda c: (c.code, c.valid_from or pendulum.Date(1, 1, 1)),
    )
    not_visited = tuple(c for c in units if c not in visited)
    return Schedule(
        period=span,
        held=held,
        planned=planned,
        not_visited=not_visited,
        unplanned=tuple(c for c in not_visited if c not in booked),
        past_due=() if day is None else tuple(s for s in planned if s.date < day),
    )
