"""热搜 counts every citizen's search, with the public page cache on: the search page is never served from it."""

from django.core.cache import cache
from django.test import override_settings

from tests.factories import NoticePageFactory


@override_settings(SHEGONG_PAGE_CACHE_SECONDS=60)
def test_the_same_search_asked_three_times_becomes_a_hot_search(client, home):
    cache.clear()
    notice = NoticePageFactory(title="关于开展社区义诊活动的通知")
    for _ in range(3):
        assert f'href="{notice.url}"' in client.get("/search/", {"q": "义诊"}).content.decode()
    assert "义诊" in client.get("/api/v2/search/hot/").json()["queries"]
    assert "义诊" in client.get("/search/").content.decode()
