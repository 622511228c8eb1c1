"""Applications under review, rubrics and expert accounts, as the editor and the experts make them."""

import factory
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from shegong.calls.enums import ApplicationStatus
from shegong.reviews.models import Criterion, Rubric
from shegong.roles.groups import EDITORS, EXPERTS
from shegong.roles.models import StaffProfile
from tests.calls.factories import ApplicationFactory, CallPageFactory


def under_review(call, **kwargs):
    """An application its organization submitted and an editor passed on to 路演评审."""
    application = ApplicationFactory(call=call, **kwargs)
    application.submit(application_user())
    application.move(ApplicationStatus.REVIEW, "材料齐全", application_user())
    return application


def application_user():
    return get_user_model().objects.get_or_create(username="形式审查员")[0]


class RubricFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Rubric
        skip_postgeneration_save = True

    call = factory.SubFactory(CallPageFactory)

    @factory.post_generation
    def criteria(rubric, create, extracted, **kwargs):
        """(name, weight, max_score) triples; by default 需求分析 40 / 服务设计 40 / 预算合理性 20, each out of 10."""
        for name, weight, max_score in extracted or [
            ("需求分析", 40, 10),
            ("服务设计", 40, 10),
            ("预算合理性", 20, 10),
        ]:
            Criterion.objects.create(rubric=rubric, name=name, weight=weight, max_score=max_score)


def expert(username, organization=None):
    """An expert account; with `organization`, the account also belongs to that organization (its StaffProfile)."""
    user = get_user_model().objects.create_user(username, f"{username}@example.com", "pw", first_name=username)
    user.groups.add(Group.objects.get(name=EXPERTS))
    if organization is not None:
        StaffProfile.objects.create(user=user, organization=organization)
    return user


def editor(username="editor"):
    user = get_user_model().objects.create_user(username, f"{username}@example.com", "pw")
    user.groups.add(Group.objects.get(name=EDITORS))
    return user
