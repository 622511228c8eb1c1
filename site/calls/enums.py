"""States of an application, as editors and organizations name them."""

from django.db import models


class ApplicationStatus(models.TextChoices):
    DRAFT = "draft", "草稿"
    SUBMITTED = "submitted", "已提交"
    FORMAL_CHECK = "formal_check", "形式审查"
    REVIEW = "review", "路演评审"
    APPROVED = "approved", "立项"
    REJECTED = "rejected", "未立项"
