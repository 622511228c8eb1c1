from django.apps import AppConfig


class UpdatesConfig(AppConfig):
    name = "shegong.updates"
    label = "updates"
    verbose_name = "实施动态"
