from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "shegong.api"
    label = "api"
    verbose_name = "内容接口"

    def ready(self):
        from . import schema  # noqa: F401  registers the OpenAPI extension of the search view
