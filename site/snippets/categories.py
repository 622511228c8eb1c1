from django.db import models
from wagtail.search import index


class ProjectCategory(index.Indexed, models.Model):
    """A kind of service project, e.g. 社区营造 or 公益创投."""

    name = models.CharField("名称", max_length=60, unique=True)
    description = models.TextField("说明", blank=True)
    sort_order = models.PositiveIntegerField("排序", default=0)

    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        ordering = ["sort_order", "name"]
        verbose_name = "项目类别"
        verbose_name_plural = "项目类别"

    def __str__(self):
        return self.name
