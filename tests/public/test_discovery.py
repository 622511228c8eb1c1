"""What search engines and feed readers find: sitemap, robots.txt, feeds, favicon, the share card."""

import xml.etree.ElementTree as ET
from urllib.parse import urlparse

import pytest

from tests.public.conftest import public_page_paths

pytestmark = pytest.mark.django_db

SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
ATOM = "{http://www.w3.org/2005/Atom}"


def xml_of(client, url, **params):
    response = client.get(url, params)
    assert response.status_code == 200, response.content[:300]
    return ET.fromstring(response.content)


def paths(urls):
    return {urlparse(url).path for url in urls}


def test_sitemap_lists_every_public_page_and_view_and_nothing_hidden(client, published):
    tree = xml_of(client, "/sitemap.xml")
    listed = paths(loc.text for loc in tree.iter(f"{SITEMAP}loc"))

    assert public_page_paths() <= listed
    assert {"/redblack/", "/stats/", "/opendata/", "/sitemap/", "/xxgk/", "/organizations/"} <= listed
    assert f"/organizations/{published['organization'].pk}/" in listed
    for page in published["hidden"]:
        assert page.url not in listed and page.get_url_parts()[2] not in listed


def test_every_url_in_the_sitemap_answers(client, published):
    for url in paths(loc.text for loc in xml_of(client, "/sitemap.xml").iter(f"{SITEMAP}loc")):
        assert client.get(url).status_code == 200, url


def test_robots_txt_names_the_sitemap_and_keeps_crawlers_out_of_the_admin(client):
    response = client.get("/robots.txt")
    assert response.status_code == 200 and response["Content-Type"].startswith("text/plain")
    lines = response.content.decode().splitlines()
    assert "Sitemap: http://testserver/sitemap.xml" in lines
    assert "Disallow: /admin/" in lines


@pytest.mark.parametrize("kind", ["notices", "policies", "projects"])
def test_rss_and_atom_feeds_carry_the_live_public_pages_only(client, published, kind):
    from shegong.pages.models import NoticePage, PolicyPage, ProjectPage

    model = {"notices": NoticePage, "policies": PolicyPage, "projects": ProjectPage}[kind]
    expected = {page.url for page in model.objects.live().public()}

    rss = xml_of(client, f"/feeds/{kind}/rss/")
    assert rss.tag == "rss" and rss.find("channel/title").text
    assert paths(item.findtext("link") for item in rss.iter("item")) == expected

    atom = xml_of(client, f"/feeds/{kind}/atom/")
    assert atom.tag == f"{ATOM}feed"
    assert paths(entry.find(f"{ATOM}link").get("href") for entry in atom.iter(f"{ATOM}entry")) == expected
    titles = {entry.findtext(f"{ATOM}title") for entry in atom.iter(f"{ATOM}entry")}
    assert not titles & {page.title for page in published["hidden"]}


def test_project_feed_by_stage_keeps_that_stage(client, published):
    rss = xml_of(client, "/feeds/projects/rss/", stage="call")
    assert [item.findtext("title") for item in rss.iter("item")] == ["矣六街道社区营造征集项目"]
    assert "项目征集" in rss.findtext("channel/title")


def test_project_feed_with_an_unknown_stage_is_a_chinese_400(client, home):
    response = client.get("/feeds/projects/atom/", {"stage": "done"})
    assert response.status_code == 400
    assert "阶段参数 stage 的值“done”无效" in response.content.decode()


@pytest.mark.parametrize(
    "url, feed",
    [
        ("/notices/", "/feeds/notices/rss/"),
        ("/policies/", "/feeds/policies/atom/"),
        ("/projects/?stage=implementation", "/feeds/projects/rss/?stage=implementation"),
    ],
)
def test_listings_announce_their_feeds(client, published, url, feed):
    html = client.get(url).content.decode()
    assert f'rel="alternate" type="application/{"atom" if "atom" in feed else "rss"}+xml"' in html
    assert f'href="{feed}"' in html


def test_a_project_page_carries_its_summary_and_a_share_card(client, published):
    project = published["pages"]["project"]
    html = client.get(project.url).content.decode()
    assert '<meta name="description" content="为独居老人提供探访服务。">' in html
    assert f'<meta property="og:title" content="{project.title}">' in html
    assert '<meta property="og:description" content="为独居老人提供探访服务。">' in html
    assert f'<meta property="og:url" content="http://testserver{project.url}">' in html
    image = html.split('<meta property="og:image" content="')[1].split('"')[0]
    assert image.startswith("http://testserver/static/") and client.get(urlparse(image).path).status_code == 200


def test_pages_that_are_not_wagtail_pages_have_a_description_too(client, home):
    html = client.get("/redblack/").content.decode()
    assert '<meta property="og:title" content="社会组织红黑榜">' in html
    assert '<meta name="description" content="社会组织红榜、黑榜名单' in html


def test_favicon_is_served(client):
    response = client.get("/favicon.ico", follow=True)
    assert response.status_code == 200
    assert b"".join(response.streaming_content)[:4] == b"\x00\x00\x01\x00"  # the ICO header
