"""What an application must satisfy, whichever way it is filed: deadline, black list, budget, materials."""

import datetime
import decimal

import pytest
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.utils import timezone
from wagtail.documents.models import Document

from shegong.calls.enums import ApplicationStatus
from shegong.calls.models import ApplicationAttachment
from shegong.snippets.organizations import ListStatus
from tests.calls.factories import ApplicationFactory, BudgetLineFactory
from tests.factories import OrganizationFactory

pytestmark = pytest.mark.django_db


def blacklisted():
    return OrganizationFactory(
        list_status=ListStatus.BLACK,
        list_reason="虚报服务人次",
        listed_on=timezone.localdate() - datetime.timedelta(days=30),
        list_until=timezone.localdate() + datetime.timedelta(days=300),
    )


def test_submitting_before_the_deadline_files_the_application(home, django_user_model):
    user = django_user_model.objects.create_user("org")
    application = ApplicationFactory()
    application.submit(user)
    application.refresh_from_db()
    assert application.status == ApplicationStatus.SUBMITTED
    assert application.submitted_at is not None


def test_the_closing_day_counts_until_midnight(home):
    application = ApplicationFactory(call__closes_on=timezone.localdate())
    application.submit(None)
    assert application.status == ApplicationStatus.SUBMITTED


def test_after_the_deadline_submitting_is_refused_and_the_draft_stays(home):
    application = ApplicationFactory(call__closes_on=timezone.localdate() - datetime.timedelta(days=1))
    with pytest.raises(ValidationError, match="已于 .* 截止申报"):
        application.submit(None)
    application.refresh_from_db()
    assert application.status == ApplicationStatus.DRAFT
    assert application.submitted_at is None


def test_a_blacklisted_organization_cannot_submit(home):
    application = ApplicationFactory()
    organization = application.organization
    organization.list_status, organization.list_reason = ListStatus.BLACK, "虚报服务人次"
    organization.listed_on = timezone.localdate()
    organization.save()
    with pytest.raises(ValidationError, match="已列入黑榜"):
        application.submit(None)
    assert ApplicationFactory._meta.model.objects.get(pk=application.pk).status == ApplicationStatus.DRAFT


def test_an_expired_black_listing_no_longer_stops_an_application(home):
    past = OrganizationFactory(
        list_status=ListStatus.BLACK,
        list_reason="虚报服务人次",
        listed_on=datetime.date(2020, 1, 1),
        list_until=datetime.date(2021, 1, 1),
    )
    application = ApplicationFactory(organization=past)
    application.submit(None)
    assert application.status == ApplicationStatus.SUBMITTED


def test_a_blacklisted_organization_is_refused_by_the_model_check(home):
    application = ApplicationFactory.build(organization=blacklisted(), call=ApplicationFactory().call)
    with pytest.raises(ValidationError, match="已列入黑榜"):
        application.full_clean(exclude=["street"])


def test_the_budget_lines_must_add_up_before_submitting(home):
    application = ApplicationFactory()
    BudgetLineFactory(application=application, item="活动物料", amount=decimal.Decimal("5000.00"))
    with pytest.raises(ValidationError, match="预算明细合计 105,000.00 元"):
        application.submit(None)


def test_a_budget_over_the_calls_ceiling_is_refused(home):
    application = ApplicationFactory(budget=decimal.Decimal("250000.00"), line__amount=decimal.Decimal("250000.00"))
    with pytest.raises(ValidationError, match="预算上限 200,000.00 元"):
        application.submit(None)


def test_an_incomplete_draft_names_what_is_missing(home):
    application = ApplicationFactory(content="", street=None)
    with pytest.raises(ValidationError, match="项目内容、街道"):
        application.submit(None)


def test_a_submitted_application_is_not_submitted_twice(home):
    application = ApplicationFactory()
    application.submit(None)
    with pytest.raises(ValidationError, match="不能重复提交"):
        application.submit(None)


def attachment(name, size=100):
    document = Document.objects.create(title=name, file=ContentFile(b"x" * size, name=name))
    return ApplicationAttachment(application=ApplicationFactory(), document=document)


@pytest.mark.parametrize("name", ["申报书.pdf", "申报书.docx", "申报书.doc", "登记证书.jpg", "登记证书.PNG"])
def test_pdf_word_and_images_are_accepted(home, name):
    attachment(name).full_clean()


@pytest.mark.parametrize("name", ["报价.xlsx", "脚本.exe", "压缩包.zip"])
def test_other_file_types_are_refused(home, name):
    with pytest.raises(ValidationError, match="文件类型不允许"):
        attachment(name).full_clean()


def test_a_file_over_the_size_limit_is_refused(home, settings):
    settings.SHEGONG_APPLICATION_ATTACHMENT_MAX_SIZE = 1024 * 1024
    with pytest.raises(ValidationError, match="超过 1 MB"):
        attachment("申报书.pdf", size=1024 * 1024 + 1).full_clean()
