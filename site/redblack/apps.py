from django.apps import AppConfig


class RedblackConfig(AppConfig):
    name = "shegong.redblack"
    label = "redblack"
    verbose_name = "红黑榜"
