"""Who works on applications: editors check every one (形式审查); an organization's account files its own
(narrowed to its organization by shegong.calls.scope) and uploads its materials as documents."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

from shegong.roles.groups import EDITORS, ORGANIZATIONS

MODEL_PERMISSIONS = {
    EDITORS: [
        *[f"calls.{action}_application" for action in ["add", "change", "delete", "view", "check"]],
    ],
    ORGANIZATIONS: [f"calls.{action}_application" for action in ["add", "change", "view"]],
}
# Organizations choose among their own organization's documents only (construct_document_chooser_queryset).
COLLECTION_PERMISSIONS = {ORGANIZATIONS: ["wagtaildocs.add_document", "wagtaildocs.choose_document"]}


def permission(apps, dotted):
    app_label, codename = dotted.split(".")
    return apps.get_model("auth", "Permission").objects.get(content_type__app_label=app_label, codename=codename)


def grant(apps, schema_editor):
    app_config = apps.get_app_config("calls")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    for name, dotted_names in MODEL_PERMISSIONS.items():
        group = Group.objects.filter(name=name).first()
        if group:
            group.permissions.add(*[permission(apps, dotted) for dotted in dotted_names])
    root = apps.get_model("wagtailcore", "Collection").objects.filter(depth=1).first()
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    for name, dotted_names in COLLECTION_PERMISSIONS.items():
        group = Group.objects.filter(name=name).first()
        if group and root:
            for dotted in dotted_names:
                GroupCollectionPermission.objects.get_or_create(
                    group=group, collection=root, permission=permission(apps, dotted)
                )


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    for name, dotted_names in MODEL_PERMISSIONS.items():
        group = Group.objects.filter(name=name).first()
        if group:
            group.permissions.remove(*[permission(apps, dotted) for dotted in dotted_names])
    apps.get_model("wagtailcore", "GroupCollectionPermission").objects.filter(
        group__name__in=COLLECTION_PERMISSIONS, permission__codename__in=["add_document", "choose_document"]
    ).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("calls", "0001_initial"),
        ("roles", "0002_groups"),
        ("wagtaildocs", "0014_alter_document_file_size"),
    ]

    operations = [
        migrations.AlterModelOptions(
            name="application",
            options={
                "ordering": ["-submitted_at", "-created_at"],
                "permissions": [("check_application", "形式审查与立项决定")],
                "verbose_name": "项目申报",
                "verbose_name_plural": "项目申报",
            },
        ),
        migrations.RunPython(grant, revoke),
    ]
