"""``mttq_core.testing``: valid values, eager argument checks, the entry point, shrinking."""

from __future__ import annotations

import datetime as dt
import importlib.metadata
import os
import re
import subprocess
import sys
import textwrap
import tomllib
import unicodedata
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pendulum
import pytest
from hypothesis import find, given, settings
from hypothesis import strategies as st
from hypothesis.errors import HypothesisWarning, InvalidArgument

import mttq_core as m
import mttq_core.testing as mt
from mttq_core.testing import _plugin

ROOT = Path(__file__).resolve().parents[2]
PUBLIC = [
    "communes",
    "datasets",
    "funds",
    "indicators",
    "observations",
    "periods",
    "targets",
    "terms",
    "working_sessions",
]
#: Every public entity ``st.from_type`` must build (and pendulum's two types).
ENTITIES = [
    m.Term,
    m.Period,
    m.Commune,
    m.Indicator,
    m.Criterion,
    m.Target,
    m.Baseline,
    m.Milestone,
    m.Observation,
    m.WorkingSession,
    m.Person,
    m.Delegation,
    m.Recommendation,
    m.Conclusion,
    m.Fund,
    m.Pledge,
    m.Receipt,
    m.Disbursement,
    m.Disclosure,
    m.Committee,
    m.Topic,
    m.Dataset,
]
D = pendulum.Date


def a_dataset(**parts: Any) -> m.Dataset:
    """A dataset around the parts given: constructing it checks every rule of SPEC §2.2."""
    return m.Dataset(
        title="Kiểm thử",
        committee=m.Committee(name="Ủy ban MTTQ Việt Nam huyện Gia Lâm"),
        terms=parts.pop("terms", []),
        communes=parts.pop("communes", []),
        indicators=parts.pop("indicators", []),
        **parts,
    )


def open_commune(code: str) -> m.Commune:
    """A commune with ``code`` that exists on every day."""
    return m.Commune(code=code, name="Bát Tràng", kind="xa")


def draw_once(strategy: st.SearchStrategy[Any]) -> None:
    """Draw one value (errors raised while drawing propagate)."""

    @settings(max_examples=1, database=None)
    @given(strategy)
    def run(_value: object) -> None:
        pass

    run()


# == the public face ========================================================================


def test_public_face() -> None:
    assert set(PUBLIC) <= set(mt.__all__)
    assert sorted(dir(mt)) == sorted(mt.__all__)
    for name in mt.__all__:
        assert hasattr(mt, name), name


def test_the_usage_example_in_the_docstring_runs() -> None:
    doc = mt.__doc__ or ""
    block = doc.split("Usage", 1)[1].split("::\n", 1)[1]
    code = textwrap.dedent(block.split("\n\n``st.from_type``", 1)[0])
    namespace: dict[str, Any] = {}
    exec(compile(code, "mttq_core.testing usage", "exec"), namespace)  # noqa: S102 — our own doc
    tests = [f for name, f in namespace.items() if name.startswith("test_") and callable(f)]
    assert len(tests) == 3
    for test in tests:
        test()


# == every value is valid ===================================================================


@settings(max_examples=60)
@given(mt.terms())
def test_terms_last_five_years(term: m.Term) -> None:
    assert term.end == term.start.add(years=5).subtract(days=1)
    assert term.id == f"{term.start.year}-{term.start.year + 5}"
    assert term.name == f"Nhiệm kỳ {term.start.year}–{term.start.year + 5}"


@settings(max_examples=40)
@given(mt.terms(min_value=D(2019, 1, 1), max_value=D(2024, 12, 31)))
def test_terms_keep_within_their_bounds(term: m.Term) -> None:
    assert D(2019, 1, 1) <= term.start
    assert term.end <= D(2024, 12, 31)


@settings(max_examples=100)
@given(st.data(), st.sampled_from(list(m.PeriodKind)))
def test_periods_have_the_kind_asked_and_keep_within_bounds(
    data: st.DataObject, kind: m.PeriodKind
) -> None:
    lo = data.draw(st.dates(dt.date(2000, 1, 1), dt.date(2030, 1, 1)))
    hi = lo + dt.timedelta(days=data.draw(st.integers(730, 3000)))  # holds a whole year
    period = data.draw(mt.periods(min_value=lo, max_value=hi, kinds=[kind.value]))
    assert period.kind is kind
    assert lo <= period.start <= period.end <= hi
    assert m.Period.parse(str(period)) == period


@settings(max_examples=60)
@given(mt.periods(min_value=D(2021, 2, 10), max_value=D(2021, 8, 20)))
def test_periods_by_default_use_every_kind_that_fits(period: m.Period) -> None:
    assert period.kind is not m.PeriodKind.YEAR  # no whole year between the bounds
    assert D(2021, 2, 10) <= period.start <= period.end <= D(2021, 8, 20)


TERM_SPAN = m.Period(D(2019, 4, 12), D(2024, 4, 11))


@settings(max_examples=60)
@given(mt.communes(kinds=["xa", m.CommuneKind.PHUONG], valid_during=TERM_SPAN))
def test_communes_fit_their_arguments(commune: m.Commune) -> None:
    assert re.fullmatch(r"[0-9]{5}", commune.code)
    assert commune.kind in (m.CommuneKind.XA, m.CommuneKind.PHUONG)
    assert commune.valid_on(TERM_SPAN.start)
    assert commune.valid_on(TERM_SPAN.end)
    assert unicodedata.is_normalized("NFC", commune.name)


@settings(max_examples=60)
@given(mt.communes())
def test_communes_alone(commune: m.Commune) -> None:
    assert re.fullmatch(r"[0-9]{5}", commune.code)


@settings(max_examples=100)
@given(
    mt.indicators(
        measures=["percent", "count"], directions=["decrease"], accumulations=["latest", "sum"]
    )
)
def test_indicators_keep_to_the_choices_given(indicator: m.Indicator) -> None:
    assert indicator.measure in (m.Measure.PERCENT, m.Measure.COUNT)
    assert indicator.direction is m.Direction.DECREASE
    assert indicator.accumulation in (m.Accumulation.LATEST, m.Accumulation.SUM)
    if indicator.measure is m.Measure.PERCENT:
        assert indicator.accumulation is m.Accumulation.LATEST  # sum is not for percents


@settings(max_examples=100)
@given(st.data())
def test_targets_fit_their_indicator_and_term(data: st.DataObject) -> None:
    indicator = data.draw(mt.indicators(), label="indicator")
    term = data.draw(mt.terms(), label="term")
    target = data.draw(mt.targets(indicators=st.just(indicator), terms=st.just(term)))
    communes = []
    if target.scope not in (m.ALL, m.COMMITTEE):
        span = m.Period(term.start, term.end)
        communes = [data.draw(mt.communes(codes=st.just(target.scope), valid_during=span))]
    a_dataset(terms=[term], communes=communes, indicators=[indicator], targets=[target])


@settings(max_examples=100)
@given(st.data())
def test_observations_fit_their_indicator(data: st.DataObject) -> None:
    indicator = data.draw(mt.indicators(), label="indicator")
    observation = data.draw(mt.observations(indicators=st.just(indicator)))
    communes = [] if observation.commune == m.COMMITTEE else [open_commune(observation.commune)]
    a_dataset(communes=communes, indicators=[indicator], observations=[observation])


@settings(max_examples=60)
@given(st.data())
def test_working_sessions_fit_their_term_commune_and_indicators(data: st.DataObject) -> None:
    term = data.draw(mt.terms(), label="term")
    indicators = data.draw(
        st.lists(mt.indicators(), min_size=1, max_size=3, unique_by=lambda i: i.id)
    )
    session = data.draw(
        mt.working_sessions(
            terms=st.just(term),
            codes=st.just("00583"),
            indicators=st.sampled_from(indicators),
        )
    )
    assert term.contains(session.date)
    a_dataset(
        terms=[term],
        communes=[open_commune("00583")],
        indicators=indicators,
        working_sessions=[session],
    )


QUY = m.Indicator(
    id="quy_vi_nguoi_ngheo",
    name="Vận động Quỹ “Vì người nghèo”",
    measure="money",
    direction="increase",
    accumulation="sum",
)


@settings(max_examples=60)
@given(
    mt.funds(
        owners=st.sampled_from(["00583", m.COMMITTEE]),
        feeds=st.none() | st.just(QUY.id),
        min_value=D(2019, 1, 1),
        max_value=D(2024, 12, 31),
    )
)
def test_funds_balance_and_fit_a_dataset(fund: m.Fund) -> None:
    receipts = sum(e.amount for e in fund.entries if isinstance(e, m.Receipt))
    paid = sum(e.amount for e in fund.entries if isinstance(e, m.Disbursement))
    assert fund.opening_balance + receipts - paid >= 0
    assert all(fund.balance_on(e.date) >= 0 for e in fund.entries)
    assert all(D(2019, 1, 1) <= e.date <= D(2024, 12, 31) for e in fund.entries)
    a_dataset(communes=[open_commune("00583")], indicators=[QUY], funds=[fund])


def _looks_real(dataset: m.Dataset) -> None:
    """Vietnamese text, 5-digit codes, five-year terms, annual periods, balanced ledgers."""
    assert not dataset.title.isascii()
    assert not dataset.committee.name.isascii()
    for term in dataset.terms:
        assert term.end == term.start.add(years=5).subtract(days=1)
    for commune in dataset.communes:
        assert re.fullmatch(r"[0-9]{5}", commune.code)
    for _path, observation in dataset.all_observations():
        assert observation.period.kind is m.PeriodKind.YEAR
    for fund in dataset.funds:
        assert all(fund.balance_on(e.date) >= 0 for e in fund.entries)


@settings(max_examples=60, deadline=None)
@given(mt.datasets())
def test_datasets_are_valid_and_round_trip(dataset: m.Dataset) -> None:
    assert m.loads(m.dumps(dataset)) == dataset
    _looks_real(dataset)


@settings(max_examples=40, deadline=None)
@given(
    mt.datasets(
        communes=st.integers(1, 6),
        indicators=st.integers(1, 4),
        terms=st.integers(1, 3),
        measures=["percent", "money", "checklist"],
        accumulations=["latest", "sum", "each_period"],
        with_sessions=st.just(True),
        with_funds=st.just(True),
    )
)
def test_datasets_keep_to_their_arguments(dataset: m.Dataset) -> None:
    assert 1 <= len(dataset.terms) <= 3
    assert {i.measure for i in dataset.indicators} <= {
        m.Measure.PERCENT,
        m.Measure.MONEY,
        m.Measure.CHECKLIST,
    }
    assert {i.accumulation for i in dataset.indicators} <= {
        m.Accumulation.LATEST,
        m.Accumulation.SUM,
        m.Accumulation.EACH_PERIOD,
    }
    assert dataset.working_sessions
    assert dataset.funds
    assert m.loads(m.dumps(dataset)) == dataset
    _looks_real(dataset)


def test_datasets_cover_what_real_ones_hold() -> None:
    """Over a fixed run, every feature of the format shows up at least once."""
    seen: set[str] = set()

    @settings(max_examples=150, derandomize=True, database=None, deadline=None)
    @given(mt.datasets(communes=st.integers(1, 8), terms=st.integers(1, 2)))
    def collect(dataset: m.Dataset) -> None:
        seen.update(f"measure:{i.measure.value}" for i in dataset.indicators)
        seen.update(f"accumulation:{i.accumulation.value}" for i in dataset.indicators)
        seen.update(f"scope:{t.scope}" for t in dataset.targets if not t.scope.isdigit())
        seen.update("commune target" for t in dataset.targets if t.scope.isdigit())
        seen.update("baseline" for t in dataset.targets if t.baseline is not None)
        seen.update("milestone" for t in dataset.targets if t.milestones)
        seen.update("counts" for o in dataset.observations if o.denominator is not None)
        seen.update("derived" for o in dataset.observations if o.derived)
        seen.update("committee result" for o in dataset.observations if o.commune == "committee")
        seen.update("superseded" for _ in dataset.superseded)
        seen.update("two terms" for _ in dataset.terms[1:])
        seen.update("fund" for _ in dataset.funds)
        seen.update("fed" for f in dataset.funds if f.feeds is not None)
        seen.update(f"entry:{e.TYPE}" for f in dataset.funds for e in f.entries)
        seen.update("session" for _ in dataset.working_sessions)
        seen.update("planned" for s in dataset.working_sessions if s.status.value == "planned")
        seen.update("recorded" for s in dataset.working_sessions if s.observations)
        seen.update("own topic" for _ in dataset.topics)
        codes = [c.code for c in dataset.communes]
        seen.update("code reused" for _ in range(len(codes) - len(set(codes))))

    collect()
    expected = (
        {f"measure:{x.value}" for x in m.Measure}
        | {f"accumulation:{x.value}" for x in m.Accumulation}
        | {f"entry:{t}" for t in ("pledge", "receipt", "disbursement", "disclosure")}
        | {"scope:all", "scope:committee", "commune target", "baseline", "milestone"}
        | {"counts", "derived", "committee result", "superseded", "two terms"}
        | {"fund", "fed", "session", "planned", "recorded", "own topic", "code reused"}
    )
    assert expected - seen == set()


def test_datasets_shrink_to_one_commune_indicator_and_observation() -> None:
    found = find(
        mt.datasets(),
        lambda d: len(d.observations) > 0,
        settings=settings(database=None, derandomize=True, max_examples=100),
    )
    assert (len(found.communes), len(found.indicators), len(found.observations)) == (1, 1, 1)
    assert len(found.terms) == 1
    assert not found.targets
    assert not found.working_sessions
    assert not found.funds


# == arguments are checked when the strategy is made ======================================


#: These calls break the annotations on purpose: the checks are for untyped callers.
loose: Any = mt

BAD: list[tuple[Callable[[], object], str | None]] = [
    (
        lambda: loose.datasets(communes=5),
        r"communes=5 must be a hypothesis strategy.*st\.just\(5\)",
    ),
    (lambda: loose.datasets(with_funds=True), r"with_funds=True must be a hypothesis strategy"),
    (
        lambda: loose.datasets(communes=st.integers(30, 1)),
        r"communes=.* is not a valid strategy: Cannot have max_value=1 < min_value=30",
    ),
    (
        lambda: loose.datasets(measures=["percnt"]),
        r"measures contains 'percnt', which is not a Measure; allowed: 'percent', 'count'",
    ),
    (lambda: loose.datasets(measures="percent"), r"measures='percent' must be a collection"),
    (lambda: loose.datasets(measures=[]), r"measures is empty; give at least one of 'percent'"),
    (
        lambda: loose.datasets(measures=["percent"], accumulations=["sum"]),
        r"no indicator fits measures=\['percent'\].*'sum' is only for count, money and quantity",
    ),
    (
        lambda: loose.indicators(measures=["percent", "count"], accumulations=["sum"]),
        r"measures contains 'percent', which no indicator can have together with",
    ),
    (
        lambda: loose.indicators(measures=["boolean"], directions=["decrease"]),
        r"no indicator fits .*boolean and checklist indicators only increase",
    ),
    (
        lambda: loose.indicators(measures=["count"], across_units=["ratio", None]),
        r"across_units contains 'ratio', which no indicator can have",
    ),
    (lambda: loose.indicators(directions=["up"]), r"directions contains 'up', which is not a"),
    (
        lambda: loose.periods(min_value=D(2021, 1, 1), max_value=D(2020, 1, 1)),
        r"min_value=2021-01-01 is after max_value=2020-01-01",
    ),
    (lambda: loose.periods(min_value="2020-01-01"), r"min_value='2020-01-01' must be a date"),
    (
        lambda: loose.periods(max_value=dt.datetime(2030, 1, 1, 12, 0)),
        r"max_value=.* must be a date .*not datetime",
    ),
    (
        lambda: loose.periods(min_value=D(2021, 3, 1), max_value=D(2021, 12, 31), kinds=["year"]),
        r"no year lies wholly between min_value=2021-03-01 and max_value=2021-12-31",
    ),
    (lambda: loose.periods(kinds=["week"]), r"kinds contains 'week', which is not a PeriodKind"),
    (
        lambda: loose.terms(min_value=D(2020, 1, 1), max_value=D(2024, 6, 30)),
        r"no 5-year term fits between min_value=2020-01-01 and max_value=2024-06-30",
    ),
    (lambda: loose.communes(codes="00583"), r"codes='00583' must be a hypothesis strategy"),
    (
        lambda: loose.communes(kinds=["huyen"]),
        r"kinds contains 'huyen', which is not a CommuneKind",
    ),
    (lambda: loose.communes(valid_during="2021"), r"valid_during='2021' must be None or a"),
    (lambda: loose.targets(indicators=QUY), r"indicators=Indicator\(.* must be a"),
    (lambda: loose.targets(scopes=["all"]), r"scopes=\['all'\] must be a hypothesis strategy"),
    (lambda: loose.observations(periods=m.Period.year(2021)), r"periods=Period\(.* must be a"),
    (lambda: loose.observations(codes=st.text()), None),  # a strategy: checked when drawn
    (lambda: loose.working_sessions(terms=[]), r"terms=\[\] must be a hypothesis strategy"),
    (lambda: loose.funds(entries=3), r"entries=3 must be a hypothesis strategy"),
    (lambda: loose.funds(kinds=["quy"]), r"kinds contains 'quy', which is not a FundKind"),
    (
        lambda: loose.funds(min_value=D(2025, 1, 1), max_value=D(2024, 1, 1)),
        r"min_value=2025-01-01 is after max_value=2024-01-01",
    ),
]


@pytest.mark.parametrize(("make", "message"), BAD, ids=lambda x: None if callable(x) else str(x))
def test_bad_arguments_are_refused_when_the_strategy_is_made(
    make: Callable[[], object], message: str | None
) -> None:
    if message is None:
        assert isinstance(make(), st.SearchStrategy)
        return
    with pytest.raises(InvalidArgument, match=message):
        make()


#: A strategy of anything, where the argument wants a strategy of something else.
wrong: Any = st.just

DRAWN_BAD: list[tuple[st.SearchStrategy[Any], str]] = [
    (mt.datasets(communes=wrong(0)), r"communes drew 0; it must draw an integer from 1 to 99"),
    (mt.datasets(terms=wrong("2")), r"terms drew '2'; it must draw an integer from 1 to 4"),
    (mt.datasets(with_sessions=wrong(1)), r"with_sessions drew 1; it must draw True or False"),
    (mt.communes(codes=wrong("583")), r"codes drew '583'; it must draw 5-digit commune codes"),
    (
        mt.observations(codes=wrong("all")),
        r"codes drew 'all'; it must draw 5-digit commune codes such as '00583', or 'committee'",
    ),
    (mt.targets(indicators=wrong(3)), r"indicators drew 3; it must draw Indicator objects"),
    (mt.observations(periods=wrong("2021")), r"periods drew '2021'; it must draw Period"),
    (mt.funds(entries=wrong(-1)), r"entries drew -1; it must draw an integer from 0 to 200"),
    (mt.funds(feeds=wrong(7)), r"feeds drew 7; it must draw an indicator id or None"),
]


@pytest.mark.parametrize(("strategy", "message"), DRAWN_BAD)
def test_what_an_argument_strategy_draws_is_checked_too(
    strategy: st.SearchStrategy[Any], message: str
) -> None:
    with pytest.raises(InvalidArgument, match=message):
        draw_once(strategy)


# == st.from_type, through hypothesis's entry point =========================================


def _python(code: str, tmp_path: Path, **env: str) -> str:
    """Run ``code`` in a fresh interpreter, outside the repository (no conftest, no tests/)."""
    clean = {
        k: v for k, v in os.environ.items() if k != "PYTHONPATH" and not k.startswith("HYPOTHESIS")
    }
    result = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
        env={**clean, **env},
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout


FROM_TYPE = """
    import sys
    import hypothesis
    import mttq_core
    import pendulum
    from hypothesis import given, settings, strategies as st

    assert "mttq_core.testing._plugin" in sys.modules  # loaded by the entry point alone
    kinds = [pendulum.Date, pendulum.DateTime] + [getattr(mttq_core, name) for name in NAMES]
    for kind in kinds:
        seen = []

        @settings(max_examples=3, database=None, deadline=None)
        @given(st.from_type(kind))
        def check(value):
            assert type(value) is kind, (kind, value)
            seen.append(value)

        check()
        assert seen, kind
    zones = set()

    @settings(max_examples=30, database=None)
    @given(st.from_type(pendulum.DateTime))
    def zone(moment):
        zones.add(moment.timezone_name)

    zone()
    assert zones <= {"Asia/Ho_Chi_Minh", "UTC"}, zones
    print("ok", len(kinds))
"""


def test_from_type_builds_every_public_entity_through_the_entry_point(tmp_path: Path) -> None:
    names = [kind.__name__ for kind in ENTITIES]
    code = FROM_TYPE.replace("NAMES", repr(names))
    assert _python(code, tmp_path).split() == ["ok", str(len(ENTITIES) + 2)]


def test_without_plugins_the_hook_is_not_loaded(tmp_path: Path) -> None:
    code = """
        import sys
        import hypothesis, mttq_core
        print("mttq_core.testing" in sys.modules)
    """
    assert _python(code, tmp_path, HYPOTHESIS_NO_PLUGINS="1").strip() == "False"


def test_importing_the_toolkit_first_works_too(tmp_path: Path) -> None:
    """``import mttq_core.testing`` imports hypothesis, which runs the hook mid-import."""
    code = """
        import warnings
        warnings.simplefilter("error")
        from mttq_core.testing import datasets
        import mttq_core
        from hypothesis import strategies as st
        print(type(st.from_type(mttq_core.Commune)).__name__)
    """
    assert _python(code, tmp_path).strip()


def test_the_entry_point_is_declared_and_resolves() -> None:
    points = importlib.metadata.entry_points(group="hypothesis")
    ours = [p for p in points if p.value.startswith("mttq_core.")]
    assert [p.value for p in ours] == ["mttq_core.testing._plugin:_hypothesis_setup_hook"]
    assert ours[0].load() is _plugin._hypothesis_setup_hook


def test_import_mttq_core_never_imports_hypothesis(tmp_path: Path) -> None:
    code = """
        import sys
        import mttq_core
        print(sorted(n for n in sys.modules if n.split(".")[0] == "hypothesis"
                     or n.startswith("mttq_core.testing")))
    """
    assert _python(code, tmp_path).strip() == "[]"


def test_the_hook_registers_every_entity(monkeypatch: pytest.MonkeyPatch) -> None:
    registered: dict[type, Callable[[type], st.SearchStrategy[Any]]] = {}
    monkeypatch.setattr(st, "register_type_strategy", registered.__setitem__)
    _plugin._hypothesis_setup_hook()
    assert set(registered) == {pendulum.Date, pendulum.DateTime, *ENTITIES}
    for kind, resolve in registered.items():
        assert isinstance(resolve(kind), st.SearchStrategy), kind


def test_the_hook_warns_and_stays_out_with_an_old_hypothesis(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import hypothesis  # noqa: PLC0415

    registered: list[type] = []
    monkeypatch.setattr(hypothesis, "__version_info__", (6, 50, 0))
    monkeypatch.setattr(st, "register_type_strategy", lambda kind, _s: registered.append(kind))
    with pytest.warns(HypothesisWarning, match=r"needs hypothesis>=6\.100, but .* installed"):
        _plugin._hypothesis_setup_hook()
    assert registered == []


def test_the_hook_does_not_hide_a_bug(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(_kind: type, _strategy: object) -> None:
        raise TypeError("a bug")

    monkeypatch.setattr(st, "register_type_strategy", broken)
    with pytest.raises(TypeError, match="a bug"):
        _plugin._hypothesis_setup_hook()


# == the project's wiring ===================================================================


def test_the_test_group_brings_what_the_testing_extra_needs() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    extra = project["project"]["optional-dependencies"]["testing"]
    group = [r for r in project["dependency-groups"]["test"] if isinstance(r, str)]
    assert set(extra) <= set(group)
    hooks = project["project"]["entry-points"]["hypothesis"]
    assert hooks == {"mttq_core": "mttq_core.testing._plugin:_hypothesis_setup_hook"}
    floor = ".".join(map(str, _plugin.MIN_HYPOTHESIS))
    assert extra == [f"hypothesis>={floor}"]


def test_no_health_check_is_suppressed_and_nothing_filtered() -> None:
    suppress = "suppress" + "_health_check"
    for path in [*ROOT.glob("src/**/*.py"), *ROOT.glob("tests/**/*.py"), *ROOT.glob("bench/*.py")]:
        assert suppress not in path.read_text(encoding="utf-8"), path
    for path in (ROOT / "src" / "mttq_core" / "testing").glob("*.py"):
        text = path.read_text(encoding="utf-8")
        assert ".filter(" not in text, path
        assert "assume(" not in text, path
