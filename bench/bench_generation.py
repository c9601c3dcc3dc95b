"""Benchmark: valid default-size ``mttq_core.testing.datasets()`` drawn per second.

A ``@given`` test runs with ``settings(max_examples=N, database=None,
phases=[Phase.generate])`` and counts its calls: every call receives one valid dataset
(``Dataset`` checks every rule of SPEC §2.2 when it is built). The rate is calls divided by
the wall time of the whole run, hypothesis's own work included. The goal is 100 datasets a
second or more.

The peer, measured in the same run on the same datasets, is the model alone: rebuilding each
drawn dataset from its parts (``attrs.evolve``, which runs every entity and dataset check
again, with no hypothesis involved). The ratio of the two rates says how much of the time
is drawing (hypothesis and the strategies) rather than checking.

Run from the repository root: ``.venv/bin/python bench/bench_generation.py`` (about ten
seconds; ``--examples 1000`` for a steadier figure). Nothing here is asserted.
"""

from __future__ import annotations

import argparse
import statistics
import time

import attrs
from hypothesis import Phase, given, settings

import mttq_core as m
from mttq_core.testing import datasets

GOAL = 100.0  # datasets per second


def draw_datasets(examples: int) -> tuple[list[m.Dataset], float]:
    """Draw ``examples`` datasets through ``@given``; the datasets and the seconds it took."""
    drawn: list[m.Dataset] = []

    @settings(max_examples=examples, database=None, deadline=None, phases=[Phase.generate])
    @given(datasets())
    def collect(dataset: m.Dataset) -> None:
        drawn.append(dataset)

    start = time.perf_counter()
    collect()
    return drawn, time.perf_counter() - start


def rebuild(drawn: list[m.Dataset]) -> float:
    """Seconds to build every dataset again from its parts (the model's checks alone)."""
    start = time.perf_counter()
    for dataset in drawn:
        attrs.evolve(
            dataset,
            observations=[attrs.evolve(o) for o in dataset.observations],
        )
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--examples", type=int, default=500, help="datasets to draw (500)")
    args = parser.parse_args()
    drawn, seconds = draw_datasets(args.examples)
    rate = len(drawn) / seconds
    peer = len(drawn) / rebuild(drawn)
    sizes = [len(d.observations) for d in drawn]
    print(f"datasets() with default arguments, {len(drawn)} drawn in {seconds:.2f} s")
    print(
        f"  communes: mean {statistics.mean(len(d.communes) for d in drawn):.1f}, "
        f"indicators: mean {statistics.mean(len(d.indicators) for d in drawn):.1f}, "
        f"observations: mean {statistics.mean(sizes):.0f}, max {max(sizes)}"
    )
    print(f"  drawn per second:        {rate:8.1f}   (goal: {GOAL:.0f} or more)")
    print(f"  rebuilt per second:      {peer:8.1f}   (the model's checks alone, same datasets)")
    print(f"  drawing / rebuilding:    {peer / rate:8.1f} x")
    print("  goal met" if rate >= GOAL else "  below the goal")


if __name__ == "__main__":
    main()
