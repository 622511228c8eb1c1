from django.conf import settings
from django.db import models
from django.utils import timezone
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel
from wagtail.models import BaseLogEntry, Orderable
from wagtail.models.audit_log import ModelLogEntryManager
from wagtail.permission_policies import ModelPermissionPolicy

from shegong.feedback.moderation import Moderated
from shegong.roles.scope import is_restricted, scope_projects


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
        settings.AUTH_USER_MODEL,
        verbose_name="提交人",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
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


class UpdateLogEntryManager(ModelLogEntryManager):
    def log_action(self, instance, action, **kwargs):
        kwargs.setdefault("project_id", instance.project_id)
        return super().log_action(instance, action, **kwargs)

    def viewable_by_user(self, user):
        """Wagtail's rule (any permission on the model reads every entry), narrowed to reachable projects.

        Not super()'s: it caches the allowed content types on the user from whichever log table asks first.
        """
        if not ModelPermissionPolicy(ImplementationUpdate).user_has_any_permission(
            user, ["add", "change", "delete", "view", "moderate"]
        ):
            return self.none()
        if not is_restricted(user):
            return self.all()
        ProjectPage = ImplementationUpdate.project.field.related_model
        return self.filter(project__in=scope_projects(user, ProjectPage.objects.all()).values("pk"))


class UpdateLogEntry(BaseLogEntry):
    """The audit log of implementation updates, apart from ModelLogEntry so that it can be scoped by project.

    Each entry keeps the project its update belonged to when it was written, so the entry of a
    deleted update is still shown to that project's accounts only.
    """

    object_id = models.CharField(max_length=255, db_index=True)
    project = models.ForeignKey(
        "pages.ProjectPage", null=True, blank=True, on_delete=models.DO_NOTHING, db_constraint=False, related_name="+"
    )

    objects = UpdateLogEntryManager()

    class Meta(BaseLogEntry.Meta):
        ordering = ["-timestamp", "-id"]
        verbose_name = "实施动态日志"
        verbose_name_plural = "实施动态日志"
