"""Parsing and formatting of money amounts (always Decimal, never float)."""
from decimal import Decimal, InvalidOperation


class AmountError(ValueError):
    """An amount could not be read."""


def parse_amount(text):
    """Read '1,234.50', '-3', '(12.00)' (accounting negative) into a Decimal."""
    cleaned = text.strip().replace(",", "")
    negative = cleaned.startswith("(") and cleaned.endswith(")")
    if negative:
        cleaned = cleaned[1:-1]
    try:
        value = Decimal(cleaned)
    except InvalidOperation:
        raise AmountError(f"amount {text!r} is not a number") from None
    if not value.is_finite():
        raise AmountError(f"amount {text!r} is not a number")
    return -value if negative else value


def format_amount(value):
    """Two decimals, thousands separators: Decimal('-1234.5') -> '-1,234.50'."""
    return f"{value.quantize(Decimal('0.01')):,.2f}"
