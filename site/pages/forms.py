from django.core.exceptions import NON_FIELD_ERRORS
from django.utils import timezone
from wagtail.admin.forms import WagtailAdminPageForm

from shegong.lifecycle.going_live import REQUIRED_TO_PUBLISH, incomplete_message
from shegong.pages.enums import ProjectStage
from shegong.roles.scope import restricted_department


class ProjectPageForm(WagtailAdminPageForm):
    """The project editor: a new project starts at 项目征集; its stage moves only through “变更阶段”.

    Saving a draft asks for nothing more than a title: publishing (or submitting
    for review) asks for the purchaser, the organization and the street too.
    A department staff member can only name their own department as purchaser.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "stage" in self.fields:
            self.fields["stage"].disabled = True
            if self.instance.pk:
                self.fields["stage"].help_text = "请使用页面顶部菜单中的“变更阶段”，系统将记录日期、操作人和理由。"
            else:
                self.initial["stage"] = self.instance.stage = ProjectStage.CALL
                self.fields["stage"].help_text = "新建项目从“项目征集”开始，保存时记录当天日期；此后请使用“变更阶段”。"
        department = restricted_department(self.for_user) if self.for_user else None
        if department is not None and "purchaser" in self.fields:
            self.fields["purchaser"].queryset = self.fields["purchaser"].queryset.filter(pk=department)
        for name in REQUIRED_TO_PUBLISH:
            if name in self.fields:
                # Wagtail lifts this for “保存草稿” (defer_required_fields) and keeps it for publishing and submitting.
                self.fields[name].required = True

    def clean(self):
        cleaned_data = super().clean()
        missing = [
            name
            for name in REQUIRED_TO_PUBLISH
            if any(error.code == "required" for error in self.errors.as_data().get(name, []))
        ]
        if missing:
            title = cleaned_data.get("title") or self.instance.title or "本项目"
            self.add_error(NON_FIELD_ERRORS, incomplete_message(title, missing))
        return cleaned_data

    def save(self, commit=True):
        project = super().save(commit=False)
        if project.pk is None:
            # Created as a draft even when “发布” is pressed: publishing it is then the draft-to-live step
            # that the publication check (going_live.py) watches, as for every other project.
            project.live = False
        if project.pk is None and not any(m.stage == ProjectStage.CALL for m in project.milestones.all()):
            # The project entered 项目征集 the day it was first saved, published or not.
            project.milestones.add(
                project.milestones.model(
                    stage=ProjectStage.CALL,
                    reached_on=timezone.localdate(),
                    recorded_by=self.for_user,
                    sort_order=0,
                )
            )
        if commit:
            project.save()
            self.save_m2m()
        return project
