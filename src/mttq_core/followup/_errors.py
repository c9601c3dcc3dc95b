"""The error of a follow-up or schedule question that cannot be answered."""

from __future__ import annotations

import datetime as _dt

import pendulum

from mttq_core.scoring import ScoringError
from mttq_core.scoring._assess import _as_of

__all__ = ["FollowUpError", "day_of"]


class FollowUpError(ValueError):
    """An argument the follow-up or the schedule cannot use (e.g. a period that is not one)."""


def day_of(value: _dt.date | str) -> pendulum.Date:
    """``as_of`` as a date: a ``pendulum.Date``, a ``datetime.date`` or ``'YYYY-MM-DD'``."""
    try:
        return _as_of(value)
    except ScoringError as e:
        raise FollowUpError(str(e)) from None
