"""The assessing peer: method ``linear`` for ``latest`` and ``sum`` targets, in idiomatic pandas.

From the ``json.loads`` output of a dataset document (numbers as ``float64``), with vectorised
merges, group-bys and ``numpy.select`` — no Python loop over rows — it computes, for every
commune-level target whose indicator accumulates by ``latest`` or ``sum``, the actual value
(SPEC §3.2), ``met``, progress ``p`` and expected progress ``e`` (§3.3, gap closure, days of
the term or the latest milestone reached at the data date) and the status (§3.4), with the
edges ``no_baseline``, ``met_at_baseline``, ``zero_gap`` and the ceiling rows of ``sum`` with
``decrease``. Revisions: the highest one per (commune, indicator, period) is used.

What it leaves out (so what the comparison covers): committee targets (their roll-ups and
``share_met`` need the communes' assessments), ``each_period`` and ``mean`` targets, the
trend and the explanation, commune validity dates (the benchmark's communes are valid
throughout), and periods other than calendar years (it raises on them).

``verify(doc, card)`` compares its statuses with ``mttq_core.assess`` for exactly that set
and raises ``ValueError`` naming every difference.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

import mttq_core

KEYS = ["commune", "indicator"]


def _term(doc: dict[str, Any], as_of: pd.Timestamp) -> dict[str, Any]:
    terms = pd.DataFrame(doc["terms"])
    terms["start"] = pd.to_datetime(terms["start"])
    terms["end"] = pd.to_datetime(terms["end"])
    inside = terms[(terms["start"] <= as_of) & (as_of <= terms["end"])]
    chosen = inside if len(inside) else terms[terms["end"] < as_of].nlargest(1, "end")
    if chosen.empty:
        msg = f"no term contains or precedes {as_of.date()}"
        raise ValueError(msg)
    row: dict[str, Any] = {str(k): v for k, v in chosen.iloc[0].to_dict().items()}
    return row


def _year_end(period: pd.Series) -> pd.Series:
    if not period.str.fullmatch(r"\d{4}").all():
        msg = "the pandas peer handles yearly periods only"
        raise NotImplementedError(msg)
    return pd.to_datetime(period + "-12-31")


def _values(obs: pd.DataFrame, measure: pd.Series) -> pd.Series:
    """The numeric value of each observation (percent derived from numerator/denominator)."""
    value = obs["value"]
    numeric = pd.to_numeric(value.where(measure.isin(["count", "money", "quantity"])))
    percent = pd.to_numeric(value.where(measure == "percent")).fillna(
        100 * obs["numerator"] / obs["denominator"]
    )
    boolean = value.where(measure == "boolean").eq(True).astype(float)  # noqa: FBT003
    checklist = value.where(measure == "checklist").str.len()
    return pd.Series(
        np.select(
            [measure == "percent", measure == "boolean", measure == "checklist"],
            [percent, boolean, checklist],
            numeric,
        ),
        index=obs.index,
    )


def assess(doc: dict[str, Any], as_of: str) -> pd.DataFrame:
    """One row per (commune, latest/sum indicator): actual, met, progress, expected, status."""
    day = pd.Timestamp(as_of)
    term = _term(doc, day)
    start, end = term["start"], term["end"]
    ind = pd.DataFrame(doc["indicators"])
    ind = ind[ind["accumulation"].isin(["latest", "sum"])]
    if "criteria" not in ind:
        ind["criteria"] = np.nan
    ind = ind.assign(n_criteria=ind["criteria"].str.len())[
        ["id", "measure", "direction", "accumulation", "n_criteria"]
    ].rename(columns={"id": "indicator"})

    # targets: "all" for every commune, overridden by commune-specific ones
    tg = pd.DataFrame(doc["targets"])
    tg = tg[(tg["term"] == term["id"]) & (tg["scope"] != "committee")].merge(ind, on="indicator")
    communes = pd.DataFrame(doc["communes"])[["code"]].rename(columns={"code": "commune"})
    general = tg[tg["scope"] == "all"].merge(communes, how="cross")
    specific = tg[tg["scope"] != "all"].assign(commune=lambda f: f["scope"])
    tg = pd.concat([specific, general]).drop_duplicates(KEYS, keep="first")
    target_value = (
        tg["value"].where(tg["measure"] != "boolean", 1).where(tg["measure"] != "checklist")
    )
    tg["t"] = pd.to_numeric(target_value).fillna(tg["n_criteria"]).astype(float)
    if "baseline" not in tg:
        tg["baseline"] = None
    tg["b_given"] = pd.to_numeric(tg["baseline"].str.get("value")).astype(float)
    tg["tid"] = np.arange(len(tg))

    # observations: numeric value, highest revision, counted ones only
    obs = pd.DataFrame(doc["observations"])
    obs = obs[obs["commune"] != "committee"].merge(ind[["indicator", "measure"]], on="indicator")
    for column in ("numerator", "denominator", "revision"):
        if column not in obs:
            obs[column] = np.nan
    obs["revision"] = obs["revision"].fillna(0)
    obs["a"] = _values(obs, obs["measure"])
    obs["end"] = _year_end(obs["period"])
    obs = obs.sort_values("revision").drop_duplicates([*KEYS, "period"], keep="last")
    obs = obs[(obs["end"] >= start) & (obs["end"] <= end) & (obs["end"] <= day)]
    obs = obs.sort_values("end")
    grouped = obs.groupby(KEYS)
    per = pd.DataFrame({"latest": grouped["a"].last(), "sum": grouped["a"].sum()})
    per["d"] = grouped["end"].max()
    df = tg.merge(per.reset_index(), on=KEYS, how="left")
    df["a"] = np.where(df["accumulation"] == "sum", df["sum"], df["latest"])

    inc = df["direction"] == "increase"
    cmp, a, t = df["comparator"], df["a"], df["t"]

    def met(x: pd.Series) -> pd.Series:
        return pd.Series(
            np.select(
                [cmp == ">=", cmp == ">", cmp == "<="],
                [x >= t, x > t, x <= t],
                x < t,
            ),
            index=df.index,
        ).astype(bool)

    ceiling = (df["accumulation"] == "sum") & ~inc
    b = df["b_given"].where(df["b_given"].notna(), np.where(inc, 0.0, np.nan))
    b = b.where(~ceiling)
    df["met"] = met(a) & a.notna()
    defined = b.notna() & ~met(b) & (t != b)
    df["progress"] = ((a - b) / (t - b)).where(defined)

    # expected: the latest milestone ended by the data date, else the elapsed share of days
    elapsed = ((df["d"] - start).dt.days / (end - start).days).clip(0, 1)
    df["expected"] = elapsed
    if "milestones" in df:
        ms = df[["tid", "d", "milestones"]].explode("milestones").dropna(subset=["milestones"])
        if len(ms):
            ms["m_end"] = _year_end(ms["milestones"].str.get("period"))
            ms["m"] = pd.to_numeric(ms["milestones"].str.get("value")).astype(float)
            ms = ms[ms["m_end"] <= ms["d"]].sort_values("m_end").drop_duplicates("tid", keep="last")
            df = df.merge(ms[["tid", "m"]], on="tid", how="left")
            with_m = df["m"].notna()
            gap = df["t"] - b
            df["expected"] = ((df["m"] - b) / gap).where(with_m, df["expected"])

    over = day >= end
    better = np.where(inc, a > t, a < t)
    p, e = df["progress"], df["expected"]
    df["status"] = np.select(
        [
            df["a"].isna(),
            ceiling & df["met"] & over & better,
            ceiling & df["met"] & over,
            ceiling & df["met"],
            ceiling,
            df["met"] & better,
            df["met"],
            np.full(len(df), over),
            p.notna() & (p >= e),
        ],
        [
            "no_data",
            "exceeded",
            "achieved",
            "on_track",
            "not_achieved",
            "exceeded",
            "achieved",
            "not_achieved",
            "on_track",
        ],
        "behind",
    )
    columns = [*KEYS, "a", "t", "met", "progress", "expected", "status"]
    out: pd.DataFrame = df[columns].sort_values(KEYS).reset_index(drop=True)
    return out


def verify(doc: dict[str, Any], card: mttq_core.Scorecard) -> int:
    """Check the peer's statuses against ``card`` (``mttq_core.assess`` of ``doc``).

    Compares every commune-level ``latest``/``sum`` assessment; raises ``ValueError``
    listing each difference; returns the number of assessments compared.
    """
    mine = assess(doc, card.as_of.isoformat())
    wanted = {i["id"] for i in doc["indicators"] if i["accumulation"] in ("latest", "sum")}
    theirs = pd.DataFrame(
        [(x.unit, x.indicator, str(x.status)) for x in card.assessments if x.indicator in wanted],
        columns=[*KEYS, "expected_status"],
    )
    both = mine.merge(theirs, on=KEYS, how="outer", indicator=True)
    bad = both[(both["_merge"] != "both") | (both["status"] != both["expected_status"])]
    if len(bad):
        lines = [
            f"{r.commune}/{r.indicator}: pandas {r.status} (a={r.a}, p={r.progress}, "
            f"e={r.expected}), mttq_core {r.expected_status}"
            for r in bad.head(20).itertuples()
        ]
        msg = f"{len(bad)} of {len(both)} statuses differ:\n" + "\n".join(lines)
        raise ValueError(msg)
    return len(both)
