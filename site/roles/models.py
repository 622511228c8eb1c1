from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import models
from wagtail.models import BaseLogEntry
from wagtail.models.audit_log import ModelLogEntryManager

from .scope import is_restricted, scope_projects


class StaffProfile(models.Model):
    """Whom an admin account works for: a purchasing department, a social organization or a street.

    A department staff member sees only the projects their department buys; a
    social organization's account only the projects it implements; a street
    station's account the projects and stations of its street.
    """

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, verbose_name="账号", on_delete=models.CASCADE, related_name="staff_profile"
    )
    department = models.ForeignKey(
        "snippets.Department",
        verbose_name="所属部门",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="staff_profiles",
    )
    organization = models.ForeignKey(
        "snippets.SocialOrganization",
        verbose_name="所属社会组织",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="staff_profiles",
    )
    street = models.ForeignKey(
        "snippets.Region",
        verbose_name="所属街道",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="staff_profiles",
        limit_choices_to={"level": "street"},
        help_text="街道社工站的账号填写，只能查看和维护本街道的项目与站点。",
    )

    class Meta:
        verbose_name = "账号归属"
        verbose_name_plural = "账号归属"
        permissions = [("audit", "审计查阅全部项目及其历史")]

    def __str__(self):
        return f"{self.user.get_username()} → {self.department or self.organization or self.street or '未指定'}"

    def clean(self):
        if sum(bool(value) for value in [self.department_id, self.organization_id, self.street_id]) > 1:
            raise ValidationError("一个账号只能归属一个部门、一个社会组织或一个街道，不能同时归属多个。")


class ProjectRecordLogEntryManager(ModelLogEntryManager):
    """Entries of per-project records, shown to accounts that may see that kind of record, on reachable projects."""

    def log_action(self, instance, action, **kwargs):
        kwargs.setdefault("project_id", instance.project_id)
        return super().log_action(instance, action, **kwargs)

    def viewable_by_user(self, user):
        # Not ModelLogEntryManager's rule: it caches the allowed content types on the user from whichever log
        # table asks first. Any of the record's permissions reads its entries, as in Wagtail.
        content_types = ContentType.objects.filter(pk__in=self.values("content_type_id").distinct())
        allowed = [
            content_type.pk
            for content_type in content_types
            if any(
                user.has_perm(f"{content_type.app_label}.{action}_{content_type.model}")
                for action in ["add", "change", "delete", "view"]
            )
        ]
        entries = self.filter(content_type_id__in=allowed)
        if not is_restricted(user):
            return entries
        from shegong.pages.models import ProjectPage

        return entries.filter(project__in=scope_projects(user, ProjectPage.objects.all()).values("pk"))


class ProjectRecordLogEntry(BaseLogEntry):
    """The audit log of records that belong to one project and that scoped accounts may read (objections,
    payments, payment schedules), apart from ModelLogEntry so that Site history shows a purchasing department
    the entries of its own projects only. Each entry keeps the project its record belonged to."""

    object_id = models.CharField(max_length=255, db_index=True)
    project = models.ForeignKey(
        "pages.ProjectPage", null=True, blank=True, on_delete=models.DO_NOTHING, db_constraint=False, related_name="+"
    )

    objects = ProjectRecordLogEntryManager()

    class Meta(BaseLogEntry.Meta):
        ordering = ["-timestamp", "-id"]
        verbose_name = "项目记录日志"
        verbose_name_plural = "项目记录日志"
