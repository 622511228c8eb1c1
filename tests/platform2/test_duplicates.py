"""Duplicate applications: measured on labelled pairs, held back in the admin, refused in the import."""

import datetime
import json

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.urls import reverse

from shegong.duplicates.detection import unconfirmed_duplicates
from shegong.duplicates.models import DuplicateConfirmation
from shegong.pages.models import ProjectIndexPage, ProjectPage
from tests.factories import CommunityFactory, OrganizationFactory, ProjectPageFactory

from .admin_forms import page_form
from .duplicate_cases import BASE, DISTINCT, DUPLICATES

pytestmark = pytest.mark.django_db

PERIODS = {
    "same": (datetime.date(2022, 3, 1), datetime.date(2023, 2, 28)),
    "partial": (datetime.date(2022, 9, 1), datetime.date(2023, 8, 31)),
    "next": (datetime.date(2023, 3, 1), datetime.date(2024, 2, 29)),
}


def application_pair(base, same, period, title, summary):
    """The existing (published) project and a new application, saved as a draft as an editor would."""
    existing = ProjectPageFactory(title=BASE[base][0], summary=BASE[base][1])
    organization = existing.organization if same in ("org", "both") else OrganizationFactory()
    community = existing.community if same in ("community", "both") else CommunityFactory(parent=existing.street)
    start, end = PERIODS[period]
    new = ProjectPageFactory(
        title=title, summary=summary, organization=organization, street=existing.street, community=community,
        start_date=start, end_date=end, live=False,
    )
    return existing, new


def test_precision_and_recall_on_labelled_pairs(home, capsys):
    outcomes = {"tp": 0, "fp": 0, "fn": 0, "tn": 0}
    missed = []
    for label, cases in ((True, DUPLICATES), (False, DISTINCT)):
        for case in cases:
            existing, new = application_pair(*case)
            flagged = existing.pk in {m.project.pk for m in unconfirmed_duplicates(new)}
            outcomes[{(True, True): "tp", (True, False): "fn", (False, True): "fp", (False, False): "tn"}[label, flagged]] += 1
            if flagged != label:
                missed.append(case[3])
    precision = outcomes["tp"] / ((outcomes["tp"] + outcomes["fp"]) or 1)
    recall = outcomes["tp"] / ((outcomes["tp"] + outcomes["fn"]) or 1)
    with capsys.disabled():
        print(
            f"\nduplicate detection on {len(DUPLICATES)} near-duplicate and {len(DISTINCT)} distinct pairs: "
            f"precision {precision:.2f}, recall {recall:.2f} ({outcomes}); misjudged: {missed or 'none'}"
        )
    assert precision >= 0.9 and recall >= 0.85, missed


def publish(client, page):
    data = page_form(client, reverse("wagtailadmin_pages:edit", args=[page.pk]))
    # The body StreamField is drawn by the admin's JavaScript; these test pages have an empty body.
    data.setdefault("body-count", "0")
    data["action-publish"] = "action-publish"
    return client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), data, follow=True)


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
        title=DISTINCT[0][3], summary=DISTINCT[0][4], organization=earlier.organization,
        street=earlier.street, community=earlier.community, live=False,
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
        "code": "GD-2022-102", "title": DUPLICATES[0][3], "summary": DUPLICATES[0][4], "stage": "implementation",
        "budget": "100000", "start": "2022-03-01", "end": "2023-02-28", "purchaser": earlier.purchaser.name,
        "organization": earlier.organization.name, "street": earlier.street.name, "community": earlier.community.name,
    }
    with pytest.raises(CommandError) as failure:
        import_document(tmp_path / "dup.json", row)
    assert "GD-2022-100" in str(failure.value) and "duplicate_reason" in str(failure.value)
    assert not ProjectPage.objects.filter(code="GD-2022-102").exists()

    import_document(tmp_path / "dup.json", {**row, "duplicate_reason": "经民政局核实，为新增服务对象"})
    imported = ProjectPage.objects.get(code="GD-2022-102")
    assert imported.live
    assert DuplicateConfirmation.objects.get(project=imported).reason == "经民政局核实，为新增服务对象"
