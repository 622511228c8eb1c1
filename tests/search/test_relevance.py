"""The relevance suite: Chinese queries with the documents they should find, on the embedded engine."""

import datetime

from shegong.pages.models import NoticeIndexPage, NoticePage
from shegong.search import service

from .relevance import QUERIES, evaluate


def titles(query):
    return [hit.title for hit in service.search(query, page_size=10).hits]


def test_chinese_queries_find_the_expected_documents(corpus):
    recall, mrr, misses = evaluate(titles)
    print(f"\n内置引擎：{len(QUERIES)} 个查询，recall@10 = {recall:.3f}，MRR = {mrr:.3f}")
    assert len(QUERIES) >= 30
    assert recall >= 0.95, misses
    assert mrr >= 0.9, misses


def test_all_words_rank_first(corpus):
    """资金 拨付: the document holding both words before those holding one."""
    hits = service.search("资金 拨付").hits
    assert hits[0].title == "官渡区政府购买社会工作服务项目资金管理办法"
    one_word = {"关于规范政府购买服务预算管理的通知", "关于第二批项目经费拨付进度的说明"}
    assert one_word <= {hit.title for hit in hits[1:]}
    # Page by page, the same order: the hits holding both words, then the others.
    one_by_one = [service.search("资金 拨付", page=page, page_size=1).hits[0].title for page in range(1, len(hits) + 1)]
    assert one_by_one == [hit.title for hit in hits]


def test_titles_and_numbers_weigh_more_than_body(corpus):
    """喘息服务 is the title of one project and a phrase in the body of a policy: the title wins."""
    hits = service.search("喘息服务").hits
    assert [hit.title for hit in hits[:2]] == ["金马社区居家养老喘息服务项目", "云南省养老服务条例实施细则"]


def test_full_width_and_case_fold(corpus):
    assert titles("ＧＤ－２０２３－０１７") == titles("gd-2023-017") == ["金马社区居家养老喘息服务项目"]
    assert titles("５Ａ") == titles("5a")


def test_a_word_is_found_as_that_exact_string(corpus):
    """养老服 is found where those three characters stand together; their reverse 老养 nowhere."""
    found = titles("养老服")
    assert "关上社区“五社联动”养老服务项目" in found and "云南省养老服务条例实施细则" in found
    assert "吴井街道困境儿童关爱项目" not in found
    assert titles("老养") == []


def test_highlight_marks_the_matched_words(corpus):
    hit = service.search("资金 拨付").hits[0]
    assert "<mark>资金</mark>" in hit.highlight and "<mark>拨付</mark>" in hit.highlight
    assert service.search("五社联动").hits[0].title_highlight.count("<mark>五社联动</mark>") == 1


def test_equal_scores_newest_first_on_every_page(corpus):
    """Notices with the same words score the same: the newest comes first, also when a page ends between them."""
    index = NoticeIndexPage.objects.get()
    for day in (3, 6, 9):
        notice = NoticePage(
            title="蓝莓义卖活动通知",
            kind="news",
            published_on=datetime.date(2024, 1, day),
            body=[("paragraph", "<p>社区蓝莓义卖所得用于助学。</p>")],
        )
        index.add_child(instance=notice)
    hits = service.search("蓝莓义卖").hits
    assert [hit.date.day for hit in hits] == [9, 6, 3] and len({hit.score for hit in hits}) == 1
    pages = [service.search("蓝莓义卖", page=page, page_size=1).hits for page in (1, 2, 3)]
    assert [page[0].page_id for page in pages] == [hit.page_id for hit in hits]
