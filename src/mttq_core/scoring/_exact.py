"""Exact arithmetic for the methods: decimals summed without loss, quotients as integer pairs.

The methods compute every number exactly and round it once, when it becomes a field of an
assessment (:func:`to_decimal`), so that comparisons (``p >= e``, met) never depend on
rounding. ``fractions.Fraction`` would do, but it reduces by a gcd and checks types on every
operation, which at province scale was most of the time of ``assess``. Here a quotient is a
:data:`Ratio`: a plain pair ``(numerator, denominator)`` of ints whose denominator is
positive, not necessarily reduced. Ratios are compared by cross-multiplying — ``a ≥ b``
exactly when ``a[0]·b[1] ≥ b[0]·a[1]`` — and rounded by one ``Decimal`` division, whose
digits and exponent depend only on the value, not on how the pair is written:

>>> to_decimal((365, 609)) == to_decimal((1095, 1827)), to_decimal((6, 4)), to_decimal((0, 7))
(True, Decimal('1.5'), Decimal('0'))
"""

from __future__ import annotations

import decimal
from collections.abc import Iterable
from decimal import Decimal
from functools import reduce
from typing import Final, TypeAlias

__all__ = [
    "ONE_RATIO",
    "ZERO_RATIO",
    "Ratio",
    "add",
    "exact_sum",
    "gap_closure",
    "ratio",
    "to_decimal",
]

#: ``(numerator, denominator)`` with a positive denominator: an exact rational number.
Ratio: TypeAlias = tuple[int, int]

ZERO_RATIO: Final[Ratio] = (0, 1)
ONE_RATIO: Final[Ratio] = (1, 1)

#: A context in which an addition never rounds: it is as precise and as wide as decimal allows,
#: and a rounding, were one to happen, would raise instead of passing unnoticed.
_EXACT: Final = decimal.Context(
    prec=decimal.MAX_PREC,
    Emax=decimal.MAX_EMAX,
    Emin=decimal.MIN_EMIN,
    traps=[decimal.InvalidOperation, decimal.Inexact, decimal.Rounded, decimal.Overflow],
)


def ratio(numerator: int, denominator: int) -> Ratio:
    """``numerator/denominator`` with the sign carried by the numerator.

    Raises ``ZeroDivisionError`` for a zero denominator, as ``Fraction`` does.

    >>> ratio(3, -4), ratio(0, -2)
    ((-3, 4), (0, 2))
    """
    if denominator > 0:
        return numerator, denominator
    if denominator < 0:
        return -numerator, -denominator
    raise ZeroDivisionError(f"ratio({numerator}, 0)")


def exact_sum(values: Iterable[Decimal]) -> Decimal:
    """The sum of decimals, exactly, whatever the current context's precision.

    >>> exact_sum([Decimal("1E+30"), Decimal("0.1")])
    Decimal('1000000000000000000000000000000.1')
    """
    return reduce(_EXACT.add, values, Decimal(0))


def add(a: Ratio, b: Ratio) -> Ratio:
    """``a + b`` exactly.

    >>> add((1, 2), (1, 3)), add((1, 4), (1, 4))
    ((5, 6), (2, 4))
    """
    if a[1] == b[1]:
        return a[0] + b[0], a[1]
    return a[0] * b[1] + b[0] * a[1], a[1] * b[1]


def gap_closure(x: Ratio, b: Ratio, t: Ratio) -> Ratio:
    """How much of the gap from ``b`` to ``t`` ``x`` has closed: ``(x − b)/(t − b)``, exactly.

    Raises ``ZeroDivisionError`` when ``t = b``.

    >>> gap_closure((90, 1), (80, 1), (100, 1))
    (10, 20)
    """
    xn, xd = x
    bn, bd = b
    tn, td = t
    return ratio((xn * bd - bn * xd) * td, xd * (tn * bd - bn * td))


def to_decimal(value: Ratio) -> Decimal:
    """A ratio as a ``Decimal``: one correctly rounded division (in the current context).

    Equal ratios give the same ``Decimal``, exponent included, since both operands are
    integers; a zero is never negative, since the denominator is positive.
    """
    return Decimal(value[0]) / Decimal(value[1])
