"""Numbers for output: machine-readable decimal strings and Vietnamese display."""

from __future__ import annotations

from decimal import ROUND_HALF_EVEN, Decimal

__all__ = ["decimal_string", "vi_number"]

_PLACES = Decimal("0.000001")


def decimal_string(value: Decimal | None) -> str | None:
    """A decimal string rounded half-even to 6 places, trailing zeros dropped (SPEC §3).

    >>> decimal_string(Decimal("0.53875338753387")), decimal_string(Decimal("95.600"))
    ('0.538753', '95.6')
    >>> decimal_string(Decimal("2.0000005")), decimal_string(Decimal("2.0000015"))
    ('2', '2.000002')
    >>> decimal_string(Decimal("-0.0000001")), decimal_string(None)
    ('0', None)
    """
    if value is None:
        return None
    rounded = value.quantize(_PLACES, rounding=ROUND_HALF_EVEN)
    text = f"{rounded:f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def vi_number(value: Decimal | None, places: int = 2) -> str:
    """A number the Vietnamese way: ``.`` between thousands, ``,`` before decimals.

    >>> vi_number(Decimal("3150000000")), vi_number(Decimal("95.6")), vi_number(None)
    ('3.150.000.000', '95,6', '—')
    """
    if value is None:
        return "—"
    rounded = value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_EVEN)
    text = f"{rounded:,f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text.replace(",", " ").replace(".", ",").replace(" ", ".")
