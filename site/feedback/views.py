"""Public forms on project pages: comments and ratings, and objections during a publicity period.

Project pages are served from the shared page cache, so their forms carry no CSRF token. A browser with
JavaScript fetches the visitor's own token from `token` just before sending; without JavaScript the post is
refused by the CSRF check and `csrf_failure` answers with the same form, filled in, carrying a token, to send
once more. Nothing is saved without a valid token."""

from django.http import HttpResponseRedirect, JsonResponse
from django.middleware.csrf import get_token
from django.shortcuts import get_object_or_404, render
from django.views import csrf
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST

from shegong.lifecycle.publicity import open_publicity
from shegong.pages.models import ProjectPage

from . import ratelimit
from .forms import CommentForm, ObjectionForm

TOO_OFTEN = "提交过于频繁，请稍后再试。"


def public_project(project_id):
    return get_object_or_404(ProjectPage.objects.published(), pk=project_id)


def thanks(project, what):
    return HttpResponseRedirect(f"{project.url}?submitted={what}#feedback")


def refuse(request, project, form, message, status):
    return render(
        request, "feedback/refused.html", {"project": project, "form": form, "message": message}, status=status
    )


def submit(request, project, form, what):
    if ratelimit.used_up(request):  # before validating: a refused flood costs one indexed read
        return refuse(request, project, None, TOO_OFTEN, 429)
    if form.is_spam():
        return thanks(project, what)
    if not form.is_valid():
        return refuse(request, project, form, "提交的内容有误，请修改后重新提交。", 400)
    if not ratelimit.allow(request):
        return refuse(request, project, form, TOO_OFTEN, 429)
    form.save()
    return thanks(project, what)


@require_POST
def post_comment(request, project_id):
    project = public_project(project_id)
    return submit(request, project, CommentForm(request.POST, project=project), "comment")


@require_POST
def post_objection(request, project_id):
    project = public_project(project_id)
    notice = open_publicity(project)
    form = ObjectionForm(request.POST, project=project, notice=notice)
    if notice is None:
        return refuse(request, project, form, "该项目当前不在公示期内，无法提交异议。", 400)
    return submit(request, project, form, "objection")


@never_cache
@require_GET
def token(request):
    """This visitor's CSRF token, for the forms on cached project pages (the answer also sets the cookie)."""
    return JsonResponse({"token": get_token(request)})


def csrf_failure(request, reason=""):
    """A feedback form sent without a valid token (no JavaScript, or an expired cookie) comes back filled in,
    with a token, to be sent again. A post from another site (wrong Origin or Referer) gets Django's refusal."""
    match = request.resolver_match
    if not (match and match.app_name == "feedback" and reason.startswith(("CSRF cookie", "CSRF token"))):
        return csrf.csrf_failure(request, reason)
    project = public_project(match.kwargs["project_id"])
    if match.url_name == "objection":
        notice = open_publicity(project)
        if notice is None:
            return csrf.csrf_failure(request, reason)
        form, kind, label = ObjectionForm(request.POST, project=project, notice=notice), "objection", "提交异议"
    else:
        form, kind, label = CommentForm(request.POST, project=project), "comment", "提交留言"
    return render(
        request, "feedback/confirm.html", {"project": project, "form": form, "kind": kind, "submit": label}, status=403
    )
