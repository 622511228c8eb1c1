"""The application screens as each role uses them: an organization files its own, an editor checks them all."""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.urls import reverse
from django.utils import timezone
from wagtail.documents.models import Document
from wagtail.models import ModelLogEntry
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from shegong.calls.enums import ApplicationStatus
from shegong.calls.models import Application
from shegong.pages.enums import ParticipantKind
from shegong.roles.groups import EDITORS, ORGANIZATIONS
from shegong.snippets.organizations import ListStatus
from tests.calls.factories import ApplicationFactory, CallPageFactory
from tests.factories import CommunityFactory, OrganizationFactory, account

pytestmark = pytest.mark.django_db

ADD = reverse("wagtailsnippets_calls_application:add")
LIST = reverse("wagtailsnippets_calls_application:list")


def edit_url(application):
    return reverse("wagtailsnippets_calls_application:edit", args=[application.pk])


def inspect_url(application):
    return reverse("wagtailsnippets_calls_application:inspect", args=[application.pk])


def logged_in(client, user):
    client.force_login(user)
    return client


@pytest.fixture
def organization(home):
    return OrganizationFactory()


@pytest.fixture
def org_client(client, organization):
    return logged_in(client, account("org", ORGANIZATIONS, organization=organization))


@pytest.fixture
def editor_client(client, home):
    return logged_in(client, account("editor", EDITORS))


def application_form(call, community, budget="120000.00", lines=("100000.00", "20000.00"), **fields):
    return nested_form_data(
        {
            "call": call.pk,
            "title": "社区长者助餐服务项目",
            "content": "为社区 80 岁以上独居老人提供助餐、探访服务。",
            "street": community.parent_id,
            "community": community.pk,
            "social_worker": "李社工",
            "start_date": "2027-03-01",
            "end_date": "2028-02-29",
            "budget": budget,
            "participants": inline_formset([{"name": "社区志愿者服务队", "kind": ParticipantKind.VOLUNTEERS}]),
            "budget_lines": inline_formset(
                [{"item": f"科目{n}", "amount": amount} for n, amount in enumerate(lines, start=1)]
            ),
            "attachments": inline_formset([]),
            **fields,
        }
    )


def test_an_organization_files_a_draft_for_itself(org_client, organization):
    call, community = CallPageFactory(), CommunityFactory()
    response = org_client.post(ADD, application_form(call, community))
    assert response.status_code == 302, response.context["form"].errors
    application = Application.objects.get()
    assert application.organization == organization
    assert application.status == ApplicationStatus.DRAFT
    assert [line.amount for line in application.budget_lines.all()] == [100000, 20000]
    assert application.participants.get().name == "社区志愿者服务队"


def test_the_add_form_does_not_let_an_organization_name_another(org_client, organization):
    other = OrganizationFactory()
    org_client.post(ADD, application_form(CallPageFactory(), CommunityFactory(), organization=other.pk))
    assert Application.objects.get().organization == organization


def test_lines_that_do_not_add_up_are_a_form_error(org_client):
    response = org_client.post(ADD, application_form(CallPageFactory(), CommunityFactory(), budget="150000.00"))
    assert response.status_code == 200
    assert "预算明细合计 120,000.00 元，与申请预算 150,000.00 元不一致" in response.content.decode()
    assert not Application.objects.exists()


def test_a_closed_call_is_not_offered(org_client):
    closed = CallPageFactory(closes_on=timezone.localdate() - datetime.timedelta(days=1))
    response = org_client.post(ADD, application_form(closed, CommunityFactory()))
    assert response.status_code == 200
    assert "call" in response.context["form"].errors
    assert not Application.objects.exists()


def test_a_blacklisted_organization_cannot_save_an_application(client, home):
    listed = OrganizationFactory(
        list_status=ListStatus.BLACK, list_reason="虚报服务人次", listed_on=timezone.localdate()
    )
    logged_in(client, account("listed", ORGANIZATIONS, organization=listed))
    response = client.post(ADD, application_form(CallPageFactory(), CommunityFactory()))
    assert response.status_code == 200
    assert "已列入黑榜" in response.content.decode()
    assert not Application.objects.exists()


def test_an_editor_cannot_file_for_a_blacklisted_organization(editor_client):
    listed = OrganizationFactory(
        list_status=ListStatus.BLACK, list_reason="虚报服务人次", listed_on=timezone.localdate()
    )
    response = editor_client.post(ADD, application_form(CallPageFactory(), CommunityFactory(), organization=listed.pk))
    assert response.status_code == 200
    assert "已列入黑榜" in response.content.decode()
    assert not Application.objects.exists()


def test_an_organization_sees_and_opens_only_its_own_applications(org_client, organization):
    own = ApplicationFactory(organization=organization, title="本机构的申报")
    other = ApplicationFactory(title="别家机构的申报")
    listing = org_client.get(LIST).content.decode()
    assert "本机构的申报" in listing and "别家机构的申报" not in listing
    for url in [
        edit_url(other),
        inspect_url(other),
        reverse("wagtailsnippets_calls_application:history", args=[other.pk]),
        reverse("wagtailsnippets_calls_application:delete", args=[other.pk]),
    ]:
        assert org_client.get(url).status_code == 404, url
    assert org_client.get(inspect_url(own)).status_code == 200
    assert org_client.post(reverse("calls_application_submit", args=[other.pk])).status_code == 404
    assert Application.objects.get(pk=other.pk).status == ApplicationStatus.DRAFT


def test_an_organization_submits_and_then_cannot_edit(org_client, organization):
    application = ApplicationFactory(organization=organization)
    response = org_client.post(reverse("calls_application_submit", args=[application.pk]), follow=True)
    assert "已提交" in response.content.decode()
    application.refresh_from_db()
    assert application.status == ApplicationStatus.SUBMITTED
    response = org_client.post(edit_url(application), application_form(application.call, CommunityFactory()))
    assert response.status_code == 302
    application.refresh_from_db()
    assert application.title != "社区长者助餐服务项目"


def test_submitting_after_the_deadline_says_why(org_client, organization):
    application = ApplicationFactory(organization=organization)
    application.call.closes_on = timezone.localdate() - datetime.timedelta(days=1)
    application.call.save_revision().publish()
    response = org_client.post(reverse("calls_application_submit", args=[application.pk]), follow=True)
    assert response.status_code == 200
    assert "截止申报，不能再提交" in response.content.decode()
    assert Application.objects.get(pk=application.pk).status == ApplicationStatus.DRAFT


def test_an_organization_cannot_decide_its_own_application(org_client, organization):
    application = ApplicationFactory(organization=organization)
    application.submit(None)
    response = org_client.post(
        reverse("calls_application_decide", args=[application.pk]), {"status": ApplicationStatus.REVIEW}, follow=True
    )
    assert "没有权限" in response.content.decode() or response.status_code == 403
    assert Application.objects.get(pk=application.pk).status == ApplicationStatus.SUBMITTED


def test_an_editor_rejects_with_a_reason_the_organization_then_reads(client, editor_client, organization):
    application = ApplicationFactory(organization=organization)
    application.submit(None)
    decide = reverse("calls_application_decide", args=[application.pk])
    response = editor_client.post(decide, {"status": ApplicationStatus.REJECTED, "reason": ""}, follow=True)
    assert "须填写理由" in response.content.decode()
    assert Application.objects.get(pk=application.pk).status == ApplicationStatus.SUBMITTED

    editor_client.post(decide, {"status": ApplicationStatus.REJECTED, "reason": "缺少上年度审计报告。"})
    application.refresh_from_db()
    assert application.status == ApplicationStatus.REJECTED
    assert ModelLogEntry.objects.for_instance(application).filter(action="shegong.application.status").exists()

    client.logout()
    logged_in(client, account("org", ORGANIZATIONS, organization=organization))
    page = client.get(inspect_url(application)).content.decode()
    assert "未立项" in page
    assert "缺少上年度审计报告。" in page
    assert "状态由“已提交”变更为“未立项”" in page


def test_an_editor_passes_formal_check_to_roadshow_review(editor_client):
    application = ApplicationFactory()
    application.submit(None)
    decide = reverse("calls_application_decide", args=[application.pk])
    editor_client.post(decide, {"status": ApplicationStatus.FORMAL_CHECK})
    editor_client.post(decide, {"status": ApplicationStatus.REVIEW, "reason": "材料齐全"})
    application.refresh_from_db()
    assert application.status == ApplicationStatus.REVIEW
    # 立项 is only through acceptance, which makes the project.
    editor_client.post(decide, {"status": ApplicationStatus.APPROVED})
    assert Application.objects.get(pk=application.pk).status == ApplicationStatus.REVIEW


def uploaded(name, user):
    return Document.objects.create(title=name, file=ContentFile(b"%PDF-1.4 demo", name=name), uploaded_by_user=user)


def test_a_disallowed_attachment_is_a_form_error_on_its_line(org_client, organization):
    user = get_user_model().objects.get(username="org")
    script = uploaded("安装程序.exe", user)
    data = application_form(CallPageFactory(), CommunityFactory())
    data.update(nested_form_data({"attachments": inline_formset([{"document": script.pk, "label": "申报书"}])}))
    response = org_client.post(ADD, data)
    assert response.status_code == 200
    assert "文件类型不允许" in response.content.decode()
    assert not Application.objects.exists()


def test_an_organization_chooses_among_its_own_organizations_documents_only(org_client, organization):
    colleague = account("org2", ORGANIZATIONS, organization=organization)
    stranger = account("other", ORGANIZATIONS, organization=OrganizationFactory())
    uploaded("同事上传的登记证书.pdf", colleague)
    uploaded("别家机构的审计报告.pdf", stranger)
    page = org_client.get(reverse("wagtaildocs_chooser:choose")).json()["html"]
    assert "同事上传的登记证书" in page
    assert "别家机构的审计报告" not in page


def test_application_materials_are_not_served_to_the_public_or_other_organizations(client, home):
    organization = OrganizationFactory()
    document = uploaded("审计报告.pdf", account("org", ORGANIZATIONS, organization=organization))
    # The public is sent to log in (the collection's privacy setting) or refused: never served.
    assert client.get(document.url).status_code in (302, 404)
    client.force_login(account("other", ORGANIZATIONS, organization=OrganizationFactory()))
    assert client.get(document.url).status_code == 404
    client.force_login(account("colleague", ORGANIZATIONS, organization=organization))
    assert client.get(document.url).status_code == 200
    client.force_login(account("editor", EDITORS))
    assert client.get(document.url).status_code == 200


def test_documents_editors_upload_stay_public(client, home):
    document = uploaded("政策解读.pdf", account("editor", EDITORS))
    assert client.get(document.url).status_code == 200
