"""The Content-Security-Policy's one exception: the Wagtail admin."""

from django.urls import reverse

# Wagtail 8's admin still writes inline <script> blocks (the date and date-time choosers' initDateChooser
# calls on the page editor and listings' filters) and style="" attributes (dashboard panels, progress bars).
# Allowing them is confined to the admin, which only signed-in staff reach; public pages keep the strict policy.
ADMIN_ALLOWANCES = {"script-src": ["'unsafe-inline'"], "style-src": ["'unsafe-inline'"]}


class AdminPolicyMiddleware:
    """Sits after django-csp's CSPMiddleware, so it marks an admin response before the header is written."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.admin_prefix = None

    def __call__(self, request):
        response = self.get_response(request)
        if self.admin_prefix is None:
            self.admin_prefix = reverse("wagtailadmin_home")
        if request.path.startswith(self.admin_prefix):
            response._csp_update = ADMIN_ALLOWANCES
        return response
