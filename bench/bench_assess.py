"""Benchmark: load and assess a district-sized dataset, against ``json.loads`` as the floor.

A seeded generator builds, through the public API, one district committee's term: 25
communes x 20 indicators x 5 years = 2,500 observations, a mix of every measure and
accumulation, an ``all`` target for every indicator (some commune overrides, some committee
targets). The dataset is written once to a temporary JSON file; then each operation is timed
with ``time.perf_counter`` and the median of 7 runs is printed:

* ``json.loads`` of the file's text (the floor: parsing alone),
* ``mttq_core.loads`` of the same text (parsing, exact numbers, validation, indexing),
* ``mttq_core.assess`` of the generated dataset and of the built-in example.

Run from the repository root: ``.venv/bin/python bench/bench_assess.py`` (a few seconds).
Nothing here is asserted: the numbers are for people to compare, not for tests.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import tempfile
import time
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Final

import pendulum

import mttq_core as m

SEED: Final = 2024
RUNS: Final = 7
AS_OF: Final = pendulum.Date(2023, 6, 30)
YEARS: Final = (2019, 2020, 2021, 2022, 2023)
COMMUNES: Final = 25
INDICATORS: Final = 20
TERM: Final = m.Term(
    id="2019-2024",
    name="Nhiệm kỳ 2019–2024",
    start=pendulum.Date(2019, 4, 12),
    end=pendulum.Date(2024, 4, 30),
)
NAMES: Final = (
    "Bát Tràng",
    "Kiêu Kỵ",
    "Kim Sơn",
    "Dương Quang",
    "Dương Hà",
    "Yên Thường",
    "Đa Tốn",
    "Phù Đổng",
    "Trâu Quỳ",
    "Lệ Chi",
    "Cổ Bi",
    "Đặng Xá",
    "Ninh Hiệp",
    "Văn Đức",
    "Đông Dư",
    "Bắc Hồng",
)
CRITERIA: Final = tuple(m.Criterion(id=f"tc{i}", name=f"Tiêu chí {i}") for i in range(1, 6))

#: (measure, direction, accumulation, across_units, comparator): ten kinds of target, each
#: used twice, cover every measure and accumulation and three committee roll-ups.
KINDS: Final[tuple[tuple[str, str, str, str | None, str], ...]] = (
    ("percent", "increase", "latest", "ratio", ">="),
    ("percent", "decrease", "latest", "ratio", "<="),
    ("count", "increase", "sum", "sum", ">="),
    ("money", "increase", "sum", "sum", ">"),
    ("count", "increase", "each_period", None, ">="),
    ("boolean", "increase", "latest", "share_met", ">="),
    ("checklist", "increase", "latest", None, ">="),
    ("quantity", "increase", "mean", "mean", ">="),
    ("percent", "increase", "mean", None, ">"),
    ("count", "decrease", "latest", None, "<="),
)


def commune_codes() -> list[str]:
    return [f"{583 + 3 * i:05d}" for i in range(COMMUNES)]


def build(seed: int = SEED) -> m.Dataset:
    """The district-sized dataset; the same ``seed`` always gives the same dataset."""
    rng = random.Random(seed)
    codes = commune_codes()
    communes = [
        m.Commune(
            code=code,
            name=f"{NAMES[i % len(NAMES)]} {i // len(NAMES) + 1}",
            kind="xa" if i % 5 else "thi_tran",
            district_code="018",
            province_code="01",
        )
        for i, code in enumerate(codes)
    ]
    indicators: list[m.Indicator] = []
    targets: list[m.Target] = []
    observations: list[m.Observation] = []
    for n in range(INDICATORS):
        measure, direction, accumulation, across, comparator = KINDS[n % len(KINDS)]
        ident = f"ct{n:02d}"
        indicators.append(
            m.Indicator(
                id=ident,
                name=f"Chỉ tiêu {n + 1}",
                measure=measure,
                unit={"percent": "%", "money": "đồng"}.get(measure),
                direction=direction,
                accumulation=accumulation,
                across_units=across,
                weight=Decimal(rng.choice([1, 1, 2])),
                criteria=CRITERIA if measure == "checklist" else (),
            )
        )
        targets.extend(
            targets_for(
                rng,
                ident=ident,
                measure=measure,
                accumulation=accumulation,
                across=across,
                comparator=comparator,
            )
        )
        for code in codes:
            level = rng.random()  # how well this commune does on this indicator
            for k, year in enumerate(YEARS):
                observations.append(
                    observation(
                        rng,
                        code=code,
                        ident=ident,
                        measure=measure,
                        year=year,
                        k=k,
                        level=level,
                        decrease=direction == "decrease",
                    )
                )
    return m.Dataset(
        title="Chỉ tiêu Nghị quyết Đại hội MTTQ — bộ dữ liệu đo hiệu năng",
        committee=m.Committee(name="Ủy ban MTTQ Việt Nam huyện mẫu", unit_code="018"),
        terms=[TERM],
        communes=communes,
        indicators=indicators,
        targets=targets,
        observations=observations,
    )


def targets_for(
    rng: random.Random,
    *,
    ident: str,
    measure: str,
    accumulation: str,
    across: str | None,
    comparator: str,
) -> list[m.Target]:
    """An ``all`` target, a commune override, and a committee target where one rolls up."""
    value: Decimal | bool | None
    baseline: m.Baseline | None = None
    milestones: list[m.Milestone] = []
    if measure == "percent":
        value = Decimal(rng.choice([90, 95, 97])) if comparator in (">=", ">") else Decimal("1.5")
        if accumulation == "latest":
            start = value - 5 if comparator == ">=" else value + 2
            baseline = m.Baseline(value=start, date=TERM.start)
            milestones = [m.Milestone(period="2021", value=(start + value) / 2)]
    elif measure == "count" and accumulation == "sum":
        value = Decimal(rng.choice([20, 30, 40]))
    elif measure == "count" and accumulation == "latest":
        value = Decimal(3)
        baseline = m.Baseline(value=Decimal(10), date=TERM.start)
    elif measure == "count":
        value = Decimal(2)
    elif measure == "money":
        value = Decimal(rng.choice([5, 10, 20])) * 10**8
    elif measure == "boolean":
        value = True
    elif measure == "checklist":
        value = None  # all criteria
    else:
        value = Decimal("12.5")
    out = [
        m.Target(
            term=TERM.id,
            indicator=ident,
            scope="all",
            comparator=comparator,
            value=value,
            baseline=baseline,
            milestones=milestones,
        ),
        m.Target(
            term=TERM.id,
            indicator=ident,
            scope=rng.choice(commune_codes()),
            comparator=comparator,
            value=value,
            baseline=baseline,
        ),
    ]
    if across == "share_met":
        out.append(
            m.Target(term=TERM.id, indicator=ident, scope="committee", comparator=">=", value=80)
        )
    elif across is not None:
        out.append(
            m.Target(
                term=TERM.id,
                indicator=ident,
                scope="committee",
                comparator=comparator,
                value=value if across != "sum" else Decimal(COMMUNES) * (value or 0),
            )
        )
    return out


def observation(
    rng: random.Random,
    *,
    code: str,
    ident: str,
    measure: str,
    year: int,
    k: int,
    level: float,
    decrease: bool,
) -> m.Observation:
    """One yearly result; ``k`` is the year's index in the term, ``level`` the commune's form."""
    period, source = str(year), f"Báo cáo kết quả năm {year}"
    if measure == "percent":
        den = rng.randint(800, 4000)
        if decrease:  # e.g. the share of poor households, falling
            share = max(0.0, 0.03 - 0.004 * k * level + rng.uniform(0, 0.01))
        else:
            share = min(0.999, 0.85 + 0.02 * k * level + rng.uniform(0, 0.1))
        return m.Observation(
            commune=code,
            indicator=ident,
            period=period,
            numerator=int(den * share),
            denominator=den,
            source=source,
        )
    value: Decimal | bool | tuple[str, ...]
    if measure == "count":
        value = Decimal(rng.randint(0, 3 + int(6 * level)))
    elif measure == "money":
        value = Decimal(rng.randint(5, 60) * 10**6) * (1 + k)
    elif measure == "boolean":
        value = rng.random() < 0.5 + 0.1 * k * level
    elif measure == "checklist":
        met = min(len(CRITERIA), 1 + k + int(2 * level))
        value = tuple(c.id for c in CRITERIA[:met])
    else:
        value = Decimal(rng.randint(50, 200)) / 10
    return m.Observation(commune=code, indicator=ident, period=period, value=value, source=source)


def median_seconds(action: Callable[[], object], runs: int = RUNS) -> float:
    """The median wall time of ``runs`` calls of ``action``."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0] if __doc__ else None)
    parser.add_argument("--runs", type=int, default=RUNS, help="runs per timing (median)")
    args = parser.parse_args()
    runs: int = args.runs

    dataset = build()
    example = m.example()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "district.json"
        m.dump(dataset, path)
        text = path.read_text(encoding="utf-8")
    size_kib = len(text.encode("utf-8")) / 1024
    if m.loads(text) != dataset:
        raise SystemExit("the JSON file does not read back as the generated dataset")

    card = m.assess(dataset, as_of=AS_OF)
    example_card = m.assess(example, as_of=AS_OF)
    n_assessments = len(card.assessments) + len(card.committee)
    n_example = len(example_card.assessments) + len(example_card.committee)

    floor = median_seconds(lambda: json.loads(text), runs)
    load = median_seconds(lambda: m.loads(text), runs)
    assess = median_seconds(lambda: m.assess(dataset, as_of=AS_OF), runs)
    assess_example = median_seconds(lambda: m.assess(example, as_of=AS_OF), runs)

    print(
        f"dataset: {len(dataset.communes)} communes x {len(dataset.indicators)} indicators, "
        f"{len(dataset.observations)} observations, {len(dataset.targets)} targets, "
        f"{size_kib:.0f} KiB of JSON; as_of {AS_OF.isoformat()}; median of {runs} runs"
    )
    print(f"{'operation':<34}{'median':>12}{'vs json.loads':>16}{'per assessment':>18}")
    rows = [
        ("json.loads (floor)", floor, "1.0x", ""),
        ("mttq_core.loads", load, f"{load / floor:.1f}x", ""),
        (
            f"assess district ({n_assessments})",
            assess,
            "",
            f"{assess / n_assessments * 1e6:.0f} µs",
        ),
        (
            f"assess example ({n_example})",
            assess_example,
            "",
            f"{assess_example / n_example * 1e6:.0f} µs",
        ),
    ]
    for name, seconds, ratio, per in rows:
        print(f"{name:<34}{seconds * 1e3:>9.2f} ms{ratio:>16}{per:>18}")


if __name__ == "__main__":
    main()
