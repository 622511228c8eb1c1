from django.db import models


class Outcome(models.TextChoices):
    APPROVED = "approved", "立项"
    REJECTED = "rejected", "不予立项"
