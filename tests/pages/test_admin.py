"""Editors work in the Wagtail admin, in Chinese, by posting its own forms."""

import pytest
from django.urls import reverse
from wagtail.models import Page
from wagtail.test.utils.form_data import nested_form_data, querydict_from_html, rich_text, streamfield

from shegong.pages.models import (
    ContentPage,
    HomePage,
    NoticeIndexPage,
    NoticePage,
    PolicyIndexPage,
    PolicyPage,
    ProjectIndexPage,
    ProjectPage,
    StationIndexPage,
    StationPage,
)
from shegong.snippets.models import Department, ProjectCategory, Region, SocialOrganization
from tests.factories import (
    CategoryFactory,
    CommunityFactory,
    DepartmentFactory,
    OrganizationFactory,
    ProjectPageFactory,
)


def add_form(client, model, parent):
    url = reverse("wagtailadmin_pages:add", args=("pages", model._meta.model_name, parent.pk))
    response = client.get(url)
    assert response.status_code == 200
    return url, querydict_from_html(response.content.decode(), form_id="page-edit-form")


def publish(client, url, data, **fields):
    for key, value in fields.items():
        data[key] = value
    data["action-publish"] = "action-publish"
    return client.post(url, data)


def body(text):
    return nested_form_data({"body": streamfield([("paragraph", rich_text(f"<p>{text}</p>"))])})


def with_body(data, text):
    for key in [k for k in data if k.startswith("body-")]:
        del data[key]
    data.update(body(text))
    return data


def test_admin_speaks_chinese(admin_client, home):
    response = admin_client.get("/admin/")
    assert response.status_code == 200
    assert "仪表板" in response.content.decode() or "控制面板" in response.content.decode()


def test_editor_publishes_a_project(admin_client, home):
    category, department = CategoryFactory(name="社区营造"), DepartmentFactory(name="官渡区民政局")
    organization, community = OrganizationFactory(), CommunityFactory()
    url, data = add_form(admin_client, ProjectPage, ProjectIndexPage.objects.get())
    response = publish(
        admin_client,
        url,
        with_body(data, "为困难群众提供服务"),
        title="关上社区营造项目",
        slug="gd-2022-100",
        code="GD-2022-100",
        category=category.pk,
        purchaser=department.pk,
        organization=organization.pk,
        street=community.parent.pk,
        community=community.pk,
        budget="180000.00",
        start_date="2022-03-01",
        end_date="2023-02-28",
        stage="implementation",
        social_worker="李娜",
        summary="社区营造试点",
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    project = ProjectPage.objects.get(code="GD-2022-100")
    assert project.live and project.community == community and str(project.budget) == "180000.00"
    assert "为困难群众提供服务" in str(project.body)


def test_the_project_form_reports_a_bad_period_and_a_negative_budget(admin_client, home):
    url, data = add_form(admin_client, ProjectPage, ProjectIndexPage.objects.get())
    response = publish(
        admin_client,
        url,
        with_body(data, "正文"),
        title="错误项目",
        slug="bad",
        code="GD-2022-101",
        budget="-10",
        start_date="2022-03-01",
        end_date="2022-01-01",
        stage="call",
    )
    assert response.status_code == 200
    text = response.content.decode()
    assert "服务期结束日期不能早于开始日期" in text or "确保该值大于或等于0" in text
    assert not ProjectPage.objects.filter(code="GD-2022-101").exists()


def test_editor_publishes_a_policy(admin_client, home):
    url, data = add_form(admin_client, PolicyPage, PolicyIndexPage.objects.get())
    response = publish(
        admin_client,
        url,
        with_body(data, "第一条 为规范社会工作服务项目管理"),
        title="官渡区社会工作服务项目管理办法",
        slug="guanban-2022-8",
        document_number="官办发〔2022〕8号",
        level="district",
        issuer="官渡区人民政府办公室",
        issued_on="2022-04-01",
        effective_on="2022-05-01",
        status="valid",
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    assert PolicyPage.objects.get(document_number="官办发〔2022〕8号").live


def test_editor_publishes_a_publicity_notice_linked_to_a_project(admin_client, home):
    project = ProjectPageFactory()
    url, data = add_form(admin_client, NoticePage, NoticeIndexPage.objects.get())
    data.update(
        {
            "related_projects-TOTAL_FORMS": "1",
            "related_projects-INITIAL_FORMS": "0",
            "related_projects-0-project": str(project.pk),
            "related_projects-0-ORDER": "1",
            "related_projects-0-DELETE": "",
            "related_projects-0-id": "",
        }
    )
    response = publish(
        admin_client,
        url,
        with_body(data, "现予公示"),
        title="立项公示",
        slug="approval-2022",
        kind="approval_publicity",
        published_on="2022-02-01",
        publicity_until="2022-02-08",
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    notice = NoticePage.objects.get(slug="approval-2022")
    assert notice.live and [link.project_id for link in notice.related_projects.all()] == [project.pk]


def test_a_publicity_notice_without_its_period_is_refused(admin_client, home):
    url, data = add_form(admin_client, NoticePage, NoticeIndexPage.objects.get())
    response = publish(
        admin_client,
        url,
        with_body(data, "公示"),
        title="评估结果公示",
        slug="evaluation",
        kind="evaluation_publicity",
        published_on="2022-02-01",
    )
    assert response.status_code == 200
    assert "须填写公示截止日期" in response.content.decode()
    assert not NoticePage.objects.filter(slug="evaluation").exists()


def test_editor_publishes_a_station_and_a_content_page(admin_client, home):
    street = CommunityFactory().parent
    url, data = add_form(admin_client, StationPage, StationIndexPage.objects.get())
    response = publish(
        admin_client,
        url,
        with_body(data, "站点介绍"),
        title="关上街道社会工作服务站",
        slug="guanshang",
        level="street",
        region=street.pk,
        staff_count="3",
        services="养老服务\n儿童关爱",
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    assert StationPage.objects.get(slug="guanshang").service_list == ["养老服务", "儿童关爱"]

    url, data = add_form(admin_client, ContentPage, HomePage.objects.get())
    response = publish(admin_client, url, with_body(data, "平台简介"), title="关于平台", slug="about")
    assert response.status_code == 302
    assert ContentPage.objects.get(slug="about").live


def test_the_admin_offers_only_the_page_types_a_section_takes(admin_client, home):
    response = admin_client.get(reverse("wagtailadmin_pages:add_subpage", args=(ProjectIndexPage.objects.get().pk,)))
    # A section with a single child type goes straight to that type's form.
    assert response.status_code == 302 and "projectpage" in response.url
    # Wagtail answers a page type the parent does not take by sending the editor back to the dashboard.
    response = admin_client.get(reverse("wagtailadmin_pages:add", args=("pages", "policypage", home.pk)))
    assert response.status_code == 302 and response.url == reverse("wagtailadmin_home")


SNIPPETS = [
    (Department, {"name": "官渡区残联", "short_name": "区残联", "sort_order": "0"}),
    (ProjectCategory, {"name": "助残服务", "sort_order": "0"}),
    (
        SocialOrganization,
        {"name": "昆明市官渡区同心社会工作服务中心", "credit_code": "91350100M000100Y43", "rating": "3A"},
    ),
]


@pytest.mark.parametrize("model, fields", SNIPPETS, ids=lambda v: getattr(v, "__name__", ""))
def test_each_snippet_can_be_listed_added_edited_and_deleted(admin_client, home, model, fields):
    name = model._meta.model_name
    prefix = f"wagtailsnippets_snippets_{name}"
    assert admin_client.get(reverse(f"{prefix}:list")).status_code == 200
    add_url = reverse(f"{prefix}:add")
    data = querydict_from_html(admin_client.get(add_url).content.decode(), form_id="w-editor-form")
    data.update(fields)
    response = admin_client.post(add_url, data)
    assert response.status_code == 302, response.content.decode()[-3000:]
    record = model.objects.get(name=fields["name"])

    edit_url = reverse(f"{prefix}:edit", args=(record.pk,))
    data = querydict_from_html(admin_client.get(edit_url).content.decode(), form_id="w-editor-form")
    data["name"] = fields["name"] + "（更名）"
    assert admin_client.post(edit_url, data).status_code == 302
    record.refresh_from_db()
    assert record.name.endswith("（更名）")

    listing = admin_client.get(reverse(f"{prefix}:list"), {"q": record.name[:4]})
    assert record.name in listing.content.decode()
    delete_url = reverse(f"{prefix}:delete", args=(record.pk,))
    assert admin_client.get(delete_url).status_code == 200
    assert admin_client.post(delete_url).status_code == 302
    assert not model.objects.filter(pk=record.pk).exists()


def test_a_region_is_added_under_its_parent(admin_client, home):
    district = Region.objects.create(name="官渡区", level="district")
    add_url = reverse("wagtailsnippets_snippets_region:add")
    response = admin_client.post(add_url, {"name": "关上街道", "level": "street", "parent": district.pk, "code": ""})
    assert response.status_code == 302
    response = admin_client.post(add_url, {"name": "孤立社区", "level": "community", "parent": district.pk, "code": ""})
    assert response.status_code == 200 and "上级必须是街道（乡镇）" in response.content.decode()
    assert admin_client.get(reverse("wagtailsnippets_snippets_region:list"), {"level": "street"}).status_code == 200


def test_a_wrong_credit_code_is_a_form_error(admin_client, home):
    add_url = reverse("wagtailsnippets_snippets_socialorganization:add")
    response = admin_client.post(
        add_url, {"name": "错误代码中心", "credit_code": "91350100M000100Y44", "list_status": ""}
    )
    assert response.status_code == 200
    assert "第 18 位校验码不正确" in response.content.decode()
    assert not SocialOrganization.objects.filter(name="错误代码中心").exists()


def test_organization_list_filters_by_red_black_status(admin_client, home):
    OrganizationFactory(name="黑榜机构", list_status="black", list_reason="挪用资金", listed_on="2023-01-01")
    OrganizationFactory(name="普通机构")
    response = admin_client.get(reverse("wagtailsnippets_snippets_socialorganization:list"), {"list_status": "black"})
    text = response.content.decode()
    assert "黑榜机构" in text and "普通机构" not in text


def test_every_page_in_the_tree_is_editable(admin_client, home):
    ProjectPageFactory()
    for page in Page.objects.filter(depth__gte=2):
        assert admin_client.get(reverse("wagtailadmin_pages:edit", args=(page.pk,))).status_code == 200
