"""The platform's public records in the API: the red/black list, approved implementation updates, and each
project's funds, timeline and rating — what the public pages show, and nothing more."""

import datetime
from urllib.parse import urlsplit

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import PageViewRestriction

from shegong.updates.models import UpdatePhoto
from tests.factories import CommentFactory, DisbursementFactory, OrganizationFactory, ProjectPageFactory, UpdateFactory

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()
DAY = datetime.timedelta(days=1)


def items(response):
    assert response.status_code == 200, response.content
    return response.json()["items"]


def names(client, query=""):
    return [entry["name"] for entry in items(client.get(f"/api/v2/redblack/{query}"))]


def test_red_black_list_is_the_public_pages_list_with_validity_and_no_contacts(client, home):
    red = OrganizationFactory(
        name="红榜机构",
        list_status="red",
        list_reason="项目执行优秀",
        listed_on=TODAY - 10 * DAY,
        list_until=TODAY + 365 * DAY,
        contact_phone="0871-11112222",
    )
    OrganizationFactory(name="黑榜机构", list_status="black", list_reason="虚报服务人次", listed_on=TODAY - 30 * DAY)
    OrganizationFactory(
        name="已过期机构", list_status="black", list_reason="旧事", listed_on=TODAY - 400 * DAY, list_until=TODAY - DAY
    )
    OrganizationFactory(name="未列入机构")

    listing = items(client.get("/api/v2/redblack/"))
    assert [entry["name"] for entry in listing] == ["红榜机构", "黑榜机构", "已过期机构"]
    assert listing[0]["listing"] == {
        "status": "red",
        "status_label": "红榜",
        "reason": "项目执行优秀",
        "listed_on": (TODAY - 10 * DAY).isoformat(),
        "until": (TODAY + 365 * DAY).isoformat(),
        "in_force": True,
    }
    assert listing[1]["listing"]["until"] is None and listing[2]["listing"]["in_force"] is False
    assert urlsplit(listing[0]["meta"]["detail_url"]).path == f"/api/v2/organizations/{red.pk}/"

    # In force today: exactly the organizations the public page lists.
    page = client.get("/redblack/").content.decode()
    assert names(client, "?in_force=true") == ["红榜机构", "黑榜机构"]
    assert "红榜机构" in page and "黑榜机构" in page and "已过期机构" not in page
    assert names(client, "?status=black") == ["黑榜机构", "已过期机构"]
    assert names(client, "?status=black&in_force=false") == ["已过期机构"]

    body = client.get("/api/v2/redblack/?fields=*").content.decode()
    assert "0871-11112222" not in body and "联系人甲" not in body
    for bad in ["status=grey", "in_force=maybe", "fields=contact_phone", "contact_phone=0871-11112222"]:
        response = client.get(f"/api/v2/redblack/?{bad}")
        assert response.status_code == 400 and response.json()["message"], bad


def test_only_approved_updates_of_public_projects_with_photo_renditions(client, project, image):
    shown = UpdateFactory(
        project=project, title="五月入户探访", happened_on=datetime.date(2024, 5, 6), status="approved"
    )
    UpdatePhoto.objects.create(update=shown, image=image, caption="社工与老人交谈")
    UpdateFactory(project=project, title="六月社区议事会", happened_on=datetime.date(2024, 6, 2), status="approved")
    pending = UpdateFactory(project=project, title="待审动态")
    UpdateFactory(project=project, title="驳回动态", status="rejected", moderation_note="照片涉及未成年人")
    UpdateFactory(project=ProjectPageFactory(live=False), title="未发布项目的动态", status="approved")
    restricted = ProjectPageFactory()
    PageViewRestriction.objects.create(page=restricted, restriction_type=PageViewRestriction.LOGIN)
    UpdateFactory(project=restricted, title="受限项目的动态", status="approved")

    listing = items(client.get("/api/v2/updates/"))
    assert [entry["title"] for entry in listing] == ["六月社区议事会", "五月入户探访"]
    update = client.get(f"/api/v2/updates/{shown.pk}/").json()
    assert update["project"] == {"id": project.pk, "title": project.title, "slug": project.slug}
    assert (update["happened_on"], update["text"]) == ("2024-05-06", shown.text)
    [photo] = update["photos"]
    assert photo["caption"] == "社工与老人交谈"
    assert photo["image"]["renditions"]["medium"]["url"].startswith("http://testserver/media/images/")
    assert not {"status", "moderation_note", "submitted_by", "moderated_by"} & set(update)

    assert client.get(f"/api/v2/updates/{pending.pk}/").status_code == 404
    other = ProjectPageFactory()
    assert [
        e["title"] for e in items(client.get(f"/api/v2/updates/?project={project.pk}&happened_after=2024-06-01"))
    ] == ["六月社区议事会"]
    assert items(client.get(f"/api/v2/updates/?project={other.pk}")) == []
    for bad in [f"project={restricted.pk}", "project=abc", "happened_after=May", "search=探访", "fields=status"]:
        response = client.get(f"/api/v2/updates/?{bad}")
        assert response.status_code == 400 and response.json()["message"], bad


def test_project_funds_timeline_and_rating_match_the_project_page(client, project):
    DisbursementFactory(project=project, kind="first", paid_on=datetime.date(2022, 3, 15), amount="60000.00")
    DisbursementFactory(
        project=project, kind="midterm", paid_on=datetime.date(2022, 9, 1), amount="60000.00", note="凭证另行归档"
    )
    # Over budget and after the service period, let through by an editor: the payment is public, the reason is not.
    DisbursementFactory(
        project=project,
        kind="final",
        paid_on=datetime.date(2023, 3, 10),
        amount="40000.00",
        override_reason="经局务会研究同意",
    )
    for rating, status in [(4, "approved"), (5, "approved"), (1, "pending"), (1, "rejected")]:
        CommentFactory(
            project=project, rating=rating, status=status, moderation_note="不公开" if status == "rejected" else ""
        )

    data = client.get(f"/api/v2/projects/{project.pk}/").json()
    assert data["funds"] == {
        "budget": "150000.00",
        "spent": "160000.00",
        "remaining": "-10000.00",
        "percent": "106.7",
        "payments": [
            {"paid_on": "2022-03-15", "kind": "first", "kind_label": "首期款", "amount": "60000.00"},
            {"paid_on": "2022-09-01", "kind": "midterm", "kind_label": "中期款", "amount": "60000.00"},
            {"paid_on": "2023-03-10", "kind": "final", "kind_label": "尾款", "amount": "40000.00"},
        ],
    }
    assert data["rating"] == {"average": 4.5, "count": 2}
    assert data["timeline"][:3] == [
        {"stage": "call", "stage_label": "项目征集", "reached_on": None},
        {"stage": "review", "stage_label": "路演评审", "reached_on": None},
        {"stage": "publicity", "stage_label": "立项公示", "reached_on": "2022-02-10"},
    ]
    assert [step["stage"] for step in data["timeline"]] == [
        "call",
        "review",
        "publicity",
        "implementation",
        "evaluation",
        "result",
    ]
    body = client.get("/api/v2/projects/?fields=*").content.decode()
    assert "经局务会研究同意" not in body and "凭证另行归档" not in body

    page = client.get(project.url).content.decode()
    assert "160,000.00" in page and "-10,000.00" in page and "106.7%" in page and "4.5" in page


def test_query_count_of_updates_does_not_grow_with_page_size(client, home, image):
    for n in range(8):
        update = UpdateFactory(project=ProjectPageFactory(), status="approved")
        UpdatePhoto.objects.create(update=update, image=image, caption=f"照片{n}")
    client.get("/api/v2/updates/?limit=8")  # renditions are made on first use
    counts = []
    for limit in (2, 8):
        with CaptureQueriesContext(connection) as queries:
            assert len(items(client.get(f"/api/v2/updates/?limit={limit}"))) == limit
        counts.append(len(queries))
    assert counts[0] == counts[1], counts
