"""Hold back the publication of a likely duplicate project until an editor confirms it is distinct."""

from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils.http import url_has_allowed_host_and_scheme
from wagtail import hooks
from wagtail.admin import messages

from shegong.pages.models import ProjectPage

from .detection import unconfirmed_duplicates
from .views import confirm_distinct


@hooks.register("register_admin_urls")
def register_duplicate_urls():
    return [path("duplicates/<int:page_id>/confirm/", confirm_distinct, name="duplicates_confirm")]


def hold_back_message(request, project, matches):
    earlier = "、".join(f"“{m.project.title}”（{m.project.code}，{m.reason}）" for m in matches)
    buttons = [
        messages.button(reverse("wagtailadmin_pages:edit", args=[m.project.pk]), f"查看已有项目 {m.project.code}")
        for m in matches
    ]
    if project.pk:
        buttons.append(messages.button(reverse("duplicates_confirm", args=[project.pk]), "确认不是重复申报"))
    messages.error(request, f"“{project.title}”可能重复申报已有项目{earlier}，编辑确认并填写理由后才能发布。", buttons=buttons)


@hooks.register("before_publish_page")
def hold_back_likely_duplicate(request, page):
    if not isinstance(page, ProjectPage):
        return None
    matches = unconfirmed_duplicates(page)
    if not matches:
        return None
    hold_back_message(request, page, matches)
    return redirect("wagtailadmin_pages:edit", page.pk)


@hooks.register("before_bulk_action")
def hold_back_bulk_publish(request, action_type, objects, action_view):
    if action_type != "publish":
        return None
    held_back = False
    for page in objects:
        page = page.specific
        if isinstance(page, ProjectPage):
            matches = unconfirmed_duplicates(page.get_latest_revision_as_object())
            if matches:
                hold_back_message(request, page, matches)
                held_back = True
    if not held_back:
        return None
    next_url = request.GET.get("next", "")
    if not url_has_allowed_host_and_scheme(next_url, allowed_hosts={request.get_host()}):
        next_url = reverse("wagtailadmin_explore_root")
    return redirect(next_url)
