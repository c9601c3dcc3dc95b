"""Working sessions of a delegation with a commune, and their parts."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Final

import attrs
import pendulum
from hypothesis import strategies as st

from mttq_core.model import (
    BUILTIN_TOPICS,
    Conclusion,
    Delegation,
    Indicator,
    Period,
    Person,
    Recommendation,
    SessionStatus,
    Term,
    WorkingSession,
)

from . import _vocabulary as vocab
from ._arguments import (
    check_strategy,
    draw_code,
    draw_instance,
)
from ._draw import ints
from ._strategies import (
    CODES,
    any_value,
    build_observation,
    indicators_any,
    or_default,
    place_of,
)
from ._time import MAX_DATE, MIN_DATE, day_between, shift, terms_any

__all__ = [
    "build_session",
    "conclusions",
    "delegations",
    "people",
    "recommendations",
    "working_sessions",
]

_TOPICS: Final = tuple(BUILTIN_TOPICS)
_STATUSES: Final = st.sampled_from(tuple(SessionStatus))  # held first


def _person(index: int, title: str) -> Person:
    return Person(name=vocab.PEOPLE[index % len(vocab.PEOPLE)], title=title)


def _delegation(draw: st.DrawFn, district: str) -> Delegation:
    head = draw(ints(0, len(vocab.PEOPLE) - 1))
    titles = [t.format(district=district) for t in vocab.TITLES]
    members = draw(ints(0, 2))
    return Delegation(
        head=_person(head, titles[0]),
        members=tuple(_person(head + 1 + j, titles[1 + j]) for j in range(members)),
    )


def build_session(
    draw: st.DrawFn,
    *,
    term: Term,
    code: str,
    place: str,
    district: str,
    indicator_ids: Sequence[str],
    topics: Sequence[str] = _TOPICS,
    taken: set[str] | None = None,
) -> WorkingSession:
    """A session in ``term`` with the commune ``code`` (``place``: ``'xã Bát Tràng'``).

    Held sessions have findings, recommendations (``r1``…) and conclusions (``k1``…) whose
    deadlines and follow-up fall on or after the session; planned ones have none yet. The id
    is the date and the commune (``'2022-04-18-xa-bat-trang'``), unique within ``taken``.
    """
    date = day_between(draw, term.start, term.end)
    ident = vocab.fresh_id(f"{date.isoformat()}-{vocab.slug(place)}", taken)
    status = draw(_STATUSES)
    session_topics = tuple(
        draw(st.lists(st.sampled_from(topics), min_size=1, max_size=4, unique=True))
    )
    findings: tuple[str, ...] = ()
    recommendations: tuple[Recommendation, ...] = ()
    conclusions: tuple[Conclusion, ...] = ()
    if status is SessionStatus.HELD:
        n = draw(ints(0, len(vocab.FINDINGS)))
        findings = tuple(f.format(commune=place) for f in vocab.FINDINGS[:n])
        n = draw(ints(0, 2))
        recommendations = tuple(
            Recommendation(id=f"r{i + 1}", text=text.format(district=district))
            for i, text in enumerate(vocab.RECOMMENDATIONS[:n])
        )
        conclusions = tuple(
            _conclusion(draw, i, date, indicator_ids) for i in range(draw(ints(0, 2)))
        )
    return WorkingSession(
        id=ident,
        date=date,
        commune=code,
        term=term.id,
        status=status,
        topics=session_topics,
        delegation=_delegation(draw, district),
        findings=findings,
        recommendations=recommendations,
        conclusions=conclusions,
    )


def _conclusion(
    draw: st.DrawFn, i: int, date: pendulum.Date, indicator_ids: Sequence[str]
) -> Conclusion:
    due = day_between(draw, date, shift(date, 365))
    done_on = day_between(draw, date, shift(due, 60)) if draw(st.booleans()) else None
    linked: list[str] = []
    if indicator_ids:
        linked = draw(st.lists(st.sampled_from(indicator_ids), max_size=2, unique=True))
    return Conclusion(
        id=f"k{i + 1}",
        text=vocab.CONCLUSIONS[i % len(vocab.CONCLUSIONS)],
        due=due,
        indicators=tuple(linked),
        done_on=done_on,
    )


def working_sessions(
    *,
    terms: st.SearchStrategy[Term] | None = None,
    codes: st.SearchStrategy[str] = CODES,
    indicators: st.SearchStrategy[Indicator] | None = None,
) -> st.SearchStrategy[WorkingSession]:
    """Working sessions of a delegation with one commune, dated inside a drawn term.

    Conclusions may name drawn indicators; a held session may record one observation of the
    commune (its period ended before the session, reported on the session's date).
    """
    term_st = or_default(terms, "terms", terms_any)
    check_strategy("codes", codes, "st.just('00583')")
    ind_st = or_default(indicators, "indicators", indicators_any)
    return _working_sessions(term_st, codes, ind_st)


@st.composite
def _working_sessions(
    draw: st.DrawFn,
    term_st: st.SearchStrategy[Term],
    codes: st.SearchStrategy[str],
    ind_st: st.SearchStrategy[Indicator],
) -> WorkingSession:
    term = draw_instance(draw, term_st, "terms", Term)
    code = draw_code(draw, codes, "codes")
    place, district = place_of(code)
    inds = [draw_instance(draw, ind_st, "indicators", Indicator) for _ in range(draw(ints(0, 2)))]
    ids = list(dict.fromkeys(i.id for i in inds))
    session = build_session(
        draw, term=term, code=code, place=place, district=district, indicator_ids=ids
    )
    if (
        session.status is SessionStatus.HELD
        and inds
        and session.date.year > 1
        and draw(st.booleans())
    ):
        period = Period.year(session.date.year - 1)
        observation = build_observation(
            inds[0],
            code,
            period,
            any_value(draw, inds[0]),
            source=f"Báo cáo tại buổi làm việc ngày {session.date.format('D/M/YYYY')}",
            reported_on=session.date,
        )
        session = attrs.evolve(session, observations=(observation,))
    return session


@st.composite
def people(draw: st.DrawFn) -> Person:
    """A delegation member."""
    return _person(
        draw(ints(0, len(vocab.PEOPLE) - 1)),
        draw(st.sampled_from(vocab.TITLES)).format(district="huyện"),
    )


@st.composite
def delegations(draw: st.DrawFn) -> Delegation:
    """A delegation: its head and up to two members."""
    return _delegation(draw, draw(st.sampled_from(vocab.DISTRICTS)).title)


@st.composite
def recommendations(draw: st.DrawFn) -> Recommendation:
    """A commune's recommendation."""
    i = draw(ints(0, len(vocab.RECOMMENDATIONS) - 1))
    return Recommendation(id=f"r{i + 1}", text=vocab.RECOMMENDATIONS[i].format(district="huyện"))


@st.composite
def conclusions(draw: st.DrawFn) -> Conclusion:
    """A delegation's conclusion with its deadline and follow-up."""
    return _conclusion(draw, draw(ints(0, 3)), day_between(draw, MIN_DATE, MAX_DATE), ())
