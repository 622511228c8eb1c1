"""Every link in an API answer opens where the site runs: under its public address, or the host asked."""

from urllib.parse import unquote, urlsplit

import pytest
from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from wagtail.documents import get_document_model

from shegong.updates.models import UpdatePhoto
from tests.factories import NoticePageFactory, OrganizationFactory, StationPageFactory, StreetFactory, UpdateFactory

from .listings import LISTINGS

pytestmark = pytest.mark.django_db

HOST = "portal.example.gov.cn"


@pytest.fixture
def content(project, policy, image):
    document = get_document_model().objects.create(
        title="实施细则", file=ContentFile("第一条……".encode(), name="rules.txt")
    )
    policy.attachments.create(document=document, title="实施细则全文")
    policy.save_revision().publish()
    NoticePageFactory(title="立项公示", kind="approval_publicity", publicity_until="2022-07-01")
    StationPageFactory(title="关上街道社工站", level="street", region=StreetFactory(name="关上街道"))
    OrganizationFactory(name="红榜组织", list_status="red", list_reason="服务成效突出", listed_on="2022-01-01")
    UpdatePhoto.objects.create(update=UpdateFactory(project=project, status="approved"), image=image, caption="探访")


def links(value):
    """Every absolute address in an answer, at any depth."""
    if isinstance(value, dict):
        for item in value.values():
            yield from links(item)
    elif isinstance(value, list):
        for item in value:
            yield from links(item)
    elif isinstance(value, str) and value.startswith(("http://", "https://")):
        yield value


def crawl(client, base):
    """Follows every link of every listing with `fields=*` and of each detail record; returns them."""
    followed = set()
    for listing in LISTINGS:
        response = client.get(listing, {"fields": "*"} if listing not in ("/api/v2/redblack/",) else {}, HTTP_HOST=HOST)
        assert response.status_code == 200, (listing, response.content)
        pending = list(links(response.json()))
        while pending:
            url = pending.pop()
            if url in followed:
                continue
            followed.add(url)
            assert url.startswith(base), url
            parts = urlsplit(url)
            if parts.path.startswith(settings.MEDIA_URL):
                # Uploaded files are served by the web server in front of Django, not by Django itself.
                assert default_storage.exists(unquote(parts.path.removeprefix(settings.MEDIA_URL))), url
                continue
            answer = client.get(parts.path + ("?" + parts.query if parts.query else ""), HTTP_HOST=HOST)
            assert answer.status_code == 200, url
            if answer["Content-Type"].startswith("application/json"):
                pending += links(answer.json())
    return followed


def test_every_link_opens_under_the_host_asked(client, settings, content):
    settings.ALLOWED_HOSTS = [HOST]
    followed = crawl(client, f"http://{HOST}/")
    paths = {urlsplit(url).path for url in followed}
    # html_url of each page type, detail_url of records, documents and image files are all among them.
    assert any(path.startswith("/projects/") for path in paths)
    assert any(path.startswith("/notices/") for path in paths)
    assert any(path.startswith("/api/v2/organizations/") for path in paths)
    assert any(path.startswith("/documents/") for path in paths)
    assert any(path.startswith("/media/images/") for path in paths)


def test_the_configured_public_address_wins(client, settings, content):
    settings.ALLOWED_HOSTS = [HOST, "127.0.0.1"]
    settings.SHEGONG_PUBLIC_URL = f"https://{HOST}/"
    project = client.get("/api/v2/projects/?fields=*", HTTP_HOST="127.0.0.1").json()["items"][0]
    assert project["meta"]["html_url"] == f"https://{HOST}/projects/{project['meta']['slug']}/"
    assert project["meta"]["detail_url"] == f"https://{HOST}/api/v2/projects/{project['id']}/"
    assert project["image"]["renditions"]["thumbnail"]["url"].startswith(f"https://{HOST}/media/images/")
    document = client.get("/api/v2/documents/", HTTP_HOST="127.0.0.1").json()["items"][0]
    assert document["meta"]["download_url"].startswith(f"https://{HOST}/documents/")
