"""Money as the public pages and the admin print it."""

from decimal import Decimal


def wan(amount):
    """5,904,000 → "590.4 万元", 5,900,000 → "590 万元": large sums read the way Chinese reports write them."""
    text = f"{Decimal(amount) / 10000:,.1f}".removesuffix(".0")
    return f"{text} 万元"
