"""A scorecard as tidy frames: one row per assessment, one row per commune summary."""

from __future__ import annotations

from typing import Final

import pandas as pd

from mttq_core.model import COMMITTEE, Dataset
from mttq_core.scoring import Assessment, Scorecard, Status, Trend

from ._columns import (
    Decimals,
    category,
    check_decimals,
    dates,
    integers,
    maybe_flags,
    maybe_integers,
    number,
    numbers,
    objects,
    text,
)

__all__ = [
    "ASSESSMENT_COLUMNS",
    "COMMUNE_COLUMNS",
    "EXPLANATION_COLUMNS",
    "assessments_frame",
    "communes_frame",
]

#: The columns of :func:`assessments_frame`, in order (``indicator_name`` only with a dataset).
ASSESSMENT_COLUMNS: Final = (
    "commune",
    "name",
    "indicator",
    "indicator_name",
    "status",
    "status_label",
    "category",
    "met",
    "actual",
    "target",
    "comparator",
    "progress",
    "expected",
    "data_date",
    "trend",
    "trend_label",
    "edge",
    "missing_periods",
)

#: The columns ``explain=True`` appends to :func:`assessments_frame`, in order.
EXPLANATION_COLUMNS: Final = (
    "method",
    "baseline",
    "milestone_period",
    "milestone_value",
    "ratio",
    "score",
    "used_periods",
    "explanation",
)

#: The columns of :func:`communes_frame`, in order: one count column per status id.
COMMUNE_COLUMNS: Final = (
    "commune",
    "name",
    "score",
    "coverage",
    "grade",
    "grade_label",
    "rank",
    "targets",
    "met",
    *(s.value for s in Status),
)

_STATUSES: Final = tuple(s.value for s in Status)
_STATUS_LABELS: Final = tuple(s.label for s in Status)
_TRENDS: Final = tuple(t.value for t in Trend)


def _names(card: Scorecard, dataset: Dataset | None) -> dict[str, str | None]:
    """Each unit's name: the roll-ups' (joined with `` / `` for a shared code), the committee's.

    Two communes may share a code over one term (a code reused after a merger); a roll-up
    does not say which one it is, so both names are given.
    """
    names: dict[str, list[str]] = {}
    for s in card.communes:
        seen = names.setdefault(s.commune, [])
        if s.name not in seen:
            seen.append(s.name)
    out: dict[str, str | None] = {code: " / ".join(n) for code, n in names.items()}
    out[COMMITTEE] = dataset.committee.name if dataset is not None else None
    return out


def _indicator_names(card: Scorecard, dataset: Dataset) -> dict[str, str]:
    out: dict[str, str] = {}
    for a in card:
        if a.indicator not in out:
            try:
                out[a.indicator] = dataset.indicator(a.indicator).name
            except KeyError:
                raise ValueError(
                    f"dataset: indicator {a.indicator!r} of the scorecard is not in this "
                    "dataset; pass the dataset the scorecard was assessed from"
                ) from None
    return out


def assessments_frame(
    card: Scorecard,
    *,
    dataset: Dataset | None = None,
    explain: bool = False,
    decimals: Decimals = "decimal",
) -> pd.DataFrame:
    """One row per assessment: the communes' (in the scorecard's order), then the committee's.

    Columns, in this order (:data:`ASSESSMENT_COLUMNS`): the keys of SPEC §6 — ``commune``
    (a code, or ``"committee"``), ``indicator``, ``status``, ``category``, ``met``,
    ``actual``, ``target``, ``comparator``, ``progress``, ``expected``, ``data_date``,
    ``trend``, ``edge``, ``missing_periods`` — with ``name`` (the commune's; the committee's
    when ``dataset`` is given), ``indicator_name`` (only when ``dataset`` is given),
    ``status_label`` and ``trend_label`` (Vietnamese) next to what they name.
    ``explain=True`` appends :data:`EXPLANATION_COLUMNS`: the method, the baseline, the
    milestone used, the cagr ratio R, the target's contribution to the score, the periods
    used and the explanation as text.

    Dtypes: ``status`` and ``status_label`` are categoricals in the order of SPEC §3.4
    (``exceeded`` first, ``no_data`` last), so sorting by them sorts best first, and
    ``trend`` one in the order improving, worsening, steady; ``met`` is nullable
    ``boolean``; ``data_date`` is ``datetime64[ns]`` (``NaT`` with no data); other ids and
    labels are strings; numbers are exact ``Decimal`` objects in ``object`` columns,
    unless ``decimals="float"`` converts them to ``float64`` — a lossy conversion, for
    plotting, never for money; ``missing_periods`` holds tuples of period strings.

    >>> import mttq_core
    >>> ds = mttq_core.example()
    >>> card = mttq_core.assess(ds, as_of="2022-04-18")
    >>> df = assessments_frame(card, dataset=ds)
    >>> df.shape
    (227, 18)
    >>> list(df.columns[:8])
    ['commune', 'name', 'indicator', 'indicator_name', 'status', 'status_label', 'category', 'met']
    >>> row = df.iloc[2]
    >>> row.commune, row["name"], row.indicator, row.status, row.status_label
    ('00526', 'Yên Viên', 'gia_dinh_van_hoa', 'exceeded', 'Vượt chỉ tiêu')
    >>> row.actual, row.target, row.data_date
    (Decimal('95.91'), Decimal('95'), Timestamp('2021-12-31 00:00:00'))
    >>> str(df.data_date.dtype), str(df.status.dtype), str(df.met.dtype)
    ('datetime64[ns]', 'category', 'boolean')
    >>> df[df.commune == "committee"].shape[0]
    7
    >>> df.status.value_counts().to_dict()
    {'on_track': 98, 'behind': 74, 'achieved': 28, 'exceeded': 26, 'not_achieved': 1, 'no_data': 0}
    """
    how = check_decimals(decimals)
    rows: tuple[Assessment, ...] = (*card.assessments, *card.committee)
    names = _names(card, dataset)
    columns: dict[str, pd.Series] = {
        "commune": text(a.unit for a in rows),
        "name": text(names.get(a.unit) for a in rows),
        "indicator": text(a.indicator for a in rows),
    }
    if dataset is not None:
        indicator_names = _indicator_names(card, dataset)
        columns["indicator_name"] = text(indicator_names[a.indicator] for a in rows)
    columns |= {
        "status": category((a.status.value for a in rows), _STATUSES),
        "status_label": category((a.status.label for a in rows), _STATUS_LABELS),
        "category": text(a.category.value if a.category else None for a in rows),
        "met": maybe_flags(a.met for a in rows),
        "actual": numbers((a.actual for a in rows), how),
        "target": numbers((a.target for a in rows), how),
        "comparator": text(a.comparator.value for a in rows),
        "progress": numbers((a.progress for a in rows), how),
        "expected": numbers((a.expected for a in rows), how),
        "data_date": dates(a.data_date for a in rows),
        "trend": category((a.trend.value if a.trend else None for a in rows), _TRENDS),
        "trend_label": text(a.trend.label if a.trend else None for a in rows),
        "edge": text(a.edge.value if a.edge else None for a in rows),
        "missing_periods": objects(tuple(str(p) for p in a.missing_periods) for a in rows),
    }
    if explain:
        columns |= {
            "method": text(a.explanation.method for a in rows),
            "baseline": numbers((a.explanation.baseline for a in rows), how),
            "milestone_period": text(
                str(a.explanation.milestone[0]) if a.explanation.milestone else None for a in rows
            ),
            "milestone_value": numbers(
                (a.explanation.milestone[1] if a.explanation.milestone else None for a in rows),
                how,
            ),
            "ratio": numbers((a.explanation.ratio for a in rows), how),
            "score": objects(number(a.score, how) for a in rows),
            "used_periods": objects(
                tuple(str(p.period) for p in a.explanation.points) for a in rows
            ),
            "explanation": text("\n".join(a.explanation.lines()) for a in rows),
        }
    return pd.DataFrame(columns)


def communes_frame(card: Scorecard, *, decimals: Decimals = "decimal") -> pd.DataFrame:
    """One row per commune roll-up, in the scorecard's order (by rank, unranked last).

    Columns, in this order (:data:`COMMUNE_COLUMNS`): ``commune`` (code), ``name``,
    ``score`` (0–100) and ``coverage`` (0–1) as exact ``Decimal`` objects (``float64`` with
    ``decimals="float"``, lossy; missing when the commune has no data), ``grade`` (the band
    id, a categorical in the bands' order, best first) and ``grade_label`` (Vietnamese),
    ``rank`` (nullable ``Int64``), ``targets`` and ``met`` (``int64``), then one ``int64``
    count per status, named by its id, in the order of SPEC §3.4.

    >>> import mttq_core
    >>> df = communes_frame(mttq_core.assess(mttq_core.example(), as_of="2022-04-18"))
    >>> df.shape
    (22, 15)
    >>> list(df.columns)  # doctest: +NORMALIZE_WHITESPACE
    ['commune', 'name', 'score', 'coverage', 'grade', 'grade_label', 'rank', 'targets', 'met',
     'exceeded', 'achieved', 'on_track', 'behind', 'not_achieved', 'no_data']
    >>> top = df.iloc[0]
    >>> top.commune, top["name"], round(top.score, 2), top.grade_label, top["rank"], top.met
    ('00526', 'Yên Viên', Decimal('96.49'), 'Hoàn thành xuất sắc', np.int64(1), np.int64(4))
    """
    how = check_decimals(decimals)
    rows = card.communes
    bands = sorted(card.grades.bands, key=lambda g: g.low, reverse=True)
    columns: dict[str, pd.Series] = {
        "commune": text(s.commune for s in rows),
        "name": text(s.name for s in rows),
        "score": numbers((s.score for s in rows), how),
        "coverage": numbers((s.coverage for s in rows), how),
        "grade": category((s.grade.id if s.grade else None for s in rows), [g.id for g in bands]),
        "grade_label": category(
            (s.grade.label if s.grade else None for s in rows),
            list(dict.fromkeys(g.label for g in bands)),
        ),
        "rank": maybe_integers(s.rank for s in rows),
        "targets": integers(s.targets for s in rows),
        "met": integers(s.met for s in rows),
    }
    for status in Status:
        columns[status.value] = integers(s.by_status.get(status, 0) for s in rows)
    return pd.DataFrame(columns)
