"""Invariants at national scale (issue 9): the benchmark's 1.06 million observations.

The national dataset of ``bench/generate.py`` (10,600 communes x 20 indicators x 5 years, about
1 % of the 2021 figures revised: 1,062,136 observations) is generated and loaded once per
module (module-scoped fixtures); on it:

* ``loads(dumps(d)) == d``, and ``dumps`` is stable: ``dumps(loads(dumps(d))) == dumps(d)``;
* ``assess`` is deterministic: the scorecard's JSON (``scorecard_json``, what
  ``mttq-core assess --format json`` prints) is byte-identical on a second run over the same
  dataset, and on a shuffled copy of the document (SPEC §3.7 law 5, permutation): terms,
  communes, indicators, targets, milestones, observations and the criteria met of each checklist
  observation in a new order, every object's keys reversed, re-serialised with other
  separators and ASCII escapes. The communes' summaries (score, grade, rank), the explanations
  of a sample of communes and of the committee, ``superseded`` and ``series()`` agree too.

Order inside an indicator's ``criteria`` is kept: it is the order the checklist is shown in.
Each text is freed once it is loaded, and at most two datasets (up to 2 GB each) are alive at
a time; a failed comparison reports the first difference, never a diff of the whole text.
"""

from __future__ import annotations

import importlib
import json
import random
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any, NamedTuple

import pendulum
import pytest

import mttq_core
from mttq_core.report import assessment_dict, scorecard_json

BENCH = Path(__file__).resolve().parents[2] / "bench"
if str(BENCH) not in sys.path:
    sys.path.insert(0, str(BENCH))

# bench/ is not a package on mypy's path (pyproject's mypy `files`): import by name at run time
generate: Any = importlib.import_module("generate")

AS_OF = pendulum.Date.fromisoformat(generate.AS_OF)  # 2023-06-30: the term still runs
#: the seed of the shuffle (the generator has its own, generate.SEED)
SHUFFLE_SEED = 20250609
#: one commune in SAMPLE_EVERY is compared in depth (explanations, series)
SAMPLE_EVERY = 20

OBSERVATIONS = 1_062_136
COMMUNES = 10_600
INDICATORS = 20


# -- the shuffled copy -------------------------------------------------------------------


def _reversed_keys(node: Any) -> Any:
    """``node`` with the keys of every object in reverse order (lists keep theirs)."""
    if isinstance(node, dict):
        return {key: _reversed_keys(node[key]) for key in reversed(node)}
    if isinstance(node, list):
        return [_reversed_keys(item) for item in node]
    return node


def shuffled_text(doc: dict[str, Any], rng: random.Random) -> str:
    """The same dataset in another order, as other JSON text; consumes ``doc`` (in place).

    What SPEC gives no meaning to is reordered: the collections (SPEC §3.7 law 5), the
    milestones of a target (the latest one that ended counts), the criteria met of a checklist
    observation (a subset), every object's keys, the white space and the escapes.
    """
    checklists = {i["id"] for i in doc["indicators"] if i["measure"] == "checklist"}
    for key in ("terms", "communes", "indicators", "targets", "observations"):
        rng.shuffle(doc[key])
    for target in doc["targets"]:
        rng.shuffle(target.get("milestones", []))
    observations = doc.pop("observations")
    for obs in observations:
        if obs["indicator"] in checklists:
            rng.shuffle(obs["value"])
    # an observation is flat (its only list, the criteria met, holds strings): a million of
    # them are reversed here without the recursion; they come first, the other keys reversed
    out = {
        "observations": [{key: obs[key] for key in reversed(obs)} for obs in observations],
        **_reversed_keys(doc),
    }
    return json.dumps(out, ensure_ascii=True, separators=(", ", ": "))


# -- comparing without printing megabytes ------------------------------------------------


def text_difference(left: str, right: str) -> str | None:
    """Where two texts first differ (with context), or ``None`` if they are equal."""
    if left == right:
        return None
    at = next(
        (i for i, (a, b) in enumerate(zip(left, right, strict=False)) if a != b),
        min(len(left), len(right)),
    )
    return (
        f"lengths {len(left):,} and {len(right):,}; first difference at character {at:,}:\n"
        f"  {left[max(0, at - 300) : at + 300]!r}\n"
        f"  {right[max(0, at - 300) : at + 300]!r}"
    )


def first_mismatch(left: Sequence[object], right: Sequence[object]) -> str | None:
    """The first position where two sequences differ, or ``None`` if they are equal."""
    if len(left) != len(right):
        return f"lengths {len(left):,} and {len(right):,}"
    for n, (a, b) in enumerate(zip(left, right, strict=True)):
        if a != b:
            return f"at {n:,}:\n  {a!r}\n  {b!r}"
    return None


def dataset_difference(left: mttq_core.Dataset, right: mttq_core.Dataset) -> str | None:
    """The first field (and item) where two datasets differ, or ``None`` if they are equal."""
    if left == right:
        return None
    for field in (
        "format",
        "title",
        "committee",
        "notes",
        "terms",
        "communes",
        "indicators",
        "targets",
        "observations",
        "working_sessions",
        "funds",
        "topics",
    ):
        a, b = getattr(left, field), getattr(right, field)
        if a != b:
            where = first_mismatch(a, b) if isinstance(a, tuple) else f"{a!r} != {b!r}"
            return f"{field}: {where}"
    return "the datasets differ, but no field does"  # pragma: no cover - attrs eq is by field


def identity(o: mttq_core.Observation) -> tuple[object, ...]:
    """An observation independent of its place in the document (criteria met as a set)."""
    value = tuple(sorted(o.value)) if isinstance(o.value, tuple) else o.value
    return (
        o.commune,
        o.indicator,
        str(o.period),
        o.revision,
        value,
        o.numerator,
        o.denominator,
        o.source,
        o.reported_on,
    )


# -- what a scorecard is compared by -----------------------------------------------------


class Assessed(NamedTuple):
    """A scorecard reduced to what the tests compare; the scorecard itself is freed."""

    json: str
    summaries: tuple[tuple[object, ...], ...]
    explained: tuple[dict[str, Any], ...]


def sample(codes: Iterable[str]) -> set[str]:
    """One commune code in SAMPLE_EVERY, by code order (the same in every copy)."""
    return {code for n, code in enumerate(sorted(codes)) if n % SAMPLE_EVERY == 0}


def assessed(dataset: mttq_core.Dataset) -> Assessed:
    card = mttq_core.assess(dataset, as_of=AS_OF)
    chosen = sample(c.code for c in dataset.communes)
    return Assessed(
        json=scorecard_json(card),
        summaries=tuple(
            (
                s.commune,
                s.name,
                s.score,
                s.coverage,
                s.grade.id if s.grade else None,
                s.rank,
                s.targets,
                s.met,
                tuple((k.value, n) for k, n in s.by_status.items()),
            )
            for s in card.communes
        ),
        explained=tuple(
            assessment_dict(a, explain=True)
            for a in (*card.assessments, *card.committee)
            if a.unit in chosen or a.unit == mttq_core.COMMITTEE
        ),
    )


def same_assessment(left: Assessed, right: Assessed) -> None:
    difference = text_difference(left.json, right.json)
    assert difference is None, f"the scorecard JSON differs: {difference}"
    mismatch = first_mismatch(left.summaries, right.summaries)
    assert mismatch is None, f"the communes' summaries differ {mismatch}"
    mismatch = first_mismatch(left.explained, right.explained)
    assert mismatch is None, f"the explained sample differs {mismatch}"


# -- fixtures: each big object is made once, and freed when its last user is done ---------


@pytest.fixture(scope="module")
def texts() -> dict[str, str]:
    """The national document as the generator writes it, and shuffled (popped when loaded)."""
    doc = generate.generate("national")
    original: str = generate.dumps(doc)
    rng = random.Random(SHUFFLE_SEED)  # noqa: S311 — a reproducible order, not a secret
    return {"original": original, "shuffled": shuffled_text(doc, rng)}


@pytest.fixture(scope="module")
def national(texts: dict[str, str]) -> mttq_core.Dataset:
    return mttq_core.loads(texts.pop("original"))


@pytest.fixture(scope="module")
def first_run(national: mttq_core.Dataset) -> Assessed:
    return assessed(national)


@pytest.fixture(scope="module")
def shuffled(texts: dict[str, str]) -> mttq_core.Dataset:
    return mttq_core.loads(texts.pop("shuffled"))


# -- the tests (in this order: at most two datasets are alive at a time) ------------------


def test_the_national_dataset_is_the_issues(national: mttq_core.Dataset) -> None:
    assert len(national.observations) == OBSERVATIONS
    assert len(national.communes) == COMMUNES
    assert len(national.indicators) == INDICATORS
    assert len(national.superseded) == OBSERVATIONS - COMMUNES * INDICATORS * 5


def test_loads_dumps_round_trip(national: mttq_core.Dataset) -> None:
    text = mttq_core.dumps(national)
    again = mttq_core.loads(text)
    difference = dataset_difference(again, national)
    assert difference is None, f"loads(dumps(d)) != d: {difference}"
    difference = text_difference(mttq_core.dumps(again), text)
    assert difference is None, f"dumps(loads(dumps(d))) != dumps(d): {difference}"


def test_assess_twice_gives_the_same_bytes(
    national: mttq_core.Dataset, first_run: Assessed
) -> None:
    assert len(first_run.summaries) == COMMUNES
    same_assessment(first_run, assessed(national))


def test_the_shuffled_copy_is_the_same_data_in_another_order(
    national: mttq_core.Dataset, shuffled: mttq_core.Dataset
) -> None:
    for field in ("communes", "indicators", "targets", "observations"):
        a, b = getattr(national, field), getattr(shuffled, field)
        assert len(a) == len(b), field
        assert a[:50] != b[:50], f"{field} were not shuffled"
    for field in ("communes", "indicators", "targets"):
        assert set(getattr(national, field)) == set(getattr(shuffled, field)), field


def test_assess_on_the_shuffled_copy_gives_the_same_bytes(
    first_run: Assessed, shuffled: mttq_core.Dataset
) -> None:
    same_assessment(first_run, assessed(shuffled))


def test_superseded_is_the_same_set(
    national: mttq_core.Dataset, shuffled: mttq_core.Dataset
) -> None:
    def identities(dataset: mttq_core.Dataset) -> set[tuple[object, ...]]:
        return {(identity(s.observation), identity(s.by)) for s in dataset.superseded}

    expected = identities(national)
    assert len(expected) == len(national.superseded) == len(shuffled.superseded)
    assert identities(shuffled) == expected


def test_series_are_the_same_for_a_sample(
    national: mttq_core.Dataset, shuffled: mttq_core.Dataset
) -> None:
    term = national.terms[0]
    ids = sorted(i.id for i in national.indicators)
    compared = 0
    for code in sorted(sample(c.code for c in national.communes)):
        a, b = national.commune(code, term.start), shuffled.commune(code, term.start)
        assert a == b
        for indicator in ids:
            left = [identity(o) for o in national.series(a, indicator)]
            right = [identity(o) for o in shuffled.series(b, indicator)]
            assert left == right, (code, indicator)
            compared += len(left)
    assert compared >= COMMUNES // SAMPLE_EVERY * INDICATORS * 5
