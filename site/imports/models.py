"""What each imported record looked like when a file last set it, so a later import can tell an editor's change
from its own."""

from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models


class ImportedRecord(models.Model):
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField()
    record = GenericForeignKey("content_type", "object_id")
    key = models.CharField("导入键", max_length=300, help_text="文件中标识记录的值，如项目编号")
    # {field: value as the file gave it}, in the plain form the importer compares (text, ISO dates, lists).
    values = models.JSONField("上次导入的值", default=dict)
    imported_at = models.DateTimeField("上次导入时间", auto_now=True)

    class Meta:
        verbose_name = verbose_name_plural = "导入记录"
        constraints = [
            models.UniqueConstraint(fields=["content_type", "object_id"], name="one_import_record_per_object")
        ]
        permissions = [("use_import", "可使用表格导入")]

    def __str__(self):
        return self.key

    @classmethod
    def of(cls, instance):
        return cls.objects.filter(
            content_type=ContentType.objects.get_for_model(instance), object_id=instance.pk
        ).first()

    @classmethod
    def remember(cls, instance, key, values):
        cls.objects.update_or_create(
            content_type=ContentType.objects.get_for_model(instance),
            object_id=instance.pk,
            defaults={"key": key, "values": values},
        )
