"""Methods through TargetInputs: cagr thresholds and edges, explanations, the linear pieces."""

from __future__ import annotations

from decimal import Decimal

import pendulum
import pytest

import mttq_core as m
from mttq_core.scoring._linear import term_periods

D = Decimal
AS_OF = pendulum.Date(2023, 6, 1)
END = pendulum.Date(2024, 12, 31)


def inputs(
    *points: tuple[str, str],
    target: str = "100",
    baseline: tuple[str, pendulum.Date] | None = None,
    as_of: pendulum.Date = AS_OF,
    end: pendulum.Date = END,
    accumulation: m.Accumulation = m.Accumulation.LATEST,
) -> m.TargetInputs:
    return m.TargetInputs(
        unit="00001",
        indicator="x",
        measure=m.Measure.QUANTITY,
        direction=m.Direction.INCREASE,
        accumulation=accumulation,
        comparator=m.Comparator.GE,
        target=D(target),
        term_start=pendulum.Date(2020, 1, 1),
        term_end=end,
        as_of=as_of,
        points=tuple(m.Point(period=m.Period.parse(p), value=D(v), source="s") for p, v in points),
        baseline=None if baseline is None else D(baseline[0]),
        baseline_date=None if baseline is None else baseline[1],
    )


def test_cagr_on_track_while_the_term_runs() -> None:
    a = m.CAGR(inputs(("2020", "50"), ("2022", "80")))
    assert (a.category, a.status) == (m.Category.ON_TRACK, m.Status.ON_TRACK)
    assert a.explanation.ratio is not None
    assert a.explanation.ratio >= D("0.95")


def test_cagr_on_track_after_the_term_is_not_achieved() -> None:
    a = m.CAGR(inputs(("2020", "50"), ("2022", "80"), as_of=pendulum.Date(2025, 1, 1)))
    assert (a.category, a.status) == (m.Category.ON_TRACK, m.Status.NOT_ACHIEVED)


def test_cagr_thresholds_are_configurable() -> None:
    strict = m.Cagr(thresholds=m.CagrThresholds(on_track=D(5), acceleration=D(2), limited=D(0)))
    a = strict(inputs(("2020", "50"), ("2022", "80")))
    assert (a.category, a.status) == (m.Category.LIMITED_PROGRESS, m.Status.BEHIND)
    assert strict.id == "cagr"


def test_cagr_thresholds_must_be_ordered() -> None:
    with pytest.raises(ValueError, match="on_track > acceleration > limited"):
        m.CagrThresholds(on_track=D("0.5"), acceleration=D("0.6"))


def test_cagr_no_time_left() -> None:
    a = m.CAGR(
        inputs(("2023", "60"), ("2024-Q3", "70"), baseline=("50", pendulum.Date(2024, 1, 1)))
    )
    assert a.edge is m.Edge.TOO_FEW_YEARS  # base 2024, current 2024
    b = m.CAGR(
        inputs(
            ("2024", "60"),
            ("2025", "70"),
            baseline=("50", pendulum.Date(2024, 6, 1)),
            end=pendulum.Date(2024, 12, 31),
            as_of=pendulum.Date(2026, 1, 1),
        )
    )
    assert (b.edge, b.category) == (m.Edge.NO_TIME_LEFT, None)
    assert b.status is m.Status.NOT_ACHIEVED


def test_cagr_leaves_progress_and_expected_to_linear() -> None:
    given = inputs(("2020", "50"), ("2022", "80"))
    a, b = m.CAGR(given), m.LINEAR(given)
    assert (a.progress, a.expected) == (b.progress, b.expected)
    assert (a.method, b.method) == ("cagr", "linear")


def test_explanation_traces_every_number() -> None:
    a = m.LINEAR(inputs(("2020", "50"), ("2022", "80"), baseline=("40", pendulum.Date(2020, 1, 1))))
    text = "\n".join(a.explanation.lines())
    assert "method: linear" in text
    assert "actual: 80" in text
    assert "baseline: 40" in text
    assert "target: 100" in text
    assert f"progress: {D(40) / D(60)}" in text
    assert "data date: 2022-12-31" in text
    assert "used 2020: 50 (s)" in text
    assert "used 2022: 80 (s)" in text


def test_each_period_explanation_lists_each_period() -> None:
    a = m.LINEAR(inputs(("2020", "120"), ("2021", "90"), accumulation=m.Accumulation.EACH_PERIOD))
    assert [(str(r.period), r.met, r.progress) for r in a.explanation.periods] == [
        ("2020", True, D("1.2")),
        ("2021", False, D("0.9")),
    ]
    assert a.progress == (D(1) + D("0.9")) / 2
    assert [str(p) for p in a.missing_periods] == ["2022"]
    assert a.edge is m.Edge.INCOMPLETE_DATA


@pytest.mark.parametrize(
    ("kind", "expected"),
    [
        (m.PeriodKind.YEAR, ["2020", "2021"]),
        (m.PeriodKind.HALF, ["2020-H1", "2020-H2", "2021-H1", "2021-H2"]),
        (m.PeriodKind.QUARTER, ["2021-Q3", "2021-Q4"]),
        (m.PeriodKind.MONTH, ["2021-10", "2021-11", "2021-12"]),  # October ends after the start
    ],
)
def test_term_periods(kind: m.PeriodKind, expected: list[str]) -> None:
    start = pendulum.Date(2021, 7, 1) if kind is m.PeriodKind.QUARTER else pendulum.Date(2020, 1, 1)
    if kind is m.PeriodKind.MONTH:
        start = pendulum.Date(2021, 10, 15)
    got = [str(p) for p in term_periods(kind, start, pendulum.Date(2022, 1, 30))]
    assert got == expected
