"""The shape of the project: the quickstart, CI, the one-way imports, a light import."""

from __future__ import annotations

import ast
import re
import subprocess
import sys
from pathlib import Path

import pytest

import mttq_core

ROOT = Path(__file__).resolve().parents[1]
SRC = ROOT / "src" / "mttq_core"


def _quickstart() -> list[str]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text.split("## Quickstart", 1)[1].split("\n## ", 1)[0]
    blocks = re.findall(r"```bash\n(.*?)```", section, flags=re.S)
    assert len(blocks) == 1, "the quickstart holds exactly one bash block"
    return [line for line in blocks[0].splitlines() if line.strip()]


def test_quickstart_has_exactly_two_commands() -> None:
    commands = _quickstart()
    assert len(commands) == 2
    assert commands[0].endswith("mttq-core assess --as-of 2022-04-18")
    assert commands[1].endswith("-m pytest")


def test_ci_runs_the_readme_test_command() -> None:
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8").strip().splitlines()
    assert ci[-1] == _quickstart()[1]


ALLOWED_IN_MODEL = {
    "__future__",
    "attrs",
    "pendulum",
    "calendar",
    "collections",
    "dataclasses",
    "datetime",
    "decimal",
    "enum",
    "functools",
    "itertools",
    "operator",
    "re",
    "types",
    "typing",
    "unicodedata",
}


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.add(node.module.split(".")[0])
    return names


@pytest.mark.parametrize("path", sorted((SRC / "model").glob("*.py")), ids=lambda p: p.name)
def test_the_model_imports_no_io(path: Path) -> None:
    """The domain model imports only the standard library's pure parts, attrs and pendulum."""
    assert _imports(path) <= ALLOWED_IN_MODEL


@pytest.mark.parametrize("path", sorted((SRC / "model").glob("*.py")), ids=lambda p: p.name)
def test_the_model_never_imports_an_edge(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    assert "mttq_core.serde" not in text
    assert "from .." not in text


def test_import_is_light() -> None:
    code = (
        "import sys, mttq_core; "
        "heavy = [m for m in ('hypothesis', 'pandas', 'matplotlib', 'openpyxl', 'numpy', "
        "'mttq_core.registry', 'mttq_core.scoring', 'mttq_core.serde', 'cattrs') "
        "if m in sys.modules]; print(heavy)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"


def test_the_lazy_scoring_names_are_the_scorings() -> None:
    from mttq_core import scoring  # noqa: PLC0415

    assert list(mttq_core._SCORING_NAMES) == list(scoring.__all__)


def test_public_face_is_declared() -> None:
    assert sorted(dir(mttq_core)) == sorted(mttq_core.__all__)
    for name in mttq_core.__all__:
        assert hasattr(mttq_core, name), name


def test_changelog_mentions_this_version() -> None:
    changelog = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    assert "## [Unreleased]" in changelog or f"## [{mttq_core.__version__}]" in changelog


def test_package_ships_type_information_and_the_example() -> None:
    assert (SRC / "py.typed").exists()
    assert (SRC / "examples" / "gia_lam_2019_2024.json").exists()
