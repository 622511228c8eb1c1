from django.apps import AppConfig


class CallsConfig(AppConfig):
    name = "shegong.calls"
    label = "calls"
    verbose_name = "项目征集"

    def ready(self):
        from . import uploads  # noqa: F401  (connects the receiver)
