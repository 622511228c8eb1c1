from django import template

from ..models import Evaluation

register = template.Library()


@register.simple_tag
def published_evaluations(project):
    """The project's evaluation results whose 评估结果公示 is published, newest first."""
    return Evaluation.objects.published().filter(project=project).select_related("notice").order_by("-evaluated_on")
