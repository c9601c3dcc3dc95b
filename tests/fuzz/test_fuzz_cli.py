"""The command line on hostile files: exit 0, 1 or 2, never a traceback.

The files are the hostile documents of ``hostile.py``, written to disk; ``cli.main`` runs
in-process with string streams (``tests/test_no_traceback.py`` runs the same entry point
as a subprocess on chosen cases). ``validate`` runs on every file; the commands that go
further — ``assess`` in its three formats, ``sessions``, ``funds``, ``brief`` — run on the
files that load, on a date inside the dataset's term.
"""

from __future__ import annotations

import contextlib
import io
from datetime import timedelta
from pathlib import Path

import pytest
from hostile import Hostile, budget, count, hard_timeout, hostile_documents, install_report
from hypothesis import given, settings
from hypothesis import strategies as st

import mttq_core
from mttq_core import cli

DEADLINE = timedelta(seconds=5)
HANG_SECONDS = 60
EXIT_CODES = {0, 1, 2}


@pytest.fixture(scope="module", autouse=True)
def _report(pytestconfig: pytest.Config) -> None:
    install_report(pytestconfig)


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("fuzz-cli")


def run(args: list[str]) -> tuple[int, str, str]:
    """Run the command line in this process; nothing may go around the given streams."""
    out, err, stray = io.StringIO(), io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(stray), contextlib.redirect_stderr(stray):
        code = cli.main(args, out=out, err=err)
    assert stray.getvalue() == "", f"written around the streams: {stray.getvalue()[:500]!r}"
    for text in (out.getvalue(), err.getvalue()):
        assert "Traceback" not in text, text[-3000:]
    assert code in EXIT_CODES, (code, err.getvalue()[-2000:])
    return code, out.getvalue(), err.getvalue()


def _write(folder: Path, doc: Hostile) -> Path:
    path = folder / "dataset.json"
    data = doc.data if isinstance(doc.data, bytes) else doc.data.encode("utf-8", "surrogatepass")
    path.write_bytes(data)
    return path


def _commands(dataset: mttq_core.Dataset, path: str, how: int) -> list[list[str]]:
    """The commands that go past reading, on a day inside the first term."""
    day = "2022-04-18"  # no term: the commands say so (exit 1 or 2)
    if dataset.terms:
        term = dataset.terms[0]
        day = term.start.add(days=(term.end - term.start).days // 2).isoformat()
    commune = dataset.communes[how % len(dataset.communes)].code if dataset.communes else "00001"
    formats = ("table", "json", "csv")
    return [
        ["assess", path, "--as-of", day, "--format", formats[how % 3]]
        + (["--explain"] if how % 2 else []),
        ["sessions", path, "--as-of", day, "--format", ("table", "json")[how % 2]],
        ["funds", path, "--to", day, "--format", ("table", "json")[how % 2]],
        ["brief", path, "--commune", commune, "--as-of", day, "--format", ("md", "html")[how % 2]],
    ]


@settings(max_examples=budget(share=5), deadline=DEADLINE)
@given(doc=hostile_documents(), how=st.integers(0, 5))
def test_the_command_line_never_shows_a_traceback(folder: Path, doc: Hostile, how: int) -> None:
    count("command line: hostile files")
    path = _write(folder, doc)
    with hard_timeout(HANG_SECONDS):
        code, out, _ = run(["validate", str(path)])
        try:
            dataset = mttq_core.loads(path.read_bytes())
        except mttq_core.DatasetError as e:
            problems = [f"{p.path}: {p.message}" for p in e.problems]
            dataset = None
        if dataset is None:
            assert code == 1
            assert out.splitlines() == problems
            return
        assert code == 0
        assert out.startswith("ok: ")
        for args in _commands(dataset, str(path), how):
            run(args)
