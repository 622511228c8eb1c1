"""A little demo content for 路演评审: a rubric on the demo call, two experts, their scores.

Only what is missing is made, as load_demo does for the rest. The experts' accounts have no password;
an administrator sets one to try the expert's screens.
"""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from shegong.calls.enums import ApplicationStatus
from shegong.calls.models import CallPage
from shegong.roles.groups import EXPERTS

from .actions import assign_expert, submit_scores
from .models import Assignment, Criterion, Rubric

DEMO_CALL_SLUG = "call-elderly-children"
CRITERIA = [("需求分析与服务对象", 30), ("服务设计与专业方法", 40), ("预算合理性", 15), ("机构能力", 15)]
EXPERTS_AND_SCORES = {"expert_zhang": ("张明", [8, 9, 7, 8]), "expert_liu": ("刘芳", [9, 8, 8, 7])}


def load_demo_reviews(user):
    """Make the demo rubric, experts and scores when missing; the number of score sheets made."""
    call = CallPage.objects.filter(slug=DEMO_CALL_SLUG).first()
    if call is None:
        return 0
    rubric = Rubric.objects.filter(call=call).first() or make_rubric(call)
    criteria = list(rubric.criteria.all())
    made = 0
    for application in call.applications.filter(status=ApplicationStatus.REVIEW):
        for username, (name, values) in EXPERTS_AND_SCORES.items():
            expert = demo_expert(username, name)
            if Assignment.objects.filter(application=application, expert=expert).exists():
                continue
            assignment = assign_expert(application, expert, user)
            submit_scores(
                assignment, dict(zip(criteria, values, strict=True)), "服务设计清晰，建议细化评估指标。", expert
            )
            made += 1
    return made


def make_rubric(call):
    rubric = Rubric.objects.create(call=call, drop_extremes=False)
    for order, (name, weight) in enumerate(CRITERIA):
        Criterion.objects.create(rubric=rubric, name=name, weight=weight, max_score=10, sort_order=order)
    return rubric


def demo_expert(username, name):
    expert, created = get_user_model().objects.get_or_create(username=username, defaults={"first_name": name})
    if created:
        expert.set_unusable_password()
        expert.save()
        expert.groups.add(Group.objects.get(name=EXPERTS))
    return expert
