import re

from django.core.exceptions import ValidationError
from django.db import models


class SearchDocument(models.Model):
    """One live, public page as the search engines see it.

    This table is the embedded engine's index (with the FTS5 table or the
    PostgreSQL tsvector beside it, see migration 0001) and the source the
    Elasticsearch documents are built from.
    """

    page = models.OneToOneField(
        "wagtailcore.Page", verbose_name="页面", primary_key=True, on_delete=models.CASCADE, related_name="+"
    )
    doc_type = models.CharField("类型", max_length=16, db_index=True)
    title = models.CharField("标题", max_length=255)
    url = models.CharField("地址", max_length=500)
    date = models.DateField("日期", null=True, blank=True)
    text = models.TextField("摘要文本", blank=True, help_text="用于生成命中片段")
    terms = models.TextField("分析后的词项")
    level = models.CharField("政策层级", max_length=16, blank=True)
    issuer = models.CharField("发文机关", max_length=200, blank=True)
    status = models.CharField("效力状态", max_length=16, blank=True)
    category = models.CharField("项目类别", max_length=60, blank=True)
    department = models.CharField("购买部门", max_length=120, blank=True)
    organization = models.CharField("承接社会组织", max_length=120, blank=True)
    street = models.CharField("街道", max_length=80, blank=True)
    stage = models.CharField("项目阶段", max_length=20, blank=True)
    kind = models.CharField("公告类型", max_length=24, blank=True)
    year = models.PositiveIntegerField("年度", null=True, blank=True)
    indexed_at = models.DateTimeField("索引时间", auto_now=True)

    class Meta:
        verbose_name = "检索文档"
        verbose_name_plural = "检索文档"
        indexes = [
            # Suggestions list the newest titles holding what was typed: walked newest first, this index finds
            # them in the first rows it reads for a common word, and reads no document row (on either database).
            models.Index(fields=["-date", "-page_id", "title", "url", "doc_type"], name="search_doc_newest_titles"),
        ]

    def __str__(self):
        return self.title


class PendingChange(models.Model):
    """An index change Elasticsearch has not acknowledged yet; kept until it does."""

    class Action(models.TextChoices):
        INDEX = "index", "写入"
        DELETE = "delete", "删除"

    page_id = models.PositiveIntegerField("页面 ID", unique=True)
    action = models.CharField("操作", max_length=8, choices=Action.choices)
    queued_at = models.DateTimeField("排队时间", auto_now=True)

    class Meta:
        verbose_name = "待同步的索引变更"
        verbose_name_plural = "待同步的索引变更"


class AttachmentText(models.Model):
    """Text extracted from a PDF attachment, kept so re-indexing does not re-read the file."""

    document = models.OneToOneField(
        "wagtaildocs.Document", verbose_name="文件", primary_key=True, on_delete=models.CASCADE, related_name="+"
    )
    file_name = models.CharField("文件名", max_length=255)
    file_size = models.PositiveBigIntegerField("文件大小", null=True)
    text = models.TextField("文本", blank=True)

    class Meta:
        verbose_name = "附件文本"
        verbose_name_plural = "附件文本"


SYNONYM_SEPARATORS = r"[/／,，、;；\s]+"


class Synonym(models.Model):
    """Words citizens use for the same thing: a query for one also finds the others (社工 → 社会工作)."""

    terms = models.CharField(
        "同义词",
        max_length=300,
        unique=True,
        help_text="一组同义词，用“/”或逗号分隔，如：社工/社会工作/社会工作者。搜索其中任何一个，也会找到含其他词的内容。",
    )
    note = models.CharField("说明", max_length=200, blank=True)

    class Meta:
        verbose_name = "同义词"
        verbose_name_plural = "同义词"
        ordering = ["terms"]

    def __str__(self):
        return self.terms

    def words(self):
        return list(dict.fromkeys(w for w in re.split(SYNONYM_SEPARATORS, self.terms) if w))

    def clean(self):
        if len(self.words()) < 2:
            raise ValidationError({"terms": "一组同义词至少要有两个词，用“/”分隔。"})
        self.terms = "/".join(self.words())
