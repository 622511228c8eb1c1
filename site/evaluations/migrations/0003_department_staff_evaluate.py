"""Department staff record and read the evaluations of their own department's projects (the admin narrows them)."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

from shegong.roles.groups import DEPARTMENT_STAFF

STAFF_PERMISSIONS = [f"{action}_evaluation" for action in ["add", "change", "view"]]


def permissions(apps):
    Permission = apps.get_model("auth", "Permission")
    return list(Permission.objects.filter(content_type__app_label="evaluations", codename__in=STAFF_PERMISSIONS))


def staff(apps):
    return apps.get_model("auth", "Group").objects.filter(name=DEPARTMENT_STAFF).first()


def grant(apps, schema_editor):
    app_config = apps.get_app_config("evaluations")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    group = staff(apps)
    if group:
        group.permissions.add(*permissions(apps))


def revoke(apps, schema_editor):
    group = staff(apps)
    if group:
        group.permissions.remove(*permissions(apps))


class Migration(migrations.Migration):
    dependencies = [
        ("evaluations", "0002_editors_evaluate"),
        ("roles", "0006_review_step_and_street_role"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
