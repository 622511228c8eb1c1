"""Wagtail names its default workflow and task after the Moderators group ("Moderators approval"), which the admin
then shows as "提交给Moderators approval". Give them Chinese names, unless an editor has renamed them already."""

from django.db import migrations

RENAMES = [("Workflow", "Moderators approval", "审核流程"), ("Task", "Moderators approval", "审核")]


def rename(apps, schema_editor, backwards=False):
    for model_name, english, chinese in RENAMES:
        old, new = (chinese, english) if backwards else (english, chinese)
        apps.get_model("wagtailcore", model_name).objects.filter(name=old).update(name=new)


def rename_back(apps, schema_editor):
    rename(apps, schema_editor, backwards=True)


class Migration(migrations.Migration):
    dependencies = [("wagtailcore", "0048_add_default_workflows")]

    operations = [migrations.RunPython(rename, rename_back)]
