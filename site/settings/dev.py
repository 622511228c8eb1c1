"""Local development: debug on, a fixed throwaway secret, the SQLite file in data/."""

import os

from .base import *  # noqa: F401,F403

DEBUG = os.environ.get("DEBUG", "1") == "1"
SECRET_KEY = SECRET_KEY or "dev-only-not-secret-shegong"  # noqa: F405
# Uploaded images are served by runserver itself, also when the demo runs with DEBUG=0 (scripts/demo) so that
# citizens' error pages are the site's own Chinese 404/500 rather than Django's English debug pages.
SHEGONG_SERVE_MEDIA = True
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"

# Served from the apps' folders while developing, so no collectstatic is needed first.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
