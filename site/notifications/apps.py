from django.apps import AppConfig


class NotificationsConfig(AppConfig):
    name = "shegong.notifications"
    label = "notifications"
    verbose_name = "通知与待办"

    def ready(self):
        from . import events  # noqa: F401  (connects the receivers)
