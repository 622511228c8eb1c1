"""The comment limit holds across processes: two gunicorns on one database count in the same table."""

import re

from .served import Gunicorn, Visitor

LIMIT = 5


def project_path(site):
    listing = Visitor(site.url).get("/projects/").text
    return re.search(r'href="(/projects/gd-[a-z0-9-]+/)"', listing).group(1)


def comment(site, page, forwarded_for=None):
    visitor = Visitor(site.url, forwarded_for=forwarded_for)
    action = re.search(r'action="(/feedback/projects/\d+/comments/)"', visitor.get(page).text).group(1)
    return visitor.submit(action, {"name": "居民", "text": "活动很好，希望多办。", "rating": "5"}).status_code


def test_the_limit_counts_comments_sent_to_either_process(served_env):
    with Gunicorn(served_env, workers=1) as first, Gunicorn(served_env, workers=1) as second:
        page = project_path(first)
        answers = [comment(site, page) for site in (first, second, first, second, first, second)]
    # Five accepted (a redirect back to the page), the sixth refused, whichever process took each one.
    assert answers == [302] * LIMIT + [429]


def test_behind_a_trusted_proxy_citizens_have_their_own_limits(served_env):
    env = {**served_env, "SHEGONG_TRUSTED_PROXY_COUNT": "1"}
    with Gunicorn(env, workers=1) as site:
        page = project_path(site)
        flood = [comment(site, page, forwarded_for="203.0.113.99") for _ in range(LIMIT + 1)]
        neighbour = comment(site, page, forwarded_for="203.0.113.100")
    assert flood[-1] == 429 and neighbour == 302


def test_a_forged_forwarded_for_is_ignored_by_default(served_env):
    with Gunicorn(served_env, workers=1) as site:
        page = project_path(site)
        answers = [comment(site, page, forwarded_for=f"198.51.100.{n}") for n in range(LIMIT + 1)]
    assert answers == [302] * LIMIT + [429]
