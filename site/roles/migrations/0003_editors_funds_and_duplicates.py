"""Editors record disbursements (with override reasons) and confirm likely duplicates as distinct.

Both apps came after the roles migration. Auditors' view permissions need no
migration: shegong.roles.grants grants them after every migrate.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

from shegong.roles.groups import EDITORS

EDITOR_PERMISSIONS = [
    *[("funds", f"{action}_disbursement") for action in ["add", "change", "delete", "view"]],
    # add_duplicateconfirmation is what the confirmation form asks of the editor (shegong.duplicates.views.CONFIRM).
    ("duplicates", "add_duplicateconfirmation"),
    ("duplicates", "view_duplicateconfirmation"),
]


def grant(apps, schema_editor):
    for label in ["funds", "duplicates"]:
        app_config = apps.get_app_config(label)
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


def permissions(apps):
    Permission = apps.get_model("auth", "Permission")
    return [
        Permission.objects.get(content_type__app_label=app, codename=codename) for app, codename in EDITOR_PERMISSIONS
    ]


class Migration(migrations.Migration):
    dependencies = [
        ("roles", "0002_groups"),
        ("funds", "0001_initial"),
        ("duplicates", "0001_initial"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
