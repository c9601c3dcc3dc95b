"""``mttq_core._gc.collection_paused``: what it promises about the garbage collector."""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator

import pytest

import mttq_core
from mttq_core._gc import collection_paused


@pytest.fixture(autouse=True)
def collector_on() -> Iterator[None]:
    was = gc.isenabled()
    gc.enable()
    yield
    gc.unfreeze()
    if was:
        gc.enable()
    else:
        gc.disable()


def test_it_pauses_and_restores() -> None:
    with collection_paused():
        assert not gc.isenabled()
        with collection_paused():  # nests
            assert not gc.isenabled()
        assert not gc.isenabled()
    assert gc.isenabled()


def test_it_leaves_a_disabled_collector_disabled() -> None:
    gc.disable()
    with collection_paused():
        pass
    assert not gc.isenabled()


def test_it_restores_after_an_error() -> None:
    with pytest.raises(ValueError, match="boom"), collection_paused():
        raise ValueError("boom")
    assert gc.isenabled()


def test_the_new_objects_go_to_the_oldest_generation_unwalked() -> None:
    gc.collect()
    with collection_paused():
        made = [[i] for i in range(50_000)]
    oldest = {id(x) for x in gc.get_objects(generation=2)}
    assert all(id(x) in oldest for x in made[::997])  # handed over without a young collection
    assert all(gc.is_tracked(x) for x in made[:10])
    assert gc.get_freeze_count() == 0  # nothing stays frozen


def test_objects_the_program_froze_stay_frozen() -> None:
    gc.collect()
    gc.freeze()
    frozen = gc.get_freeze_count()
    assert frozen > 0
    with collection_paused():
        [[i] for i in range(1_000)]
    assert gc.get_freeze_count() == frozen


def test_cycles_made_during_a_pause_are_still_collected() -> None:
    class Node:
        other: object = None

    with collection_paused():
        a, b = Node(), Node()
        a.other, b.other = b, a
        del a, b
    assert gc.collect() > 0


def test_threads_share_one_pause() -> None:
    inside = threading.Barrier(2)
    leave = threading.Event()

    def worker() -> None:
        with collection_paused():
            inside.wait()
            leave.wait()

    thread = threading.Thread(target=worker)
    thread.start()
    with collection_paused():
        inside.wait()
    assert not gc.isenabled()  # the other thread is still inside
    leave.set()
    thread.join()
    assert gc.isenabled()


def test_loads_and_assess_leave_the_collector_as_they_found_it() -> None:
    ds = mttq_core.loads(mttq_core.dumps(mttq_core.example()))
    assert gc.isenabled()
    mttq_core.assess(ds, as_of="2022-04-18")
    assert gc.isenabled()
    gc.disable()
    mttq_core.assess(ds, as_of="2022-04-18")
    assert not gc.isenabled()
