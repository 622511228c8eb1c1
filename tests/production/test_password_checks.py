"""Password checks cannot take the server from citizens (shegong.ops.passwords): hashes run in a low-priority
thread, a login finding too many already waiting is refused without hashing, and a locked-out login is refused by
django-axes before any hash. With the production hasher (the test settings' MD5 would hide all of it)."""

import threading
from contextlib import contextmanager
from pathlib import Path

import pytest
from django.test import override_settings

from shegong.ops.passwords import hashing_thread

LOGIN = "/admin/login/"
PRODUCTION_HASHING = override_settings(
    PASSWORD_HASHERS=["shegong.ops.passwords.LowPriorityPBKDF2PasswordHasher"], SHEGONG_PASSWORD_CHECKS_WAITING=1
)


@pytest.fixture(autouse=True)
def production_hashing():
    with PRODUCTION_HASHING:
        hashing_thread.pid = None  # a fresh thread and count for the setting above
        yield
    hashing_thread.pid = None


@pytest.fixture
def editor(db, django_user_model):
    return django_user_model.objects.create_user("wangfang", password="correct-horse-battery", is_superuser=True)


def log_in(client, password):
    return client.post(LOGIN, {"username": "wangfang", "password": password}, REMOTE_ADDR="203.0.113.7")


def niceness(thread_id):
    stat = Path(f"/proc/self/task/{thread_id}/stat").read_text()
    return int(stat.rsplit(")", 1)[1].split()[16])  # field 19 of proc(5)


@contextmanager
def another_login_hashing():
    """Another login of the same worker holds the only waiting place and the hashing thread (a stand-in for its
    hash, released when the block ends, so the timing cannot vary)."""
    executor, places = hashing_thread.ready()
    places.acquire()
    release = threading.Event()
    running = executor.submit(release.wait, 30)
    try:
        yield
    finally:
        release.set()
        running.result()
        places.release()


def test_passwords_are_still_pbkdf2_and_hashed_in_a_low_priority_thread(editor):
    editor.refresh_from_db()
    assert editor.password.startswith("pbkdf2_sha256$1000000$")
    assert editor.check_password("correct-horse-battery") and not editor.check_password("guess")
    hashing = hashing_thread.executor.submit(threading.get_native_id).result()
    assert hashing != threading.get_native_id()
    assert niceness(hashing) == 10 and niceness(threading.get_native_id()) == 0


def test_a_login_finding_the_hashing_thread_full_is_refused_without_a_hash(client, editor):
    with another_login_hashing():
        refused = log_in(client, "correct-horse-battery")
    assert refused.status_code == 429 and refused["Retry-After"] == "10"
    assert "登录请求过多" in refused.content.decode()
    assert not client.get("/admin/").wsgi_request.user.is_authenticated
    assert log_in(client, "correct-horse-battery").status_code == 302  # once the other hash is done


def test_a_locked_out_login_is_refused_before_any_hash(client, editor):
    for _ in range(5):
        log_in(client, "guess")
    with another_login_hashing():  # a hash would be refused as busy; the lockout page shows none was tried
        locked = log_in(client, "correct-horse-battery")
    assert locked.status_code == 429 and "登录已暂时锁定" in locked.content.decode()
