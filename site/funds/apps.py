from django.apps import AppConfig


class FundsConfig(AppConfig):
    name = "shegong.funds"
    label = "funds"
    verbose_name = "资金监管"

    def ready(self):
        from . import schedules  # noqa: F401 - registers the system check of the default schedule
