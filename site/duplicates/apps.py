from django.apps import AppConfig


class DuplicatesConfig(AppConfig):
    name = "shegong.duplicates"
    label = "duplicates"
    verbose_name = "重复申报检查"
