"""Hypothesis strategies for valid datasets, built valid by construction (no filtering).

These serve the project's own property tests; the public, documented strategies for
downstream users come with ``mttq_core.testing``.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from decimal import Decimal
from typing import Any

import pendulum
from hypothesis import strategies as st

import mttq_core as m

WORDS = [
    "Bát Tràng",
    "Kiêu Kỵ",
    "Kim Sơn",
    "Dương Quang",
    "Dương Hà",
    "Yên Thường",
    "Đa Tốn",
    "Phù Đổng",
    "Trâu Quỳ",
    "Lệ Chi",
    "Cổ Bi",
    "Đặng Xá",
    "Ninh Hiệp",
    "Văn Đức",
    "Đông Dư",
]
TITLES = ["Chủ tịch", "Phó Chủ tịch", "Ủy viên Ban Thường trực", "Cán bộ chuyên trách"]
DIRECTIONS_FOR = {
    m.Measure.BOOLEAN: [m.Direction.INCREASE],
    m.Measure.CHECKLIST: [m.Direction.INCREASE],
}
ACROSS_FOR = {
    m.Measure.PERCENT: [None, m.AcrossUnits.RATIO, m.AcrossUnits.MEAN, m.AcrossUnits.SHARE_MET],
    m.Measure.COUNT: [None, m.AcrossUnits.SUM, m.AcrossUnits.MEAN, m.AcrossUnits.SHARE_MET],
    m.Measure.MONEY: [None, m.AcrossUnits.SUM, m.AcrossUnits.MEAN, m.AcrossUnits.SHARE_MET],
    m.Measure.QUANTITY: [None, m.AcrossUnits.SUM, m.AcrossUnits.MEAN, m.AcrossUnits.SHARE_MET],
    m.Measure.BOOLEAN: [None, m.AcrossUnits.SHARE_MET],
    m.Measure.CHECKLIST: [None, m.AcrossUnits.SHARE_MET],
}
SUMMABLE = (m.Measure.COUNT, m.Measure.MONEY, m.Measure.QUANTITY)


def pendulum_dates() -> st.SearchStrategy[pendulum.Date]:
    """Calendar dates as ``pendulum.Date`` (hypothesis cannot build them by itself)."""
    return st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2200, 12, 31)).map(
        lambda d: pendulum.Date(d.year, d.month, d.day)
    )


def register_pendulum() -> None:
    """Let ``st.from_type(pendulum.Date)`` work (CONVENTIONS: a known hypothesis pitfall)."""
    st.register_type_strategy(pendulum.Date, pendulum_dates())


register_pendulum()


def texts() -> st.SearchStrategy[str]:
    """Readable Vietnamese text, sometimes with odd spacing or in NFD (normalised on entry)."""
    base = st.sampled_from(WORDS)
    return st.builds(
        lambda w, form, pad: pad + unicodedata.normalize(form, w) + pad,
        base,
        st.sampled_from(["NFC", "NFD"]),
        st.sampled_from(["", " "]),
    )


def decimals(lo: int, hi: int, places: int = 2) -> st.SearchStrategy[Decimal]:
    return st.decimals(
        min_value=lo, max_value=hi, places=places, allow_nan=False, allow_infinity=False
    )


def value_for(ind: m.Indicator) -> st.SearchStrategy[Any]:
    measure = ind.measure
    if measure is m.Measure.PERCENT:
        return decimals(0, 100)
    if measure is m.Measure.COUNT:
        return st.integers(0, 500).map(Decimal)
    if measure is m.Measure.MONEY:
        return st.integers(0, 10**13).map(Decimal)
    if measure is m.Measure.QUANTITY:
        return decimals(-1000, 1000, 3)
    if measure is m.Measure.BOOLEAN:
        return st.booleans()
    ids = list(ind.criterion_ids)
    return st.lists(st.sampled_from(ids), unique=True).map(tuple)


@st.composite
def indicators(draw: st.DrawFn, ident: str) -> m.Indicator:
    measure = draw(st.sampled_from(list(m.Measure)))
    direction = draw(st.sampled_from(DIRECTIONS_FOR.get(measure, list(m.Direction))))
    accs = [m.Accumulation.LATEST, m.Accumulation.EACH_PERIOD, m.Accumulation.MEAN]
    if measure in SUMMABLE:
        accs.append(m.Accumulation.SUM)
    criteria: list[m.Criterion] = []
    if measure is m.Measure.CHECKLIST:
        n = draw(st.integers(1, 4))
        criteria = [m.Criterion(id=f"tc{i}", name=f"Tiêu chí {i}") for i in range(n)]
    return m.Indicator(
        id=ident,
        name=draw(texts()),
        measure=measure,
        unit=draw(st.none() | st.sampled_from(["%", "đồng", "hộ", "cuộc"])),
        direction=direction,
        accumulation=draw(st.sampled_from(accs)),
        across_units=draw(st.sampled_from(ACROSS_FOR[measure])),
        weight=draw(st.sampled_from([Decimal(1), Decimal(2), Decimal("0.5")])),
        group=draw(st.none() | texts()),
        criteria=criteria,
    )


def comparator_for(ind: m.Indicator) -> st.SearchStrategy[m.Comparator]:
    if ind.measure is m.Measure.BOOLEAN:
        return st.just(m.Comparator.GE)
    if ind.direction is m.Direction.INCREASE:
        return st.sampled_from([m.Comparator.GE, m.Comparator.GT])
    return st.sampled_from([m.Comparator.LE, m.Comparator.LT])


def target_value(ind: m.Indicator) -> st.SearchStrategy[Any]:
    if ind.measure is m.Measure.BOOLEAN:
        return st.just(True)
    if ind.measure is m.Measure.CHECKLIST:
        return st.none() | st.integers(1, len(ind.criteria)).map(Decimal)
    return value_for(ind)


@st.composite
def observation_for(
    draw: st.DrawFn,
    ind: m.Indicator,
    commune: str,
    year: int,
    revision: int = 0,
    *,
    counts: bool = False,
) -> m.Observation:
    kwargs: dict[str, Any] = {}
    if ind.measure is m.Measure.PERCENT and (counts or draw(st.booleans())):
        den = draw(st.integers(1, 10_000))
        num = draw(st.integers(0, den))
        kwargs = {"numerator": num, "denominator": den}
        if draw(st.booleans()):
            kwargs["value"] = (Decimal(100) * num / den).quantize(Decimal("0.01"))
    else:
        kwargs["value"] = draw(value_for(ind))
    return m.Observation(
        commune=commune,
        indicator=ind.id,
        period=m.Period.year(year),
        source=draw(texts()),
        reported_on=draw(st.none() | st.just(pendulum.Date(year + 1, 1, 15))),
        revision=revision,
        **kwargs,
    )


@st.composite
def funds(draw: st.DrawFn, owner: str, year: int, feeds: str | None) -> m.Fund:
    opened = pendulum.Date(year, 1, 1)
    opening = draw(st.integers(0, 10**8))
    balance = opening
    entries: list[m.Entry] = []
    pledged: list[m.Pledge] = []
    day = opened
    for i in range(draw(st.integers(0, 8))):
        day = day.add(days=draw(st.integers(0, 60)))
        kind = draw(st.sampled_from(["pledge", "receipt", "disbursement", "disclosure"]))
        amount = draw(st.integers(1, 10**8))
        if kind == "pledge":
            pledge = m.Pledge(id=f"e{i}", date=day, donor=draw(texts()), amount=amount)
            pledged.append(pledge)
            entries.append(pledge)
        elif kind == "receipt":
            form = draw(st.sampled_from(list(m.ReceiptForm)))
            against = draw(st.none() | st.sampled_from(pledged)) if pledged else None
            if against is not None:
                amount = min(amount, against.amount)
                pledged.remove(against)  # at most one receipt per pledge: never above it
            entries.append(
                m.Receipt(
                    id=f"e{i}",
                    date=day,
                    donor=draw(texts()),
                    amount=amount,
                    form=form,
                    description="Hiện vật" if form is m.ReceiptForm.IN_KIND else None,
                    pledge=None if against is None else against.id,
                )
            )
            balance += amount
        elif kind == "disbursement" and balance > 0:
            amount = min(amount, balance)
            entries.append(
                m.Disbursement(
                    id=f"e{i}", date=day, beneficiary=draw(texts()), purpose="Hỗ trợ", amount=amount
                )
            )
            balance -= amount
        else:
            entries.append(
                m.Disclosure(
                    id=f"e{i}",
                    date=day,
                    period=m.Period.year(day.year),
                    channel=draw(st.sampled_from(list(m.DisclosureChannel))),
                )
            )
    return m.Fund(
        id=f"quy-{owner}",
        name=draw(texts()),
        kind=draw(st.sampled_from(list(m.FundKind))),
        owner=owner,
        opened_on=opened,
        opening_balance=opening,
        entries=entries,
        feeds=feeds,
    )


@st.composite
def share_targets(draw: st.DrawFn, term: m.Term, ind: m.Indicator) -> m.Target:
    """A committee target of a share_met indicator: a percent of communes meeting theirs."""
    return m.Target(
        term=term.id,
        indicator=ind.id,
        scope="committee",
        comparator=draw(st.sampled_from([m.Comparator.GE, m.Comparator.GT])),
        value=draw(decimals(0, 100)),
        baseline=draw(
            st.none() | st.builds(lambda v: m.Baseline(value=v, date=term.start), decimals(0, 100))
        ),
    )


@st.composite
def datasets(draw: st.DrawFn, max_communes: int = 4, max_indicators: int = 4) -> m.Dataset:
    start_year = draw(st.integers(2010, 2030))
    term = m.Term(
        id=f"{start_year}-{start_year + 5}",
        name=f"Nhiệm kỳ {start_year}–{start_year + 5}",
        start=pendulum.Date(start_year, 4, 1),
        end=pendulum.Date(start_year + 5, 3, 31),
        resolution=draw(st.none() | texts()),
    )
    codes = draw(st.lists(st.integers(1, 99_999), min_size=1, max_size=max_communes, unique=True))
    communes = [
        m.Commune(
            code=f"{code:05d}",
            name=draw(texts()),
            kind=draw(st.sampled_from(list(m.CommuneKind))),
            district_code=draw(st.none() | st.just("018")),
            province_code=draw(st.none() | st.just("01")),
        )
        for code in codes
    ]
    n_ind = draw(st.integers(1, max_indicators))
    inds = [draw(indicators(f"ct{i}")) for i in range(n_ind)]
    targets: list[m.Target] = []
    observations: list[m.Observation] = []
    years = range(start_year, start_year + 5)
    fed: str | None = None
    for ind in inds:
        scopes = draw(
            st.lists(
                st.sampled_from(["all", "committee", *(c.code for c in communes)]),
                unique=True,
                max_size=3,
            )
        )
        for scope in scopes:
            if scope == "committee" and ind.across_units is m.AcrossUnits.SHARE_MET:
                targets.append(draw(share_targets(term, ind)))
                continue
            baseline = None
            if ind.accumulation in (m.Accumulation.LATEST, m.Accumulation.MEAN) and draw(
                st.booleans()
            ):
                baseline = m.Baseline(value=draw(value_for(ind)), date=term.start)
            milestones: list[m.Milestone] = []
            if (
                ind.accumulation is not m.Accumulation.EACH_PERIOD
                and ind.measure not in (m.Measure.BOOLEAN, m.Measure.CHECKLIST)
                and draw(st.booleans())
            ):
                milestones = [
                    m.Milestone(period=m.Period.year(start_year + 2), value=draw(value_for(ind)))
                ]
            targets.append(
                m.Target(
                    term=term.id,
                    indicator=ind.id,
                    scope=scope,
                    comparator=draw(comparator_for(ind)),
                    value=draw(target_value(ind)),
                    baseline=baseline,
                    milestones=milestones,
                )
            )
        if fed is None and ind.measure is m.Measure.MONEY and draw(st.booleans()):
            fed = ind.id
            continue  # the fund supplies this indicator's observations for its owner
        ratio_needed = ind.across_units is m.AcrossUnits.RATIO and "committee" in scopes
        for c in communes:
            for year in years:
                if not draw(st.booleans()):
                    continue
                observations.append(draw(observation_for(ind, c.code, year, counts=ratio_needed)))
                if draw(st.integers(0, 9)) == 0:
                    observations.append(
                        draw(observation_for(ind, c.code, year, revision=1, counts=ratio_needed))
                    )
    fund_list = []
    if draw(st.booleans()):
        fund_list.append(draw(funds("committee", start_year, fed)))
    sessions = []
    for i in range(draw(st.integers(0, 2))):
        held = draw(st.booleans())
        sessions.append(
            m.WorkingSession(
                id=f"s{i}",
                date=term.start.add(days=draw(st.integers(0, 1000))),
                commune=communes[0].code,
                term=term.id,
                status="held" if held else "planned",
                topics=draw(
                    st.lists(st.sampled_from(sorted(m.BUILTIN_TOPICS)), min_size=1, unique=True)
                ),
                delegation=m.Delegation(
                    head=m.Person(name=draw(texts()), title=draw(st.sampled_from(TITLES))),
                    members=[
                        m.Person(name=draw(texts()), title=t)
                        for t in draw(st.lists(st.sampled_from(TITLES), max_size=2))
                    ],
                ),
                findings=draw(st.lists(texts(), max_size=2)) if held else [],
                recommendations=[m.Recommendation(id="r1", text=draw(texts()))] if held else [],
                conclusions=[
                    m.Conclusion(
                        id="k1",
                        text=draw(texts()),
                        due=term.end,
                        indicators=[inds[0].id],
                    )
                ]
                if held
                else [],
            )
        )
    return m.Dataset(
        title=draw(texts()),
        committee=m.Committee(name=draw(texts()), unit_code=draw(st.none() | st.just("018"))),
        notes=draw(st.none() | texts()),
        terms=[term],
        communes=communes,
        indicators=inds,
        targets=targets,
        observations=observations,
        working_sessions=sessions,
        funds=fund_list,
    )
