"""Duplicate applications: measured on labelled pairs, held back in the admin, refused in the import."""

import json
import os
import re
from dataclasses import replace
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.urls import reverse
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from shegong.duplicates.detection import likely_duplicates, unconfirmed_duplicates
from shegong.duplicates.models import DuplicateConfirmation
from shegong.pages.models import ProjectIndexPage, ProjectPage
from tests.admin_forms import admin_form
from tests.factories import CommunityFactory, OrganizationFactory, ProjectPageFactory, StreetFactory

from .applications import PERIODS, save_pair, text_fields
from .cases import CHILDREN, ELDERLY, ELDERLY_REWORDED, HELD_OUT, TUNING

pytestmark = pytest.mark.django_db

DEMO = Path(__file__).resolve().parents[2] / "fixtures" / "demo.json"


def precision_and_recall(pairs):
    flagged = []
    for pair in pairs:
        earlier, later = save_pair(pair)
        flagged.append(earlier.pk in {m.project.pk for m in unconfirmed_duplicates(later)})
    hits = sum(f and p.duplicate for f, p in zip(flagged, pairs, strict=True))
    misjudged = [p.name for f, p in zip(flagged, pairs, strict=True) if f != p.duplicate]
    return hits / (sum(flagged) or 1), hits / sum(p.duplicate for p in pairs), misjudged


def test_labelled_pairs_are_judged_as_a_reviewer_would(home):
    assert len(TUNING) + len(HELD_OUT) >= 40
    precision, recall, misjudged = precision_and_recall(TUNING + HELD_OUT)
    assert precision >= 0.95 and recall >= 0.95, misjudged


def publish(client, page):
    data = admin_form(client, reverse("wagtailadmin_pages:edit", args=[page.pk]), "page-edit-form")
    # The body StreamField is drawn by the admin's JavaScript: its paragraphs are posted as the browser would.
    paragraphs = [("paragraph", rich_text(block.value.source)) for block in page.body]
    for name, value in nested_form_data({"body": streamfield(paragraphs)}).items():
        data[name] = value
    data["action-publish"] = "action-publish"
    return client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), data, follow=True)


def held_back(client, page):
    """Publishing in the admin was refused with the duplicate message, and the page is still a draft."""
    message = publish(client, page).content.decode()
    return "可能重复申报已有项目" in message and not ProjectPage.objects.get(pk=page.pk).live


def draft(earlier, application, **fields):
    """A later application for the earlier project's place, organization, purchaser and period unless told otherwise."""
    return ProjectPageFactory(
        **{
            "organization": earlier.organization,
            "purchaser": earlier.purchaser,
            "street": earlier.street,
            "community": earlier.community,
            "start_date": earlier.start_date,
            "end_date": earlier.end_date,
            **text_fields(application),
            "live": False,
            **fields,
        }
    )


def test_an_identical_title_with_an_empty_summary_is_held_back(admin_client, home):
    earlier = ProjectPageFactory(**text_fields(ELDERLY))
    assert held_back(admin_client, draft(earlier, replace(ELDERLY, summary="", body=())))


def test_an_identical_title_is_held_back_when_neither_has_a_summary(admin_client, home):
    earlier = ProjectPageFactory(title=ELDERLY.title, summary="")
    assert held_back(admin_client, draft(earlier, replace(ELDERLY, summary="", body=())))


def case(name):
    return next(pair for pair in TUNING + HELD_OUT if pair.name == name)


@pytest.mark.parametrize(
    "name", ["只有名称和简介的轻度改写", "只有名称和简介的近义改写", "整体改写（名称、简介、详情）"]
)
def test_a_paraphrase_is_held_back(admin_client, home, name):
    earlier, later = save_pair(case(name))
    assert held_back(admin_client, later)


def test_the_same_work_filed_by_another_organization_next_door_is_held_back(admin_client, home):
    """Another organization files the same text for the neighbouring community of the same street."""
    earlier, later = save_pair(case("另一组织在相邻社区申报照抄内容"))
    assert later.organization != earlier.organization and later.community != earlier.community
    assert held_back(admin_client, later)


def test_the_body_and_the_budget_are_compared_and_named(admin_client, home):
    """A new name and no summary: only the copied 项目详情 and the budget show the repeat."""
    earlier = ProjectPageFactory(**text_fields(CHILDREN))
    later = draft(earlier, replace(CHILDREN, title="吴井社区放学后托管服务", summary="", budget=126000))
    assert held_back(admin_client, later)
    form = admin_client.get(reverse("duplicates_confirm", args=[later.pk])).content.decode()
    assert "同一承接组织" in form and "同一社区" in form and "服务期重叠" in form and "预算相近（差 5%）" in form
    assert re.search(r"内容相似度 (\d+)%", form) and int(re.search(r"内容相似度 (\d+)%", form)[1]) >= 90


RENEWALS = {
    "the second phase after the first ended": lambda e: draft(
        e,
        replace(ELDERLY, title=ELDERLY.title + "（二期）"),
        start_date=PERIODS["next"][0],
        end_date=PERIODS["next"][1],
    ),
    "the same organization's children's service in the same community": lambda e: draft(
        e,
        replace(CHILDREN, title="金马社区“四点半课堂”儿童关爱项目"),
    ),
    "the same model in another street by another organization": lambda e: draft(
        e,
        replace(ELDERLY, title="关上社区独居老人关爱服务项目", summary=ELDERLY.summary.replace("金马", "关上")),
        organization=OrganizationFactory(),
        street=(street := StreetFactory()),
        community=CommunityFactory(parent=street),
    ),
}


@pytest.mark.parametrize("renewal", RENEWALS)
def test_renewals_and_other_services_publish_without_a_question(admin_client, home, renewal):
    start, end = PERIODS["same"]
    earlier = ProjectPageFactory(**text_fields(ELDERLY), start_date=start, end_date=end)
    later = RENEWALS[renewal](earlier)
    page = publish(admin_client, later).content.decode()
    assert "可能重复申报" not in page
    assert ProjectPage.objects.get(pk=later.pk).live


@pytest.mark.skipif(not DEMO.exists(), reason="fixtures/demo.json is not there")
def test_no_demo_project_is_taken_for_a_repeat_of_another(home):
    """Seventy-one projects of eight years in one district, several per community: all distinct work."""
    with open(os.devnull, "w") as quiet:
        call_command("import_content", str(DEMO), stdout=quiet)
    flagged = {p.code: [m.project.code for m in likely_duplicates(p)] for p in ProjectPage.objects.all()}
    assert not {code: others for code, others in flagged.items() if others}


def test_a_likely_duplicate_is_held_back_until_an_editor_confirms_with_a_reason(admin_client, earlier, repeat):
    response = publish(admin_client, repeat)
    page = response.content.decode()
    assert "可能重复申报已有项目" in page and earlier.title in page
    assert reverse("wagtailadmin_pages:edit", args=[earlier.pk]) in page  # the message links the earlier project
    confirm_url = reverse("duplicates_confirm", args=[repeat.pk])
    assert confirm_url in page
    assert not ProjectPage.objects.get(pk=repeat.pk).live

    form = admin_client.get(confirm_url).content.decode()
    assert earlier.code in form and "同一承接组织" in form and "服务期重叠" in form

    response = admin_client.post(confirm_url, {"reason": ""})
    assert response.status_code == 200 and "请填写确认理由" in response.content.decode()
    assert not DuplicateConfirmation.objects.exists()

    response = admin_client.post(confirm_url, {"reason": "服务对象为新增的独居老人群体，与原项目不重叠"})
    assert response.status_code == 302
    confirmation = DuplicateConfirmation.objects.get()
    assert (confirmation.earlier, confirmation.confirmed_by) == (earlier.page_ptr.specific, admin_client.user)

    publish(admin_client, repeat)
    assert ProjectPage.objects.get(pk=repeat.pk).live


def test_a_distinct_project_publishes_without_a_question(admin_client, earlier):
    other = ProjectPageFactory(
        title="金马社区留守儿童关爱服务项目",
        summary="为金马社区留守儿童提供学业辅导、心理支持和安全教育，链接社区志愿者开展结对陪伴。",
        organization=earlier.organization,
        street=earlier.street,
        community=earlier.community,
        live=False,
    )
    page = publish(admin_client, other).content.decode()
    assert "可能重复申报" not in page
    assert ProjectPage.objects.get(pk=other.pk).live


def test_bulk_publish_holds_back_a_likely_duplicate(admin_client, earlier, repeat):
    index = ProjectIndexPage.objects.get()
    url = reverse("wagtail_bulk_action", args=["wagtailcore", "page", "publish"])
    query = f"?id={repeat.pk}&childOf={index.pk}&next={reverse('wagtailadmin_explore', args=[index.pk])}"
    response = admin_client.post(url + query, {"include_descendants": ""}, follow=True)
    assert "可能重复申报已有项目" in response.content.decode()
    assert not ProjectPage.objects.get(pk=repeat.pk).live


def import_document(path, row):
    path.write_text(json.dumps({"projects": [row]}, ensure_ascii=False), encoding="utf-8")
    call_command("import_content", str(path))


def test_import_refuses_a_likely_duplicate_row_unless_it_carries_a_reason(earlier, tmp_path):
    row = {
        "code": "GD-2022-102",
        "title": ELDERLY_REWORDED.title,
        "summary": ELDERLY_REWORDED.summary,
        "stage": "implementation",
        "stage_dates": {"implementation": "2022-03-01"},
        "budget": "100000",
        "start": "2022-03-01",
        "end": "2023-02-28",
        "purchaser": earlier.purchaser.name,
        "organization": earlier.organization.name,
        "street": earlier.street.name,
        "community": earlier.community.name,
    }
    with pytest.raises(CommandError) as failure:
        import_document(tmp_path / "dup.json", row)
    assert "GD-2022-100" in str(failure.value) and "duplicate_reason" in str(failure.value)
    assert not ProjectPage.objects.filter(code="GD-2022-102").exists()

    import_document(tmp_path / "dup.json", {**row, "duplicate_reason": "经民政局核实，为新增服务对象"})
    imported = ProjectPage.objects.get(code="GD-2022-102")
    assert imported.live
    assert DuplicateConfirmation.objects.get(project=imported).reason == "经民政局核实，为新增服务对象"
