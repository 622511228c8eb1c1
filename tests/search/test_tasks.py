"""Index work off the editor's request: a publish queues a task that `shegong db_worker` runs, a draft save or a raw
load queues none, and a lost Elasticsearch index is noticed, answered around and rebuilt."""

import json
import signal

import pytest
from django.core import serializers
from django.core.management import call_command
from django.db.models import Count
from django_tasks_db.models import DBTaskResult
from elasticsearch import Elasticsearch
from wagtail.models import Page

from shegong.pages.models import PolicyPage, ProjectPage
from shegong.search import service
from shegong.search.engines import elastic
from shegong.search.indexing import rebuild
from shegong.snippets.models import Department, SocialOrganization
from tests.factories import NoticePageFactory, ensure_site_tree

WORKER = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
REINDEX = "shegong.search.indexing.tasks.reindex_pages"
WAGTAIL_INDEX = "modelsearch.tasks.insert_or_update_object_task"


@pytest.fixture
def worker_backend(settings):
    """Tasks wait in the database for the worker, as in production."""
    settings.TASKS = WORKER


def waiting():
    return sorted(DBTaskResult.objects.filter(status="READY").values_list("task_path", flat=True))


def run_worker():
    """`shegong db_worker --batch`: works through what is waiting, then stops."""
    # The worker installs its own SIGTERM/SIGINT handlers; give the test process its own back afterwards, or a
    # later SIGTERM (CI's timeout) would end whichever test was running with SystemExit(0) instead of stopping.
    handlers = {signum: signal.getsignal(signum) for signum in (signal.SIGTERM, signal.SIGINT, signal.SIGQUIT)}
    try:
        call_command("db_worker", batch=True, startup_delay=False, reload=False, verbosity=0)
    finally:
        for signum, handler in handlers.items():
            signal.signal(signum, handler)
    assert waiting() == []
    assert not DBTaskResult.objects.filter(status="FAILED").exists()


def titles(query):
    return [hit.title for hit in service.search(query).hits if hit.match == "phrase"]


@pytest.mark.django_db(transaction=True)
def test_a_publish_is_found_once_the_worker_has_run(worker_backend):
    ensure_site_tree()
    notice = NoticePageFactory(title="蓝莓义卖活动通知", live=False)
    notice.save_revision().publish()
    assert titles("蓝莓义卖") == []  # the editor did not wait for the index
    assert REINDEX in waiting()
    run_worker()
    assert titles("蓝莓义卖") == ["蓝莓义卖活动通知"]
    assert [page.title for page in Page.objects.live().search("蓝莓义卖")] == ["蓝莓义卖活动通知"]


def test_a_draft_save_queues_no_index_work_and_a_publish_does(worker_backend, corpus):
    policy = PolicyPage.objects.get(document_number="官财〔2022〕19号").get_latest_revision_as_object()
    policy.title = "草稿标题蓝莓"
    policy.save_revision()
    # Neither the site search's index nor Wagtail's own (Wagtail still queues its reference index, not a search one).
    assert {REINDEX, WAGTAIL_INDEX}.isdisjoint(waiting())
    policy.save_revision().publish()
    assert {REINDEX, WAGTAIL_INDEX} <= set(waiting())


def test_a_raw_load_queues_no_index_work(worker_backend, corpus, tmp_path):
    organization = SocialOrganization.objects.get(name="云南同心残障支持中心")
    records = json.loads(serializers.serialize("json", [organization]))
    records[0]["fields"]["name"] = "云南同行助残服务中心"
    fixture = tmp_path / "organization.json"
    fixture.write_text(json.dumps(records, ensure_ascii=False), encoding="utf-8")
    call_command("loaddata", str(fixture), verbosity=0)
    assert SocialOrganization.objects.get(pk=organization.pk).name == "云南同行助残服务中心"
    assert waiting() == []


@pytest.mark.elasticsearch
@pytest.mark.django_db(transaction=True)
def test_a_lost_elasticsearch_index_is_answered_around_warned_about_and_rebuilt(es, settings, admin_client):
    ensure_site_tree()
    for n in range(4):
        NoticePageFactory(title=f"五社联动工作动态第{n + 1}期")
    rebuild.rebuild_elasticsearch()
    assert service.search("五社联动").engine == "elasticsearch"

    settings.TASKS = WORKER
    settings.SHEGONG_SEARCH_ES_HEALTH_SECONDS = 0
    client = Elasticsearch(es.url)
    client.indices.delete(index=list(client.indices.get_alias(name=elastic.alias_name())))
    lost = service.search("五社联动")
    assert lost.engine == "embedded" and len(lost.hits) == 4
    assert waiting() == ["shegong.search.indexing.tasks.rebuild_elasticsearch"]
    home = admin_client.get("/admin/").content.decode()
    assert "Elasticsearch 索引中只有 0 篇，而数据库中有 4 篇公开文档" in home

    run_worker()
    restored = service.search("五社联动")
    assert restored.engine == "elasticsearch" and len(restored.hits) == 4
    assert "Elasticsearch 索引中只有" not in admin_client.get("/admin/").content.decode()


def test_a_department_edit_queues_one_task_for_the_projects_showing_it(worker_backend, corpus, admin_client):
    department = Department.objects.annotate(shown=Count("projects")).order_by("-shown").first()
    assert department.shown > 1
    data = {"name": department.name + "（更名）", "short_name": department.short_name, "sort_order": 0}
    response = admin_client.post(f"/admin/snippets/snippets/department/edit/{department.pk}/", data)
    assert response.status_code == 302
    reindex = DBTaskResult.objects.filter(task_path=REINDEX)
    assert reindex.count() == 1
    assert set(reindex.get().args_kwargs["args"][0]) == set(
        ProjectPage.objects.filter(purchaser=department).values_list("pk", flat=True)
    )
