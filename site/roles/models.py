from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models


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
