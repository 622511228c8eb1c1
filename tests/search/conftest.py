"""Fixtures for search: the test corpus, and an Elasticsearch-compatible server over the real protocol."""

import json
import os
import shutil
import socket
import subprocess
import tempfile
import time
import uuid
from pathlib import Path

import pytest
from django.db import transaction
from elasticsearch import Elasticsearch

from shegong.imports.importer import ContentImporter
from shegong.search.indexing import health, sync
from tests.factories import ensure_site_tree

CORPUS = Path(__file__).with_name("corpus.json")
DEMO = Path(__file__).resolve().parents[2] / "fixtures" / "demo.json"
NOIDA = Path(__file__).resolve().parents[2] / ".venv" / "bin" / "noida-db"


@pytest.fixture(scope="module")
def module_corpus(django_db_setup, django_db_blocker):
    """The corpus imported once per module, inside a transaction rolled back after the module."""
    with django_db_blocker.unblock(), transaction.atomic():
        ensure_site_tree()
        ContentImporter().run(json.loads(CORPUS.read_text(encoding="utf-8")))
        yield
        transaction.set_rollback(True)


@pytest.fixture
def corpus(module_corpus, db):
    """Each test's changes are undone by its own savepoint."""


@pytest.fixture(scope="module")
def demo_records():
    return json.loads(DEMO.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def module_demo(django_db_setup, django_db_blocker, demo_records):
    """The demo content imported once per module, inside a transaction rolled back after the module."""
    with django_db_blocker.unblock(), transaction.atomic():
        ensure_site_tree()
        ContentImporter().run(demo_records)
        yield
        transaction.set_rollback(True)


@pytest.fixture
def demo(module_demo, db):
    """Each test's changes are undone by its own savepoint."""


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class LocalServer:
    """noida-db, an Elasticsearch-wire-compatible server, in a temporary folder on a free port."""

    def __init__(self):
        self.data_dir = tempfile.mkdtemp(prefix="shegong-noida-")
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"

    def _run(self, *args):
        return subprocess.run(
            [str(NOIDA), *args, "--data-dir", self.data_dir], capture_output=True, text=True, timeout=90
        )

    def start(self):
        self._run("up", "--only", "elasticsearch", "--elasticsearch-port", str(self.port))
        es = Elasticsearch(self.url, request_timeout=2)
        for _ in range(60):
            try:
                if es.ping():
                    return True
            except Exception:  # noqa: BLE001 - not up yet
                pass
            time.sleep(0.5)
        return False

    def stop(self):
        self._run("down")

    def remove(self):
        self.stop()
        shutil.rmtree(self.data_dir, ignore_errors=True)


@pytest.fixture(scope="session")
def es_server():
    """The cluster at ELASTICSEARCH_URL when set, else a local noida-db; skips when neither can run."""
    url = os.environ.get("ELASTICSEARCH_URL")
    if url:
        yield type("External", (), {"url": url, "external": True})()
        return
    if not NOIDA.exists():
        pytest.skip("no ELASTICSEARCH_URL and no noida-db binary: Elasticsearch tests skipped")
    server = LocalServer()
    server.external = False
    if not server.start():
        server.remove()
        pytest.skip("noida-db did not start: Elasticsearch tests skipped")
    yield server
    server.remove()


@pytest.fixture
def es(settings, es_server):
    """Elasticsearch switched on for one test, with its own index prefix, removed afterwards."""
    settings.ELASTICSEARCH_URL = es_server.url
    settings.SHEGONG_SEARCH_INDEX_PREFIX = f"shegong-test-{uuid.uuid4().hex[:8]}"
    settings.SHEGONG_SEARCH_ES_RETRY_SECONDS = 0
    sync.mark_es_up()
    health.forget()
    yield es_server
    client = Elasticsearch(es_server.url, request_timeout=5)
    try:
        client.options(ignore_status=404).indices.delete(index=f"{settings.SHEGONG_SEARCH_INDEX_PREFIX}-*")
    except Exception:  # noqa: BLE001 - the outage test may leave the server stopped
        pass
    sync.mark_es_up()
    health.forget()
