"""The machine-readable scorecard: ``mttq-core/assessment/1`` (SPEC §6)."""

from __future__ import annotations

import json
from typing import Any

from mttq_core.scoring import Assessment, CommuneSummary, Scorecard

from ._numbers import decimal_string

__all__ = ["ASSESSMENT_FORMAT", "assessment_dict", "scorecard_dict", "scorecard_json"]

#: The format id of the assessment JSON.
ASSESSMENT_FORMAT = "mttq-core/assessment/1"


def assessment_dict(a: Assessment, *, explain: bool = False) -> dict[str, Any]:
    """One assessment with exactly the keys of SPEC §6 (plus ``explanation`` on request)."""
    out: dict[str, Any] = {
        "commune": a.unit,
        "indicator": a.indicator,
        "status": a.status.value,
        "category": a.category.value if a.category else None,
        "met": a.met,
        "actual": decimal_string(a.actual),
        "target": decimal_string(a.target),
        "comparator": a.comparator.value,
        "progress": decimal_string(a.progress),
        "expected": decimal_string(a.expected),
        "data_date": a.data_date.isoformat() if a.data_date else None,
        "trend": a.trend.value if a.trend else None,
        "edge": a.edge.value if a.edge else None,
        "missing_periods": [str(p) for p in a.missing_periods],
    }
    if explain:
        e = a.explanation
        out["explanation"] = {
            "method": e.method,
            "actual": decimal_string(e.actual),
            "baseline": decimal_string(e.baseline),
            "target": decimal_string(e.target),
            "progress": decimal_string(e.progress),
            "expected": decimal_string(e.expected),
            "data_date": e.data_date.isoformat() if e.data_date else None,
            "edge": e.edge.value if e.edge else None,
            "milestone": (
                {"period": str(e.milestone[0]), "value": decimal_string(e.milestone[1])}
                if e.milestone
                else None
            ),
            "ratio": decimal_string(e.ratio),
            "observations": [
                {
                    "period": str(p.period),
                    "value": decimal_string(p.value),
                    "source": p.source,
                    "revision": p.revision,
                }
                for p in e.points
            ],
            "periods": [
                {
                    "period": str(r.period),
                    "actual": decimal_string(r.actual),
                    "met": r.met,
                    "progress": decimal_string(r.progress),
                }
                for r in e.periods
            ],
            "notes": list(e.notes),
        }
    return out


def summary_dict(s: CommuneSummary) -> dict[str, Any]:
    """One commune's roll-up with exactly the keys of SPEC §6."""
    return {
        "commune": s.commune,
        "name": s.name,
        "score": decimal_string(s.score),
        "coverage": decimal_string(s.coverage),
        "grade": s.grade.id if s.grade else None,
        "rank": s.rank,
        "targets": s.targets,
        "met": s.met,
        "by_status": {status.value: n for status, n in s.by_status.items()},
    }


def scorecard_dict(card: Scorecard, *, explain: bool = False) -> dict[str, Any]:
    """The whole scorecard as JSON-ready data (format ``mttq-core/assessment/1``).

    >>> import mttq_core
    >>> doc = scorecard_dict(mttq_core.assess(mttq_core.example(), as_of="2022-04-18"))
    >>> doc["format"], doc["as_of"], doc["term"], doc["method"]
    ('mttq-core/assessment/1', '2022-04-18', '2019-2024', 'linear')
    >>> sorted(doc["assessments"][0])  # doctest: +NORMALIZE_WHITESPACE
    ['actual', 'category', 'commune', 'comparator', 'data_date', 'edge', 'expected', 'indicator',
     'met', 'missing_periods', 'progress', 'status', 'target', 'trend']
    """
    return {
        "format": ASSESSMENT_FORMAT,
        "as_of": card.as_of.isoformat(),
        "term": card.term.id,
        "method": card.method,
        "assessments": [assessment_dict(a, explain=explain) for a in card.assessments],
        "communes": [summary_dict(s) for s in card.communes],
        "committee": [assessment_dict(a, explain=explain) for a in card.committee],
    }


def scorecard_json(card: Scorecard, *, explain: bool = False) -> str:
    """The scorecard as JSON text (UTF-8, Vietnamese kept readable)."""
    return json.dumps(scorecard_dict(card, explain=explain), ensure_ascii=False, indent=1) + "\n"
