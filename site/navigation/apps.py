from django.apps import AppConfig


class NavigationConfig(AppConfig):
    name = "shegong.navigation"
    label = "navigation"
    verbose_name = "网站框架"
