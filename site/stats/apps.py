from django.apps import AppConfig


class StatsConfig(AppConfig):
    name = "shegong.stats"
    label = "stats"
    verbose_name = "统计"
