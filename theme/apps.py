from django.apps import AppConfig


class ThemeConfig(AppConfig):
    name = "shegong.theme"
    label = "theme"
    verbose_name = "公众网站主题"
