from django.apps import AppConfig


class WebhooksConfig(AppConfig):
    name = "shegong.webhooks"
    label = "webhooks"
    verbose_name = "发布通知"

    def ready(self):
        from . import signals  # noqa: F401
