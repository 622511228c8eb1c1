from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from wagtail.admin import messages

from shegong.pages.models import ProjectPage

from .detection import unconfirmed_duplicates
from .forms import ConfirmationForm
from .models import confirm


def confirm_distinct(request, page_id):
    """The editor states, with a reason, that a project flagged as a likely duplicate is not one."""
    page = get_object_or_404(ProjectPage, pk=page_id)
    if not page.permissions_for_user(request.user).can_publish():
        raise PermissionDenied
    # The latest draft is what the editor is about to publish.
    draft = page.get_latest_revision_as_object()
    matches = unconfirmed_duplicates(draft)
    edit_url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    if not matches:
        messages.success(request, f"“{draft.title}”没有待确认的相似项目。")
        return redirect(edit_url)
    form = ConfirmationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        confirm(page, matches, form.cleaned_data["reason"], request.user)
        messages.success(request, f"已确认“{draft.title}”不是重复申报，现在可以发布。")
        return redirect(edit_url)
    return TemplateResponse(
        request, "duplicates/confirm.html", {"page": draft, "matches": matches, "form": form, "edit_url": edit_url}
    )
