from django.apps import AppConfig


class EvaluationsConfig(AppConfig):
    name = "shegong.evaluations"
    label = "evaluations"
    verbose_name = "项目评估"
