"""HTML fragments for notebooks: ``_repr_html_`` of scorecards, roll-ups and assessments."""

from __future__ import annotations

import ast
import re
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import attrs
import pytest

import mttq_core
from mttq_core import Dataset, Scorecard, Status
from mttq_core.report import assessment_html, scorecard_html, summary_html
from mttq_core.report._html import _CSS, STATUS_SYMBOLS

AS_OF = "2022-04-18"
HOSTILE = "<script>alert('x')</script> & \"Bát\" <img src=x onerror=alert(1)>"
SCORING = Path(mttq_core.__file__).parent / "scoring"


@pytest.fixture(scope="module")
def ds() -> Dataset:
    return mttq_core.example()


@pytest.fixture(scope="module")
def card(ds: Dataset) -> Scorecard:
    return mttq_core.assess(ds, as_of=AS_OF)


def hostile_dataset(ds: Dataset) -> Dataset:
    """The example with markup in every name a renderer shows, and in a source."""
    communes = tuple(
        attrs.evolve(c, name=f"{HOSTILE} {c.name}") if c.code == "00583" else c for c in ds.communes
    )
    indicators = tuple(attrs.evolve(i, name=f"{i.name} {HOSTILE}") for i in ds.indicators)
    observations = tuple(
        attrs.evolve(o, source=f"{o.source} {HOSTILE}") if o.commune == "00583" else o
        for o in ds.observations
    )
    return attrs.evolve(
        ds,
        title=f"{HOSTILE} {ds.title}",
        committee=attrs.evolve(ds.committee, name=f"{HOSTILE} Ủy ban"),
        communes=communes,
        indicators=indicators,
        observations=observations,
    )


class _Collector(HTMLParser):
    """Start tags with attributes, text, and whether the tags balance."""

    VOID = frozenset({"br", "wbr", "hr", "img", "meta", "link", "input"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []
        self.stack: list[str] = []
        self.roots = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if not self.stack:
            self.roots += 1
        self.tags.append((tag, dict(attrs)))
        if tag not in self.VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        assert self.stack, f"</{tag}> closes nothing"
        assert self.stack[-1] == tag, f"</{tag}> closes <{self.stack[-1]}>"
        self.stack.pop()

    def handle_data(self, data: str) -> None:
        if self.stack and self.stack[-1] != "style":
            self.text.append(data)


def parse(html: str) -> _Collector:
    p = _Collector()
    p.feed(html)
    p.close()
    assert not p.stack, f"unclosed: {p.stack}"
    return p


def fragments(ds: Dataset, card: Scorecard) -> dict[str, str]:
    return {
        "scorecard": scorecard_html(card, ds),
        "scorecard without dataset": scorecard_html(card),
        "summary": summary_html(card.summary("00583")),
        "assessment": assessment_html(card.get("00583", "gia_dinh_van_hoa")),
        "committee assessment": assessment_html(card.committee[0]),
    }


# -- self-contained, scoped, safe -----------------------------------------------------------


def test_fragments_are_one_scoped_div(ds: Dataset, card: Scorecard) -> None:
    for name, html in fragments(ds, card).items():
        p = parse(html)
        assert p.roots == 1, name
        tag, attributes = p.tags[0]
        assert tag == "div"
        assert (attributes.get("class") or "").split()[0] == "mttqc", name
        assert p.tags[1][0] == "style", name
        assert sum(1 for t, _ in p.tags if t == "style") == 1, name
        for t, a in p.tags:
            for cls in (a.get("class") or "").split():
                assert cls.startswith("mttqc"), (name, t, cls)


@pytest.mark.parametrize(
    "needle", ["<script", "http", "url(", "@import", "<link", "<img", "<iframe", "javascript:"]
)
def test_nothing_runs_or_loads(ds: Dataset, needle: str) -> None:
    hostile = hostile_dataset(ds)
    card = mttq_core.assess(hostile, as_of=AS_OF)
    for name, html in fragments(hostile, card).items():
        assert needle not in html.lower(), (name, needle)


def test_every_style_rule_is_scoped() -> None:
    body = re.sub(r"/\*.*?\*/", "", _CSS, flags=re.S)
    rules = [r for r in body.split("}") if r.strip()]
    assert rules
    for rule in rules:
        selectors = rule.split("{")[0]
        for selector in selectors.split(","):
            assert selector.strip().startswith(".mttqc"), selector


def _luminance(colour: str) -> float:
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def _contrast(a: str, b: str) -> float:
    hi, lo = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


@pytest.mark.parametrize("status", list(Status), ids=lambda s: s.value)
def test_chips_bring_their_own_readable_colours(status: Status) -> None:
    rule = re.search(rf"\.mttqc-s-{status.value} \{{([^}}]*)\}}", _CSS)
    assert rule is not None
    background = re.search(r"background: (#[0-9a-f]{6})", rule[1])
    text = re.search(r"(?<!-)color: (#[0-9a-f]{6})", rule[1])
    assert background is not None
    assert text is not None
    assert _contrast(background[1], text[1]) >= 7  # WCAG AAA, whatever the page behind
    # and the chip is set off from a white page or a dark one by its fill or its border
    border = re.search(r"border-color: (#[0-9a-f]{6})", rule[1])
    assert border is not None
    for page in ("#ffffff", "#1e1e1e"):
        assert max(_contrast(background[1], page), _contrast(border[1], page)) >= 2, page


# -- escaping -------------------------------------------------------------------------------


def test_hostile_text_is_escaped_everywhere(ds: Dataset) -> None:
    hostile = hostile_dataset(ds)
    card = mttq_core.assess(hostile, as_of=AS_OF)
    for name, html in fragments(hostile, card).items():
        p = parse(html)
        assert [t for t, _ in p.tags if t in ("script", "img")] == [], name
        if name != "committee assessment":  # a name, a title or a source in each
            assert HOSTILE in "".join(p.text), name  # shown, as text
    scorecard = scorecard_html(card, hostile)
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; &amp; &quot;Bát&quot;" in scorecard
    # names reach title attributes too, quoted safely
    attributes = " ".join(v or "" for _, a in parse(scorecard).tags for v in a.values())
    assert HOSTILE in attributes


# -- content --------------------------------------------------------------------------------


def test_every_status_label_is_shown_with_its_id(ds: Dataset, card: Scorecard) -> None:
    html = scorecard_html(card, ds)
    p = parse(html)
    text = "".join(p.text)
    titles = [a.get("title") for _, a in p.tags]
    for status in Status:
        assert status.label in text, status
        assert status.value in titles, status
        assert f"{STATUS_SYMBOLS[status]} {status.label}" in text


def test_scorecard_shows_every_commune_and_indicator(ds: Dataset, card: Scorecard) -> None:
    html = scorecard_html(card, ds)
    p = parse(html)
    text = "".join(p.text)
    for s in card.communes:
        assert s.name in text
        assert s.commune in text
    # one compact chip per commune assessment, its label and id in the title
    compact = [
        a.get("title") or ""
        for t, a in p.tags
        if t == "span" and "mttqc-s-" in (a.get("class") or "") and " — " in (a.get("title") or "")
    ]
    chips = [t for t in compact if "thực hiện" in t]
    assert len(chips) == len(card.assessments)
    assert sum("Chậm tiến độ (behind)" in t for t in chips) == sum(
        a.status is Status.BEHIND for a in card.assessments
    )
    for indicator in ds.indicators:
        assert indicator.name in text
    # the committee's targets, numbers the Vietnamese way
    assert "Chỉ tiêu chung — Ủy ban MTTQ Việt Nam huyện Gia Lâm" in text
    assert "9.355.300.000 đ" in text
    assert "> 10.000.000.000 đ" in text
    assert "94,56%" in text
    assert "khác nhau theo đơn vị" in text  # Bát Tràng has targets of its own
    yen_vien = card.communes[0]
    assert yen_vien.score is not None
    assert f"{yen_vien.name}{yen_vien.commune}96,5Hoàn thành xuất sắc4/10" in text


def test_scorecard_without_a_dataset_shows_ids(card: Scorecard) -> None:
    text = "".join(parse(scorecard_html(card)).text)
    assert "gia_dinh_van_hoa" in text
    assert "Chỉ tiêu chung — Ủy ban" in text
    assert "Gia đình văn hóa" not in text


def test_an_unknown_indicator_falls_back_to_its_id(ds: Dataset, card: Scorecard) -> None:
    odd = attrs.evolve(card.assessments[0], indicator="khong_co")
    html = scorecard_html(attrs.evolve(card, assessments=(odd, *card.assessments[1:])), ds)
    assert "khong_co" in "".join(parse(html).text)


def test_a_commune_without_a_target_leaves_its_cell_empty(ds: Dataset, card: Scorecard) -> None:
    fewer = attrs.evolve(card, assessments=card.assessments[1:])
    p = parse(scorecard_html(fewer, ds))
    chips = [a for t, a in p.tags if "thực hiện" in (a.get("title") or "")]
    assert len(chips) == len(card.assessments) - 1


def test_empty_scorecard_and_no_committee_targets(ds: Dataset, card: Scorecard) -> None:
    empty = attrs.evolve(card, assessments=(), communes=(), committee=())
    text = "".join(parse(scorecard_html(empty, ds)).text)
    assert "(không có đơn vị nào trong nhiệm kỳ này)" in text
    assert "(không có chỉ tiêu cấp Ủy ban trong nhiệm kỳ này)" in text
    assert all(s.label in text for s in Status)  # the legend stays


def test_no_data_yet(ds: Dataset) -> None:
    early = mttq_core.assess(ds, as_of="2019-05-01")
    text = "".join(parse(scorecard_html(early, ds)).text)
    assert f"Chưa có số liệu {len(early.assessments)}" in text
    summary = "".join(parse(summary_html(early.communes[0])).text)
    assert "chưa xếp hạng" in summary
    assert 'class="mttqc-bar"><span class="mttqc-s-no_data" style="width: 100.0000%">' in (
        summary_html(early.communes[0])
    )  # all of it grey


def test_summary(card: Scorecard) -> None:
    s = card.summary("00583")
    html = summary_html(s)
    text = "".join(parse(html).text)
    for status in Status:
        assert f"{status.label} {s.by_status[status]}" in text
    assert "Hạng5" in text
    assert "Điểm85" in text
    assert "Xếp loạiHoàn thành tốt" in text
    assert "Có số liệu100%" in text
    assert f"Đã đạt{s.met}/{s.targets} chỉ tiêu" in text
    widths = re.findall(r'style="width: ([0-9.]+)%"', html)
    assert len(widths) == sum(1 for n in s.by_status.values() if n)
    assert abs(sum(float(w) for w in widths) - 100) < 0.01


def test_summary_without_data_has_no_bar(card: Scorecard) -> None:
    bare = attrs.evolve(
        card.communes[0],
        targets=0,
        met=0,
        by_status=dict.fromkeys(Status, 0),
        score=None,
        coverage=None,
        grade=None,
        rank=None,
    )
    html = summary_html(bare)
    assert 'class="mttqc-bar"' not in html
    assert "chưa xếp hạng" in html


def test_assessment(card: Scorecard) -> None:
    a = card.get("00583", "gia_dinh_van_hoa")
    p = parse(assessment_html(a))
    text = "".join(p.text)
    assert "! Chậm tiến độ" in text
    assert {"title": "behind", "class": "mttqc-chip mttqc-s-behind"} in [x for _, x in p.tags]
    assert "Thực hiện95,69" in text
    assert "Mục tiêu≥ 97" in text
    assert "Ngày số liệu31/12/2021" in text
    assert "Giá trị xuất phát (b): 93,5" in text  # the explanation, in Vietnamese
    committee = "".join(parse(assessment_html(card.committee[0])).text)
    assert "Ủy ban" in committee


def test_committee_notes_edges_and_missing_periods(ds: Dataset, card: Scorecard) -> None:
    noted = attrs.evolve(
        card.committee[0],
        edge=mttq_core.Edge.NO_BASELINE,
        missing_periods=(mttq_core.Period.parse("2020"), mttq_core.Period.parse("2021")),
    )
    html = scorecard_html(attrs.evolve(card, committee=(noted, *card.committee[1:])), ds)
    text = "".join(parse(html).text)
    assert f"{mttq_core.Edge.NO_BASELINE.label}; chưa có số liệu kỳ 2020, 2021" in text


def test_assessment_edges_missing_periods_and_category(ds: Dataset) -> None:
    card = mttq_core.assess(ds, as_of=AS_OF, method="cagr")
    gap = "".join(parse(assessment_html(card.get("00589", "giam_sat"))).text)
    assert "Thiếu số liệu một số kỳ (incomplete_data)" in gap
    assert "Kỳ chưa có số liệu2020" in gap
    with_category = next(a for a in card if a.category is not None)
    assert with_category.category is not None
    text = "".join(parse(assessment_html(with_category)).text)
    assert f"{with_category.category.label} ({with_category.category.value})" in text
    scorecard = "".join(parse(scorecard_html(card, ds)).text)
    assert "chưa có số liệu kỳ 2020" not in scorecard  # commune notes live in the hover text


# -- _repr_html_ ----------------------------------------------------------------------------


def test_repr_html_is_the_renderers_output(card: Scorecard) -> None:
    assert card._repr_html_() == scorecard_html(card)
    s = card.communes[3]
    assert s._repr_html_() == summary_html(s)
    for a in (card.assessments[5], card.committee[0]):
        assert a._repr_html_() == assessment_html(a)


@pytest.mark.parametrize("path", sorted(SCORING.glob("*.py")), ids=lambda p: p.name)
def test_scoring_never_imports_report_at_module_level(path: Path) -> None:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in tree.body:  # module level only: the _repr_html_ methods import lazily
        if isinstance(node, ast.ImportFrom):
            assert not (node.module or "").startswith("mttq_core.report"), path.name
            assert not (node.level and (node.module or "").startswith("report")), path.name


def test_import_mttq_core_stays_light_after_rendering() -> None:
    code = (
        "import sys, mttq_core\n"
        "heavy = ('pandas', 'matplotlib', 'openpyxl', 'hypothesis')\n"
        "before = [m for m in heavy if m in sys.modules]\n"
        "card = mttq_core.assess(mttq_core.example(), as_of='2022-04-18')\n"
        "html = card._repr_html_() + card.communes[0]._repr_html_()\n"
        "html += card.assessments[0]._repr_html_()\n"
        "print(before, [m for m in heavy if m in sys.modules], html.count('mttqc-chip') > 0)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[] [] True"
