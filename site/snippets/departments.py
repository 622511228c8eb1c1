from django.db import models
from wagtail.search import index


class Department(index.Indexed, models.Model):
    """A purchasing department (购买主体), e.g. 区民政局."""

    name = models.CharField("名称", max_length=120, unique=True)
    short_name = models.CharField("简称", max_length=40, blank=True)
    description = models.TextField("简介", blank=True)
    sort_order = models.PositiveIntegerField("排序", default=0)

    search_fields = [
        index.SearchField("name"),
        index.SearchField("short_name"),
        index.AutocompleteField("name"),
    ]

    class Meta:
        ordering = ["sort_order", "name"]
        verbose_name = "购买部门"
        verbose_name_plural = "购买部门"

    def __str__(self):
        return self.short_name or self.name
