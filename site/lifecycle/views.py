from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.html import format_html
from django.views.generic import FormView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from shegong.pages.models import ProjectPage

from .stage_form import StageChangeForm
from .transitions import change_stage
from .windows import window_label


class ChangeStageView(WagtailAdminTemplateMixin, FormView):
    """“变更阶段”: the only way a saved project's stage moves."""

    form_class = StageChangeForm
    template_name = "lifecycle/change_stage.html"
    page_title = "变更项目阶段"
    header_icon = "resubmit"

    def dispatch(self, request, page_id):
        self.project = get_object_or_404(ProjectPage, pk=page_id)
        if not self.project.permissions_for_user(request.user).can_edit():
            raise PermissionDenied
        self.current = self.project.get_latest_revision_as_object()
        return super().dispatch(request, page_id)

    def get_page_subtitle(self):
        return self.project.get_admin_display_title()

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {"url": reverse("wagtailadmin_pages:edit", args=[self.project.pk]), "label": self.get_page_subtitle()},
            {"url": "", "label": self.page_title},
        ]

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            project=self.project,
            current=self.current,
            timeline=self.current.timeline(),
            publicity_window=window_label(),
            action_url=self.request.path,
            submit_button_label="确认变更",
            submit_button_active_label="正在保存…",
            **kwargs,
        )

    def form_valid(self, form):
        data = form.cleaned_data
        try:
            change = change_stage(self.project, data["stage"], data["reached_on"], data["reason"], self.request.user)
        except ValidationError as error:
            for field, errors in error.message_dict.items():
                for message in errors:
                    form.add_error(field, message)
            return self.form_invalid(form)
        state = "已发布" if change.published else "已保存为草稿，待发布"
        messages.success(self.request, f"项目阶段由“{change.old.label}”变更为“{change.new.label}”（{state}）。")
        if change.notice:
            verb = "已起草" if change.notice_created else "已关联"
            messages.info(
                self.request,
                format_html(
                    '{}{}“{}”，请核对后发布。<a href="{}">编辑公示</a>',
                    verb,
                    change.notice.get_kind_display(),
                    change.notice.title,
                    reverse("wagtailadmin_pages:edit", args=[change.notice.pk]),
                ),
            )
        return redirect("wagtailadmin_pages:edit", self.project.pk)
