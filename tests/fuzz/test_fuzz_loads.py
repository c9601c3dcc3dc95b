"""``loads`` on hostile input: it loads and round-trips, or it says what is wrong and where.

Structure-aware fuzzing (see ``hostile.py``): valid datasets mutated anywhere in the tree,
then sometimes damaged as text or bytes. The default budget keeps the suite under a minute
and a half in CI; ``MTTQ_FUZZ_EXAMPLES=20000`` runs longer (docs/reliability.md). The number
of inputs tried is printed at the end of the run.
"""

from __future__ import annotations

from datetime import timedelta

import pytest
from hostile import (
    Hostile,
    budget,
    check_outcome,
    count,
    hard_timeout,
    hostile_documents,
    install_report,
)
from hypothesis import given, settings
from hypothesis import strategies as st

#: Per-input bounds: hypothesis' deadline reports a slow input; the alarm stops a hang.
DEADLINE = timedelta(seconds=2)
HANG_SECONDS = 30


@pytest.fixture(scope="module", autouse=True)
def _report(pytestconfig: pytest.Config) -> None:
    install_report(pytestconfig)


@settings(max_examples=budget(), deadline=DEADLINE)
@given(hostile_documents())
def test_hostile_documents_load_or_fail_with_paths(doc: Hostile) -> None:
    count("loads: mutated datasets")
    with hard_timeout(HANG_SECONDS):
        check_outcome(doc.data)


@settings(max_examples=budget(share=4), deadline=DEADLINE)
@given(hostile_documents(mutations=st.integers(0, 1), damage=st.just(True)))
def test_damaged_text_and_bytes(doc: Hostile) -> None:
    count("loads: damaged text and bytes")
    with hard_timeout(HANG_SECONDS):
        check_outcome(doc.data)


@settings(max_examples=budget(share=5), deadline=DEADLINE)
@given(hostile_documents(mutations=st.just(0), damage=st.just(False)))
def test_valid_documents_load_and_keep_their_content(doc: Hostile) -> None:
    count("loads: valid datasets")
    with hard_timeout(HANG_SECONDS):
        assert check_outcome(doc.data) is not None
