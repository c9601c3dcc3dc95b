"""The code base stays typed and clean: mypy --strict and ruff are part of the test suite."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", *args], cwd=ROOT, capture_output=True, text=True, check=False
    )


def test_mypy_strict() -> None:
    result = _run("mypy")  # files and strictness from pyproject.toml
    assert result.returncode == 0, result.stdout + result.stderr


def test_ruff_lint() -> None:
    result = _run("ruff", "check", "src", "tests", "tools")
    assert result.returncode == 0, result.stdout + result.stderr


def test_ruff_format() -> None:
    result = _run("ruff", "format", "--check", "src", "tests", "tools")
    assert result.returncode == 0, result.stdout + result.stderr


def test_tools_are_installed_by_the_dev_group() -> None:
    assert shutil.which("mypy", path=str(Path(sys.executable).parent)) is not None
