"""Formula neutralising for every spreadsheet the Wagtail admin exports."""

from wagtail.admin.views.mixins import SpreadsheetExportMixin

from shegong.exports import safe_cell


def neutralise_spreadsheet_exports():
    """Pass every cell of every SpreadsheetExportMixin export (snippet listings' list_export, reports such as
    the funds anomalies, Wagtail's own page reports) through safe_cell. Wagtail builds all of them in this one
    method, so wrapping it here covers the exports added later too, where a mixin would have to be remembered
    on each view."""
    original = SpreadsheetExportMixin.preprocess_field_value
    if getattr(original, "neutralises_formulas", False):
        return

    def preprocess_field_value(self, field, value, export_format):
        return safe_cell(original(self, field, value, export_format))

    preprocess_field_value.neutralises_formulas = True
    SpreadsheetExportMixin.preprocess_field_value = preprocess_field_value
