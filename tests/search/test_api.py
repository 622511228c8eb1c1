"""GET /api/v2/search/: results, filters, facets, and bad input answered with 200 or 400, never 500."""

import pytest
from wagtail.models import Page

API = "/api/v2/search/"


def get(client, **params):
    return client.get(API, params)


def test_results_have_type_title_url_date_highlight_score(client, corpus):
    body = get(client, q="困难群众").json()
    assert body["count"] >= 2
    first = body["results"][0]
    assert set(first) >= {"type", "title", "url", "date", "highlight", "score"}
    assert first["url"] == Page.objects.get(title=first["title"]).url


def test_type_filter_narrows_and_facets_add_up(client, corpus):
    everything = get(client, q="五社联动").json()
    types = {item["value"]: item["count"] for item in everything["facets"]["type"]}
    assert sum(types.values()) == everything["count"]
    assert types["notice"] == 2 and types["project"] == 1 and types["policy"] == 1
    notices = get(client, q="五社联动", type="notice").json()
    assert notices["count"] == types["notice"]
    assert {r["type"] for r in notices["results"]} == {"notice"}


@pytest.mark.parametrize(
    "params, expected",
    [
        (
            {"level": "district"},
            {
                "官渡区政府购买社会工作服务项目资金管理办法",
                "官渡区社会组织红黑榜管理办法",
                "关于规范政府购买服务预算管理的通知",
            },
        ),
        (
            {"issuer": "民政部"},
            {
                "关于加快推进乡镇（街道）社会工作服务站建设的通知",
                "关于进一步健全农村留守儿童和困境儿童关爱服务体系的意见",
            },
        ),
        ({"status": "repealed"}, {"社会救助暂行办法"}),
        ({"category": "公益创投", "stage": "result"}, {"吴井街道困境儿童关爱项目", "青少年心理健康服务项目"}),
        ({"department": "官渡区残疾人联合会"}, {"小板桥街道残疾人康复支持项目"}),
        ({"organization": "昆明市官渡区暖流社会工作服务中心", "year": "2022"}, {"困难群众救助帮扶社工服务项目"}),
        ({"street": "金马街道", "type": "project"}, {"金马社区居家养老喘息服务项目", "困难群众救助帮扶社工服务项目"}),
        ({"kind": "list_publicity"}, {"2023年社会组织红黑榜公示"}),
        (
            {"type": "notice", "date_from": "2023-06-01", "date_to": "2023-12-31"},
            {"官渡区社工站实现街道全覆盖", "关于第二批项目经费拨付进度的说明"},
        ),
    ],
)
def test_filters_without_a_query_list_what_they_select(client, corpus, params, expected):
    body = get(client, page_size=50, **params).json()
    assert {r["title"] for r in body["results"]} == expected
    assert body["count"] == len(expected)


def test_newest_sort_and_pages(client, corpus):
    first = get(client, type="project", sort="newest", page_size=3).json()
    second = get(client, type="project", sort="newest", page_size=3, page=2).json()
    dates = [r["date"] for r in first["results"] + second["results"]]
    assert dates == sorted(dates, reverse=True)
    assert not {r["url"] for r in first["results"]} & {r["url"] for r in second["results"]}
    assert first["num_pages"] == 4 and first["count"] == 10


HOSTILE = [
    "",
    "养老" * 100,
    '+ - && || ! ( ) { } [ ] ^ " ~ * ? : \\ /',
    "养老 AND 服务 OR NOT NEAR(社工)",
    '困难"群众',
    '"五社联动',
    "社工\x00站",
    "🙂 养老 👵",
    "'; DROP TABLE shegong_search_searchdocument; --",
    "<script>alert(1)</script>社工",
    "title:养老 body:*",
    "养老*",
    "NEAR(养老 服务, 2)",
]


@pytest.mark.parametrize("query", HOSTILE)
def test_hostile_queries_are_answered_sanely(client, corpus, query):
    response = get(client, q=query)
    assert response.status_code == 200, response.content
    for result in response.json()["results"]:
        assert "<script>" not in result["highlight"] and "<script>" not in result["title_highlight"]


def test_syntax_is_text_not_operators(client, corpus):
    # The quote only separates: both words must be there, as in “困难 群众” ranked first.
    assert 0 < get(client, q='困难"群众').json()["count"] <= get(client, q="困难 群众").json()["count"]
    assert get(client, q="社工\x00站").json()["count"] == get(client, q="社工 站").json()["count"]
    assert get(client, q="+ - && || !").json()["count"] == 0


@pytest.mark.parametrize(
    "params, message",
    [
        ({"q": "养" * 2000}, "检索词太长"),
        ({"type": "video"}, "内容类型"),
        ({"level": "galactic"}, "政策层级"),
        ({"stage": "x"}, "项目阶段"),
        ({"year": "二〇二二"}, "年度"),
        ({"page": "0"}, "页码"),
        ({"page": "abc"}, "页码"),
        ({"page_size": "500"}, "每页条数"),
        ({"sort": "random"}, "排序"),
        ({"date_from": "2023-13-01"}, "起始日期"),
        ({"date_from": "2023-05-01", "date_to": "2023-01-01"}, "截止日期"),
    ],
)
def test_bad_parameters_get_400_with_a_chinese_message(client, db, params, message):
    response = get(client, **params)
    assert response.status_code == 400
    body = response.json()
    assert message in body["message"]
    # The field's own messages come too, under its name.
    assert set(body["errors"]) & set(params) and message in " ".join(sum(body["errors"].values(), []))


def test_unknown_free_text_filter_value_finds_nothing(client, corpus):
    body = get(client, q="养老", organization="不存在的机构").json()
    assert body["count"] == 0 and body["results"] == []


def test_private_contact_details_are_not_searchable(client, corpus):
    for secret in ["13800138000", "赵秘书", "保密路"]:
        results = get(client, q=secret).json()["results"]
        # Pages holding some of its characters may be offered as partial matches; none holds the secret.
        assert [r["title"] for r in results if r["match"] != "most"] == []
        assert not [r for r in results if secret in r["highlight"] + r["title"]]


def test_a_misspelt_parameter_is_a_400_naming_it(client, db):
    response = get(client, q="养老", tpye="policy")
    assert response.status_code == 400
    assert "tpye" in response.json()["message"] and "type" in response.json()["message"]
    assert get(client, q="养老", format="json").status_code == 200
