"""Anonymous citizens' pages and API answers kept in the shared cache for a short while.

Only what any citizen would get anyway is kept: GET/HEAD without a session cookie, a 200 that sets no
cookie, used no CSRF token (pages with forms) and is not marked private. The admin, previews, feedback,
documents and the health check are never kept. Any save or delete of content moves every key to a new
generation, so a publish, unpublish or moderation shows at once; SHEGONG_PAGE_CACHE_SECONDS bounds what
depends on the date alone (publicity periods)."""

import hashlib

from django.conf import settings
from django.core.cache import cache
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_migrate

GENERATION = "shegong:pages:generation"
# The search page is never kept: each search is counted for 热搜 (a page served from the cache would not be), and
# nearly every query is asked once, so keeping the pages would only push the shared pages out of the cache.
NEVER_PATHS = ("/admin/", "/feedback/", "/documents/", "/healthz", "/media/", "/static/", "/search/")
# Records that change on every visit or login and are never shown on a public page.
NOT_CONTENT = {"sessions", "axes", "admin", "contenttypes", "ops"}
# The anonymous search log behind 热搜, written by citizens' searches: were it content, every search would empty
# the cache for everyone. The 热搜 list it feeds (on the API's cached answers) may lag by SHEGONG_PAGE_CACHE_SECONDS.
SEARCH_LOG = {"wagtailsearchpromotions.query", "wagtailsearchpromotions.querydailyhits"}
# The feedback limit's per-address counters: written by citizens' posts, never shown.
FEEDBACK_COUNTS = {"feedback.submissioncount"}


class State:
    # While migrate runs, the database cache's table may not exist yet; migrations_done() bumps once after.
    migrating = False


def generation():
    return cache.get_or_set(GENERATION, 1, None)


def new_generation():
    try:
        cache.incr(GENERATION)
    except ValueError:  # no generation yet: the next read starts one
        cache.add(GENERATION, 1, None)


def content_changed(sender, instance=None, created=False, **kwargs):
    if (
        State.migrating
        or sender._meta.app_label in NOT_CONTENT
        or sender._meta.label_lower in SEARCH_LOG | FEEDBACK_COUNTS
    ):
        return
    # A citizen's new comment or objection awaits moderation and shows nowhere yet; emptying the cache for each
    # would let a comment flood make every citizen's next pages render afresh. Approving it is a save that counts.
    if created and getattr(instance, "status", None) == "pending":
        return
    new_generation()


def migrations_started(**kwargs):
    State.migrating = True


def migrations_done():
    State.migrating = False
    new_generation()


def connect_invalidation():
    pre_migrate.connect(migrations_started, dispatch_uid="shegong-pagecache-migrate")
    for signal in (post_save, post_delete, m2m_changed):
        signal.connect(content_changed, dispatch_uid=f"shegong-pagecache-{signal}")


def cacheable_request(request):
    return (
        request.method in ("GET", "HEAD")
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and not request.path.startswith(NEVER_PATHS)
        and "token" not in request.GET  # headless previews carry a signed token
    )


def cacheable_response(request, response):
    cache_control = response.get("Cache-Control", "")
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        # get_token() leaves this key behind: the page carries a CSRF token, which is the visitor's own.
        and "CSRF_COOKIE_NEEDS_UPDATE" not in request.META
        and "private" not in cache_control
        and "no-store" not in cache_control
    )


class PublicPageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        seconds = settings.SHEGONG_PAGE_CACHE_SECONDS
        if not seconds or not cacheable_request(request):
            return self.get_response(request)
        address = f"{request.get_host()}{request.get_full_path()}"
        key = f"shegong:page:{generation()}:{hashlib.sha256(address.encode()).hexdigest()}"
        cached = cache.get(key)
        if cached is not None:
            return cached
        response = self.get_response(request)
        if request.method == "GET" and cacheable_response(request, response):
            cache.set(key, response, seconds)
        return response
