"""The loading peer: the dataset schema (SPEC §2, §4, §5) as pydantic v2 models.

Strict like ``mttq_core.loads``: ``strict=True`` (no coercion: ``"3"`` is not an int, ``2.0``
is not an int, ``true`` is not a number), ``extra="forbid"`` (unknown keys are errors),
``frozen=True``, enums as ``Literal``, numbers as ``Decimal``, dates as ``datetime.date``, the
ledger entries a union tagged by ``type``. Load = ``Dataset.model_validate_json(text)``.

Per-field rules a pydantic user would write with ``Field`` constraints are here (code
patterns, ``>= 0``/``> 0`` integers, finite decimals). Of the cross-entity rules (SPEC
§2.2), the peer checks what a pydantic user would write as ``model_validator`` for a fair
comparison: unique ids per kind, and every observation and target resolving to a known
commune code (or ``committee``/``all``), indicator and term. ``docs/performance.md`` lists
exactly what it does not check.

Note: pydantic reads a JSON number into a ``Decimal`` through a binary float
(``123456789012345678901234567890.1`` becomes ``1.2345678901234568E+29``); the benchmark
data use short numbers (at most 10 significant digits) for which the result is the same
as exact parsing.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

Text = Annotated[str, Field(min_length=1)]
Num = Annotated[Decimal, Field(allow_inf_nan=False)]
NonNegInt = Annotated[int, Field(ge=0)]
PosInt = Annotated[int, Field(gt=0)]


class Strict(BaseModel):
    model_config = ConfigDict(strict=True, extra="forbid", frozen=True)


class Committee(Strict):
    name: Text
    unit_code: Annotated[str, Field(pattern=r"^(\d{2}|\d{3}|\d{5})$")] | None = None


class Topic(Strict):
    id: Text
    name: Text


class Term(Strict):
    id: Text
    name: Text
    start: dt.date
    end: dt.date
    resolution: Text | None = None

    @model_validator(mode="after")
    def _ordered(self) -> Term:
        if self.start >= self.end:
            raise ValueError("start must be before end")
        return self


class Commune(Strict):
    code: Annotated[str, Field(pattern=r"^\d{5}$")]
    name: Text
    kind: Literal["xa", "phuong", "thi_tran", "dac_khu"]
    district_code: Annotated[str, Field(pattern=r"^\d{3}$")] | None = None
    province_code: Annotated[str, Field(pattern=r"^\d{2}$")] | None = None
    valid_from: dt.date | None = None
    valid_to: dt.date | None = None


class Criterion(Strict):
    id: Text
    name: Text


class Indicator(Strict):
    id: Text
    name: Text
    measure: Literal["percent", "count", "money", "quantity", "boolean", "checklist"]
    unit: Text | None = None
    direction: Literal["increase", "decrease"]
    accumulation: Literal["latest", "sum", "each_period", "mean"]
    across_units: Literal["sum", "ratio", "mean", "share_met"] | None = None
    weight: Annotated[Decimal, Field(gt=0, allow_inf_nan=False)] = Decimal(1)
    group: Text | None = None
    criteria: list[Criterion] = []


class Baseline(Strict):
    value: Num
    date: dt.date


class Milestone(Strict):
    period: Text
    value: Num


class Target(Strict):
    term: Text
    indicator: Text
    scope: Text
    comparator: Literal[">=", ">", "<=", "<"]
    value: bool | Num | None = None
    baseline: Baseline | None = None
    milestones: list[Milestone] = []


class Observation(Strict):
    commune: Text
    indicator: Text
    period: Annotated[str, Field(pattern=r"^\d{4}(-(H[12]|Q[1-4]|\d{2}))?$|^\d{4}-\d{2}-\d{2}/")]
    value: bool | Num | list[Text] | None = None
    numerator: NonNegInt | None = None
    denominator: PosInt | None = None
    source: Text
    reported_on: dt.date | None = None
    revision: NonNegInt = 0


class Person(Strict):
    name: Text
    title: Text


class Delegation(Strict):
    head: Person
    members: list[Person] = []


class Recommendation(Strict):
    id: Text
    text: Text


class Conclusion(Strict):
    id: Text
    text: Text
    due: dt.date | None = None
    indicators: list[Text] = []
    done_on: dt.date | None = None


class WorkingSession(Strict):
    id: Text
    date: dt.date
    commune: Text
    term: Text
    status: Literal["held", "planned"] = "held"
    topics: list[Text]
    delegation: Delegation
    findings: list[Text] = []
    recommendations: list[Recommendation] = []
    conclusions: list[Conclusion] = []
    observations: list[Observation] = []
    notes: Text | None = None


class Pledge(Strict):
    type: Literal["pledge"]
    id: Text
    date: dt.date
    donor: Text
    amount: PosInt


class Receipt(Strict):
    type: Literal["receipt"]
    id: Text
    date: dt.date
    donor: Text
    amount: PosInt
    form: Literal["cash", "transfer", "in_kind"]
    description: Text | None = None
    pledge: Text | None = None


class Disbursement(Strict):
    type: Literal["disbursement"]
    id: Text
    date: dt.date
    beneficiary: Text
    purpose: Text
    amount: PosInt


class Disclosure(Strict):
    type: Literal["disclosure"]
    id: Text
    date: dt.date
    period: Text
    channel: Literal["website", "notice_board", "media", "written_notice"]


Entry = Annotated[Pledge | Receipt | Disbursement | Disclosure, Field(discriminator="type")]


class Fund(Strict):
    id: Text
    name: Text
    kind: Literal[
        "vi_nguoi_ngheo", "cuu_tro", "covid19", "an_sinh_xa_hoi", "den_on_dap_nghia", "other"
    ]
    owner: Text
    opened_on: dt.date
    opening_balance: NonNegInt = 0
    entries: list[Entry] = []
    feeds: Text | None = None


def _duplicates(ids: list[str]) -> set[str]:
    seen: set[str] = set()
    return {i for i in ids if i in seen or seen.add(i)}  # type: ignore[func-returns-value]


class Dataset(Strict):
    format: Literal["mttq-core/1"]
    title: Text
    committee: Committee
    notes: Text | None = None
    topics: list[Topic] = []
    terms: list[Term]
    communes: list[Commune]
    indicators: list[Indicator]
    targets: list[Target] = []
    observations: list[Observation] = []
    working_sessions: list[WorkingSession] = []
    funds: list[Fund] = []

    @model_validator(mode="after")
    def _references(self) -> Dataset:
        """Unique ids per kind, and references of targets and observations resolve."""
        problems: list[str] = []
        for kind, ids in (
            ("term", [t.id for t in self.terms]),
            ("indicator", [i.id for i in self.indicators]),
            ("working session", [s.id for s in self.working_sessions]),
            ("fund", [f.id for f in self.funds]),
        ):
            problems.extend(f"duplicate {kind} id {i!r}" for i in sorted(_duplicates(ids)))
        terms = {t.id for t in self.terms}
        indicators = {i.id for i in self.indicators}
        communes = {c.code for c in self.communes}
        for n, t in enumerate(self.targets):
            if t.term not in terms:
                problems.append(f"targets[{n}].term: unknown term {t.term!r}")
            if t.indicator not in indicators:
                problems.append(f"targets[{n}].indicator: unknown indicator {t.indicator!r}")
            if t.scope not in communes and t.scope not in ("all", "committee"):
                problems.append(f"targets[{n}].scope: unknown commune {t.scope!r}")
        keys = set()
        for n, o in enumerate(self.observations):
            if o.commune not in communes and o.commune != "committee":
                problems.append(f"observations[{n}].commune: unknown commune {o.commune!r}")
            if o.indicator not in indicators:
                problems.append(f"observations[{n}].indicator: unknown indicator {o.indicator!r}")
            key = (o.commune, o.indicator, o.period, o.revision)
            if key in keys:
                problems.append(f"observations[{n}]: duplicate observation {key!r}")
            keys.add(key)
        if problems:
            raise ValueError("; ".join(problems))
        return self


def load(text: str | bytes) -> Dataset:
    """Parse and validate a dataset document: the peer's ``mttq_core.loads``."""
    return Dataset.model_validate_json(text)
