"""Laws: every generated dataset survives a workbook; every text survives neutralisation."""

from __future__ import annotations

import io

from hypothesis import given, settings
from hypothesis import strategies as st

import mttq_core
from mttq_core.spreadsheet import read_dataset, write_dataset
from mttq_core.spreadsheet._cells import FORMULA_STARTS, neutralise, restore
from mttq_core.testing import datasets


@settings(max_examples=30, deadline=None)
@given(datasets())
def test_a_workbook_reads_back_to_an_equal_dataset(dataset: mttq_core.Dataset) -> None:
    buffer = io.BytesIO()
    write_dataset(dataset, buffer)
    assert read_dataset(buffer.getvalue()) == dataset


TEXTS = st.text(st.sampled_from([*FORMULA_STARTS, "'", "a", "ệ", " ", ";"]), max_size=8)


@given(TEXTS)
def test_neutralise_is_undone_by_restore(text: str) -> None:
    safe = neutralise(text)
    assert restore(safe) == text
    assert not safe.startswith(FORMULA_STARTS)
