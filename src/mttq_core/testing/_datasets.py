"""``datasets()``: whole datasets that pass every rule of SPEC §2.2, built valid in one pass.

A dataset is one district committee of the catalogue (Gia Lâm first) with consecutive
five-year terms; its communes (codes in steps of 3; some merged after the last term, their
codes then reused by the new units); indicators with targets a little better than the level
each starts from; yearly results of every commune up to the reporting horizon of the last
term (a few missing, a few revised); working sessions that record a result of their commune;
funds whose ledgers balance and may feed a money indicator.

Draws are few (about one per commune, a handful per indicator and term), and each indicator
with everything that depends on it (its targets and its communes' series) is drawn as one
block, so that hypothesis can drop an indicator whole: datasets shrink to one commune, one
indicator and one observation.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from typing import Any, Final

import attrs
import pendulum
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from mttq_core.model import (
    ALL,
    BUILTIN_TOPICS,
    COMMITTEE,
    Accumulation,
    AcrossUnits,
    Committee,
    Commune,
    CommuneKind,
    Dataset,
    Fund,
    FundKind,
    Indicator,
    Measure,
    Observation,
    Period,
    SessionStatus,
    Target,
    Term,
    Topic,
    WorkingSession,
)

from . import _vocabulary as vocab
from ._arguments import check_strategy, draw_count
from ._draw import draw_bytes, ints
from ._funds import build_fund
from ._sessions import build_session
from ._strategies import (
    IndicatorSpec,
    Scale,
    build_indicator,
    build_observation,
    build_target,
    draw_scale,
    indicator_spec,
    level_value,
    offsets,
)
from ._time import MAX_DATE, MIN_DATE, TERM_YEARS, shift, term_of, term_start

__all__ = ["datasets"]

MAX_COMMUNES: Final = 99
MAX_INDICATORS: Final = 30
MAX_TERMS: Final = 4
_NOTES: Final = st.sampled_from((None, "Số liệu minh họa, sinh tự động để kiểm thử."))


def datasets(
    *,
    communes: st.SearchStrategy[int] = st.integers(1, 30),
    indicators: st.SearchStrategy[int] = st.integers(1, 8),
    terms: st.SearchStrategy[int] = st.just(1),
    measures: Sequence[Measure | str] | None = None,
    accumulations: Sequence[Accumulation | str] | None = None,
    with_sessions: st.SearchStrategy[bool] = st.booleans(),
    with_funds: st.SearchStrategy[bool] = st.booleans(),
) -> st.SearchStrategy[Dataset]:
    """Valid datasets (every rule of SPEC §2.2) that look like a district committee's.

    ``communes``, ``indicators`` and ``terms`` draw how many of each: communes valid
    throughout the terms (1 to 99), indicators (1 to 30), consecutive five-year terms (1 to
    4; one by default, as most datasets hold one term). ``measures`` and ``accumulations``
    list the kinds of indicator allowed (``None``: all that fit). ``with_sessions`` and
    ``with_funds`` draw whether there are working sessions and funds. Shrinks toward one
    commune, one indicator, one term and nothing else.
    """
    check_strategy("communes", communes, "st.integers(1, 30)")
    check_strategy("indicators", indicators, "st.integers(1, 8)")
    check_strategy("terms", terms, "st.integers(1, 2)")
    spec = indicator_spec(measures, None, accumulations, None)
    check_strategy("with_sessions", with_sessions, "st.booleans()")
    check_strategy("with_funds", with_funds, "st.booleans()")
    return _datasets(
        communes=communes,
        indicators=indicators,
        terms=terms,
        spec=spec,
        with_sessions=with_sessions,
        with_funds=with_funds,
    )


def _draw_flag(draw: st.DrawFn, strategy: st.SearchStrategy[Any], name: str) -> bool:
    value = draw(strategy)
    if not isinstance(value, bool):
        raise InvalidArgument(f"{name} drew {value!r}; it must draw True or False")
    return value


@functools.cache
def _year(year: int) -> Period:
    return Period.year(year)


@attrs.frozen
class _Unit:
    """A commune of the dataset, with the words that name it (``'xã Bát Tràng'``)."""

    commune: Commune
    place: str


@attrs.frozen(kw_only=True)
class _Setting:
    """What every indicator's block is drawn against."""

    district: vocab.District
    terms: tuple[Term, ...]
    units: tuple[_Unit, ...]
    horizon: int  # years of the last term reported so far
    spec: IndicatorSpec
    taken: set[str]  # indicator ids used so far

    def _repr_pretty_(self, printer: Any, _cycle: bool) -> None:  # noqa: FBT001 — its protocol
        # shown when a draw fails; the whole setting would be thousands of lines
        printer.text(f"<{len(self.units)} communes of {self.district.title}, {self.terms[0].id}…>")


@attrs.frozen(kw_only=True)
class _Term:
    """One indicator in one term: its level and each commune's distance from it."""

    term: Term
    scale: Scale
    offsets: tuple[int, ...]
    committee_series: bool  # the committee reports its own results


@attrs.frozen(kw_only=True)
class _Block:
    """An indicator with its targets and the plan of its results, in every term."""

    indicator: Indicator
    targets: tuple[Target, ...]
    terms: tuple[_Term, ...]
    counted: bool  # percent results carry numerator and denominator
    derived: bool  # ... and omit the value
    dated: bool  # results carry the day they were reported


@functools.cache
def _scopes(n: int) -> st.SearchStrategy[tuple[int, int, int]]:
    """Which targets an indicator has in a term, in one draw: ``(flags, own, first)``.

    ``flags``: 1 a target for all communes, 2 one for the committee; ``own`` communes from
    the ``first`` on have a target of their own. Shrinks toward no target at all.
    """
    return st.sampled_from(
        [
            (flags, own, first)
            for own in range(min(2, n) + 1)
            for first in (range(n) if own else (0,))
            for flags in range(4)
        ]
    )


@st.composite
def _blocks(draw: st.DrawFn, setting: _Setting) -> _Block:
    ind = build_indicator(draw, setting.spec, setting.taken)
    units = setting.units
    targets: list[Target] = []
    plans: list[_Term] = []
    for term in setting.terms:
        scale = draw_scale(draw, ind)
        flags, own, first = draw(_scopes(len(units)))
        scopes = [ALL] if flags & 1 else []
        scopes += [units[(first + j) % len(units)].commune.code for j in range(own)]
        if flags & 2:
            scopes.append(COMMITTEE)
        targets += [build_target(draw, term, ind, scope, scale) for scope in scopes]
        plans.append(
            _Term(
                term=term,
                scale=scale,
                offsets=tuple(offsets(ind, draw_bytes(draw, len(units)))),
                committee_series=bool(flags & 2) and ind.across_units is None,
            )
        )
    flags = draw(ints(0, 7))  # 1: percents carry counts; 2: ... and omit the value; 4: dated
    # a committee target combined by ratio needs the counts of every commune's result
    needed = ind.across_units is AcrossUnits.RATIO and any(t.scope == COMMITTEE for t in targets)
    counted = ind.measure is Measure.PERCENT and (needed or bool(flags & 1))
    return _Block(
        indicator=ind,
        targets=tuple(targets),
        terms=tuple(plans),
        counted=counted,
        derived=counted and bool(flags & 2),
        dated=bool(flags & 4),
    )


def _units(
    draw: st.DrawFn, district: vocab.District, n: int, last: Term
) -> tuple[tuple[_Unit, ...], list[Commune]]:
    """``n`` communes valid throughout the terms, and the units that took some codes over."""
    listed = district.communes
    start = draw(ints(0, len(listed) - 1))
    rows = [listed[(start + i) % len(listed)] for i in range(min(n, len(listed)))]
    top = max(int(code) for code, _k, _n in listed)
    for j in range(n - len(rows)):
        name = vocab.NEW_NAMES[j % len(vocab.NEW_NAMES)]
        rows.append((f"{top + 3 * (j + 1):05d}", CommuneKind.XA, name))
    # a merger after the last term ends some communes (SPEC §1: 2025-01-01, 2025-07-01)
    merged = (None, pendulum.Date(last.end.year, 12, 31), pendulum.Date(last.end.year + 1, 6, 30))
    units = []
    for (code, kind, name), b in zip(rows, draw_bytes(draw, len(rows)), strict=True):
        commune = Commune(
            code=code,
            name=name,
            kind=kind,
            district_code=district.code,
            province_code=district.province_code,
            valid_to=merged[b % len(merged)],
        )
        units.append(_Unit(commune, f"{vocab.kind_word(kind)} {name}"))
    # and a new unit may take over an ended one's code (00565: Trâu Quỳ, then xã Gia Lâm)
    ended = [u.commune for u in units if u.commune.valid_to is not None]
    successors = []
    for j in range(draw(ints(0, min(3, len(ended))))):
        old = ended[j]
        # the new unit is named anew (the first after the district), never as the old one
        names = [n for n in (district.name, *vocab.NEW_NAMES) if n != old.name]
        successors.append(
            Commune(
                code=old.code,
                name=names[j],
                kind=CommuneKind.PHUONG if district.kind == "quận" else CommuneKind.XA,
                province_code=district.province_code,
                valid_from=shift(old.valid_to or last.end, 1),
            )
        )
    return tuple(units), successors


def _funds(
    draw: st.DrawFn, setting: _Setting, inds: list[Indicator]
) -> tuple[list[Fund], set[tuple[str, str]]]:
    """One or two funds; at most one feeds a money indicator for its owner."""
    out: list[Fund] = []
    fed: set[tuple[str, str]] = set()
    money = tuple(i.id for i in inds if i.measure is Measure.MONEY)
    units, district = setting.units, setting.district
    taken: set[str] = set()
    for _ in range(draw(ints(1, 2))):
        owner = draw(ints(-1, len(units) - 1))  # -1: the committee's own fund
        code = COMMITTEE if owner < 0 else units[owner].commune.code
        place = district.title if owner < 0 else units[owner].place
        feeds = None
        if money and not fed and draw(st.booleans()):
            feeds = draw(st.sampled_from(money))
            fed.add((code, feeds))
        out.append(
            build_fund(
                draw,
                owner=code,
                place=place,
                district=district.title,
                kinds=tuple(FundKind),
                opened_on=pendulum.Date(setting.terms[0].start.year, 1, 1),
                until=setting.terms[-1].end,
                size=draw(ints(0, 12)),
                feeds=feeds,
                taken=taken,
            )
        )
    return out, fed


@attrs.frozen(kw_only=True)
class _Slot:
    """One yearly result, in raw units, before it becomes an observation."""

    block: _Block
    code: str
    place: str
    year: int
    raw: int
    households: int | None
    revision: int = 0

    def build(self, *, reported_on: pendulum.Date | None = None, source: str = "") -> Observation:
        ind = self.block.indicator
        corrected = " (số liệu điều chỉnh)" if self.revision else ""
        if reported_on is None and self.block.dated:
            reported_on = pendulum.Date(self.year + 1, 1, 15)
        return build_observation(
            ind,
            self.code,
            _year(self.year),
            level_value(ind, self.raw),
            source=source
            or f"Báo cáo kết quả công tác Mặt trận năm {self.year} của {self.place}{corrected}",
            households=self.households,
            derived=self.block.derived,
            reported_on=reported_on,
            revision=self.revision,
        )


def _slots(
    setting: _Setting,
    blocks: list[_Block],
    households: bytes,
    fed: set[tuple[str, str]],
) -> list[_Slot]:
    """Every yearly result, up to the horizon of the last term (no draws: all is planned)."""
    committee = f"Ủy ban MTTQ Việt Nam {setting.district.title}"
    last = setting.terms[-1]
    out: list[_Slot] = []
    for block in blocks:
        ind = block.indicator
        for plan in block.terms:
            years = setting.horizon if plan.term is last else TERM_YEARS
            who = [
                (u.commune.code, u.place, offset, 300 + 20 * h if block.counted else None)
                for u, offset, h in zip(setting.units, plan.offsets, households, strict=True)
            ]
            if plan.committee_series:
                who.append((COMMITTEE, committee, 0, None))
            for code, place, offset, count in who:
                if (code, ind.id) in fed:
                    continue  # the fund's ledger supplies this series
                for k in range(years):
                    if ind.measure is Measure.BOOLEAN:
                        raw = int(k >= offset)  # met from year `offset` on
                    else:
                        raw = plan.scale.level + plan.scale.step * k + offset
                    out.append(
                        _Slot(
                            block=block,
                            code=code,
                            place=place,
                            year=plan.term.start.year + k,
                            raw=raw,
                            households=count,
                        )
                    )
    return out


def _irregular(draw: st.DrawFn, slots: list[_Slot]) -> list[_Slot]:
    """Drop a few results (missing reports) and revise a few (kept, and superseded)."""
    if not slots:
        return slots
    index = ints(0, len(slots) - 1)
    dropped = set(draw(st.lists(index, max_size=3, unique=True)))
    revised = draw(st.lists(index, max_size=2, unique=True))
    kept = [s for i, s in enumerate(slots) if i not in dropped]
    kept += [attrs.evolve(slots[i], raw=slots[i].raw + 1, revision=1) for i in revised]
    return kept


def _sessions(
    draw: st.DrawFn,
    setting: _Setting,
    inds: list[Indicator],
    topics: tuple[str, ...],
    records: list[tuple[_Slot, Observation]],
) -> list[WorkingSession]:
    """One to three sessions; a held one may record a result its commune had not reported."""
    out: list[WorkingSession] = []
    taken: set[str] = set()
    ids = [i.id for i in inds]
    terms, units = setting.terms, setting.units
    for _ in range(draw(ints(1, 3))):
        term = terms[draw(ints(0, len(terms) - 1))]
        unit = units[draw(ints(0, len(units) - 1))]
        session = build_session(
            draw,
            term=term,
            code=unit.commune.code,
            place=unit.place,
            district=setting.district.title,
            indicator_ids=ids,
            topics=topics,
            taken=taken,
        )
        candidates = [
            i
            for i, (_slot, o) in enumerate(records)
            if o.commune == session.commune and o.period.end < session.date
        ]
        if session.status is SessionStatus.HELD and candidates and draw(st.booleans()):
            slot, _reported = records.pop(draw(st.sampled_from(candidates)))
            day = session.date
            recorded = slot.build(
                reported_on=day,
                source=f"Báo cáo của Ban Thường trực Ủy ban MTTQ {unit.place} tại buổi làm việc "
                f"ngày {day.day}/{day.month}/{day.year}",
            )
            session = attrs.evolve(session, observations=(recorded,))
        out.append(session)
    return out


@st.composite
def _datasets(
    draw: st.DrawFn,
    *,
    communes: st.SearchStrategy[int],
    indicators: st.SearchStrategy[int],
    terms: st.SearchStrategy[int],
    spec: IndicatorSpec,
    with_sessions: st.SearchStrategy[bool],
    with_funds: st.SearchStrategy[bool],
) -> Dataset:
    n_communes = draw_count(draw, communes, "communes", 1, MAX_COMMUNES)
    n_indicators = draw_count(draw, indicators, "indicators", 1, MAX_INDICATORS)
    n_terms = draw_count(draw, terms, "terms", 1, MAX_TERMS)
    district = draw(st.sampled_from(vocab.DISTRICTS))
    # consecutive terms, each opened the day after the previous one ends
    start = term_start(draw, MIN_DATE, shift(MAX_DATE.subtract(years=TERM_YEARS * n_terms), 1))
    term_list: list[Term] = []
    for _ in range(n_terms):
        term_list.append(term_of(start, committee=district.title))
        start = shift(term_list[-1].end, 1)
    units, successors = _units(draw, district, n_communes, term_list[-1])
    setting = _Setting(
        district=district,
        terms=tuple(term_list),
        units=units,
        horizon=draw(ints(0, TERM_YEARS)),
        spec=spec,
        taken=set(),
    )
    households = draw_bytes(draw, len(units))  # of each commune: denominators of its percents
    blocks = [draw(_blocks(setting)) for _ in range(n_indicators)]
    inds = [b.indicator for b in blocks]
    fund_list: list[Fund] = []
    fed: set[tuple[str, str]] = set()
    if _draw_flag(draw, with_funds, "with_funds"):
        fund_list, fed = _funds(draw, setting, inds)
    records = [(s, s.build()) for s in _irregular(draw, _slots(setting, blocks, households, fed))]
    session_list: list[WorkingSession] = []
    own_topics: list[Topic] = []
    if _draw_flag(draw, with_sessions, "with_sessions"):
        picked = draw(st.lists(st.sampled_from(vocab.OWN_TOPICS), max_size=2, unique=True))
        own_topics = [Topic(id=i, name=name) for i, name in picked]
        topic_ids = (*BUILTIN_TOPICS, *(t.id for t in own_topics))
        session_list = _sessions(draw, setting, inds, topic_ids, records)
    first, last = term_list[0], term_list[-1]
    years = f"{first.start.year}–{last.start.year + TERM_YEARS}"
    return Dataset(
        title=f"Chỉ tiêu Nghị quyết Đại hội MTTQ {district.title} nhiệm kỳ {years}",
        committee=Committee(name=f"Ủy ban MTTQ Việt Nam {district.title}", unit_code=district.code),
        notes=draw(_NOTES),
        terms=term_list,
        communes=[u.commune for u in units] + successors,
        indicators=inds,
        targets=[t for b in blocks for t in b.targets],
        observations=[o for _s, o in records],
        working_sessions=session_list,
        funds=fund_list,
        topics=own_topics,
    )
