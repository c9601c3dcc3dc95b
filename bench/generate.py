"""Deterministic benchmark datasets at three scales, written as dataset JSON (``mttq-core/1``).

``generate(scale, seed=2024)`` returns the dataset document (a ``dict`` ready for
``json.dumps``) without building any ``mttq_core`` object, so it stays fast at national scale.
The same ``(scale, seed)`` always gives the same document.

Scales (communes x 20 indicators x 5 years, plus about 1 % extra revised observations):

* ``district``: 25 communes, about 2,500 observations;
* ``province``: 600 communes, about 60,000 observations;
* ``national``: 10,600 communes, about 1.06 million observations.

Run from the repository root: ``.venv/bin/python bench/generate.py province`` writes
``bench/data/province.json`` (``bench/data/`` is ignored by git).
"""

from __future__ import annotations

import argparse
import json
import random
from pathlib import Path
from typing import Any, Final

SEED: Final = 2024
SCALES: Final = {"district": 25, "province": 600, "national": 10_600}
TERM_ID: Final = "2019-2024"
TERM_START: Final = "2019-04-12"
TERM_END: Final = "2024-04-30"
YEARS: Final = (2019, 2020, 2021, 2022, 2023)
#: the date the benchmark assesses on (2023 does not count yet, the term runs)
AS_OF: Final = "2023-06-30"
CRITERIA: Final = tuple({"id": f"tc{i}", "name": f"Tiêu chí {i}"} for i in range(1, 6))
#: the share of (commune, indicator) pairs whose 2021 figure has a revision 1
REVISED_SHARE: Final = 0.01

Json = dict[str, Any]

#: (measure, direction, accumulation, across_units, comparator) of the 20 indicators: twelve
#: ``latest``/``sum`` targets (what the pandas peer computes), eight others.
KINDS: Final[tuple[tuple[str, str, str, str | None, str], ...]] = (
    ("percent", "increase", "latest", "ratio", ">="),  # baseline + milestone
    ("percent", "decrease", "latest", "ratio", "<="),  # baseline
    ("count", "increase", "sum", "sum", ">="),
    ("money", "increase", "sum", "sum", ">"),
    ("boolean", "increase", "latest", "share_met", ">="),
    ("checklist", "increase", "latest", None, ">="),
    ("quantity", "decrease", "sum", "sum", "<="),  # a ceiling on a running total
    ("count", "decrease", "latest", None, "<="),  # no baseline: edge no_baseline
    ("quantity", "increase", "latest", "mean", ">"),
    ("count", "decrease", "sum", None, "<"),  # a strict ceiling
    ("percent", "increase", "latest", None, ">"),  # baseline; override met at baseline
    ("money", "increase", "sum", "sum", ">="),
    ("count", "increase", "each_period", None, ">="),
    ("quantity", "increase", "mean", "mean", ">="),
    ("percent", "increase", "mean", None, ">"),
    ("count", "increase", "each_period", "sum", ">="),
    ("percent", "decrease", "mean", "ratio", "<="),
    ("quantity", "increase", "each_period", None, ">"),
    ("count", "decrease", "each_period", None, "<="),
    ("money", "increase", "each_period", "sum", ">="),
)


def codes(scale: str) -> list[str]:
    """The commune codes of a scale: ``00001`` … in order."""
    return [f"{i + 1:05d}" for i in range(SCALES[scale])]


def generate(scale: str, seed: int = SEED) -> Json:
    """The dataset document of ``scale``; the same ``seed`` always gives the same document."""
    if scale not in SCALES:
        msg = f"unknown scale {scale!r}; expected one of {', '.join(SCALES)}"
        raise ValueError(msg)
    rng = random.Random(seed)
    all_codes = codes(scale)
    communes = [
        {
            "code": code,
            "name": f"{'Thị trấn' if i % 25 == 0 else 'Xã'} số {i + 1}",
            "kind": "thi_tran" if i % 25 == 0 else "xa",
            "district_code": f"{i // 25 + 1:03d}",
            "province_code": f"{i // 600 + 1:02d}",
        }
        for i, code in enumerate(all_codes)
    ]
    indicators: list[Json] = []
    targets: list[Json] = []
    observations: list[Json] = []
    for n, kind in enumerate(KINDS):
        measure, direction, accumulation, across, _ = kind
        ident = f"ct{n:02d}"
        indicator: Json = {
            "id": ident,
            "name": f"Chỉ tiêu {n + 1}",
            "measure": measure,
            "direction": direction,
            "accumulation": accumulation,
        }
        if measure in ("percent", "money"):
            indicator["unit"] = "%" if measure == "percent" else "đồng"
        if across is not None:
            indicator["across_units"] = across
        weight = rng.choice([1, 1, 2])
        if weight != 1:
            indicator["weight"] = weight
        if measure == "checklist":
            indicator["criteria"] = list(CRITERIA)
        indicators.append(indicator)
        targets.extend(_targets(rng, ident, kind, all_codes))
        decrease = direction == "decrease"
        for code in all_codes:
            level = rng.random()  # how well this commune does on this indicator
            revised = rng.random() < REVISED_SHARE
            for k, year in enumerate(YEARS):
                obs = _observation(
                    rng, code, ident, measure, accumulation, year, k, level, decrease
                )
                observations.append(obs)
                if revised and year == 2021:
                    again = _observation(
                        rng, code, ident, measure, accumulation, year, k, level, decrease
                    )
                    again["revision"] = 1
                    again["source"] = f"Báo cáo điều chỉnh năm {year}"
                    observations.append(again)
    return {
        "format": "mttq-core/1",
        "title": f"Chỉ tiêu Nghị quyết Đại hội MTTQ — bộ dữ liệu đo hiệu năng ({scale})",
        "committee": {"name": "Ủy ban MTTQ Việt Nam (bộ dữ liệu mẫu)", "unit_code": "018"},
        "notes": f"generated by bench/generate.py, scale {scale}, seed {seed}",
        "terms": [
            {"id": TERM_ID, "name": "Nhiệm kỳ 2019–2024", "start": TERM_START, "end": TERM_END}
        ],
        "communes": communes,
        "indicators": indicators,
        "targets": targets,
        "observations": observations,
        "working_sessions": [],
        "funds": [],
    }


def _target_value(rng: random.Random, kind: tuple[str, str, str, str | None, str]) -> str | None:
    measure, direction, accumulation, _, comparator = kind
    if measure == "percent":
        if direction == "decrease":
            return "1.5"
        return str(rng.choice([90, 95, 97])) if comparator == ">=" else "93.5"
    if measure == "count":
        if accumulation == "sum":
            return str(rng.choice([20, 30, 40])) if direction == "increase" else "8"
        return "3" if direction == "decrease" and accumulation == "latest" else "2"
    if measure == "money":
        return str(rng.choice([5, 10, 20]) * 10**8)
    if measure == "quantity":
        if accumulation == "sum":
            return "45.5"
        return "12.5"
    return None  # boolean (true) and checklist (all criteria) are filled by the caller


def _targets(
    rng: random.Random,
    ident: str,
    kind: tuple[str, str, str, str | None, str],
    all_codes: list[str],
) -> list[Json]:
    """An ``all`` target, one commune override per 25 communes, a committee target if any."""
    measure, direction, accumulation, across, comparator = kind
    value = _target_value(rng, kind)
    base: Json = {"term": TERM_ID, "indicator": ident, "comparator": comparator}
    if measure == "boolean":
        base["value"] = True
    elif value is not None:
        base["value"] = value
    baseline: Json | None = None
    if measure == "percent" and accumulation in ("latest", "mean") and value is not None:
        start = float(value) - 5 if direction == "increase" else float(value) + 2
        baseline = {"value": f"{start:g}", "date": TERM_START}
    out = [{**base, "scope": "all"}]
    if baseline is not None:
        out[0]["baseline"] = baseline
        if comparator == ">=" and accumulation == "latest":
            middle = (float(baseline["value"]) + float(base["value"])) / 2
            out[0]["milestones"] = [{"period": "2021", "value": f"{middle:g}"}]
    for code in rng.sample(all_codes, max(1, len(all_codes) // 25)):
        override: Json = {**base, "scope": code}
        if baseline is not None:
            override["baseline"] = baseline
            if accumulation == "latest" and direction == "increase":
                # an override already met at its baseline: edge met_at_baseline
                override["baseline"] = {"value": "99", "date": TERM_START}
        elif value is not None and measure in ("count", "money", "quantity"):
            override["value"] = str(int(float(value) * 1.2))
        out.append(override)
    if across == "share_met":
        out.append({**base, "scope": "committee", "comparator": ">=", "value": "80"})
    elif across is not None and value is not None:
        total = float(value) * len(all_codes) if across == "sum" else float(value)
        committee: Json = {**base, "scope": "committee", "value": f"{total:.1f}".rstrip("0")}
        committee["value"] = committee["value"].rstrip(".")
        out.append(committee)
    return out


def _observation(  # noqa: PLR0917 — a private helper called in one place
    rng: random.Random,
    code: str,
    ident: str,
    measure: str,
    accumulation: str,
    year: int,
    k: int,
    level: float,
    decrease: bool,  # noqa: FBT001 — a private helper called positionally in one place
) -> Json:
    """One yearly result; ``k`` is the year's index in the term, ``level`` the commune's form."""
    obs: Json = {
        "commune": code,
        "indicator": ident,
        "period": str(year),
        "source": f"Báo cáo kết quả năm {year}",
    }
    if measure == "percent":
        if decrease:  # e.g. the share of poor households, falling
            share = max(0.0, 0.03 - 0.004 * k * level + rng.uniform(0, 0.01))
        else:
            share = min(0.999, 0.85 + 0.02 * k * level + rng.uniform(0, 0.1))
        if accumulation == "mean" and not decrease:  # a bare value, no numerator/denominator
            obs["value"] = round(100 * share, 1)
        else:
            den = rng.randint(800, 4000)
            obs["numerator"] = int(den * share)
            obs["denominator"] = den
    elif measure == "count":
        top = 3 + int(6 * level) if not decrease else 3
        obs["value"] = rng.randint(0, top)
    elif measure == "money":
        obs["value"] = rng.randint(5, 60) * 10**6 * (1 + k)
    elif measure == "boolean":
        obs["value"] = rng.random() < 0.5 + 0.1 * k * level
    elif measure == "checklist":
        met = min(len(CRITERIA), 1 + k + int(2 * level))
        obs["value"] = [c["id"] for c in CRITERIA[:met]]
    else:
        obs["value"] = rng.randint(50, 200) / 10
    return obs


def dumps(doc: Json) -> str:
    """The document as compact JSON text (UTF-8, no ASCII escapes)."""
    return json.dumps(doc, ensure_ascii=False, separators=(",", ":"))


def write(scale: str, path: Path, seed: int = SEED) -> Path:
    """Generate ``scale`` and write it to ``path``; returns the path."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(dumps(generate(scale, seed)), encoding="utf-8")
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0] if __doc__ else None)
    parser.add_argument("scales", nargs="*", default=["district"], choices=sorted(SCALES))
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument("--out", type=Path, default=Path(__file__).parent / "data")
    args = parser.parse_args()
    for scale in args.scales:
        path = write(scale, args.out / f"{scale}.json", args.seed)
        print(f"{path}: {path.stat().st_size:,} bytes")


if __name__ == "__main__":
    main()
