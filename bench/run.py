"""Benchmark mttq_core against its peers at three scales and (optionally) write the report.

For each scale the dataset is generated (``bench/generate.py``, not timed) and written to a
temporary file; then the median of ``--runs`` runs (``time.perf_counter``) is taken of:

* ``json.loads`` of the file's text (the floor),
* the pydantic peer (``bench/peers/pydantic_models.py``) and ``mttq_core.loads``,
* the pandas peer (``bench/peers/pandas_assess.py``, from the ``json.loads`` output, parsing
  not timed; checked first to give the same statuses) and ``mttq_core.assess``,
* end to end: read the file, ``mttq_core.loads``, ``mttq_core.assess``.

Peak RSS of each figure is measured in a fresh subprocess (``VmHWM``), and
``import mttq_core`` in fresh interpreters. ``--quick`` is the CI mode: province scale, 5
runs, no RSS subprocesses; it prints the ratios and asserts nothing about time.

Run from the repository root::

    .venv/bin/python bench/run.py --quick
    .venv/bin/python bench/run.py --scales district,province,national --write docs/performance.md
    .venv/bin/python bench/run.py --render docs/performance.run.json --write docs/performance.md
"""

from __future__ import annotations

import argparse
import compileall
import cProfile
import datetime as dt
import functools
import gc
import importlib.metadata
import io
import json
import os
import platform
import pstats
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, Final

HERE: Final = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import generate  # noqa: E402
import pendulum  # noqa: E402
from peers import pandas_assess, pydantic_models  # noqa: E402

import mttq_core  # noqa: E402

AS_OF: Final = pendulum.Date(2023, 6, 30)
#: Runs per figure when ``--runs`` is not given: the small scales are cheap to repeat, and
#: this machine's noise needs it; at least 5 everywhere (issue 8).
RUNS: Final = {"district": 25, "province": 11, "national": 5}
IMPORT_RUNS: Final = 21
OPS: Final = (
    "json",
    "pydantic",
    "pydantic_paused",
    "mttq_loads",
    "pandas_assess",
    "mttq_assess",
    "end_to_end",
)
#: Figures timed but not measured for RSS: ``assess`` on the work the pandas peer does.
SAME_WORK: Final = ("pandas_same", "mttq_same")
LABELS: Final = {
    "pandas_same": "pandas assess, same work (latest/sum commune targets only)",
    "mttq_same": "mttq_core.assess, same work (latest/sum commune targets only)",
    "json": "json.loads (floor)",
    "pydantic": "pydantic load (peer)",
    "pydantic_paused": "pydantic load, collector paused (for reference)",
    "mttq_loads": "mttq_core.loads",
    "pandas_assess": "pandas assess (peer)",
    "mttq_assess": "mttq_core.assess",
    "end_to_end": "end to end",
}
Row = dict[str, Any]


def median_seconds(action: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        result = action()
        times.append(time.perf_counter() - start)
        del result  # freeing the result is not part of the figure
    return statistics.median(times)


def _paused(action: Callable[[], object]) -> object:
    """Run ``action`` with the cyclic garbage collector off, as ``mttq_core.loads`` does."""
    gc.disable()
    try:
        return action()
    finally:
        gc.enable()


def _end_to_end(path: Path) -> mttq_core.Scorecard:
    return mttq_core.assess(mttq_core.loads(path.read_text(encoding="utf-8")), as_of=AS_OF)


def _hwm_kib() -> int:
    """This process's peak RSS (``VmHWM``), in KiB.

    Not ``ru_maxrss``: on Linux it survives ``fork`` + ``exec``, so a child started by a big
    parent reports the parent's peak; ``VmHWM`` starts afresh with the new program.
    """
    for line in Path("/proc/self/status").read_text(encoding="ascii").splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1])
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # not Linux: best effort


def worker(op: str, path: Path) -> None:
    """Run ``op`` once on ``path`` in this (fresh) process; print peak RSS before/after (KiB)."""
    text = path.read_text(encoding="utf-8") if op != "end_to_end" else ""
    prepared: Any = None
    if op == "pandas_assess":
        prepared = json.loads(text)
    elif op == "mttq_assess":
        prepared = mttq_core.loads(text)
    before = _hwm_kib()
    actions: dict[str, Callable[[], object]] = {
        "json": lambda: json.loads(text),
        "pydantic": lambda: pydantic_models.load(text),
        "pydantic_paused": lambda: _paused(lambda: pydantic_models.load(text)),
        "mttq_loads": lambda: mttq_core.loads(text),
        "pandas_assess": lambda: pandas_assess.assess(prepared, AS_OF.isoformat()),
        "mttq_assess": lambda: mttq_core.assess(prepared, as_of=AS_OF),
        "end_to_end": lambda: _end_to_end(path),
    }
    start = time.perf_counter()
    result = actions[op]()
    seconds = time.perf_counter() - start
    peak = _hwm_kib()
    del result
    print(json.dumps({"before_kib": before, "peak_kib": peak, "cold_s": seconds}))


def measure_rss(op: str, path: Path) -> Row:
    out = subprocess.run(  # noqa: S603 — our own interpreter and script
        [sys.executable, str(Path(__file__).resolve()), "--worker", op, str(path)],
        check=True,
        capture_output=True,
        text=True,
    )
    row: Row = json.loads(out.stdout.strip().splitlines()[-1])
    return row


def import_time(runs: int) -> tuple[float, float]:
    """Median of ``import mttq_core`` minus an empty interpreter, in fresh subprocesses.

    Returns ``(compiled, from_source)``: first with the package's bytecode compiled, as
    ``pip install`` leaves it (the goal's figure), then with no bytecode and
    ``PYTHONDONTWRITEBYTECODE=1`` (an editable checkout on a machine that sets it, which
    compiles every module of the package at every import). Runs alternate so that drifts
    of the machine hit both sides alike.
    """
    package = Path(mttq_core.__file__).resolve().parent
    for cache in package.rglob("__pycache__"):
        shutil.rmtree(cache)
    plain = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1"}

    def run(code: str) -> float:
        start = time.perf_counter()
        subprocess.run([sys.executable, "-c", code], check=True, env=plain)  # noqa: S603
        return time.perf_counter() - start

    source = [(run("pass"), run("import mttq_core")) for _ in range(runs)]
    compileall.compile_dir(str(package), quiet=1)
    compiled = [(run("pass"), run("import mttq_core")) for _ in range(runs)]

    def net(pairs: list[tuple[float, float]]) -> float:
        return statistics.median(b for _, b in pairs) - statistics.median(a for a, _ in pairs)

    return net(compiled), net(source)


def profile_top(action: Callable[[], object], top: int = 8) -> list[str]:
    profiler = cProfile.Profile()
    profiler.runcall(action)
    stream = io.StringIO()
    stats = pstats.Stats(profiler, stream=stream)
    stats.sort_stats("tottime").print_stats(top)
    lines = stream.getvalue().splitlines()
    start = next(i for i, line in enumerate(lines) if line.lstrip().startswith("ncalls"))
    return [line.rstrip() for line in lines[start : start + top + 1] if line.strip()]


def _timed(text: str, path: Path, runs: int) -> dict[str, float]:
    """Each figure's median, with only its own input alive beside the document's text.

    A figure's input (the parsed document for pandas, the dataset for ``assess``) is made
    before its runs and dropped after them, so that no figure runs beside millions of
    objects another one needs (the collector would walk them on its behalf).
    """
    gc.collect()
    times = {
        "json": median_seconds(lambda: json.loads(text), runs),
        "pydantic": median_seconds(lambda: pydantic_models.load(text), runs),
        "pydantic_paused": median_seconds(
            lambda: _paused(lambda: pydantic_models.load(text)), runs
        ),
        "mttq_loads": median_seconds(lambda: mttq_core.loads(text), runs),
    }
    times["pandas_assess"], times["mttq_assess"] = _assess_figures(text, runs)
    gc.collect()
    times["end_to_end"] = median_seconds(lambda: _end_to_end(path), runs)
    times["pandas_same"], times["mttq_same"] = _assess_figures(same_work(text), runs)
    return times


def _assess_figures(text: str, runs: int) -> tuple[float, float]:
    """The pandas peer's and ``mttq_core.assess``'s medians on ``text``, one input at a time."""
    parsed = json.loads(text)
    peer = median_seconds(functools.partial(pandas_assess.assess, parsed, AS_OF.isoformat()), runs)
    del parsed
    gc.collect()
    dataset = mttq_core.loads(text)
    ours = median_seconds(functools.partial(mttq_core.assess, dataset, as_of=AS_OF), runs)
    del dataset
    gc.collect()
    return peer, ours


def same_work(text: str) -> str:
    """The document cut to the work of the pandas peer: commune targets of latest/sum indicators.

    Indicators that accumulate otherwise, their targets and observations, and every committee
    target go; what stays is assessed by both exactly as in the whole document.
    """
    doc = json.loads(text)
    kept = {i["id"] for i in doc["indicators"] if i["accumulation"] in ("latest", "sum")}
    doc["indicators"] = [i for i in doc["indicators"] if i["id"] in kept]
    doc["targets"] = [
        t for t in doc["targets"] if t["indicator"] in kept and t["scope"] != "committee"
    ]
    doc["observations"] = [
        o for o in doc["observations"] if o["indicator"] in kept and o["commune"] != "committee"
    ]
    return json.dumps(doc, ensure_ascii=False)


def bench_scale(scale: str, runs: int, *, rss: bool) -> Row:
    doc = generate.generate(scale)
    n_obs = len(doc["observations"])
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"{scale}.json"
        path.write_text(generate.dumps(doc), encoding="utf-8")
        del doc
        text = path.read_text(encoding="utf-8")
        size = path.stat().st_size
        parsed = json.loads(text)
        card = mttq_core.assess(mttq_core.loads(text), as_of=AS_OF)
        compared = pandas_assess.verify(parsed, card)  # raises if a status differs
        assessments = len(card.assessments) + len(card.committee)
        pydantic_models.load(text)  # raises if the peer refuses the document
        del parsed, card
        times = _timed(text, path, runs)
        memory = {op: measure_rss(op, path) for op in OPS} if rss else {}
    return {
        "scale": scale,
        "runs": runs,
        "observations": n_obs,
        "assessments": assessments,
        "compared": compared,
        "bytes": size,
        "times": times,
        "memory": memory,
    }


def _ms(seconds: float) -> str:
    return f"{seconds * 1e3:,.1f} ms" if seconds < 10 else f"{seconds:,.1f} s"


def table(results: list[Row]) -> list[str]:
    head = "| figure | " + " | ".join(f"{r['scale']} ({r['runs']} runs)" for r in results) + " |"
    lines = [head, "|---|" + "---:|" * len(results)]
    for op in (*OPS, *SAME_WORK):
        lines.append(f"| {LABELS[op]} | " + " | ".join(_ms(r["times"][op]) for r in results) + " |")
    ratios = {
        "loads / pydantic": ("mttq_loads", "pydantic"),
        "loads / pydantic (collector paused)": ("mttq_loads", "pydantic_paused"),
        "loads / json.loads": ("mttq_loads", "json"),
        "assess / pandas": ("mttq_assess", "pandas_assess"),
        "assess / pandas, same work": ("mttq_same", "pandas_same"),
    }
    for name, (a, b) in ratios.items():
        cells = " | ".join(f"**{r['times'][a] / r['times'][b]:.2f}×**" for r in results)
        lines.append(f"| {name} | {cells} |")
    per_obs = " | ".join(
        f"{r['times']['mttq_loads'] / r['observations'] * 1e6:.1f} µs" for r in results
    )
    lines.append(f"| mttq_core.loads per observation | {per_obs} |")
    lines.append("| observations | " + " | ".join(f"{r['observations']:,}" for r in results) + " |")
    lines.append(
        "| assessments (mttq_core) | " + " | ".join(f"{r['assessments']:,}" for r in results) + " |"
    )
    lines.append(
        "| statuses compared with pandas | "
        + " | ".join(f"{r['compared']:,}" for r in results)
        + " |"
    )
    lines.append(
        "| file bytes / observation | "
        + " | ".join(f"{r['bytes'] / r['observations']:.0f}" for r in results)
        + " |"
    )
    if all(r["memory"] for r in results):
        for op in OPS:
            cells = " | ".join(f"{r['memory'][op]['peak_kib'] / 1024:,.0f} MiB" for r in results)
            lines.append(f"| peak RSS: {LABELS[op]} | {cells} |")
        for op in OPS:
            cells = " | ".join(_ms(r["memory"][op]["cold_s"]) for r in results)
            lines.append(f"| first run in a fresh process: {LABELS[op]} | {cells} |")
        for op in ("pydantic", "mttq_loads"):
            grown = [r["memory"][op]["peak_kib"] - r["memory"][op]["before_kib"] for r in results]
            cells = " | ".join(
                f"{kib * 1024 / r['observations']:,.0f}"
                for kib, r in zip(grown, results, strict=True)
            )
            lines.append(f"| in-memory bytes / observation: {LABELS[op]} | {cells} |")
    return lines


def goals(results: list[Row], imp: float) -> list[str]:
    by = {r["scale"]: r for r in results}
    out = ["| goal | measured | result |", "|---|---|---|"]

    def add(goal: str, value: float | None, limit: float, unit: str) -> None:
        if value is None:
            out.append(f"| {goal} | not measured in this run | — |")
        else:
            result = "PASS" if value <= limit else "MISS"
            out.append(f"| {goal} | {value:,.2f}{unit} | {result} |")

    for scale in generate.SCALES:
        r = by.get(scale)
        ratio = r["times"]["mttq_loads"] / r["times"]["pydantic"] if r else None
        add(f"load+validate ≤ 1.0× pydantic ({scale})", ratio, 1.0, "×")
    for scale, limit in (("district", 1.0), ("province", 1.0), ("national", 2.0)):
        r = by.get(scale)
        ratio = r["times"]["mttq_assess"] / r["times"]["pandas_assess"] if r else None
        add(f"assess ≤ {limit:.1f}× pandas ({scale}; all of assess)", ratio, limit, "×")
        same = r["times"]["mttq_same"] / r["times"]["pandas_same"] if r else None
        add(f"assess ≤ {limit:.1f}× pandas ({scale}; the same work)", same, limit, "×")
    national = by.get("national")
    add(
        "national end to end ≤ 15 s",
        national["times"]["end_to_end"] if national else None,
        15,
        " s",
    )
    peak = (
        national["memory"]["end_to_end"]["peak_kib"] / 1024**2
        if national and national["memory"]
        else None
    )
    add("national peak RSS ≤ 2 GB (end to end)", peak, 2.0, " GiB")
    add("`import mttq_core` ≤ 150 ms", imp * 1e3, 150, " ms")
    return out


def machine() -> list[str]:
    versions = ", ".join(
        f"{name} {importlib.metadata.version(name)}"
        for name in (
            "mttq_core",
            "pydantic",
            "pydantic_core",
            "pandas",
            "numpy",
            "attrs",
            "cattrs",
            "pendulum",
        )
    )
    return [
        f"- date: {dt.datetime.now(dt.UTC).strftime('%Y-%m-%d %H:%M UTC')}",
        (
            f"- machine: {os.cpu_count()} CPUs (`nproc` {len(os.sched_getaffinity(0))}), "
            f"{platform.machine()}, {platform.system()} {platform.release()}"
        ),
        f"- Python {platform.python_version()} ({platform.python_implementation()})",
        f"- packages: {versions}",
    ]


def profiles(scale: str) -> dict[str, list[str]]:
    text = generate.dumps(generate.generate(scale))
    dataset = mttq_core.loads(text)
    return {
        "mttq_core.loads": profile_top(lambda: mttq_core.loads(text)),
        "mttq_core.assess": profile_top(lambda: mttq_core.assess(dataset, as_of=AS_OF)),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0] if __doc__ else None)
    parser.add_argument("--quick", action="store_true", help="CI mode: province, 5 runs, no RSS")
    parser.add_argument("--scales", help="comma-separated: district,province,national")
    parser.add_argument(
        "--runs",
        type=int,
        help="runs per figure (median); default 25/11/5 by scale, 5 with --quick",
    )
    parser.add_argument("--no-rss", action="store_true", help="skip the RSS subprocesses")
    parser.add_argument("--write", type=Path, help="regenerate this report (docs/performance.md)")
    parser.add_argument(
        "--render",
        type=Path,
        metavar="RUN.json",
        help="re-render --write from the measurements a run saved (no new measurement)",
    )
    parser.add_argument("--worker", nargs=2, metavar=("OP", "FILE"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        worker(args.worker[0], Path(args.worker[1]))
        return
    if args.render:
        saved = json.loads(args.render.read_text(encoding="utf-8"))
        if args.write:
            args.write.write_text(render_saved(saved), encoding="utf-8")
        return
    default = "province" if args.quick else "district,province"
    scales = (args.scales or default).split(",")
    rss = not (args.quick or args.no_rss)
    results = []
    for scale in scales:
        print(f"… {scale}", file=sys.stderr, flush=True)
        runs = args.runs or (5 if args.quick else RUNS[scale])
        results.append(bench_scale(scale, runs, rss=rss))
    imp, imp_source = import_time(IMPORT_RUNS)
    print(f"as_of {AS_OF.isoformat()}")
    print("\n".join(table(results)))
    print(
        f"\nimport mttq_core: {imp * 1e3:.0f} ms with its bytecode compiled, "
        f"{imp_source * 1e3:.0f} ms compiling it (medians of {IMPORT_RUNS} fresh interpreters)"
    )
    print("\n".join(goals(results, imp)))
    if args.write:
        scale = "province" if "province" in scales else scales[0]
        saved = {
            "machine": machine(),
            "results": results,
            "import_seconds": imp,
            "import_source_seconds": imp_source,
            "profiles": profiles(scale),
            "profile_scale": scale,
        }
        record = args.write.with_suffix(".run.json")
        record.write_text(json.dumps(saved, indent=1, ensure_ascii=False), encoding="utf-8")
        args.write.write_text(render_saved(saved), encoding="utf-8")
        print(f"wrote {args.write} and its measurements {record}", file=sys.stderr)


def render_saved(saved: dict[str, Any]) -> str:
    """The report page from one run's saved measurements."""
    from report_text import render  # noqa: PLC0415 — the prose lives beside the numbers

    results: list[Row] = saved["results"]
    imp: float = saved["import_seconds"]
    return render(
        imp_source=saved["import_source_seconds"],
        machine=saved["machine"],
        table=table(results),
        goals=goals(results, imp),
        imp=imp,
        profiles=saved["profiles"],
        profile_scale=saved["profile_scale"],
        scales=[r["scale"] for r in results],
    )


if __name__ == "__main__":
    main()
