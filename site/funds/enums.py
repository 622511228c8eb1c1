"""When a tranche of a payment schedule falls due, as editors name it."""

from django.db import models


class DueCondition(models.TextChoices):
    SIGNING = "signing", "签约后"
    MIDTERM = "midterm", "中期评估后"
    FINAL_EVALUATION = "final_evaluation", "终期评估后"
    DATE = "date", "指定日期"
