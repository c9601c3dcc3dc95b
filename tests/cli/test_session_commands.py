"""``mttq-core brief``, ``sessions`` and ``funds``: output, exit codes, no tracebacks."""

from __future__ import annotations

import contextlib
import io
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any, NamedTuple

import pytest

import mttq_core as m
from mttq_core import cli


class Run(NamedTuple):
    code: int
    out: str
    err: str


def run(args: list[str]) -> Run:
    out, err, stray = io.StringIO(), io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(stray), contextlib.redirect_stderr(stray):
        code = cli.main(args, out=out, err=err)
    assert stray.getvalue() == ""
    result = Run(code, out.getvalue(), err.getvalue())
    assert "Traceback" not in result.out + result.err
    return result


def usage(args: list[str], message: str) -> None:
    result = run(args)
    assert result.code == 2, result
    assert result.out == ""
    assert message in result.err, result.err


# -- brief -------------------------------------------------------------------------------


def test_brief_markdown_is_the_python_document() -> None:
    result = run(["brief", "--commune", "00583", "--as-of", "2022-04-18"])
    assert result.code == 0
    assert result.out == m.brief(m.example(), "00583", as_of="2022-04-18").markdown()
    assert "using the built-in example" in result.err


def test_brief_html_is_the_python_document() -> None:
    result = run(["brief", "--commune", "00583", "--as-of", "2022-04-18", "--format", "html"])
    assert result.code == 0
    assert result.out == m.brief(m.example(), "00583", as_of="2022-04-18").html()


def test_brief_options_reach_the_document(tmp_path: Path) -> None:
    path = tmp_path / "ds.json"
    m.dump(m.example(), path)
    result = run(
        [
            "brief",
            str(path),
            "--commune",
            "00583",
            "--as-of",
            "2022-04-18",
            "--window-days",
            "60",
            "--method",
            "cagr",
        ]
    )
    assert result.code == 0
    expected = m.brief(m.example(), "00583", as_of="2022-04-18", window_days=60, method="cagr")
    assert result.out == expected.markdown()
    assert "1 khoản quá 60 ngày" in result.out
    assert result.err == ""


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["brief"], "the following arguments are required: --commune"),
        (["brief", "--commune", "99999", "--as-of", "2022-04-18"], "--commune: '99999' is not"),
        (["brief", "--commune", "00583", "--format", "pdf"], "--format: 'pdf' is not allowed"),
        (["brief", "--commune", "00583", "--as-of", "18/4/2022"], "--as-of: '18/4/2022'"),
        (["brief", "--commune", "00583", "--window-days", "-3"], "--window-days: '-3'"),
        (["brief", "--commune", "00583", "--method", "mean"], "--method: 'mean'"),
        (
            ["brief", "--commune", "00583", "--as-of", "2022-04-18", "--term", "x"],
            "--term: 'x' is not a term",
        ),
        (
            ["brief", "--commune", "00583", "--as-of", "2010-01-01"],
            "--as-of: no term of the dataset contains 2010-01-01",
        ),
    ],
)
def test_brief_usage_errors(args: list[str], message: str) -> None:
    usage(args, message)


def test_brief_on_invalid_data_prints_path_lines(tmp_path: Path) -> None:
    doc = json.loads(m.dumps(m.example()))
    doc["funds"][0]["entries"][0]["amount"] = 1.5
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    result = run(["brief", str(path), "--commune", "00583", "--as-of", "2022-04-18"])
    assert result.code == 1
    assert result.out.startswith("$.funds[0].entries[0].amount: ")
    assert "invalid dataset: 1 problem" in result.err


# -- sessions ----------------------------------------------------------------------------


def sessions_json(*args: str) -> dict[str, Any]:
    result = run(["sessions", "--format", "json", *args])
    assert result.code == 0, result
    doc: dict[str, Any] = json.loads(result.out)
    return doc


def test_sessions_follow_up_as_json() -> None:
    doc = sessions_json("--as-of", "2022-04-18")
    assert doc["format"] == "mttq-core/follow-up/1"
    assert doc["as_of"] == "2022-04-18"
    states = {(i["session"], i["conclusion"]): i["status"] for i in doc["items"]}
    assert states[("2021-04-08-bat-trang", "a1")] == "done"
    assert states[("2021-04-08-bat-trang", "a2")] == "overdue"
    assert states[("2022-04-18-bat-trang", "k7")] == "open"
    assert len(states) == 11
    a2 = next(i for i in doc["items"] if i["conclusion"] == "a2")
    assert a2["days_overdue"] == 108
    assert a2["targets"] == [{"indicator": "nha_dai_doan_ket", "status": "on_track"}]


def test_sessions_open_only_and_by_due() -> None:
    doc = sessions_json("--as-of", "2022-10-01", "--open", "--by", "due")
    items = doc["items"]
    assert all(i["status"] in {"open", "overdue"} for i in items)
    dues = [i["due"] for i in items]
    assert dues == sorted(dues)
    assert {i["conclusion"] for i in items if i["status"] == "overdue"} == {"a3", "k7"}


def test_sessions_table_groups() -> None:
    by_commune = run(["sessions", "--as-of", "2022-04-18"])
    assert by_commune.code == 0
    assert "xã Bát Tràng (00583)" in by_commune.out
    assert "a2  [Quá hạn 108 ngày]  hạn 31/12/2021" in by_commune.out
    by_head = run(["sessions", "--as-of", "2022-04-18", "--by", "head", "--open"])
    assert "Trưởng đoàn Hoàng Anh Tú" in by_head.out
    assert "a1  [" not in by_head.out  # done, and --open
    empty = run(["sessions", "--as-of", "2020-01-01"])
    assert "(không có kết luận nào)" in empty.out


def test_sessions_schedule() -> None:
    doc = sessions_json("--schedule", "2022-04", "--as-of", "2022-04-22")
    assert doc["format"] == "mttq-core/schedule/1"
    assert [s["commune"] for s in doc["held"]] == ["00583"]
    assert len(doc["planned"]) == 5
    assert [s["id"] for s in doc["past_due"]] == ["2022-04-20-kieu-ky", "2022-04-21-kim-son"]
    assert (len(doc["not_visited"]), len(doc["unplanned"])) == (21, 16)
    table = run(["sessions", "--schedule", "2022-Q2", "--as-of", "2022-04-18"])
    assert "Chưa làm việc trong kỳ: 21" in table.out
    assert "xã Kiêu Kỵ (00580) (đã có lịch)" in table.out


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["sessions", "--schedule", "April"], "--schedule: 'April'"),
        (["sessions", "--by", "month"], "--by: 'month' is not allowed"),
        (["sessions", "--format", "csv"], "--format: 'csv' is not allowed"),
        (["sessions", "--as-of", "2022-02-30"], "--as-of: '2022-02-30' is not a date"),
    ],
)
def test_sessions_usage_errors(args: list[str], message: str) -> None:
    usage(args, message)


# -- funds -------------------------------------------------------------------------------


def funds_json(*args: str) -> dict[str, Any]:
    result = run(["funds", "--format", "json", *args])
    assert result.code == 0, result
    doc: dict[str, Any] = json.loads(result.out)
    return doc


def test_funds_statement_as_json() -> None:
    doc = funds_json("--fund", "vnn-bat-trang", "--from", "2022-01-01", "--to", "2022-04-18")
    assert doc["format"] == "mttq-core/funds/1"
    (f,) = doc["funds"]
    assert (f["opening"], f["receipts"], f["disbursements"], f["closing"]) == (
        251_800_000,
        20_000_000,
        50_000_000,
        221_800_000,
    )
    assert (f["cash"], f["transfer"], f["in_kind"]) == (0, 20_000_000, 0)
    assert [(e["id"], e["balance"]) for e in f["entries"]] == [
        ("2022-002", 201_800_000),
        ("2022-003", 221_800_000),
    ]
    assert f["disclosure"]["covered"] == 20
    assert all(type(f[k]) is int for k in ("opening", "receipts", "closing"))


def test_funds_outstanding_pledges() -> None:
    doc = funds_json("--fund", "vnn-bat-trang", "--from", "2022-01-01", "--to", "2022-12-31")
    (pledge,) = doc["funds"][0]["outstanding_pledges"]
    assert (pledge["amount"], pledge["received"], pledge["outstanding"]) == (
        50_000_000,
        30_000_000,
        20_000_000,
    )


def test_funds_table_and_defaults() -> None:
    result = run(["funds", "--to", "2022-04-18"])
    assert result.code == 0
    assert result.out.startswith("Báo cáo thu, chi các quỹ từ 01/01/2022 đến 18/04/2022\n")
    assert "Số dư cuối kỳ               221.800.000 đ" in result.out
    assert "Quỹ Cứu trợ huyện Gia Lâm (cuu-tro-huyen)" in result.out
    before = funds_json("--to", "2018-12-31")
    assert before["funds"] == []
    assert before["not_open"] == ["cuu-tro-huyen", "vnn-bat-trang"]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["funds", "--fund", "quy-x"], "--fund: 'quy-x' is not a fund of this dataset; known:"),
        (["funds", "--from", "2022-05-01", "--to", "2022-04-01"], "--to: 2022-04-01 is before"),
        (["funds", "--from", "2022-5-1"], "--from: '2022-5-1' is not a date"),
        (["funds", "--to", "tomorrow"], "--to: 'tomorrow' is not a date"),
        (["funds", "--window-days", "x"], "--window-days: 'x'"),
    ],
)
def test_funds_usage_errors(args: list[str], message: str) -> None:
    usage(args, message)


@pytest.mark.parametrize(
    "args",
    [
        ["brief", "--commune", "00583", "--as-of", "2022-04-18"],
        ["sessions", "--as-of", "2022-04-18"],
        ["funds", "--to", "2022-04-18"],
    ],
)
def test_commands_run_as_a_module(args: list[str]) -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "mttq_core", *args],
        capture_output=True,
        timeout=120,
        check=False,
        env={**os.environ, "PYTHONIOENCODING": "utf-8"},
    )
    assert proc.returncode == 0
    assert proc.stdout.decode("utf-8") == run(args).out
    assert b"Traceback" not in proc.stderr
