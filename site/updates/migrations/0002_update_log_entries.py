"""Updates' audit log in a table of its own (shegong.updates.models.UpdateLogEntry); existing entries move there."""

import django.core.serializers.json
import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

FIELDS = [
    "content_type_id",
    "label",
    "action",
    "data",
    "timestamp",
    "uuid",
    "user_id",
    "revision_id",
    "content_changed",
    "deleted",
    "object_id",
]


def entries_of_updates(apps, log_model):
    ContentType = apps.get_model("contenttypes", "ContentType")
    content_type = ContentType.objects.filter(app_label="updates", model="implementationupdate").first()
    if content_type is None:  # a new database: nothing was logged yet
        return log_model.objects.none()
    return log_model.objects.filter(content_type=content_type).order_by("pk")


def copied(entry):
    return {field: getattr(entry, field) for field in FIELDS}


def forwards(apps, schema_editor):
    UpdateLogEntry = apps.get_model("updates", "UpdateLogEntry")
    entries = entries_of_updates(apps, apps.get_model("wagtailcore", "ModelLogEntry"))
    # An entry of an update deleted since keeps no project: restricted accounts will not see it.
    updates = apps.get_model("updates", "ImplementationUpdate").objects.values_list("pk", "project_id")
    projects = {str(pk): project for pk, project in updates}
    UpdateLogEntry.objects.bulk_create(
        UpdateLogEntry(project_id=projects.get(entry.object_id), **copied(entry)) for entry in entries
    )
    entries.delete()


def backwards(apps, schema_editor):
    ModelLogEntry = apps.get_model("wagtailcore", "ModelLogEntry")
    entries = entries_of_updates(apps, apps.get_model("updates", "UpdateLogEntry"))
    ModelLogEntry.objects.bulk_create(ModelLogEntry(**copied(entry)) for entry in entries)
    entries.delete()


class Migration(migrations.Migration):
    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("pages", "0003_projectmilestone_reason_projectmilestone_recorded_by"),
        ("updates", "0001_initial"),
        ("wagtailcore", "0098_apitoken"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name="UpdateLogEntry",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("label", models.TextField()),
                ("action", models.CharField(blank=True, db_index=True, max_length=255)),
                (
                    "data",
                    models.JSONField(blank=True, default=dict, encoder=django.core.serializers.json.DjangoJSONEncoder),
                ),
                ("timestamp", models.DateTimeField(db_index=True, verbose_name="timestamp (UTC)")),
                (
                    "uuid",
                    models.UUIDField(
                        blank=True,
                        editable=False,
                        help_text="Log entries that happened as part of the same user action are assigned the same UUID",
                        null=True,
                    ),
                ),
                ("content_changed", models.BooleanField(db_index=True, default=False)),
                ("deleted", models.BooleanField(default=False)),
                ("object_id", models.CharField(db_index=True, max_length=255)),
                (
                    "content_type",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to="contenttypes.contenttype",
                        verbose_name="content type",
                    ),
                ),
                (
                    "project",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="pages.projectpage",
                    ),
                ),
                (
                    "revision",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="wagtailcore.revision",
                    ),
                ),
                (
                    "user",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
            ],
            options={
                "verbose_name": "实施动态日志",
                "verbose_name_plural": "实施动态日志",
                "ordering": ["-timestamp", "-id"],
                "abstract": False,
                "indexes": [models.Index(fields=["uuid", "action", "-timestamp"], name="updates_upd_uuid_701587_idx")],
            },
        ),
        migrations.RunPython(forwards, backwards),
    ]
