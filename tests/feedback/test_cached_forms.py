"""Project pages are kept in the page cache for citizens, and their comment form still only takes posts that
carry the visitor's own CSRF token: fetched by the page's script, or, without JavaScript, from a confirmation
page that shows the comment filled in."""

import re

import pytest
from django.core.cache import cache
from django.test import Client, override_settings
from django.urls import reverse

from shegong.feedback.models import Comment
from tests.factories import ProjectPageFactory

pytestmark = pytest.mark.usefixtures("home")

TOKEN_FIELD = re.compile(r'name="csrfmiddlewaretoken" value="([^"]*)"')
COMMENT = {"name": "居民老李", "text": "四点半课堂很受孩子们欢迎，希望暑假也能开。"}


@pytest.fixture(autouse=True)
def page_cache():
    cache.clear()
    with override_settings(SHEGONG_PAGE_CACHE_SECONDS=60):
        yield


@pytest.fixture
def project():
    return ProjectPageFactory(title="太和社区“四点半课堂”流动儿童关爱项目")


@pytest.fixture
def citizen():
    """A browser: Django's CSRF check applies to it, as it does to every real one."""
    return Client(enforce_csrf_checks=True)


def test_a_project_page_is_served_from_the_cache_and_sets_no_cookie(project, django_assert_max_num_queries):
    first = Client().get(project.url)
    html = first.content.decode()
    assert first.status_code == 200 and not first.cookies
    assert reverse("feedback:comment", args=[project.pk]) in html and TOKEN_FIELD.search(html).group(1) == ""
    with django_assert_max_num_queries(0):
        assert Client().get(project.url).content == first.content


def test_with_javascript_the_form_is_sent_with_a_token_fetched_just_before(project, citizen):
    html = citizen.get(project.url).content.decode()
    token_url = re.search(r'data-token-url="([^"]+)"', html).group(1)
    answer = citizen.get(token_url)
    assert "no-cache" in answer["Cache-Control"] and "csrftoken" in answer.cookies
    action = reverse("feedback:comment", args=[project.pk])
    sent = citizen.post(action, {**COMMENT, "csrfmiddlewaretoken": answer.json()["token"]})
    assert sent.status_code == 302 and Comment.objects.get().text == COMMENT["text"]


def test_without_javascript_the_comment_comes_back_filled_in_to_send_again(project, citizen):
    action = reverse("feedback:comment", args=[project.pk])
    refused = citizen.post(action, {**COMMENT, "csrfmiddlewaretoken": ""})
    html = refused.content.decode()
    assert refused.status_code == 403 and "请确认提交" in html and "内容尚未提交" in html
    assert COMMENT["text"] in html and 'value="居民老李"' in html and f'action="{action}"' in html
    assert not Comment.objects.exists()

    token = TOKEN_FIELD.search(html).group(1)
    sent = citizen.post(action, {**COMMENT, "csrfmiddlewaretoken": token})
    assert sent.status_code == 302 and Comment.objects.get().name == "居民老李"


def test_a_post_from_another_site_is_refused_and_saves_nothing(project, citizen):
    token = citizen.get(reverse("feedback:token")).json()["token"]
    forged = citizen.post(
        reverse("feedback:comment", args=[project.pk]),
        {**COMMENT, "csrfmiddlewaretoken": token},
        HTTP_ORIGIN="https://spam.example.com",
    )
    assert forged.status_code == 403 and "请确认提交" not in forged.content.decode()
    assert not Comment.objects.exists()
