from django.apps import AppConfig


class OrganizationsConfig(AppConfig):
    name = "shegong.organizations"
    label = "organizations"
    verbose_name = "社会组织公开信息"
