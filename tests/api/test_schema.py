"""The OpenAPI schema describes every public endpoint, validates, and the API keeps to it under fuzzing."""

import json
import re
from urllib.parse import urlsplit

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from drf_spectacular.validation import validate_schema
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from shegong.updates.models import UpdatePhoto
from tests.factories import (
    CommentFactory,
    DisbursementFactory,
    NoticePageFactory,
    OrganizationFactory,
    StreetFactory,
    UpdateFactory,
)

pytestmark = pytest.mark.django_db

CJK = re.compile(r"[\u4e00-\u9fff]")

ENDPOINTS = [
    "/api/v2/pages/",
    "/api/v2/pages/{id}/",
    "/api/v2/projects/",
    "/api/v2/projects/{id}/",
    "/api/v2/policies/",
    "/api/v2/policies/{id}/",
    "/api/v2/notices/",
    "/api/v2/notices/{id}/",
    "/api/v2/stations/",
    "/api/v2/stations/{id}/",
    "/api/v2/images/",
    "/api/v2/images/{id}/",
    "/api/v2/documents/",
    "/api/v2/documents/{id}/",
    "/api/v2/departments/",
    "/api/v2/categories/",
    "/api/v2/organizations/",
    "/api/v2/organizations/{id}/",
    "/api/v2/regions/",
    "/api/v2/regions/tree/",
    "/api/v2/search/",
    "/api/v2/stats/",
    "/api/v2/preview/",
    "/api/v2/redblack/",
    "/api/v2/updates/",
    "/api/v2/updates/{id}/",
]


def test_schema_is_valid_openapi_and_covers_every_endpoint(client):
    response = client.get("/api/schema/", HTTP_ACCEPT="application/json")
    assert response.status_code == 200
    schema = response.json()
    validate_schema(schema)
    assert schema["openapi"].startswith("3.")
    assert set(ENDPOINTS) <= set(schema["paths"])
    assert not [path for path in schema["paths"] if not path.startswith("/api/")]


def assets(page):
    """The addresses of every script, stylesheet, font and image a docs page loads, and its inline scripts."""
    sources = re.findall(r'<(?:script|link|img)[^>]*?(?:src|href)="([^"]+)"', page)
    inline = [
        body for attrs, body in re.findall(r"<script([^>]*)>(.*?)</script>", page, re.DOTALL) if "src=" not in attrs
    ]
    return sources, inline


@pytest.mark.parametrize("address", ["/api/docs/", "/api/redoc/"])
def test_docs_load_only_from_our_own_origin_with_no_inline_script(client, address):
    page = client.get(address).content.decode()
    sources, inline = assets(page)
    assert sources and inline == []
    assert not [url for url in sources if urlsplit(url).netloc], sources  # no fonts.googleapis.com, no CDN
    for url in sources:
        response = client.get(url)
        assert response.status_code == 200, url
        b"".join(response.streaming_content if response.streaming else [response.content])
    assert "googleapis" not in page and "cdn." not in page


def test_docs_are_written_for_consumers_in_chinese(client):
    schema = client.get("/api/schema/?format=json").json()
    english = []

    def walk(node, path):
        if isinstance(node, dict):
            for key, value in node.items():
                if key in ("description", "summary") and isinstance(value, str) and value:
                    code_list = all(re.fullmatch(r"\* `(.*)` - \1", line) for line in value.splitlines())
                    if not CJK.search(value) and not code_list:
                        english.append(f"{path}/{key}: {value[:60]}")
                walk(value, f"{path}/{key}")
        elif isinstance(node, list):
            for item in node:
                walk(item, path)

    walk(schema, "")
    # The search endpoint's objects are the search app's to describe.
    assert [line for line in english if not line.startswith("/components/schemas/Hit/")] == []
    assert "API_FIELDS" not in json.dumps(schema)
    projects = schema["paths"]["/api/v2/projects/"]["get"]
    assert projects["summary"] == "服务项目列表" and "stage" in projects["description"]


@pytest.fixture
def content(project, policy, image):
    """Some of every kind, so generated ids and filters sometimes hit real records."""
    NoticePageFactory(
        title="立项公示", kind="approval_publicity", publicity_until="2022-07-01"
    ).related_projects.create(project=project)
    StreetFactory(name="关上街道")
    OrganizationFactory(name="红榜组织", list_status="red", list_reason="服务成效突出", listed_on="2022-01-01")
    update = UpdateFactory(project=project, status="approved")
    UpdatePhoto.objects.create(update=update, image=image, caption="入户探访")
    DisbursementFactory(project=project)
    CommentFactory(project=project, rating=5, status="approved")


@pytest.fixture
def connection_kept():
    """The WSGI app is called directly, not through Django's test client, so the request signals would close
    the database connection mid-test, as after a real request; on PostgreSQL that ends the test's
    transaction. Like the test client, keep it open."""
    for signal in (request_started, request_finished):
        signal.disconnect(close_old_connections)
    yield
    for signal in (request_started, request_finished):
        signal.connect(close_old_connections)


# Building the schema needs no database, so it is loaded once, at collection.
schema = schemathesis.openapi.from_wsgi("/api/schema/?format=json", get_wsgi_application())


@schemathesis.check
def errors_in_chinese(ctx, response, case):
    """A consumer's bad request is explained in Chinese, whatever was wrong with it."""
    if 400 <= response.status_code < 500:
        # {"message"} from the content endpoints, {"detail"} from DRF's own 405 on the other views.
        body = response.json()
        message = body.get("message") or body.get("detail") or ""
        assert CJK.search(message), f"{case.path}: {message!r}"


@schema.parametrize()
@settings(max_examples=15, deadline=None, suppress_health_check=list(HealthCheck))
def test_api_keeps_to_its_schema(case, content, connection_kept):
    case.call_and_validate(
        checks=[
            not_a_server_error,
            status_code_conformance,
            content_type_conformance,
            response_schema_conformance,
            errors_in_chinese,
        ]
    )
