"""The benchmark harness works: generator, peers, and the quick mode (no timing is asserted).

``bench/run.py --quick`` (province scale, 5 runs of each figure) is the issue's CI mode:
``test_quick_mode_prints_the_ratios`` runs it as CI runs the suite and shows its table in the
test log (about half a minute); it checks that the ratios are printed, never what they are.
"""

from __future__ import annotations

import importlib
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pendulum
import pytest
from pydantic import ValidationError

import mttq_core

BENCH = Path(__file__).resolve().parents[2] / "bench"
sys.path.insert(0, str(BENCH))

# bench/ is not a package on mypy's path (pyproject's mypy `files`): import by name at run time
generate: Any = importlib.import_module("generate")
pandas_assess: Any = importlib.import_module("peers.pandas_assess")
pydantic_models: Any = importlib.import_module("peers.pydantic_models")


@pytest.fixture(scope="module")
def doc() -> dict[str, object]:
    out: dict[str, object] = generate.generate("district")
    return out


def test_generator_is_deterministic_and_loads(doc: dict[str, object]) -> None:
    assert generate.generate("district") == doc
    assert generate.generate("district", seed=1) != doc
    dataset = mttq_core.loads(generate.dumps(doc))
    assert len(dataset.communes) == 25
    assert len(dataset.indicators) == 20
    assert 2500 <= len(dataset.observations) < 2600


def test_pydantic_peer_accepts_the_benchmark_data(doc: dict[str, object]) -> None:
    loaded = pydantic_models.load(generate.dumps(doc))
    assert len(loaded.observations) == len(doc["observations"])  # type: ignore[arg-type]


def _bad(doc: dict[str, object], path: tuple[str | int, ...], value: object) -> str:
    copy = json.loads(generate.dumps(doc))
    node = copy
    for key in path[:-1]:
        node = node[key]
    node[path[-1]] = value
    return json.dumps(copy)


@pytest.mark.parametrize(
    ("path", "value"),
    [
        (("observations", 0, "denominator"), 1000.0),  # a float in an int field
        (("observations", 0, "denominator"), "1000"),  # a string in an int field
        (("observations", 0, "colour"), "red"),  # an unknown key
        (("indicators", 0, "measure"), "percentage"),  # a bad enum
        (("observations", 0, "indicator"), "nope"),  # a dangling reference
        (("indicators", 1, "id"), "ct00"),  # a duplicate id
    ],
)
def test_pydantic_peer_refuses_bad_documents(
    doc: dict[str, object], path: tuple[str | int, ...], value: object
) -> None:
    with pytest.raises(ValidationError):
        pydantic_models.load(_bad(doc, path, value))


def test_pydantic_peer_refuses_huge_exponent_in_int_field(doc: dict[str, object]) -> None:
    text = _bad(doc, ("observations", 0, "denominator"), 7).replace(
        '"denominator": 7', '"denominator": 1e400', 1
    )
    with pytest.raises(ValidationError):
        pydantic_models.load(text)


@pytest.mark.parametrize("as_of", ["2019-06-30", "2021-03-01", "2023-06-30", "2024-06-30"])
def test_pandas_peer_gives_the_statuses_of_assess(doc: dict[str, object], as_of: str) -> None:
    dataset = mttq_core.loads(generate.dumps(doc))
    card = mttq_core.assess(dataset, as_of=pendulum.Date.fromisoformat(as_of))
    text = generate.dumps(doc)
    assert pandas_assess.verify(json.loads(text), card) == 12 * 25


def test_quick_mode_prints_the_ratios(capsys: pytest.CaptureFixture[str]) -> None:
    out = subprocess.run(
        [sys.executable, str(BENCH / "run.py"), "--quick"],
        capture_output=True,
        text=True,
        check=True,
        timeout=600,
    )
    with capsys.disabled():  # the ratios belong in the CI log
        print("\n" + out.stdout)
    assert "| province (5 runs) |" in out.stdout
    for row in ("loads / pydantic", "assess / pandas", "statuses compared with pandas"):
        assert f"| {row} |" in out.stdout
    assert "import mttq_core:" in out.stdout
