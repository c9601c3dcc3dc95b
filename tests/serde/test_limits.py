"""The limits on what ``loads`` reads: each one, its message, raising it, and the defaults."""

from __future__ import annotations

import io
import json
import re
from pathlib import Path
from typing import Any

import pytest

import mttq_core
from mttq_core import Limits, cli


def example() -> dict[str, Any]:
    doc: dict[str, Any] = json.loads(mttq_core.dumps(mttq_core.example()))
    return doc


def problems(data: str | bytes, **limits: int) -> list[tuple[str, str]]:
    with pytest.raises(mttq_core.DatasetError) as info:
        mttq_core.loads(data, limits=Limits(**limits))
    return [(p.path, p.message) for p in info.value.problems]


TEXT = mttq_core.dumps(mttq_core.example())


def test_the_defaults() -> None:
    assert Limits() == Limits(
        max_bytes=256 * 1024 * 1024,
        max_depth=32,
        max_string_length=100_000,
        max_number_length=100,
        max_problems=100_000,
    )
    assert mttq_core.Limits is Limits
    assert mttq_core.loads(TEXT) == mttq_core.loads(TEXT, limits=Limits())


def test_the_example_loads_within_tight_limits() -> None:
    doc = example()
    longest = max(len(v) for v in _strings(doc))
    tight = Limits(max_bytes=len(TEXT), max_depth=6, max_string_length=longest)
    assert mttq_core.loads(TEXT, limits=tight) == mttq_core.example()


def _strings(node: object) -> list[str]:
    if isinstance(node, str):
        return [node]
    if isinstance(node, dict):
        return [s for v in node.values() for s in _strings(v)]
    if isinstance(node, list):
        return [s for v in node for s in _strings(v)]
    return []


# == max_bytes ===============================================================================


def test_max_bytes_counts_bytes_and_characters() -> None:
    data = TEXT.encode("utf-8")
    assert problems(data, max_bytes=1000) == [
        (
            "$",
            (
                f"the document is {len(data):,} bytes, more than the limit of 1,000; raise "
                "Limits.max_bytes to read it"
            ),
        )
    ]
    assert problems(TEXT, max_bytes=1000)[0][1].startswith(f"the document is {len(TEXT):,} char")
    assert mttq_core.loads(data, limits=Limits(max_bytes=len(data))) == mttq_core.example()


def test_load_refuses_a_large_file_before_reading_it(tmp_path: Path) -> None:
    path = tmp_path / "big.json"
    path.write_text(TEXT, encoding="utf-8")
    with pytest.raises(mttq_core.DatasetError, match=r"the document is .* bytes, more than"):
        mttq_core.load(path, limits=Limits(max_bytes=1000))
    with pytest.raises(mttq_core.DatasetError, match="the document is more bytes than the limit"):
        mttq_core.load(io.BytesIO(TEXT.encode()), limits=Limits(max_bytes=1000))
    with pytest.raises(mttq_core.DatasetError, match="more characters than the limit of 1,000"):
        mttq_core.load(io.StringIO(TEXT), limits=Limits(max_bytes=1000))
    assert mttq_core.load(path) == mttq_core.example()


# == max_depth ===============================================================================


def test_max_depth_names_the_first_place_too_deep() -> None:
    doc = example()
    doc["observations"][3]["value"] = [[[["x"]]]]  # levels 4, 5, 6, 7
    text = json.dumps(doc)
    assert problems(text, max_depth=6)[0] == (
        "$.observations[3].value[0][0][0]",
        (
            "nested 7 levels deep, deeper than the limit of 6 (a valid dataset goes 6 deep); raise "
            "Limits.max_depth to read it"
        ),
    )
    # within the limit, it is an ordinary problem of the value
    assert problems(text, max_depth=7)[0][0].startswith("$.observations[3].value[0]")


def test_nesting_deeper_than_the_reader_goes_is_the_same_problem() -> None:
    text = '{"committee": {"name": ' + "[" * 50_000 + "]" * 50_000 + "}}"
    assert problems(text, max_depth=10) == [
        (
            "$.committee.name" + "[0]" * 8,
            (
                "nested 11 levels deep, deeper than the limit of 10 (a valid dataset goes 6 deep); "
                "raise Limits.max_depth to read it"
            ),
        )
    ]


def test_the_path_of_a_deep_place_follows_keys_and_indexes() -> None:
    text = '{"a": 1, "b c": [1, "x", {"d": [' + "[" * 3_000 + "]" * 3_000 + "]}]}"
    ((path, _),) = [p for p in problems(text, max_depth=8) if "nested" in p[1]]
    assert path == '$["b c"][2].d' + "[0]" * 5


# == max_string_length and max_number_length =================================================


def test_max_string_length_is_the_example_of_the_docs() -> None:
    doc = example()
    doc["observations"][3]["source"] = "x" * 2_000_000
    assert problems(json.dumps(doc)) == [
        (
            "$.observations[3].source",
            (
                "text of 2,000,000 characters is longer than the limit of 100,000; raise "
                "Limits.max_string_length to read it"
            ),
        )
    ]
    dataset = mttq_core.loads(json.dumps(doc), limits=Limits(max_string_length=2_000_000))
    assert len(dataset.observations[3].source) == 2_000_000


@pytest.mark.parametrize(
    ("where", "path"),
    [
        (("title",), "$.title"),
        (("committee", "name"), "$.committee.name"),
        (("terms", 0, "name"), "$.terms[0].name"),
        (("working_sessions", 1, "findings", 0), "$.working_sessions[1].findings[0]"),
        (("funds", 0, "entries", 0, "id"), "$.funds[0].entries[0].id"),
    ],
)
def test_every_string_is_measured(where: tuple[str | int, ...], path: str) -> None:
    doc = example()
    node: Any = doc
    for step in where[:-1]:
        node = node[step]
    node[where[-1]] = "ô" * 101
    assert (
        path,
        (
            "text of 101 characters is longer than the limit of 100; raise "
            "Limits.max_string_length to read it"
        ),
    ) in problems(json.dumps(doc), max_string_length=100)


@pytest.mark.parametrize(
    ("literal", "length"),
    [
        ("1." + "5" * 200, "202"),  # a JSON number
        ('"1.' + "5" * 200 + '"', "202"),  # a decimal string
        ("1e-300", "302"),  # written out: 0.000…1
        ("-0E-150", "153"),
    ],
)
def test_max_number_length_counts_digits_written_out(literal: str, length: str) -> None:
    doc = example()
    doc["observations"][5]["value"] = "@@"
    text = json.dumps(doc).replace('"@@"', literal)
    assert (
        "$.observations[5].value",
        (
            f"a number of {length} characters (written out in digits) is longer than the limit of "
            "100; raise Limits.max_number_length to read it"
        ),
    ) in problems(text)


def test_a_number_at_the_limit_loads_and_round_trips() -> None:
    doc = example()
    quantity = next(i["id"] for i in doc["indicators"] if i["measure"] == "quantity")
    at = next(n for n, o in enumerate(doc["observations"]) if o["indicator"] == quantity)
    doc["observations"][at]["value"] = "0." + "0" * 97 + "1"  # 100 characters
    text = json.dumps(doc)
    dataset = mttq_core.loads(text)
    assert mttq_core.loads(mttq_core.dumps(dataset)) == dataset


# == max_problems ============================================================================


def test_max_problems_lists_the_first_and_counts_the_rest() -> None:
    doc = example()
    for o in doc["observations"][:30]:
        o["source"] = ""
    with pytest.raises(mttq_core.DatasetError) as info:
        mttq_core.loads(json.dumps(doc), limits=Limits(max_problems=10))
    error = info.value
    assert len(error.problems) == 10
    assert error.unlisted == 20
    assert error.problems[0] == ("$.observations[0].source", "must not be empty")
    lines = str(error).splitlines()
    assert lines[0] == "30 problems (the first 10 listed):"
    assert lines[-1] == "… and 20 more"
    assert len(lines) == 12


# == validation ==============================================================================


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"max_bytes": 0}, "Limits.max_bytes must be at least 1; got 0"),
        ({"max_depth": 5}, "Limits.max_depth must be at least 6 (a valid dataset goes 6"),
        ({"max_depth": 501}, "Limits.max_depth must be at most 500"),
        ({"max_number_length": 19}, "Limits.max_number_length must be at least 20"),
        ({"max_problems": -1}, "Limits.max_problems must be at least 1"),
    ],
)
def test_limits_are_checked_when_made(changes: dict[str, int], message: str) -> None:
    with pytest.raises(ValueError, match=re.escape(message)):
        Limits(**changes)


def test_limits_are_whole_numbers() -> None:
    with pytest.raises(TypeError, match=r"Limits\.max_bytes must be an integer, got True"):
        Limits(max_bytes=True)
    with pytest.raises(TypeError, match=r"must be an integer, got 1\.5"):
        Limits(max_string_length=1.5)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        Limits(1)  # type: ignore[call-arg]  # keyword-only


# == the command line ========================================================================


def run(args: list[str]) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = cli.main(args, out=out, err=err)
    return code, out.getvalue(), err.getvalue()


@pytest.fixture
def dataset(tmp_path: Path) -> Path:
    path = tmp_path / "dataset.json"
    path.write_text(TEXT, encoding="utf-8")
    return path


def test_limit_option_lowers_a_limit(dataset: Path) -> None:
    code, out, err = run(["validate", str(dataset), "--limit", "max_bytes=1000"])
    assert code == 1
    assert out.startswith("$: the document is ")
    assert err == "mttq-core: invalid dataset: 1 problem\n"


def test_limit_option_raises_a_limit(tmp_path: Path) -> None:
    doc = example()
    doc["notes"] = "x" * 200_000
    path = tmp_path / "notes.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    assert run(["validate", str(path)])[0] == 1
    code, out, _ = run(
        ["validate", str(path), "--limit", "max_string_length=200,000", "--limit", "max_depth=8"]
    )
    assert (code, out.split(":")[0]) == (0, "ok")


@pytest.mark.parametrize("command", ["assess", "brief", "sessions", "funds", "export"])
def test_every_reading_command_takes_the_option(command: str, dataset: Path) -> None:
    extra = {"brief": ["--commune", "00583"], "export": ["--to", "csv", "-o", "/nonexistent"]}
    code, out, _ = run([command, str(dataset), "--limit", "max_bytes=10", *extra.get(command, [])])
    assert code == 1
    assert "the document is" in out


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("max_bytes", "--limit: 'max_bytes' is not allowed; expected NAME=N with NAME one of "),
        ("size=1", "--limit: 'size=1' is not allowed"),
        ("max_depth=deep", "--limit: 'deep' is not a whole number (in 'max_depth=deep')"),
        ("max_depth=2", "--limit: Limits.max_depth must be at least 6"),
    ],
)
def test_a_bad_limit_option_is_a_usage_error(value: str, message: str, dataset: Path) -> None:
    code, _, err = run(["validate", str(dataset), "--limit", value])
    assert code == 2
    assert err.startswith(f"mttq-core: {message}")


def test_unlisted_problems_are_counted_on_the_command_line(tmp_path: Path) -> None:
    doc = example()
    for o in doc["observations"][:30]:
        o["source"] = ""
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    code, out, err = run(["validate", str(path), "--limit", "max_problems=10"])
    assert code == 1
    assert len(out.splitlines()) == 10
    assert err == (
        "mttq-core: invalid dataset: 30 problems (the first 10 listed; --limit max_problems=N "
        "lists more)\n"
    )


@pytest.mark.parametrize(
    "text",
    [
        '{"a": 1, "b c": [1, "x", {"d": [' + "[" * 3_000 + "]" * 3_000 + "]}]}",
        '[0, {"k\\"ey": "]"}, ' + "[" * 3_000,  # truncated inside the deep part
        '{"x": "[[[[", "y": ' + '{"z": ' * 2_000 + "1" + "}" * 2_000 + "}",
    ],
)
def test_both_ways_of_finding_a_deep_place_agree(text: str) -> None:
    """The reader gave up: the place is found by following the deep value (fast), or, when
    the text is not shaped as expected, by scanning every token (the fallback)."""
    from mttq_core.serde import _json  # noqa: PLC0415 — private: the two ways themselves

    limits = Limits(max_depth=8)
    followed = _json._follow_the_deep_value(text, limits)
    assert followed is not None
    assert followed == _json._scan_for_depth(text, limits)
    assert problems(text, max_depth=8)[0] == tuple(followed)


def test_a_deep_value_the_reader_can_read_after_all_is_found_by_the_scan() -> None:
    from mttq_core.serde import _json  # noqa: PLC0415 — private

    text = '{"a": ' + "[" * 20 + "]" * 20 + "}"  # deep for the limit, not for the reader
    assert _json._follow_the_deep_value(text, Limits(max_depth=8)) is None
    problem = _json._too_deep(text, Limits(max_depth=8))
    assert problem.path == "$.a" + "[0]" * 7
