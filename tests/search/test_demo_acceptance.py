"""The issue's acceptance queries on the demo content (fixtures/demo.json), the way a citizen and an editor ask them:
through the public search page, the API and the admin's page search."""

import html
import re

import pytest
from wagtail.models import Page

SECTIONS = ["policies", "projects", "notices", "stations"]
POLICY_NUMBER = "民发〔2012〕196号"
QUERIES = ["社工", "养老", "五社联动", "困难群众", "官渡", POLICY_NUMBER]
TAGS = re.compile(r"<[^>]+>")


def titled(records, query):
    """The demo pages whose title holds the query: a reader expects every one of them among the results."""
    return {
        r.get("title") or r["name"]
        for section in SECTIONS
        for r in records[section]
        if query in (r.get("title") or r["name"])
    }


def api_results(client, **params):
    """Every result of an API search, following the pages."""
    results, page = [], 1
    while True:
        body = client.get("/api/v2/search/", {"page_size": 50, "page": page, **params}).json()
        results += body["results"]
        if page >= body["num_pages"]:
            return body["count"], results
        page += 1


def page_text(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return html.unescape(TAGS.sub("", response.content.decode()))


@pytest.mark.parametrize("query", QUERIES)
def test_api_finds_every_page_titled_with_the_word_and_only_pages_that_say_it(client, demo, demo_records, query):
    count, results = api_results(client, q=query)
    found = [r["title"] for r in results]
    assert count == len(results) > 0
    assert titled(demo_records, query) <= set(found)
    synonyms = client.get("/api/v2/search/", {"q": query}).json()["synonyms"]
    for result in [r for r in results if r["match"] != "most"]:
        text = page_text(client, result["url"])
        assert any(word in text for word in [query, *synonyms]), f"{result['title']} 的页面里没有“{query}”及其同义词"
    if titled(demo_records, query):
        assert query in found[0], f"标题含“{query}”的页面应排在最前，实际第一条是“{found[0]}”"


def test_document_number_finds_its_policy_first_in_any_width(client, demo, demo_records):
    policy = next(p["title"] for p in demo_records["policies"] if p["document_number"] == POLICY_NUMBER)
    for typed in [POLICY_NUMBER, "民发[2012]196号", "民发（2012）196号", "民发〔2012〕第196号"]:
        _, results = api_results(client, q=typed)
        assert [r["title"] for r in results][:1] == [policy], typed


@pytest.mark.parametrize("query", QUERIES)
def test_search_page_shows_the_same_results_as_the_api(client, demo, query):
    count, results = api_results(client, q=query)
    response = client.get("/search/", {"q": query})
    assert response.status_code == 200
    content = response.content.decode()
    text = html.unescape(TAGS.sub("", content))
    assert f"{count} 条" in text or f"{count}条" in text, f"检索页没有显示共 {count} 条"
    assert html.escape(results[0]["title"]) in content or results[0]["title"] in text
    assert "<mark>" in content


def admin_listed_titles(admin_client, query):
    response = admin_client.get("/admin/pages/search/", {"q": query})
    assert response.status_code == 200
    return [
        html.unescape(t).strip()
        for t in re.findall(r'<span id="page_\d+_title">(.*?)</span>', response.content.decode(), re.S)
    ]


@pytest.mark.parametrize("query", QUERIES[:-1])
def test_admin_page_search_lists_the_pages_titled_with_the_word(admin_client, demo, query):
    # The admin's page search matches titles as the editor types (Wagtail's autocomplete), in Chinese too.
    titled_pages = set(Page.objects.filter(depth__gt=3, title__contains=query).values_list("title", flat=True))
    listed = admin_listed_titles(admin_client, query)
    listed = [title for title in listed if title in titled_pages or Page.objects.get(title=title).depth > 3]
    assert listed and set(listed) <= titled_pages
    assert set(listed) == titled_pages or len(listed) >= 20


def test_admin_page_search_finds_a_policy_by_document_number(admin_client, demo, demo_records):
    policy = next(p["title"] for p in demo_records["policies"] if p["document_number"] == POLICY_NUMBER)
    assert admin_listed_titles(admin_client, POLICY_NUMBER) == [policy]
    assert admin_listed_titles(admin_client, "民发[2012]196") == [policy]


@pytest.mark.parametrize("query", ["养老", "官渡", "困难群众"])
def test_filters_narrow_and_facet_counts_add_up(client, demo, query):
    everything = client.get("/api/v2/search/", {"q": query}).json()
    facets = everything["facets"]
    assert sum(item["count"] for item in facets["type"]) == everything["count"]
    for item in facets["type"]:
        narrowed = client.get("/api/v2/search/", {"q": query, "type": item["value"]}).json()
        assert narrowed["count"] == item["count"] < everything["count"] or len(facets["type"]) == 1
    projects = client.get("/api/v2/search/", {"q": query, "type": "project"}).json()
    years = projects["facets"]["year"]
    assert sum(item["count"] for item in years) == projects["count"]
    year = years[0]["value"]
    one_year = client.get("/api/v2/search/", {"q": query, "type": "project", "year": year, "page_size": 50}).json()
    assert one_year["count"] == years[0]["count"]
    assert {r["type"] for r in one_year["results"]} == {"project"}
