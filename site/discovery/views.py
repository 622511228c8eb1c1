from django.http import HttpResponse
from django.templatetags.static import static
from django.urls import reverse
from django.views.decorators.cache import cache_page
from django.views.generic import RedirectView


@cache_page(60 * 60)
def robots_txt(request):
    """Everything public may be crawled; the admin, the API's drafts and the comment forms may not."""
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /feedback/",
        "Disallow: /search/",
        "Allow: /",
        f"Sitemap: {request.build_absolute_uri(reverse('discovery:sitemap'))}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


class FaviconView(RedirectView):
    """Browsers ask for /favicon.ico whatever the page says; send them to the static file."""

    permanent = True

    def get_redirect_url(self, *args, **kwargs):
        return static("theme/icons/favicon.ico")
