"""Production: every secret comes from the environment and HTTPS is assumed."""

import os

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F401,F403

DEBUG = False
TASKS = tasks_setting("database")  # noqa: F405 - index work waits for `shegong db_worker`
if not SECRET_KEY:  # noqa: F405
    raise ImproperlyConfigured("生产环境必须设置环境变量 SECRET_KEY（SECRET_KEY must be set in the environment).")
if not os.environ.get("SHEGONG_DATA_DIR"):
    raise ImproperlyConfigured(
        "生产环境必须设置环境变量 SHEGONG_DATA_DIR：存放上传文件、静态文件（及 SQLite 数据库）的目录，"
        "例如 /var/lib/shegong（SHEGONG_DATA_DIR must be set in production)."
    )

SHEGONG_PAGE_CACHE_SECONDS = int(os.environ.get("SHEGONG_PAGE_CACHE_SECONDS", "60"))

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = os.environ.get("SECURE_SSL_REDIRECT", "1") == "1"
# A monitor on the server itself asks over plain HTTP.
SECURE_REDIRECT_EXEMPT = [r"^healthz(/tasks)?$"]
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", "31536000"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_CONTENT_TYPE_NOSNIFF = True
# Wagtail's live preview shows the page in a same-origin iframe; DENY would break it.
X_FRAME_OPTIONS = "SAMEORIGIN"
SILENCED_SYSTEM_CHECKS = ["security.W019"]
