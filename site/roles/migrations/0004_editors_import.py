"""Editors may use 表格导入 (imports.use_import); what each row may change is still their page permissions."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

from shegong.roles.groups import EDITORS


def permission(apps):
    app_config = apps.get_app_config("imports")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    return apps.get_model("auth", "Permission").objects.get(content_type__app_label="imports", codename="use_import")


def grant(apps, schema_editor):
    editors = apps.get_model("auth", "Group").objects.filter(name=EDITORS).first()
    if editors:
        editors.permissions.add(permission(apps))


def revoke(apps, schema_editor):
    editors = apps.get_model("auth", "Group").objects.filter(name=EDITORS).first()
    if editors:
        editors.permissions.remove(permission(apps))


class Migration(migrations.Migration):
    dependencies = [
        ("roles", "0003_editors_funds_and_duplicates"),
        ("imports", "0001_imported_records"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
