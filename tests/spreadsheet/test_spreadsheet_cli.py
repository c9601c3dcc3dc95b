"""``mttq-core export`` and ``mttq-core import``: files, exit codes, never a traceback."""

from __future__ import annotations

import contextlib
import io
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import NamedTuple

import openpyxl
import pytest

import mttq_core
from mttq_core import cli
from mttq_core.spreadsheet import read_dataset

AS_OF = "2022-04-18"


class Run(NamedTuple):
    code: int
    out: str
    err: str


class Terminal(io.StringIO):
    """A text stream that says it is a terminal."""

    def isatty(self) -> bool:
        return True


def run(args: list[str], *, out: io.StringIO | None = None) -> Run:
    out = out if out is not None else io.StringIO()
    err = io.StringIO()
    stray = io.StringIO()
    with contextlib.redirect_stdout(stray), contextlib.redirect_stderr(stray):
        code = cli.main(args, out=out, err=err)
    assert stray.getvalue() == ""
    assert "Traceback" not in out.getvalue() + err.getvalue()
    return Run(code, out.getvalue(), err.getvalue())


def process(args: list[str], stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "mttq_core", *args],
        input=stdin,
        capture_output=True,
        timeout=120,
        check=False,
        env={**os.environ, "PYTHONIOENCODING": "utf-8"},
    )


@pytest.fixture(scope="module")
def workbook(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("export") / "gia_lam.xlsx"
    result = run(["export", "--to", "xlsx", "--output", str(path)])
    assert result.code == 0, result.err
    return path


def test_export_then_import_gives_the_example_back(workbook: Path, tmp_path: Path) -> None:
    result = run(["import", str(workbook)])
    assert result.code == 0, result.out
    assert mttq_core.loads(result.out) == mttq_core.example()
    assert result.err.startswith("ok: imported ")
    target = tmp_path / "back.json"
    result = run(["import", str(workbook), "--output", str(target)])
    assert result.code == 0
    assert result.out == ""
    assert mttq_core.load(target) == mttq_core.example()


def test_export_a_given_dataset(tmp_path: Path) -> None:
    source = tmp_path / "ds.json"
    mttq_core.dump(mttq_core.example(), source)
    result = run(["export", str(source), "--to", "xlsx", "-o", str(tmp_path / "ds.xlsx")])
    assert result.code == 0
    assert f"wrote the dataset of {source} to " in result.err


def test_export_csv(tmp_path: Path) -> None:
    result = run(["export", "--to", "csv", "--output", str(tmp_path / "csv")])
    assert result.code == 0, result.err
    assert "wrote 17 CSV files" in result.err
    assert (tmp_path / "csv" / "so_lieu.csv").exists()


def test_export_scorecard(tmp_path: Path) -> None:
    path = tmp_path / "bang_diem.xlsx"
    result = run(["export", "--to", "xlsx", "--scorecard", "--as-of", AS_OF, "-o", str(path)])
    assert result.code == 0, result.err
    assert openpyxl.load_workbook(path).sheetnames[:3] == ["Xếp hạng", "Đánh giá", "Ủy ban"]
    result = run(["export", "--to", "csv", "--scorecard", "--as-of", AS_OF, "-o", str(tmp_path)])
    assert result.code == 0
    assert (tmp_path / "danh_gia.csv").exists()


def test_export_a_workbook_to_standard_output() -> None:
    proc = process(["export", "--to", "xlsx"])
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.startswith(b"PK")
    assert read_dataset(proc.stdout) == mttq_core.example()


def test_import_from_standard_input(workbook: Path) -> None:
    proc = process(["import", "-"], stdin=workbook.read_bytes())
    assert proc.returncode == 0, proc.stderr
    assert mttq_core.loads(proc.stdout) == mttq_core.example()


USAGE = {
    "no --to": (["export"], "the following arguments are required: --to"),
    "unknown target": (["export", "--to", "pdf"], "--to: 'pdf' is not allowed"),
    "csv without a directory": (["export", "--to", "csv"], "give --output DIRECTORY"),
    "as-of without scorecard": (
        ["export", "--to", "xlsx", "--as-of", AS_OF, "-o", "x.xlsx"],
        "--as-of, --term and --method apply only with --scorecard",
    ),
    "bad as-of": (
        ["export", "--to", "xlsx", "--scorecard", "--as-of", "18/04/2022", "-o", "x.xlsx"],
        "--as-of: '18/04/2022' is not a date",
    ),
    "bad method": (
        ["export", "--to", "xlsx", "--scorecard", "--method", "x", "-o", "x.xlsx"],
        "--method: 'x' is not allowed",
    ),
    "missing workbook": (["import", "missing.xlsx"], "'missing.xlsx' does not exist"),
    "bad max size": (["import", "x.xlsx", "--max-size", "20MB"], "--max-size: '20MB'"),
}


@pytest.mark.parametrize(("args", "message"), USAGE.values(), ids=list(USAGE))
def test_usage_errors_exit_2(args: list[str], message: str) -> None:
    result = run(args)
    assert result.code == 2
    assert message in result.err


def test_a_workbook_is_not_written_to_a_terminal() -> None:
    result = run(["export", "--to", "xlsx"], out=Terminal())
    assert result.code == 2
    assert "a workbook is binary: give --output FILE.xlsx" in result.err


def test_output_paths_of_the_wrong_kind(tmp_path: Path) -> None:
    file = tmp_path / "file"
    file.write_text("x")
    assert run(["export", "--to", "csv", "-o", str(file)]).code == 2
    assert run(["export", "--to", "xlsx", "-o", str(tmp_path)]).code == 2
    assert run(["import", str(tmp_path)]).code == 2


def test_a_bad_workbook_exits_1_with_one_line_per_problem(workbook: Path, tmp_path: Path) -> None:
    book = openpyxl.load_workbook(workbook)
    book["Số liệu"]["D2"] = "95%"
    book["Nhiệm kỳ"]["C2"] = "18/04/2022"
    bad = tmp_path / "bad.xlsx"
    book.save(bad)
    result = run(["import", str(bad)])
    assert result.code == 1
    assert result.out.splitlines() == [
        (
            "Nhiệm kỳ!C2: '18/04/2022' is a date typed as text; type it in a date cell or as "
            "YYYY-MM-DD (for day 18, month 4: 2022-04-18)"
        ),
        (
            "Số liệu!D2: '95%' is text with a percent sign; type the number 95 in a number cell "
            "(percent values are written 0–100, without '%')"
        ),
    ]
    assert result.err == f"mttq-core: cannot import {bad}: 2 problems\n"


BAD_FILES = {
    "empty": b"",
    "not a zip": b"Don vi;Chi tieu\n00526;gdvh\n",
    "encrypted": b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(1024),
    "truncated zip": b"PK\x03\x04" + bytes(200),
}


@pytest.mark.parametrize("content", BAD_FILES.values(), ids=list(BAD_FILES))
def test_bad_files_exit_1_without_a_traceback(content: bytes, tmp_path: Path) -> None:
    path = tmp_path / "bad.xlsx"
    path.write_bytes(content)
    result = run(["import", str(path)])
    assert result.code == 1
    assert result.out.startswith("bad.xlsx: ")
    proc = process(["import", str(path)])
    assert proc.returncode == 1
    assert b"Traceback" not in proc.stdout + proc.stderr


def test_a_huge_workbook_exits_1(workbook: Path) -> None:
    result = run(["import", str(workbook), "--max-size", "0.01"])
    assert result.code == 1
    assert "workbooks above 10.0 kB are refused" in result.out


def test_an_invalid_dataset_exits_1(tmp_path: Path) -> None:
    source = tmp_path / "bad.json"
    source.write_text(json.dumps({"format": "mttq-core/1"}), encoding="utf-8")
    result = run(["export", str(source), "--to", "xlsx", "-o", str(tmp_path / "x.xlsx")])
    assert result.code == 1
    assert "$.title: required key is missing" in result.out


def test_help_lists_the_commands() -> None:
    result = run(["--help"])
    assert result.code == 0
    assert "export" in result.out
    assert "import" in result.out
