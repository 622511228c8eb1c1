from django.apps import AppConfig
from django.db.models.signals import post_migrate


class RolesConfig(AppConfig):
    name = "shegong.roles"
    label = "roles"
    verbose_name = "角色与权限"

    def ready(self):
        from wagtail.models import Page
        from wagtail.permissions import register_permission_policy

        from shegong.core.permissions import ScopedPagePermissionPolicy

        from .grants import grant_auditors_every_view

        # Before any admin code looks the page policy up (Wagtail's advice for custom policies).
        register_permission_policy(Page, ScopedPagePermissionPolicy())
        post_migrate.connect(grant_auditors_every_view, sender=self, dispatch_uid="roles_grant_auditors_every_view")
