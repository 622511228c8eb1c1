import secrets

from django.db import models
from django.utils import timezone


class Event(models.TextChoices):
    PUBLISHED = "page.published", "页面发布"
    UNPUBLISHED = "page.unpublished", "页面撤销发布"
    DELETED = "page.deleted", "页面删除"
    ORGANIZATION_CHANGED = "organization.changed", "社会组织或红黑榜变更"
    ORGANIZATION_DELETED = "organization.deleted", "社会组织删除"
    PAYMENT_CHANGED = "payment.changed", "资金拨付登记或修改"
    PAYMENT_DELETED = "payment.deleted", "资金拨付删除"
    UPDATE_PUBLISHED = "update.published", "实施动态公开或修改"
    UPDATE_WITHDRAWN = "update.withdrawn", "实施动态撤下"
    COMMENT_PUBLISHED = "comment.published", "留言公开"
    COMMENT_WITHDRAWN = "comment.withdrawn", "留言撤下"
    STATS_CHANGED = "stats.changed", "统计数据变化"


class Subscriber(models.Model):
    """A consuming site told about every change of public content: pages and the other public records."""

    name = models.CharField("名称", max_length=80, help_text="例如 区政府门户网站")
    url = models.URLField("接收地址", max_length=500, help_text="接收 POST 请求的 https 地址")
    secret = models.CharField(
        "签名密钥",
        max_length=128,
        default=secrets.token_urlsafe,
        help_text="对方用它验证 X-Shegong-Signature（带时间戳的 HMAC-SHA256）；请妥善保管",
    )
    on_published = models.BooleanField("页面发布时通知", default=True)
    on_unpublished = models.BooleanField("撤销发布时通知", default=True)
    on_deleted = models.BooleanField("页面删除时通知", default=True)
    on_records = models.BooleanField(
        "其他公开记录变更时通知", default=True, help_text="社会组织与红黑榜、资金拨付、实施动态、留言和统计数据"
    )
    active = models.BooleanField("启用", default=True)

    class Meta:
        ordering = ["name"]
        verbose_name = "推送订阅"
        verbose_name_plural = "推送订阅"

    def __str__(self):
        return self.name

    def wants(self, event):
        return {
            Event.PUBLISHED: self.on_published,
            Event.UNPUBLISHED: self.on_unpublished,
            Event.DELETED: self.on_deleted,
        }.get(event, self.on_records)


class DeliveryStatus(models.TextChoices):
    PENDING = "pending", "待发送"
    DELIVERED = "delivered", "已送达"
    FAILED = "failed", "已放弃"


class DeliveryQuerySet(models.QuerySet):
    def due(self, now=None):
        return self.filter(status=DeliveryStatus.PENDING, next_attempt_at__lte=now or timezone.now())


class Delivery(models.Model):
    """One event for one subscriber: the durable queue entry and its delivery log."""

    subscriber = models.ForeignKey(Subscriber, verbose_name="订阅", on_delete=models.CASCADE, related_name="deliveries")
    event = models.CharField("事件", max_length=32, choices=Event.choices)
    payload = models.JSONField("内容")
    status = models.CharField(
        "状态", max_length=16, choices=DeliveryStatus.choices, default=DeliveryStatus.PENDING, db_index=True
    )
    attempts = models.PositiveIntegerField("已尝试次数", default=0)
    next_attempt_at = models.DateTimeField("下次尝试时间", default=timezone.now, db_index=True)
    response_status = models.PositiveIntegerField("最近响应码", null=True, blank=True)
    last_error = models.TextField("最近错误", blank=True)
    created_at = models.DateTimeField("创建时间", auto_now_add=True)
    delivered_at = models.DateTimeField("送达时间", null=True, blank=True)

    objects = DeliveryQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = "推送记录"
        verbose_name_plural = "推送记录"

    def __str__(self):
        return f"{self.get_event_display()} → {self.subscriber}"
