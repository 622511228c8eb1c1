"""Settings shared by every environment; each is overridable by an environment variable."""

import os
from datetime import date, timedelta
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

PACKAGE_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PACKAGE_DIR.parent
# The SQLite file, media and collected static files. Never inside an installed package: a source checkout
# keeps them in its data/, an installed shegong in the working directory's data/ (production requires it set).
SOURCE_CHECKOUT = (BASE_DIR / "pyproject.toml").is_file()
DATA_DIR = Path(os.environ.get("SHEGONG_DATA_DIR") or (BASE_DIR if SOURCE_CHECKOUT else Path.cwd()) / "data")


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


SECRET_KEY = os.environ.get("SECRET_KEY", "")
DEBUG = False
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")
# A comment or objection sent without a valid token comes back filled in to be sent again (cached pages).
CSRF_FAILURE_VIEW = "shegong.feedback.views.csrf_failure"

INSTALLED_APPS = [
    "shegong.core",
    "shegong.snippets",
    "shegong.pages",
    "shegong.theme",
    "shegong.roles",
    "shegong.lifecycle",
    "shegong.feedback",
    "shegong.updates",
    "shegong.redblack",
    "shegong.api",
    "shegong.webhooks",
    "shegong.funds",
    "shegong.duplicates",
    "shegong.stats",
    "shegong.imports",
    "shegong.discovery",
    "shegong.navigation",
    "shegong.opendata",
    "shegong.organizations",
    "shegong.workflows",
    "shegong.notifications",
    "shegong.ops",
    "shegong.calls",
    "shegong.reviews",
    "shegong.evaluations",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.table_block",
    "wagtail.contrib.typed_table_block",
    "wagtail.contrib.search_promotions",  # editors' picks and the anonymous query log behind 热搜
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    # After wagtail.search: its ready() narrows the Page index handlers modelsearch connects (search/indexing/signals.py).
    "shegong.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "django_tasks",
    "django_tasks_db",
    "taggit",
    "django_filters",
    "rest_framework",
    "wagtail.api.v2",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "corsheaders",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.sitemaps",
    "axes",
    "csp",
]

MIDDLEWARE = [
    "shegong.ops.logs.RequestIdMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "shegong.ops.csp.AdminPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Before the session is read: a locked-out login and a flooding address's post are refused at once.
    "shegong.ops.lockout.LockedOutLoginMiddleware",
    "shegong.ops.floods.UsedUpFeedbackMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "corsheaders.middleware.CorsMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    # Outside CSRF, auth and messages, so it sees the cookies they set; inside CSP, CORS and security headers.
    "shegong.ops.pagecache.PublicPageCacheMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # A login refused because too many wait for their password hash (shegong.ops.passwords) gets a 429 page.
    "shegong.ops.passwords.PasswordChecksBusyMiddleware",
    # Last, as django-axes asks: it turns a locked-out login into the lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "shegong.urls"
WSGI_APPLICATION = "shegong.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL") or f"sqlite:///{DATA_DIR / 'shegong.sqlite3'}",
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "0")),
    )
}
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    # Several gunicorn workers write (sessions, lockouts, the cache table): a writer takes the lock when its
    # transaction begins and others wait for it, instead of failing with "database is locked" on upgrade.
    # Write-ahead logging: readers never wait for a writer (a login lockout, a comment count, a cache write),
    # nor the writer for them; NORMAL sync is safe from corruption in WAL mode and saves an fsync per commit.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            "transaction_mode": "IMMEDIATE",
            "timeout": 20,
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        }
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# One cache shared by every worker process, so rate limits and lockouts hold across them: Redis when
# REDIS_URL (or CACHE_URL) is set, else a table in the database (created by migrate).
CACHE_URL = os.environ.get("REDIS_URL") or os.environ.get("CACHE_URL", "")
CACHES = {
    "default": (
        {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": CACHE_URL}
        if CACHE_URL
        else {"BACKEND": "django.core.cache.backends.db.DatabaseCache", "LOCATION": "shegong_cache"}
    )
}

# Seconds an anonymous citizen's page or API answer is kept in the shared cache (0: off). Publishing or any
# other content change shows at once; this bounds only what changes with the date (publicity periods).
SHEGONG_PAGE_CACHE_SECONDS = int(os.environ.get("SHEGONG_PAGE_CACHE_SECONDS", "0"))

# How many reverse proxies in front of gunicorn append to X-Forwarded-For (nginx: 1). 0 (the default) takes
# the socket address and ignores the header, which any client can forge.
SHEGONG_TRUSTED_PROXY_COUNT = int(os.environ.get("SHEGONG_TRUSTED_PROXY_COUNT", "0"))

# Login throttling (django-axes): after AXES_FAILURE_LIMIT wrong passwords for one username from one address,
# that pair is locked out for AXES_COOLOFF_MINUTES; every attempt is kept for the audit (管理后台 › 登录记录).
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_ENABLED = os.environ.get("AXES_ENABLED", "1") == "1"
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = timedelta(minutes=int(os.environ.get("AXES_COOLOFF_MINUTES", "30")))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_ENABLE_ACCESS_FAILURE_LOG = True
AXES_CLIENT_IP_CALLABLE = "shegong.ops.clientip.client_ip"
AXES_LOCKOUT_CALLABLE = "shegong.ops.lockout.locked_out"
AXES_VERBOSE = False
# A locked-out attempt is refused before any password is hashed and writes nothing: recording it would cost a
# guesser's every request several writes and keep extending the lockout. The attempt that locked is kept.
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False

# Passwords are hashed in a low-priority thread of each worker (shegong.ops.passwords), so guessers cannot take the
# cores from citizens; while this many logins of a worker wait for their hash, the next is refused (429).
PASSWORD_HASHERS = [
    "shegong.ops.passwords.LowPriorityPBKDF2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2SHA1PasswordHasher",
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.BCryptSHA256PasswordHasher",
    "django.contrib.auth.hashers.ScryptPasswordHasher",
]
SHEGONG_PASSWORD_CHECKS_WAITING = int(os.environ.get("SHEGONG_PASSWORD_CHECKS_WAITING", "2"))

# Content-Security-Policy (django-csp): only this site's own scripts, styles, fonts and frames. Images may
# also be data:/blob: URLs (the admin's image chooser previews an upload before it is sent).
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:", "blob:"],
        "font-src": ["'self'", "data:"],
        "connect-src": ["'self'"],
        "frame-src": ["'self'"],
        "frame-ancestors": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
    }
}

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "zh-hans"
# Our own Chinese for what Wagtail's zh_Hans catalogue leaves in English; found before the apps' catalogues.
LOCALE_PATHS = [PACKAGE_DIR / "locale"]
LANGUAGES = [("zh-hans", "简体中文")]
TIME_ZONE = "Asia/Shanghai"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", DATA_DIR / "static"))
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", DATA_DIR / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}

DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

WAGTAIL_SITE_NAME = os.environ.get("SHEGONG_SITE_NAME", "官渡区社会工作服务项目管理平台")
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAIL_I18N_ENABLED = False
# The dashboard's new-release check calls wagtail.org from the browser: a government server's policy (and CSP)
# keeps the admin to this site.
WAGTAIL_ENABLE_UPDATE_CHECK = False
# No avatars fetched from gravatar.com either: the admin shows its own placeholder.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAILADMIN_PERMITTED_LANGUAGES = [("zh-hans", "简体中文")]
WAGTAIL_CONTENT_LANGUAGES = [("zh-hans", "简体中文")]
# jpg/png: scanned certificates attached to applications (项目申报材料).
WAGTAILDOCS_EXTENSIONS = [
    *["csv", "docx", "doc", "odt", "pdf", "pptx", "rtf", "txt", "xlsx", "xls", "zip"],
    *["jpg", "jpeg", "png"],
]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
# What an organization may attach to an application (项目申报材料), and how large each file may be.
SHEGONG_APPLICATION_ATTACHMENT_TYPES = ["pdf", "doc", "docx", "jpg", "jpeg", "png"]
SHEGONG_APPLICATION_ATTACHMENT_MAX_SIZE = (
    int(os.environ.get("SHEGONG_APPLICATION_ATTACHMENT_MAX_MB", "10")) * 1024 * 1024
)

# Days a 立项公示 or 评估结果公示 stays open for objections, from its publication date.
SHEGONG_PUBLICITY_DAYS = int(os.environ.get("SHEGONG_PUBLICITY_DAYS", "7"))
# "calendar" (自然日) or "working" (工作日: weekends and public holidays skipped, 调休 make-up days counted).
SHEGONG_PUBLICITY_DAY_COUNT = os.environ.get("SHEGONG_PUBLICITY_DAY_COUNT", "calendar")
# For a year chinesecalendar does not know yet: its holidays and make-up working days, "2027-01-01,2027-02-05,…".
SHEGONG_HOLIDAYS = [date.fromisoformat(d) for d in os.environ.get("SHEGONG_HOLIDAYS", "").split(",") if d]
SHEGONG_MAKEUP_WORKDAYS = [date.fromisoformat(d) for d in os.environ.get("SHEGONG_MAKEUP_WORKDAYS", "").split(",") if d]
# 监督电话/监督邮箱 printed on every publicity notice drafted from now on (editors may change them per notice).
SHEGONG_SUPERVISION_PHONE = os.environ.get("SHEGONG_SUPERVISION_PHONE", "")
SHEGONG_SUPERVISION_EMAIL = os.environ.get("SHEGONG_SUPERVISION_EMAIL", "")
# The 待办 panel and `shegong notify_due` announce publicity periods ending within this many days.
SHEGONG_PUBLICITY_ENDING_DAYS = int(os.environ.get("SHEGONG_PUBLICITY_ENDING_DAYS", "2"))
# Public comments and objections accepted from one IP address per window (seconds).
SHEGONG_FEEDBACK_LIMIT = int(os.environ.get("SHEGONG_FEEDBACK_LIMIT", "5"))
SHEGONG_FEEDBACK_WINDOW = int(os.environ.get("SHEGONG_FEEDBACK_WINDOW", "600"))
# The payment schedule of a project that has none of its own: "share:condition" per tranche, in order
# (signing 签约后, midterm 中期评估后, final_evaluation 终期评估后). Checked by `shegong check`.
SHEGONG_DEFAULT_PAYMENT_SCHEDULE = [
    tuple(tranche.strip().split(":", 1))
    for tranche in os.environ.get(
        "SHEGONG_DEFAULT_PAYMENT_SCHEDULE", "40:signing,40:midterm,20:final_evaluation"
    ).split(",")
]

# Empty means the embedded engine: search works with no server to run.
ELASTICSEARCH_URL = os.environ.get("ELASTICSEARCH_URL", "")

# Wagtail's own search (admin, Page.objects.search) with the same Chinese analysis as the site search.
WAGTAILSEARCH_BACKENDS = {
    "default": {"BACKEND": "shegong.search.wagtail_backend.backend"},
}
# Elasticsearch index names start with this, so environments can share a cluster.
SHEGONG_SEARCH_INDEX_PREFIX = os.environ.get(
    "SHEGONG_SEARCH_INDEX_PREFIX", "shegong-" + os.environ.get("SHEGONG_ENV", "dev")
)
# Analyzer of the readable Elasticsearch fields: cjk, or ik_max_word / smartcn where the cluster has the plugin.
SHEGONG_SEARCH_ES_ANALYZER = os.environ.get("SHEGONG_SEARCH_ES_ANALYZER", "cjk")
# After a failed call, the embedded engine answers for this long before Elasticsearch is tried again.
SHEGONG_SEARCH_ES_RETRY_SECONDS = float(os.environ.get("SHEGONG_SEARCH_ES_RETRY_SECONDS", "30"))
# Elasticsearch answers only while its index holds at least this share of the search documents; below it (an index
# lost or emptied) the embedded engine answers and a rebuild is queued. Checked at most once per interval.
SHEGONG_SEARCH_ES_MIN_SHARE = float(os.environ.get("SHEGONG_SEARCH_ES_MIN_SHARE", "0.5"))
SHEGONG_SEARCH_ES_HEALTH_SECONDS = float(os.environ.get("SHEGONG_SEARCH_ES_HEALTH_SECONDS", "60"))

# Background work (search indexing, Wagtail's own search index, reference index): "database" queues it in a table
# that `shegong db_worker` works through, off the editor's request; "immediate" runs it during the request, so
# development and tests need no worker. Production defaults to "database" (settings/production.py).
TASK_BACKENDS = {
    "immediate": "django_tasks.backends.immediate.ImmediateBackend",
    "database": "django_tasks_db.DatabaseBackend",
}


def tasks_setting(default):
    name = os.environ.get("SHEGONG_TASKS_BACKEND", default)
    if name not in TASK_BACKENDS:
        raise ImproperlyConfigured(f"SHEGONG_TASKS_BACKEND 只能是 {' 或 '.join(TASK_BACKENDS)}，而不是“{name}”。")
    return {"default": {"BACKEND": TASK_BACKENDS[name]}}


TASKS = tasks_setting("immediate")
# /healthz/tasks answers 503, and the admin dashboard warns, once the oldest ready task has waited this long.
SHEGONG_TASKS_MAX_WAIT_SECONDS = int(os.environ.get("SHEGONG_TASKS_MAX_WAIT_SECONDS", "300"))

REST_FRAMEWORK = {
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
}

# The headless API (docs/api.md).
# The public address (https://shegong.example.gov.cn) of every link in API answers and webhooks;
# unset, links use the host each request came to, and webhooks the admin's base URL.
SHEGONG_PUBLIC_URL = os.environ.get("SHEGONG_PUBLIC_URL", "")
WAGTAILAPI_BASE_URL = SHEGONG_PUBLIC_URL or None
WAGTAILAPI_LIMIT_MAX = 100
WAGTAILAPI_SEARCH_ENABLED = True
# Rich text as finished HTML, internal links resolved to public URLs.
WAGTAILAPI_RICH_TEXT_FORMAT = "html"
SPECTACULAR_SETTINGS = {
    "TITLE": "社工 Shegong 内容接口",
    "DESCRIPTION": "服务项目、政策法规、通知公告、社工站点及基础资料的只读公开接口。",
    "VERSION": "2",
    "SERVE_INCLUDE_SCHEMA": False,
    "COMPONENT_NO_READ_ONLY_REQUIRED": True,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    # Swagger UI would otherwise send the schema to validator.swagger.io for a badge.
    "SWAGGER_UI_SETTINGS": {"deepLinking": True, "validatorUrl": None},
    "PREPROCESSING_HOOKS": ["shegong.api.schema.public_endpoints_only"],
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "shegong.api.schema.describe_for_consumers",
    ],
    "ENUM_NAME_OVERRIDES": {
        "RegionLevelEnum": "shegong.snippets.models.RegionLevel",
        "PolicyLevelEnum": "shegong.pages.enums.PolicyLevel",
        "StationLevelEnum": "shegong.pages.enums.StationLevel",
    },
}
# Consuming sites allowed to call the API from a browser, e.g. https://portal.example.gov.cn
CORS_ALLOWED_ORIGINS = env_list("CORS_ALLOWED_ORIGINS")
CORS_URLS_REGEX = r"^/api/.*$"
CORS_ALLOW_METHODS = ["GET", "HEAD", "OPTIONS"]
CORS_EXPOSE_HEADERS = ["ETag", "Last-Modified"]
# Seconds a consuming site and any shared cache may reuse an API answer.
SHEGONG_API_MAX_AGE = int(os.environ.get("SHEGONG_API_MAX_AGE", "60"))
# Where an editor's "preview on the consuming site" goes; the signed token is appended as ?token=.
SHEGONG_PREVIEW_CLIENT_URL = os.environ.get("SHEGONG_PREVIEW_CLIENT_URL", "")
SHEGONG_PREVIEW_MAX_AGE = int(os.environ.get("SHEGONG_PREVIEW_MAX_AGE", str(60 * 60)))
# Publish webhooks: the first retry waits this long, each next one twice as long, up to the attempt limit.
SHEGONG_WEBHOOK_RETRY_BASE_SECONDS = int(os.environ.get("SHEGONG_WEBHOOK_RETRY_BASE_SECONDS", "30"))
SHEGONG_WEBHOOK_MAX_ATTEMPTS = int(os.environ.get("SHEGONG_WEBHOOK_MAX_ATTEMPTS", "8"))
SHEGONG_WEBHOOK_TIMEOUT_SECONDS = float(os.environ.get("SHEGONG_WEBHOOK_TIMEOUT_SECONDS", "10"))

# Notification mail (shegong.notifications): printed to the console until an SMTP server is configured.
EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = os.environ.get("EMAIL_USE_TLS", "") == "1"
EMAIL_USE_SSL = os.environ.get("EMAIL_USE_SSL", "") == "1"
EMAIL_TIMEOUT = int(os.environ.get("EMAIL_TIMEOUT", "10"))
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "shegong@localhost")

# LOG_FORMAT=json writes one JSON object a line (time, level, logger, message, request_id) for a log shipper.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"request_id": {"()": "shegong.ops.logs.RequestIdFilter"}},
    "formatters": {
        "text": {"format": "%(asctime)s %(levelname)s %(name)s [%(request_id)s] %(message)s"},
        "json": {"()": "shegong.ops.logs.JsonFormatter"},
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "filters": ["request_id"],
            "formatter": "json" if os.environ.get("LOG_FORMAT") == "json" else "text",
        }
    },
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}
