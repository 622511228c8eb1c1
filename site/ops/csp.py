"""The Content-Security-Policy's exceptions: the Wagtail admin and the two API documentation pages."""

from django.urls import reverse

# Wagtail 8's admin still writes inline <script> blocks (the date and date-time choosers' initDateChooser
# calls on the page editor and listings' filters) and style="" attributes (dashboard panels, progress bars).
# Allowing them is confined to the admin, which only signed-in staff reach; public pages keep the strict policy.
ADMIN_ALLOWANCES = {"script-src": ["'unsafe-inline'"], "style-src": ["'unsafe-inline'"]}
# ReDoc and Swagger UI (served from our own static files) inject <style> elements as they render, and ReDoc builds
# its search index in a worker made from a blob: URL. Their scripts still come only from this site.
API_DOCS_ALLOWANCES = {"style-src": ["'unsafe-inline'"], "worker-src": ["'self'", "blob:"]}


class AdminPolicyMiddleware:
    """Sits after django-csp's CSPMiddleware, so it marks a response before the header is written."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.allowances = None

    def __call__(self, request):
        response = self.get_response(request)
        if self.allowances is None:
            self.allowances = [
                (reverse("wagtailadmin_home"), ADMIN_ALLOWANCES),
                (reverse("api_docs"), API_DOCS_ALLOWANCES),
                (reverse("api_redoc"), API_DOCS_ALLOWANCES),
            ]
        for prefix, allowances in self.allowances:
            if request.path.startswith(prefix):
                response._csp_update = allowances
                break
        return response
