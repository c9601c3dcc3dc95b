"""Tidy DataFrames from a scorecard or a dataset (``mttq_core.frames``)."""

from __future__ import annotations

import importlib
import math
import subprocess
import sys
from decimal import Decimal

import attrs
import pandas as pd
import pendulum
import pytest

import mttq_core
from mttq_core import COMMITTEE, Dataset, Scorecard, Status
from mttq_core.frames import (
    ASSESSMENT_COLUMNS,
    COMMUNE_COLUMNS,
    EXPLANATION_COLUMNS,
    OBSERVATION_COLUMNS,
    TARGET_COLUMNS,
    assessments_frame,
    communes_frame,
    observations_frame,
    targets_frame,
)

AS_OF = "2022-04-18"
WITHOUT_NAMES = tuple(c for c in ASSESSMENT_COLUMNS if c != "indicator_name")


@pytest.fixture(scope="module")
def ds() -> Dataset:
    return mttq_core.example()


@pytest.fixture(scope="module")
def card(ds: Dataset) -> Scorecard:
    return mttq_core.assess(ds, as_of=AS_OF)


def _stamp(day: object) -> pd.Timestamp | None:
    if day is None:
        return None
    return pd.Timestamp(str(day))


# -- the public face ------------------------------------------------------------------------


def test_public_face_is_declared() -> None:
    from mttq_core import frames  # noqa: PLC0415

    assert sorted(dir(frames)) == sorted(frames.__all__)
    for name in frames.__all__:
        assert hasattr(frames, name), name


def test_missing_pandas_gives_a_clear_import_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pandas", None)  # `import pandas` now fails
    for name in [
        m for m in sys.modules if m == "mttq_core.frames" or m.startswith("mttq_core.frames.")
    ]:
        monkeypatch.delitem(sys.modules, name)
    with pytest.raises(ImportError, match=r"install mttq-core\[pandas\]") as caught:
        importlib.import_module("mttq_core.frames")
    assert caught.value.name == "pandas"
    assert isinstance(caught.value.__cause__, ImportError)


def test_import_mttq_core_imports_no_heavy_dependency() -> None:
    code = (
        "import sys, mttq_core\n"
        "card = mttq_core.assess(mttq_core.example(), as_of='2022-04-18')\n"
        "card._repr_html_(); card.communes[0]._repr_html_(); card.assessments[0]._repr_html_()\n"
        "print(sorted(m for m in ('pandas', 'matplotlib', 'openpyxl', 'hypothesis', 'numpy') "
        "if m in sys.modules))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"


# -- assessments ----------------------------------------------------------------------------


def test_assessment_columns_and_rows(ds: Dataset, card: Scorecard) -> None:
    plain = assessments_frame(card)
    named = assessments_frame(card, dataset=ds)
    explained = assessments_frame(card, dataset=ds, explain=True)
    rows = len(card.assessments) + len(card.committee)
    assert tuple(plain.columns) == WITHOUT_NAMES
    assert tuple(named.columns) == ASSESSMENT_COLUMNS
    assert tuple(explained.columns) == ASSESSMENT_COLUMNS + EXPLANATION_COLUMNS
    assert plain.shape == (rows, len(WITHOUT_NAMES)) == (227, 17)
    assert list(named.index) == list(range(rows))
    # the committee's rows come last, in the scorecard's order
    assert list(named.commune[-len(card.committee) :]) == [COMMITTEE] * len(card.committee)
    assert list(named.indicator) == [a.indicator for a in card]


def test_assessment_dtypes(ds: Dataset, card: Scorecard) -> None:
    df = assessments_frame(card, dataset=ds)
    assert isinstance(df.status.dtype, pd.CategoricalDtype)
    assert list(df.status.cat.categories) == [s.value for s in Status]
    assert list(df.status_label.cat.categories) == [s.label for s in Status]
    assert list(df.trend.cat.categories) == ["improving", "worsening", "steady"]
    assert str(df.met.dtype) == "boolean"
    assert str(df.data_date.dtype) == "datetime64[ns]"
    for column in ("actual", "target", "progress", "expected"):
        assert df[column].dtype == object
        assert all(v is None or isinstance(v, Decimal) for v in df[column])
    for column in ("commune", "name", "indicator", "indicator_name", "comparator", "edge"):
        assert pd.api.types.is_string_dtype(df[column].dtype), column
    # sorting by status sorts best first, as SPEC §3.4 lists the statuses
    ordered = df.sort_values("status", kind="stable").status.tolist()
    order = {status.value: k for k, status in enumerate(Status)}
    ranks = [order[s] for s in ordered]
    assert ranks == sorted(ranks)


def test_assessment_values_are_the_scorecards(ds: Dataset, card: Scorecard) -> None:
    df = assessments_frame(card, dataset=ds)
    for i, a in enumerate(card):
        row = df.iloc[i]
        assert row.commune == a.unit
        assert row.indicator == a.indicator
        assert row.indicator_name == ds.indicator(a.indicator).name
        assert row.status == a.status.value
        assert row.status_label == a.status.label
        assert row.actual == a.actual
        assert row.actual is a.actual  # the very Decimal, not a copy through a float
        assert row.target == a.target
        assert row.progress == a.progress
        assert row.expected == a.expected
        assert row.comparator == a.comparator.value
        assert bool(row.met) is a.met
        assert row.data_date == _stamp(a.data_date)
        assert (row.trend if isinstance(row.trend, str) else None) == (
            a.trend.value if a.trend else None
        )
        assert row.missing_periods == tuple(str(p) for p in a.missing_periods)
        if a.unit == COMMITTEE:
            assert row["name"] == ds.committee.name
        else:
            assert row["name"] == card.summary(a.unit).name


def test_edges_and_missing_periods(card: Scorecard) -> None:
    df = assessments_frame(card)
    gap = df[(df.commune == "00589") & (df.indicator == "giam_sat")].iloc[0]
    assert gap.edge == "incomplete_data"
    assert gap.missing_periods == ("2020",)
    assert df.edge.isna().sum() == len(df) - 1


def test_no_data_gives_missing_values(ds: Dataset) -> None:
    early = mttq_core.assess(ds, as_of="2019-05-01")
    df = assessments_frame(early)
    assert set(df.status) == {"no_data"}
    assert df.data_date.isna().all()
    assert df.met.isna().all()
    assert all(v is None for v in df.actual)
    assert df.trend.isna().all()
    assert df["name"][df.commune == COMMITTEE].isna().all()  # no dataset, no committee name


def test_explain_columns(ds: Dataset, card: Scorecard) -> None:
    df = assessments_frame(card, dataset=ds, explain=True)
    i = [(a.unit, a.indicator) for a in card].index(("00583", "gia_dinh_van_hoa"))
    row = df.iloc[i]
    a = card.get("00583", "gia_dinh_van_hoa")
    assert row.method == "linear"
    assert row.baseline == a.explanation.baseline == Decimal("93.5")
    assert row.milestone_period == "2021"
    assert a.explanation.milestone is not None
    assert row.milestone_value == a.explanation.milestone[1] == Decimal("96")
    assert row.ratio is None
    assert row.score == a.score
    assert row.used_periods == tuple(str(p.period) for p in a.explanation.points)
    assert row.explanation.splitlines() == a.explanation.lines()


def test_cagr_category_and_ratio(ds: Dataset) -> None:
    cagr = mttq_core.assess(ds, as_of=AS_OF, method="cagr")
    df = assessments_frame(cagr, explain=True)
    categories = {a.category.value for a in cagr if a.category is not None}
    assert set(df.category.dropna()) == categories
    assert any(isinstance(v, Decimal) for v in df.ratio)


def test_decimals_float_converts_every_number(ds: Dataset, card: Scorecard) -> None:
    df = assessments_frame(card, dataset=ds, explain=True, decimals="float")
    for column in ("actual", "target", "progress", "expected", "baseline", "milestone_value"):
        assert df[column].dtype == "float64", column
    assert all(isinstance(v, float) for v in df.score)
    for i, a in enumerate(card):
        if a.progress is None:
            assert math.isnan(df.progress[i])
        else:
            assert df.progress[i] == float(a.progress)


@pytest.mark.parametrize("bad", ["Decimal", "exact", None, 1, "floats"])
def test_decimals_argument_is_checked(card: Scorecard, bad: object) -> None:
    with pytest.raises(ValueError, match=r"decimals: .* expected 'decimal' .* or 'float'"):
        assessments_frame(card, decimals=bad)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="decimals"):
        communes_frame(card, decimals=bad)  # type: ignore[arg-type]


def test_a_dataset_that_does_not_match_is_refused(ds: Dataset, card: Scorecard) -> None:
    odd = attrs.evolve(card.assessments[0], indicator="khong_co")
    other = attrs.evolve(card, assessments=(odd, *card.assessments[1:]))
    with pytest.raises(ValueError, match="'khong_co' of the scorecard is not in this dataset"):
        assessments_frame(other, dataset=ds)


def test_a_shared_code_shows_both_names(card: Scorecard) -> None:
    first = card.communes[0]
    twin = attrs.evolve(first, name="Xã mới")
    df = assessments_frame(attrs.evolve(card, communes=(first, twin, first)))
    assert set(df["name"][df.commune == first.commune]) == {f"{first.name} / Xã mới"}


# -- communes -------------------------------------------------------------------------------


def test_commune_columns_dtypes_and_values(card: Scorecard) -> None:
    df = communes_frame(card)
    assert tuple(df.columns) == COMMUNE_COLUMNS
    assert df.shape == (22, 15)
    assert str(df["rank"].dtype) == "Int64"
    assert df.score.dtype == object
    assert list(df.grade.cat.categories) == [
        "hoan_thanh_xuat_sac",
        "hoan_thanh_tot",
        "hoan_thanh",
        "khong_hoan_thanh",
    ]
    for column in ("targets", "met", *(s.value for s in Status)):
        assert df[column].dtype == "int64", column
    for i, s in enumerate(card.communes):
        row = df.iloc[i]
        assert (row.commune, row["name"], row["rank"]) == (s.commune, s.name, s.rank)
        assert row.score is s.score
        assert row.coverage == s.coverage
        assert s.grade is not None
        assert (row.grade, row.grade_label) == (s.grade.id, s.grade.label)
        assert (row.targets, row.met) == (s.targets, s.met)
        assert {st.value: row[st.value] for st in Status} == {
            st.value: n for st, n in s.by_status.items()
        }


def test_unscored_communes_have_missing_values(ds: Dataset) -> None:
    df = communes_frame(mttq_core.assess(ds, as_of="2019-05-01"), decimals="float")
    assert df["rank"].isna().all()
    assert df.score.isna().all()
    assert df.grade.isna().all()
    assert df.grade_label.isna().all()
    assert (df.no_data == df.targets).all()
    assert df.coverage.dtype == "float64"
    assert (df.coverage == 0).all()


# -- observations ---------------------------------------------------------------------------


def test_observation_rows_and_columns(ds: Dataset) -> None:
    df = observations_frame(ds)
    records = list(ds.all_observations())
    assert tuple(df.columns) == OBSERVATION_COLUMNS
    assert len(df) == len(records) == 1103
    assert list(df.path) == [path for path, _ in records]
    assert df.origin.value_counts().to_dict() == {"observation": 1096, "fund": 6, "session": 1}
    for column in ("period_start", "period_end", "reported_on"):
        assert str(df[column].dtype) == "datetime64[ns]", column
    assert str(df.numerator.dtype) == "Int64"
    assert df.effective.dtype == bool
    for i, (_, o) in enumerate(records):
        row = df.iloc[i]
        assert row.period == str(o.period)
        assert row.period_start == _stamp(o.period.start)
        assert row.period_end == _stamp(o.period.end)
        assert row.value is o.value or row.value == o.value
        assert row.number == o.number
        assert row.revision == o.revision
        assert (None if pd.isna(row.reported_on) else row.reported_on) == _stamp(o.reported_on)


def test_superseded_revisions_are_kept_and_flagged(ds: Dataset) -> None:
    df = observations_frame(ds)
    replaced = df[~df.effective]
    assert len(replaced) == len(ds.superseded) == 2
    assert {(p, b) for p, b in zip(replaced.path, replaced.superseded_by, strict=True)} == {
        (s.path, s.by_path) for s in ds.superseded
    }
    assert df.superseded_by[df.effective].isna().all()
    assert int(df.effective.sum()) == len(df) - len(ds.superseded)


def test_session_and_fund_fed_rows(ds: Dataset) -> None:
    df = observations_frame(ds)
    session = df[df.origin == "session"].iloc[0]
    assert session.path == "$.working_sessions[1].observations[0]"
    assert session.value is True
    assert session.number == 1
    fed = df[df.origin == "fund"]
    fund = ds.funds[0]
    expected = fund.fed_observations()
    assert list(fed.path) == ["$.funds[0]"] * len(expected)
    assert list(fed.value) == [o.value for o in expected]
    assert list(fed.period) == [str(o.period) for o in expected]
    assert set(fed["name"]) == {"Bát Tràng"}
    assert fed.reported_on.isna().all()
    assert fed.effective.all()


def _with_huge_money(ds: Dataset) -> tuple[Dataset, str]:
    """The example with one money observation above 2**53: a float cannot hold it."""
    huge = Decimal(2**53 + 1)
    observations = list(ds.observations)
    for i, o in enumerate(observations):
        if o.indicator == "quy_vi_nguoi_ngheo" and o.commune != ds.funds[0].owner:
            observations[i] = attrs.evolve(o, value=huge)
            return attrs.evolve(ds, observations=tuple(observations)), f"$.observations[{i}]"
    raise AssertionError("no money observation")  # pragma: no cover


def test_money_stays_exact(ds: Dataset) -> None:
    big, path = _with_huge_money(ds)
    df = observations_frame(big)
    money = df[df.indicator == "quy_vi_nguoi_ngheo"]
    exact = sum(
        (o.number for _, o in big.all_observations() if o.indicator == "quy_vi_nguoi_ngheo"),
        Decimal(0),
    )
    total: object = money.number.sum()
    assert isinstance(total, Decimal)
    assert total == exact
    assert df.value[df.path == path].iloc[0] == Decimal(2**53 + 1)
    # the documented float conversion is lossy, and visibly so
    lossy = observations_frame(big, decimals="float")
    assert lossy.number.dtype == "float64"
    assert Decimal(int(lossy.number[lossy.path == path].iloc[0])) != Decimal(2**53 + 1)


def test_decimals_float_for_observations(ds: Dataset) -> None:
    df = observations_frame(ds, decimals="float")
    assert df.number.dtype == "float64"
    kinds = {type(v) for v in df.value}
    assert Decimal not in kinds
    assert float in kinds
    assert bool in kinds  # booleans stay booleans
    assert tuple in kinds  # checklists stay tuples of criterion ids


# -- targets --------------------------------------------------------------------------------


def test_target_rows_and_columns(ds: Dataset) -> None:
    df = targets_frame(ds)
    assert tuple(df.columns) == TARGET_COLUMNS
    assert df.shape == (len(ds.targets), len(TARGET_COLUMNS))
    assert list(df.path) == [f"$.targets[{i}]" for i in range(len(ds.targets))]
    assert str(df.baseline_date.dtype) == "datetime64[ns]"
    for i, t in enumerate(ds.targets):
        row = df.iloc[i]
        assert (row.term, row.indicator, row.scope) == (t.term, t.indicator, t.scope)
        assert row.comparator == t.comparator.value
        assert row.measure == ds.indicator(t.indicator).measure.value
        if t.baseline is None:
            assert row.baseline is None
            assert pd.isna(row.baseline_date)
        else:
            assert row.baseline_date == _stamp(t.baseline.date)
    boolean = df[df.indicator == "ban_ttnd"].iloc[0]
    assert boolean.value is True
    assert boolean.number == 1
    milestones = df[(df.indicator == "gia_dinh_van_hoa") & (df.scope == "00583")].iloc[0]
    assert milestones.milestones == (("2021", Decimal("96")),)


def test_a_checklist_target_without_a_value_asks_for_all_criteria(ds: Dataset) -> None:
    checklist = ds.indicator("cuoc_van_dong_ntm_dtvm")
    targets = tuple(
        attrs.evolve(t, value=None) if t.indicator == checklist.id else t for t in ds.targets
    )
    df = targets_frame(attrs.evolve(ds, targets=targets))
    row = df[df.indicator == checklist.id].iloc[0]
    assert row.value is None
    assert row.number == Decimal(len(checklist.criteria))


def test_a_checklist_baseline_counts_its_criteria(ds: Dataset) -> None:
    checklist = ds.indicator("cuoc_van_dong_ntm_dtvm")
    met = tuple(c.id for c in checklist.criteria[:2])
    baseline = mttq_core.Baseline(value=met, date=pendulum.Date(2019, 4, 12))
    targets = tuple(
        attrs.evolve(t, baseline=baseline) if t.indicator == checklist.id else t for t in ds.targets
    )
    df = targets_frame(attrs.evolve(ds, targets=targets))
    row = df[df.indicator == checklist.id].iloc[0]
    assert row.baseline == Decimal(2)
    assert row.baseline_date == pd.Timestamp("2019-04-12")


def test_decimals_float_for_targets(ds: Dataset) -> None:
    df = targets_frame(ds, decimals="float")
    assert df.number.dtype == "float64"
    assert df.baseline.dtype == "float64"
    milestones = df[(df.indicator == "gia_dinh_van_hoa") & (df.scope == "00583")].iloc[0]
    assert milestones.milestones == (("2021", 96.0),)
    assert all(isinstance(v, float | bool) for v in df.value)
