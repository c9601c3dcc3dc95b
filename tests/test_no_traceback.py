"""The command line on bad input: clear messages, the right exit code, never a traceback.

Every case runs twice: in-process through ``mttq_core.cli.main(argv, out=..., err=...)``
and as ``python -m mttq_core validate PATH`` in a subprocess (SPEC §6: exit 0 ok, 1 invalid
data, 2 usage error).
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, NamedTuple

import pytest

import mttq_core
from mttq_core import cli


class Run(NamedTuple):
    """What one run of the command line produced."""

    code: int
    out: str
    err: str
    #: Anything written to the real ``sys.stdout``/``sys.stderr`` instead of the streams
    #: given to ``main`` (in-process runs only).
    stray: str = ""


Runner = Callable[[list[str]], Run]


def run_main(args: list[str]) -> Run:
    """Run ``cli.main`` in this process with string streams."""
    out, err = io.StringIO(), io.StringIO()
    stray_out, stray_err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(stray_out), contextlib.redirect_stderr(stray_err):
        code = cli.main(args, out=out, err=err)
    return Run(code, out.getvalue(), err.getvalue(), stray_out.getvalue() + stray_err.getvalue())


def run_process(args: list[str]) -> Run:
    """Run ``python -m mttq_core`` in a subprocess."""
    proc = subprocess.run(
        [sys.executable, "-m", "mttq_core", *args],
        capture_output=True,
        timeout=120,
        check=False,
        env={**os.environ, "PYTHONIOENCODING": "utf-8"},
    )
    return Run(proc.returncode, proc.stdout.decode("utf-8"), proc.stderr.decode("utf-8"))


RUNNERS = [
    pytest.param(run_main, id="in-process"),
    pytest.param(run_process, id="subprocess"),
]


def assert_clean(run: Run) -> None:
    """No traceback anywhere, and nothing written around the streams ``main`` was given."""
    for text in (run.out, run.err, run.stray):
        assert "Traceback" not in text
    assert run.stray == ""


def good_text() -> str:
    """A valid dataset: the built-in example, written out."""
    return mttq_core.dumps(mttq_core.example())


def good_summary() -> str:
    return mttq_core.example().summary()


# -- files whose content is not a dataset ----------------------------------------------------


class FileCase(NamedTuple):
    """A file's content and what ``validate`` must answer."""

    id: str
    content: Callable[[], bytes]
    code: int
    #: Exact stdout lines; ``None`` for a valid file (the one-line summary is checked).
    lines: list[str] | None


SMALL_BAD = {
    "format": "mttq-core/9",
    "committee": {"name": "Ủy ban MTTQ Việt Nam huyện Gia Lâm"},
    "terms": [],
    "communes": [],
    "indicators": [],
    "notes": 7,
}

FILE_CASES = [
    FileCase("good-file", lambda: good_text().encode(), 0, None),
    FileCase("utf8-bom", lambda: "\ufeff".encode() + good_text().encode(), 0, None),
    FileCase(
        "invalid-json",
        lambda: b'{"format": "mttq-core/1", "title": }',
        1,
        ["$: not valid JSON: Expecting value at line 1, column 36"],
    ),
    FileCase(
        "top-level-array",
        lambda: b'[{"format": "mttq-core/1"}]',
        1,
        ["$: expected a JSON object (the dataset), got an array"],
    ),
    FileCase(
        "empty-file",
        lambda: b"",
        1,
        ["$: the document is empty; expected a JSON object (the dataset)"],
    ),
    FileCase(
        "png-header",
        lambda: b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10",
        1,
        [
            (
                "$: not UTF-8 text: byte 0x89 at offset 0 cannot be decoded; a dataset is a "
                "UTF-8 JSON file"
            )
        ],
    ),
    FileCase(
        "utf16",
        lambda: good_text().encode("utf-16"),
        1,
        ["$: the file is UTF-16 (it starts with a UTF-16 byte-order mark); save it as UTF-8"],
    ),
    FileCase(
        "bad-dataset",
        lambda: json.dumps(SMALL_BAD, ensure_ascii=False).encode(),
        1,
        [
            "$.title: required key is missing",
            "$.format: 'mttq-core/9' is not a format this version reads; expected 'mttq-core/1'",
            "$.notes: expected text (a string), got an integer",
        ],
    ),
]


@pytest.mark.parametrize("runner", RUNNERS)
@pytest.mark.parametrize("case", FILE_CASES, ids=[c.id for c in FILE_CASES])
def test_validate_file(case: FileCase, runner: Runner, tmp_path: Path) -> None:
    path = tmp_path / "dataset.json"
    path.write_bytes(case.content())
    run = runner(["validate", str(path)])
    assert_clean(run)
    assert run.code == case.code
    if case.code == 0:
        assert run.out == f"ok: {path}: {good_summary()}\n"
        assert run.out.startswith("ok:")
    else:
        assert case.lines is not None
        assert run.out.splitlines() == case.lines
        count = len(case.lines)
        noun = "problem" if count == 1 else "problems"
        assert run.err.splitlines()[-1] == f"mttq-core: invalid dataset: {count} {noun}"


@pytest.mark.parametrize("runner", RUNNERS)
@pytest.mark.parametrize("title_missing", [False, True], ids=["alone", "with-title-missing"])
def test_periods_ending_same_day(runner: Runner, title_missing: bool, tmp_path: Path) -> None:
    # "2021" and "2021-Q4" of one commune and indicator both end on 2021-12-31 (SPEC §2.2).
    doc: dict[str, Any] = json.loads(good_text())
    latest = {i["id"] for i in doc["indicators"] if i["accumulation"] == "latest"}
    index = next(
        n
        for n, o in enumerate(doc["observations"])
        if o["period"] == "2021" and o["indicator"] in latest
    )
    doc["observations"].append({**doc["observations"][index], "period": "2021-Q4"})
    added = len(doc["observations"]) - 1
    message = (
        "period 2021-Q4 ends on 2021-12-31, the same day as period 2021 at "
        f"$.observations[{index}] (same commune and indicator); periods of one series may not "
        "end on the same day"
    )
    expected = [f"$.observations[{added}].period: {message}"]
    if title_missing:
        del doc["title"]
        expected.insert(0, "$.title: required key is missing")
    path = tmp_path / "dataset.json"
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    run = runner(["validate", str(path)])
    assert_clean(run)
    assert run.code == 1
    assert run.out.splitlines() == expected


@pytest.mark.parametrize("runner", RUNNERS)
def test_bad_file_prints_path_colon_message_lines(runner: Runner, tmp_path: Path) -> None:
    doc: dict[str, Any] = json.loads(good_text())
    doc["observations"][0]["value"] = "104.5"
    doc["observations"][0].pop("numerator", None)
    doc["observations"][0].pop("denominator", None)
    doc["terms"][0]["color"] = "red"
    text = json.dumps(doc, ensure_ascii=False)
    path = tmp_path / "bad.json"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(mttq_core.DatasetError) as info:
        mttq_core.loads(text)
    run = runner(["validate", str(path)])
    assert_clean(run)
    assert run.code == 1
    assert run.out.splitlines() == [f"{p.path}: {p.message}" for p in info.value.problems]
    assert "$.terms[0].color: unknown key; allowed keys here: id, name, start, end, resolution" in (
        run.out.splitlines()
    )


# -- paths that are not dataset files ---------------------------------------------------------


@pytest.mark.parametrize("runner", RUNNERS)
def test_missing_file_is_a_usage_error(runner: Runner, tmp_path: Path) -> None:
    path = tmp_path / "không-có.json"
    run = runner(["validate", str(path)])
    assert_clean(run)
    assert run.code == 2
    assert run.out == ""
    assert run.err == f"mttq-core: {str(path)!r} does not exist\n"


@pytest.mark.parametrize("runner", RUNNERS)
def test_directory_is_a_usage_error(runner: Runner, tmp_path: Path) -> None:
    run = runner(["validate", str(tmp_path)])
    assert_clean(run)
    assert run.code == 2
    assert run.out == ""
    assert run.err == f"mttq-core: {str(tmp_path)!r} is a directory; give a dataset JSON file\n"


# -- arguments -----------------------------------------------------------------------------------


@pytest.mark.parametrize("runner", RUNNERS)
def test_no_dataset_uses_the_built_in_example(runner: Runner) -> None:
    run = runner(["validate"])
    assert_clean(run)
    assert run.code == 0
    assert run.out == f"ok: built-in example: {good_summary()}\n"
    first = run.err.splitlines()[0]
    assert first.startswith("mttq-core: no DATASET given; using the built-in example")


@pytest.mark.parametrize("runner", RUNNERS)
def test_unknown_option_is_a_usage_error(runner: Runner, tmp_path: Path) -> None:
    path = tmp_path / "dataset.json"
    path.write_text(good_text(), encoding="utf-8")
    run = runner(["validate", "--strict", str(path)])
    assert_clean(run)
    assert run.code == 2
    assert run.out == ""
    assert "usage: mttq-core" in run.err
    assert "unrecognized arguments: --strict" in run.err


@pytest.mark.parametrize("runner", RUNNERS)
def test_unknown_command_is_a_usage_error(runner: Runner) -> None:
    run = runner(["check"])
    assert_clean(run)
    assert run.code == 2
    assert run.out == ""
    assert "invalid choice: 'check'" in run.err


def test_standard_input_with_bad_json() -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "mttq_core", "validate", "-"],
        input=b"{,}",
        capture_output=True,
        timeout=120,
        check=False,
        env={**os.environ, "PYTHONIOENCODING": "utf-8"},
    )
    stdout, stderr = proc.stdout.decode("utf-8"), proc.stderr.decode("utf-8")
    assert "Traceback" not in stdout + stderr
    assert proc.returncode == 1
    assert stdout.splitlines() == [
        "$: not valid JSON: Expecting property name enclosed in double quotes at line 1, column 2"
    ]
