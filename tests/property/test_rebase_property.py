"""Laws of ``rebase`` on random crosswalks (issue 6).

A random registry has ``n`` units in snapshot "2019" of one province and ``m`` new units in
snapshot "2025-01" (dated 2025-01-01). Each old unit goes on unchanged (sometimes), or goes
wholly into one successor, or is divided between two with shares. A random dataset declares
some of the old units and reports counts and money for them over 2019–2024, with gaps and
corrections. Rebased on 2025-03-01:

- a successor's value for (indicator, year) is carried exactly when every unit that went
  into it is in the dataset and reported, and none went into it only in part — and it is
  then the sum of the members' effective values;
- every observation of the dataset is kept, a source of exactly one carried observation, or
  refused — never two of these, never twice, never dropped;
- nothing of a divided unit is carried;
- the rebased dataset round-trips through JSON.

Values are built valid by construction (no ``assume``, no ``filter``).
"""

from __future__ import annotations

import json
from collections import Counter
from decimal import Decimal

import attrs
from hypothesis import given, settings
from hypothesis import strategies as st

import mttq_core as m
from mttq_core.registry import Registry
from mttq_core.registry._rebase import rebase

YEARS = range(2019, 2025)
INDICATORS = {"nha": ("count", 1_000), "quy": ("money", 10**12)}
DISTRICT, PROVINCE = "018", "01"


@attrs.frozen
class Old:
    code: str
    keeps: bool  # goes on unchanged into 2025-01 (as its own successor)
    identity_row: bool  # ... and the crosswalk says so (else only the snapshots do)
    targets: tuple[str, ...]  # successor codes: one, or two for a divided unit
    declared: bool  # the dataset lists it


@attrs.frozen
class Case:
    olds: tuple[Old, ...]
    news: tuple[str, ...]  # codes of the units new in 2025-01
    # (old code, indicator, year) -> the values of revisions 0, 1, …
    reports: dict[tuple[str, str, int], tuple[int, ...]]

    def registry(self) -> Registry:
        units = [
            {
                "code": o.code,
                "name": f"Cũ {o.code}",
                "kind": "xa",
                "district": DISTRICT,
                "province": PROVINCE,
                "snapshots": ["2019", "2025-01"] if o.keeps else ["2019"],
            }
            for o in self.olds
        ] + [
            {
                "code": code,
                "name": f"Mới {code}",
                "kind": "phuong",
                "district": DISTRICT,
                "province": PROVINCE,
                "snapshots": ["2025-01"],
            }
            for code in self.news
        ]
        rows = []
        for o in self.olds:
            if o.keeps and not o.identity_row:
                continue
            share = None if len(o.targets) == 1 else "0.5"
            rows += [
                {
                    "from": o.code,
                    "from_snapshot": "2019",
                    "to": t,
                    "to_snapshot": "2025-01",
                    "share": share,
                    "source": "s2",
                }
                for t in o.targets
            ]
        source = {"package": "p", "version": "1", "sha256": "0" * 64, "data_date": None}
        return Registry(
            {
                "format": "mttq-core/registry/1",
                "sources": [{"id": "s1", **source}, {"id": "s2", **source}],
                "snapshots": [
                    {"id": "2019", "label": "2019", "sources": ["s1"], "as_of": "2024-06-30"},
                    {"id": "2025-01", "label": "2025", "sources": ["s2"], "as_of": "2025-03-01"},
                ],
                "boundaries": [
                    {
                        "from": "2019",
                        "to": "2025-01",
                        "province": PROVINCE,
                        "date": "2025-01-01",
                        "basis": "Nghị quyết",
                    }
                ],
                "provinces": [],
                "districts": [],
                "units": units,
                "crosswalk": rows,
                "disagreements": [],
            }
        )

    def dataset(self) -> m.Dataset:
        communes = [
            {
                "code": o.code,
                "name": f"Cũ {o.code}",
                "kind": "xa",
                "district_code": DISTRICT,
                "province_code": PROVINCE,
                **({} if o.keeps else {"valid_to": "2024-12-31"}),
            }
            for o in self.olds
            if o.declared
        ]
        observations = [
            {
                "commune": code,
                "indicator": indicator,
                "period": str(year),
                "value": value,
                "revision": revision,
                "source": f"Báo cáo năm {year}",
            }
            for (code, indicator, year), values in self.reports.items()
            for revision, value in enumerate(values)
        ]
        doc = {
            "format": "mttq-core/1",
            "title": "Ngẫu nhiên",
            "committee": {"name": "Ủy ban MTTQ"},
            "terms": [{"id": "t", "name": "t", "start": "2019-04-12", "end": "2024-04-30"}],
            "communes": communes,
            "indicators": [
                {
                    "id": i,
                    "name": i,
                    "measure": measure,
                    "unit": "đơn vị",
                    "direction": "increase",
                    "accumulation": "sum",
                    "across_units": "sum",
                }
                for i, (measure, _) in INDICATORS.items()
            ],
            "observations": observations,
        }
        return m.loads(json.dumps(doc))


@st.composite
def cases(draw: st.DrawFn) -> Case:
    n = draw(st.integers(1, 6))
    old_codes = [f"{100 + i:05d}" for i in range(n)]
    keeps = draw(st.lists(st.sampled_from([False, False, False, True]), min_size=n, max_size=n))
    # new units: a fresh code, or the code of an old unit that does not go on (code reuse)
    reusable = [c for c, k in zip(old_codes, keeps, strict=True) if not k]
    news: list[str] = []
    for j in range(draw(st.integers(0 if any(keeps) else 1, 3))):
        fresh = f"{200 + j:05d}"
        free = [c for c in reusable if c not in news]
        news.append(draw(st.sampled_from([fresh, *free])))
    successors = [c for c, k in zip(old_codes, keeps, strict=True) if k] + news
    olds = []
    for code, keep in zip(old_codes, keeps, strict=True):
        if keep:
            targets: tuple[str, ...] = (code,)
        elif len(successors) > 1 and draw(st.sampled_from([False, False, False, True])):
            first, second = draw(st.permutations(successors))[:2]
            targets = (first, second)
        else:
            targets = (draw(st.sampled_from(successors)),)
        declared = draw(st.sampled_from([True] * 5 + [False]))
        olds.append(Old(code, keep, draw(st.booleans()), targets, declared))
    reports: dict[tuple[str, str, int], tuple[int, ...]] = {}
    for o in olds:
        if not o.declared:
            continue
        for indicator, (_, top) in INDICATORS.items():
            for year in YEARS:
                revisions = draw(st.sampled_from([0, 1, 1, 1, 1, 1, 2]))  # 0: a gap
                if revisions:
                    values = st.integers(0, top)
                    reports[o.code, indicator, year] = tuple(draw(values) for _ in range(revisions))
    return Case(tuple(olds), tuple(news), reports)


def expected_carried(case: Case) -> dict[tuple[str, str, str], Decimal]:
    """The model: what an honest rebase carries, computed without the library."""
    out: dict[tuple[str, str, str], Decimal] = {}
    whole: dict[str, list[Old]] = {}
    divided: set[str] = set()
    for o in case.olds:
        if len(o.targets) == 1:
            whole.setdefault(o.targets[0], []).append(o)
        else:
            divided.update(o.targets)
    for successor, parts in whole.items():
        if successor in divided or not all(p.declared for p in parts):
            continue
        if len(parts) == 1 and parts[0].keeps:
            continue  # unchanged: kept as it is, not carried (a reused code is not unchanged)
        for indicator in INDICATORS:
            for year in YEARS:
                keys = [(p.code, indicator, year) for p in parts]
                if all(k in case.reports for k in keys):
                    total = sum(case.reports[k][-1] for k in keys)
                    out[successor, indicator, str(year)] = Decimal(total)
    return out


@settings(max_examples=100, deadline=None)
@given(cases())
def test_rebase_carries_honest_sums_and_accounts_for_every_observation(case: Case) -> None:
    ds, reg = case.dataset(), case.registry()
    r = rebase(ds, on="2025-03-01", using=reg)
    original = dict(ds.all_observations())

    # carried values are sums of their sources' values, exactly where the model says so
    got = {
        (c.observation.commune, c.observation.indicator, str(c.observation.period)): (
            c.observation.value
        )
        for c in r.carried
    }
    assert len(got) == len(r.carried)
    assert got == expected_carried(case)
    for c in r.carried:
        values = [original[p].value for p in c.sources]
        assert c.observation.value == sum(v for v in values if isinstance(v, Decimal))
        assert len(c.members) == len(c.sources)
        assert {original[p].period for p in c.sources} == {c.observation.period}

    # every observation exactly once: kept, carried or refused
    kept_units = [c for c in r.dataset.communes if any(c is d for d in ds.communes)]
    kept = [p for p, o in original.items() if any(c.code == o.commune for c in kept_units)]
    sources = [p for c in r.carried for p in c.sources]
    refused = [x.path for x in r.refused if x.path.startswith("$.observations")]
    assert Counter(kept + sources + refused) == Counter(list(original))
    kept_objects = [original[p] for p in kept]
    assert [o for o in r.dataset.observations if o in kept_objects] == kept_objects

    # nothing of a divided unit is carried, and its commune is refused
    divided = {o.code for o in case.olds if len(o.targets) > 1 and o.declared}
    assert not {original[p].commune for p in sources} & divided
    refused_communes = {x.path for x in r.refused if x.path.startswith("$.communes")}
    declared = [o for o in case.olds if o.declared]
    assert refused_communes == {
        f"$.communes[{i}]" for i, o in enumerate(declared) if o.code in divided
    }

    assert m.loads(m.dumps(r.dataset)) == r.dataset
