"""Dataset-level rules (SPEC §2.2) and the resolved index the scoring reads.

:func:`analyse` checks every cross-entity rule in one pass and returns the index together
with **all** problems found. Items come as ``(position, entity)`` pairs so that a loader
that dropped structurally broken items still reports the original JSON positions, and
``broken`` names ids whose entity could not be read, so that references to them are not
reported a second time as dangling.
"""

from __future__ import annotations

import itertools
import operator
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from decimal import Decimal
from typing import Any, Final, NamedTuple, TypeAlias, TypeVar

import attrs
import pendulum

from ._commune import Commune
from ._enums import Accumulation, AcrossUnits, Comparator, Direction, Measure, SessionStatus
from ._errors import Problem, Problems
from ._fund import Fund
from ._indicator import Indicator
from ._observation import Observation
from ._period import Period, PeriodKind
from ._session import BUILTIN_TOPICS, WorkingSession
from ._target import ALL, COMMITTEE, Target
from ._term import Term, Topic
from ._values import MAX_MAGNITUDE, value_problems

_HUNDRED: Final = Decimal(100)
_ONE: Final = Decimal(1)

__all__ = ["Broken", "Index", "ObservationRecord", "Parts", "Superseded", "UnitKey", "analyse"]

#: Who an observation or target is about: a commune (resolved at its date) or the committee.
UnitKey: TypeAlias = Commune | str

Item: TypeAlias = tuple[int, object]
_HasId = TypeVar("_HasId", Term, Indicator, WorkingSession, Fund)


class ObservationRecord(NamedTuple):
    """An observation with where it came from and the unit its commune code resolved to.

    ``where`` is the JSON path, or for a top-level observation just its position in
    ``observations`` (a dataset of a million observations need not spell a million paths).
    """

    where: str | int
    observation: Observation
    unit: UnitKey

    @property
    def path(self) -> str:
        """The observation's JSON path."""
        where = self.where
        return f"$.observations[{where}]" if type(where) is int else str(where)


_record = tuple.__new__  # ObservationRecord without the generated __new__'s Python frame


@attrs.frozen
class Superseded:
    """An observation kept in the data but replaced by a higher revision."""

    path: str
    observation: Observation
    by_path: str
    by: Observation


class Parts(NamedTuple):
    """The collections of a dataset, each item with its position in the document.

    (Internal classes here are named tuples and a plain class, not attrs classes: creating
    attrs classes is most of ``import mttq_core``'s time.)
    """

    terms: Sequence[tuple[int, Term]] = ()
    communes: Sequence[tuple[int, Commune]] = ()
    indicators: Sequence[tuple[int, Indicator]] = ()
    targets: Sequence[tuple[int, Target]] = ()
    observations: Sequence[tuple[int, Observation]] = ()
    working_sessions: Sequence[tuple[int, WorkingSession]] = ()
    funds: Sequence[tuple[int, Fund]] = ()
    topics: Sequence[tuple[int, Topic]] = ()


class Broken(NamedTuple):
    """Ids (or codes) of items that could not be read; references to them stay quiet."""

    terms: frozenset[str] = frozenset()
    communes: frozenset[str] = frozenset()
    indicators: frozenset[str] = frozenset()
    topics: frozenset[str] = frozenset()
    whole: frozenset[str] = frozenset()  # collections that could not be read at all


class Index:
    """What the rules resolved, for the scoring and the reports to read."""

    __slots__ = (
        "commune_targets",
        "communes_by_code",
        "effective",
        "indicators",
        "records",
        "superseded",
        "targets",
        "terms",
        "topics",
    )

    def __init__(self) -> None:
        self.terms: dict[str, Term] = {}
        self.indicators: dict[str, Indicator] = {}
        self.communes_by_code: dict[str, list[Commune]] = {}
        self.topics: dict[str, str] = {}
        #: Targets by key: (term, indicator) → scope → target.
        self.targets: dict[tuple[str, str], dict[str, Target]] = {}
        #: Commune-scope targets resolved to their commune: (term, indicator, commune) → target.
        self.commune_targets: dict[tuple[str, str, Commune], Target] = {}
        self.records: list[ObservationRecord] = []
        #: Effective observations (highest revision per period), sorted by period end.
        self.effective: dict[tuple[UnitKey, str], list[Observation]] = {}
        self.superseded: list[Superseded] = []

    def resolve(self, code: str, day: pendulum.Date) -> Commune | None:
        """The commune with ``code`` valid on ``day``, if exactly one is."""
        found = [c for c in self.communes_by_code.get(code, ()) if c.valid_on(day)]
        return found[0] if len(found) == 1 else None

    def target_for(self, term: str, indicator: str, commune: Commune) -> Target | None:
        """The target that applies to ``commune``: its own, else the ``all`` target.

        An ``all`` target applies only to communes whose validity overlaps the term.
        """
        own = self.commune_targets.get((term, indicator, commune))
        if own is not None:
            return own
        span = self.terms.get(term)
        if span is None or not commune.overlaps(span.start, span.end):
            return None
        return self.targets.get((term, indicator), {}).get(ALL)


#: Stands for "not looked up yet" in the commune memo (``None`` means "does not resolve").
#: Take the quick road for usual observations (tests turn it off to compare both roads).
_QUICK_PATH = True
#: One unit's records by indicator, each with its position among the records.
_Table: TypeAlias = dict[str, list[tuple[int, "ObservationRecord"]]]
_UNKNOWN: Final[tuple[str, _Table]] = (COMMITTEE, {})


def _quick_test(ind: Indicator) -> Callable[[object], bool]:
    """A fast test of a value for ``ind``: ``True`` only where :func:`value_problems` is empty.

    ``False`` does not mean the value is wrong, only that the full check has to say.
    """
    measure = ind.measure
    if measure is Measure.BOOLEAN:
        return lambda v: type(v) is bool
    if measure is Measure.CHECKLIST:
        criteria = frozenset(ind.criterion_ids)
        return lambda v: (
            type(v) is tuple
            and all(type(x) is str for x in v)
            and len(frozenset(v)) == len(v)
            and frozenset(v) <= criteria
        )
    if measure is Measure.PERCENT:
        return lambda v: type(v) is Decimal and v.is_finite() and 0 <= v <= _HUNDRED
    if measure is Measure.COUNT or measure is Measure.MONEY:
        return lambda v: (
            type(v) is Decimal and v.is_finite() and 0 <= v < MAX_MAGNITUDE and v.same_quantum(_ONE)
        )
    return lambda v: type(v) is Decimal and v.is_finite() and -MAX_MAGNITUDE < v < MAX_MAGNITUDE


def _period_order(o: Observation) -> tuple[pendulum.Date, pendulum.Date]:
    return (o.period.end, o.period.start)


_end_of = operator.attrgetter("period.end")
_observation_of = operator.attrgetter("observation")
_second = operator.itemgetter(1)


def _first(item: tuple[int, object]) -> int:
    return item[0]


def _known(kind: str, names: Iterable[str]) -> str:
    shown = sorted(names)
    if not shown:
        return f"the dataset has no {kind}"
    more = "" if len(shown) <= 8 else f", … ({len(shown)} in all)"
    return f"known {kind}: " + ", ".join(map(repr, shown[:8])) + more


class _Checker:
    def __init__(self, parts: Parts, broken: Broken) -> None:
        self.parts = parts
        self.broken = broken
        self.p = Problems()
        self.ix = Index()
        #: records that are not fund-fed, by unit then indicator, each with its position
        self._tables: dict[UnitKey, _Table] = {}
        self._committee: tuple[UnitKey, _Table] = (COMMITTEE, self._table(COMMITTEE))
        #: (code, day) → the commune valid on that day (if exactly one is) and its table
        self._at_end: dict[tuple[str, pendulum.Date], tuple[UnitKey, _Table] | None] = {}
        #: how many records are not fund-fed (fund-fed ones are recorded last)
        self._plain_records = 0

    # -- references ---------------------------------------------------------------------

    def term(self, path: str, term_id: str) -> Term | None:
        term = self.ix.terms.get(term_id)
        if term is None and term_id not in self.broken.terms and "terms" not in self.broken.whole:
            self.p.add(path, f"no term with id {term_id!r}; {_known('terms', self.ix.terms)}")
        return term

    def indicator(self, path: str, indicator_id: str) -> Indicator | None:
        ind = self.ix.indicators.get(indicator_id)
        if (
            ind is None
            and indicator_id not in self.broken.indicators
            and ("indicators" not in self.broken.whole)
        ):
            self.p.add(
                path,
                f"no indicator with id {indicator_id!r}; "
                f"{_known('indicators', self.ix.indicators)}",
            )
        return ind

    def _quiet(self, code: str) -> bool:
        return code in self.broken.communes or "communes" in self.broken.whole

    def commune_at(self, path: str, code: str, day: pendulum.Date, use: str) -> Commune | None:
        candidates = self.ix.communes_by_code.get(code)
        if not candidates:
            if not self._quiet(code):
                self.p.add(path, f"no commune with code {code!r} in the dataset's communes")
            return None
        found = [c for c in candidates if c.valid_on(day)]
        if len(found) == 1:
            return found[0]
        if not found and not self._quiet(code):
            units = "; ".join(f"{c.name} (valid {c.validity()})" for c in candidates)
            self.p.add(
                path,
                f"commune {code} is not valid on {day.isoformat()} ({use}): {units}; a code "
                "refers to the unit that holds it at the date of use",
            )
        return None

    def commune_over(self, path: str, code: str, term: Term) -> Commune | None:
        candidates = self.ix.communes_by_code.get(code)
        if not candidates:
            if not self._quiet(code):
                self.p.add(path, f"no commune with code {code!r} in the dataset's communes")
            return None
        found = [c for c in candidates if c.overlaps(term.start, term.end)]
        if len(found) == 1:
            return found[0]
        span = f"{term.start.isoformat()} – {term.end.isoformat()}"
        if not found:
            self.p.add(
                path, f"no commune with code {code!r} is valid during term {term.id!r} ({span})"
            )
        else:
            units = "; ".join(f"{c.name} (valid {c.validity()})" for c in found)
            self.p.add(
                path,
                f"code {code} names more than one commune during term {term.id!r} ({span}): "
                f"{units}; split the target by unit",
            )
        return None

    # -- rules ----------------------------------------------------------------------------

    def run(self) -> tuple[Index, list[Problem]]:
        self.unique_ids()
        self.topics()
        self.communes()
        self.targets()
        self.observations()
        self.sessions()
        self.funds()
        self.resolve_observations()
        self.committee_ratio()
        return self.ix, self.p.items

    def unique_ids(self) -> None:
        self.ix.terms = self._unique("terms", self.parts.terms)
        self.ix.indicators = self._unique("indicators", self.parts.indicators)
        self._unique("working_sessions", self.parts.working_sessions)
        self._unique("funds", self.parts.funds)

    def _unique(self, kind: str, items: Sequence[tuple[int, _HasId]]) -> dict[str, _HasId]:
        first: dict[str, int] = {}
        store: dict[str, _HasId] = {}
        for i, item in items:
            if item.id in first:
                self.p.add(
                    f"$.{kind}[{i}].id",
                    f"id {item.id!r} is already used by {kind}[{first[item.id]}]; ids are unique",
                )
            else:
                first[item.id] = i
                store[item.id] = item
        return store

    def topics(self) -> None:
        self.ix.topics = dict(BUILTIN_TOPICS)
        seen: dict[str, int] = {}
        for i, topic in self.parts.topics:
            if topic.id in BUILTIN_TOPICS:
                self.p.add(
                    f"$.topics[{i}].id",
                    f"{topic.id!r} is a built-in topic; a dataset's own topics need new ids",
                )
            elif topic.id in seen:
                self.p.add(
                    f"$.topics[{i}].id",
                    f"id {topic.id!r} is already used by topics[{seen[topic.id]}]",
                )
            else:
                seen[topic.id] = i
                self.ix.topics[topic.id] = topic.name

    def communes(self) -> None:
        placed: dict[str, list[tuple[int, Commune]]] = defaultdict(list)
        for i, c in self.parts.communes:
            placed[c.code].append((i, c))
        # a code shared by many communes: find clashes in O(n log n), not pair by pair
        first_clash: dict[int, tuple[int, Commune] | None] = {}
        for items in placed.values():
            if len(items) > _SCAN:
                spans = [(_since(c).toordinal(), _until(c).toordinal()) for _, c in items]
                for (i, _), k in zip(items, first_overlaps(spans), strict=True):
                    first_clash[i] = None if k is None else items[k]
        earlier: dict[str, list[tuple[int, Commune]]] = defaultdict(list)
        for i, c in self.parts.communes:
            if i in first_clash:
                clash = first_clash[i]
            else:
                clash = next(
                    (
                        (j, other)
                        for j, other in earlier[c.code]
                        if other.overlaps(_since(c), _until(c))
                    ),
                    None,
                )
                earlier[c.code].append((i, c))
            if clash is not None:
                j, other = clash
                self.p.add(
                    f"$.communes[{i}].code",
                    f"code {c.code} is already used by communes[{j}] ({other.name}, valid "
                    f"{other.validity()}) over an overlapping period (this one: {c.validity()}); "
                    "two communes share a code only if their validity intervals are disjoint",
                )
        self.ix.communes_by_code = {
            code: sorted((c for _, c in items), key=_since) for code, items in placed.items()
        }

    def targets(self) -> None:
        for i, t in self.parts.targets:
            path = f"$.targets[{i}]"
            term = self.term(f"{path}.term", t.term)
            ind = self.indicator(f"{path}.indicator", t.indicator)
            commune = None
            if term is not None and t.scope not in (ALL, COMMITTEE):
                commune = self.commune_over(f"{path}.scope", t.scope, term)
            scopes = self.ix.targets.setdefault((t.term, t.indicator), {})
            if t.scope in scopes:
                self.p.add(
                    path,
                    f"a target for term {t.term!r}, indicator {t.indicator!r} and scope "
                    f"{t.scope!r} is already given; one target per (term, indicator, scope)",
                )
                continue
            if ind is not None:
                self.target_values(path, t, ind, term)
            scopes[t.scope] = t
            if commune is not None:
                self.ix.commune_targets[(t.term, t.indicator, commune)] = t

    def target_values(self, path: str, t: Target, ind: Indicator, term: Term | None) -> None:
        if t.scope == COMMITTEE and ind.across_units is AcrossUnits.SHARE_MET:
            self.share_target_values(path, t, ind, term)
            return
        if t.comparator.direction is not ind.direction:
            allowed = "'>=' or '>'" if ind.direction.value == "increase" else "'<=' or '<'"
            self.p.add(
                f"{path}.comparator",
                f"{t.comparator.value!r} does not fit indicator {ind.id!r}, whose direction is "
                f"{ind.direction.value!r}; use {allowed}",
            )
        m = ind.measure
        if m is Measure.CHECKLIST:
            n = len(ind.criteria)
            if t.value is not None:
                msgs = value_problems(Measure.COUNT, t.value)
                if not msgs and isinstance(t.value, Decimal) and not 1 <= t.value <= n:
                    msgs = [
                        (
                            f"{t.value} criteria cannot be required of a checklist of {n}; "
                            f"allowed: 1 to {n}"
                        )
                    ]
                for msg in msgs:
                    self.p.add(
                        f"{path}.value",
                        msg + " (a checklist target is the number of criteria required)",
                    )
        elif t.value is None:
            self.p.add(f"{path}.value", f"required for a {m.value} indicator")
        else:
            for msg in value_problems(m, t.value):
                self.p.add(f"{path}.value", msg)
            if m is Measure.BOOLEAN and t.value is not True:
                self.p.add(f"{path}.value", "a boolean target must be true (the thing is done)")
        if m is Measure.BOOLEAN and t.comparator is not Comparator.GE:
            self.p.add(f"{path}.comparator", "a boolean target uses '>='")
        if t.baseline is not None:
            if ind.accumulation not in (Accumulation.LATEST, Accumulation.MEAN):
                self.p.add(
                    f"{path}.baseline",
                    f"a baseline is only for 'latest' or 'mean' indicators; {ind.id!r} "
                    f"accumulates by {ind.accumulation.value!r}",
                )
            for msg in value_problems(m, t.baseline.value, criteria=ind.criterion_ids):
                self.p.add(f"{path}.baseline.value", msg)
            if term is not None and t.baseline.date > term.end:
                self.p.add(
                    f"{path}.baseline.date",
                    f"{t.baseline.date.isoformat()} is after the term ends "
                    f"({term.end.isoformat()}); a baseline is dated on or before the term's end",
                )
        if t.milestones and ind.accumulation is Accumulation.EACH_PERIOD:
            self.p.add(
                f"{path}.milestones",
                "an each_period target applies to every period alike; milestones are not allowed",
            )
            return
        for j, ms in enumerate(t.milestones):
            mpath = f"{path}.milestones[{j}]"
            value_measure = Measure.COUNT if m is Measure.CHECKLIST else m
            for msg in value_problems(value_measure, ms.value, criteria=ind.criterion_ids):
                self.p.add(f"{mpath}.value", msg)
            if term is not None and not term.contains(ms.period.end):
                self.p.add(
                    f"{mpath}.period",
                    f"period {ms.period} ends {ms.period.end.isoformat()}, outside term "
                    f"{term.id!r} ({term.start.isoformat()} – {term.end.isoformat()}); "
                    "a milestone ends inside its term",
                )

    def share_target_values(self, path: str, t: Target, ind: Indicator, term: Term | None) -> None:
        """A committee target of a ``share_met`` indicator: a percent of communes meeting theirs."""
        what = f"(the share of communes meeting their own target for {ind.id!r})"
        if t.comparator.direction is not Direction.INCREASE:
            self.p.add(
                f"{path}.comparator",
                f"{t.comparator.value!r} does not fit a committee target of a share_met "
                f"indicator {what}; use '>=' or '>'",
            )
        if t.value is None:
            self.p.add(f"{path}.value", f"required: the percent of communes {what}")
        else:
            for msg in value_problems(Measure.PERCENT, t.value):
                self.p.add(f"{path}.value", f"{msg} {what}")
        if t.baseline is not None:
            for msg in value_problems(Measure.PERCENT, t.baseline.value):
                self.p.add(f"{path}.baseline.value", f"{msg} {what}")
        for j, ms in enumerate(t.milestones):
            for msg in value_problems(Measure.PERCENT, ms.value):
                self.p.add(f"{path}.milestones[{j}].value", f"{msg} {what}")
            if term is not None and not term.contains(ms.period.end):
                self.p.add(
                    f"{path}.milestones[{j}].period",
                    f"period {ms.period} ends {ms.period.end.isoformat()}, outside term "
                    f"{term.id!r}; a milestone ends inside its term",
                )

    def observations(self) -> None:
        """Check every top-level observation; the usual one takes the quick road.

        An observation whose indicator is known, whose commune resolves, whose value passes
        its indicator's quick test and that carries no counts (or a percent derived from
        them) is recorded straight away; any other goes through :meth:`observation`, which
        reports what is wrong. The quick test accepts only what :meth:`observation` accepts
        (``tests/serde/test_fast_path.py`` compares both roads).
        """
        if not _QUICK_PATH:
            for i, o in self.parts.observations:
                self.observation(f"$.observations[{i}]", o)
            return
        indicators = self.ix.indicators
        quick = {ind_id: _quick_test(ind) for ind_id, ind in indicators.items()}
        each_period = {
            ind_id
            for ind_id, ind in indicators.items()
            if ind.accumulation is Accumulation.EACH_PERIOD
        }
        percent = {ind_id for ind_id, ind in indicators.items() if ind.measure is Measure.PERCENT}
        records = self.ix.records
        append = records.append
        custom = PeriodKind.CUSTOM
        at_end = self._at_end
        committee = self._committee
        for i, o in self.parts.observations:
            ind_id = o.indicator
            test = quick.get(ind_id)
            if test is not None and test(o.value):
                if o.commune == COMMITTEE:
                    place: tuple[UnitKey, _Table] | None = committee
                else:
                    place = at_end.get((o.commune, o.period.end), _UNKNOWN)
                    if place is _UNKNOWN:
                        place = self._place(o)
                if (
                    place is not None
                    and (o.numerator is None or (o.derived and ind_id in percent))
                    and (ind_id not in each_period or o.period.kind is not custom)
                ):
                    rec = _record(ObservationRecord, (i, o, place[0]))
                    group = place[1].get(ind_id)
                    if group is None:
                        place[1][ind_id] = [(len(records), rec)]
                    else:
                        group.append((len(records), rec))
                    append(rec)
                    continue
            self.observation(f"$.observations[{i}]", o)

    def _place(self, o: Observation) -> tuple[UnitKey, _Table] | None:
        """The unit an observation is about and its series table, ``None`` if none resolves."""
        if o.commune == COMMITTEE:
            return self._committee
        at = (o.commune, o.period.end)
        place = self._at_end.get(at, _UNKNOWN)
        if place is _UNKNOWN:
            unit = self.ix.resolve(o.commune, o.period.end)
            place = self._at_end[at] = None if unit is None else (unit, self._table(unit))
        return place

    def _table(self, unit: UnitKey) -> _Table:
        table = self._tables.get(unit)
        if table is None:
            table = self._tables[unit] = {}
        return table

    def observation(self, path: str, o: Observation) -> None:
        ind = self.ix.indicators.get(o.indicator)
        if ind is None:
            self.indicator(f"{path}.indicator", o.indicator)  # reports it, unless quiet
        place = self._place(o)
        if place is None:
            self.commune_at(
                f"{path}.commune", o.commune, o.period.end, f"the end of period {o.period}"
            )
        if ind is not None:
            if o.numerator is not None and ind.measure is not Measure.PERCENT:
                self.p.add(
                    f"{path}.numerator",
                    f"numerator and denominator are only for percent indicators; "
                    f"{ind.id!r} is a {ind.measure.value}",
                )
                return
            ratio = o.ratio_problem() if o.numerator is not None else None
            if ratio is not None:
                self.p.add(f"{path}.value", ratio)
            else:
                criteria = ind.criterion_ids if ind.measure is Measure.CHECKLIST else ()
                for msg in value_problems(ind.measure, o.value, criteria=criteria):
                    self.p.add(f"{path}.value", msg)
            if ind.accumulation is Accumulation.EACH_PERIOD and o.period.kind is PeriodKind.CUSTOM:
                self.p.add(
                    f"{path}.period",
                    f"{o.period} is not a calendar period; an each_period indicator needs "
                    "years, halves, quarters or months",
                )
        if place is not None and ind is not None:
            rec = ObservationRecord(path, o, place[0])
            place[1].setdefault(o.indicator, []).append((len(self.ix.records), rec))
            self.ix.records.append(rec)

    def sessions(self) -> None:
        for i, s in self.parts.working_sessions:
            path = f"$.working_sessions[{i}]"
            term = self.term(f"{path}.term", s.term)
            self.commune_at(f"{path}.commune", s.commune, s.date, "the session's date")
            if term is not None and not term.contains(s.date):
                self.p.add(
                    f"{path}.date",
                    f"{s.date.isoformat()} is outside term {term.id!r} "
                    f"({term.start.isoformat()} – {term.end.isoformat()}); a session lies "
                    "inside its term",
                )
            for j, topic in enumerate(s.topics):
                if (
                    topic not in self.ix.topics
                    and topic not in self.broken.topics
                    and ("topics" not in self.broken.whole)
                ):
                    self.p.add(
                        f"{path}.topics[{j}]",
                        f"{topic!r} is not a topic; use a built-in topic id or add it to the "
                        "dataset's topics",
                    )
            for j, c in enumerate(s.conclusions):
                for k, ind_id in enumerate(c.indicators):
                    self.indicator(f"{path}.conclusions[{j}].indicators[{k}]", ind_id)
            if s.status is SessionStatus.PLANNED:
                continue
            for j, o in enumerate(s.observations):
                opath = f"{path}.observations[{j}]"
                if o.commune != s.commune:
                    self.p.add(
                        f"{opath}.commune",
                        f"{o.commune!r} is not the session's commune {s.commune!r}; a session "
                        "records observations of its own commune",
                    )
                    continue
                self.observation(opath, o)

    def funds(self) -> None:
        self._plain_records = len(self.ix.records)
        for i, f in self.parts.funds:
            path = f"$.funds[{i}]"
            if f.owner != COMMITTEE:
                self.commune_at(f"{path}.owner", f.owner, f.opened_on, "the day the fund opened")
            if f.feeds is None:
                continue
            ind = self.indicator(f"{path}.feeds", f.feeds)
            if ind is None:
                continue
            if ind.measure is not Measure.MONEY:
                self.p.add(
                    f"{path}.feeds",
                    f"indicator {ind.id!r} is a {ind.measure.value}; a fund feeds only a money "
                    "indicator",
                )
                continue
            owner = COMMITTEE if f.owner == COMMITTEE else self.ix.resolve(f.owner, f.opened_on)
            if owner is None:
                continue  # reported above at .owner
            for o in f.fed_observations():
                unit = COMMITTEE if owner == COMMITTEE else self.ix.resolve(o.commune, o.period.end)
                if unit is None:
                    self.p.add(
                        f"{path}.owner",
                        f"the fund's receipts of {o.period} feed {ind.id!r} for commune "
                        f"{f.owner}, which is not valid on {o.period.end.isoformat()}; a fund "
                        "feeds observations only while its owner exists",
                    )
                    continue
                self.ix.records.append(ObservationRecord(path, o, unit))

    def resolve_observations(self) -> None:
        """Revisions, clashes and each series' effective observations (SPEC §2.2).

        Fund-fed series come first: they come from the ledger, so a clash lands on the other
        side; then every observation in document order. Records are grouped by series
        (unit, indicator); a series whose periods all end on different days has nothing to
        resolve, and any other is resolved record by record. Problems and superseded
        observations are reported in record order whatever the grouping.
        """
        plain = self.ix.records[: self._plain_records]
        fed = self.ix.records[self._plain_records :]
        fed_years: dict[tuple[UnitKey, str, int], ObservationRecord] = {}
        for rec in fed:
            fed_years[(rec.unit, rec.observation.indicator, rec.observation.period.end.year)] = rec
        each_period = {
            ind_id
            for ind_id, ind in self.ix.indicators.items()
            if ind.accumulation is Accumulation.EACH_PERIOD
        }
        found: list[tuple[int, Problem]] = []
        groups: Iterable[tuple[tuple[UnitKey, str], list[tuple[int, ObservationRecord]]]]
        if fed:  # fund-fed records first, then the others: group them afresh in that order
            regrouped: dict[tuple[UnitKey, str], list[tuple[int, ObservationRecord]]] = {}
            for n, rec in enumerate(itertools.chain(fed, plain)):
                if n >= len(fed) and self._fed_conflict(n, rec, fed_years, found):
                    continue
                regrouped.setdefault((rec.unit, rec.observation.indicator), []).append((n, rec))
            groups = regrouped.items()
        else:
            groups = (
                ((unit, ind_id), group)
                for unit, table in self._tables.items()
                for ind_id, group in table.items()
            )
        superseded: list[tuple[int, Superseded]] = []
        effective: dict[tuple[UnitKey, str], list[Observation]] = {}
        custom = PeriodKind.CUSTOM
        for key, group in groups:
            series = list(map(_observation_of, map(_second, group)))
            if len(series) > 1:
                ends = list(map(_end_of, series))
                # distinct ends: no two of one period, so nothing to resolve, and the period
                # order is the order of the ends (C-level keys: a million observations)
                simple = len(set(ends)) == len(ends) and (
                    key[1] not in each_period
                    or len({o.period.kind for o in series} - {custom}) <= 1
                )
                if simple:
                    if any(map(operator.ge, ends, ends[1:])):
                        series.sort(key=_end_of)
                else:
                    series = self._resolve_series(
                        group, one_length=key[1] in each_period, found=found, superseded=superseded
                    )
                    series.sort(key=_period_order)
            effective[key] = series
        found.sort(key=_first)
        self.p.items.extend(problem for _, problem in found)
        superseded.sort(key=_first)
        self.ix.superseded.extend(item for _, item in superseded)
        self.ix.effective = effective

    def _fed_conflict(
        self,
        n: int,
        rec: ObservationRecord,
        fed_years: dict[tuple[UnitKey, str, int], ObservationRecord],
        found: list[tuple[int, Problem]],
    ) -> bool:
        """An observation of a year a fund already feeds for the same unit and indicator."""
        o = rec.observation
        fund = next(
            (
                fed_years[k]
                for y in range(o.period.start.year, o.period.end.year + 1)
                if (k := (rec.unit, o.indicator, y)) in fed_years
            ),
            None,
        )
        if fund is None:
            return False
        found.append(
            (
                n,
                Problem(
                    rec.path,
                    f"conflicts with the receipts of the fund at {fund.path}, which feeds "
                    f"{o.indicator!r} for {o.commune} in {fund.observation.period}; drop "
                    "this observation or the fund's 'feeds'",
                ),
            )
        )
        return True

    def _resolve_series(
        self,
        group: list[tuple[int, ObservationRecord]],
        *,
        one_length: bool,
        found: list[tuple[int, Problem]],
        superseded: list[tuple[int, Superseded]],
    ) -> list[Observation]:
        """Resolve one series record by record: clashes, revisions, period lengths."""
        slots: dict[tuple[Period, int], ObservationRecord] = {}
        ends: dict[pendulum.Date, ObservationRecord] = {}
        best: dict[Period, ObservationRecord] = {}
        accepted: list[tuple[int, ObservationRecord]] = []
        for n, rec in group:
            o = rec.observation
            period = o.period
            taken = slots.get((period, o.revision))
            if taken is not None:
                message = (
                    f"another observation of {o.commune}, indicator {o.indicator!r}, period "
                    f"{period}, revision {o.revision} is at {taken.path}; give a correction a "
                    "higher revision"
                )
                found.append((n, Problem(rec.path, message)))
                continue
            other = ends.get(period.end)
            if other is not None and other.observation.period != period:
                message = (
                    f"period {period} ends on {period.end.isoformat()}, the same day as period "
                    f"{other.observation.period} at {other.path} (same commune and indicator); "
                    "periods of one series may not end on the same day"
                )
                found.append((n, Problem(f"{rec.path}.period", message)))
                continue
            slots[(period, o.revision)] = rec
            ends[period.end] = rec
            accepted.append((n, rec))
            current = best.get(period)
            if current is None or o.revision > current.observation.revision:
                best[period] = rec
        if one_length:
            self._one_length(accepted, found)
        for n, rec in accepted:
            winner = best[rec.observation.period]
            if winner is not rec:
                superseded.append(
                    (n, Superseded(rec.path, rec.observation, winner.path, winner.observation))
                )
        return [rec.observation for rec in best.values()]

    def _one_length(
        self,
        accepted: list[tuple[int, ObservationRecord]],
        found: list[tuple[int, Problem]],
    ) -> None:
        """An ``each_period`` series uses periods of one length within a term.

        The first period of the series in a term sets the length; a record of another length
        is reported once, against the first term (in the dataset's order) where it differs.
        """
        records = [(n, rec) for n, rec in accepted if rec.observation.period.kind is not _CUSTOM]
        terms = list(self.ix.terms.values())
        if len(terms) <= _SCAN:  # the usual one to four terms: look at each
            kinds: dict[str, tuple[PeriodKind, ObservationRecord]] = {}
            for n, rec in records:
                period = rec.observation.period
                clash: tuple[Term, tuple[PeriodKind, ObservationRecord]] | None = None
                for term in terms:
                    if term.contains(period.end):
                        first = kinds.setdefault(term.id, (period.kind, rec))
                        if clash is None and first[0] is not period.kind:
                            clash = (term, first)
                if clash is not None:
                    found.append((n, _length_problem(rec, *clash)))
            return
        for (n, rec), clash in zip(records, _length_clashes(records, terms), strict=True):
            if clash is not None:
                found.append((n, _length_problem(rec, *clash)))

    def committee_ratio(self) -> None:
        for (term_id, ind_id), scopes in self.ix.targets.items():
            ind = self.ix.indicators.get(ind_id)
            term = self.ix.terms.get(term_id)
            if COMMITTEE not in scopes or ind is None or term is None:
                continue
            if ind.across_units is not AcrossUnits.RATIO:
                continue
            plain = [
                pair
                for unit, table in self._tables.items()
                if unit != COMMITTEE
                for pair in table.get(ind_id, ())
            ]
            plain.sort(key=_first)
            fed = self.ix.records[self._plain_records :]
            for rec in itertools.chain((rec for _, rec in plain), fed):
                o = rec.observation
                if (
                    o.indicator == ind_id
                    and rec.unit != COMMITTEE
                    and term.contains(o.period.end)
                    and (o.numerator is None or o.denominator is None)
                ):
                    self.p.add(
                        rec.path,
                        f"the committee target for {ind_id!r} in term {term_id!r} combines "
                        "communes "
                        "by ratio, which needs numerator and denominator on every commune "
                        "observation in the term; add them",
                    )


_CUSTOM: Final = PeriodKind.CUSTOM


def _length_problem(
    rec: ObservationRecord, term: Term, first: tuple[PeriodKind, ObservationRecord]
) -> Problem:
    period = rec.observation.period
    return Problem(
        f"{rec.path}.period",
        f"{period} is a {period.kind.value}, but {first[1].path} uses a {first[0].value} for "
        f"the same commune, indicator and term {term.id!r}; an each_period indicator uses "
        "periods of one length",
    )


def _below(values: Sequence[Any], x: Any, *, inclusive: bool = False) -> int:
    """How many of the sorted ``values`` are below ``x`` (or equal to it, ``inclusive``).

    >>> _below([1, 3, 3, 5], 3), _below([1, 3, 3, 5], 3, inclusive=True)
    (1, 3)
    """
    lo, hi = 0, len(values)
    while lo < hi:
        mid = (lo + hi) // 2
        if values[mid] < x or (inclusive and values[mid] == x):
            lo = mid + 1
        else:
            hi = mid
    return lo


class _Minima:
    """A segment tree of minima over positions ``0 … size-1``, every value ``never`` at first.

    ``put`` lowers one position and ``least`` reads the minimum of a range; ``cover`` lowers a
    whole range and ``at`` reads one position through the ranges covering it.
    """

    def __init__(self, size: int, never: int) -> None:
        self.width = 1
        while self.width < size:
            self.width *= 2
        self.never = never
        self.low = [never] * (2 * self.width)

    def put(self, position: int, value: int) -> None:
        node = position + self.width
        while node and self.low[node] > value:
            self.low[node] = value
            node >>= 1

    def least(self, lo: int, hi: int) -> int:
        best, a, b = self.never, lo + self.width, hi + self.width
        while a < b:
            if a & 1:
                best = min(best, self.low[a])
                a += 1
            if b & 1:
                b -= 1
                best = min(best, self.low[b])
            a, b = a >> 1, b >> 1
        return best

    def cover(self, lo: int, hi: int, value: int) -> None:
        a, b = lo + self.width, hi + self.width
        while a < b:
            if a & 1:
                self.low[a] = min(self.low[a], value)
                a += 1
            if b & 1:
                b -= 1
                self.low[b] = min(self.low[b], value)
            a, b = a >> 1, b >> 1

    def at(self, position: int) -> int:
        best, node = self.never, position + self.width
        while node:
            best = min(best, self.low[node])
            node >>= 1
        return best


def _length_clashes(
    records: list[tuple[int, ObservationRecord]], terms: list[Term]
) -> list[tuple[Term, tuple[PeriodKind, ObservationRecord]] | None]:
    """What :meth:`_Checker._one_length` finds, in O((records + terms) log), for many terms.

    A term's length is set by its first record (the least position whose period ends in
    it); a record clashes with the first term, in order, that contains its end and whose
    first record has another length.
    """
    ends = sorted({rec.observation.period.end for _, rec in records})
    where = {end: i for i, end in enumerate(ends)}
    firsts = _Minima(len(ends), len(records))
    for k, (_, rec) in enumerate(records):
        firsts.put(where[rec.observation.period.end], k)
    by_kind: dict[PeriodKind, _Minima] = {}
    first_of: dict[int, int] = {}
    for t, term in enumerate(terms):
        lo, hi = _below(ends, term.start), _below(ends, term.end, inclusive=True)
        k = firsts.least(lo, hi)
        if k < len(records):  # some record ends in the term
            first_of[t] = k
            kind = records[k][1].observation.period.kind
            by_kind.setdefault(kind, _Minima(len(ends), len(terms))).cover(lo, hi, t)
    out: list[tuple[Term, tuple[PeriodKind, ObservationRecord]] | None] = []
    for _, rec in records:
        period = rec.observation.period
        position = where[period.end]
        t = min(
            (tree.at(position) for kind, tree in by_kind.items() if kind is not period.kind),
            default=len(terms),
        )
        if t < len(terms):
            first = records[first_of[t]][1]
            out.append((terms[t], (first.observation.period.kind, first)))
        else:
            out.append(None)
    return out


#: Communes sharing one code are compared pair by pair up to this many (codes are reused a
#: few times at most); beyond, :func:`first_overlaps` keeps a hostile document linear.
_SCAN: Final = 16
_FIRST_DAY: Final = pendulum.Date(1, 1, 1)
_LAST_DAY: Final = pendulum.Date(9999, 12, 31)


def _since(c: Commune) -> pendulum.Date:
    return c.valid_from or _FIRST_DAY


def _until(c: Commune) -> pendulum.Date:
    return c.valid_to or _LAST_DAY


def first_overlaps(spans: Sequence[tuple[int, int]]) -> list[int | None]:
    """For each closed span ``(first, last)``, the first earlier span sharing a day with it.

    The answer is the earlier span's position, or ``None`` when no earlier span overlaps.

    Two spans overlap exactly when the later start of the two lies in both, so it is enough
    to record, for each start, the first span covering it (each start is covered once: a
    span skips starts already covered) and to take the least over the starts in a span: a
    segment tree of minima, O(n log n) in all.

    >>> first_overlaps([(1, 5), (7, 9), (5, 7), (10, 12), (0, 20)])
    [None, None, 0, None, 0]
    """
    starts = sorted({first for first, _ in spans})
    size = 1
    while size < len(starts):
        size *= 2
    never = len(spans)
    least = [never] * (2 * size)  # least[size + p]: the first span covering starts[p]
    ahead = list(range(len(starts) + 1))  # ahead[p]: a start ≥ p not covered yet

    def uncovered(p: int) -> int:
        while ahead[p] != p:
            ahead[p] = ahead[ahead[p]]
            p = ahead[p]
        return p

    out: list[int | None] = []
    for k, (first, last) in enumerate(spans):
        lo, hi = _below(starts, first), _below(starts, last, inclusive=True)
        best, a, b = never, lo + size, hi + size
        while a < b:
            if a & 1:
                best = min(best, least[a])
                a += 1
            if b & 1:
                b -= 1
                best = min(best, least[b])
            a, b = a >> 1, b >> 1
        out.append(None if best == never else best)
        p = uncovered(lo)
        while p < hi:
            node = p + size
            while node and least[node] > k:
                least[node] = k
                node >>= 1
            ahead[p] = p + 1
            p = uncovered(p + 1)
    return out


def analyse(parts: Parts, broken: Broken | None = None) -> tuple[Index, list[Problem]]:
    """Check every dataset-level rule; return the resolved index and all problems found."""
    return _Checker(parts, broken or Broken()).run()


def enumerate_all(mapping: Mapping[str, Sequence[object]]) -> dict[str, list[Item]]:
    """``{name: [(0, a), (1, b)]}`` for each collection: positions for :class:`Parts`."""
    return {name: list(enumerate(items)) for name, items in mapping.items()}
