"""`?format=csv` on the listings a spreadsheet user wants: every matching record, one row each, for Excel.

The columns are the listing's own fields (so `fields=` chooses them too), with related records by name,
coded values beside their labels, and the public address last. UTF-8 with a BOM, which Chinese Excel
needs to read the file as UTF-8; text cells neutralised by `safe_cell`.
"""

import csv
import io
from urllib.parse import quote

from django.http import HttpResponse
from django.utils import timezone
from rest_framework.negotiation import DefaultContentNegotiation

from shegong.exports import safe_cell


class FormatReadByTheView(DefaultContentNegotiation):
    """`format=` is the listing's to read (csv); DRF would answer any format it has no renderer for with a bare 404."""

    def select_renderer(self, request, renderers, format_suffix=None):
        return super().select_renderer(request, renderers, format_suffix="json")


def cell(value):
    """A nested value as one cell: a related record by its name, a list joined by ；."""
    if isinstance(value, dict):
        return value.get("name") or value.get("title") or ""
    if isinstance(value, list):
        return "；".join(str(cell(item)) for item in value)
    return value


def columns_of(item, prefix=""):
    """(column, value) pairs of one serialized item; an object with no name of its own is spread over columns."""
    for key, value in item.items():
        if key == "meta":
            continue
        if isinstance(value, dict) and not ({"name", "title"} & set(value)):
            yield from columns_of(value, f"{prefix}{key}.")
        else:
            yield f"{prefix}{key}", cell(value)


def csv_response(items, title, ascii_name):
    rows = [dict(columns_of(item), html_url=item.get("meta", {}).get("html_url", "")) for item in items]
    header = list(dict.fromkeys(column for row in rows for column in row)) or ["id"]
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=header, restval="")
    writer.writeheader()
    for row in rows:
        writer.writerow({column: safe_cell("" if value is None else value) for column, value in row.items()})
    today = timezone.localdate().isoformat()
    response = HttpResponse(("\ufeff" + out.getvalue()).encode("utf-8"), content_type="text/csv; charset=utf-8")
    # A plain name for old clients, the Chinese one (RFC 6266) for every current browser.
    response["Content-Disposition"] = (
        f"attachment; filename=\"shegong-{ascii_name}-{today}.csv\"; filename*=UTF-8''{quote(f'{title}-{today}.csv')}"
    )
    return response
