"""The commune brief (tài liệu phục vụ buổi làm việc): everything a delegation takes along.

:func:`brief` gathers it as data; ``Brief.markdown()`` and ``Brief.html()`` render the same
document the command line prints (``mttq-core brief``).
"""

from __future__ import annotations

import datetime as _dt

import attrs
import pendulum

from mttq_core.followup import ConclusionStatus, FollowUp, follow_up
from mttq_core.followup._errors import FollowUpError, day_of
from mttq_core.ledger import (
    DEFAULT_WINDOW_DAYS,
    Coverage,
    OutstandingPledge,
    Statement,
    disclosure_coverage,
    fund_statement,
    outstanding_pledges,
)
from mttq_core.model import (
    Committee,
    Commune,
    Dataset,
    Fund,
    Indicator,
    LabeledEnum,
    Period,
    PeriodKind,
    SessionStatus,
    Target,
    Term,
    WorkingSession,
)
from mttq_core.scoring import Assessment, CommuneSummary, Method, Scorecard, Status, assess
from mttq_core.scoring._assess import _term
from mttq_core.scoring._linear import term_periods

__all__ = ["Brief", "BriefError", "BriefTarget", "DataGap", "FundSection", "GapKind", "brief"]


class BriefError(ValueError):
    """An argument :func:`brief` cannot use: an unknown commune, a date outside every term."""


class GapKind(LabeledEnum):
    """Why a target's data is incomplete."""

    NO_DATA = "no_data", "Chưa có số liệu"
    MISSING_PERIODS = "missing_periods", "Thiếu số liệu một số kỳ"


@attrs.frozen(kw_only=True)
class BriefTarget:
    """One target of the commune with its indicator and its assessment on the brief's date."""

    indicator: Indicator
    target: Target
    assessment: Assessment


@attrs.frozen(kw_only=True)
class DataGap:
    """A target whose data is missing: none at all, or some periods that have ended."""

    indicator: Indicator
    kind: GapKind
    periods: tuple[Period, ...] = ()


@attrs.frozen(kw_only=True)
class FundSection:
    """A fund the commune owns: the year so far, last year, pledges due and disclosure."""

    fund: Fund
    year: Statement
    previous_year: Statement | None
    pledges: tuple[OutstandingPledge, ...]
    coverage: Coverage
    balance: int


@attrs.frozen(kw_only=True)
class Brief:
    """The brief on one commune as of one day.

    ``session`` is the working session with the commune on ``as_of`` or, failing that, the
    next one planned in the term; ``earlier`` the sessions held before ``as_of``;
    ``follow_ups`` their conclusions still open or overdue on ``as_of``.
    """

    title: str
    committee: Committee
    commune: Commune
    as_of: pendulum.Date
    term: Term
    method: str
    targets: tuple[BriefTarget, ...]
    summary: CommuneSummary
    ranked: int
    session: WorkingSession | None
    earlier: tuple[WorkingSession, ...]
    follow_ups: tuple[FollowUp, ...]
    funds: tuple[FundSection, ...]
    gaps: tuple[DataGap, ...]
    topic_labels: dict[str, str]

    def markdown(self) -> str:
        """The brief as Markdown (what ``mttq-core brief --format md`` prints)."""
        from ._markdown import render_markdown  # noqa: PLC0415 — renderers load on use

        return render_markdown(self)

    def html(self) -> str:
        """The brief as one self-contained HTML page, for screens and A4 paper."""
        from ._html import render_html  # noqa: PLC0415 — renderers load on use

        return render_html(self)

    def _repr_markdown_(self) -> str:
        return self.markdown()

    def _repr_html_(self) -> str:
        return self.html()


def _commune(dataset: Dataset, code: object, day: pendulum.Date) -> Commune:
    if not isinstance(code, str):
        raise BriefError(f"commune: expected a 5-digit commune code, got {code!r}")
    try:
        return dataset.commune(code, day)
    except KeyError:
        known = [c for c in dataset.communes if c.code == code]
        if known:
            spans = "; ".join(f"{c.name}: {c.validity()}" for c in known)
            raise BriefError(
                f"commune: {code!r} names no unit on {day.isoformat()} ({spans}); give a date "
                "inside its validity"
            ) from None
        raise BriefError(
            f"commune: {code!r} is not a commune of this dataset; see `mttq-core assess` for "
            "the codes"
        ) from None


def _gaps(
    targets: tuple[BriefTarget, ...], dataset: Dataset, commune: Commune, term: Term, day: Date
) -> tuple[DataGap, ...]:
    gaps: list[DataGap] = []
    for t in targets:
        if t.assessment.status is Status.NO_DATA:
            gaps.append(DataGap(indicator=t.indicator, kind=GapKind.NO_DATA))
            continue
        series = [
            o
            for o in dataset.series(commune, t.indicator.id)
            if term.start <= o.period.end <= min(term.end, day)
        ]
        kind = series[-1].period.kind if series else PeriodKind.YEAR
        if kind is PeriodKind.CUSTOM:
            continue  # custom spans have no calendar to miss
        seen = {o.period for o in series}
        expected = term_periods(kind, term.start, min(term.end, day))
        missing = tuple(p for p in expected if p not in seen)
        if missing:
            gaps.append(
                DataGap(indicator=t.indicator, kind=GapKind.MISSING_PERIODS, periods=missing)
            )
    return tuple(gaps)


Date = pendulum.Date


def _fund_section(fund: Fund, day: Date, window_days: int) -> FundSection:
    jan1 = pendulum.Date(day.year, 1, 1)
    previous = None
    if fund.opened_on <= pendulum.Date(day.year - 1, 12, 31):
        previous = fund_statement(
            fund, pendulum.Date(day.year - 1, 1, 1), pendulum.Date(day.year - 1, 12, 31)
        )
    year = fund_statement(fund, max(jan1, fund.opened_on), day)
    return FundSection(
        fund=fund,
        year=year,
        previous_year=previous,
        pledges=outstanding_pledges(fund, day),
        coverage=disclosure_coverage(fund, day, window_days=window_days),
        balance=fund.balance_on(day),
    )


def brief(
    dataset: Dataset,
    commune: str,
    *,
    as_of: _dt.date | str,
    term: str | Term | None = None,
    method: str | Method = "linear",
    window_days: int = DEFAULT_WINDOW_DAYS,
) -> Brief:
    """The brief on ``commune`` (a code, resolved on ``as_of``) for a session on ``as_of``.

    ``term``, ``method`` and the term chosen by default are those of :func:`mttq_core.assess`
    (and raise its :class:`~mttq_core.ScoringError`); an unknown commune, a bad date or a
    bad ``window_days`` raise :class:`BriefError`.

    >>> import mttq_core
    >>> b = mttq_core.brief(mttq_core.example(), "00583", as_of="2022-04-18")
    >>> b.commune.name, b.summary.rank, b.ranked, b.summary.grade.label
    ('Bát Tràng', 5, 22, 'Hoàn thành tốt')
    >>> [(f.conclusion.id, f.status.value) for f in b.follow_ups]
    [('a2', 'overdue'), ('a3', 'open')]
    >>> print(b.markdown().splitlines()[0])
    # Tài liệu phục vụ buổi làm việc với Ủy ban MTTQ Việt Nam xã Bát Tràng
    """
    try:
        day = day_of(as_of)
    except FollowUpError as e:
        raise BriefError(str(e)) from None
    unit = _commune(dataset, commune, day)
    chosen = _term(dataset, term, day)
    card: Scorecard = assess(dataset, as_of=day, term=chosen, method=method)
    if isinstance(window_days, bool) or not isinstance(window_days, int) or window_days < 0:
        raise BriefError(
            f"window_days: {window_days!r} is not allowed; expected a whole number ≥ 0"
        )
    own = {a.indicator: a for a in card.for_commune(unit.code)}
    targets: list[BriefTarget] = []
    for indicator in dataset.indicators:  # in the order the dataset lists them
        target = dataset.target_for(chosen.id, indicator.id, unit)
        if target is not None and indicator.id in own:
            targets.append(
                BriefTarget(indicator=indicator, target=target, assessment=own[indicator.id])
            )
    mine = sorted(
        (
            s
            for s in dataset.working_sessions
            if s.commune == unit.code and unit.valid_on(s.date) and s.term == chosen.id
        ),
        key=lambda s: (s.date, s.id),
    )
    today = [s for s in mine if s.date == day]
    upcoming = [s for s in mine if s.date > day and s.status is SessionStatus.PLANNED]
    session = today[0] if today else (upcoming[0] if upcoming else None)
    earlier = tuple(s for s in mine if s.date < day and s.status is SessionStatus.HELD)
    earlier_ids = {s.id for s in earlier}
    items = follow_up(dataset, as_of=day, commune=unit.code, open_only=True, method=card.method)
    pending = tuple(
        f
        for f in items
        if f.session.id in earlier_ids
        and f.status in (ConclusionStatus.OPEN, ConclusionStatus.OVERDUE)
    )
    funds = tuple(
        _fund_section(f, day, window_days)
        for f in sorted(dataset.funds, key=lambda f: f.id)
        if f.owner == unit.code and unit.overlaps(f.opened_on, day) and f.opened_on <= day
    )
    frozen = tuple(targets)
    return Brief(
        title=dataset.title,
        committee=dataset.committee,
        commune=unit,
        as_of=day,
        term=chosen,
        method=card.method,
        targets=frozen,
        summary=card.summary(unit.code),
        ranked=sum(1 for s in card.communes if s.rank is not None),
        session=session,
        earlier=earlier,
        follow_ups=pending,
        funds=funds,
        gaps=_gaps(frozen, dataset, unit, chosen, day),
        topic_labels=dataset.topic_labels,
    )
