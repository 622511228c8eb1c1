from django.apps import AppConfig


class WorkflowsConfig(AppConfig):
    name = "shegong.workflows"
    label = "workflows"
    verbose_name = "审核流程"
