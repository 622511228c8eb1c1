"""One document collection per social organization, under a login-only 申报材料 collection; the documents its
accounts uploaded before are filed in it (the choosers and downloads now go by collection, not by uploader)."""

import django.db.models.deletion
from django.db import migrations, models
from django.db.models import F

from shegong.roles.groups import ORGANIZATIONS

MATERIALS = "申报材料"
DIGITS = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
STEP = 4  # treebeard's path step for wagtailcore.Collection


def add_child(Collection, parent, name):
    """treebeard's add_child, which the migration's historical model lacks: the next path under `parent`."""
    last = (
        Collection.objects.filter(path__startswith=parent.path, depth=parent.depth + 1)
        .order_by("-path")
        .values_list("path", flat=True)
        .first()
    )
    number, step = (int(last[-STEP:], 36) + 1 if last else 1), ""
    while number:
        number, digit = divmod(number, 36)
        step = DIGITS[digit] + step
    child = Collection.objects.create(name=name, path=parent.path + step.rjust(STEP, "0"), depth=parent.depth + 1)
    Collection.objects.filter(pk=parent.pk).update(numchild=F("numchild") + 1)
    return child


def file_existing_materials(apps, schema_editor):
    Collection = apps.get_model("wagtailcore", "Collection")
    Document = apps.get_model("wagtaildocs", "Document")
    OrganizationCollection = apps.get_model("calls", "OrganizationCollection")
    documents = Document.objects.filter(
        uploaded_by_user__groups__name=ORGANIZATIONS, uploaded_by_user__staff_profile__organization__isnull=False
    ).select_related("uploaded_by_user__staff_profile__organization")
    parent, collections = None, {}
    for document in documents.distinct():
        organization = document.uploaded_by_user.staff_profile.organization
        if organization.pk not in collections:
            if parent is None:
                root = Collection.objects.get(depth=1)
                parent = add_child(Collection, root, MATERIALS)
                apps.get_model("wagtailcore", "CollectionViewRestriction").objects.create(
                    collection=parent, restriction_type="login"
                )
            collections[organization.pk] = add_child(Collection, parent, organization.name)
            OrganizationCollection.objects.create(organization=organization, collection=collections[organization.pk])
        Document.objects.filter(pk=document.pk).update(collection=collections[organization.pk])


class Migration(migrations.Migration):
    dependencies = [
        ("calls", "0002_grant_roles"),
        ("snippets", "0001_initial"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("roles", "0005_staffprofile_street"),
    ]

    operations = [
        migrations.CreateModel(
            name="OrganizationCollection",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                (
                    "collection",
                    models.OneToOneField(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="organization_materials",
                        to="wagtailcore.collection",
                        verbose_name="文档集",
                    ),
                ),
                (
                    "organization",
                    models.OneToOneField(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="materials_collection",
                        to="snippets.socialorganization",
                        verbose_name="社会组织",
                    ),
                ),
            ],
            options={
                "verbose_name": "社会组织申报材料文档集",
                "verbose_name_plural": "社会组织申报材料文档集",
            },
        ),
        migrations.RunPython(file_existing_materials, migrations.RunPython.noop),
    ]
