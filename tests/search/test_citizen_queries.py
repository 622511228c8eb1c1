"""Search as citizens type it, on the demo content: no dead ends, synonyms editors manage, traditional characters,
pinyin, corrections, and results that say what they are."""

import re

from shegong.pages.models import PolicyPage, ProjectPage
from shegong.search import service
from shegong.search.models import SearchDocument, Synonym
from shegong.snippets.regions import Region, RegionLevel

API = "/api/v2/search/"
TIER_ORDER = {"phrase": 0, "all": 1, "most": 2}


def titles(query, **kwargs):
    return [hit.title for hit in service.search(query, page_size=10, **kwargs).hits]


def test_words_typed_together_find_pages_where_they_stand_apart(demo):
    """关上街道养老: no page says it in one piece; the 养老 projects of 关上街道 hold both words."""
    results = service.search("关上街道养老")
    assert results.count > 0
    assert {"关上社区“时间银行”互助养老项目", "世纪城社区“时间银行”互助养老服务项目"} <= {h.title for h in results.hits}
    assert results.hits[0].match == "all"


def test_exact_phrase_first_then_all_pieces_then_most_page_by_page(demo):
    """养老服务: pages saying it, then pages with 养老 and 服务 apart, then pages with one of them."""
    ranked = [hit.match for page in range(1, 16) for hit in service.search("养老服务", page=page, page_size=10).hits]
    assert ranked[0] == "phrase" and {"all", "most"} <= set(ranked)
    assert [TIER_ORDER[m] for m in ranked] == sorted(TIER_ORDER[m] for m in ranked)
    # The text says “五社联动”机制: the quotes part the words, which still come first.
    first_two = titles("五社联动机制")[:2]
    assert set(first_two) == {
        "宁夏：完善“五社联动”机制 创新基层治理新格局",
        "江苏：深化“五社联动”机制 建立健全三级社会工作服务体系",
    }


def test_a_word_found_nowhere_is_named_and_the_rest_still_found(client, demo):
    body = client.get(API, {"q": "五社联动蓝莓"}).json()
    assert body["count"] > 0 and body["missing"] == ["蓝莓"]
    assert all(r["match"] == "most" for r in body["results"])
    page = client.get("/search/", {"q": "五社联动蓝莓"}).content.decode()
    assert "未找到：蓝莓" in page


def test_words_the_content_lacks_are_named_whole_and_never_leave_the_page_empty(client, demo):
    """A query whose words the demo content holds only in part (no page says 指南 or 点) still finds the pages
    holding the rest, and 未找到 names the word the citizen typed, never a stray character or a pair of
    characters across two words (报指, 年)."""
    for query, found_word, lacking in [
        ("申报指南", "申报", ["指南"]),
        ("助餐点", "助餐", []),
        ("2023年立项", "立项", []),
    ]:
        body = client.get(API, {"q": query}).json()
        assert body["count"] > 0, query
        assert found_word in body["results"][0]["title"] + body["results"][0]["highlight"], query
        assert body["missing"] == lacking, query


def test_question_words_are_not_required(client, demo):
    """怎么 and 哪里可以 are how people ask, not what they look for: the 低保 projects come first."""
    for query in ["怎么申请低保", "哪里可以办理低保"]:
        body = client.get(API, {"q": query}).json()
        assert "低保" in body["results"][0]["title"], query
        assert not {"怎么", "哪里", "可以"} & set(body["missing"]), query


def test_synonyms_are_searched_too_and_said(client, demo):
    body = client.get(API, {"q": "黑名单"}).json()
    assert "黑榜" in body["synonyms"]
    assert "官渡区社会组织红黑榜管理办法（试行）" in [r["title"] for r in body["results"]]
    assert "同时搜索了：黑榜" in client.get("/search/", {"q": "黑名单"}).content.decode()


def test_an_editor_adds_synonyms_in_the_admin(admin_client, demo):
    assert titles("银发餐桌") == []
    response = admin_client.post("/admin/snippets/shegong_search/synonym/add/", {"terms": "银发餐桌，助餐", "note": ""})
    assert response.status_code == 302
    assert Synonym.objects.get(terms="银发餐桌/助餐")
    assert "2022年官渡区公益创投：“爱心厨房”助老助餐项目" in titles("银发餐桌")


def test_a_synonym_group_of_one_word_is_refused_with_a_reason(admin_client, demo):
    response = admin_client.post("/admin/snippets/shegong_search/synonym/add/", {"terms": "助餐", "note": ""})
    assert response.status_code == 200
    assert "至少要有两个词" in response.content.decode()
    assert not Synonym.objects.filter(terms="助餐").exists()


def test_traditional_characters_find_what_simplified_ones_do(demo):
    assert titles("養老服務") == titles("养老服务") != []
    assert titles("紅黑榜") == titles("红黑榜") != []


def test_pinyin_with_or_without_spaces_finds_the_words(client, demo):
    assert titles("yanglao") == titles("yang lao") == titles("养老") != []
    assert client.get(API, {"q": "yang lao"}).json()["pinyin"] == "养老"
    assert "按拼音搜索了" in client.get("/search/", {"q": "yanglao"}).content.decode()


def test_pinyin_of_title_words_no_list_knows_finds_the_titles(demo):
    """大赛, 垃圾分类 and 古镇非遗 are in no word list: their pinyin is matched syllable by syllable in titles."""
    assert titles("gongyichuangtou dasai fangan")[0] == "官渡区公益创投大赛实施方案"
    assert titles("laji fenlei") == ["2022年官渡区公益创投：“绿色家园”垃圾分类社区行动"]
    contest = titles("gongyi chuangtou dasai")
    assert contest and all("公益创投大赛" in title for title in contest[:3])
    assert titles("guzhen feiyi")[0] == titles("古镇非遗")[0] == "首届官渡区公益创投大赛：古镇非遗传承志愿服务项目"


def test_a_typo_gets_a_correction(client, demo):
    assert client.get(API, {"q": "时间银航"}).json()["suggestion"] == "时间银行"
    page = client.get("/search/", {"q": "时间银航"}).content.decode()
    assert "您是不是要找" in page and "时间银行" in page
    assert client.get(API, {"q": "时间银行"}).json()["suggestion"] == ""


def test_a_word_with_a_longer_synonym_does_not_outweigh_the_other_words(demo):
    """社会工作禁毒: the projects whose titles say both come first, not the stations that say 社会工作(者) often and
    禁毒 once (社会工作者, a synonym holding 社会工作, used to be scored beside it)."""
    both = set(
        ProjectPage.objects.filter(title__contains="禁毒")
        .filter(title__contains="社会工作")
        .values_list("title", flat=True)
    )
    assert len(both) >= 3
    assert set(titles("社会工作禁毒")[: len(both)]) == both


def test_a_code_prefix_finds_its_projects(demo):
    expected = set(ProjectPage.objects.filter(code__startswith="GD-2022").values_list("title", flat=True))
    found = {hit.title for page in range(1, 6) for hit in service.search("GD-2022", page=page, page_size=20).hits}
    assert expected and expected <= found


def test_a_code_prefix_ranks_its_projects_above_the_notices_listing_them(demo):
    """GD-2022: the 立项公示 and 评估结果公示 notices list every GD-2022 code; the projects themselves come first."""
    expected = set(ProjectPage.objects.filter(code__startswith="GD-2022").values_list("title", flat=True))
    ranked = [hit for page in range(1, 6) for hit in service.search("GD-2022", page=page, page_size=10).hits]
    assert len(expected) > 10
    assert {hit.title for hit in ranked[: len(expected)]} == expected
    assert any(hit.type == "notice" for hit in ranked[len(expected) :])


def test_the_street_facet_lists_streets_only(demo):
    streets = set(Region.objects.filter(level=RegionLevel.STREET).values_list("name", flat=True))
    values = {item["value"] for item in service.search("社会工作服务").facets["street"]}
    assert values and values <= streets
    assert set(SearchDocument.objects.exclude(street="").values_list("street", flat=True)) <= streets


def test_each_hit_says_what_it_is(client, demo):
    policy = PolicyPage.objects.get(document_number="官民发〔2017〕12号")
    body = client.get(API, {"q": "官渡区政府购买社会工作服务项目管理办法", "type": "policy"}).json()
    ranked = [r["title"] for r in body["results"]]
    # The rule in force first; the one it replaced after the policies in force that match as well, marked.
    assert ranked[0] == "官渡区政府购买社会工作服务项目管理办法" and policy.title in ranked
    hit = body["results"][ranked.index(policy.title)]
    assert all(r["in_force"] for r in body["results"][: ranked.index(policy.title)])
    assert (hit["document_number"], hit["status_label"], hit["in_force"]) == ("官民发〔2017〕12号", "已废止", False)
    project = ProjectPage.objects.get(code="GD-2023-009")
    hit = client.get(API, {"q": "GD-2023-009"}).json()["results"][0]
    assert hit["organization"] == project.organization.name and hit["stage_label"] == project.get_stage_display()
    page = client.get("/search/", {"q": "管理办法", "type": "policy"}).content.decode()
    assert re.search(r'search-hit__status--void">已废止<', page)
    assert "官民发〔2017〕12号" in page


def test_on_the_page_results_come_before_the_folded_filters(client, demo):
    page = client.get("/search/", {"q": "社工"}).content.decode()
    assert page.index('class="search-results"') < page.index('<details class="search-filters"')


def test_the_search_box_suggests_words_and_titles(client, demo):
    body = client.get("/api/v2/search/suggest/", {"q": "时间"}).json()
    assert "时间银行" in body["terms"]
    assert {"关上社区“时间银行”互助养老项目", "世纪城社区“时间银行”互助养老服务项目"} <= {
        t["title"] for t in body["titles"]
    }
    by_pinyin = client.get("/api/v2/search/suggest/", {"q": "yangl"}).json()
    assert "养老" in by_pinyin["terms"]
    assert client.get("/api/v2/search/suggest/", {"q": ""}).json() == {"terms": [], "titles": []}


def test_suggested_titles_are_the_newest_that_hold_what_was_typed(client, demo):
    titles = client.get("/api/v2/search/suggest/", {"q": "项目"}).json()["titles"]
    assert len(titles) == 8 and all("项目" in t["title"] for t in titles)
    dates = [SearchDocument.objects.get(url=t["url"]).date for t in titles]
    assert dates == sorted(dates, reverse=True)
    # Words no page holds (a slip of the keyboard) and words only bodies hold offer no title.
    assert client.get("/api/v2/search/suggest/", {"q": "蓝莓"}).json()["titles"] == []
    body_only = "专款专用"
    assert SearchDocument.objects.filter(text__contains=body_only).exists()
    assert not SearchDocument.objects.filter(title__contains=body_only).exists()
    assert client.get("/api/v2/search/suggest/", {"q": body_only}).json()["titles"] == []


def test_suggestions_ignore_letter_case_on_every_database(client, demo):
    project = ProjectPage.objects.live().first()
    project.title = "长者智能手机APP使用培训项目"
    project.save_revision().publish()
    titles = client.get("/api/v2/search/suggest/", {"q": "app"}).json()["titles"]
    assert [t["title"] for t in titles] == [project.title]


def test_suggestions_reject_bad_input_in_chinese(client, demo):
    too_long = client.get("/api/v2/search/suggest/", {"q": "养" * 51})
    assert too_long.status_code == 400 and "最多" in too_long.json()["message"]
    unknown = client.get("/api/v2/search/suggest/", {"q": "养老", "limit": 3})
    assert unknown.status_code == 400 and "limit" in unknown.json()["message"]


def test_suggestions_never_show_unpublished_titles(client, demo):
    project = ProjectPage.objects.get(code="GD-2024-010")
    project.unpublish()
    titles_offered = {t["title"] for t in client.get("/api/v2/search/suggest/", {"q": "社区花园"}).json()["titles"]}
    assert project.title not in titles_offered


def test_hot_searches_come_from_what_citizens_searched_with_editors_picks_first(client, admin_client, demo):
    from wagtail.contrib.search_promotions.models import Query, QueryDailyHits, SearchPromotion

    for _ in range(3):
        client.get("/search/", {"q": "时间银行"})
    client.get("/search/", {"q": "五社联动"})  # once only: not yet popular
    client.get("/search/", {"q": "蓝莓蓝莓"})  # found nothing: not logged
    policy = PolicyPage.objects.get(document_number="官民发〔2022〕30号")
    SearchPromotion.objects.create(query=Query.get("黑名单"), page=policy, sort_order=0, description="红黑榜的规则")
    hot = client.get("/api/v2/search/hot/").json()["queries"]
    assert hot[:2] == ["黑名单", "时间银行"]
    assert "五社联动" not in hot and "蓝莓蓝莓" not in hot
    # The log holds the query, a day and a count: nothing about who asked.
    assert {f.name for f in QueryDailyHits._meta.get_fields()} == {"id", "query", "date", "hits"}
    page = client.get("/search/").content.decode()
    assert "热搜" in page and "时间银行" in page
    picked = client.get("/search/", {"q": "黑名单"}).content.decode()
    assert picked.index("编辑推荐") < picked.index('class="search-hit search-hit--policy"')
    assert "红黑榜的规则" in picked
