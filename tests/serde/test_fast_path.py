"""The fast roads of ``loads`` (issue 8) change nothing: same datasets, same problems.

``serde/_fast.py`` builds plain observations without cattrs, ``model/_rules.py`` records
usual observations without the full per-observation check, ``serde/_json.py`` parses without
the duplicate-remembering object hook. Each may only *decline*; whatever it accepts must be
exactly what the careful road gives. These tests load the same documents both ways —
valid datasets and datasets whose observations were mutated with hostile values — and
compare everything a caller can see.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import mttq_core
from mttq_core.model import _rules
from mttq_core.serde import _io
from mttq_core.serde._fast import _build, _Strings, read_observations
from mttq_core.serde._json import parse_document
from mttq_core.testing import datasets

#: JSON fragments put in place of an observation's field: good, bad and tricky.
TRICKY: dict[str, list[str]] = {
    "commune": [
        '"00001"',
        '"00002"',
        '" 00001"',
        '"0001"',
        '"committee"',
        '"Committee"',
        '"\\u0660\\u0660\\u0660\\u0660\\u0661"',
        '""',
        "1",
        "null",
        '"99999"',
    ],
    "indicator": ['"nope"', '""', '" x"', "7", "null", '"a\\u0000b"'],
    "period": [
        '"2021"',
        '"2020"',
        '"2021-H1"',
        '"2021-Q4"',
        '"2021-12"',
        '"2021-13"',
        '"2021-01-01/2021-12-31"',
        '"2021-02-30/2021-12-31"',
        "2021",
        '" 2021"',
        "null",
    ],
    "value": [
        "0",
        "1",
        "100",
        "101",
        "-1",
        "94.2",
        "1.0",
        "1E+2",
        "1e400",
        "-0",
        "1" * 25,
        '"94.2"',
        '"94,2"',
        '"abc"',
        "true",
        "false",
        "[]",
        '["tc1"]',
        '["tc1", "tc1"]',
        '[" tc1"]',
        "[1]",
        "{}",
        "null",
        "NaN",
        "Infinity",
    ],
    "numerator": ["0", "5", "10", "11", "-1", "true", "5.0", '"5"', "null", "1" * 20],
    "denominator": ["1", "10", "0", "-3", "false", "10.0", "null", "1" * 20],
    "source": ['"Báo cáo"', '"Ba\\u0301o ca\\u0301o"', '" x "', '""', "0", "null", '"\\u0000"'],
    "reported_on": ['"2022-01-15"', '"2019-01-01"', '"2022-02-30"', '"2022-1-5"', "20220115"],
    "revision": ["0", "1", "2", "-1", "true", "1.0", "null", '"1"', "1" * 20],
    "derived": ["true"],
    "extra": ["1"],
}


@contextmanager
def roads(*, fast: bool) -> Iterator[None]:
    """Take (or avoid) both the fast build and the quick rules."""
    saved = (_io._FAST_PATH, _rules._QUICK_PATH)
    _io._FAST_PATH = _rules._QUICK_PATH = fast
    try:
        yield
    finally:
        _io._FAST_PATH, _rules._QUICK_PATH = saved


def outcome(text: str) -> tuple[Any, ...]:
    """Everything a caller sees of ``loads(text)``."""
    try:
        ds = mttq_core.loads(text)
    except mttq_core.DatasetError as e:
        return ("error", e.problems)
    units: list[mttq_core.Commune | str] = [*ds.communes, "committee"]
    series = {
        (getattr(unit, "code", unit), ind): tuple(ds.series(unit, ind))
        for unit in units
        for ind in (i.id for i in ds.indicators)
    }
    return (
        "ok",
        ds,
        mttq_core.dumps(ds),
        ds.superseded,
        tuple(ds.all_observations()),
        series,
        ds.summary(),
    )


def both(text: str) -> tuple[tuple[Any, ...], tuple[Any, ...]]:
    with roads(fast=True):
        fast = outcome(text)
    with roads(fast=False):
        careful = outcome(text)
    return fast, careful


@st.composite
def mutated(draw: st.DrawFn) -> str:
    """A valid dataset's JSON whose observations had fields replaced by tricky ones."""
    ds = draw(datasets(communes=st.integers(1, 4), indicators=st.integers(1, 4)))
    doc = json.loads(mttq_core.dumps(ds))
    observations: list[dict[str, Any]] = doc.get("observations", [])
    fragments: dict[str, str] = {}
    if observations:
        for _ in range(draw(st.integers(0, 6))):
            i = draw(st.integers(0, len(observations) - 1))
            key = draw(st.sampled_from(sorted(TRICKY)))
            if draw(st.booleans()) and key in observations[i] and key != "extra":
                del observations[i][key]
                continue
            marker = f"@@{len(fragments)}@@"
            fragments[marker] = draw(st.sampled_from(TRICKY[key]))
            observations[i][key] = marker
        if draw(st.booleans()):  # a plain copy: a duplicate slot, or a revision clash
            observations.append(dict(draw(st.sampled_from(observations))))
    text = json.dumps(doc, ensure_ascii=False)
    for marker, fragment in fragments.items():
        text = text.replace(json.dumps(marker), fragment)
    return text


@settings(max_examples=150, deadline=None)
@given(datasets(communes=st.integers(1, 5), indicators=st.integers(1, 6)))
def test_valid_datasets_load_the_same_both_ways(ds: mttq_core.Dataset) -> None:
    fast, careful = both(mttq_core.dumps(ds))
    assert fast[0] == "ok"
    assert fast == careful
    assert fast[1] == ds


@settings(max_examples=300, deadline=None)
@given(mutated())
def test_mutated_observations_give_the_same_result_both_ways(text: str) -> None:
    fast, careful = both(text)
    assert fast == careful


def test_the_example_loads_the_same_both_ways() -> None:
    from mttq_core._example import example_text  # noqa: PLC0415

    fast, careful = both(example_text())
    assert fast[0] == "ok"
    assert fast == careful


# -- the fast build on its own ------------------------------------------------------------


PLAIN = {
    "commune": "00583",
    "indicator": "gdvh",
    "period": "2021",
    "numerator": 1820,
    "denominator": 1932,
    "source": "Báo cáo năm 2021",
}


def careful_build(raw: Any) -> mttq_core.Observation | None:
    from mttq_core.serde._converter import CONVERTER  # noqa: PLC0415

    try:
        result: mttq_core.Observation = CONVERTER.structure(raw, mttq_core.Observation)
    except Exception:
        return None
    return result


@settings(max_examples=500, deadline=None)
@given(
    st.dictionaries(st.sampled_from(sorted(TRICKY)), st.integers(0, 30), max_size=4),
    st.sets(st.sampled_from(sorted(PLAIN)), max_size=2),
)
def test_the_fast_build_declines_or_agrees(picks: dict[str, int], dropped: set[str]) -> None:
    fragments = {k: json.dumps(v, ensure_ascii=False) for k, v in PLAIN.items() if k not in dropped}
    for key, n in picks.items():
        fragments[key] = TRICKY[key][n % len(TRICKY[key])]
    text = "{" + ", ".join(f"{json.dumps(k)}: {v}" for k, v in fragments.items()) + "}"
    parsed, _ = parse_document(text)
    built = _build(parsed, _Strings())
    if built is not None:
        careful = careful_build(parsed)
        assert careful is not None
        assert built == careful
        assert built.derived == careful.derived


def test_the_fast_build_takes_plain_observations() -> None:
    """Plain observations never reach the careful road (so the fast road is really used)."""

    def careful(i: int, item: Any) -> None:
        pytest.fail(f"observation {i} went the careful way: {item}")

    plain = [
        PLAIN,
        {**PLAIN, "period": "2021-Q3", "revision": 1, "reported_on": "2021-10-05"},
        {**PLAIN, "value": 5, "numerator": None, "denominator": None},
        {"commune": "committee", "indicator": "x", "period": "2020", "value": True, "source": "s"},
        {
            "commune": "00001",
            "indicator": "c",
            "period": "2020",
            "value": ["a", "b"],
            "source": "s",
        },
    ]
    text = json.dumps(plain, ensure_ascii=False)
    items, _ = parse_document(text)
    read = read_observations(items, careful)
    assert [i for i, _ in read] == [0, 1, 2, 3, 4]
    assert read[0][1].derived
    assert read[0][1] == careful_build(items[0])


def test_a_repeated_key_is_still_reported() -> None:
    """The fast parse gives way to the careful one when an object repeats a key."""
    text = mttq_core.dumps(mttq_core.example()).replace('"title": ', '"title": "x",\n "title": ', 1)
    with pytest.raises(mttq_core.DatasetError) as e:
        mttq_core.loads(text)
    assert [p.path for p in e.value.problems] == ["$.title"]
    assert "more than once" in e.value.problems[0].message


def test_a_very_long_integer_is_still_reported() -> None:
    text = mttq_core.dumps(mttq_core.example()).replace(
        '"observations": [',
        '"observations": [{"commune": "00583", "value": ' + "9" * 5000 + "},",
        1,
    )
    with pytest.raises(mttq_core.DatasetError) as e:
        mttq_core.loads(text)
    assert any("5000 digits" in p.message for p in e.value.problems)
