"""The four roles as Wagtail groups: 编辑, 部门工作人员, 社会组织, 审计.

Department staff and social organizations are further narrowed, per account,
by their StaffProfile (see shegong.roles.scope).
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

from shegong.roles.groups import AUDITORS, DEPARTMENT_STAFF, EDITORS, ORGANIZATIONS

ALL_PAGE_ACTIONS = ["add", "change", "publish", "bulk_delete", "lock", "unlock"]
AUDITED_APPS = ["snippets", "lifecycle", "feedback", "updates", "roles"]

MODEL_PERMISSIONS = {
    EDITORS: [
        "wagtailadmin.access_admin",
        *[
            f"snippets.{action}_{model}"
            for model in ["department", "projectcategory", "region", "socialorganization"]
            for action in ["add", "change", "delete", "view"]
        ],
        *[f"lifecycle.{action}_reviewscore" for action in ["add", "change", "delete", "view"]],
        *[f"feedback.{action}_{model}" for model in ["comment", "objection"] for action in ["change", "view"]],
        *[f"updates.{action}_implementationupdate" for action in ["add", "change", "delete", "view", "moderate"]],
    ],
    DEPARTMENT_STAFF: ["wagtailadmin.access_admin", "updates.view_implementationupdate"],
    ORGANIZATIONS: [
        "wagtailadmin.access_admin",
        "updates.add_implementationupdate",
        "updates.change_implementationupdate",
        "updates.view_implementationupdate",
    ],
    AUDITORS: ["wagtailadmin.access_admin", "roles.audit"],
}

# Page permissions: (group, section model or None for the home page, actions).
PAGE_PERMISSIONS = [
    (EDITORS, "HomePage", ALL_PAGE_ACTIONS),
    (DEPARTMENT_STAFF, "ProjectIndexPage", ["add", "change", "publish"]),
]

COLLECTION_PERMISSIONS = {
    EDITORS: [
        "wagtailimages.add_image",
        "wagtailimages.change_image",
        "wagtailimages.choose_image",
        "wagtailimages.delete_image",
        "wagtaildocs.add_document",
        "wagtaildocs.change_document",
        "wagtaildocs.choose_document",
        "wagtaildocs.delete_document",
    ],
    DEPARTMENT_STAFF: [
        "wagtailimages.add_image",
        "wagtailimages.choose_image",
        "wagtaildocs.add_document",
        "wagtaildocs.choose_document",
    ],
    ORGANIZATIONS: ["wagtailimages.add_image", "wagtailimages.choose_image"],
}


def permission(apps, dotted):
    Permission = apps.get_model("auth", "Permission")
    app_label, codename = dotted.split(".")
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def create_groups(apps, schema_editor):
    # Permissions are normally made after all migrations; these groups need them now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    Collection = apps.get_model("wagtailcore", "Collection")

    groups = {name: Group.objects.get_or_create(name=name)[0] for name in MODEL_PERMISSIONS}
    for name, dotted_names in MODEL_PERMISSIONS.items():
        groups[name].permissions.add(*[permission(apps, dotted) for dotted in dotted_names])
    groups[AUDITORS].permissions.add(
        *Permission.objects.filter(content_type__app_label__in=AUDITED_APPS, codename__startswith="view_")
    )

    for name, model_name, actions in PAGE_PERMISSIONS:
        page = apps.get_model("pages", model_name).objects.first()
        if page is None:
            continue
        for action in actions:
            GroupPagePermission.objects.get_or_create(
                group=groups[name], page_id=page.pk, permission=permission(apps, f"wagtailcore.{action}_page")
            )

    root = Collection.objects.filter(depth=1).first()
    if root:
        for name, dotted_names in COLLECTION_PERMISSIONS.items():
            for dotted in dotted_names:
                GroupCollectionPermission.objects.get_or_create(
                    group=groups[name], collection=root, permission=permission(apps, dotted)
                )


def remove_groups(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=MODEL_PERMISSIONS).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("roles", "0001_initial"),
        ("lifecycle", "0001_initial"),
        ("feedback", "0001_initial"),
        ("updates", "0001_initial"),
        ("pages", "0003_projectmilestone_reason_projectmilestone_recorded_by"),
        ("wagtailcore", "0095_groupsitepermission"),
        ("wagtailadmin", "0006_formstate"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
    ]

    operations = [migrations.RunPython(create_groups, remove_groups)]
