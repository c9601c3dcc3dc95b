"""After the working session: follow-up of conclusions and the schedule of sessions.

A conclusion (kết luận) is open, done or overdue on a given day
(:func:`conclusion_status`); :func:`follow_up` lists them with the linked targets'
standing; :func:`schedule` shows the sessions held and planned in a period and the
communes not visited in it.
"""

from ._errors import FollowUpError
from ._followup import FollowUp, FollowUps, LinkedTarget, follow_up
from ._schedule import Schedule, schedule
from ._status import ConclusionStatus, conclusion_status

__all__ = [
    "ConclusionStatus",
    "FollowUp",
    "FollowUpError",
    "FollowUps",
    "LinkedTarget",
    "Schedule",
    "conclusion_status",
    "follow_up",
    "schedule",
]


def __dir__() -> list[str]:
    return __all__
