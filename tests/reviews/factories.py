"""Calls, applications under review, rubrics and expert accounts, as the editor and the experts make them."""

import datetime
import decimal

import factory
import wagtail_factories
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from shegong.calls.enums import ApplicationStatus
from shegong.calls.models import Application, CallPage
from shegong.pages.models import NoticeIndexPage
from shegong.reviews.models import Criterion, Rubric
from shegong.roles.groups import EDITORS, EXPERTS
from shegong.roles.models import StaffProfile
from tests.factories import OrganizationFactory, section


class CallPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = CallPage

    title = factory.Sequence(lambda n: f"2026年度社区服务项目征集{n}")
    slug = factory.Sequence(lambda n: f"call-{n}")
    parent = factory.LazyFunction(lambda: section(NoticeIndexPage))
    opens_on = datetime.date(2026, 10, 1)
    closes_on = datetime.date(2026, 10, 31)


class ApplicationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Application

    call = factory.SubFactory(CallPageFactory)
    organization = factory.SubFactory(OrganizationFactory)
    title = factory.Sequence(lambda n: f"邻里守望互助计划{n}")
    content = "为社区独居老人提供探访、助餐和心理支持服务。"
    budget = decimal.Decimal("120000.00")
    status = ApplicationStatus.REVIEW


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
