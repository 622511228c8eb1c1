"""/healthz: 200 when the database, the cache and the search engine answer; 503 naming the part that did not."""

import json
import subprocess
import sys

from django.test import override_settings

from .served import free_port


def test_all_parts_answer(client, db):
    response = client.get("/healthz")
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "ok" and set(body["checks"]) == {"database", "cache", "search"}
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
