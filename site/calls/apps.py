from django.apps import AppConfig


class CallsConfig(AppConfig):
    name = "shegong.calls"
    label = "calls"
    verbose_name = "项目征集"
