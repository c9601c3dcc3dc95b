"""A dataset as tidy frames: one row per observation, one row per target."""

from __future__ import annotations

from decimal import Decimal
from typing import Final

import pandas as pd

from mttq_core.model import COMMITTEE, Dataset, Indicator, Observation, Target, Value

from ._columns import (
    Decimals,
    check_decimals,
    dates,
    flags,
    integers,
    maybe_integers,
    number,
    numbers,
    objects,
    text,
)

__all__ = ["OBSERVATION_COLUMNS", "TARGET_COLUMNS", "observations_frame", "targets_frame"]

#: The columns of :func:`observations_frame`, in order.
OBSERVATION_COLUMNS: Final = (
    "path",
    "origin",
    "commune",
    "name",
    "indicator",
    "period",
    "period_start",
    "period_end",
    "value",
    "number",
    "numerator",
    "denominator",
    "derived",
    "source",
    "reported_on",
    "revision",
    "effective",
    "superseded_by",
)

#: The columns of :func:`targets_frame`, in order.
TARGET_COLUMNS: Final = (
    "path",
    "term",
    "indicator",
    "indicator_name",
    "measure",
    "direction",
    "accumulation",
    "scope",
    "comparator",
    "value",
    "number",
    "baseline",
    "baseline_date",
    "milestones",
)

#: Where an observation was written: the JSON list its path starts with.
_ORIGINS: Final = (
    ("$.observations", "observation"),
    ("$.working_sessions", "session"),
    ("$.funds", "fund"),
)


def _origin(path: str) -> str:
    for prefix, origin in _ORIGINS:
        if path.startswith(prefix):
            return origin
    raise AssertionError(f"an observation at {path!r} has no known origin")  # pragma: no cover


def _raw(value: Value | None, how: Decimals) -> object:
    """A value as written: a Decimal (a float if asked), a boolean or a tuple of criterion ids."""
    return number(value, how) if isinstance(value, Decimal) else value


def _numeric(value: Value) -> Decimal:
    """A value as the scoring reads it: booleans 1/0, checklists the number of criteria."""
    if isinstance(value, bool):
        return Decimal(int(value))
    if isinstance(value, tuple):
        return Decimal(len(value))
    return value


def observations_frame(dataset: Dataset, *, decimals: Decimals = "decimal") -> pd.DataFrame:
    """One row per observation: top-level ones, those recorded at working sessions, fund-fed.

    Rows come in the dataset's order — the ``observations`` list, then the sessions', then
    one per fund and calendar year of receipts — and superseded revisions are kept, flagged.
    Columns, in this order (:data:`OBSERVATION_COLUMNS`):

    - ``path`` — where the observation is in the dataset JSON (a fund-fed observation has its
      fund's path, shared by the fund's years); ``origin`` — ``observation``, ``session`` or
      ``fund``;
    - ``commune`` (a code, or ``"committee"``), ``name`` (the commune's on the period's last
      day, or the committee's), ``indicator``;
    - ``period`` (canonical text, e.g. ``"2021-Q3"``), ``period_start``, ``period_end``
      (``datetime64[ns]``);
    - ``value`` as written (``object``: a ``Decimal``, a boolean, or a tuple of criterion
      ids), ``number`` as the scoring reads it (booleans 1/0, checklists the count of
      criteria met); ``numerator``, ``denominator`` (nullable ``Int64``); ``derived``
      (the value was computed from them);
    - ``source``, ``reported_on`` (``datetime64[ns]``, ``NaT`` when not given), ``revision``;
    - ``effective`` (``bool``: the revision the scoring uses) and ``superseded_by`` (the path
      of the revision that replaced it, else missing).

    Decimals stay exact (``object`` columns) unless ``decimals="float"``, which converts
    ``number`` to ``float64`` and the Decimals in ``value`` to floats — lossy: never for money
    that has to add up to the đồng.

    >>> import mttq_core
    >>> df = observations_frame(mttq_core.example())
    >>> df.shape
    (1103, 18)
    >>> df.origin.value_counts().to_dict()
    {'observation': 1096, 'fund': 6, 'session': 1}
    >>> int((~df.effective).sum()), str(df.period_end.dtype)
    (2, 'datetime64[ns]')
    >>> fed = df[df.origin == "fund"].iloc[0]
    >>> fed.path, fed.commune, fed["name"], fed.period, fed.value
    ('$.funds[0]', '00583', 'Bát Tràng', '2019', Decimal('173900000'))
    >>> fed.period_start, fed.period_end
    (Timestamp('2019-01-01 00:00:00'), Timestamp('2019-12-31 00:00:00'))
    """
    how = check_decimals(decimals)
    replaced = {(s.path, s.observation): s.by_path for s in dataset.superseded}
    rows: list[tuple[str, Observation]] = list(dataset.all_observations())
    obs = [o for _, o in rows]

    def name(o: Observation) -> str:
        if o.commune == COMMITTEE:
            return dataset.committee.name
        return dataset.commune(o.commune, o.period.end).name

    superseded_by = [replaced.get((path, o)) for path, o in rows]
    return pd.DataFrame(
        {
            "path": text(path for path, _ in rows),
            "origin": text(_origin(path) for path, _ in rows),
            "commune": text(o.commune for o in obs),
            "name": text(name(o) for o in obs),
            "indicator": text(o.indicator for o in obs),
            "period": text(str(o.period) for o in obs),
            "period_start": dates(o.period.start for o in obs),
            "period_end": dates(o.period.end for o in obs),
            "value": objects(_raw(o.value, how) for o in obs),
            "number": numbers((o.number for o in obs), how),
            "numerator": maybe_integers(o.numerator for o in obs),
            "denominator": maybe_integers(o.denominator for o in obs),
            "derived": flags(o.derived for o in obs),
            "source": text(o.source for o in obs),
            "reported_on": dates(o.reported_on for o in obs),
            "revision": integers(o.revision for o in obs),
            "effective": flags(by is None for by in superseded_by),
            "superseded_by": text(superseded_by),
        }
    )


def _target_number(target: Target, indicator: Indicator) -> Decimal:
    """The number to reach: only a checklist may omit it, and then all criteria count."""
    if target.value is None:
        return Decimal(len(indicator.criteria))
    return _numeric(target.value)


def targets_frame(dataset: Dataset, *, decimals: Decimals = "decimal") -> pd.DataFrame:
    """One row per target, in the dataset's order.

    Columns, in this order (:data:`TARGET_COLUMNS`): ``path`` (``$.targets[i]``), ``term``,
    ``indicator``, ``indicator_name``, the indicator's ``measure``, ``direction`` and
    ``accumulation`` (ids), ``scope`` (a commune code, ``"all"`` or ``"committee"``),
    ``comparator``, ``value`` as written (``object``: a ``Decimal``, ``True``, or missing
    for a checklist's default), ``number`` (the number to reach, as the scoring reads it: a
    checklist's default is all its criteria, ``True`` is 1), ``baseline`` (a number, missing
    when there is none) and ``baseline_date`` (``datetime64[ns]``), ``milestones`` (a tuple
    of ``(period, number)`` pairs).

    Decimals stay exact unless ``decimals="float"`` (lossy), as in :func:`observations_frame`.

    >>> import mttq_core
    >>> df = targets_frame(mttq_core.example())
    >>> df.shape
    (20, 14)
    >>> row = df.iloc[0]
    >>> row.path, row.indicator, row.scope, row.comparator, row.number, row.baseline
    ('$.targets[0]', 'gia_dinh_van_hoa', 'all', '>=', Decimal('95'), Decimal('92.1'))
    >>> row.baseline_date, row.milestones
    (Timestamp('2019-04-12 00:00:00'), (('2021', Decimal('94')),))
    >>> str(df.baseline_date.dtype)
    'datetime64[ns]'
    """
    how = check_decimals(decimals)
    targets = dataset.targets
    indicators = [dataset.indicator(t.indicator) for t in targets]
    pairs = list(zip(targets, indicators, strict=True))
    return pd.DataFrame(
        {
            "path": text(f"$.targets[{i}]" for i in range(len(targets))),
            "term": text(t.term for t in targets),
            "indicator": text(t.indicator for t in targets),
            "indicator_name": text(i.name for i in indicators),
            "measure": text(i.measure.value for i in indicators),
            "direction": text(i.direction.value for i in indicators),
            "accumulation": text(i.accumulation.value for i in indicators),
            "scope": text(t.scope for t in targets),
            "comparator": text(t.comparator.value for t in targets),
            "value": objects(_raw(t.value, how) for t in targets),
            "number": numbers((_target_number(t, i) for t, i in pairs), how),
            "baseline": numbers(
                (_numeric(t.baseline.value) if t.baseline else None for t in targets), how
            ),
            "baseline_date": dates(t.baseline.date if t.baseline else None for t in targets),
            "milestones": objects(
                tuple((str(m.period), number(_numeric(m.value), how)) for m in t.milestones)
                for t in targets
            ),
        }
    )
