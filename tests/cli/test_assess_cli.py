"""``mttq-core assess`` (SPEC §6): json, table and csv output, options, exit codes, no traceback."""

from __future__ import annotations

import contextlib
import csv
import io
import json
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any, NamedTuple

import pendulum
import pytest

import mttq_core
from mttq_core import cli

AS_OF = "2022-04-18"
ANSI = re.compile(r"\x1b\[[0-9;]*m")

ASSESSMENT_KEYS = {
    "commune",
    "indicator",
    "status",
    "category",
    "met",
    "actual",
    "target",
    "comparator",
    "progress",
    "expected",
    "data_date",
    "trend",
    "edge",
    "missing_periods",
}
COMMUNE_KEYS = {
    "commune",
    "name",
    "score",
    "coverage",
    "grade",
    "rank",
    "targets",
    "met",
    "by_status",
}
NUMBER_KEYS = ("actual", "target", "progress", "expected")
DECIMAL = re.compile(r"-?\d+(\.\d{1,6})?")


class Run(NamedTuple):
    code: int
    out: str
    err: str


class FakeTerminal(io.StringIO):
    """A string stream that says it is a terminal."""

    def isatty(self) -> bool:
        return True


def run(args: list[str], *, out: io.StringIO | None = None) -> Run:
    """Run ``cli.main`` in this process; nothing may reach the real stdout/stderr."""
    out = out if out is not None else io.StringIO()
    err = io.StringIO()
    stray = io.StringIO()
    with contextlib.redirect_stdout(stray), contextlib.redirect_stderr(stray):
        code = cli.main(args, out=out, err=err)
    result = Run(code, out.getvalue(), err.getvalue())
    assert stray.getvalue() == ""
    assert "Traceback" not in result.out + result.err
    return result


def example_doc() -> dict[str, Any]:
    doc: dict[str, Any] = json.loads(mttq_core.dumps(mttq_core.example()))
    return doc


def write(tmp_path: Path, doc: dict[str, Any]) -> str:
    path = tmp_path / "dataset.json"
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    return str(path)


@pytest.fixture
def no_colour_env(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("NO_COLOR", raising=False)


# -- json ------------------------------------------------------------------------------------


def test_json_has_exactly_the_spec_keys() -> None:
    result = run(["assess", "--as-of", AS_OF, "--format", "json"])
    assert result.code == 0
    doc = json.loads(result.out)
    assert set(doc) == {"format", "as_of", "term", "method", "assessments", "communes", "committee"}
    assert doc["format"] == "mttq-core/assessment/1"
    assert (doc["as_of"], doc["term"], doc["method"]) == (AS_OF, "2019-2024", "linear")
    card = mttq_core.assess(mttq_core.example(), as_of=AS_OF)
    assert len(doc["assessments"]) == len(card.assessments) > 0
    assert len(doc["communes"]) == len(card.communes) > 0
    assert len(doc["committee"]) == len(card.committee) > 0
    for a in doc["assessments"]:
        assert set(a) == ASSESSMENT_KEYS
        assert a["commune"] != "committee"
    for a in doc["committee"]:
        assert set(a) == ASSESSMENT_KEYS
        assert a["commune"] == "committee"
    for c in doc["communes"]:
        assert set(c) == COMMUNE_KEYS


def test_json_numbers_are_decimal_strings_with_at_most_six_places() -> None:
    doc = json.loads(run(["assess", "--as-of", AS_OF, "--format", "json"]).out)
    seen = 0
    for a in doc["assessments"] + doc["committee"]:
        for key in NUMBER_KEYS:
            value = a[key]
            assert value is None or isinstance(value, str)
            if value is not None:
                assert DECIMAL.fullmatch(value), (key, value)
                seen += 1
    for c in doc["communes"]:
        for key in ("score", "coverage"):
            assert c[key] is None or DECIMAL.fullmatch(c[key])
    assert seen > 0


def test_json_method_and_term_options() -> None:
    doc = json.loads(
        run(
            [
                "assess",
                "--as-of",
                AS_OF,
                "--term",
                "2019-2024",
                "--method",
                "cagr",
                "--format",
                "json",
            ]
        ).out
    )
    assert doc["method"] == "cagr"
    assert doc["term"] == "2019-2024"
    assert any(a["category"] is not None for a in doc["assessments"])


def test_json_explain_adds_an_explanation_per_assessment() -> None:
    doc = json.loads(run(["assess", "--as-of", AS_OF, "--format", "json", "--explain"]).out)
    for a in doc["assessments"] + doc["committee"]:
        assert set(a) == ASSESSMENT_KEYS | {"explanation"}
        assert a["explanation"]["method"] == "linear"
    plain = json.loads(run(["assess", "--as-of", AS_OF, "--format", "json"]).out)
    assert "explanation" not in plain["assessments"][0]


# -- table -----------------------------------------------------------------------------------


def test_table_is_the_default_and_speaks_vietnamese(no_colour_env: None) -> None:
    result = run(["assess", "--as-of", AS_OF])
    assert result.code == 0
    text = result.out
    assert not ANSI.search(text)
    card = mttq_core.assess(mttq_core.example(), as_of=AS_OF)
    assert card.title in text
    for label in ("Nhiệm kỳ", "Tính đến ngày", "Phương pháp: linear", "Trạng thái", "Xu hướng"):
        assert label in text
    assert "18/04/2022" in text
    assert AS_OF in text
    statuses = {a.status.label for a in card}
    for label in statuses:
        assert label in text
    assert "Bát Tràng (00583) — hạng" in text
    assert "đ" in text  # money
    assert "%" in text
    assert "Ủy ban MTTQ Việt Nam huyện Gia Lâm — các chỉ tiêu chung" in text


def test_table_blocks_follow_rank_order() -> None:
    text = run(["assess", "--as-of", AS_OF]).out
    card = mttq_core.assess(mttq_core.example(), as_of=AS_OF)
    positions = [text.index(f"{s.name} ({s.commune}) — hạng") for s in card.communes]
    assert positions == sorted(positions)


def test_table_colours_on_a_terminal(no_colour_env: None) -> None:
    result = run(["assess", "--as-of", AS_OF], out=FakeTerminal())
    assert result.code == 0
    assert "\x1b[32m" in result.out  # green: exceeded / achieved
    assert "\x1b[33m" in result.out  # yellow: behind
    assert "\x1b[0m" in result.out
    # Colour does not change the text itself.
    plain = run(["assess", "--as-of", AS_OF]).out
    assert ANSI.sub("", result.out) == plain


@pytest.mark.parametrize("value", ["1", "yes"])
def test_no_color_turns_colours_off(monkeypatch: pytest.MonkeyPatch, value: str) -> None:
    monkeypatch.setenv("NO_COLOR", value)
    result = run(["assess", "--as-of", AS_OF], out=FakeTerminal())
    assert result.code == 0
    assert not ANSI.search(result.out)


def test_empty_no_color_does_not_turn_colours_off(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NO_COLOR", "")  # https://no-color.org: present *and* not empty
    assert ANSI.search(run(["assess", "--as-of", AS_OF], out=FakeTerminal()).out)


def test_json_and_csv_never_carry_colours(no_colour_env: None) -> None:
    for fmt in ("json", "csv"):
        assert not ANSI.search(
            run(["assess", "--as-of", AS_OF, "--format", fmt], out=FakeTerminal()).out
        )


def test_table_explain_adds_a_block_per_target() -> None:
    plain = run(["assess", "--as-of", AS_OF]).out
    text = run(["assess", "--as-of", AS_OF, "--explain"]).out
    assert "Giải thích" not in plain
    card = mttq_core.assess(mttq_core.example(), as_of=AS_OF)
    assert text.count("Phương pháp: linear\n") >= len(list(card))
    assert "Tiến độ (p):" in text
    assert "Số liệu 2021:" in text


# -- csv -------------------------------------------------------------------------------------


def test_csv_one_row_per_assessment() -> None:
    result = run(["assess", "--as-of", AS_OF, "--format", "csv"])
    assert result.code == 0
    assert "\r\n" not in result.out
    rows = list(csv.DictReader(io.StringIO(result.out)))
    card = mttq_core.assess(mttq_core.example(), as_of=AS_OF)
    assert len(rows) == len(card.assessments) + len(card.committee)
    header = result.out.splitlines()[0].split(",")
    assert set(header) == ASSESSMENT_KEYS | {"commune_name", "indicator_name", "status_label"}
    assert [r["commune"] for r in rows[-len(card.committee) :]] == ["committee"] * len(
        card.committee
    )
    assert all(r["commune"] != "committee" for r in rows[: len(card.assessments)])
    first = card.assessments[0]
    assert rows[0]["status"] == first.status.value
    assert rows[0]["status_label"] == first.status.label
    for row in rows:
        for key in NUMBER_KEYS:
            assert row[key] == "" or DECIMAL.fullmatch(row[key])


def test_csv_neutralises_formulas_but_not_negative_numbers(tmp_path: Path) -> None:
    doc = example_doc()
    commune = next(c for c in doc["communes"] if c["code"] == "00526")
    commune["name"] = '=HYPERLINK("http://x";"y")'
    indicator = next(i for i in doc["indicators"] if i["id"] == "mo_hinh_dksk")
    indicator["name"] = "@SUM(A1:A9)"
    for o in doc["observations"]:
        if o["indicator"] == "mo_hinh_dksk" and o["commune"] == "00526":
            o["value"] = "-3"
    result = run(["assess", write(tmp_path, doc), "--as-of", AS_OF, "--format", "csv"])
    assert result.code == 0, result.err
    rows = list(csv.DictReader(io.StringIO(result.out)))
    row = next(r for r in rows if r["commune"] == "00526" and r["indicator"] == "mo_hinh_dksk")
    assert row["commune_name"] == '\'=HYPERLINK("http://x";"y")'
    assert row["indicator_name"] == "'@SUM(A1:A9)"
    assert row["actual"] == "-3"  # a number stays a number
    assert row["progress"] == "-8"  # (−3 − 1) / (1.5 − 1)


def test_csv_explain_adds_a_column() -> None:
    result = run(["assess", "--as-of", AS_OF, "--format", "csv", "--explain"])
    rows = list(csv.DictReader(io.StringIO(result.out)))
    assert rows[0]["explanation"].startswith("Phương pháp: linear\n")


# -- as_of and the clock -----------------------------------------------------------------------


def test_as_of_defaults_to_today_in_ho_chi_minh_city() -> None:
    before = pendulum.today("Asia/Ho_Chi_Minh").date().isoformat()
    doc = json.loads(run(["assess", "--format", "json"]).out)
    after = pendulum.today("Asia/Ho_Chi_Minh").date().isoformat()
    assert doc["as_of"] in {before, after}


def test_as_of_default_asks_for_the_ho_chi_minh_city_date(monkeypatch: pytest.MonkeyPatch) -> None:
    asked: list[object] = []

    def fake_today(tz: object = "local") -> pendulum.DateTime:
        asked.append(tz)
        return pendulum.datetime(2022, 4, 18, tz="Asia/Ho_Chi_Minh")

    monkeypatch.setattr(pendulum, "today", fake_today)
    doc = json.loads(run(["assess", "--format", "json"]).out)
    assert asked == ["Asia/Ho_Chi_Minh"]
    assert doc["as_of"] == AS_OF
    assert cli.today() == pendulum.Date(2022, 4, 18)


@pytest.mark.parametrize(
    "value", ["2022-13-01", "2022-02-30", "18/04/2022", "2022-4-18", "", "hôm nay"]
)
def test_bad_as_of_is_a_usage_error(value: str) -> None:
    result = run(["assess", f"--as-of={value}", "--format", "json"])
    assert result.code == 2
    assert result.out == ""
    lines = result.err.splitlines()
    assert len(lines) == 1
    assert lines[0].startswith(f"mttq-core: --as-of: {value!r} is not a date")
    assert "YYYY-MM-DD" in lines[0]


def test_as_of_before_every_term_is_a_usage_error() -> None:
    result = run(["assess", "--as-of", "2010-01-01"])
    assert result.code == 2
    assert result.out == ""
    last = result.err.splitlines()[-1]
    assert last.startswith("mttq-core: --as-of: no term of the dataset contains 2010-01-01")
    assert "2019-2024" in last
    assert "--term" in last


# -- term, method, format ----------------------------------------------------------------------


def test_unknown_term_is_a_usage_error() -> None:
    result = run(["assess", "--as-of", AS_OF, "--term", "2030-2035"])
    assert result.code == 2
    assert result.out == ""
    assert result.err.splitlines()[-1] == (
        "mttq-core: --term: '2030-2035' is not a term of this dataset; known: '2019-2024'"
    )


def test_unknown_method_is_a_usage_error() -> None:
    result = run(["assess", "--as-of", AS_OF, "--method", "sdg"])
    assert result.code == 2
    assert result.out == ""
    assert result.err == "mttq-core: --method: 'sdg' is not allowed; expected 'linear' or 'cagr'\n"


def test_unknown_format_is_a_usage_error() -> None:
    result = run(["assess", "--as-of", AS_OF, "--format", "xlsx"])
    assert result.code == 2
    assert result.err == (
        "mttq-core: --format: 'xlsx' is not allowed; expected 'table', 'json' or 'csv'\n"
    )


def test_unknown_option_is_a_usage_error() -> None:
    result = run(["assess", "--colour"])
    assert result.code == 2
    assert "unrecognized arguments: --colour" in result.err


# -- datasets ------------------------------------------------------------------------------------


def test_no_dataset_says_the_built_in_example_is_used() -> None:
    result = run(["assess", "--as-of", AS_OF, "--format", "json"])
    assert result.code == 0
    assert result.err.startswith("mttq-core: no DATASET given; using the built-in example")


def test_a_dataset_file(tmp_path: Path) -> None:
    path = write(tmp_path, example_doc())
    result = run(["assess", path, "--as-of", AS_OF, "--format", "json"])
    assert result.code == 0
    assert result.err == ""
    assert json.loads(result.out)["as_of"] == AS_OF


def test_invalid_dataset_exits_1_with_path_lines(tmp_path: Path) -> None:
    doc = example_doc()
    doc["observations"][0]["value"] = "104.5"
    del doc["title"]
    text = json.dumps(doc, ensure_ascii=False)
    with pytest.raises(mttq_core.DatasetError) as info:
        mttq_core.loads(text)
    expected = [f"{p.path}: {p.message}" for p in info.value.problems]
    assert "$.title: required key is missing" in expected
    result = run(["assess", write(tmp_path, doc), "--as-of", AS_OF])
    assert result.code == 1
    assert result.out.splitlines() == expected
    assert result.err.splitlines()[-1] == f"mttq-core: invalid dataset: {len(expected)} problems"


def test_missing_dataset_file_is_a_usage_error(tmp_path: Path) -> None:
    path = tmp_path / "không-có.json"
    result = run(["assess", str(path), "--as-of", AS_OF])
    assert result.code == 2
    assert result.err == f"mttq-core: {str(path)!r} does not exist\n"


def test_a_committee_target_nothing_scores_exits_1(tmp_path: Path) -> None:
    # A share_met committee target whose indicator no commune has a target for.
    doc = example_doc()
    for i in doc["indicators"]:
        if i["id"] == "mo_hinh_dksk":
            i["across_units"] = "share_met"
    doc["targets"] = [
        t
        for t in doc["targets"]
        if not (t["indicator"] == "mo_hinh_dksk" and t["scope"] != "committee")
    ]
    result = run(["assess", write(tmp_path, doc), "--as-of", AS_OF])
    assert result.code == 1
    assert result.out == ""
    assert result.err.startswith("mttq-core: cannot assess: ")
    assert "mo_hinh_dksk" in result.err


def test_validate_still_works() -> None:
    result = run(["validate"])
    assert result.code == 0
    assert result.out == f"ok: built-in example: {mttq_core.example().summary()}\n"


# -- a real process ------------------------------------------------------------------------------


def _env() -> dict[str, str]:
    return {**os.environ, "PYTHONIOENCODING": "utf-8"}


def test_subprocess_json() -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "mttq_core", "assess", "--as-of", AS_OF, "--format", "json"],
        capture_output=True,
        timeout=120,
        check=False,
        env=_env(),
    )
    out, err = proc.stdout.decode("utf-8"), proc.stderr.decode("utf-8")
    assert proc.returncode == 0, err
    assert "Traceback" not in out + err
    doc = json.loads(out)
    assert doc["format"] == "mttq-core/assessment/1"
    assert doc["as_of"] == AS_OF
    assert "built-in example" in err


@pytest.mark.parametrize(
    ("args", "code"),
    [
        (["--as-of", "2022-02-30"], 2),
        (["--term", "x"], 2),
        (["--method", "x"], 2),
        (["--as-of", AS_OF, "--format", "csv"], 0),
        (["--as-of", AS_OF], 0),
    ],
)
def test_subprocess_exit_codes(args: list[str], code: int) -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "mttq_core", "assess", *args],
        capture_output=True,
        timeout=120,
        check=False,
        env={**_env(), "NO_COLOR": ""},
    )
    text = proc.stdout.decode("utf-8") + proc.stderr.decode("utf-8")
    assert proc.returncode == code
    assert "Traceback" not in text
    assert not ANSI.search(proc.stdout.decode("utf-8"))  # a pipe is not a terminal


def test_reader_going_away_is_not_a_traceback() -> None:
    # ``mttq-core assess | head``: the table is far bigger than a pipe's buffer.
    proc = subprocess.Popen(
        [sys.executable, "-m", "mttq_core", "assess", "--as-of", AS_OF, "--explain"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=_env(),
    )
    assert proc.stdout is not None
    assert proc.stderr is not None
    proc.stdout.read(200)
    proc.stdout.close()
    err = proc.stderr.read().decode("utf-8")
    proc.stderr.close()
    assert proc.wait(timeout=120) == 0
    assert "Traceback" not in err
    assert "Exception ignored" not in err
