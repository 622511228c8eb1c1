from django.apps import AppConfig


class DiscoveryConfig(AppConfig):
    name = "shegong.discovery"
    label = "discovery"
    verbose_name = "站点发现"
