"""/healthz: 200 when the database, the cache and the search engine answer; 503 naming the part that did not.
/healthz/tasks: 503 while the oldest ready task has waited too long for the worker."""

import datetime
import json
import subprocess
import sys

import pytest
from django.test import override_settings
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from tests.factories import NoticePageFactory, ensure_site_tree
from tests.search.test_tasks import WORKER, run_worker

from .served import free_port


def test_all_parts_answer(client, db):
    response = client.get("/healthz")
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "ok" and set(body["checks"]) == {"database", "cache", "search", "tasks"}
    assert body["checks"]["tasks"] == "无积压"
    assert "no-cache" in response["Cache-Control"]


@override_settings(ELASTICSEARCH_URL=f"http://127.0.0.1:{free_port()}")
def test_elasticsearch_unreachable_is_named(client, db):
    response = client.get("/healthz")
    assert response.status_code == 503
    body = response.json()
    assert body["failed"] == ["search"] and "检索引擎" in body["message"]
    assert body["checks"]["database"] == "ok"


def test_database_down_is_named(tmp_path):
    """A process whose DATABASE_URL points at nothing (a closed port) reports the database, not a 500."""
    probe = (
        "import django, json; django.setup();"
        "from django.test import Client;"
        "r = Client().get('/healthz', HTTP_HOST='localhost');"
        "print(json.dumps({'status': r.status_code, 'body': r.json()}))"
    )
    env = {
        "DJANGO_SETTINGS_MODULE": "shegong.settings.test",
        "DATABASE_URL": f"postgres://shegong:wrong@127.0.0.1:{free_port()}/nowhere",
        "SHEGONG_DATA_DIR": str(tmp_path),
        "PATH": "/usr/bin:/bin",
    }
    done = subprocess.run(
        [sys.executable, "-c", probe], env=env, capture_output=True, text=True, timeout=120, check=False
    )
    result = json.loads(done.stdout.strip().splitlines()[-1])
    assert result["status"] == 503
    assert "database" in result["body"]["failed"] and "数据库" in result["body"]["message"]
    assert result["body"]["checks"]["cache"] == "ok"  # the test settings' cache is in memory


@pytest.mark.django_db(transaction=True)  # the worker closes the database connection, as it does in production
def test_a_stopped_worker_is_reported_without_taking_the_site_out(client, admin_client, settings):
    """Production's database task backend, and no worker: a publish queues its index work, which waits."""
    settings.TASKS = WORKER
    ensure_site_tree()
    NoticePageFactory(title="蓝莓义卖活动通知", live=False).save_revision().publish()
    assert client.get("/healthz/tasks").status_code == 200  # just queued: a running worker takes it soon
    # Ten minutes later, nothing has taken it.
    DBTaskResult.objects.update(enqueued_at=timezone.now() - datetime.timedelta(minutes=10))
    waiting = DBTaskResult.objects.filter(status="READY").count()

    strict = client.get("/healthz/tasks")
    assert strict.status_code == 503
    assert strict.json()["count"] == waiting and strict.json()["oldest_seconds"] >= 600
    assert "shegong db_worker" in strict.json()["message"]
    health = client.get("/healthz")
    assert health.status_code == 200  # citizens are still answered: no load balancer takes the node out
    assert health.json()["checks"]["tasks"].startswith(f"积压 {waiting} 个，最早等待 ")
    assert "后台任务积压" in admin_client.get("/admin/").content.decode()

    run_worker()
    assert client.get("/healthz/tasks").status_code == 200
    assert client.get("/healthz").json()["checks"]["tasks"] == "无积压"
    assert "后台任务积压" not in admin_client.get("/admin/").content.decode()
