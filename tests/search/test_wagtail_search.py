"""Wagtail's own search (Page.objects.search, the admin, ?search=) finds Chinese words too."""

from wagtail.models import Page
from wagtail.search.backends import get_search_backend

from shegong.pages.models import ProjectPage
from shegong.snippets.models import SocialOrganization


def test_page_search_finds_chinese_words(corpus):
    assert "关上社区“五社联动”养老服务项目" in [p.title for p in Page.objects.search("养老")]
    assert [p.title for p in ProjectPage.objects.search("五社联动")] == ["关上社区“五社联动”养老服务项目"]
    assert "困难群众救助帮扶社工服务项目" in [p.title for p in Page.objects.search("困难群众")]


def test_unbalanced_quote_is_not_an_error(corpus):
    assert list(Page.objects.search('困难"群众')) is not None
    assert list(Page.objects.search('"')) == []


def test_admin_page_search(admin_client, corpus):
    response = admin_client.get("/admin/pages/search/", {"q": "养老"})
    assert response.status_code == 200
    assert "金马社区居家养老喘息服务项目" in response.content.decode()
    assert admin_client.get("/admin/pages/search/", {"q": '困难"群众'}).status_code == 200


def test_admin_snippet_search(admin_client, corpus):
    url = "/admin/snippets/snippets/socialorganization/"
    response = admin_client.get(url, {"q": "阳光儿童"})
    assert response.status_code == 200
    content = response.content.decode()
    assert "昆明市官渡区阳光儿童社会工作服务中心" in content and "云南同心残障支持中心" not in content
    found = get_search_backend().search("养老", SocialOrganization)
    assert [org.name for org in found] == ["昆明市官渡区益邻养老服务中心"]
