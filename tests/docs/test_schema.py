"""The JSON Schema of the dataset format: generated, current, and in agreement with ``loads``.

The schema is a *necessary* condition for a dataset: whatever it refuses, ``loads`` refuses
too. The sweep below checks that direction key by key on a small valid dataset; the named
cases check that the schema catches the mistakes a schema can see.
"""

from __future__ import annotations

import copy
import enum
import json
import re
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import attrs
import pytest
from jsonschema import Draft202012Validator  # type: ignore[import-untyped]

import mttq_core
from mttq_core import model
from mttq_core.serde import json_schema

ROOT = Path(__file__).resolve().parents[2]
SCHEMA_FILE = ROOT / "docs" / "dataset.schema.json"
JSON = dict[str, Any]

#: Exported model classes that are not objects of the dataset JSON.
NOT_IN_THE_FORMAT = {
    "Period",  # a string in the format: $defs/period
    "Superseded",  # a report about observations, not part of a document
}


@pytest.fixture(scope="module")
def validator() -> Any:
    schema = json_schema()
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)


@pytest.fixture(scope="module")
def example() -> JSON:
    data: JSON = json.loads(mttq_core.dumps(mttq_core.example()))
    return data


def loads_cleanly(doc: JSON) -> bool:
    try:
        mttq_core.loads(json.dumps(doc, ensure_ascii=False))
    except mttq_core.DatasetError:
        return False
    return True


def errors(validator: Any, doc: object) -> list[str]:
    return [f"{e.json_path}: {e.message}" for e in validator.iter_errors(doc)]


# -- the file and the generator -------------------------------------------------------------


def test_the_schema_is_a_valid_draft_2020_12_schema() -> None:
    schema = json_schema()
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    Draft202012Validator.check_schema(schema)


def test_the_schema_file_is_current() -> None:
    result = subprocess.run(
        [sys.executable, str(ROOT / "tools" / "build_schema.py"), "--check"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert json.loads(SCHEMA_FILE.read_text(encoding="utf-8")) == json_schema()


def test_the_generator_is_stable(tmp_path: Path) -> None:
    for name in ("a.json", "b.json"):
        subprocess.run(
            [
                sys.executable,
                str(ROOT / "tools" / "build_schema.py"),
                "--output",
                str(tmp_path / name),
            ],
            capture_output=True,
            check=True,
        )
    assert (tmp_path / "a.json").read_bytes() == (tmp_path / "b.json").read_bytes()


def test_a_stale_file_is_reported(tmp_path: Path) -> None:
    stale = tmp_path / "dataset.schema.json"
    stale.write_text("{}\n", encoding="utf-8")
    result = subprocess.run(
        [
            sys.executable,
            str(ROOT / "tools" / "build_schema.py"),
            "--check",
            "--output",
            str(stale),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 1
    assert "out of date" in result.stderr


def test_every_model_class_and_vocabulary_appears() -> None:
    defs = json_schema()["$defs"]
    for name in model.__all__:
        obj = getattr(model, name)
        if not isinstance(obj, type) or name in NOT_IN_THE_FORMAT:
            continue
        if obj is mttq_core.Dataset:
            continue  # the document root, below
        if attrs.has(obj):
            assert name in defs, name
            fields = [a.name for a in attrs.fields(obj) if a.init and not a.name.startswith("_")]
            assert set(fields) <= set(defs[name]["properties"]), name
            assert defs[name]["additionalProperties"] is False
        elif issubclass(obj, model.LabeledEnum) and obj is not model.LabeledEnum:
            assert defs[name]["enum"] == [m.value for m in obj], name
    assert "Dataset" not in defs  # the dataset is the document root
    assert set(json_schema()["properties"]) == {
        a.name for a in attrs.fields(mttq_core.Dataset) if a.init
    }


def test_every_object_refuses_unknown_keys() -> None:
    def objects(node: object) -> Iterator[JSON]:
        if isinstance(node, dict):
            if node.get("type") == "object":
                yield node
            for value in node.values():
                yield from objects(value)
        elif isinstance(node, list):
            for value in node:
                yield from objects(value)

    found = list(objects(json_schema()))
    assert len(found) >= 20
    assert all(obj["additionalProperties"] is False for obj in found)


def test_ledger_entries_are_a_union_tagged_by_type() -> None:
    defs = json_schema()["$defs"]
    union = defs["Fund"]["properties"]["entries"]["items"]["oneOf"]
    tags = [defs[ref["$ref"].rsplit("/", 1)[1]]["properties"]["type"]["const"] for ref in union]
    assert tags == ["pledge", "receipt", "disbursement", "disclosure"]
    for ref in union:
        assert defs[ref["$ref"].rsplit("/", 1)[1]]["required"][0] == "type"


def test_patterns_follow_the_readers() -> None:
    defs = json_schema()["$defs"]
    period = re.compile(defs["period"]["pattern"])
    for text in ("2021", "2021-H1", "2021-Q3", "2021-05", "2021-04-01/2021-06-30"):
        assert period.search(text), text
    for text in ("2021-Q5", "2021-H3", "2021-13", "21", "2021/2022", " 2021"):
        assert not period.search(text), text
    decimal = re.compile(defs["decimal"]["anyOf"][1]["pattern"])
    for text in ("94.2", "-3", "0", "10000000000"):
        assert decimal.search(text), text
    for text in ("+1", "1e3", "01", "1.", ".5", "1 000", "NaN"):
        assert not decimal.search(text), text


# -- the example and bad datasets ----------------------------------------------------------


def test_the_example_validates(validator: Any, example: JSON) -> None:
    assert errors(validator, example) == []


def _set(path: str, value: object) -> Callable[[JSON], None]:
    def mutate(doc: JSON) -> None:
        *parents, last = _steps(path)
        node: Any = doc
        for step in parents:
            node = node[step]
        node[last] = value

    return mutate


def _delete(path: str) -> Callable[[JSON], None]:
    def mutate(doc: JSON) -> None:
        *parents, last = _steps(path)
        node: Any = doc
        for step in parents:
            node = node[step]
        del node[last]

    return mutate


def _steps(path: str) -> list[str | int]:
    return [int(s) if s.isdigit() else s for s in re.findall(r"[^.\[\]]+", path)]


def _entry_of(doc: JSON, kind: str) -> str:
    for f, fund in enumerate(doc["funds"]):
        for e, entry in enumerate(fund["entries"]):
            if entry["type"] == kind:
                return f"funds[{f}].entries[{e}]"
    raise AssertionError(kind)  # pragma: no cover


BAD: dict[str, Callable[[JSON], Callable[[JSON], None]]] = {
    "unknown key at the top": lambda d: _set("colour", "red"),
    "unknown key in a commune": lambda d: _set("communes[0].population", 9000),
    "unknown key in a ledger entry": lambda d: _set(f"{_entry_of(d, 'receipt')}.note", "x"),
    "wrong commune kind": lambda d: _set("communes[0].kind", "village"),
    "wrong measure": lambda d: _set("indicators[0].measure", "percentage"),
    "wrong comparator": lambda d: _set("targets[0].comparator", "=>"),
    "wrong receipt form": lambda d: _set(f"{_entry_of(d, 'receipt')}.form", "cheque"),
    "unknown entry type": lambda d: _set(f"{_entry_of(d, 'pledge')}.type", "gift"),
    "number in a name": lambda d: _set("communes[0].name", 583),
    "number in a source": lambda d: _set("observations[0].source", 2021),
    "number in a code": lambda d: _set("communes[0].code", 583),
    "boolean as a weight": lambda d: _set("indicators[0].weight", True),
    "float amount": lambda d: _set(f"{_entry_of(d, 'receipt')}.amount", 1500.5),
    "string amount": lambda d: _set(f"{_entry_of(d, 'receipt')}.amount", "1500000"),
    "decimal string with exponent": lambda d: _set("targets[0].value", "1e2"),
    "bad period": lambda d: _set("observations[0].period", "2021-Q5"),
    "bad date": lambda d: _set("terms[0].start", "12/04/2019"),
    "date and time": lambda d: _set("terms[0].start", "2019-04-12T00:00:00"),
    "missing term end": lambda d: _delete("terms[0].end"),
    "missing entry type": lambda d: _delete(f"{_entry_of(d, 'disbursement')}.type"),
    "empty title": lambda d: _set("title", ""),
    "other format": lambda d: _set("format", "mttq-core/2"),
    "object as a value": lambda d: _set("observations[0].value", {"value": 1}),
    "list of numbers as a value": lambda d: _set("observations[0].value", [1, 2]),
    "null in a list of terms": lambda d: _set("terms", None),
    "too large an integer": lambda d: _set("observations[0].revision", 10**18),
}


@pytest.mark.parametrize("case", list(BAD))
def test_bad_datasets_fail_the_schema_and_the_loader(
    validator: Any, small: JSON, case: str
) -> None:
    doc = copy.deepcopy(small)
    BAD[case](doc)(doc)
    assert errors(validator, doc), f"the schema accepts: {case}"
    assert not loads_cleanly(doc), f"loads accepts: {case}"


# -- the schema is never stricter than the loader -------------------------------------------


@pytest.fixture(scope="module")
def small(example: JSON) -> JSON:
    """A cut of the example that still loads and still has every kind of object: quick."""
    doc = copy.deepcopy(example)
    doc["observations"] = doc["observations"][:6]
    doc["working_sessions"] = doc["working_sessions"][:3]  # held, with observations, planned
    doc["funds"][0]["entries"] = doc["funds"][0]["entries"][:12]
    doc["topics"] = [{"id": "chuyen_doi_so", "name": "Chuyển đổi số"}]
    assert {e["type"] for e in doc["funds"][0]["entries"]} == {
        "pledge",
        "receipt",
        "disbursement",
        "disclosure",
    }
    assert loads_cleanly(doc)
    return doc


def _slots(node: object, path: str, shape: str, seen: set[str]) -> Iterator[str]:
    """One path per (shape, key): every key of every kind of object, where it first occurs."""
    if isinstance(node, dict):
        for key, value in node.items():
            where, kind = f"{path}.{key}".lstrip("."), f"{shape}.{key}"
            if isinstance(node.get("type"), str):
                kind = f"{shape}<{node['type']}>.{key}"
            if kind not in seen:
                seen.add(kind)
                yield where
            yield from _slots(value, where, kind, seen)
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from _slots(value, f"{path}[{i}]", f"{shape}[]", seen)


REPLACEMENTS: list[object] = [None, "", "x", 0, -1, 1.5, True, [], {}]


def _pruned(node: Any, steps: list[str | int]) -> Any:
    """``node`` with every list on the way to ``steps`` cut to the one item on the way."""
    if not steps:
        return node
    step, rest = steps[0], steps[1:]
    if isinstance(node, list) and isinstance(step, int):
        return [_pruned(node[step], rest)]
    if isinstance(node, dict) and step in node:
        return {**node, step: _pruned(node[step], rest)}
    return node


def test_whatever_the_schema_refuses_the_loader_refuses(validator: Any, small: JSON) -> None:
    # objects and list items are judged independently (no keyword of the schema relates two
    # items or two keys of the root), so a change is judged on the items on its way alone:
    # the same verdict as the whole document, much faster
    root_keys = Draft202012Validator({**json_schema(), "required": []})
    slots = list(_slots(small, "", "", set()))
    assert len(slots) > 80
    checked = 0
    stricter: list[str] = []
    for slot in slots:
        steps = _steps(slot)
        top = str(steps[0])
        mutations = [("deleted", _delete(slot))]
        mutations += [(json.dumps(v), _set(slot, v)) for v in REPLACEMENTS]
        for label, mutate in mutations:
            doc = {**small, top: copy.deepcopy(small[top])}
            mutate(doc)
            if len(steps) == 1:
                valid = validator.is_valid(doc)
            else:
                valid = root_keys.is_valid({top: _pruned(doc[top], steps[1:-1])})
            if valid:
                continue
            checked += 1
            if loads_cleanly(doc):
                stricter.append(f"{slot} {label}: {errors(validator, doc)}")
    assert stricter == []
    assert checked > 300


def test_no_keyword_relates_two_items_or_two_keys_of_the_root() -> None:
    # what the quick judgement above relies on
    text = json.dumps(json_schema())
    for keyword in (
        "minItems",
        "maxItems",
        "uniqueItems",
        "contains",
        "prefixItems",
        "dependentRequired",
        "dependentSchemas",
        "if",
    ):
        assert f'"{keyword}"' not in text, keyword


def test_the_schema_accepts_what_the_format_page_allows(validator: Any, small: JSON) -> None:
    doc = copy.deepcopy(small)
    doc["notes"] = None  # optional keys may be null
    doc["targets"][0]["value"] = 95  # a decimal as a JSON number ...
    doc["indicators"][0]["weight"] = "0.5"  # ... or a decimal string
    doc["funds"] = None  # an optional list may be null at the top
    doc["communes"][0]["valid_from"] = None
    assert errors(validator, doc) == []
    assert loads_cleanly(doc)


def test_enum_descriptions_carry_the_vietnamese_labels() -> None:
    defs = json_schema()["$defs"]
    for name in ("CommuneKind", "FundKind", "Measure"):
        cls = getattr(model, name)
        assert issubclass(cls, enum.Enum)
        for member in cls:
            assert member.label in defs[name]["description"]
