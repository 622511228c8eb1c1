"""The index follows every publish, unpublish, edit, delete, move, restriction and snippet edit."""

import datetime
import io
import re

import pytest
from django.core.files.base import ContentFile
from django.core.management import CommandError, call_command
from wagtail.documents.models import Document
from wagtail.models import Collection, CollectionViewRestriction, Page, PageViewRestriction

from shegong.pages.models import ContentPage, HomePage, NoticeIndexPage, NoticePage, PolicyPage, ProjectPage
from shegong.search import service
from shegong.search.models import SearchDocument
from shegong.snippets.models import SocialOrganization


def titles(query, **filters):
    """The pages holding the query as typed, not the looser matches offered after them."""
    hits = service.search(query, filters={k: [v] for k, v in filters.items()}).hits
    return [hit.title for hit in hits if hit.match == "phrase"]


def new_notice(title, body="", live=False):
    index = NoticeIndexPage.objects.get()
    notice = NoticePage(
        title=title,
        kind="news",
        published_on=datetime.date(2024, 1, 5),
        live=live,
        body=[("paragraph", f"<p>{body}</p>")],
    )
    index.add_child(instance=notice)
    return notice


def test_draft_is_not_found_until_published(corpus):
    notice = new_notice("蓝莓义卖活动通知", "社区蓝莓义卖所得用于助学。")
    assert titles("蓝莓义卖") == []
    notice.save_revision().publish()
    assert titles("蓝莓义卖") == ["蓝莓义卖活动通知"]


def test_unpublish_removes_and_delete_removes(corpus):
    project = ProjectPage.objects.get(code="GD-2023-017")
    assert titles("喘息服务")[0] == project.title
    project.unpublish()
    assert project.title not in titles("喘息服务")
    project.save_revision().publish()
    assert project.title in titles("喘息服务")
    project.delete()
    assert project.title not in titles("喘息服务")


def test_edit_finds_new_words_and_forgets_old_ones(corpus):
    policy = PolicyPage.objects.get(document_number="官财〔2022〕19号")
    policy.title = "关于规范政府购买服务绩效管理的通知"
    policy.save_revision().publish()
    assert policy.title in titles("绩效管理")
    assert titles("规范政府购买服务预算管理") == []


def test_a_saved_draft_of_a_live_page_does_not_change_the_index(corpus):
    policy = PolicyPage.objects.get(document_number="官财〔2022〕19号").get_latest_revision_as_object()
    policy.title = "草稿标题蓝莓"
    policy.save_revision()
    assert titles("草稿标题蓝莓") == []
    assert titles("预算管理") == ["关于规范政府购买服务预算管理的通知"]


def test_move_updates_the_url(corpus):
    home = HomePage.objects.get()
    about = home.add_child(instance=ContentPage(title="关于平台", slug="about"))
    guide = home.add_child(instance=ContentPage(title="检索使用指南", slug="guide"))
    guide.move(about, pos="last-child")
    hit = service.search("检索使用指南").hits[0]
    assert hit.url == Page.objects.get(pk=guide.pk).url and "/about/guide/" in hit.url


def test_slug_change_updates_descendant_urls(corpus):
    home = HomePage.objects.get()
    about = home.add_child(instance=ContentPage(title="关于平台", slug="about"))
    about.add_child(instance=ContentPage(title="检索使用指南", slug="guide"))
    about.slug = "platform"
    about.save_revision().publish()
    assert service.search("检索使用指南").hits[0].url.endswith("/platform/guide/")


def test_view_restriction_hides_the_page_and_its_removal_shows_it(corpus):
    project = ProjectPage.objects.get(code="GD-2022-040")
    restriction = PageViewRestriction.objects.create(page=project, restriction_type="password", password="x")
    assert project.title not in titles("心理健康")
    restriction.delete()
    assert project.title in titles("心理健康")


def test_snippet_rename_reindexes_the_pages_that_show_it(corpus):
    organization = SocialOrganization.objects.get(name="云南同心残障支持中心")
    organization.name = "云南同行助残服务中心"
    organization.save()
    assert titles("同行助残") == ["小板桥街道残疾人康复支持项目"]
    assert titles("同心残障") == []
    assert titles("", organization="云南同行助残服务中心") == ["小板桥街道残疾人康复支持项目"]


def chinese_pdf(lines):
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer)
    pdf.setFont("STSong-Light", 14)
    for i, line in enumerate(lines):
        pdf.drawString(72, 760 - 24 * i, line)
    pdf.save()
    return buffer.getvalue()


def test_pdf_attachment_text_is_searchable(corpus):
    pdf = chinese_pdf(["社区社工站服务指引", "开通心理疏导热线，提供喘息服务和危机干预。"])
    document = Document(title="服务指引（附件）")
    document.file.save("guide.pdf", ContentFile(pdf), save=False)
    document.save()
    policy = PolicyPage.objects.get(document_number="民发〔2021〕6号")
    policy.attachments.create(document=document)
    policy.save_revision().publish()
    hits = service.search("心理疏导热线").hits
    assert [hit.title for hit in hits if hit.match == "phrase"] == [policy.title] == [hits[0].title]
    assert "<mark>心理疏导热线</mark>" in hits[0].highlight


def attach_guide(collection=None):
    pdf = chinese_pdf(["社区社工站服务指引", "内部通讯录与心理疏导热线值班安排。"])
    document = Document(title="内部服务指引（附件）", **({"collection": collection} if collection else {}))
    document.file.save("internal-guide.pdf", ContentFile(pdf), save=False)
    document.save()
    policy = PolicyPage.objects.get(document_number="民发〔2021〕6号")
    policy.attachments.create(document=document)
    policy.save_revision().publish()
    return policy, document


def phrase_titles(query):
    return [hit.title for hit in service.search(query).hits if hit.match == "phrase"]


def test_attachment_text_of_a_restricted_collection_is_never_indexed(corpus):
    staff_only = Collection.get_first_root_node().add_child(name="内部文件")
    CollectionViewRestriction.objects.create(collection=staff_only, restriction_type=CollectionViewRestriction.LOGIN)
    policy, _ = attach_guide(staff_only)
    assert phrase_titles("值班安排") == []
    assert "值班安排" not in SearchDocument.objects.get(page=policy).text
    # The collection opened to the public: its files' text is found from then on.
    CollectionViewRestriction.objects.filter(collection=staff_only).delete()
    assert phrase_titles("值班安排") == [policy.title]


def test_restricting_a_collection_later_removes_its_attachment_text(corpus):
    collection = Collection.get_first_root_node().add_child(name="办事指南")
    policy, _ = attach_guide(collection)
    assert phrase_titles("值班安排") == [policy.title]
    CollectionViewRestriction.objects.create(collection=collection, restriction_type=CollectionViewRestriction.LOGIN)
    assert phrase_titles("值班安排") == []
    assert "值班安排" not in SearchDocument.objects.get(page=policy).text


def test_the_rebuild_command_restores_a_lost_index_and_says_how_fast(corpus, settings):
    settings.ELASTICSEARCH_URL = ""
    before = titles("五社联动")
    SearchDocument.objects.all().delete()
    assert titles("五社联动") == []

    out = io.StringIO()
    call_command("search_rebuild", "--engine", "embedded", stdout=out, stderr=io.StringIO())
    assert re.search(rf"已索引 {SearchDocument.objects.count()} 篇，用时 [\d.]+ 秒，\d+ 篇/秒", out.getvalue())
    assert SearchDocument.objects.count() > 10
    assert titles("五社联动") == before


def test_rebuilding_elasticsearch_without_a_cluster_is_a_sentence_not_a_traceback(db, settings):
    settings.ELASTICSEARCH_URL = ""
    with pytest.raises(CommandError, match="未设置 ELASTICSEARCH_URL"):
        call_command("search_rebuild", "--engine", "elasticsearch")
