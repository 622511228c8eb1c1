from django.apps import AppConfig


class FundsConfig(AppConfig):
    name = "shegong.funds"
    label = "funds"
    verbose_name = "资金监管"
