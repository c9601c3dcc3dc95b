"""The atheris harness (``fuzz/loads_fuzzer.py``) runs, seeds its corpus and finds nothing.

A short, bounded run — 5,000 inputs, a few seconds — in a subprocess with a corpus of its
own; ``docs/reliability.md`` says how to run it for longer.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

pytest.importorskip("atheris")

ROOT = Path(__file__).resolve().parents[2]
HARNESS = ROOT / "fuzz" / "loads_fuzzer.py"


def test_the_harness_runs_clean(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    result = subprocess.run(
        [
            sys.executable,
            str(HARNESS),
            "-atheris_runs=5000",
            f"-artifact_prefix={tmp_path}/",
            corpus,
        ],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
        cwd=tmp_path,
    )
    log = result.stdout + result.stderr
    assert result.returncode == 0, log[-5000:]
    assert re.search(r"Done 5000 (runs )?in \d+ second", log), log[-2000:]
    assert len(list(corpus.iterdir())) > 5  # seeded (the seeds are checked valid), and grown
    assert not list(tmp_path.glob("crash-*"))
    assert not list(tmp_path.glob("oom-*"))
