"""Nothing that is not public reaches a consuming site: every API endpoint, the search API and the public pages are crawled."""

import json
from urllib.parse import urlsplit

import pytest
from django.apps import apps
from wagtail.documents import get_document_model
from wagtail.models import Collection, CollectionViewRestriction, PageViewRestriction

from tests.factories import NoticePageFactory, OrganizationFactory, ProjectPageFactory

from .listings import LISTINGS

pytestmark = pytest.mark.django_db


@pytest.fixture
def secrets(home):
    """Builds one of each kind of non-public content; returns the words that must never be served."""
    words = []

    org = OrganizationFactory(
        name="公开的社会组织",
        contact_person="联系人丁",
        contact_phone="13900000001",
        contact_email="ding@example.com",
        address="保密路99号",
    )
    words += ["联系人丁", "13900000001", "ding@example.com", "保密路99号"]

    published = ProjectPageFactory(title="公开项目", summary="公开摘要", organization=org)
    published.save_revision().publish()
    published.title, published.summary = "草稿标题甲", "草稿摘要甲"
    published.save_revision()  # a newer draft, not published
    words += ["草稿标题甲", "草稿摘要甲"]

    private = ProjectPageFactory(title="受限项目乙", summary="受限摘要乙")
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    words += ["受限项目乙", "受限摘要乙"]

    notice = NoticePageFactory(title="公开公告")
    notice.related_projects.create(project=private)
    notice.save()

    never = ProjectPageFactory(title="未发布项目丙", live=False)
    words.append(never.title)

    restricted = Collection.get_first_root_node().add_child(name="内部资料")
    CollectionViewRestriction.objects.create(collection=restricted, restriction_type=CollectionViewRestriction.LOGIN)
    get_document_model().objects.create(title="受限文件庚", collection=restricted, file="documents/secret.pdf")
    words.append("受限文件庚")

    if apps.is_installed("shegong.feedback"):
        from shegong.feedback.models import Comment

        Comment.objects.create(project=published, name="市民", text="待审留言戊")
        Comment.objects.create(
            project=published, name="市民", text="已通过的留言", contact="13800000002", status="approved"
        )
        words += ["待审留言戊", "13800000002"]
    from shegong.funds.models import Disbursement
    from shegong.updates.models import ImplementationUpdate

    ImplementationUpdate.objects.create(project=published, title="待审动态辛", text="待审内容辛")
    ImplementationUpdate.objects.create(
        project=published, title="驳回动态壬", text="驳回内容壬", status="rejected", moderation_note="驳回理由癸"
    )
    ImplementationUpdate.objects.create(
        project=published, title="公开动态", text="已通过", status="approved", moderation_note="审核备注子"
    )
    ImplementationUpdate.objects.create(project=private, title="受限项目动态寅", text="受限", status="approved")
    Disbursement.objects.create(
        project=published,
        kind="final",
        paid_on="2030-01-01",
        amount="999999.00",
        note="拨付备注丑",
        override_reason="放行理由卯",
    )
    words += [
        "待审动态辛",
        "待审内容辛",
        "驳回动态壬",
        "驳回内容壬",
        "驳回理由癸",
        "审核备注子",
        "受限项目动态寅",
        "拨付备注丑",
        "放行理由卯",
    ]
    if apps.is_installed("shegong.lifecycle"):
        from shegong.lifecycle.models import ReviewScore

        ReviewScore.objects.create(project=published, reviewer="评审专家己", score="87.65", comment="评审意见己")
        words += ["评审专家己", "87.65", "评审意见己"]
    return words


def crawl(client):
    """Every listing with all fields, every item's detail, regions, stats: (url, body) pairs."""
    seen = {}
    for listing in LISTINGS:
        response = client.get(listing, {"fields": "*", "limit": 100})
        assert response.status_code == 200, listing
        seen[listing] = response.content.decode()
        for item in response.json()["items"]:
            detail = urlsplit(item["meta"]["detail_url"]).path
            if detail not in seen:
                seen[detail] = client.get(detail).content.decode()
    for url in ["/api/v2/", "/api/v2/regions/tree/", "/api/v2/stats/", "/api/v2/search/?q=项目"]:
        seen[url] = client.get(url).content.decode()
    for listing in ["/api/v2/projects/", "/api/v2/policies/", "/api/v2/notices/", "/api/v2/redblack/"]:
        response = client.get(listing, {"format": "csv", "fields": "*"})
        assert response.status_code == 200, listing
        seen[f"{listing}?format=csv"] = response.content.decode("utf-8-sig")
    return seen


def test_nothing_private_in_any_endpoint(client, secrets):
    served = crawl(client)
    assert "/api/v2/projects/" in served and len(served) > len(LISTINGS)
    assert "公开项目" in served["/api/v2/projects/"]  # the crawl does see the published version
    assert "公开动态" in served["/api/v2/updates/"] and "999999.00" in served["/api/v2/projects/"]
    assert "公开项目" in served["/api/v2/projects/?format=csv"]
    leaks = [(url, word) for url, body in served.items() for word in secrets if word in body]
    assert leaks == []


@pytest.fixture
def subscriber(db):
    from shegong.webhooks.models import Subscriber

    return Subscriber.objects.create(name="区政府门户网站", url="http://127.0.0.1:9/hook")


def test_nothing_private_in_any_webhook(subscriber, secrets):
    from shegong.webhooks.models import Delivery

    # Everything `secrets` built, and its approved records approved again, as a moderator would.
    for model_name in ("feedback.Comment", "updates.ImplementationUpdate"):
        for record in apps.get_model(model_name).objects.all():
            record.save()
    payloads = [json.dumps(delivery.payload, ensure_ascii=False) for delivery in Delivery.objects.all()]
    events = {delivery.event for delivery in Delivery.objects.all()}
    assert {"organization.changed", "payment.changed", "update.published", "comment.published"} <= events
    assert [(payload, word) for payload in payloads for word in secrets if word in payload] == []


def test_searching_for_private_words_finds_nothing(client, secrets):
    for word in secrets:
        for url in ["/api/v2/projects/", "/api/v2/pages/", "/api/v2/organizations/", "/api/v2/documents/"]:
            response = client.get(url, {"search": word})
            assert response.status_code == 200, (url, word, response.content)
            assert response.json()["items"] == [] or word not in response.content.decode(), (url, word)
        response = client.get("/api/v2/search/", {"q": word})
        assert response.status_code == 200 and word not in response.content.decode(), word


def test_public_pages_and_feeds_do_not_show_them(client, secrets):
    for url in ["/", "/projects/", "/notices/", "/projects/gd-test-000/"]:
        body = client.get(url).content.decode()
        assert [word for word in secrets if word in body] == [], url


def test_notice_links_only_to_public_projects(client, secrets):
    notice = client.get("/api/v2/notices/", {"fields": "related_projects"}).json()["items"][0]
    assert notice["related_projects"] == []


def test_a_restricted_page_has_no_detail(client, secrets):
    from shegong.pages.models import ProjectPage

    private = ProjectPage.objects.get(title="受限项目乙")
    assert client.get(f"/api/v2/projects/{private.pk}/").status_code == 404
    assert client.get(f"/api/v2/pages/{private.pk}/").status_code == 404
