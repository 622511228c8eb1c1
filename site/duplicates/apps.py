from django.apps import AppConfig


class DuplicatesConfig(AppConfig):
    name = "shegong.duplicates"
    label = "duplicates"
    verbose_name = "重复申报检查"

    def ready(self):
        from shegong.lifecycle.going_live import rule

        from .holdback import likely_duplicate

        rule(likely_duplicate)
