"""Cells for the CSV and XLSX files that people open in Excel or WPS."""

# Text starting with one of these is run as a formula by spreadsheet programs (OWASP: CSV injection).
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value):
    """The value as a spreadsheet should show it: text that would run as a formula gets a leading
    apostrophe, so it is shown as typed and never evaluated. Numbers, dates and other values pass."""
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value
