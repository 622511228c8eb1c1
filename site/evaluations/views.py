"""Admin screens: drafting the 评估结果公示 from recorded results, and the red/black proposals."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.widgets import HeaderButton
from wagtail.snippets.views.snippets import IndexView

from shegong.lifecycle.publicity import evaluation_results_notice
from shegong.pages.models import NoticeIndexPage

from .models import Evaluation
from .proposals import fails_for_black, list_proposals


def can_draft_notice(user):
    section = NoticeIndexPage.objects.first()
    return (
        section is not None
        and user.has_perm("evaluations.change_evaluation")
        and section.permissions_for_user(user).can_add_subpage()
    )


class EvaluationIndexView(IndexView):
    @cached_property
    def header_buttons(self):
        buttons = super().header_buttons
        if can_draft_notice(self.request.user):
            buttons.append(
                HeaderButton("起草评估结果公示", url=reverse("evaluations_draft_notice"), icon_name="doc-full")
            )
        return buttons


class DraftNoticeView(WagtailAdminTemplateMixin, TemplateView):
    """Every result not yet in a notice, gathered into one 评估结果公示 draft for an editor to check and publish."""

    template_name = "evaluations/draft_notice.html"
    page_title = "起草评估结果公示"
    header_icon = "doc-full"

    def dispatch(self, request, *args, **kwargs):
        if not can_draft_notice(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def pending(self):
        return Evaluation.objects.filter(notice=None).select_related("project", "project__organization")

    def get_context_data(self, **kwargs):
        return super().get_context_data(evaluations=self.pending().order_by("project__code"), **kwargs)

    def post(self, request):
        pending = self.pending()
        if not pending.exists():
            messages.error(request, "没有待公示的评估结果：每条评估结果都已列入一条评估结果公示。")
            return redirect(Evaluation.snippet_viewset.get_url_name("list"))
        notice = evaluation_results_notice(pending, timezone.localdate(), request.user)
        messages.success(request, f"已起草“{notice.title}”，请核对后发布；发布后评估等级即在项目页面公开。")
        return redirect("wagtailadmin_pages:edit", notice.pk)


class ProposalsView(WagtailAdminTemplateMixin, TemplateView):
    """红黑榜建议: what the grades suggest; the decision is taken on the organization's own screen."""

    template_name = "evaluations/proposals.html"
    page_title = "红黑榜建议"
    header_icon = "warning"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm("snippets.change_socialorganization"):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        return super().get_context_data(proposals=list_proposals(), fails_for_black=fails_for_black(), **kwargs)
