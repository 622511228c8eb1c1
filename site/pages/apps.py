from django.apps import AppConfig


class PagesConfig(AppConfig):
    name = "shegong.pages"
    label = "pages"
    verbose_name = "页面"
