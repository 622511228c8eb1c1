"""The 评审专家 group (they score what is assigned to them, nothing else), and what editors may do in reviews."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

from shegong.roles.groups import EDITORS, EXPERTS

EXPERT_PERMISSIONS = [("wagtailadmin", "access_admin"), ("reviews", "score_application")]
EDITOR_PERMISSIONS = [
    ("reviews", f"{action}_{model}")
    for model in ["rubric", "assignment", "experttie", "decision"]
    for action in ["add", "change", "delete", "view"]
]


def permissions(apps, pairs):
    config = apps.get_app_config("reviews")
    config.models_module = True
    create_permissions(config, apps=apps, verbosity=0)
    config.models_module = None
    Permission = apps.get_model("auth", "Permission")
    return [Permission.objects.get(content_type__app_label=app, codename=codename) for app, codename in pairs]


def create_group(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    experts, _ = Group.objects.get_or_create(name=EXPERTS)
    experts.permissions.add(*permissions(apps, EXPERT_PERMISSIONS))
    editors = Group.objects.filter(name=EDITORS).first()
    if editors:
        editors.permissions.add(*permissions(apps, EDITOR_PERMISSIONS))


def remove_group(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Group.objects.filter(name=EXPERTS).delete()
    editors = Group.objects.filter(name=EDITORS).first()
    if editors:
        editors.permissions.remove(*permissions(apps, EDITOR_PERMISSIONS))


class Migration(migrations.Migration):
    dependencies = [
        ("reviews", "0001_rubric_assignments_scores_decisions"),
        ("roles", "0004_editors_import"),
    ]

    operations = [migrations.RunPython(create_group, remove_group)]
