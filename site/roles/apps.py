from django.apps import AppConfig


class RolesConfig(AppConfig):
    name = "shegong.roles"
    label = "roles"
    verbose_name = "角色与权限"
