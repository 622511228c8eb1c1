from django.core.exceptions import ValidationError
from django.db import models
from wagtail.search import index


class RegionLevel(models.TextChoices):
    DISTRICT = "district", "区（县）"
    STREET = "street", "街道（乡镇）"
    COMMUNITY = "community", "社区（村）"


PARENT_LEVEL = {
    RegionLevel.DISTRICT: None,
    RegionLevel.STREET: RegionLevel.DISTRICT,
    RegionLevel.COMMUNITY: RegionLevel.STREET,
}


class Region(index.Indexed, models.Model):
    """One node of the district → street/township → community/village tree."""

    name = models.CharField("名称", max_length=80)
    level = models.CharField("层级", max_length=16, choices=RegionLevel.choices)
    parent = models.ForeignKey(
        "self", verbose_name="上级", null=True, blank=True, on_delete=models.PROTECT, related_name="children"
    )
    code = models.CharField("区划代码", max_length=12, blank=True)

    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        ordering = ["level", "name"]
        verbose_name = "行政区域"
        verbose_name_plural = "行政区域"
        constraints = [models.UniqueConstraint(fields=["parent", "name"], name="unique_region_name_per_parent")]

    def __str__(self):
        return self.name

    @property
    def path_name(self):
        names, node = [], self
        while node:
            names.append(node.name)
            node = node.parent
        return " / ".join(reversed(names))

    def clean(self):
        wanted = PARENT_LEVEL.get(self.level)
        if wanted is None and self.parent_id:
            raise ValidationError({"parent": "区（县）不能有上级区域。"})
        if wanted is not None and (self.parent is None or self.parent.level != wanted):
            raise ValidationError({"parent": f"{self.get_level_display()}的上级必须是{RegionLevel(wanted).label}。"})
