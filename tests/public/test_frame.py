"""The frame editors run: menu, footer, identifiers, 网站地图, 信息公开, and the 长辈版 switch."""

import pytest
from wagtail.models import Site
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from shegong.navigation.models import SiteFrame
from tests.factories import ContentPageFactory

pytestmark = pytest.mark.django_db


def main_nav(html):
    return html[html.index('aria-label="主导航"') : html.index("</nav>", html.index('aria-label="主导航"'))]


def footer(html):
    return html[html.index("<footer") : html.index("</footer>")]


def test_a_new_site_shows_the_default_menu_and_every_identifier_a_government_site_carries(client, home):
    html = client.get("/").content.decode()
    nav = main_nav(html)
    for label, url in [
        ("红黑榜", "/redblack/"),
        ("数据统计", "/stats/"),
        ("信息公开", "/xxgk/"),
        ("数据开放", "/opendata/"),
    ]:
        assert f'<a href="{url}">{label}</a>' in nav
    foot = footer(html)
    for text in (
        "主办单位：",
        "承办单位：",
        "联系方式：",
        "网站标识码：",
        "ICP备",
        "公网安备",
        'href="/sitemap/">网站地图</a>',
    ):
        assert text in foot


def test_the_demo_database_gets_the_frame_from_the_migration(home):
    # The migration ran on the test database: the default site already has its filled frame.
    frame = SiteFrame.objects.get(site=Site.objects.get(is_default_site=True))
    assert frame.sponsor and frame.site_code and frame.main_menu.count() >= 8


def test_an_editor_adds_a_page_to_the_menu_and_changes_the_footer(admin_client, home):
    about = ContentPageFactory(title="关于平台", slug="about")
    site = Site.objects.get(is_default_site=True)
    frame = SiteFrame.for_site(site)
    menu = [
        {"id": item.pk, "label": item.label, "link_page": "", "link_url": item.link_url, "ORDER": i}
        for i, item in enumerate(frame.main_menu.all())
    ]
    menu.append({"label": "", "link_page": about.pk, "link_url": "", "ORDER": len(menu)})
    data = nested_form_data(
        {
            "sponsor": "官渡区人民政府办公室",
            "organizer": "官渡区民政局",
            "contact": "电话：0871-67170000",
            "site_code": "5301110012",
            "icp_number": "滇ICP备05001234号",
            "police_number": "滇公网安备53011102000123号",
            "description": "",
            "main_menu": inline_formset(menu, initial=len(menu) - 1),
            "footer_links": inline_formset([]),
        }
    )
    response = admin_client.post(f"/admin/settings/navigation/siteframe/{site.pk}/", data)
    assert response.status_code == 302, response.content.decode()[:2000]

    html = admin_client.get("/").content.decode()
    assert '<a href="/about/">关于平台</a>' in main_nav(html)
    foot = footer(html)
    assert "主办单位：官渡区人民政府办公室" in foot and "网站标识码：5301110012" in foot
    assert "滇ICP备05001234号" in foot and "0871-67170000" in foot


def test_a_menu_link_needs_a_page_or_an_address(admin_client, home):
    site = Site.objects.get(is_default_site=True)
    SiteFrame.for_site(site)
    data = nested_form_data(
        {
            "sponsor": "",
            "organizer": "",
            "contact": "",
            "site_code": "",
            "icp_number": "",
            "police_number": "",
            "description": "",
            "main_menu": inline_formset([{"label": "空链接", "link_page": "", "link_url": "", "ORDER": 0}]),
            "footer_links": inline_formset([]),
        }
    )
    response = admin_client.post(f"/admin/settings/navigation/siteframe/{site.pk}/", data)
    assert response.status_code == 200
    assert "请选择一个页面或填写一个网址（二选一）。" in response.content.decode()


def test_html_sitemap_lists_the_sections_and_the_public_views(client, published):
    html = client.get("/sitemap/").content.decode()
    for url in (
        "/projects/",
        "/policies/",
        "/notices/",
        "/stations/",
        "/redblack/",
        "/stats/",
        "/opendata/",
        "/organizations/",
        "/feeds/notices/rss/",
    ):
        assert f'href="{url}"' in html


def test_disclosure_section_points_to_each_kind_of_information(client, home):
    html = client.get("/xxgk/").content.decode()
    assert "<h1>信息公开</h1>" in html
    for url in ("/notices/?kind=approval_publicity", "/redblack/", "/opendata/", "/stats/"):
        assert f'href="{url}"' in html


def test_elder_mode_is_switched_on_and_off_without_script_and_remembered(client, home):
    assert 'class="elder"' not in client.get("/projects/").content.decode()
    response = client.get("/display/elder/", {"next": "/projects/?stage=call"})
    assert response.status_code == 302 and response["Location"] == "/projects/?stage=call"
    assert response.cookies["display"].value == "elder" and response.cookies["display"]["max-age"] == 365 * 24 * 3600
    html = client.get("/policies/").content.decode()
    assert '<html lang="zh-hans" class="elder">' in html and "退出长辈版" in html
    client.get("/display/standard/", {"next": "/"})
    assert 'class="elder"' not in client.get("/policies/").content.decode()


def test_the_switch_never_redirects_to_another_site(client, home):
    response = client.get("/display/elder/", {"next": "https://evil.example.com/"})
    assert response["Location"] == "/"
