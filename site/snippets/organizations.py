import datetime

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from wagtail.search import index

from .credit_code import normalize_credit_code, validate_credit_code


class OrganizationRating(models.TextChoices):
    A1 = "1A", "1A"
    A2 = "2A", "2A"
    A3 = "3A", "3A"
    A4 = "4A", "4A"
    A5 = "5A", "5A"


class ListStatus(models.TextChoices):
    NONE = "", "未列入"
    RED = "red", "红榜"
    BLACK = "black", "黑榜"


class SocialOrganizationQuerySet(models.QuerySet):
    def listed_on(self, day: datetime.date, status=None):
        """Organizations whose red/black listing is in force on `day`."""
        qs = self.exclude(list_status=ListStatus.NONE).filter(
            models.Q(listed_on__isnull=True) | models.Q(listed_on__lte=day),
            models.Q(list_until__isnull=True) | models.Q(list_until__gte=day),
        )
        return qs.filter(list_status=status) if status else qs


class SocialOrganization(index.Indexed, models.Model):
    """A social organization (社会组织) that implements projects.

    Contact fields are private: they are for staff and never leave the admin.
    """

    PRIVATE_FIELDS = ("contact_person", "contact_phone", "contact_email", "address")

    name = models.CharField("名称", max_length=120, unique=True)
    credit_code = models.CharField(
        "统一社会信用代码",
        max_length=18,
        blank=True,
        validators=[validate_credit_code],
        help_text="18 位，按 GB 32100-2015 校验；可留空。",
    )
    registered_on = models.DateField("登记日期", null=True, blank=True)
    rating = models.CharField("评估等级", max_length=2, choices=OrganizationRating.choices, blank=True)
    description = models.TextField("简介", blank=True)
    region = models.ForeignKey(
        "snippets.Region",
        verbose_name="所在区域",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="organizations",
    )
    contact_person = models.CharField("联系人（不公开）", max_length=40, blank=True)
    contact_phone = models.CharField("联系电话（不公开）", max_length=40, blank=True)
    contact_email = models.EmailField("电子邮箱（不公开）", blank=True)
    address = models.CharField("地址（不公开）", max_length=200, blank=True)
    list_status = models.CharField("红黑榜", max_length=8, choices=ListStatus.choices, blank=True, default="")
    list_reason = models.TextField("列入理由", blank=True)
    listed_on = models.DateField("列入日期", null=True, blank=True)
    list_until = models.DateField("有效期至", null=True, blank=True)

    objects = SocialOrganizationQuerySet.as_manager()

    search_fields = [
        index.SearchField("name"),
        index.SearchField("credit_code"),
        index.SearchField("description"),
        index.AutocompleteField("name"),
        index.FilterField("list_status"),
        index.FilterField("rating"),
    ]

    class Meta:
        ordering = ["name"]
        verbose_name = "社会组织"
        verbose_name_plural = "社会组织"
        constraints = [
            models.UniqueConstraint(
                fields=["credit_code"], condition=~models.Q(credit_code=""), name="unique_nonempty_credit_code"
            )
        ]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        self.credit_code = normalize_credit_code(self.credit_code)
        super().save(*args, **kwargs)

    def clean(self):
        self.credit_code = normalize_credit_code(self.credit_code)
        errors = {}
        if self.list_status:
            if not self.list_reason.strip():
                errors["list_reason"] = "列入红黑榜须填写理由。"
            if not self.listed_on:
                errors["listed_on"] = "列入红黑榜须填写列入日期。"
        if self.listed_on and self.list_until and self.list_until < self.listed_on:
            errors["list_until"] = "有效期不能早于列入日期。"
        if errors:
            raise ValidationError(errors)

    def listing_in_force(self, day=None):
        """The red/black status that applies on `day` (today by default), or "" when none does."""
        day = day or timezone.localdate()
        if not self.list_status:
            return ""
        if self.listed_on and self.listed_on > day:
            return ""
        if self.list_until and self.list_until < day:
            return ""
        return self.list_status

    @property
    def is_blacklisted(self):
        return self.listing_in_force() == ListStatus.BLACK
