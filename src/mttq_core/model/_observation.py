"""Observations: a result reported for one commune (or the committee), indicator and period."""

from __future__ import annotations

from decimal import Decimal

import attrs
import pendulum

from ._errors import Problems
from ._period import Period
from ._target import COMMITTEE, check_period, check_value_type, to_period
from ._values import (
    Value,
    check_date,
    check_int,
    check_text,
    to_optional_date,
    to_text,
    to_value,
)

__all__ = ["RATIO_TOLERANCE", "Observation"]

#: How far a percent value may be from ``100·numerator/denominator`` (SPEC §2.1).
RATIO_TOLERANCE = Decimal("0.05")


@attrs.frozen(kw_only=True)
class Observation:
    """One reported result.

    A percent may carry the counts it comes from; the value is derived from them when
    omitted (and checked against them by the dataset, which knows the measure):

    >>> o = Observation(commune="00583", indicator="gdvh", period="2021",
    ...                 numerator=1820, denominator=1932, source="Báo cáo năm 2021")
    >>> round(o.value, 2), o.derived, str(o.period)
    (Decimal('94.20'), True, '2021')
    """

    commune: str = attrs.field(converter=to_text)
    indicator: str = attrs.field(converter=to_text)
    period: Period = attrs.field(converter=to_period)
    value: Value | None = attrs.field(default=None, converter=to_value)
    numerator: int | None = None
    denominator: int | None = None
    source: str = attrs.field(converter=to_text)
    reported_on: pendulum.Date | None = attrs.field(default=None, converter=to_optional_date)
    revision: int = 0
    #: True when ``value`` was derived from ``numerator``/``denominator`` (and so not stored).
    derived: bool = attrs.field(init=False, default=False)

    def __attrs_post_init__(self) -> None:
        p = Problems()
        if (
            check_text(p, "$.commune", self.commune)
            and self.commune != COMMITTEE
            and not (len(self.commune) == 5 and self.commune.isascii() and self.commune.isdigit())
        ):
            p.add(
                "$.commune",
                f"{self.commune!r} is not a commune; expected a 5-digit code or 'committee'",
            )
        check_text(p, "$.indicator", self.indicator)
        period_ok = check_period(p, "$.period", self.period)
        check_text(p, "$.source", self.source)
        check_int(p, "$.revision", self.revision, minimum=0, what=" revision number")
        if check_date(p, "$.reported_on", self.reported_on, required=False) and (
            period_ok and self.reported_on is not None and self.reported_on < self.period.start
        ):
            p.add(
                "$.reported_on",
                f"{self.reported_on.isoformat()} is before the period {self.period} begins; "
                "a result cannot be reported before its period starts",
            )
        if self.value is not None:
            check_value_type(p, "$.value", self.value)
        self._check_counts(p)
        p.raise_if_any()

    def _check_counts(self, p: Problems) -> None:
        num, den = self.numerator, self.denominator
        if num is None and den is None:
            if self.value is None:
                p.add(
                    "$.value", "required: give a value (or numerator and denominator for a percent)"
                )
            return
        if num is None or den is None:
            missing = "$.numerator" if num is None else "$.denominator"
            p.add(missing, "numerator and denominator go together; give both or neither")
            return
        if not (
            check_int(p, "$.numerator", num, minimum=0, what=" numerator")
            & check_int(p, "$.denominator", den, minimum=1, what=" denominator")
        ):
            return
        if num > den:
            p.add(
                "$.numerator",
                f"{num} is above the denominator {den}; allowed: 0 ≤ numerator ≤ denominator",
            )
            return
        if self.value is None:
            object.__setattr__(self, "value", Decimal(100) * num / den)
            object.__setattr__(self, "derived", True)

    def ratio_problem(self) -> str | None:
        """What is wrong between ``value`` and ``100·numerator/denominator``, if anything.

        Checked by the dataset, which knows the measure: only a percent carries counts.

        >>> o = Observation(commune="00583", indicator="gdvh", period="2021", value="94.3",
        ...                 numerator=1820, denominator=1932, source="Báo cáo")
        >>> print(o.ratio_problem())
        94.3 does not match 100·1820/1932 = 94.2029; allowed: within ±0.05 of it, or omit the value
        """
        num, den, value = self.numerator, self.denominator, self.value
        if num is None or den is None or self.derived:
            return None
        if not isinstance(value, Decimal) or not value.is_finite():
            return "numerator and denominator go with a numeric percent value"
        exact = Decimal(100) * num / den
        if abs(value - exact) > RATIO_TOLERANCE:
            return (
                f"{value} does not match 100·{num}/{den} = {exact:.4f}; "
                f"allowed: within ±{RATIO_TOLERANCE} of it, or omit the value"
            )
        return None

    @property
    def number(self) -> Decimal:
        """The value as a number for scoring: booleans as 1/0, checklists as criteria met."""
        v = self.value
        if isinstance(v, bool):
            return Decimal(int(v))
        if isinstance(v, tuple):
            return Decimal(len(v))
        if v is None:  # only while the constructor is still checking
            raise ValueError("this observation has no value")
        return v
