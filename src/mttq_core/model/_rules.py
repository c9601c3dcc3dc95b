"""Dataset-level rules (SPEC §2.2) and the resolved index the scoring reads.

:func:`analyse` checks every cross-entity rule in one pass and returns the index together
with **all** problems found. Items come as ``(position, entity)`` pairs so that a loader
that dropped structurally broken items still reports the original JSON positions, and
``broken`` names ids whose entity could not be read, so that references to them are not
reported a second time as dangling.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from decimal import Decimal
from typing import TypeAlias, TypeVar

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
from ._values import value_problems

__all__ = ["Broken", "Index", "ObservationRecord", "Parts", "Superseded", "UnitKey", "analyse"]

#: Who an observation or target is about: a commune (resolved at its date) or the committee.
UnitKey: TypeAlias = Commune | str

Item: TypeAlias = tuple[int, object]
_HasId = TypeVar("_HasId", Term, Indicator, WorkingSession, Fund)


@attrs.frozen
class ObservationRecord:
    """An observation with where it came from and the unit its commune code resolved to."""

    path: str
    observation: Observation
    unit: UnitKey


@attrs.frozen
class Superseded:
    """An observation kept in the data but replaced by a higher revision."""

    path: str
    observation: Observation
    by_path: str
    by: Observation


@attrs.frozen(kw_only=True)
class Parts:
    """The collections of a dataset, each item with its position in the document."""

    terms: Sequence[tuple[int, Term]] = ()
    communes: Sequence[tuple[int, Commune]] = ()
    indicators: Sequence[tuple[int, Indicator]] = ()
    targets: Sequence[tuple[int, Target]] = ()
    observations: Sequence[tuple[int, Observation]] = ()
    working_sessions: Sequence[tuple[int, WorkingSession]] = ()
    funds: Sequence[tuple[int, Fund]] = ()
    topics: Sequence[tuple[int, Topic]] = ()


@attrs.frozen(kw_only=True)
class Broken:
    """Ids (or codes) of items that could not be read; references to them stay quiet."""

    terms: frozenset[str] = frozenset()
    communes: frozenset[str] = frozenset()
    indicators: frozenset[str] = frozenset()
    topics: frozenset[str] = frozenset()
    whole: frozenset[str] = frozenset()  # collections that could not be read at all


@attrs.define
class Index:
    """What the rules resolved, for the scoring and the reports to read."""

    terms: dict[str, Term] = attrs.Factory(dict)
    indicators: dict[str, Indicator] = attrs.Factory(dict)
    communes_by_code: dict[str, list[Commune]] = attrs.Factory(dict)
    topics: dict[str, str] = attrs.Factory(dict)
    #: Targets by key: (term, indicator) → scope → target.
    targets: dict[tuple[str, str], dict[str, Target]] = attrs.Factory(dict)
    #: Commune-scope targets resolved to their commune: (term, indicator, commune) → target.
    commune_targets: dict[tuple[str, str, Commune], Target] = attrs.Factory(dict)
    records: list[ObservationRecord] = attrs.Factory(list)
    #: Effective observations (highest revision per period), sorted by period end.
    effective: dict[tuple[UnitKey, str], list[Observation]] = attrs.Factory(dict)
    superseded: list[Superseded] = attrs.Factory(list)

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
            clash = next(
                (
                    (j, other)
                    for j, other in placed[c.code]
                    if other.overlaps(
                        c.valid_from or pendulum.Date(1, 1, 1),
                        c.valid_to or pendulum.Date(9999, 12, 31),
                    )
                ),
                None,
            )
            if clash is not None:
                j, other = clash
                self.p.add(
                    f"$.communes[{i}].code",
                    f"code {c.code} is already used by communes[{j}] ({other.name}, valid "
                    f"{other.validity()}) over an overlapping period (this one: {c.validity()}); "
                    "two communes share a code only if their validity intervals are disjoint",
                )
            placed[c.code].append((i, c))
        self.ix.communes_by_code = {
            code: sorted(
                (c for _, c in items), key=lambda c: c.valid_from or pendulum.Date(1, 1, 1)
            )
            for code, items in placed.items()
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
        for i, o in self.parts.observations:
            self.observation(f"$.observations[{i}]", o)

    def observation(self, path: str, o: Observation) -> None:
        ind = self.indicator(f"{path}.indicator", o.indicator)
        unit: UnitKey | None
        if o.commune == COMMITTEE:
            unit = COMMITTEE
        else:
            unit = self.commune_at(
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
            ratio = o.ratio_problem()
            if ratio is not None:
                self.p.add(f"{path}.value", ratio)
            else:
                for msg in value_problems(ind.measure, o.value, criteria=ind.criterion_ids):
                    self.p.add(f"{path}.value", msg)
            if ind.accumulation is Accumulation.EACH_PERIOD and o.period.kind is PeriodKind.CUSTOM:
                self.p.add(
                    f"{path}.period",
                    f"{o.period} is not a calendar period; an each_period indicator needs "
                    "years, halves, quarters or months",
                )
        if unit is not None and ind is not None:
            self.ix.records.append(ObservationRecord(path, o, unit))

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
        slots: dict[tuple[UnitKey, str, Period, int], ObservationRecord] = {}
        ends: dict[tuple[UnitKey, str, pendulum.Date], ObservationRecord] = {}
        fed_years: dict[tuple[UnitKey, str, int], ObservationRecord] = {}
        kinds: dict[tuple[UnitKey, str, str], tuple[PeriodKind, ObservationRecord]] = {}
        best: dict[tuple[UnitKey, str, Period], ObservationRecord] = {}
        terms = list(self.ix.terms.values())
        # fund-fed series first: they come from the ledger, so a clash lands on the other side
        records = sorted(self.ix.records, key=lambda r: not r.path.startswith("$.funds"))
        for rec in records:
            if rec.path.startswith("$.funds"):
                fed_years[
                    (rec.unit, rec.observation.indicator, rec.observation.period.end.year)
                ] = rec
        for rec in records:
            o, unit = rec.observation, rec.unit
            is_fed = rec.path.startswith("$.funds")
            fund = None
            if not is_fed and fed_years:
                fund = next(
                    (
                        fed_years[k]
                        for y in range(o.period.start.year, o.period.end.year + 1)
                        if (k := (unit, o.indicator, y)) in fed_years
                    ),
                    None,
                )
            if fund is not None:
                self.p.add(
                    rec.path,
                    f"conflicts with the receipts of the fund at {fund.path}, which feeds "
                    f"{o.indicator!r} for {o.commune} in {fund.observation.period}; drop this "
                    "observation or the fund's 'feeds'",
                )
                continue
            slot = (unit, o.indicator, o.period, o.revision)
            if slot in slots:
                self.p.add(
                    rec.path,
                    f"another observation of {o.commune}, indicator {o.indicator!r}, period "
                    f"{o.period}, revision {o.revision} is at {slots[slot].path}; give a "
                    "correction a higher revision",
                )
                continue
            end_key = (unit, o.indicator, o.period.end)
            other = ends.get(end_key)
            if other is not None and other.observation.period != o.period:
                self.p.add(
                    f"{rec.path}.period",
                    f"period {o.period} ends on {o.period.end.isoformat()}, the same day as period "
                    f"{other.observation.period} at {other.path} (same commune and indicator); "
                    "periods of one series may not end on the same day",
                )
                continue
            slots[slot] = rec
            ends[end_key] = rec
            ind = self.ix.indicators[o.indicator]
            if (
                ind.accumulation is Accumulation.EACH_PERIOD
                and o.period.kind is not PeriodKind.CUSTOM
            ):
                for term in terms:
                    if not term.contains(o.period.end):
                        continue
                    kkey = (unit, o.indicator, term.id)
                    first = kinds.setdefault(kkey, (o.period.kind, rec))
                    if first[0] is not o.period.kind:
                        self.p.add(
                            f"{rec.path}.period",
                            f"{o.period} is a {o.period.kind.value}, but {first[1].path} uses a "
                            f"{first[0].value} for the same commune, indicator and term "
                            f"{term.id!r}; an each_period indicator uses periods of one length",
                        )
            key = (unit, o.indicator, o.period)
            current = best.get(key)
            if current is None or o.revision > current.observation.revision:
                best[key] = rec
        for rec in slots.values():
            o = rec.observation
            winner = best[(rec.unit, o.indicator, o.period)]
            if winner is not rec:
                self.ix.superseded.append(Superseded(rec.path, o, winner.path, winner.observation))
        effective: dict[tuple[UnitKey, str], list[Observation]] = defaultdict(list)
        for rec in best.values():
            effective[(rec.unit, rec.observation.indicator)].append(rec.observation)
        for series in effective.values():
            series.sort(key=lambda o: (o.period.end, o.period.start))
        self.ix.effective = dict(effective)

    def committee_ratio(self) -> None:
        for (term_id, ind_id), scopes in self.ix.targets.items():
            ind = self.ix.indicators.get(ind_id)
            term = self.ix.terms.get(term_id)
            if COMMITTEE not in scopes or ind is None or term is None:
                continue
            if ind.across_units is not AcrossUnits.RATIO:
                continue
            for rec in self.ix.records:
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


def analyse(parts: Parts, broken: Broken | None = None) -> tuple[Index, list[Problem]]:
    """Check every dataset-level rule; return the resolved index and all problems found."""
    return _Checker(parts, broken or Broken()).run()


def enumerate_all(mapping: Mapping[str, Sequence[object]]) -> dict[str, list[Item]]:
    """``{name: [(0, a), (1, b)]}`` for each collection: positions for :class:`Parts`."""
    return {name: list(enumerate(items)) for name, items in mapping.items()}
