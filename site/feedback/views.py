"""Public forms on project pages: comments and ratings, and objections during a publicity period."""

from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_POST

from shegong.lifecycle.publicity import open_publicity
from shegong.pages.models import ProjectPage

from . import ratelimit
from .forms import CommentForm, ObjectionForm


def public_project(project_id):
    return get_object_or_404(ProjectPage.objects.published(), pk=project_id)


def thanks(project, what):
    return HttpResponseRedirect(f"{project.url}?submitted={what}#feedback")


def refuse(request, project, form, message, status):
    return render(
        request, "feedback/refused.html", {"project": project, "form": form, "message": message}, status=status
    )


def submit(request, project, form, what):
    if form.is_spam():
        return thanks(project, what)
    if not form.is_valid():
        return refuse(request, project, form, "提交的内容有误，请修改后重新提交。", 400)
    if not ratelimit.allow(request):
        return refuse(request, project, form, "提交过于频繁，请稍后再试。", 429)
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
