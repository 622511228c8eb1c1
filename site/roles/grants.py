"""Auditors read every model of the project's own apps, and change none.

Granted after every `migrate` rather than by one migration, so that a model
added later is readable by auditors without anyone remembering to grant it.
"""

from django.apps import apps as installed_apps
from django.contrib.auth.management import create_permissions

from .groups import AUDITORS


def project_app_configs():
    return [config for config in installed_apps.get_app_configs() if config.name.startswith("shegong.")]


def grant_auditors_every_view(sender, apps=installed_apps, using="default", **kwargs):
    """post_migrate receiver, sent once per migrate for this app."""
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    auditors = Group.objects.using(using).filter(name=AUDITORS).first()
    if auditors is None:  # the roles migration has not run (or the tables were flushed)
        return
    configs = project_app_configs()
    # Django makes permissions app by app after this receiver; make ours now, as the roles migration does.
    for config in configs:
        create_permissions(config, verbosity=0, using=using)
    views = Permission.objects.using(using).filter(
        content_type__app_label__in=[config.label for config in configs], codename__startswith="view_"
    )
    auditors.permissions.add(*views)
