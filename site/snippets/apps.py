from django.apps import AppConfig


class SnippetsConfig(AppConfig):
    name = "shegong.snippets"
    label = "snippets"
    verbose_name = "基础资料"
