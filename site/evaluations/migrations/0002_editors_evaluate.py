"""Editors record evaluation results. Auditors' view permission comes from shegong.roles.grants after migrate."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

from shegong.roles.groups import EDITORS

EDITOR_PERMISSIONS = [f"{action}_evaluation" for action in ["add", "change", "delete", "view"]]


def permissions(apps):
    Permission = apps.get_model("auth", "Permission")
    return list(Permission.objects.filter(content_type__app_label="evaluations", codename__in=EDITOR_PERMISSIONS))


def grant(apps, schema_editor):
    app_config = apps.get_app_config("evaluations")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    editors = apps.get_model("auth", "Group").objects.filter(name=EDITORS).first()
    if editors:
        editors.permissions.add(*permissions(apps))


def revoke(apps, schema_editor):
    editors = apps.get_model("auth", "Group").objects.filter(name=EDITORS).first()
    if editors:
        editors.permissions.remove(*permissions(apps))


class Migration(migrations.Migration):
    dependencies = [
        ("evaluations", "0001_initial"),
        ("roles", "0002_groups"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
