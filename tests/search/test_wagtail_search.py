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


def titles(results):
    return {page.title for page in results}


def test_search_syntax_is_only_punctuation(corpus):
    """What PostgreSQL's tsquery or FTS5 would read as operators finds the same as the plain words."""
    plain = titles(Page.objects.search("养老 服务"))
    assert "关上社区“五社联动”养老服务项目" in plain
    for query in ["养老 & !服务", "养老 | (服务", "'养老' <-> 服务:*", '"养老" AND 服务*', "养老\\ 服务'"]:
        assert titles(Page.objects.search(query)) == plain, query


def test_any_word_with_or(corpus):
    both = titles(Page.objects.search("心理健康 喘息服务", operator="or"))
    assert {"青少年心理健康服务项目", "金马社区居家养老喘息服务项目"} <= both
    assert not titles(Page.objects.search("心理健康 喘息服务"))


def test_title_ranks_before_body(corpus):
    """喘息服务 is a project's title and a phrase in a policy's body: the project comes first."""
    assert [p.title for p in ProjectPage.objects.search("喘息服务")][:1] == ["金马社区居家养老喘息服务项目"]
    assert list(Page.objects.search("喘息服务"))[0].title == "金马社区居家养老喘息服务项目"


def test_autocomplete_finds_what_is_being_typed(corpus):
    """The page chooser searches as the editor types: the last word is a prefix."""
    assert "云溪社区营造微更新项目" in titles(Page.objects.autocomplete("云溪社区营"))
    assert "云溪社区营造微更新项目" in titles(Page.objects.autocomplete("云"))
    assert not titles(Page.objects.autocomplete("溪云"))


def test_an_edited_title_is_found_by_its_new_words_only(corpus):
    project = ProjectPage.objects.get(code="GD-2023-017")
    for title in ["金马社区蓝莓义卖项目", "金马社区草莓义卖项目"]:
        project.title = title
        project.save_revision().publish()
    assert titles(Page.objects.search("草莓义卖")) == {"金马社区草莓义卖项目"}
    assert not titles(Page.objects.search("蓝莓"))
