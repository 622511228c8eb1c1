"""Every spreadsheet the Wagtail admin exports, made fit for Chinese Excel and WPS.

Wagtail builds all of them (snippet listings' list_export, reports such as the funds anomalies, its own
page reports) in SpreadsheetExportMixin, so adjusting that class here covers the exports added later too,
where a mixin would have to be remembered on each view.
"""

import itertools

from django.http import StreamingHttpResponse
from django.utils import timezone
from django.utils.http import content_disposition_header
from wagtail.admin.views.mixins import SpreadsheetExportMixin

from shegong.exports import safe_cell

# Without a byte-order mark, Chinese Excel reads UTF-8 CSV as GBK and shows mojibake.
BOM = "\ufeff"


def neutralise_spreadsheet_exports():
    """Pass every cell through safe_cell."""
    original = SpreadsheetExportMixin.preprocess_field_value
    if getattr(original, "neutralises_formulas", False):
        return

    def preprocess_field_value(self, field, value, export_format):
        return safe_cell(original(self, field, value, export_format))

    preprocess_field_value.neutralises_formulas = True
    SpreadsheetExportMixin.preprocess_field_value = preprocess_field_value


def name_and_mark_spreadsheet_exports():
    """Name each file after what it holds and the day (资金异常-2026-12-01.csv), in a Content-Disposition
    any browser decodes (RFC 5987 filename*, with an ASCII fallback); start each CSV with a BOM."""
    original_filename = SpreadsheetExportMixin.get_filename
    if getattr(original_filename, "dated", False):
        return

    def get_filename(self):
        return f"{original_filename(self)}-{timezone.localdate():%Y-%m-%d}"

    def write_csv_response(self, queryset):
        response = StreamingHttpResponse(
            itertools.chain([BOM], self.stream_csv(queryset)), content_type="text/csv; charset=utf-8"
        )
        response["Content-Disposition"] = content_disposition_header(True, f"{self.get_filename()}.csv")
        return response

    get_filename.dated = True
    SpreadsheetExportMixin.get_filename = get_filename
    SpreadsheetExportMixin.write_csv_response = write_csv_response
