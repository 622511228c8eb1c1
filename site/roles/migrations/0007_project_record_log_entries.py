"""Objections', payments' and payment schedules' audit log in a table of their own
(shegong.roles.models.ProjectRecordLogEntry), so Site history can narrow it by project; existing entries move there."""

import django.core.serializers.json
import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

RECORDS = [("feedback", "objection"), ("funds", "disbursement"), ("funds", "paymentschedule")]
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


def entries_of(apps, log_model, app_label, model_name):
    content_type = apps.get_model("contenttypes", "ContentType").objects.filter(app_label=app_label, model=model_name)
    return log_model.objects.filter(content_type__in=content_type).order_by("pk")


def copied(entry):
    return {field: getattr(entry, field) for field in FIELDS}


def forwards(apps, schema_editor):
    ProjectRecordLogEntry = apps.get_model("roles", "ProjectRecordLogEntry")
    ModelLogEntry = apps.get_model("wagtailcore", "ModelLogEntry")
    for app_label, model_name in RECORDS:
        entries = entries_of(apps, ModelLogEntry, app_label, model_name)
        # An entry of a record deleted since keeps no project: restricted accounts will not see it.
        records = apps.get_model(app_label, model_name).objects.values_list("pk", "project_id")
        projects = {str(pk): project for pk, project in records}
        ProjectRecordLogEntry.objects.bulk_create(
            ProjectRecordLogEntry(project_id=projects.get(entry.object_id), **copied(entry)) for entry in entries
        )
        entries.delete()


def backwards(apps, schema_editor):
    ModelLogEntry = apps.get_model("wagtailcore", "ModelLogEntry")
    for app_label, model_name in RECORDS:
        entries = entries_of(apps, apps.get_model("roles", "ProjectRecordLogEntry"), app_label, model_name)
        ModelLogEntry.objects.bulk_create(ModelLogEntry(**copied(entry)) for entry in entries)
        entries.delete()


class Migration(migrations.Migration):
    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("pages", "0004_policy_replaced_by_station_hours_operator"),
        ("roles", "0006_review_step_and_street_role"),
        ("wagtailcore", "0098_apitoken"),
        ("feedback", "0002_submission_count"),
        ("funds", "0002_payment_schedule"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name="ProjectRecordLogEntry",
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
                "verbose_name": "项目记录日志",
                "verbose_name_plural": "项目记录日志",
                "ordering": ["-timestamp", "-id"],
                "abstract": False,
                "indexes": [models.Index(fields=["uuid", "action", "-timestamp"], name="roles_proje_uuid_2c7ebf_idx")],
            },
        ),
        migrations.RunPython(forwards, backwards),
    ]
