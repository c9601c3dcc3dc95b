"""Carrying a dataset across mergers: observations re-expressed on the units of a later day."""

from __future__ import annotations

import datetime as _dt
from collections import defaultdict
from collections.abc import Mapping, Sequence
from decimal import Decimal
from typing import Any

import attrs
import pendulum

from mttq_core.model import (
    ALL,
    COMMITTEE,
    Commune,
    Dataset,
    DatasetError,
    Measure,
    Observation,
    Period,
)

from ._check import _matches
from ._registry import Registry, RegistryError, Step, Unit, _day, registry

__all__ = ["Carried", "Rebased", "Refused", "rebase"]


@attrs.frozen
class Carried:
    """An observation re-expressed on a successor, with the paths it was built from."""

    observation: Observation
    sources: tuple[str, ...]  # JSON paths in the original dataset
    members: tuple[str, ...]  # codes of the predecessor communes


@attrs.frozen
class Refused:
    """Something that could not be carried honestly, and why."""

    path: str
    reason: str


@attrs.frozen
class Rebased:
    """The result of :func:`rebase`: the dataset on the units of ``on``, and the accounts.

    Every observation of the original dataset is either kept (its commune did not change),
    a source of exactly one ``carried`` observation, or ``refused`` with a reason (the yearly
    receipts of a fund whose commune could not be carried go with the fund's refusal).
    """

    on: pendulum.Date
    dataset: Dataset
    carried: tuple[Carried, ...]
    refused: tuple[Refused, ...]
    successors: dict[str, str]  # original commune path -> successor code


@attrs.frozen
class _Group:
    unit: Unit
    members: list[tuple[int, Commune]] = attrs.field(factory=list)


def _successor(reg: Registry, c: Commune, on: pendulum.Date) -> Unit | str:
    """The unit ``c`` is part of on ``on``, or why there is none."""
    if c.valid_from is not None and c.valid_from > on:
        return f"{c.name!r} ({c.code}) only begins on {c.valid_from.isoformat()}, after {on}"
    last = min(c.valid_to, on) if c.valid_to is not None else on
    found = reg.lookup(c.code, last)
    own = [u for u in found.candidates if _matches(c, u)]
    if not own:
        return (
            f"{c.name!r} ({c.code}) is not in the registry as declared on {last.isoformat()}; "
            "check it with `mttq-core validate --units`"
        )
    unit = own[0]
    order = [s.id for s in reg.snapshots]
    code, snap = unit.code, unit.snapshots[0]
    current = unit
    # Follow the crosswalk snapshot by snapshot until the unit that surely holds ``on`` (its
    # province may differ: provinces were merged on 2025-07-01 too).
    while reg.snapshot_of(current, on) != snap:
        i = order.index(snap)
        if i + 1 == len(order) or (current.valid_from is not None and on < current.valid_from):
            return f"{current.title} ({current.code}) is not surely in force on {on.isoformat()}"
        nxt = order[i + 1]
        steps = reg.steps_from(code, snap)
        targets = {(s.target, s.target_snapshot) for s in steps}
        if not steps:
            if nxt in current.snapshots:  # the same unit goes on: no change recorded
                snap = nxt
                continue
            return (
                f"the registry's crosswalk gives no successor of {code} from snapshot {snap} "
                "(no source for that reform here)"
            )
        if len(targets) > 1:
            listed = "; ".join(
                f"{s.target} ({s.basis}{', share ' + str(s.share) if s.share is not None else ''})"
                for s in steps
            )
            kind = "divided" if len({s.basis for s in steps}) == 1 else "disputed"
            return (
                f"{code} of snapshot {snap} has several successors ({listed}): it was {kind}; its "
                "observations cannot be apportioned without data below the commune"
            )
        code, snap = next(iter(targets))
        if snap not in order[i + 1 :]:
            return f"the crosswalk maps {code} to snapshot {snap!r}, which does not follow {nxt}"
        nexts = [u for u in reg.units if u.code == code and snap in u.snapshots]
        if not nexts:
            return f"the crosswalk names {code} in snapshot {snap}, which the registry lacks"
        current = nexts[0]
    return current


def _parts(
    reg: Registry,
    unit: Unit,
    on: pendulum.Date,
    into: Mapping[tuple[str, str], Sequence[Step]],
    out_of: Mapping[tuple[str, str], Sequence[Step]],
) -> dict[Unit, bool]:
    """Every registry unit whose territory went into ``unit`` by ``on``, ``unit`` included.

    The value says whether all of it did (``False``: the unit, or one it went into on the
    way, was divided among several successors or mapped differently by the sources).
    """
    order = [s.id for s in reg.snapshots]
    at = {(u.code, snap): u for u in reg.units for snap in u.snapshots}
    whole: dict[Unit, bool] = {}
    start = reg.snapshot_of(unit, on)
    todo = [((unit.code, start), True)] if start is not None else []
    seen: set[tuple[tuple[str, str], bool]] = set()
    while todo:
        item = todo.pop()
        if item in seen:
            continue
        seen.add(item)
        (code, snap), all_of = item
        u = at.get((code, snap))
        if u is None or snap not in order:
            continue
        whole[u] = whole.get(u, True) and all_of
        i = order.index(snap)
        if i == 0:
            continue
        prev = order[i - 1]
        if prev in u.snapshots and not out_of.get((code, prev)):  # the same unit goes on
            todo.append(((code, prev), all_of))
        for step in into.get((code, snap), ()):
            leaving = out_of[(step.source, step.source_snapshot)]
            one = len({(t.target, t.target_snapshot) for t in leaving}) == 1
            todo.append(((step.source, step.source_snapshot), all_of and one))
    return whole


def _incomplete(
    unit: Unit,
    parts: Mapping[Unit, bool],
    members: Sequence[Commune],
    reported: Sequence[Commune],
    day: pendulum.Date,
) -> str | None:
    """Why the values ``reported`` for a period ending on ``day`` do not add up to ``unit``."""
    title = f"{unit.title} ({unit.code})"
    divided = sorted((u for u, whole in parts.items() if not whole and u.maybe_on(day)), key=_key)
    if divided:
        listed = ", ".join(f"{u.title} ({u.code})" for u in divided)
        return (
            f"{title} includes only part of {listed} (divided among several successors, or "
            "mapped differently by the sources); that part's share cannot be known"
        )
    why = []
    missing = [c.code for c in members if c.valid_on(day) and c not in reported]
    if missing:
        why.append(f"merged part(s) {', '.join(missing)} of {title} did not report it")
    outside = sorted(
        (
            u
            for u in parts
            if u.surely_on(day) and not any(c.code == u.code and c.valid_on(day) for c in members)
        ),
        key=_key,
    )
    if outside:
        listed = ", ".join(f"{u.title} ({u.code})" for u in outside)
        why.append(
            f"{listed}, part of {title} on {day.isoformat()}, "
            f"{'is' if len(outside) == 1 else 'are'} not among the dataset's communes"
        )
    return "; ".join(why) + "; a partial sum would undercount" if why else None


def _key(u: Unit) -> tuple[str, tuple[str, ...]]:
    return u.code, u.snapshots


def _combine(
    measure: Measure, unit: Unit, group: list[tuple[str, Observation]]
) -> Observation | str:
    obs = [o for _, o in group]
    first = obs[0]
    names = ", ".join(p for p, _ in group)
    source = f"Gộp theo đơn vị {unit.title} ({unit.code}) từ {names}"
    reported = [o.reported_on for o in obs if o.reported_on is not None]
    common: dict[str, Any] = {
        "commune": unit.code,
        "indicator": first.indicator,
        "period": first.period,
        "source": source,
        "reported_on": max(reported) if reported else None,
    }
    if len(obs) == 1:
        return Observation(
            value=first.value if not first.derived else None,
            numerator=first.numerator,
            denominator=first.denominator,
            **common,
        )
    if measure in (Measure.COUNT, Measure.MONEY):
        total = sum((o.value for o in obs if isinstance(o.value, Decimal)), Decimal(0))
        return Observation(value=total, **common)
    if measure is Measure.PERCENT:
        if any(o.numerator is None or o.denominator is None for o in obs):
            return "a percent of merged units needs numerator and denominator on every part"
        num = sum(o.numerator or 0 for o in obs)
        den = sum(o.denominator or 0 for o in obs)
        return Observation(numerator=num, denominator=den, **common)
    return (
        f"a {measure.value} cannot be combined across merged units (only counts and money are "
        "summed, and percents with numerator and denominator)"
    )


def rebase(dataset: Dataset, *, on: _dt.date | str, using: Registry | None = None) -> Rebased:
    """Re-express ``dataset`` on the units in force on ``on``.

    Communes that were merged are replaced by their successor (valid with no start date: the
    new dataset tells the whole history on the units of ``on``); their observations are
    combined per (indicator, period) — sums for count and money, ratios from numerators and
    denominators for percent — with the original paths kept as provenance. Refused, with a
    reason, is what cannot be carried honestly: a unit divided among several successors (or
    mapped differently by the sources) — and the periods of a successor that received part of
    one —, a period some merged part did not report or a part the dataset lacks (a partial
    sum would undercount), a measure that does not add up, and the targets, working sessions
    and funds of units that no longer exist. Communes unchanged on ``on`` (nothing else went
    into them) are kept as they are.

    >>> import mttq_core
    >>> ex = mttq_core.example()
    >>> r = rebase(ex, on="2025-03-01")
    >>> sorted({c.name for c in r.dataset.communes} - {c.name for c in ex.communes})
    ['Kim Đức', 'Phú Sơn', 'Thiên Đức']
    """
    reg = using or registry()
    day = _day(on)
    refused: list[Refused] = []
    groups: dict[tuple[str, tuple[str, ...]], _Group] = {}
    successors: dict[str, str] = {}
    lost: set[int] = set()
    for i, c in enumerate(dataset.communes):
        found = _successor(reg, c, day)
        if isinstance(found, str):
            refused.append(Refused(f"$.communes[{i}]", found))
            lost.add(i)
            continue
        key = (found.code, found.snapshots)
        groups.setdefault(key, _Group(found)).members.append((i, c))
        successors[f"$.communes[{i}]"] = found.code
    paths = {o: p for p, o in dataset.all_observations()}
    into: dict[tuple[str, str], list[Step]] = defaultdict(list)
    out_of: dict[tuple[str, str], list[Step]] = defaultdict(list)
    for step in reg.crosswalk:
        into[step.target, step.target_snapshot].append(step)
        out_of[step.source, step.source_snapshot].append(step)
    effective: set[str] = set()
    kept_communes: list[Commune] = []
    new_communes: list[Commune] = []
    changed: dict[Commune, Unit] = {}
    parts: dict[Unit, dict[Unit, bool]] = {}
    for g in groups.values():
        parts[g.unit] = _parts(reg, g.unit, day, into, out_of)
        (only,) = g.members if len(g.members) == 1 else (None,)
        if (
            only is not None
            and only[1].code == g.unit.code
            and only[1].valid_on(day)
            # nothing else went into it: no history to re-express
            and all(u.code == g.unit.code and whole for u, whole in parts[g.unit].items())
        ):
            kept_communes.append(only[1])
            continue
        new_communes.append(
            Commune(
                code=g.unit.code,
                name=g.unit.name,
                kind=g.unit.kind,
                district_code=g.unit.district,
                province_code=g.unit.province,
                valid_to=g.unit.valid_to,
            )
        )
        for _, c in g.members:
            changed[c] = g.unit
    carried: list[Carried] = []
    new_obs: list[Observation] = []
    for g in groups.values():
        members = [c for _, c in g.members if c in changed]
        if not members:
            continue
        for indicator in dataset.indicators:
            by_period: dict[Period, list[tuple[str, Observation, Commune]]] = defaultdict(list)
            for c in members:
                for o in dataset.series(c, indicator.id):
                    by_period[o.period].append((paths[o], o, c))
                    effective.add(paths[o])
            for period, items in sorted(by_period.items(), key=lambda kv: kv[0].end):
                gap = _incomplete(
                    g.unit, parts[g.unit], members, [c for *_, c in items], period.end
                )
                if gap is not None:
                    refused.extend(
                        Refused(p, f"{indicator.id} {period}: {gap}") for p, _, _ in items
                    )
                    continue
                result = _combine(indicator.measure, g.unit, [(p, o) for p, o, _ in items])
                if isinstance(result, str):
                    refused.extend(Refused(p, result) for p, _, _ in items)
                    continue
                new_obs.append(result)
                carried.append(
                    Carried(
                        result,
                        tuple(p for p, _, _ in items),
                        tuple(c.code for *_, c in items),
                    )
                )
    gone = {dataset.communes[i] for i in lost} | set(changed)

    def fate(c: Commune) -> str:
        if c in changed:
            return f"is part of {changed[c].title} ({changed[c].code}) on {day.isoformat()}"
        return f"could not be carried to {day.isoformat()}"

    # every observation of a commune that is gone is carried or refused, the others are kept
    for path, o in dataset.all_observations():
        if path in effective or path.startswith("$.funds"):  # a fund is refused as a whole
            continue
        owner = None if o.commune == COMMITTEE else _owner(dataset, o)
        if owner is not None and owner in gone:
            why = (
                "superseded by a later revision; only the effective one is carried"
                if owner in changed
                else "its commune could not be carried"
            )
            refused.append(Refused(path, why))
    kept_obs = [
        o for o in dataset.observations if o.commune == COMMITTEE or _owner(dataset, o) not in gone
    ]
    targets = []
    for i, t in enumerate(dataset.targets):
        if t.scope in (ALL, COMMITTEE):
            targets.append(t)
            continue
        term = dataset.term(t.term)
        owner = next(
            (c for c in dataset.communes if c.code == t.scope and c.overlaps(term.start, term.end)),
            None,
        )
        if owner is not None and owner in gone:
            refused.append(
                Refused(
                    f"$.targets[{i}]",
                    f"a target set for {owner.name} ({t.scope}), which {fate(owner)}, does not "
                    "transfer to its successor",
                )
            )
            continue
        targets.append(t)
    sessions = []
    for i, s in enumerate(dataset.working_sessions):
        owner = dataset.commune(s.commune, s.date)
        if owner in gone:
            refused.append(
                Refused(
                    f"$.working_sessions[{i}]",
                    f"held with {owner.name} ({owner.code}), which {fate(owner)}; the session "
                    "is not carried (its observations are accounted for one by one)",
                )
            )
            continue
        sessions.append(s)
    funds = []
    for i, f in enumerate(dataset.funds):
        owner_unit = None if f.owner == COMMITTEE else dataset.commune(f.owner, f.opened_on)
        if owner_unit is not None and owner_unit in gone:
            fed = (
                "; its yearly receipts are carried as observations where they add up"
                if owner_unit in changed and f.feeds is not None
                else ""
            )
            refused.append(
                Refused(
                    f"$.funds[{i}]",
                    f"owned by {owner_unit.name} ({owner_unit.code}), which {fate(owner_unit)}; "
                    f"the fund is not carried{fed}",
                )
            )
            continue
        funds.append(f)
    try:
        rebased = attrs.evolve(
            dataset,
            communes=[*kept_communes, *new_communes],
            observations=[*kept_obs, *new_obs],
            targets=targets,
            working_sessions=sessions,
            funds=funds,
        )
    except DatasetError as e:
        lines = "; ".join(f"{p.path}: {p.message}" for p in e.problems[:5])
        raise RegistryError(f"the rebased dataset is not valid: {lines}") from None
    return Rebased(
        on=day,
        dataset=rebased,
        carried=tuple(carried),
        refused=tuple(refused),
        successors=successors,
    )


def _owner(dataset: Dataset, o: Observation) -> Commune | None:
    try:
        return dataset.commune(o.commune, o.period.end)
    except KeyError:  # pragma: no cover - the dataset resolved it when it loaded
        return None
