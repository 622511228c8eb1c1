from decimal import Decimal

from wagtail.admin.forms import WagtailAdminModelForm


class PaymentScheduleForm(WagtailAdminModelForm):
    """The payment schedule editor: the tranches' shares add up to the whole budget."""

    def is_valid(self):
        # The tranches are a formset, validated beside the form rather than inside its clean().
        if not super().is_valid():
            return False
        shares = [
            form.cleaned_data["share"]
            for form in self.formsets["tranches"].forms
            if form.cleaned_data and not form.cleaned_data.get("DELETE")
        ]
        total = sum(shares, Decimal(0))
        if total != 100:
            self.add_error(None, f"各期比例之和须为 100%，现为 {total.normalize():f}%。")
            return False
        return True
