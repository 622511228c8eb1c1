from wagtail.admin.forms import WagtailAdminModelForm

from shegong.roles.scope import may_reach_project


class EvaluationForm(WagtailAdminModelForm):
    """A purchasing department records evaluations of its own projects only."""

    def clean_project(self):
        project = self.cleaned_data["project"]
        if project is not None and self.for_user is not None and not may_reach_project(self.for_user, project):
            self.add_error("project", "只能为本部门的项目登记评估结果。")
        return project
