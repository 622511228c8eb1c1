"""Login throttling with django-axes: a guesser is locked out, the attempts are kept for the audit."""

import pytest
from axes.models import AccessFailureLog
from django.test import override_settings

LOGIN = "/admin/login/"


@pytest.fixture
def editor(db, django_user_model):
    return django_user_model.objects.create_user("wangfang", password="correct-horse-battery", is_superuser=True)


def log_in(client, password, address="203.0.113.7", **headers):
    return client.post(LOGIN, {"username": "wangfang", "password": password}, REMOTE_ADDR=address, **headers)


def test_five_wrong_passwords_lock_the_account_from_that_address(client, editor):
    for _ in range(4):
        assert log_in(client, "guess").status_code == 200  # the login form again, with its error
    assert log_in(client, "guess").status_code == 429  # the fifth failure locks
    locked = log_in(client, "correct-horse-battery")
    assert locked.status_code == 429
    assert "登录已暂时锁定" in locked.content.decode() and "30 分钟" in locked.content.decode()
    assert not client.get("/admin/").wsgi_request.user.is_authenticated

    failures = AccessFailureLog.objects.filter(username="wangfang", ip_address="203.0.113.7")
    assert failures.count() >= 5 and failures.filter(locked_out=True).exists()


def test_the_lockout_is_per_username_and_address(client, editor):
    for _ in range(5):
        log_in(client, "guess")
    assert log_in(client, "correct-horse-battery", address="198.51.100.20").status_code == 302


def test_a_success_before_the_limit_resets_the_count(client, editor):
    for _ in range(4):
        log_in(client, "guess")
    assert log_in(client, "correct-horse-battery").status_code == 302
    client.logout()
    for _ in range(4):
        log_in(client, "guess")
    assert log_in(client, "correct-horse-battery").status_code == 302


def test_a_forged_forwarded_for_does_not_escape_the_lockout(client, editor):
    """Off by default: the X-Forwarded-For a client writes is ignored, so it cannot reset its address."""
    for n in range(5):
        log_in(client, "guess", HTTP_X_FORWARDED_FOR=f"10.0.0.{n}")
    assert log_in(client, "correct-horse-battery", HTTP_X_FORWARDED_FOR="10.9.9.9").status_code == 429


@override_settings(SHEGONG_TRUSTED_PROXY_COUNT=1)
def test_behind_a_trusted_proxy_each_citizen_is_counted_apart(client, editor):
    """nginx's address is every request's REMOTE_ADDR; the address nginx appended is the one counted."""
    proxy = "127.0.0.1"
    for _ in range(5):
        log_in(client, "guess", address=proxy, HTTP_X_FORWARDED_FOR="1.1.1.1, 203.0.113.7")
    assert log_in(client, "correct-horse-battery", address=proxy, HTTP_X_FORWARDED_FOR="203.0.113.7").status_code == 429
    assert (
        log_in(client, "correct-horse-battery", address=proxy, HTTP_X_FORWARDED_FOR="198.51.100.20").status_code == 302
    )
