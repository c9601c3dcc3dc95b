"""Malformed datasets: each case breaks one thing in a valid base and checks every problem.

Every case starts from :data:`BASE` (which loads cleanly), applies one mutation, and asserts
the **exact** list of ``(path, message)`` problems that :func:`mttq_core.loads` reports.
The expected messages are what a user should see: what was wrong, where, and what is
allowed.
"""

from __future__ import annotations

import copy
import json
import re
import unicodedata
from collections.abc import Callable
from typing import Any, NamedTuple

import pytest

import mttq_core

JSON = dict[str, Any]
Mutation = Callable[[JSON], object]
Problems = list[tuple[str, str]]

TERM = "2019-2024"

# -- the valid base dataset ----------------------------------------------------------------

BASE: JSON = {
    "format": "mttq-core/1",
    "title": "Chỉ tiêu Nghị quyết Đại hội MTTQ huyện Gia Lâm 2019–2024",
    "committee": {"name": "Ủy ban MTTQ Việt Nam huyện Gia Lâm", "unit_code": "018"},
    "topics": [{"id": "chuyen_doi_so", "name": "Chuyển đổi số"}],
    "terms": [
        {"id": TERM, "name": "Nhiệm kỳ 2019–2024", "start": "2019-04-12", "end": "2024-04-30"}
    ],
    "communes": [
        # 0
        {
            "code": "00583",
            "name": "Bát Tràng",
            "kind": "xa",
            "district_code": "018",
            "province_code": "01",
        },
        # 1: code 00565 until the end of 2024 ...
        {
            "code": "00565",
            "name": "Trâu Quỳ",
            "kind": "thi_tran",
            "district_code": "018",
            "province_code": "01",
            "valid_to": "2024-12-31",
        },
        # 2: ... then reused by a new unit
        {
            "code": "00565",
            "name": "Gia Lâm",
            "kind": "xa",
            "province_code": "01",
            "valid_from": "2025-01-01",
        },
        # 3
        {
            "code": "00541",
            "name": "Dương Hà",
            "kind": "xa",
            "district_code": "018",
            "province_code": "01",
        },
    ],
    "indicators": [
        # 0: percent, latest, ratio
        {
            "id": "gdvh",
            "name": "Tỷ lệ hộ gia đình đạt danh hiệu Gia đình văn hóa",
            "measure": "percent",
            "unit": "%",
            "direction": "increase",
            "accumulation": "latest",
            "across_units": "ratio",
        },
        # 1: percent, decrease, mean
        {
            "id": "ho_ngheo",
            "name": "Tỷ lệ hộ nghèo",
            "measure": "percent",
            "unit": "%",
            "direction": "decrease",
            "accumulation": "mean",
            "across_units": "mean",
        },
        # 2: count, each_period, sum
        {
            "id": "giam_sat",
            "name": "Số cuộc giám sát",
            "measure": "count",
            "unit": "cuộc",
            "direction": "increase",
            "accumulation": "each_period",
            "across_units": "sum",
        },
        # 3: money, sum, sum (fed by the fund)
        {
            "id": "quy_vnn",
            "name": "Vận động Quỹ “Vì người nghèo”",
            "measure": "money",
            "unit": "đồng",
            "direction": "increase",
            "accumulation": "sum",
            "across_units": "sum",
        },
        # 4: quantity, latest, no across_units, weight and group
        {
            "id": "duong_gt",
            "name": "Đường giao thông nông thôn được cứng hóa",
            "measure": "quantity",
            "unit": "km",
            "direction": "increase",
            "accumulation": "latest",
            "weight": "0.5",
            "group": "Nông thôn mới",
        },
        # 5: boolean
        {
            "id": "ban_ttnd",
            "name": "Ban Thanh tra nhân dân hoạt động hiệu quả",
            "measure": "boolean",
            "direction": "increase",
            "accumulation": "latest",
            "across_units": "share_met",
        },
        # 6: checklist with three criteria
        {
            "id": "khu_dan_cu",
            "name": "Tiêu chí khu dân cư văn hóa",
            "measure": "checklist",
            "direction": "increase",
            "accumulation": "latest",
            "across_units": "share_met",
            "criteria": [
                {"id": "c1", "name": "Đời sống kinh tế ổn định"},
                {"id": "c2", "name": "Đời sống văn hóa lành mạnh"},
                {"id": "c3", "name": "Môi trường cảnh quan sạch đẹp"},
            ],
        },
    ],
    "targets": [
        # 0
        {
            "term": TERM,
            "indicator": "gdvh",
            "scope": "all",
            "comparator": ">=",
            "value": "95",
            "baseline": {"value": "92.1", "date": "2019-04-12"},
        },
        # 1: committee target of a ratio indicator
        {"term": TERM, "indicator": "gdvh", "scope": "committee", "comparator": ">=", "value": 95},
        # 2
        {"term": TERM, "indicator": "ho_ngheo", "scope": "all", "comparator": "<=", "value": "1"},
        # 3
        {"term": TERM, "indicator": "giam_sat", "scope": "all", "comparator": ">=", "value": 2},
        # 4
        {
            "term": TERM,
            "indicator": "quy_vnn",
            "scope": "committee",
            "comparator": ">",
            "value": 10_000_000_000,
        },
        # 5
        {
            "term": TERM,
            "indicator": "duong_gt",
            "scope": "00583",
            "comparator": ">=",
            "value": "12.5",
            "milestones": [{"period": "2021", "value": "8"}],
        },
        # 6
        {
            "term": TERM,
            "indicator": "ban_ttnd",
            "scope": "00541",
            "comparator": ">=",
            "value": True,
        },
        # 7
        {"term": TERM, "indicator": "khu_dan_cu", "scope": "all", "comparator": ">=", "value": 2},
    ],
    "observations": [
        # 0
        {
            "commune": "00583",
            "indicator": "gdvh",
            "period": "2021",
            "value": "94.2",
            "numerator": 1820,
            "denominator": 1932,
            "source": "Báo cáo kết quả năm 2021",
            "reported_on": "2021-12-20",
        },
        # 1: value derived from numerator/denominator
        {
            "commune": "00565",
            "indicator": "gdvh",
            "period": "2021",
            "numerator": 950,
            "denominator": 1000,
            "source": "Báo cáo kết quả năm 2021",
        },
        # 2
        {
            "commune": "00583",
            "indicator": "giam_sat",
            "period": "2021",
            "value": 3,
            "source": "Báo cáo kết quả năm 2021",
        },
        # 3
        {
            "commune": "00583",
            "indicator": "giam_sat",
            "period": "2022",
            "value": 2,
            "source": "Báo cáo kết quả năm 2022",
        },
        # 4
        {
            "commune": "00541",
            "indicator": "quy_vnn",
            "period": "2021",
            "value": 500_000_000,
            "source": "Sổ quỹ xã Dương Hà",
        },
        # 5: superseded by 6
        {
            "commune": "00583",
            "indicator": "ho_ngheo",
            "period": "2021",
            "value": "0.8",
            "source": "Báo cáo giảm nghèo 2021",
        },
        # 6
        {
            "commune": "00583",
            "indicator": "ho_ngheo",
            "period": "2021",
            "value": "0.7",
            "source": "Báo cáo giảm nghèo 2021 (điều chỉnh)",
            "revision": 1,
        },
        # 7
        {
            "commune": "00541",
            "indicator": "ban_ttnd",
            "period": "2022",
            "value": True,
            "source": "Báo cáo Ban Thanh tra nhân dân",
        },
        # 8
        {
            "commune": "00583",
            "indicator": "khu_dan_cu",
            "period": "2022",
            "value": ["c1", "c2"],
            "source": "Báo cáo khu dân cư",
        },
        # 9
        {
            "commune": "00583",
            "indicator": "duong_gt",
            "period": "2021",
            "value": "8.5",
            "source": "Báo cáo nông thôn mới",
        },
        # 10: code 00565 in 2025 is the new unit (xã Gia Lâm)
        {
            "commune": "00565",
            "indicator": "giam_sat",
            "period": "2025",
            "value": 1,
            "source": "Báo cáo năm 2025 xã Gia Lâm",
        },
    ],
    "working_sessions": [
        {
            "id": "2022-04-18-bat-trang",
            "date": "2022-04-18",
            "commune": "00583",
            "term": TERM,
            "topics": ["congress_targets", "annual_programme", "chuyen_doi_so"],
            "delegation": {
                "head": {"name": "Hoàng Anh Tú", "title": "Chủ tịch Ủy ban MTTQ Việt Nam huyện"},
                "members": [{"name": "Nguyễn Văn An", "title": "Phó Chủ tịch"}],
            },
            "findings": ["Hoàn thành tốt các chỉ tiêu năm 2021"],
            "recommendations": [{"id": "kn1", "text": "Đề nghị hỗ trợ kinh phí hoạt động"}],
            "conclusions": [
                {
                    "id": "kl1",
                    "text": "Nâng tỷ lệ hộ gia đình văn hóa",
                    "due": "2022-12-31",
                    "indicators": ["gdvh"],
                    "done_on": "2022-11-30",
                }
            ],
            "observations": [
                {
                    "commune": "00583",
                    "indicator": "gdvh",
                    "period": "2022",
                    "numerator": 1850,
                    "denominator": 1940,
                    "source": "Báo cáo tại buổi làm việc",
                }
            ],
        }
    ],
    "funds": [
        {
            "id": "vnn-bat-trang",
            "name": "Quỹ “Vì người nghèo” xã Bát Tràng",
            "kind": "vi_nguoi_ngheo",
            "owner": "00583",
            "opened_on": "2021-01-01",
            "opening_balance": 1_000_000,
            "feeds": "quy_vnn",
            "entries": [
                # 0
                {
                    "type": "pledge",
                    "id": "p1",
                    "date": "2021-01-05",
                    "donor": "Công ty Gốm Bát Tràng",
                    "amount": 10_000_000,
                },
                # 1
                {
                    "type": "receipt",
                    "id": "r1",
                    "date": "2021-01-10",
                    "donor": "Công ty Gốm Bát Tràng",
                    "amount": 6_000_000,
                    "form": "transfer",
                    "pledge": "p1",
                },
                # 2
                {
                    "type": "receipt",
                    "id": "r2",
                    "date": "2021-02-01",
                    "donor": "Hộ ông Lê Văn Bình",
                    "amount": 2_000_000,
                    "form": "in_kind",
                    "description": "200 kg gạo",
                },
                # 3: balance 1 000 000 + 8 000 000 - 5 000 000 = 4 000 000
                {
                    "type": "disbursement",
                    "id": "c1",
                    "date": "2021-03-01",
                    "beneficiary": "Hộ bà Trần Thị Cúc",
                    "purpose": "Hỗ trợ sửa nhà",
                    "amount": 5_000_000,
                },
                # 4
                {
                    "type": "disclosure",
                    "id": "d1",
                    "date": "2021-04-05",
                    "period": "2021-Q1",
                    "channel": "notice_board",
                },
            ],
        }
    ],
}


def base() -> JSON:
    """A fresh deep copy of the base dataset."""
    return copy.deepcopy(BASE)


# -- building the broken documents ---------------------------------------------------------

_RAW = re.compile(r'"@raw:(.*?)@"')
_STEP = re.compile(r"\.?([A-Za-z_][A-Za-z0-9_]*)|\[(\d+)\]")


def raw(literal: str) -> str:
    """A placeholder that is written into the JSON text as ``literal``, unquoted."""
    return f"@raw:{literal}@"


def dumps(data: object) -> str:
    """JSON text of ``data`` with every :func:`raw` placeholder spliced in verbatim."""
    return _RAW.sub(lambda m: m.group(1), json.dumps(data, ensure_ascii=False, indent=1))


def _locate(doc: JSON, path: str) -> tuple[Any, str | int]:
    """The container holding the last step of ``path`` (``"funds[0].entries[1].amount"``)."""
    steps: list[str | int] = [name if name else int(index) for name, index in _STEP.findall(path)]
    node: Any = doc
    for step in steps[:-1]:
        node = node[step]
    return node, steps[-1]


def get(doc: JSON, path: str) -> Any:
    """The value at ``path``."""
    parent, last = _locate(doc, path)
    return parent[last]


def setting(path: str, value: object) -> Mutation:
    """Set the value at ``path`` (adding the key if it is absent)."""

    def mutate(doc: JSON) -> None:
        parent, last = _locate(doc, path)
        parent[last] = value

    return mutate


def deleting(path: str) -> Mutation:
    """Remove the key (or list item) at ``path``."""

    def mutate(doc: JSON) -> None:
        parent, last = _locate(doc, path)
        del parent[last]

    return mutate


def appending(path: str, item: object) -> Mutation:
    """Append ``item`` to the list at ``path``."""

    def mutate(doc: JSON) -> None:
        get(doc, path).append(copy.deepcopy(item))

    return mutate


def copying(source: str, target: str, **changes: object) -> Mutation:
    """Append a copy of the object at ``source`` (with ``changes``) to the list ``target``."""

    def mutate(doc: JSON) -> None:
        get(doc, target).append({**copy.deepcopy(get(doc, source)), **changes})

    return mutate


def steps(*mutations: Mutation) -> Mutation:
    """Several edits that together make one broken situation."""

    def mutate(doc: JSON) -> None:
        for m in mutations:
            m(doc)

    return mutate


def nfd(text: str) -> str:
    """``text`` in decomposed (NFD) form."""
    return unicodedata.normalize("NFD", text)


class Case(NamedTuple):
    """One malformed document and the problems it must produce."""

    id: str
    document: Callable[[], str | bytes]
    expected: Problems


def mutated(case_id: str, mutation: Mutation, expected: Problems) -> Case:
    """A case made by mutating the base dataset."""

    def document() -> str:
        doc = base()
        mutation(doc)
        return dumps(doc)

    return Case(case_id, document, expected)


def edited(case_id: str, edit: Callable[[str], str], expected: Problems) -> Case:
    """A case made by editing the base dataset's JSON text."""

    def document() -> str:
        text = dumps(base())
        changed = edit(text)
        assert changed != text, f"the edit of case {case_id!r} changed nothing"
        return changed

    return Case(case_id, document, expected)


def literal(case_id: str, text: str | bytes, expected: Problems) -> Case:
    """A case given as a whole document."""
    return Case(case_id, lambda: text, expected)


def replace_once(old: str, new: str) -> Callable[[str], str]:
    """Replace the first occurrence of ``old`` in the JSON text."""

    def edit(text: str) -> str:
        assert old in text, f"{old!r} is not in the base JSON text"
        return text.replace(old, new, 1)

    return edit


M = mutated
OBS_VALUE_COUNT = "observations[2].value"  # count (giam_sat), 3
OBS_VALUE_MONEY = "observations[4].value"  # money (quy_vnn), 500000000
OBS_VALUE_PERCENT = "observations[6].value"  # percent (ho_ngheo), "0.7"
ENTRY = "funds[0].entries"
SESSION = "working_sessions[0]"
DIGITS_5000 = "9" * 5000
DIGITS_4000 = "9" * 4000

# Message parts that many cases share.
NOT_DECIMAL = (
    "is not a decimal number; write digits with an optional '-' and decimal point, like 94.2 "
    'or "94.2" (no exponent, spaces or thousands separators)'
)
NOT_VALUE = (
    'is not a value; write a number like 94.2 (or the string "94.2"), true or false for a '
    "boolean indicator, or a list of criterion ids for a checklist"
)
KNOWN_INDICATORS = (
    "known indicators: 'ban_ttnd', 'duong_gt', 'gdvh', 'giam_sat', 'ho_ngheo', 'khu_dan_cu', "
    "'quy_vnn'"
)
KEY_TWICE = (
    "this key appears more than once in the object; each key may appear only once "
    "(the first value was read)"
)
PERIOD_FORMS = "expected '2021', '2021-H1', '2021-Q3', '2021-05' or '2021-04-01/2021-06-30'"
ENTRY_TYPES = "'pledge', 'receipt', 'disbursement', 'disclosure'"
OBSERVATION_KEYS = (
    "commune, indicator, period, value, numerator, denominator, source, reported_on, revision"
)
NOT_ON_DATE = "a code refers to the unit that holds it at the date of use"
SAME_OBSERVATION = "give a correction a higher revision"

CASES: list[Case] = [
    # -- not a dataset at all ------------------------------------------------------------
    literal(
        "invalid-json-trailing-comma",
        '{"format": "mttq-core/1",}',
        [
            (
                "$",
                (
                    "not valid JSON: Expecting property name enclosed in double quotes at line 1, "
                    "column 26"
                ),
            )
        ],
    ),
    literal("top-level-array", "[]", [("$", "expected a JSON object (the dataset), got an array")]),
    literal(
        "top-level-string",
        '"mttq-core/1"',
        [("$", "expected a JSON object (the dataset), got a single value")],
    ),
    literal(
        "empty-document",
        "  \n",
        [("$", "the document is empty; expected a JSON object (the dataset)")],
    ),
    literal(
        "utf16-bytes",
        '{"format": "mttq-core/1"}'.encode("utf-16"),
        [("$", "the file is UTF-16 (it starts with a UTF-16 byte-order mark); save it as UTF-8")],
    ),
    literal(
        "deeply-nested",
        '{"notes": ' + "[" * 100_000 + "]" * 100_000 + "}",
        [
            (
                "$.notes" + "[0]" * 31,
                (
                    "nested 33 levels deep, deeper than the limit of 32 (a valid dataset goes 6 "
                    "deep); raise Limits.max_depth to read it"
                ),
            )
        ],
    ),
    literal(
        "latin1-bytes",
        '{"title": "B\xe1t Tr\xe0ng"}'.encode("latin-1"),
        [
            (
                "$",
                (
                    "not UTF-8 text: byte 0xe1 at offset 12 cannot be decoded; a dataset is a "
                    "UTF-8 JSON file"
                ),
            )
        ],
    ),
    # -- top level ----------------------------------------------------------------------
    M(
        "format-wrong-version",
        setting("format", "mttq-core/2"),
        [("$.format", "'mttq-core/2' is not a format this version reads; expected 'mttq-core/1'")],
    ),
    # Regression (fixed): "not a string is not a format this version reads".
    M(
        "format-number",
        setting("format", 1),
        [("$.format", "expected the string 'mttq-core/1', got an integer")],
    ),
    M("format-missing", deleting("format"), [("$.format", "required key is missing")]),
    M("title-missing", deleting("title"), [("$.title", "required key is missing")]),
    M("title-blank", setting("title", "   "), [("$.title", "must not be empty")]),
    M(
        "unknown-key-top-level",
        setting("tittle", "Chỉ tiêu"),
        [
            (
                "$.tittle",
                (
                    "unknown key; allowed keys here: format, title, committee, terms, communes, "
                    "indicators, targets, observations, working_sessions, funds, topics, notes"
                ),
            )
        ],
    ),
    M(
        "committee-list-for-object",
        setting("committee", []),
        [("$.committee", "expected an object with keys name, unit_code; got a list")],
    ),
    M(
        "committee-unit-code-4-digits",
        setting("committee.unit_code", "0180"),
        [
            (
                "$.committee.unit_code",
                (
                    "'0180' is not a unit code; expected 2 (province), 3 (district) or 5 (commune) "
                    "digits"
                ),
            )
        ],
    ),
    M(
        "terms-object-for-list",
        setting("terms", {}),
        [("$.terms", "expected a list, got an object")],
    ),
    M(
        "communes-null-required",
        setting("communes", None),
        [("$.communes", "expected a list, got null")],
    ),
    # Regression (fixed): each reference to the unreadable term is reported too.
    M(
        "term-item-null",
        setting("terms[0]", None),
        [("$.terms[0]", "expected an object with keys id, name, start, end, resolution; got null")],
    ),
    # Regression (fixed): every reference to the unreadable indicator is also reported.
    M(
        "indicator-item-null",
        setting("indicators[2]", None),
        [
            (
                "$.indicators[2]",
                (
                    "expected an object with keys id, name, measure, unit, direction, "
                    "accumulation, across_units, weight, group, criteria; got null"
                ),
            )
        ],
    ),
    M(
        "observation-list-for-object",
        setting("observations[2]", []),
        [
            (
                "$.observations[2]",
                f"expected an object with keys {OBSERVATION_KEYS}; got a list",
            )
        ],
    ),
    M(
        "entry-string-for-object",
        setting(f"{ENTRY}[1]", "r1"),
        [
            (
                "$.funds[0].entries[1]",
                "expected a ledger entry (an object with a 'type'), got a string",
            )
        ],
    ),
    M(
        "observations-object-for-list",
        setting("observations", {"0": {}}),
        [("$.observations", "expected a list, got an object")],
    ),
    edited(
        "duplicate-key-top-level",
        replace_once('"title":', '"title": "Chỉ tiêu", "title":'),
        [
            (
                "$.title",
                f"{KEY_TWICE}",
            )
        ],
    ),
    edited(
        "duplicate-key-in-term",
        replace_once('"id": "2019-2024",', '"id": "2019-2024", "id": "2019-2025",'),
        [
            (
                "$.terms[0].id",
                f"{KEY_TWICE}",
            )
        ],
    ),
    # -- wrong types ---------------------------------------------------------------------
    M(
        "term-name-number",
        setting("terms[0].name", 2019),
        [("$.terms[0].name", "expected text (a string), got an integer")],
    ),
    M(
        "term-start-null",
        setting("terms[0].start", None),
        [("$.terms[0].start", "expected a date string YYYY-MM-DD, got null")],
    ),
    M(
        "term-end-missing",
        deleting("terms[0].end"),
        [("$.terms[0].end", "required key is missing")],
    ),
    M(
        "term-unknown-key",
        setting("terms[0].ends", "2024-04-30"),
        [("$.terms[0].ends", "unknown key; allowed keys here: id, name, start, end, resolution")],
    ),
    M(
        "count-as-word",
        setting(OBS_VALUE_COUNT, "ba"),
        [
            (
                "$.observations[2].value",
                f"'ba' {NOT_VALUE}",
            )
        ],
    ),
    M(
        "count-bool-for-number",
        setting(OBS_VALUE_COUNT, True),
        [("$.observations[2].value", "expected a number for a count indicator, got a boolean")],
    ),
    M(
        "percent-list-for-number",
        setting(OBS_VALUE_PERCENT, ["0.7"]),
        [("$.observations[6].value", "expected a number for a percent indicator, got a list")],
    ),
    # Regression (fixed): "'c1' is not a decimal number; write digits ...".
    M(
        "checklist-string-for-list",
        setting("observations[8].value", "c1"),
        [
            (
                "$.observations[8].value",
                f"'c1' {NOT_VALUE}",
            )
        ],
    ),
    M(
        "checklist-number-for-list",
        setting("observations[8].value", 2),
        [
            (
                "$.observations[8].value",
                "expected a list of criterion ids for a checklist indicator, got a number",
            )
        ],
    ),
    # Regression (fixed): "'true' is not a decimal number; write digits ...".
    M(
        "boolean-string-true",
        setting("observations[7].value", "true"),
        [
            (
                "$.observations[7].value",
                "'true' is a string; write true or false without quotes for a boolean indicator",
            )
        ],
    ),
    M(
        "boolean-number-1",
        setting("observations[7].value", 1),
        [
            (
                "$.observations[7].value",
                "expected true or false for a boolean indicator, got a number",
            )
        ],
    ),
    # Regression (fixed): "'true' is not a decimal number; write digits ...".
    M(
        "boolean-target-string-true",
        setting("targets[6].value", "true"),
        [
            (
                "$.targets[6].value",
                "'true' is a string; write true or false without quotes for a boolean indicator",
            )
        ],
    ),
    M(
        "period-number",
        setting("observations[2].period", 2021),
        [("$.observations[2].period", "expected a period string like '2021', got an integer")],
    ),
    M(
        "value-object",
        setting(OBS_VALUE_PERCENT, {"value": "0.7"}),
        [
            (
                "$.observations[6].value",
                "expected a number, a decimal string, true/false or a list of ids, got an object",
            )
        ],
    ),
    M(
        "numerator-as-string",
        setting("observations[0].numerator", "1820"),
        [("$.observations[0].numerator", "expected an integer, got a string")],
    ),
    M(
        "numerator-as-float",
        setting("observations[0].numerator", raw("1820.0")),
        [
            (
                "$.observations[0].numerator",
                "expected an integer, got 1820.0 (a number with a decimal point or exponent)",
            )
        ],
    ),
    M(
        "revision-bool",
        setting("observations[6].revision", True),
        [("$.observations[6].revision", "expected an integer, got a boolean")],
    ),
    M(
        "source-number",
        setting("observations[2].source", 2021),
        [("$.observations[2].source", "expected text (a string), got an integer")],
    ),
    M(
        "commune-code-number",
        setting("observations[2].commune", 583),
        [("$.observations[2].commune", "expected text (a string), got an integer")],
    ),
    M(
        "amount-bool",
        setting(f"{ENTRY}[1].amount", True),
        [("$.funds[0].entries[1].amount", "expected an integer, got a boolean")],
    ),
    M(
        "amount-as-string",
        setting(f"{ENTRY}[1].amount", "6000000"),
        [("$.funds[0].entries[1].amount", "expected an integer, got a string")],
    ),
    M(
        "delegation-list-for-object",
        setting(f"{SESSION}.delegation", []),
        [
            (
                "$.working_sessions[0].delegation",
                "expected an object with keys head, members; got a list",
            )
        ],
    ),
    M(
        "topics-string-for-list",
        setting(f"{SESSION}.topics", "congress_targets"),
        [("$.working_sessions[0].topics", "expected a list, got a string")],
    ),
    M(
        "measure-unknown",
        setting("indicators[4].measure", "length"),
        [
            (
                "$.indicators[4].measure",
                (
                    "'length' is not allowed; expected 'percent', 'count', 'money', 'quantity', "
                    "'boolean' or 'checklist'"
                ),
            )
        ],
    ),
    M(
        "indicator-measure-missing",
        deleting("indicators[4].measure"),
        [("$.indicators[4].measure", "required key is missing")],
    ),
    M(
        "commune-code-4-digits",
        setting("communes[3].code", "0541"),
        [
            ("$.communes[3].code", "'0541' is not a commune code; expected exactly 5 digits"),
            ("$.targets[6].scope", "no commune with code '00541' in the dataset's communes"),
            ("$.observations[4].commune", "no commune with code '00541' in the dataset's communes"),
            ("$.observations[7].commune", "no commune with code '00541' in the dataset's communes"),
        ],
    ),
    M(
        "weight-zero",
        setting("indicators[4].weight", 0),
        [("$.indicators[4].weight", "0 is not allowed; a weight must be > 0")],
    ),
    # -- numbers --------------------------------------------------------------------------
    M(
        "percent-104.5",
        setting(OBS_VALUE_PERCENT, raw("104.5")),
        [("$.observations[6].value", "104.5 is above 100 for a percent")],
    ),
    M(
        "percent-minus-1",
        setting(OBS_VALUE_PERCENT, -1),
        [("$.observations[6].value", "-1 is below 0 for a percent; allowed: 0 to 100")],
    ),
    M(
        "count-negative",
        setting(OBS_VALUE_COUNT, -3),
        [("$.observations[2].value", "-3 is negative; a count is a whole number ≥ 0")],
    ),
    M(
        "count-2.5",
        setting(OBS_VALUE_COUNT, raw("2.5")),
        [("$.observations[2].value", "2.5 is not a whole number; a count is a whole number")],
    ),
    M(
        "money-1000000.0",
        setting(OBS_VALUE_MONEY, raw("1000000.0")),
        [
            (
                "$.observations[4].value",
                (
                    "1000000.0 has a decimal point; money is a whole number of đồng, written "
                    "without one"
                ),
            )
        ],
    ),
    M(
        "money-json-float",
        setting(OBS_VALUE_MONEY, raw("1234567.89")),
        [
            (
                "$.observations[4].value",
                "1234567.89 is not a whole number; money is a whole number of đồng",
            )
        ],
    ),
    # Regression (fixed): loads; 5E8 is a JSON float on the money path.
    M(
        "money-exponent",
        setting(OBS_VALUE_MONEY, raw("5E8")),
        [
            (
                "$.observations[4].value",
                (
                    "5E+8 is written with an exponent; money is a whole number of đồng, "
                    "written in digits"
                ),
            )
        ],
    ),
    M(
        "count-nan",
        setting(OBS_VALUE_COUNT, raw("NaN")),
        [("$.observations[2].value", "NaN is not allowed; numbers must be finite")],
    ),
    M(
        "count-infinity",
        setting(OBS_VALUE_COUNT, raw("Infinity")),
        [("$.observations[2].value", "Infinity is not allowed; numbers must be finite")],
    ),
    M(
        "percent-minus-infinity",
        setting(OBS_VALUE_PERCENT, raw("-Infinity")),
        [("$.observations[6].value", "-Infinity is not allowed; numbers must be finite")],
    ),
    M(
        "money-1e400",
        setting(OBS_VALUE_MONEY, raw("1e400")),
        [("$.observations[4].value", "1E+400 is too large; numbers must be below 10^18")],
    ),
    M(
        "money-5000-digits",
        setting(OBS_VALUE_MONEY, raw(DIGITS_5000)),
        [
            (
                "$.observations[4].value",
                "the integer 999999999999… (5000 digits) is too large; numbers must be below 10^18",
            )
        ],
    ),
    # Regression (fixed): the message repeats all 4000 digits.
    M(
        "money-4000-digits",
        setting(OBS_VALUE_MONEY, raw(DIGITS_4000)),
        [
            (
                "$.observations[4].value",
                "the integer 999999999999… (4000 digits) is too large; numbers must be below 10^18",
            )
        ],
    ),
    M(
        "amount-5000-digits",
        setting(f"{ENTRY}[1].amount", raw(DIGITS_5000)),
        [
            (
                "$.funds[0].entries[1].amount",
                "the integer 999999999999… (5000 digits) is too large; numbers must be below 10^18",
            )
        ],
    ),
    # Regression (fixed): loads, although 5000 digits are refused as 'below 10^18'.
    M(
        "amount-above-10-18",
        setting(f"{ENTRY}[2].amount", 10**19),
        [
            (
                "$.funds[0].entries[2].amount",
                "the integer 10000000000000000000 is too large; numbers must be below 10^18",
            )
        ],
    ),
    M(
        "decimal-string-exponent",
        setting(OBS_VALUE_PERCENT, "7e-1"),
        [
            (
                "$.observations[6].value",
                f"'7e-1' {NOT_VALUE}",
            )
        ],
    ),
    M(
        "decimal-string-spaces",
        setting(OBS_VALUE_PERCENT, " 0.7"),
        [
            (
                "$.observations[6].value",
                f"' 0.7' {NOT_VALUE}",
            )
        ],
    ),
    M(
        "decimal-string-thousands",
        setting(OBS_VALUE_MONEY, "500,000,000"),
        [
            (
                "$.observations[4].value",
                f"'500,000,000' {NOT_VALUE}",
            )
        ],
    ),
    M(
        "decimal-string-vietnamese-comma",
        setting(OBS_VALUE_PERCENT, "0,7"),
        [
            (
                "$.observations[6].value",
                f"'0,7' {NOT_VALUE}",
            )
        ],
    ),
    M(
        "decimal-string-plus",
        setting("targets[3].value", "+2"),
        [
            (
                "$.targets[3].value",
                f"'+2' {NOT_VALUE}",
            )
        ],
    ),
    M(
        "nan-for-text",
        setting("observations[2].source", raw("NaN")),
        [("$.observations[2].source", "expected text (a string), got NaN")],
    ),
    M(
        "nan-in-checklist",
        setting("observations[8].value", ["c1", raw("NaN")]),
        [("$.observations[8].value[1]", "expected text (a string), got NaN")],
    ),
    M(
        "nan-in-target-baseline",
        setting("targets[0].baseline.value", raw("NaN")),
        [("$.targets[0].baseline.value", "NaN is not allowed; numbers must be finite")],
    ),
    # -- unknown and missing keys ----------------------------------------------------------
    M(
        "observation-unknown-key",
        setting("observations[2].comment", "ước tính"),
        [
            (
                "$.observations[2].comment",
                f"unknown key; allowed keys here: {OBSERVATION_KEYS}",
            )
        ],
    ),
    M(
        "observation-missing-source",
        deleting("observations[2].source"),
        [("$.observations[2].source", "required key is missing")],
    ),
    M(
        "observation-without-value",
        deleting(OBS_VALUE_COUNT),
        [
            (
                "$.observations[2].value",
                "required: give a value (or numerator and denominator for a percent)",
            )
        ],
    ),
    M(
        "entry-unknown-key",
        setting(f"{ENTRY}[3].note", "chi Tết"),
        [
            (
                "$.funds[0].entries[3].note",
                "unknown key; allowed keys here: type, id, date, beneficiary, purpose, amount",
            )
        ],
    ),
    M(
        "delegation-head-unknown-key",
        setting(f"{SESSION}.delegation.head.phone", "0900"),
        [
            (
                "$.working_sessions[0].delegation.head.phone",
                "unknown key; allowed keys here: name, title",
            )
        ],
    ),
    M(
        "conclusion-unknown-key",
        setting(f"{SESSION}.conclusions[0].deadline", "2022-12-31"),
        [
            (
                "$.working_sessions[0].conclusions[0].deadline",
                "unknown key; allowed keys here: id, text, due, indicators, done_on",
            )
        ],
    ),
    M(
        "entry-missing-type",
        deleting(f"{ENTRY}[3].type"),
        [
            (
                "$.funds[0].entries[3].type",
                f"required: the entry's type, one of {ENTRY_TYPES}",
            )
        ],
    ),
    M(
        "entry-unknown-type",
        setting(f"{ENTRY}[3].type", "expense"),
        [
            (
                "$.funds[0].entries[3].type",
                f"'expense' is not an entry type; expected {ENTRY_TYPES}",
            )
        ],
    ),
    M(
        "entry-type-number",
        setting(f"{ENTRY}[3].type", 3),
        [
            (
                "$.funds[0].entries[3].type",
                f"an integer is not an entry type; expected {ENTRY_TYPES}",
            )
        ],
    ),
    M(
        "entry-missing-amount",
        deleting(f"{ENTRY}[3].amount"),
        [("$.funds[0].entries[3].amount", "required key is missing")],
    ),
    M(
        "target-missing-comparator",
        deleting("targets[2].comparator"),
        [("$.targets[2].comparator", "required key is missing")],
    ),
    # -- dangling references -----------------------------------------------------------------
    M(
        "target-unknown-term",
        setting("targets[2].term", "2020-2025"),
        [("$.targets[2].term", "no term with id '2020-2025'; known terms: '2019-2024'")],
    ),
    M(
        "target-unknown-indicator",
        setting("targets[2].indicator", "ho_can_ngheo"),
        [
            (
                "$.targets[2].indicator",
                f"no indicator with id 'ho_can_ngheo'; {KNOWN_INDICATORS}",
            )
        ],
    ),
    M(
        "target-unknown-scope-code",
        setting("targets[5].scope", "00999"),
        [("$.targets[5].scope", "no commune with code '00999' in the dataset's communes")],
    ),
    M(
        "target-scope-not-a-code",
        setting("targets[5].scope", "Bát Tràng"),
        [
            (
                "$.targets[5].scope",
                "'Bát Tràng' is not a scope; expected a 5-digit commune code, 'all' or 'committee'",
            )
        ],
    ),
    M(
        "observation-unknown-commune",
        setting("observations[2].commune", "00999"),
        [("$.observations[2].commune", "no commune with code '00999' in the dataset's communes")],
    ),
    M(
        "observation-unknown-indicator",
        setting("observations[2].indicator", "giam_sat_2"),
        [
            (
                "$.observations[2].indicator",
                f"no indicator with id 'giam_sat_2'; {KNOWN_INDICATORS}",
            )
        ],
    ),
    M(
        "session-unknown-commune",
        setting(f"{SESSION}.commune", "00999"),
        [
            (
                "$.working_sessions[0].commune",
                "no commune with code '00999' in the dataset's communes",
            ),
            (
                "$.working_sessions[0].observations[0].commune",
                (
                    "'00583' is not the session's commune '00999'; a session records observations "
                    "of its own commune"
                ),
            ),
        ],
    ),
    M(
        "session-unknown-term",
        setting(f"{SESSION}.term", "2024-2029"),
        [("$.working_sessions[0].term", "no term with id '2024-2029'; known terms: '2019-2024'")],
    ),
    # Regression (fixed): also reported at the non-existent path $.funds[0].commune.
    M(
        "fund-unknown-owner",
        setting("funds[0].owner", "00999"),
        [("$.funds[0].owner", "no commune with code '00999' in the dataset's communes")],
    ),
    M(
        "fund-feeds-unknown-indicator",
        setting("funds[0].feeds", "quy_vi_nguoi_ngheo"),
        [
            (
                "$.funds[0].feeds",
                f"no indicator with id 'quy_vi_nguoi_ngheo'; {KNOWN_INDICATORS}",
            )
        ],
    ),
    M(
        "fund-feeds-non-money",
        setting("funds[0].feeds", "giam_sat"),
        [
            (
                "$.funds[0].feeds",
                "indicator 'giam_sat' is a count; a fund feeds only a money indicator",
            )
        ],
    ),
    M(
        "conclusion-unknown-indicator",
        setting(f"{SESSION}.conclusions[0].indicators[0]", "gd"),
        [
            (
                "$.working_sessions[0].conclusions[0].indicators[0]",
                f"no indicator with id 'gd'; {KNOWN_INDICATORS}",
            )
        ],
    ),
    M(
        "session-unknown-topic",
        setting(f"{SESSION}.topics[1]", "thi_dua"),
        [
            (
                "$.working_sessions[0].topics[1]",
                (
                    "'thi_dua' is not a topic; use a built-in topic id or add it to the dataset's "
                    "topics"
                ),
            )
        ],
    ),
    M(
        "receipt-unknown-pledge",
        setting(f"{ENTRY}[1].pledge", "p9"),
        [("$.funds[0].entries[1].pledge", "no pledge with id 'p9' in this fund")],
    ),
    M(
        "session-observation-other-commune",
        setting(f"{SESSION}.observations[0].commune", "00541"),
        [
            (
                "$.working_sessions[0].observations[0].commune",
                (
                    "'00541' is not the session's commune '00583'; a session records observations "
                    "of its own commune"
                ),
            )
        ],
    ),
    # -- duplicates --------------------------------------------------------------------------
    M(
        "duplicate-term-id",
        copying("terms[0]", "terms", name="Nhiệm kỳ (trùng)"),
        [("$.terms[1].id", "id '2019-2024' is already used by terms[0]; ids are unique")],
    ),
    M(
        "duplicate-indicator-id",
        copying("indicators[4]", "indicators"),
        [("$.indicators[7].id", "id 'duong_gt' is already used by indicators[4]; ids are unique")],
    ),
    M(
        "duplicate-indicator-id-nfd",
        steps(
            setting("indicators[4].id", "đường_gt"),
            setting("targets[5].indicator", "đường_gt"),
            setting("observations[9].indicator", "đường_gt"),
            copying("indicators[4]", "indicators", id=nfd("đường_gt")),
        ),
        [("$.indicators[7].id", "id 'đường_gt' is already used by indicators[4]; ids are unique")],
    ),
    M(
        "duplicate-session-id",
        copying(SESSION, "working_sessions", date="2022-05-10", observations=[]),
        [
            (
                "$.working_sessions[1].id",
                "id '2022-04-18-bat-trang' is already used by working_sessions[0]; ids are unique",
            )
        ],
    ),
    M(
        "duplicate-fund-id",
        copying("funds[0]", "funds", owner="00541", feeds=None),
        [("$.funds[1].id", "id 'vnn-bat-trang' is already used by funds[0]; ids are unique")],
    ),
    M(
        "duplicate-entry-id",
        setting(f"{ENTRY}[2].id", "r1"),
        [
            (
                "$.funds[0].entries[2].id",
                "entry id 'r1' is already used by entries[1]; ids are unique within a fund",
            )
        ],
    ),
    # Regression (fixed): names $.recommendations[0].id (no such path).
    M(
        "duplicate-recommendation-conclusion-id",
        setting(f"{SESSION}.conclusions[0].id", "kn1"),
        [
            (
                "$.working_sessions[0].conclusions[0].id",
                "id 'kn1' is already used by recommendations[0]; ids are unique within a session",
            )
        ],
    ),
    M(
        "duplicate-criterion-id",
        setting("indicators[6].criteria[2].id", "c1"),
        [("$.indicators[6].criteria[2].id", "criterion id 'c1' is used twice")],
    ),
    M(
        "topic-reuses-builtin-id",
        appending("topics", {"id": "funds", "name": "Quỹ"}),
        [("$.topics[1].id", "'funds' is a built-in topic; a dataset's own topics need new ids")],
    ),
    M(
        "duplicate-topic-id-nfd",
        steps(
            setting("topics[0].id", "chuyển_đổi_số"),
            setting(f"{SESSION}.topics[2]", "chuyển_đổi_số"),
            appending("topics", {"id": nfd("chuyển_đổi_số"), "name": "Chuyển đổi số (2)"}),
        ),
        [("$.topics[1].id", "id 'chuyển_đổi_số' is already used by topics[0]")],
    ),
    M(
        "duplicate-target",
        copying("targets[2]", "targets", value="2"),
        [
            (
                "$.targets[8]",
                (
                    "a target for term '2019-2024', indicator 'ho_ngheo' and scope 'all' is "
                    "already given; one target per (term, indicator, scope)"
                ),
            )
        ],
    ),
    M(
        "duplicate-observation",
        copying("observations[2]", "observations", value=4),
        [
            (
                "$.observations[11]",
                (
                    "another observation of 00583, indicator 'giam_sat', period 2021, revision 0 "
                    f"is at $.observations[2]; {SAME_OBSERVATION}"
                ),
            )
        ],
    ),
    M(
        "duplicate-observation-in-session",
        copying(f"{SESSION}.observations[0]", "observations"),
        [
            (
                "$.working_sessions[0].observations[0]",
                (
                    "another observation of 00583, indicator 'gdvh', period 2022, revision 0 is at "
                    f"$.observations[11]; {SAME_OBSERVATION}"
                ),
            )
        ],
    ),
    M(
        "duplicate-revision",
        setting("observations[6].revision", 0),
        [
            (
                "$.observations[6]",
                (
                    "another observation of 00583, indicator 'ho_ngheo', period 2021, revision 0 "
                    f"is at $.observations[5]; {SAME_OBSERVATION}"
                ),
            )
        ],
    ),
    M(
        "duplicate-session-topic",
        setting(f"{SESSION}.topics[1]", "congress_targets"),
        [("$.working_sessions[0].topics[1]", "topic 'congress_targets' is listed twice")],
    ),
    M(
        "duplicate-conclusion-indicator",
        setting(f"{SESSION}.conclusions[0].indicators", ["gdvh", "gdvh"]),
        [
            (
                "$.working_sessions[0].conclusions[0].indicators[1]",
                "indicator 'gdvh' is listed twice",
            )
        ],
    ),
    M(
        "duplicate-checklist-criterion",
        setting("observations[8].value", ["c1", "c1"]),
        [("$.observations[8].value", "criterion 'c1' is listed twice")],
    ),
    # -- communes and dates ------------------------------------------------------------------
    # Regression (fixed): also reports observations[10], naming only Trâu Quỳ.
    M(
        "commune-code-overlap",
        setting("communes[2].valid_from", "2024-07-01"),
        [
            (
                "$.communes[2].code",
                (
                    "code 00565 is already used by communes[1] (Trâu Quỳ, valid … – 2024-12-31) "
                    "over an overlapping period (this one: 2024-07-01 – …); two communes share a "
                    "code only if their validity intervals are disjoint"
                ),
            )
        ],
    ),
    M(
        "commune-valid-to-before-valid-from",
        setting("communes[2].valid_to", "2024-12-31"),
        [
            (
                "$.communes[2].valid_to",
                (
                    "2024-12-31 is before valid_from 2025-01-01; valid_to must be on or after "
                    "valid_from"
                ),
            )
        ],
    ),
    M(
        "observation-after-valid-to",
        steps(
            setting("communes[3].valid_to", "2024-12-31"), setting("observations[7].period", "2025")
        ),
        [
            (
                "$.observations[7].commune",
                (
                    "commune 00541 is not valid on 2025-12-31 (the end of period 2025): Dương Hà "
                    f"(valid … – 2024-12-31); {NOT_ON_DATE}"
                ),
            )
        ],
    ),
    M(
        "session-commune-not-valid-on-date",
        steps(
            setting("communes[1].valid_to", "2021-12-31"),
            setting(f"{SESSION}.commune", "00565"),
            deleting(f"{SESSION}.observations"),
        ),
        [
            (
                "$.working_sessions[0].commune",
                (
                    "commune 00565 is not valid on 2022-04-18 (the session's date): Trâu Quỳ "
                    f"(valid … – 2021-12-31); Gia Lâm (valid 2025-01-01 – …); {NOT_ON_DATE}"
                ),
            )
        ],
    ),
    M(
        "target-scope-commune-outside-term",
        steps(
            appending(
                "communes",
                {"code": "00600", "name": "Phù Đổng", "kind": "xa", "valid_from": "2025-07-01"},
            ),
            setting("targets[5].scope", "00600"),
        ),
        [
            (
                "$.targets[5].scope",
                (
                    "no commune with code '00600' is valid during term '2019-2024' (2019-04-12 – "
                    "2024-04-30)"
                ),
            )
        ],
    ),
    M(
        "term-start-after-end",
        setting("terms[0].start", "2024-05-01"),
        [
            (
                "$.terms[0].end",
                (
                    "the term ends 2024-04-30, not after its start 2024-05-01; a term's end must "
                    "be after its start"
                ),
            )
        ],
    ),
    M(
        "date-february-30",
        setting("terms[0].start", "2019-02-30"),
        [("$.terms[0].start", "'2019-02-30' is not a calendar date")],
    ),
    M(
        "date-day-month-year",
        setting(f"{SESSION}.date", "18/04/2022"),
        [("$.working_sessions[0].date", "'18/04/2022' is not a date; expected YYYY-MM-DD")],
    ),
    M(
        "date-with-time",
        setting(f"{ENTRY}[0].date", "2021-01-05T08:00:00+07:00"),
        [
            (
                "$.funds[0].entries[0].date",
                "'2021-01-05T08:00:00+07:00' is not a date; expected YYYY-MM-DD",
            )
        ],
    ),
    M(
        "period-q5",
        setting("observations[2].period", "2021-Q5"),
        [
            (
                "$.observations[2].period",
                f"'2021-Q5' is not a period; {PERIOD_FORMS}",
            )
        ],
    ),
    M(
        "period-month-13",
        setting("observations[2].period", "2021-13"),
        [
            (
                "$.observations[2].period",
                f"'2021-13' is not a period; {PERIOD_FORMS}",
            )
        ],
    ),
    M(
        "period-range-february-30",
        setting("observations[9].period", "2021-02-30/2021-03-01"),
        [("$.observations[9].period", "'2021-02-30' is not a calendar date")],
    ),
    M(
        "period-range-backwards",
        setting("observations[9].period", "2021-06-30/2021-04-01"),
        [("$.observations[9].period", "'2021-06-30/2021-04-01' starts after it ends")],
    ),
    M(
        "reported-before-period",
        setting("observations[0].reported_on", "2020-12-31"),
        [
            (
                "$.observations[0].reported_on",
                (
                    "2020-12-31 is before the period 2021 begins; a result cannot be reported "
                    "before its period starts"
                ),
            )
        ],
    ),
    M(
        "revision-minus-1",
        setting("observations[6].revision", -1),
        [("$.observations[6].revision", "-1 is below 0; allowed: 0 or more")],
    ),
    # Regression (fixed): "$: cannot be read: (Commune(...), ...)" (a KeyError).
    M(
        "periods-ending-same-day",
        copying("observations[9]", "observations", period="2021-Q4"),
        [
            (
                "$.observations[11].period",
                (
                    "period 2021-Q4 ends on 2021-12-31, the same day as period 2021 at "
                    "$.observations[9] (same commune and indicator); periods of one series may not "
                    "end on the same day"
                ),
            )
        ],
    ),
    # Regression (fixed): KeyError escapes loads (a traceback).
    M(
        "periods-ending-same-day-and-title-missing",
        steps(deleting("title"), copying("observations[9]", "observations", period="2021-H2")),
        [
            ("$.title", "required key is missing"),
            (
                "$.observations[11].period",
                (
                    "period 2021-H2 ends on 2021-12-31, the same day as period 2021 at "
                    "$.observations[9] (same commune and indicator); periods of one series may not "
                    "end on the same day"
                ),
            ),
        ],
    ),
    M(
        "each-period-mixed-lengths",
        setting("observations[3].period", "2022-Q1"),
        [
            (
                "$.observations[3].period",
                (
                    "2022-Q1 is a quarter, but $.observations[2] uses a year for the same commune, "
                    "indicator and term '2019-2024'; an each_period indicator uses periods of one "
                    "length"
                ),
            )
        ],
    ),
    M(
        "each-period-custom-range",
        setting("observations[3].period", "2022-01-01/2022-06-15"),
        [
            (
                "$.observations[3].period",
                (
                    "2022-01-01/2022-06-15 is not a calendar period; an each_period indicator "
                    "needs years, halves, quarters or months"
                ),
            )
        ],
    ),
    # -- sessions ------------------------------------------------------------------------------
    M(
        "session-outside-term",
        steps(
            setting(f"{SESSION}.date", "2024-06-01"),
            setting(f"{SESSION}.conclusions[0].due", None),
            setting(f"{SESSION}.conclusions[0].done_on", None),
        ),
        [
            (
                "$.working_sessions[0].date",
                (
                    "2024-06-01 is outside term '2019-2024' (2019-04-12 – 2024-04-30); a session "
                    "lies inside its term"
                ),
            )
        ],
    ),
    M(
        "conclusion-due-before-session",
        setting(f"{SESSION}.conclusions[0].due", "2022-04-01"),
        [
            (
                "$.working_sessions[0].conclusions[0].due",
                (
                    "2022-04-01 is before the session (2022-04-18); due must be on or after the "
                    "session date"
                ),
            )
        ],
    ),
    M(
        "conclusion-done-before-session",
        setting(f"{SESSION}.conclusions[0].done_on", "2022-04-17"),
        [
            (
                "$.working_sessions[0].conclusions[0].done_on",
                (
                    "2022-04-17 is before the session (2022-04-18); done_on must be on or after "
                    "the session date"
                ),
            )
        ],
    ),
    M(
        "planned-session-with-findings",
        steps(
            setting(f"{SESSION}.status", "planned"),
            deleting(f"{SESSION}.recommendations"),
            deleting(f"{SESSION}.conclusions"),
            deleting(f"{SESSION}.observations"),
        ),
        [
            (
                "$.working_sessions[0].findings",
                (
                    "a planned session has no findings yet; set status to 'held' once the session "
                    "took place"
                ),
            )
        ],
    ),
    M(
        "session-without-topics",
        setting(f"{SESSION}.topics", []),
        [("$.working_sessions[0].topics", "a session needs at least one topic")],
    ),
    # -- funds ---------------------------------------------------------------------------------
    M(
        "fund-overdrawn",
        setting(f"{ENTRY}[3].amount", 9_000_001),
        [
            (
                "$.funds[0].entries[3].amount",
                (
                    "disbursement 'c1' of 9.000.001 đ overdraws the fund: the balance at the end "
                    "of 2021-03-01 would be -1 đ; a fund's balance may never be negative"
                ),
            )
        ],
    ),
    M(
        "receipt-above-pledge",
        setting(f"{ENTRY}[1].amount", 10_000_001),
        [
            (
                "$.funds[0].entries[1].amount",
                (
                    "receipts against pledge 'p1' reach 10.000.001 đ, above the 10.000.000 đ "
                    "pledged; receipts never exceed their pledge"
                ),
            )
        ],
    ),
    M(
        "receipt-before-pledge",
        setting(f"{ENTRY}[1].date", "2021-01-04"),
        [
            (
                "$.funds[0].entries[1].date",
                (
                    "2021-01-04 is before pledge 'p1' was made (2021-01-05); a receipt against a "
                    "pledge follows it"
                ),
            )
        ],
    ),
    M(
        "in-kind-without-description",
        deleting(f"{ENTRY}[2].description"),
        [
            (
                "$.funds[0].entries[2].description",
                "required for an in-kind receipt: say what was received",
            )
        ],
    ),
    M(
        "entry-before-opened-on",
        setting(f"{ENTRY}[0].date", "2020-12-31"),
        [
            (
                "$.funds[0].entries[0].date",
                (
                    "2020-12-31 is before the fund opened on 2021-01-01; entries are dated on or "
                    "after opened_on"
                ),
            )
        ],
    ),
    M(
        "amount-zero",
        setting(f"{ENTRY}[0].amount", 0),
        [
            (
                "$.funds[0].entries[0].amount",
                "0 is not allowed; an amount is a whole number of đồng > 0",
            )
        ],
    ),
    M(
        "amount-negative",
        setting(f"{ENTRY}[3].amount", -5_000_000),
        [
            (
                "$.funds[0].entries[3].amount",
                "-5000000 is not allowed; an amount is a whole number of đồng > 0",
            )
        ],
    ),
    M(
        "amount-money-float-literal",
        setting(f"{ENTRY}[3].amount", raw("5000000.0")),
        [
            (
                "$.funds[0].entries[3].amount",
                "expected an integer, got 5000000.0 (a number with a decimal point or exponent)",
            )
        ],
    ),
    M(
        "opening-balance-negative",
        setting("funds[0].opening_balance", -1),
        [("$.funds[0].opening_balance", "-1 is below 0; allowed: 0 or more")],
    ),
    M(
        "receipt-form-unknown",
        setting(f"{ENTRY}[1].form", "cheque"),
        [
            (
                "$.funds[0].entries[1].form",
                "'cheque' is not allowed; expected 'cash', 'transfer' or 'in_kind'",
            )
        ],
    ),
    M(
        "disclosure-channel-unknown",
        setting(f"{ENTRY}[4].channel", "facebook"),
        [
            (
                "$.funds[0].entries[4].channel",
                (
                    "'facebook' is not allowed; expected 'website', 'notice_board', 'media' or "
                    "'written_notice'"
                ),
            )
        ],
    ),
    M(
        "disclosure-period-ends-after-its-date",
        setting(f"{ENTRY}[4].period", "2021-H1"),
        [
            (
                "$.funds[0].entries[4].period",
                (
                    "2021-H1 ends on 2021-06-30, after the disclosure itself (2021-04-05); a "
                    "disclosure covers a period that has already ended — disclose the part that "
                    "has (e.g. a month or a quarter)"
                ),
            )
        ],
    ),
    M(
        "disclosure-period-ends-a-day-after-its-date",
        setting(f"{ENTRY}[4].date", "2021-03-30"),
        [
            (
                "$.funds[0].entries[4].period",
                (
                    "2021-Q1 ends on 2021-03-31, after the disclosure itself (2021-03-30); a "
                    "disclosure covers a period that has already ended — disclose the part that "
                    "has (e.g. a month or a quarter)"
                ),
            )
        ],
    ),
    M(
        "committee-fund-fed-conflicts-with-observation",
        steps(
            setting("funds[0].owner", "committee"),
            copying("observations[4]", "observations", commune="committee", value=1),
        ),
        [
            (
                "$.observations[11]",
                (
                    "conflicts with the receipts of the fund at $.funds[0], which feeds 'quy_vnn' "
                    "for committee in 2021; drop this observation or the fund's 'feeds'"
                ),
            )
        ],
    ),
    M(
        "fund-fed-conflicts-with-observation",
        copying("observations[4]", "observations", commune="00583", value=8_000_000),
        [
            (
                "$.observations[11]",
                (
                    "conflicts with the receipts of the fund at $.funds[0], which feeds 'quy_vnn' "
                    "for 00583 in 2021; drop this observation or the fund's 'feeds'"
                ),
            )
        ],
    ),
    # -- indicators and targets ----------------------------------------------------------------
    M(
        "comparator-against-direction",
        setting("targets[2].comparator", ">="),
        [
            (
                "$.targets[2].comparator",
                (
                    "'>=' does not fit indicator 'ho_ngheo', whose direction is 'decrease'; use "
                    "'<=' or '<'"
                ),
            )
        ],
    ),
    M(
        "comparator-unknown",
        setting("targets[2].comparator", "=>"),
        [("$.targets[2].comparator", "'=>' is not allowed; expected '>=', '>', '<=' or '<'")],
    ),
    M(
        "boolean-target-false",
        setting("targets[6].value", False),
        [("$.targets[6].value", "a boolean target must be true (the thing is done)")],
    ),
    M(
        "boolean-target-greater-than",
        setting("targets[6].comparator", ">"),
        [("$.targets[6].comparator", "a boolean target uses '>='")],
    ),
    M(
        "checklist-unknown-criterion",
        setting("observations[8].value", ["c1", "c4"]),
        [
            (
                "$.observations[8].value",
                "'c4' is not a criterion of this indicator; allowed: 'c1', 'c2', 'c3'",
            )
        ],
    ),
    M(
        "checklist-target-above-criteria",
        setting("targets[7].value", 4),
        [
            (
                "$.targets[7].value",
                (
                    "4 criteria cannot be required of a checklist of 3; allowed: 1 to 3 (a "
                    "checklist target is the number of criteria required)"
                ),
            )
        ],
    ),
    M(
        "checklist-target-zero",
        setting("targets[7].value", 0),
        [
            (
                "$.targets[7].value",
                (
                    "0 criteria cannot be required of a checklist of 3; allowed: 1 to 3 (a "
                    "checklist target is the number of criteria required)"
                ),
            )
        ],
    ),
    M(
        "percent-target-missing-value",
        deleting("targets[2].value"),
        [("$.targets[2].value", "required for a percent indicator")],
    ),
    M(
        "baseline-on-sum",
        setting("targets[4].baseline", {"value": 0, "date": "2019-04-12"}),
        [
            (
                "$.targets[4].baseline",
                (
                    "a baseline is only for 'latest' or 'mean' indicators; 'quy_vnn' accumulates "
                    "by 'sum'"
                ),
            )
        ],
    ),
    M(
        "baseline-on-each-period",
        setting("targets[3].baseline", {"value": 1, "date": "2019-04-12"}),
        [
            (
                "$.targets[3].baseline",
                (
                    "a baseline is only for 'latest' or 'mean' indicators; 'giam_sat' accumulates "
                    "by 'each_period'"
                ),
            )
        ],
    ),
    M(
        "baseline-after-term",
        setting("targets[0].baseline.date", "2024-05-01"),
        [
            (
                "$.targets[0].baseline.date",
                (
                    "2024-05-01 is after the term ends (2024-04-30); a baseline is dated on or "
                    "before the term's end"
                ),
            )
        ],
    ),
    M(
        "milestone-outside-term",
        setting("targets[5].milestones[0].period", "2025"),
        [
            (
                "$.targets[5].milestones[0].period",
                (
                    "period 2025 ends 2025-12-31, outside term '2019-2024' (2019-04-12 – "
                    "2024-04-30); a milestone ends inside its term"
                ),
            )
        ],
    ),
    M(
        "milestone-twice",
        appending("targets[5].milestones", {"period": "2021", "value": "9"}),
        [("$.targets[5].milestones[1].period", "period 2021 has two milestones")],
    ),
    M(
        "milestone-on-each-period",
        setting("targets[3].milestones", [{"period": "2021", "value": 1}]),
        [
            (
                "$.targets[3].milestones",
                "an each_period target applies to every period alike; milestones are not allowed",
            )
        ],
    ),
    M(
        "sum-on-percent",
        setting("indicators[1].accumulation", "sum"),
        [
            (
                "$.indicators[1].accumulation",
                (
                    "'sum' is not allowed for a percent indicator; it is allowed only for count, "
                    "money and quantity"
                ),
            )
        ],
    ),
    M(
        "ratio-on-count",
        setting("indicators[2].across_units", "ratio"),
        [
            (
                "$.indicators[2].across_units",
                "'ratio' cannot combine count values across communes; it is allowed for percent",
            )
        ],
    ),
    M(
        "criteria-on-non-checklist",
        setting("indicators[0].criteria", [{"id": "c1", "name": "Tiêu chí"}]),
        [("$.indicators[0].criteria", "criteria are only for checklist indicators, not percent")],
    ),
    M(
        "checklist-without-criteria",
        deleting("indicators[6].criteria"),
        [("$.indicators[6].criteria", "a checklist indicator needs at least one criterion")],
    ),
    M(
        "boolean-direction-decrease",
        setting("indicators[5].direction", "decrease"),
        [("$.indicators[5].direction", "a boolean indicator must have direction 'increase'")],
    ),
    # -- percent with counts ---------------------------------------------------------------------
    M(
        "numerator-above-denominator",
        setting("observations[0].numerator", 2000),
        [
            (
                "$.observations[0].numerator",
                "2000 is above the denominator 1932; allowed: 0 ≤ numerator ≤ denominator",
            )
        ],
    ),
    M(
        "value-does-not-match-ratio",
        setting("observations[0].value", "95"),
        [
            (
                "$.observations[0].value",
                (
                    "95 does not match 100·1820/1932 = 94.2029; allowed: within ±0.05 of it, or "
                    "omit the value"
                ),
            )
        ],
    ),
    M(
        "denominator-zero",
        setting("observations[1].denominator", 0),
        [("$.observations[1].denominator", "0 is below 1; allowed: 1 or more")],
    ),
    M(
        "numerator-without-denominator",
        deleting("observations[0].denominator"),
        [
            (
                "$.observations[0].denominator",
                "numerator and denominator go together; give both or neither",
            )
        ],
    ),
    M(
        "numerator-on-count",
        steps(setting("observations[2].numerator", 3), setting("observations[2].denominator", 100)),
        [
            (
                "$.observations[2].numerator",
                "numerator and denominator are only for percent indicators; 'giam_sat' is a count",
            )
        ],
    ),
    # Regression (fixed): only a misleading '3 does not match 100·3/3'.
    M(
        "numerator-on-count-value-mismatch",
        steps(setting("observations[2].numerator", 3), setting("observations[2].denominator", 3)),
        [
            (
                "$.observations[2].numerator",
                "numerator and denominator are only for percent indicators; 'giam_sat' is a count",
            )
        ],
    ),
    # Regression (fixed): also complains about a derived value never written.
    M(
        "numerator-on-count-derived-value",
        steps(
            deleting(OBS_VALUE_COUNT),
            setting("observations[2].numerator", 3),
            setting("observations[2].denominator", 7),
        ),
        [
            (
                "$.observations[2].numerator",
                "numerator and denominator are only for percent indicators; 'giam_sat' is a count",
            )
        ],
    ),
    M(
        "committee-ratio-without-counts",
        steps(deleting("observations[0].numerator"), deleting("observations[0].denominator")),
        [
            (
                "$.observations[0]",
                (
                    "the committee target for 'gdvh' in term '2019-2024' combines communes by "
                    "ratio, which needs numerator and denominator on every commune observation in "
                    "the term; add them"
                ),
            )
        ],
    ),
    # -- several problems at once ------------------------------------------------------------
    M(
        "several-problems",
        steps(
            setting("format", "mttq-core/0"),
            setting("terms[0].end", "2019-01-01"),
            setting("communes[0].kind", "huyen"),
            setting(OBS_VALUE_PERCENT, raw("104.5")),
            setting(OBS_VALUE_COUNT, raw("2.5")),
            setting("observations[4].indicator", "quy"),
            setting(f"{ENTRY}[3].amount", 90_000_000),
            setting("notes", 1),
        ),
        [  # in document order: notes is set last, so it comes last
            (
                "$.format",
                "'mttq-core/0' is not a format this version reads; expected 'mttq-core/1'",
            ),
            (
                "$.terms[0].end",
                (
                    "the term ends 2019-01-01, not after its start 2019-04-12; a term's end must "
                    "be after its start"
                ),
            ),
            (
                "$.communes[0].kind",
                "'huyen' is not allowed; expected 'xa', 'phuong', 'thi_tran' or 'dac_khu'",
            ),
            ("$.observations[2].value", "2.5 is not a whole number; a count is a whole number"),
            ("$.observations[4].indicator", f"no indicator with id 'quy'; {KNOWN_INDICATORS}"),
            ("$.observations[6].value", "104.5 is above 100 for a percent"),
            (
                "$.funds[0].entries[3].amount",
                (
                    "disbursement 'c1' of 90.000.000 đ overdraws the fund: the balance at the end "
                    "of 2021-03-01 would be -81.000.000 đ; a fund's balance may never be negative"
                ),
            ),
            ("$.notes", "expected text (a string), got an integer"),
        ],
    ),
]


def test_base_dataset_loads_cleanly() -> None:
    dataset = mttq_core.loads(dumps(base()))
    assert len(dataset.observations) == 11
    assert [s.path for s in dataset.superseded] == ["$.observations[5]"]


def test_a_disclosure_on_the_last_day_of_its_period_loads() -> None:
    doc = base()
    setting(f"{ENTRY}[4].date", "2021-03-31")(doc)
    disclosure = mttq_core.loads(dumps(doc)).funds[0].entries[4]
    assert isinstance(disclosure, mttq_core.Disclosure)
    assert disclosure.period.end == disclosure.date


def test_there_are_at_least_seventy_distinct_cases() -> None:
    ids = [case.id for case in CASES]
    assert len(ids) == len(set(ids))
    documents = [case.document() for case in CASES]
    assert len(set(documents)) == len(documents)
    assert len(CASES) >= 70


@pytest.mark.parametrize("case", CASES, ids=[case.id for case in CASES])
def test_bad_input_reports_exact_problems(case: Case) -> None:
    with pytest.raises(mttq_core.DatasetError) as info:
        mttq_core.loads(case.document())
    assert [tuple(p) for p in info.value.problems] == case.expected
