"""Accounts in each role, and the records of the platform's own work."""

import factory
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from shegong.feedback.models import Comment, Objection
from shegong.lifecycle.models import ReviewScore
from shegong.roles.models import StaffProfile
from shegong.updates.models import ImplementationUpdate
from tests.factories import ProjectPageFactory


def account(username, group, department=None, organization=None):
    """A staff account in one of the four groups the roles migration made."""
    user = get_user_model().objects.create_user(username, f"{username}@example.com", "pw")
    user.groups.add(Group.objects.get(name=group))
    if department or organization:
        StaffProfile.objects.create(user=user, department=department, organization=organization)
    return user


class CommentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Comment

    project = factory.SubFactory(ProjectPageFactory)
    name = "居民王女士"
    contact = "13900000000"
    text = "服务很及时，老人们很满意。"


class ObjectionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Objection

    project = factory.SubFactory(ProjectPageFactory)
    name = "居民李先生"
    contact = "13800000000"
    text = "承接机构资质存疑。"


class ReviewScoreFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ReviewScore

    project = factory.SubFactory(ProjectPageFactory)
    reviewer = factory.Sequence(lambda n: f"评审专家{n}")
    score = "87.50"
    comment = "需求调研扎实。"


class UpdateFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ImplementationUpdate

    project = factory.SubFactory(ProjectPageFactory)
    title = factory.Sequence(lambda n: f"第{n}次入户探访")
    text = "走访独居老人 12 户。"
