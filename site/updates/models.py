from django.conf import settings
from django.db import models
from django.utils import timezone
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel
from wagtail.models import Orderable

from shegong.feedback.moderation import Moderated


class ImplementationUpdate(Moderated, ClusterableModel):
    """An implementation update (实施动态) a social organization posts on its own project.

    Public on the project page once an editor approves it; any later edit by
    the organization sends it back to review.
    """

    project = models.ForeignKey(
        "pages.ProjectPage", verbose_name="项目", on_delete=models.CASCADE, related_name="implementation_updates"
    )
    title = models.CharField("标题", max_length=120)
    happened_on = models.DateField("日期", default=timezone.localdate)
    text = models.TextField("内容")
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="提交人", null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+", editable=False,
    )

    class Meta(Moderated.Meta):
        ordering = ["-happened_on", "-created_at"]
        verbose_name = "实施动态"
        verbose_name_plural = "实施动态"
        permissions = [("moderate_implementationupdate", "审核实施动态")]

    def __str__(self):
        return self.title


class UpdatePhoto(Orderable):
    update = ParentalKey(ImplementationUpdate, on_delete=models.CASCADE, related_name="photos")
    image = models.ForeignKey("wagtailimages.Image", verbose_name="照片", on_delete=models.CASCADE, related_name="+")
    caption = models.CharField("说明", max_length=120, blank=True)

    panels = [FieldPanel("image"), FieldPanel("caption")]

    class Meta(Orderable.Meta):
        verbose_name = "照片"
        verbose_name_plural = "照片"
