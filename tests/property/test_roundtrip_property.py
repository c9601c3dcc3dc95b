"""Laws of the data layer, checked on generated datasets."""

from __future__ import annotations

import json
import unicodedata

from hypothesis import given, settings

import mttq_core as m
from mttq_core.testing import datasets


@given(datasets())
@settings(max_examples=60, deadline=None)
def test_loads_dumps_roundtrip(ds: m.Dataset) -> None:
    text = m.dumps(ds)
    again = m.loads(text)
    assert again == ds
    assert m.dumps(again) == text  # canonical: a second trip changes nothing


@given(datasets())
@settings(max_examples=30, deadline=None)
def test_dumps_is_strict_json_without_floats(ds: m.Dataset) -> None:
    def no_floats(x: object) -> None:
        raise AssertionError(f"a float in the output: {x!r}")

    doc = json.loads(m.dumps(ds), parse_float=no_floats, parse_constant=no_floats)
    assert doc["format"] == m.FORMAT


@given(datasets())
@settings(max_examples=30, deadline=None)
def test_text_is_nfc_everywhere(ds: m.Dataset) -> None:
    text = m.dumps(ds)
    assert unicodedata.normalize("NFC", text) == text


@given(datasets())
@settings(max_examples=30, deadline=None)
def test_every_observation_is_kept(ds: m.Dataset) -> None:
    """Revisions are never dropped: effective + superseded account for every observation.

    Observations come from the top level, from the sessions that recorded them (held ones:
    a planned session has none) and from the funds that feed an indicator.
    """
    units: list[m.Commune | str] = [*ds.communes, "committee"]
    effective = sum(len(ds.series(unit, ind.id)) for ind in ds.indicators for unit in units)
    fed = sum(len(f.fed_observations()) for f in ds.funds if f.feeds is not None)
    recorded = sum(len(s.observations) for s in ds.working_sessions)
    assert effective + len(ds.superseded) == len(ds.observations) + recorded + fed
