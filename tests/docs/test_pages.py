"""The hand-written pages agree with the code: the glossary's vocabularies, the CLI page."""

from __future__ import annotations

import argparse
import re
import tomllib
from pathlib import Path

import pytest

import mttq_core
from mttq_core import model
from mttq_core.briefing import GapKind
from mttq_core.cli import _parser

DOCS = Path(__file__).resolve().parents[2] / "docs"

VOCABULARIES: list[type[model.LabeledEnum]] = [
    mttq_core.Status,
    mttq_core.Trend,
    mttq_core.Category,
    mttq_core.Edge,
    mttq_core.ConclusionStatus,
    model.SessionStatus,
    model.Measure,
    model.Direction,
    model.Accumulation,
    model.AcrossUnits,
    model.Comparator,
    model.CommuneKind,
    model.FundKind,
    model.ReceiptForm,
    model.DisclosureChannel,
    GapKind,
]


def _rows(text: str) -> set[tuple[str, str]]:
    """Every ``| `id` | label |`` pair of the page's tables (a vocabulary column may precede)."""
    rows: set[tuple[str, str]] = set()
    for line in text.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        for i, cell in enumerate(cells[:-1]):
            match = re.fullmatch(r"`([^`]+)`", cell)
            if match:
                rows.add((match[1], cells[i + 1]))
    return rows


@pytest.fixture(scope="module")
def glossary() -> str:
    return (DOCS / "glossary.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("vocabulary", VOCABULARIES, ids=lambda v: v.__name__)
def test_the_glossary_lists_every_id_with_its_label(
    glossary: str, vocabulary: type[model.LabeledEnum]
) -> None:
    rows = _rows(glossary)
    missing = [(m.value, m.label) for m in vocabulary if (m.value, m.label) not in rows]
    assert missing == []
    assert f"`{vocabulary.__name__}`" in glossary


def test_the_glossary_lists_the_default_grades_and_the_topics(glossary: str) -> None:
    rows = _rows(glossary)
    for band in mttq_core.DEFAULT_GRADES.bands:
        assert (band.id, band.label) in rows
    for topic, label in model.BUILTIN_TOPICS.items():
        assert (topic, label) in rows


def test_the_glossary_defines_the_terms_of_the_domain(glossary: str) -> None:
    for term in (
        "Mặt trận Tổ quốc Việt Nam",
        "Ủy ban",
        "Ban Thường trực",
        "nhiệm kỳ",
        "Nghị quyết Đại hội",
        "chỉ tiêu",
        "xã, phường, thị trấn, đặc khu",
        "huyện",
        "buổi làm việc",
        "đoàn công tác",
        "trưởng đoàn",
        "kết luận",
        "kiến nghị, đề xuất",
        'quỹ "Vì người nghèo"',
        "quỹ Cứu trợ",
        "công khai",
        "số dư đầu kỳ, số dư cuối kỳ",
        "thu",
        "chi",
        "hiện vật",
        "Ban Thanh tra nhân dân",
        "Ban Giám sát đầu tư của cộng đồng",
        "gia đình văn hóa",
        "khu dân cư văn hóa",
        "nhà Đại đoàn kết",
        "hộ nghèo, hộ cận nghèo",
    ):
        assert re.search(rf"^{re.escape(term)}( \(.*\))?$", glossary, re.MULTILINE), term


def _commands() -> dict[str, argparse.ArgumentParser]:
    parser = _parser()
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return dict(action.choices)
    raise AssertionError("no subcommands")  # pragma: no cover


def _section(page: str, command: str) -> str:
    match = re.search(rf"^## `{command}`\n(.*?)(?=^## |\Z)", page, re.MULTILINE | re.DOTALL)
    assert match, f"no section for {command}"
    return match[1]


def test_the_cli_page_documents_exactly_the_commands() -> None:
    page = (DOCS / "cli.md").read_text(encoding="utf-8")
    documented = set(re.findall(r"^## `([a-z]+)`$", page, re.MULTILINE))
    assert documented == set(_commands())


@pytest.mark.parametrize("command", sorted(_commands()))
def test_the_cli_page_documents_every_option(command: str) -> None:
    section = _section((DOCS / "cli.md").read_text(encoding="utf-8"), command)
    sub = _commands()[command]
    for action in sub._actions:
        if isinstance(action, argparse._HelpAction):
            continue
        if not action.option_strings:  # a positional: in the synopsis
            name = str(action.metavar or action.dest).upper()
            assert re.search(rf"\b{name}\b", section), f"{command}: {name}"
            continue
        names = action.option_strings
        for name in names:
            assert f"`{name}" in section, f"{command}: {name}"
        for choice in action.choices or ():
            assert str(choice) in section, f"{command} {names[0]}: {choice}"


def _bash_lines(text: str) -> list[str]:
    blocks = re.findall(r"```bash\n(.*?)```", text, flags=re.DOTALL)
    return [line for block in blocks for line in block.splitlines() if line.strip()]


def test_getting_started_has_the_readme_quickstart() -> None:
    readme = (DOCS.parent / "README.md").read_text(encoding="utf-8")
    quickstart = _bash_lines(readme.split("## Quickstart", 1)[1].split("\n## ", 1)[0])
    assert len(quickstart) == 2
    page = (DOCS / "getting-started.md").read_text(encoding="utf-8")
    assert quickstart == _bash_lines(page)[:2]
    assert 'mttq-core[pandas,plot,excel,testing]"' in page


def test_getting_started_lists_every_extra() -> None:
    pyproject = tomllib.loads((DOCS.parent / "pyproject.toml").read_text(encoding="utf-8"))
    extras = set(pyproject["project"]["optional-dependencies"])
    rows = _rows((DOCS / "getting-started.md").read_text(encoding="utf-8"))
    assert extras == {extra for extra, _ in rows if not extra.startswith("mttq_core")}
