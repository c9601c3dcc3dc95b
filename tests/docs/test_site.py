"""The documentation site builds offline with warnings as errors, and covers the whole API."""

from __future__ import annotations

import importlib
import inspect
import re
import subprocess
import sys
from pathlib import Path

import pytest

import mttq_core

pytest.importorskip("sphinx")
pytest.importorskip("myst_parser")
pytest.importorskip("furo")

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs"

PAGES = [
    "index",
    "getting-started",
    "tutorial",
    "format",
    "model",
    "scoring",
    "sessions-and-funds",
    "registry",
    "registry-sources",
    "testing",
    "cli",
    "api",
    "glossary",
    "development",
    "performance",
    "reliability",
]
MODULES = [
    "model",
    "scoring",
    "serde",
    "report",
    "followup",
    "ledger",
    "briefing",
    "registry",
    "testing",
    "frames",
    "plot",
    "spreadsheet",
]


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("site")
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "sphinx",
            "-W",  # warnings are errors
            "--keep-going",  # ... all of them reported at once
            "-n",  # every cross-reference must resolve (conf.py lists the external ones)
            "-q",
            "-b",
            "html",
            "-d",
            str(out / "doctrees"),
            str(DOCS),
            str(out / "html"),
        ],
        capture_output=True,
        text=True,
        check=False,
        cwd=ROOT,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "WARNING" not in result.stderr, result.stderr
    return out / "html"


def _ids(page: Path) -> set[str]:
    return set(re.findall(r'id="([^"]+)"', page.read_text(encoding="utf-8")))


def test_every_page_is_built(site: Path) -> None:
    for page in PAGES:
        assert (site / f"{page}.html").is_file(), page
    for module in MODULES:
        assert (site / "api" / f"{module}.html").is_file(), module


def test_the_schema_is_served_as_it_is(site: Path) -> None:
    assert (site / "dataset.schema.json").read_bytes() == (
        DOCS / "dataset.schema.json"
    ).read_bytes()


def test_the_tutorial_page_shows_the_notebook_and_links_it(site: Path) -> None:
    page = (site / "tutorial.html").read_text(encoding="utf-8")
    assert "Tutorial: the Gia Lâm example in a notebook" in page
    assert "assessments_frame" in page
    assert re.search(r'href="_downloads/[0-9a-f]+/tutorial\.ipynb"', page)
    [copy] = list((site / "_downloads").glob("*/tutorial.ipynb"))
    assert copy.read_bytes() == (DOCS / "tutorial.ipynb").read_bytes()


def test_every_public_name_is_in_the_api_reference(site: Path) -> None:
    documented: set[str] = set()
    for module in MODULES:
        ids = _ids(site / "api" / f"{module}.html")
        documented |= ids
        mod = importlib.import_module(f"mttq_core.{module}")
        missing = [name for name in mod.__all__ if f"mttq_core.{module}.{name}" not in ids]
        assert missing == [], f"mttq_core.{module}: {missing}"
    top = _ids(site / "api" / "mttq_core.html")
    for name in mttq_core.__all__:
        obj = getattr(mttq_core, name)
        if inspect.ismodule(obj) or name == "__version__":
            continue
        homes = {f"mttq_core.{name}"} | {f"mttq_core.{m}.{name}" for m in MODULES}
        assert homes & (top | documented), name


def test_the_api_reference_shows_the_docstrings(site: Path) -> None:
    page = (site / "api" / "scoring.html").read_text(encoding="utf-8")
    assert 'id="mttq_core.scoring.assess"' in page
    summary = (mttq_core.assess.__doc__ or "").splitlines()[0]
    assert summary
    assert summary in page
    assert ".. py:" not in page  # reST from autodoc was parsed as reST, not shown as text
