from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "shegong.search"
    label = "shegong_search"
    verbose_name = "全文检索"

    def ready(self):
        from .indexing import signals

        signals.connect()
