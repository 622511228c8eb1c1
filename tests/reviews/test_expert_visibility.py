"""An expert sees the applications assigned to them, their attachments, and nothing else in the admin."""

import json
import re

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse
from wagtail.documents.models import Document

from shegong.calls.models import ApplicationAttachment
from shegong.reviews.actions import assign_expert

from .conftest import score
from .factories import editor, expert, under_review

pytestmark = pytest.mark.django_db


@pytest.fixture
def two_experts(rubric):
    chief = editor()
    mine = under_review(rubric.call, title="四点半课堂")
    others = under_review(rubric.call, title="时间银行")
    wang, li = expert("王专家"), expert("李专家")
    return {
        "wang": wang,
        "li": li,
        "wang_mine": assign_expert(mine, wang, chief),
        "li_mine": assign_expert(mine, li, chief),
        "li_others": assign_expert(others, li, chief),
    }


def test_the_expert_lists_only_their_assignments(client, two_experts):
    client.force_login(two_experts["wang"])
    page = client.get(reverse("reviews:mine")).content.decode()
    assert "四点半课堂" in page
    assert "时间银行" not in page


def test_the_expert_reads_the_application_and_downloads_its_attachments(client, two_experts):
    application = two_experts["wang_mine"].application
    document = Document.objects.create(title="申报书", file=ContentFile(b"%PDF-1.4 shenbao", name="shenbaoshu.pdf"))
    attachment = ApplicationAttachment.objects.create(application=application, document=document, label="项目申报书")
    client.force_login(two_experts["wang"])
    sheet = client.get(reverse("reviews:score", args=[two_experts["wang_mine"].pk])).content.decode()
    assert application.content in sheet and "项目申报书" in sheet
    link = reverse("reviews:attachment", args=[two_experts["wang_mine"].pk, attachment.pk])
    assert link in sheet
    assert b"".join(client.get(link).streaming_content) == b"%PDF-1.4 shenbao"

    # Through another expert's assignment, the same file is not found.
    client.force_login(two_experts["li"])
    assert client.get(link).status_code == 404


def test_another_experts_score_sheet_is_not_found(client, two_experts):
    score(client, two_experts["li"], two_experts["li_mine"], 9, 9, 9, comment="李的意见")
    client.force_login(two_experts["wang"])
    assert client.get(reverse("reviews:score", args=[two_experts["li_others"].pk])).status_code == 404
    assert client.get(reverse("reviews:score", args=[two_experts["li_mine"].pk])).status_code == 404
    sheet = client.get(reverse("reviews:score", args=[two_experts["wang_mine"].pk])).content.decode()
    assert "李的意见" not in sheet and "李专家" not in sheet


def refused(response):
    """Wagtail answers a refused admin request by sending the user back to the dashboard (or the login)."""
    return response.status_code == 403 or (
        response.status_code == 302
        and response.url.split("?")[0] in (reverse("wagtailadmin_home"), reverse("wagtailadmin_login"))
    )


@pytest.mark.parametrize(
    "url",
    [
        "wagtailsnippets_reviews_assignment:list",
        "wagtailsnippets_reviews_rubric:list",
        "wagtailsnippets_reviews_decision:list",
        "wagtailsnippets_reviews_experttie:list",
        "wagtailadmin_explore_root",
        "wagtaildocs:index",
    ],
)
def test_the_expert_cannot_open_other_admin_screens(client, two_experts, url):
    client.force_login(two_experts["wang"])
    assert refused(client.get(reverse(url)))


def test_the_expert_cannot_see_the_ranking_or_decide(client, two_experts, rubric):
    client.force_login(two_experts["wang"])
    application = two_experts["wang_mine"].application
    assert refused(client.get(reverse("reviews:ranking", args=[rubric.call.pk])))
    assert refused(client.get(reverse("reviews:decide", args=[application.pk])))
    assert refused(client.post(reverse("reviews:close", args=[rubric.pk])))
    rubric.refresh_from_db()
    assert not rubric.is_closed


def test_the_experts_menu_shows_my_reviews_only(client, two_experts):
    client.force_login(two_experts["wang"])
    dashboard = client.get(reverse("wagtailadmin_home")).content.decode()
    sidebar = re.search(r'<script id="wagtail-sidebar-props" type="application/json">(.*?)</script>', dashboard, re.S)
    menu = json.dumps(json.loads(sidebar.group(1)), ensure_ascii=False)
    assert "我的评审" in menu
    for other in ["评分细则", "专家分配", "路演评审", "服务项目", "资金监管", "项目申报", "文档"]:
        assert other not in menu
