"""Scorecards, commune roll-ups and assessments as HTML fragments for notebooks.

Each renderer returns one self-contained ``<div>``: an inline ``<style>`` whose every rule is
scoped by the class prefix ``mttqc``, no script, no external resource. Text takes the
notebook's own colour, rules and shading are translucent grey, and each status chip brings its
own background *and* text colour — so the fragment reads the same on a light and a dark
notebook theme (JupyterLab's dark theme does not set ``prefers-color-scheme``). Every piece of
data is escaped; no data ever reaches the style sheet or a class name.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from html import escape
from typing import Final

from mttq_core.model import COMMITTEE, Dataset, Indicator
from mttq_core.scoring import Assessment, CommuneSummary, Scorecard, Status

from ._numbers import vi_number
from ._table import _date, _measure, _name, _share, _target, _value, explanation_lines

__all__ = ["STATUS_SYMBOLS", "assessment_html", "scorecard_html", "summary_html"]

#: A symbol per status, shown before the label and alone in the compact scorecard grid.
STATUS_SYMBOLS: Final = {
    Status.EXCEEDED: "▲",
    Status.ACHIEVED: "✓",
    Status.ON_TRACK: "→",
    Status.BEHIND: "!",
    Status.NOT_ACHIEVED: "✕",
    Status.NO_DATA: "–",
}

_DASH: Final = "—"

# Chip colours: text and background contrast at least 7:1 (WCAG AAA); the pastel chips carry a
# darker border to stand out on white, the two dark ones a lighter border to stand out on a dark
# page. Status ids are fixed identifiers, so class names stay clean.
_CSS: Final = """
.mttqc { font-size: 12px; line-height: 1.4; color: inherit; max-width: 100%;
  overflow-x: auto; text-align: left; }
.mttqc .mttqc-title { font-weight: 700; font-size: 13px; margin: 0 0 2px; }
.mttqc .mttqc-sub { opacity: .78; margin: 0 0 6px; }
.mttqc .mttqc-h { font-weight: 700; margin: 10px 0 3px; }
.mttqc .mttqc-code { opacity: .65; font-size: 11px; margin-left: 3px;
  font-variant-numeric: tabular-nums; }
.mttqc .mttqc-muted { opacity: .7; }
.mttqc .mttqc-legend { display: flex; flex-wrap: wrap; gap: 4px; margin: 4px 0 6px; }
.mttqc table.mttqc-t { border-collapse: collapse; table-layout: auto; margin: 0;
  width: auto; font-size: 12px; border: none; }
.mttqc .mttqc-t th, .mttqc .mttqc-t td { padding: 2px 6px; text-align: left;
  vertical-align: middle; white-space: normal; line-height: 1.35; max-width: none;
  border: none; border-bottom: 1px solid rgba(127, 127, 127, .35); background: none; }
.mttqc .mttqc-t thead th { font-weight: 700; background: rgba(127, 127, 127, .14);
  border-bottom: 1px solid rgba(127, 127, 127, .6); vertical-align: bottom;
  white-space: nowrap; }
.mttqc .mttqc-t tbody tr:nth-child(even) td { background: rgba(127, 127, 127, .06); }
.mttqc .mttqc-t .mttqc-n { text-align: right; font-variant-numeric: tabular-nums;
  white-space: nowrap; }
.mttqc .mttqc-t .mttqc-c { text-align: center; padding: 2px 1px; }
.mttqc .mttqc-t .mttqc-nw { white-space: nowrap; }
.mttqc .mttqc-facts th { font-weight: 400; opacity: .8; background: none;
  border-bottom: 1px solid rgba(127, 127, 127, .35); white-space: nowrap; }
.mttqc .mttqc-chip { display: inline-block; box-sizing: border-box; min-width: 1.7em;
  padding: 0 5px; border: 1px solid; border-radius: 3px; font-weight: 600;
  line-height: 1.45; text-align: center; white-space: nowrap; }
.mttqc .mttqc-s-exceeded { background: #14632f; color: #ffffff; border-color: #3f9c5c; }
.mttqc .mttqc-s-achieved { background: #c8ecd2; color: #0d4420; border-color: #4fa866; }
.mttqc .mttqc-s-on_track { background: #d3e5fb; color: #0a3a6c; border-color: #5b93d3; }
.mttqc .mttqc-s-behind { background: #ffe2a0; color: #4f3300; border-color: #c99414; }
.mttqc .mttqc-s-not_achieved { background: #a3211a; color: #ffffff; border-color: #e2574e; }
.mttqc .mttqc-s-no_data { background: #e6e6e6; color: #333333; border-color: #8c8c8c;
  border-style: dashed; }
.mttqc .mttqc-zero { opacity: .55; }
.mttqc .mttqc-bar { display: flex; height: 8px; width: 240px; max-width: 100%;
  margin: 4px 0; border-radius: 2px; overflow: hidden; }
.mttqc .mttqc-bar span { display: block; height: 100%; }
.mttqc .mttqc-explain { margin: 6px 0 0; }
.mttqc .mttqc-explain summary { cursor: pointer; }
.mttqc .mttqc-explain ul { margin: 3px 0 0; padding-left: 18px; }
"""

_STYLE: Final = f"<style>{_CSS}</style>"


def _e(text: str) -> str:
    return escape(text, quote=True)


def _root(kind: str, parts: Iterable[str]) -> str:
    return f'<div class="mttqc mttqc-{kind}">{_STYLE}{"".join(parts)}</div>'


def _chip(
    status: Status, *, compact: bool = False, count: int | None = None, title: str = ""
) -> str:
    """One status chip: symbol and Vietnamese label (the symbol alone when ``compact``).

    The English id is in the ``title`` (with ``title`` text after it):

    >>> _chip(Status.BEHIND)
    '<span class="mttqc-chip mttqc-s-behind" title="behind">! Chậm tiến độ</span>'
    >>> _chip(Status.ACHIEVED, compact=True, title="Bát Tràng")
    '<span class="mttqc-chip mttqc-s-achieved" title="Đạt (achieved) — Bát Tràng">✓</span>'
    """
    symbol = STATUS_SYMBOLS[status]
    if compact:
        text = symbol
        tip = f"{status.label} ({status.value})"
    else:
        text = f"{symbol} {status.label}"
        tip = status.value
    if count is not None:
        text += f" {count}"
    if title:
        tip += f" — {title}"
    zero = " mttqc-zero" if count == 0 else ""
    return (
        f'<span class="mttqc-chip mttqc-s-{status.value}{zero}" title="{_e(tip)}">{_e(text)}</span>'
    )


def _legend(counts: Counter[Status] | dict[Status, int]) -> str:
    chips = "".join(_chip(s, count=counts.get(s, 0)) for s in Status)
    return f'<div class="mttqc-legend">{chips}</div>'


def _title(text: str, code: str) -> str:
    return f'<div class="mttqc-title">{_e(text)}<span class="mttqc-code">{_e(code)}</span></div>'


def _indicator(dataset: Dataset | None, indicator_id: str) -> Indicator | None:
    if dataset is None:
        return None
    try:
        return dataset.indicator(indicator_id)
    except KeyError:
        return None


def _committee(dataset: Dataset | None) -> str:
    return dataset.committee.name if dataset is not None else "Ủy ban"


def _cells(cells: Sequence[tuple[str, str]]) -> str:
    """Table cells from ``(class, html)`` pairs; the html is already escaped."""
    return "".join(
        f'<td class="{cls}">{inner}</td>' if cls else f"<td>{inner}</td>" for cls, inner in cells
    )


def _targets_table(assessments: Sequence[Assessment], dataset: Dataset | None) -> str:
    """Full rows: name, actual, target, progress, expected, status chip, trend."""
    heads = (
        "<th>Chỉ tiêu</th><th class='mttqc-n'>Thực hiện</th><th class='mttqc-n'>Mục tiêu</th>"
        "<th class='mttqc-n'>Tiến độ</th><th class='mttqc-n'>Kỳ vọng</th>"
        "<th>Trạng thái</th><th>Xu hướng</th>"
    )
    rows = []
    for a in assessments:
        indicator = _indicator(dataset, a.indicator)
        measure = _measure(a, indicator)
        name = _e(_name(a, indicator))
        if indicator is not None:
            name += f'<span class="mttqc-code">{_e(a.indicator)}</span>'
        notes = []
        if a.edge is not None:
            notes.append(a.edge.label)
        if a.missing_periods:
            notes.append("chưa có số liệu kỳ " + ", ".join(str(p) for p in a.missing_periods))
        if notes:
            name += f'<br><span class="mttqc-muted">{_e("; ".join(notes))}</span>'
        cells = [
            ("", name),
            ("mttqc-n", _e(_value(a.actual, measure))),
            ("mttqc-n", _e(_target(a, measure))),
            ("mttqc-n", _e(_share(a.progress))),
            ("mttqc-n", _e(_share(a.expected))),
            ("mttqc-nw", _chip(a.status)),
            ("mttqc-nw", _e(a.trend.label if a.trend else _DASH)),
        ]
        rows.append(f"<tr>{_cells(cells)}</tr>")
    return (
        f'<table class="mttqc-t"><thead><tr>{heads}</tr></thead>'
        f"<tbody>{''.join(rows)}</tbody></table>"
    )


def _score(s: CommuneSummary) -> str:
    return vi_number(s.score, 1) if s.score is not None else _DASH


def scorecard_html(card: Scorecard, dataset: Dataset | None = None) -> str:
    """The scorecard as an HTML fragment: a compact traffic-light grid and the committee's table.

    One row per commune in rank order — rank, name, score, grade, targets met — then one
    compact chip per indicator (hover for the Vietnamese label, the status id and the
    numbers); a legend with every status and how many commune assessments have it; a key
    to the indicator columns; then the committee's targets in full. ``dataset`` (the one
    assessed) supplies the indicators' names and units; without it, ids are shown.

    >>> import mttq_core
    >>> ds = mttq_core.example()
    >>> html = scorecard_html(mttq_core.assess(ds, as_of="2022-04-18"), ds)
    >>> html.startswith('<div class="mttqc mttqc-scorecard"><style>'), html.endswith("</div>")
    (True, True)
    >>> "Bát Tràng" in html and "Chậm tiến độ" in html and "<script" not in html
    True
    """
    indicators = sorted({a.indicator for a in card.assessments})
    by_cell: dict[tuple[str, str], Assessment] = {}
    for a in card.assessments:
        by_cell.setdefault((a.unit, a.indicator), a)
    meta = {i: _indicator(dataset, i) for i in indicators}
    names = {i: (m.name if m is not None else i) for i, m in meta.items()}
    term = card.term
    sub = [
        f"{term.name} ({term.id}), {_date(term.start)}–{_date(term.end)}",
        f"tính đến ngày {_date(card.as_of)}",
        f"phương pháp {card.method}",
    ]
    if dataset is not None:
        sub.insert(0, dataset.committee.name)
    parts = [
        f'<div class="mttqc-title">{_e(card.title)}</div>',
        f'<div class="mttqc-sub">{_e(" · ".join(sub))}</div>',
        _legend(Counter(a.status for a in card.assessments)),
    ]
    heads = [
        "<th class='mttqc-n'>Hạng</th><th>Đơn vị</th><th class='mttqc-n'>Điểm</th>",
        "<th>Xếp loại</th><th class='mttqc-n'>Đạt</th>",
    ]
    heads.extend(
        f'<th class="mttqc-c" title="{_e(names[i])} ({_e(i)})">{n}</th>'
        for n, i in enumerate(indicators, start=1)
    )
    rows = []
    for s in card.communes:
        cells = [
            ("mttqc-n", _e(str(s.rank)) if s.rank is not None else _DASH),
            ("", f'{_e(s.name)}<span class="mttqc-code">{_e(s.commune)}</span>'),
            (
                "mttqc-n",
                f'<span title="có số liệu {_e(_share(s.coverage))}">{_e(_score(s))}</span>',
            ),
            ("", _e(s.grade.label) if s.grade else _DASH),
            ("mttqc-n", _e(f"{s.met}/{s.targets}")),
        ]
        for i in indicators:
            found = by_cell.get((s.commune, i))
            if found is None:
                cells.append(("mttqc-c", ""))
                continue
            measure = _measure(found, meta[i])
            tip = (
                f"{s.name} · {names[i]}: thực hiện {_value(found.actual, measure)}, "
                f"chỉ tiêu {_target(found, measure)}"
            )
            cells.append(("mttqc-c", _chip(found.status, compact=True, title=tip)))
        rows.append(f"<tr>{_cells(cells)}</tr>")
    if rows:
        parts.append(
            f'<table class="mttqc-t mttqc-grid"><thead><tr>{"".join(heads)}</tr></thead>'
            f"<tbody>{''.join(rows)}</tbody></table>"
        )
        parts.append(_key(card, indicators, meta, names))
    else:
        parts.append('<div class="mttqc-muted">(không có đơn vị nào trong nhiệm kỳ này)</div>')
    committee = _e(_committee(dataset))
    parts.append(f'<div class="mttqc-h">Chỉ tiêu chung — {committee}</div>')
    if card.committee:
        parts.append(_targets_table(card.committee, dataset))
    else:
        parts.append(
            '<div class="mttqc-muted">(không có chỉ tiêu cấp Ủy ban trong nhiệm kỳ này)</div>'
        )
    return _root("scorecard", parts)


def _key(
    card: Scorecard,
    indicators: Sequence[str],
    meta: dict[str, Indicator | None],
    names: dict[str, str],
) -> str:
    """The key to the grid's numbered columns: each indicator, its target, its statuses."""
    rows = []
    for n, i in enumerate(indicators, start=1):
        own = [a for a in card.assessments if a.indicator == i]
        first = own[0]
        targets = {(a.comparator, a.target) for a in own}
        target = (
            _target(first, _measure(first, meta[i]))
            if len(targets) == 1
            else "khác nhau theo đơn vị"
        )
        counts = Counter(a.status for a in own)
        chips = " ".join(_chip(s, compact=True, count=counts[s]) for s in Status if counts[s])
        cells = [
            ("mttqc-n", str(n)),
            (
                "",
                _e(i)
                if meta[i] is None
                else f'{_e(names[i])}<span class="mttqc-code">{_e(i)}</span>',
            ),
            ("mttqc-n", _e(target)),
            ("mttqc-nw", chips),
        ]
        rows.append(f"<tr>{_cells(cells)}</tr>")
    heads = (
        "<th class='mttqc-n'>#</th><th>Chỉ tiêu</th><th class='mttqc-n'>Mục tiêu</th>"
        "<th>Các đơn vị</th>"
    )
    return (
        '<div class="mttqc-h">Các chỉ tiêu (cột)</div>'
        f'<table class="mttqc-t"><thead><tr>{heads}</tr></thead>'
        f"<tbody>{''.join(rows)}</tbody></table>"
    )


def summary_html(summary: CommuneSummary) -> str:
    """One commune's roll-up as an HTML fragment: rank, score, grade and counts per status.

    >>> import mttq_core
    >>> card = mttq_core.assess(mttq_core.example(), as_of="2022-04-18")
    >>> html = summary_html(card.summary("00583"))
    >>> "Bát Tràng" in html and "Hoàn thành tốt" in html and "Chưa có số liệu 0" in html
    True
    """
    s = summary
    facts = [
        ("Hạng", str(s.rank) if s.rank is not None else "chưa xếp hạng"),
        ("Điểm", _score(s)),
        ("Xếp loại", s.grade.label if s.grade else _DASH),
        ("Có số liệu", _share(s.coverage)),
        ("Đã đạt", f"{s.met}/{s.targets} chỉ tiêu"),
    ]
    rows = "".join(f"<tr><th>{_e(k)}</th><td>{_e(v)}</td></tr>" for k, v in facts)
    total = sum(s.by_status.values())
    bar = "".join(
        f'<span class="mttqc-s-{st.value}" style="width: {100 * n / total:.4f}%"></span>'
        for st in Status
        if (n := s.by_status.get(st, 0))
    )
    parts = [
        _title(s.name, s.commune),
        f'<table class="mttqc-t mttqc-facts"><tbody>{rows}</tbody></table>',
    ]
    if bar:
        parts.append(f'<div class="mttqc-bar">{bar}</div>')
    parts.append(_legend(s.by_status))
    return _root("summary", parts)


def assessment_html(assessment: Assessment) -> str:
    """One assessment as an HTML fragment: its status chip, numbers and explanation.

    >>> import mttq_core
    >>> card = mttq_core.assess(mttq_core.example(), as_of="2022-04-18")
    >>> html = assessment_html(card.get("00583", "gia_dinh_van_hoa"))
    >>> "Chậm tiến độ" in html and 'title="behind"' in html and "95,69" in html
    True
    """
    a = assessment
    facts = [
        ("Thực hiện", _value(a.actual, None)),
        ("Mục tiêu", _target(a, None)),
        ("Tiến độ", _share(a.progress)),
        ("Tiến độ kỳ vọng", _share(a.expected)),
        ("Ngày số liệu", _date(a.data_date)),
        ("Xu hướng", a.trend.label if a.trend else _DASH),
    ]
    if a.category is not None:
        facts.append(("Phân loại (CAGR)", f"{a.category.label} ({a.category.value})"))
    if a.edge is not None:
        facts.append(("Trường hợp đặc biệt", f"{a.edge.label} ({a.edge.value})"))
    if a.missing_periods:
        facts.append(("Kỳ chưa có số liệu", ", ".join(str(p) for p in a.missing_periods)))
    rows = [f"<tr><th>Trạng thái</th><td>{_chip(a.status)}</td></tr>"]
    rows.extend(f"<tr><th>{_e(k)}</th><td>{_e(v)}</td></tr>" for k, v in facts)
    lines = "".join(f"<li>{_e(line)}</li>" for line in explanation_lines(a))
    unit = _committee(None) if a.unit == COMMITTEE else a.unit
    parts = [
        _title(a.indicator, unit),
        f'<table class="mttqc-t mttqc-facts"><tbody>{"".join(rows)}</tbody></table>',
        f'<details class="mttqc-explain"><summary>Giải thích</summary><ul>{lines}</ul></details>',
    ]
    return _root("assessment", parts)
