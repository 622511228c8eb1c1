"""An editor shows a saved draft to the consuming site through a signed, expiring link; nobody else can."""

from urllib.parse import parse_qs, urlsplit

import pytest
from django.contrib.auth.models import Group

from shegong.api.preview import make_token
from tests.factories import ProjectPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def drafted(home):
    page = ProjectPageFactory(title="已发布标题")
    page.save_revision().publish()
    page.title, page.summary = "草稿新标题", "草稿里的新简介"
    revision = page.save_revision()
    return page, revision


def test_valid_token_serves_the_draft(client, drafted):
    page, revision = drafted
    response = client.get("/api/v2/preview/", {"token": make_token(revision)})
    assert response.status_code == 200
    data = response.json()
    assert (data["id"], data["title"], data["summary"]) == (page.pk, "草稿新标题", "草稿里的新简介")
    assert "no-store" in response["Cache-Control"]
    assert "草稿新标题" not in client.get(f"/api/v2/projects/{page.pk}/").content.decode()


@pytest.mark.parametrize("token", ["", "garbage", "eyJwYWdlIjoxfQ:1tAAAA:forged"])
def test_missing_or_forged_token_is_refused(client, drafted, token):
    response = client.get("/api/v2/preview/", {"token": token})
    assert response.status_code == 403
    assert "草稿" not in response.content.decode() and response.json()["message"]


def test_tampered_token_is_refused(client, drafted):
    _, revision = drafted
    token = make_token(revision)
    body, rest = token.split(":", 1)
    tampered = body[:-2] + ("AA" if body[-2:] != "AA" else "BB") + ":" + rest
    assert client.get("/api/v2/preview/", {"token": tampered}).status_code == 403


def test_expired_token_is_refused(client, drafted, settings):
    _, revision = drafted
    token = make_token(revision)
    settings.SHEGONG_PREVIEW_MAX_AGE = -1
    assert client.get("/api/v2/preview/", {"token": token}).status_code == 403


def test_editor_is_sent_to_the_consuming_site_with_a_token(admin_client, drafted, settings):
    page, _ = drafted
    settings.SHEGONG_PREVIEW_CLIENT_URL = "https://portal.example.gov.cn/preview"
    edit = admin_client.get(f"/admin/pages/{page.pk}/edit/").content.decode()
    assert "对接站点预览" in edit
    response = admin_client.get(f"/admin/api-preview/{page.pk}/")
    assert response.status_code == 302
    target = urlsplit(response["Location"])
    assert f"{target.scheme}://{target.netloc}{target.path}" == settings.SHEGONG_PREVIEW_CLIENT_URL
    token = parse_qs(target.query)["token"][0]
    assert admin_client.get("/api/v2/preview/", {"token": token}).json()["title"] == "草稿新标题"


def test_someone_who_cannot_edit_gets_no_token(client, drafted, django_user_model):
    page, _ = drafted
    user = django_user_model.objects.create_user("reader", password="pw")
    user.groups.add(Group.objects.get_or_create(name="只读")[0])
    client.force_login(user)
    response = client.get(f"/admin/api-preview/{page.pk}/")
    assert response.status_code in (302, 403)
    assert "token=" not in response.get("Location", "")
