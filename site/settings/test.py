"""Tests: fast hashing, in-memory cache, a throwaway media folder."""

import os
import tempfile
from pathlib import Path

from .base import *  # noqa: F401,F403

SECRET_KEY = "test-only-not-secret"
DEBUG = False
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
SHEGONG_SEARCH_INDEX_PREFIX = "shegong-test"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT") or tempfile.mkdtemp(prefix="shegong-media-"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# Served from the apps' folders while developing, so no collectstatic is needed first.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
