"""What fuzzing and the scale probes found: each crash or hang, as its minimal input.

Every test here failed before its fix (docs/reliability.md, "Crashes and hangs found and
fixed", tells each story). The inputs are as small as the failure allowed.
"""

from __future__ import annotations

import gc
import io
import json
from decimal import Decimal
from typing import Any

import pendulum
import pytest
from hostile import check_outcome, hard_timeout
from hypothesis import given, settings
from hypothesis import strategies as st

import mttq_core
from mttq_core.model import Measure, Observation, Term
from mttq_core.model._rules import ObservationRecord, _length_clashes, first_overlaps
from mttq_core.model._values import value_problems

HANG_SECONDS = 60


def example() -> dict[str, Any]:
    doc: dict[str, Any] = json.loads(mttq_core.dumps(mttq_core.example()))
    return doc


def problems_of(data: str | bytes) -> list[tuple[str, str]]:
    with pytest.raises(mttq_core.DatasetError) as info:
        mttq_core.loads(data)
    check_outcome(data)  # and the whole property holds
    return [(p.path, p.message) for p in info.value.problems]


def with_raw(doc: dict[str, Any], where: tuple[str | int, ...], literal: str) -> str:
    """``doc`` as JSON text with ``literal`` written as it is at ``where``."""
    node: Any = doc
    for step in where[:-1]:
        node = node[step]
    node[where[-1]] = "@@here@@"
    return json.dumps(doc, ensure_ascii=False).replace('"@@here@@"', literal, 1)


# == 1. an exponent beyond what a decimal holds: decimal.InvalidOperation escaped ==========


def test_an_exponent_beyond_decimal_range_is_a_problem_not_a_crash() -> None:
    assert problems_of("1e9999999999999999999") == [
        ("$", "expected a JSON object (the dataset), got a single value")
    ]
    text = with_raw(example(), ("observations", 0, "value"), "1e9999999999999999999")
    assert problems_of(text)[0] == (
        "$.observations[0].value",
        "1e9999999999999999999 is too large; numbers must be below 10^18",
    )


def test_a_negative_exponent_beyond_decimal_range_names_the_number_limit() -> None:
    text = with_raw(example(), ("targets", 0, "value"), "-1e-9999999999999999999")
    (problem,) = problems_of(text)
    assert problem == (
        "$.targets[0].value",
        (
            "a number of more than a billion characters (written out in digits) is longer than "
            "the limit of 100; raise Limits.max_number_length to read it"
        ),
    )


# == 2. a huge exponent inside the decimal range: decimal.Overflow in abs() ===============


@pytest.mark.parametrize("where", [("observations", 0, "value"), ("indicators", 0, "weight")])
def test_a_huge_exponent_is_too_large_not_unreadable(where: tuple[str | int, ...]) -> None:
    text = with_raw(example(), where, "1e999999999")
    path = "$." + ".".join(f"[{s}]" if isinstance(s, int) else s for s in where)
    assert (path.replace(".[", "["), "1E+999999999 is too large; numbers must be below 10^18") in (
        problems_of(text)
    )


# == 3. a tiny exponent: loaded, then dumps wrote a billion characters ======================


def test_a_tiny_exponent_is_refused_before_dumps_writes_it_out() -> None:
    """A valid quantity before: loads took it, dumps then wrote a billion zeros."""
    doc = example()
    quantity = next(i["id"] for i in doc["indicators"] if i["measure"] == "quantity")
    at = next(n for n, o in enumerate(doc["observations"]) if o["indicator"] == quantity)
    text = with_raw(doc, ("observations", at, "value"), "1e-999999999")
    with hard_timeout(HANG_SECONDS):
        problems = problems_of(text)
    assert problems == [
        (
            f"$.observations[{at}].value",
            (
                "a number of 1,000,000,001 characters (written out in digits) is longer than the "
                "limit of 100; raise Limits.max_number_length to read it"
            ),
        )
    ]


def test_a_long_number_is_refused_before_scoring_works_on_it() -> None:
    """100,000-digit values loaded, and assess then spent seconds per value on them."""
    doc = example()
    doc["observations"][1]["value"] = "1." + "1" * 2_000  # a decimal string
    text = with_raw(doc, ("observations", 2, "value"), "2." + "2" * 2_000)  # a JSON number
    assert [p for p, _ in problems_of(text)] == [
        "$.observations[1].value",
        "$.observations[2].value",
    ]


# == 4. a lone surrogate: loaded, then dump() to a file raised UnicodeEncodeError ===========


def test_a_lone_surrogate_is_refused() -> None:
    text = mttq_core.dumps(mttq_core.example()).replace('"title": "', '"title": "\\ud800', 1)
    assert problems_of(text) == [
        (
            "$.title",
            (
                "contains a lone UTF-16 surrogate (an escape like \\ud800 without its pair), "
                "which is not a character; write the character itself"
            ),
        )
    ]


def test_a_surrogate_pair_is_one_character_and_loads() -> None:
    text = mttq_core.dumps(mttq_core.example()).replace(
        '"title": "', '"title": "\\ud83c\\uddfb\\ud83c\\uddf3 ', 1
    )
    dataset = mttq_core.loads(text)
    assert dataset.title.startswith("🇻🇳 ")
    mttq_core.dump(dataset, io.BytesIO())


# == 5. abs() rounds to 28 digits: the careful path refused what the fast path took =========

BELOW_LIMIT = "999999999999999999.99999999999999"  # < 10^18, 32 significant digits


def test_a_number_just_below_the_limit_loads_on_both_paths() -> None:
    doc = example()
    quantity = next(i["id"] for i in doc["indicators"] if i["measure"] == "quantity")
    plain = next(o for o in doc["observations"] if o["indicator"] == quantity)
    plain["value"] = BELOW_LIMIT  # a decimal string: the careful path
    plain.pop("numerator", None)
    text_careful = json.dumps(doc, ensure_ascii=False)
    text = with_raw(doc, ("observations", doc["observations"].index(plain), "value"), BELOW_LIMIT)
    for data in (text, text_careful):  # a JSON number (fast), a decimal string (careful)
        dataset = mttq_core.loads(data)
        values = [o.value for o in dataset.observations if o.value == Decimal(BELOW_LIMIT)]
        assert values == [Decimal(BELOW_LIMIT)]


# == 6. communes sharing a code: compared pair by pair, quadratic ===========================


def test_many_communes_sharing_a_code_are_checked_in_linear_time() -> None:
    """20,000 communes of one code, each valid one day: 27 s before, 0.4 s after."""
    doc = example()
    first = doc["communes"][0]  # valid until 2025: the copies come after it
    days = [pendulum.Date(2030, 1, 1).add(days=i).isoformat() for i in range(20_000)]
    doc["communes"] += [dict(first, valid_from=day, valid_to=day) for day in days]
    doc["communes"].append(dict(first, valid_from=days[0], valid_to=days[0]))
    with hard_timeout(HANG_SECONDS):
        problems = problems_of(json.dumps(doc, ensure_ascii=False))
    assert problems == [
        (
            "$.communes[20022].code",
            (
                f"code {first['code']} is already used by communes[22] ({first['name']}, valid "
                "2030-01-01 – 2030-01-01) over an overlapping period (this one: 2030-01-01 – "
                "2030-01-01); two communes share a code only if their validity intervals are "
                "disjoint"
            ),
        )
    ]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 40), st.integers(0, 10)), max_size=40))
def test_first_overlaps_is_the_pairwise_scan(pairs: list[tuple[int, int]]) -> None:
    spans = [(a, a + n) for a, n in pairs]
    expected = [
        next((j for j, (c, d) in enumerate(spans[:i]) if c <= b and a <= d), None)
        for i, (a, b) in enumerate(spans)
    ]
    assert first_overlaps(spans) == expected


# == 7. a checklist of thousands of criteria: a list scanned per item =======================


def test_a_checklist_value_is_checked_against_a_set() -> None:
    criteria = tuple(f"c{i}" for i in range(30_000))
    value = (*criteria, "c0", "nope")
    with hard_timeout(HANG_SECONDS):  # 30,000² comparisons before
        found = value_problems(Measure.CHECKLIST, value, criteria=criteria)
    assert found[0] == "criterion 'c0' is listed twice"
    assert found[1].startswith("'nope' is not a criterion of this indicator; allowed: 'c0', ")
    assert found[1].endswith(", … (30,000 in all)")  # not thirty thousand ids per problem


# == 8. many terms × an each_period series: one problem per record and term =================


def test_period_lengths_with_many_terms_are_one_problem_per_observation() -> None:
    """855 KB made 3,001,501 problems (and 16,000 terms exhausted memory)."""
    doc = example()
    each = next(i["id"] for i in doc["indicators"] if i["accumulation"] == "each_period")
    template = next(o for o in doc["observations"] if o["indicator"] == each)
    doc["terms"] += [
        {"id": f"t{i}", "name": "t", "start": "2019-04-12", "end": "2024-04-30"}
        for i in range(2_000)
    ]
    forms = ("2021-H1", "2021-Q1", "2021-05")  # the example uses years
    added = [dict(template, period=p, revision=r) for r in range(100) for p in forms]
    doc["observations"] += added
    with hard_timeout(HANG_SECONDS):
        problems = problems_of(json.dumps(doc, ensure_ascii=False))
    lengths = [p for p in problems if "an each_period indicator uses periods of one length" in p[1]]
    assert len(lengths) == len(added)


def _records(kinds: list[tuple[int, str]]) -> list[tuple[int, ObservationRecord]]:
    out = []
    for n, (year, form) in enumerate(kinds):
        o = Observation(commune="00001", indicator="x", period=f"{year}{form}", value=1, source="s")
        out.append((n, ObservationRecord(n, o, "00001")))
    return out


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.tuples(st.integers(2015, 2025), st.integers(1, 6), st.integers(1, 2)), min_size=1),
    st.lists(
        st.tuples(st.integers(2015, 2026), st.sampled_from(["", "-H1", "-Q3", "-05"])),
        max_size=15,
    ),
)
def test_the_many_terms_road_finds_what_the_loop_finds(
    spans: list[tuple[int, int, int]], periods: list[tuple[int, str]]
) -> None:
    terms = [
        Term(
            id=f"t{i}",
            name="t",
            start=pendulum.Date(start, 4, 1),
            end=pendulum.Date(start + length, 3, 28 + extra),
        )
        for i, (start, length, extra) in enumerate(spans)
    ]
    records = _records(periods)
    kinds: dict[str, Any] = {}
    expected = []
    for _, rec in records:  # the loop of _Checker._one_length, term by term
        period = rec.observation.period
        clash = None
        for term in terms:
            if period.kind.value != "custom" and term.contains(period.end):
                first = kinds.setdefault(term.id, (period.kind, rec))
                if clash is None and first[0] is not period.kind:
                    clash = (term, first)
        expected.append(clash)
    assert _length_clashes(records, terms) == expected


# == 9. nesting: too deep for the reader, and a repeated key that reads the text again =======


def test_ten_thousand_nested_lists_name_the_limit_and_the_path() -> None:
    text = '{"format": "mttq-core/1", "terms": ' + "[" * 10_000 + "]" * 10_000 + "}"
    (problem,) = problems_of(text)
    assert problem == (
        "$.terms" + "[0]" * 31,
        (
            "nested 33 levels deep, deeper than the limit of 32 (a valid dataset goes 6 deep); "
            "raise Limits.max_depth to read it"
        ),
    )


def test_deep_nesting_after_a_repeated_key_is_a_problem() -> None:
    text = '{"title": "a", "title": "b", "notes": ' + "[" * 5_000 + "]" * 5_000 + "}"
    assert ("$.notes" + "[0]" * 31) in [p for p, _ in problems_of(text)]


# == 10. failed loads left their garbage to a full collection: a fuzzer ran out of memory ==


def test_a_failed_load_leaves_no_garbage_for_later() -> None:
    """Atheris: out of memory after 284,209 inputs (2 GB). Cycles made by a failed load (the
    converter's exceptions and their tracebacks) were moved to the oldest generation with
    everything else the load made, where only a full collection — which a loop of loads
    never triggers — would find them."""
    doc = example()
    doc["observations"][0]["value"] = {"not": "a value"}  # the careful path raises and catches
    doc["targets"][0]["term"] = 7
    text = json.dumps(doc, ensure_ascii=False)
    for _ in range(5):  # warm up: caches, interned strings
        with pytest.raises(mttq_core.DatasetError):
            mttq_core.loads(text)
    gc.collect()
    before = len(gc.get_objects())
    for _ in range(50):
        with pytest.raises(mttq_core.DatasetError):
            mttq_core.loads(text)
    grown = len(gc.get_objects()) - before
    assert grown < 20 * 50, f"{grown:,} objects more after 50 failed loads"  # 4,700 each before
