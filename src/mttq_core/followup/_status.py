"""Where a conclusion stands on a given day: open, done or overdue."""

from __future__ import annotations

import datetime as _dt

from mttq_core.model import Conclusion, LabeledEnum

from ._errors import FollowUpError, day_of

__all__ = ["ConclusionStatus", "conclusion_status"]


class ConclusionStatus(LabeledEnum):
    """The follow-up state of a conclusion (kết luận) on a given day."""

    OPEN = "open", "Đang thực hiện"
    DONE = "done", "Đã hoàn thành"
    OVERDUE = "overdue", "Quá hạn"


def conclusion_status(conclusion: Conclusion, as_of: _dt.date | str) -> ConclusionStatus:
    """The state of ``conclusion`` at the end of ``as_of``.

    Done once ``done_on`` has come (``done_on <= as_of``); otherwise overdue from the day
    after ``due``, and open until then — or for good, if it has no deadline. A conclusion
    done after its deadline is done (``FollowUp.done_late`` says it was late).

    >>> import pendulum
    >>> d = pendulum.Date
    >>> c = Conclusion(id="k7", text="…", due=d(2022, 9, 30), done_on=d(2022, 10, 5))
    >>> [conclusion_status(c, day).value for day in
    ...  (d(2022, 9, 30), d(2022, 10, 1), d(2022, 10, 4), d(2022, 10, 5))]
    ['open', 'overdue', 'overdue', 'done']
    """
    day = day_of(as_of)
    if not isinstance(conclusion, Conclusion):
        raise FollowUpError(f"conclusion: expected a Conclusion, got {type(conclusion).__name__}")
    if conclusion.done_on is not None and conclusion.done_on <= day:
        return ConclusionStatus.DONE
    if conclusion.due is not None and day > conclusion.due:
        return ConclusionStatus.OVERDUE
    return ConclusionStatus.OPEN
