"""Newsroom settings: one module, the environment decides.

Unset, everything runs on the embedded default (SQLite, local media, local-memory
cache, DEBUG on). Production sets DJANGO_DEBUG=0 plus the variables below and must
pass ``manage.py check --deploy``.
"""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP
from django_prose_editor.config import html_tags
from js_asset import static_lazy


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    return (
        default
        if value is None
        else value.strip().lower() in {"1", "true", "yes", "on"}
    )


def env_int(name: str, default: int) -> int:
    value = os.environ.get(name)
    return default if value in (None, "") else int(value)


def env_list(name: str, default: str) -> list[str]:
    return [
        item.strip()
        for item in os.environ.get(name, default).split(",")
        if item.strip()
    ]


# Paths
BASE_DIR = Path(__file__).resolve().parent.parent

# Security
DEBUG = env_bool("DJANGO_DEBUG", True)
DEV_SECRET_KEY = "django-insecure-dev-only-never-use-in-production"
SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", DEV_SECRET_KEY)
if not DEBUG and (SECRET_KEY == DEV_SECRET_KEY or len(SECRET_KEY) < 50):
    raise ImproperlyConfigured(
        "Set DJANGO_SECRET_KEY to a random value of at least 50 characters "
        "before turning DJANGO_DEBUG off."
    )
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS", "")

# Behind the proxy, which sets X-Forwarded-Proto; see README "Operations".
if env_bool("DJANGO_BEHIND_PROXY", not DEBUG):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", not DEBUG)
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
SECURE_HSTS_SECONDS = env_int("DJANGO_SECURE_HSTS_SECONDS", 0 if DEBUG else 31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("DJANGO_SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
SECURE_HSTS_PRELOAD = env_bool("DJANGO_SECURE_HSTS_PRELOAD", False)
# Joining the browsers' preload list is hard to undo, so it is the operator's explicit choice.
SILENCED_SYSTEM_CHECKS = [] if SECURE_HSTS_PRELOAD else ["security.W021"]
SESSION_COOKIE_SECURE = not DEBUG
CSRF_COOKIE_SECURE = not DEBUG
SESSION_COOKIE_HTTPONLY = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

# Applications and middleware
INSTALLED_APPS = [
    # Django's admin, with the desk's dashboard as its home (desk/sites.py).
    "desk.sites.NewsroomAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "taggit",
    "django_prose_editor",
    "reversion",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "django_tasks_db",
    "newsroom",
    "articles",
    "desk",
    "live",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "newsroom.security.RequestSizeLimitMiddleware",
    "newsroom.security.NewsroomCSPMiddleware",
    "newsroom.security.PermissionsPolicyMiddleware",
    # ETag on every page; a reader's repeat visit to an unchanged page costs a 304.
    "django.middleware.http.ConditionalGetMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Readers' pages: public and tagged for Varnish, and served from Django's cache
    # before the session, the user or the database is touched.
    # A passed range of a live story's changes never changes: browsers may keep it.
    "live.middleware.ImmutableLogMiddleware",
    "newsroom.page_cache.ReaderCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "newsroom.two_factor.SecondFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "newsroom.urls"
WSGI_APPLICATION = "newsroom.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.csp",
                "articles.context_processors.site_identity",
            ],
        },
    },
]

# Database and cache
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=env_int("DJANGO_CONN_MAX_AGE", 60),
        conn_health_checks=True,
    )
}
# Prepared statements: a reader page runs the same few queries on every request, and
# PostgreSQL spent longer planning them than running them; psycopg prepares a
# query on a connection once it has run this many times (server-side binding
# is what lets it). A transaction-mode pooler in front of PostgreSQL (PgBouncer
# before 1.21) cannot keep them: set DJANGO_DB_PREPARE_THRESHOLD=off there.
PREPARE_THRESHOLD = os.environ.get("DJANGO_DB_PREPARE_THRESHOLD", "5").strip()


def postgresql_options(database):
    options = database.setdefault("OPTIONS", {})
    # A database host that stops answering must fail a request in seconds, not hang
    # a gunicorn worker until its timeout; a restarted server refuses at once anyway.
    options.setdefault("connect_timeout", env_int("DJANGO_DB_CONNECT_TIMEOUT", 5))
    if PREPARE_THRESHOLD.lower() not in {"off", "none", ""}:
        options.setdefault("server_side_binding", True)
        options.setdefault("prepare_threshold", int(PREPARE_THRESHOLD))


if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    postgresql_options(DATABASES["default"])
# An optional PostgreSQL streaming replica for anonymous readers' queries
# (newsroom/db_router.py); writes, the admin and signed-in users use the primary.
if os.environ.get("DATABASE_REPLICA_URL"):
    DATABASES["replica"] = dj_database_url.parse(
        os.environ["DATABASE_REPLICA_URL"],
        conn_max_age=env_int("DJANGO_CONN_MAX_AGE", 60),
        conn_health_checks=True,
    )
    postgresql_options(DATABASES["replica"])
    # Tests run against the primary's test database; the replica follows it.
    DATABASES["replica"]["TEST"] = {"MIRROR": "default"}
    DATABASE_ROUTERS = ["newsroom.db_router.ReplicaRouter"]
    # First: it decides where the whole request reads, page cache included.
    MIDDLEWARE.insert(0, "newsroom.db_router.ReplicaMiddleware")
# How long, after someone changed something, their reads stay on the primary: longer
# than the replica ever lags.
NEWSROOM_REPLICA_PIN_SECONDS = env_int("NEWSROOM_REPLICA_PIN_SECONDS", 15)
NEWSROOM_PRIMARY_ONLY_PATHS = ("/admin/", "/preview/")
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
if os.environ.get("REDIS_URL"):
    CACHES["default"] = {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": os.environ["REDIS_URL"],
        # Same reasoning for the cache: an unreachable Redis costs a request 2 s at most.
        "OPTIONS": {"socket_connect_timeout": 2, "socket_timeout": 2},
    }

# Internationalisation: the newsroom's own clock for everything readers see.
LANGUAGE_CODE = os.environ.get("DJANGO_LANGUAGE_CODE", "en")
TIME_ZONE = os.environ.get("DJANGO_TIME_ZONE", "UTC")
USE_I18N = True
USE_TZ = True

# Static files and media
STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "media/"
MEDIA_ROOT = Path(os.environ.get("DJANGO_MEDIA_ROOT", BASE_DIR / "media"))
# Pictures and renditions: this host's disk ("local"), or an S3-compatible bucket that
# every web machine and worker sees ("s3"; README "Operations").
MEDIA_STORAGE_BACKENDS = {
    "local": "django.core.files.storage.FileSystemStorage",
    "s3": "newsroom.storage.MediaStorage",
}
NEWSROOM_MEDIA_STORAGE = os.environ.get("NEWSROOM_MEDIA_STORAGE", "local")
if NEWSROOM_MEDIA_STORAGE not in MEDIA_STORAGE_BACKENDS:
    raise ImproperlyConfigured(
        f"NEWSROOM_MEDIA_STORAGE must be one of {', '.join(MEDIA_STORAGE_BACKENDS)}."
    )
if NEWSROOM_MEDIA_STORAGE == "s3":
    # django-storages' own settings, under its own names. Keys may also come from
    # boto3's usual places (instance role, ~/.aws) when the variables are unset.
    AWS_STORAGE_BUCKET_NAME = os.environ.get("AWS_STORAGE_BUCKET_NAME", "")
    if not AWS_STORAGE_BUCKET_NAME:
        raise ImproperlyConfigured(
            "NEWSROOM_MEDIA_STORAGE=s3 needs AWS_STORAGE_BUCKET_NAME."
        )
    AWS_S3_ENDPOINT_URL = os.environ.get("AWS_S3_ENDPOINT_URL") or None
    AWS_ACCESS_KEY_ID = os.environ.get("AWS_ACCESS_KEY_ID") or None
    AWS_SECRET_ACCESS_KEY = os.environ.get("AWS_SECRET_ACCESS_KEY") or None
    AWS_S3_REGION_NAME = os.environ.get("AWS_S3_REGION_NAME") or None
    # The public address readers fetch pictures from: a CDN or the proxy's /media/
    # in front of the bucket ("news.example.org/media"), without the scheme.
    AWS_S3_CUSTOM_DOMAIN = os.environ.get("AWS_S3_CUSTOM_DOMAIN") or None
    AWS_S3_URL_PROTOCOL = os.environ.get("AWS_S3_URL_PROTOCOL", "https:")
    # Plain, stable URLs: a page cached for minutes must not carry links that expire,
    # and building them needs no request to the store. The bucket allows anonymous
    # reads of an object, never a listing; names are unguessable (Image.file).
    AWS_QUERYSTRING_AUTH = False
    AWS_DEFAULT_ACL = None
    # A key is never written twice: a new name is chosen instead, as on disk.
    AWS_S3_FILE_OVERWRITE = False
    # Every name is new for new content, so browsers and CDNs may keep a file forever.
    AWS_S3_OBJECT_PARAMETERS = {"CacheControl": "public, max-age=31536000, immutable"}
    AWS_S3_SIGNATURE_VERSION = "s3v4"
    AWS_S3_ADDRESSING_STYLE = os.environ.get("AWS_S3_ADDRESSING_STYLE", "path")
    if AWS_S3_CUSTOM_DOMAIN:
        MEDIA_URL = f"{AWS_S3_URL_PROTOCOL}//{AWS_S3_CUSTOM_DOMAIN}/"
STORAGES = {
    "default": {"BACKEND": MEDIA_STORAGE_BACKENDS[NEWSROOM_MEDIA_STORAGE]},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}

# Authentication
AUTH_PASSWORD_VALIDATORS = [
    {
        "NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"
    },
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "admin:login"

# Logging: everything to stdout/stderr, where containers and gunicorn collect it.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {
        "handlers": ["console"],
        "level": os.environ.get("DJANGO_LOG_LEVEL", "INFO"),
    },
    # A line per finished task helps a worker's operator; on `make run`, where the
    # immediate backend makes 30 demo images' renditions inline, it is only noise.
    "loggers": {"django.tasks": {"level": "WARNING" if DEBUG else "INFO"}},
}

# Third party
TAGGIT_CASE_INSENSITIVE = True
TAGGIT_STRIP_UNICODE_WHEN_SLUGIFYING = True  # "Türkiye" -> /tag/turkiye/

# Background work (renditions) through django.tasks. "immediate" runs a task inside
# the request that enqueued it (after commit); "database" queues it for `db_worker`.
TASK_BACKENDS = {
    "immediate": "django.tasks.backends.immediate.ImmediateBackend",
    "database": "django_tasks_db.DatabaseBackend",
}
TASK_BACKEND = os.environ.get("NEWSROOM_TASK_BACKEND", "immediate")
if TASK_BACKEND not in TASK_BACKENDS:
    raise ImproperlyConfigured(
        f"NEWSROOM_TASK_BACKEND must be one of {', '.join(TASK_BACKENDS)}."
    )
TASKS = {"default": {"BACKEND": TASK_BACKENDS[TASK_BACKEND]}}

# Newsroom
NEWSROOM_SITE_NAME = os.environ.get("NEWSROOM_SITE_NAME", "Newsroom")
NEWSROOM_TAGLINE = os.environ.get(
    "NEWSROOM_TAGLINE", "Defence and world news, as it happens"
)
NEWSROOM_GOOGLE_NEWS_URL = os.environ.get("NEWSROOM_GOOGLE_NEWS_URL", "")
NEWSROOM_PAGE_SIZE = env_int("NEWSROOM_PAGE_SIZE", 12)
# How long a signed draft-preview link works for someone without a login.
NEWSROOM_PREVIEW_LINK_HOURS = env_int("NEWSROOM_PREVIEW_LINK_HOURS", 48)
# Who publishes, for search engines, Google News and social cards. Images are static
# paths (their size is read from the file) or absolute https URLs.
NEWSROOM_PUBLISHER_NAME = os.environ.get("NEWSROOM_PUBLISHER_NAME", NEWSROOM_SITE_NAME)
NEWSROOM_PUBLISHER_SAME_AS = env_list("NEWSROOM_PUBLISHER_SAME_AS", "")
NEWSROOM_LOGO = os.environ.get("NEWSROOM_LOGO", "img/logo.png")
NEWSROOM_SOCIAL_IMAGE = os.environ.get("NEWSROOM_SOCIAL_IMAGE", "img/social.png")
NEWSROOM_TWITTER_SITE = os.environ.get("NEWSROOM_TWITTER_SITE", "")
# Uploads above either cap are refused before decoding; nginx allows this + 1 MB of form.
NEWSROOM_IMAGE_MAX_BYTES = env_int("NEWSROOM_IMAGE_MAX_BYTES", 25 * 1024 * 1024)
NEWSROOM_IMAGE_MAX_PIXELS = env_int("NEWSROOM_IMAGE_MAX_PIXELS", 50_000_000)

# Reader caches (newsroom/page_cache.py, articles/reader_cache.py). Shared caches keep
# a reader page at most this long, and never past the next scheduled change; browsers,
# which cannot be purged, a much shorter time.
NEWSROOM_SHARED_MAX_AGE = env_int("NEWSROOM_SHARED_MAX_AGE", 300)
NEWSROOM_BROWSER_MAX_AGE = env_int("NEWSROOM_BROWSER_MAX_AGE", 30)
NEWSROOM_SEARCH_MAX_AGE = env_int("NEWSROOM_SEARCH_MAX_AGE", 60)
# Live coverage (live/): how often open pages ask for news, and how long a shared
# cache keeps the tiny answer they all ask (purged at once on a change anyway).
NEWSROOM_LIVE_POLL_SECONDS = env_int("NEWSROOM_LIVE_POLL_SECONDS", 10)
NEWSROOM_LIVE_HEAD_MAX_AGE = env_int("NEWSROOM_LIVE_HEAD_MAX_AGE", 5)
# Open reader pages ask this often whether a breaking banner started or ended.
NEWSROOM_BREAKING_POLL_SECONDS = env_int("NEWSROOM_BREAKING_POLL_SECONDS", 10)
# How many web processes serve the site (docker compose --scale web=N, or several
# hosts). From 2 on, the system check refuses state kept in one process or machine.
NEWSROOM_WEB_REPLICAS = env_int("NEWSROOM_WEB_REPLICAS", 1)
# Django's own page cache (Redis with REDIS_URL, else this process's memory).
NEWSROOM_PAGE_CACHE = env_bool("NEWSROOM_PAGE_CACHE", True)
# Where purges go once a change commits: Varnish (compose: http://varnish:6081), and
# any CDN backend added here (see articles/purge_backends.py).
NEWSROOM_PURGE_BACKENDS = [
    {
        "BACKEND": "articles.purge_backends.VarnishPurge",
        "OPTIONS": {"url": url, "token": os.environ.get("VARNISH_PURGE_TOKEN", "")},
    }
    for url in env_list("NEWSROOM_VARNISH_URLS", "")
]

# Security: content policy, browser features, login throttling, request caps
# Reader pages: nothing inline but what carries the request's nonce.
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF, CSP.NONCE],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:"],
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.SELF],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
}
# Story bodies may hold library pictures, pull quotes and embeds (articles/story_blocks.py):
# the editor's buttons come from one static module; the sanitiser lets exactly their
# markup through, and story_blocks.clean() checks its values.
DJANGO_PROSE_EDITOR_EXTENSIONS = [
    {
        "js": [static_lazy("admin_extra/story_blocks.js")],
        "extensions": {
            "StoryPicture": html_tags(["figure"], {"figure": ["class", "data-image"]}),
            "PullQuote": html_tags(["aside"], {"aside": ["class"]}),
            "Embed": html_tags(
                ["figure"],
                {"figure": ["class", "data-provider", "data-id", "data-url"]},
            ),
        },
    }
]
# A story page with embeds lets frames from exactly its providers' origins in
# (frame-src); no page loads any of them before a reader clicks (static/js/embeds.js).

# The admin's rich-text editor injects <style> elements and the admin sets inline
# style attributes, so styles may be inline there; scripts stay nonce-only.
NEWSROOM_ADMIN_CSP = {
    **SECURE_CSP,
    "style-src": [CSP.SELF, CSP.UNSAFE_INLINE],
    "img-src": [CSP.SELF, "data:", "blob:"],
}
NEWSROOM_PERMISSIONS_POLICY = (
    "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), "
    "microphone=(), payment=(), usb=()"
)
# Addresses of our own reverse proxy: only from these is X-Forwarded-For believed.
NEWSROOM_TRUSTED_PROXIES = env_list("NEWSROOM_TRUSTED_PROXIES", "127.0.0.1/32,::1/128")

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = env_int("NEWSROOM_LOGIN_FAILURE_LIMIT", 10)
AXES_COOLOFF_TIME = timedelta(minutes=env_int("NEWSROOM_LOGIN_COOLOFF_MINUTES", 30))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
# Beside the lock per username and address: one username's failures from every
# address together, so a botnet cannot try ten passwords from each of its machines.
NEWSROOM_LOGIN_USERNAME_FAILURE_LIMIT = env_int(
    "NEWSROOM_LOGIN_USERNAME_FAILURE_LIMIT", 30
)
AXES_HANDLER = "newsroom.security.NewsroomAxesHandler"
AXES_CLIENT_IP_CALLABLE = "newsroom.security.client_ip"
# A right password is only half a sign-in for whoever has a second factor: the
# handler clears the failures once the whole sign-in succeeded, not at the password.
AXES_RESET_ON_SUCCESS = False
# Guesses made while locked out do not extend the lock, so an attacker can slow an
# editor's sign-in down but never keep them out past the cool-off.
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False
AXES_VERBOSE = False  # lockouts are still logged as warnings; no banner per command
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"

# Two-factor sign-in (django-otp, TOTP with recovery codes): whoever may publish, flag
# breaking news or is a superuser must enrol and use it. On wherever DEBUG is off;
# off for `make run`'s demo login unless turned on.
NEWSROOM_REQUIRE_2FA = env_bool("NEWSROOM_REQUIRE_2FA", not DEBUG)
NEWSROOM_RECOVERY_CODES = 10
OTP_TOTP_ISSUER = NEWSROOM_SITE_NAME
# The admin lists devices but never shows a secret key, QR code or recovery code:
# an administrator could otherwise copy someone's second factor.
OTP_ADMIN_HIDE_SENSITIVE_DATA = True

# E-mail: the desk's notifications (review requests, mentions, publications), through
# Django 6.1's MAILERS. Unset, `make run` (DEBUG) prints them on the console and
# production sends through SMTP at DJANGO_EMAIL_HOST.
MAILERS = {
    "default": {
        "BACKEND": os.environ.get(
            "DJANGO_EMAIL_BACKEND",
            "django.core.mail.backends.console.EmailBackend"
            if DEBUG
            else "django.core.mail.backends.smtp.EmailBackend",
        ),
    }
}
if MAILERS["default"]["BACKEND"].endswith("smtp.EmailBackend"):
    MAILERS["default"]["OPTIONS"] = {
        "host": os.environ.get("DJANGO_EMAIL_HOST", "localhost"),
        "port": env_int("DJANGO_EMAIL_PORT", 25),
        "username": os.environ.get("DJANGO_EMAIL_HOST_USER", ""),
        "password": os.environ.get("DJANGO_EMAIL_HOST_PASSWORD", ""),
        "use_tls": env_bool("DJANGO_EMAIL_USE_TLS", False),
        "timeout": 10,
    }
DEFAULT_FROM_EMAIL = os.environ.get("DJANGO_DEFAULT_FROM_EMAIL", "newsroom@localhost")
# Where links in those e-mails point (the admin's public address).
NEWSROOM_ADMIN_URL_BASE = os.environ.get(
    "NEWSROOM_ADMIN_URL_BASE", "http://127.0.0.1:8000"
)

# A story form is a few hundred kB at most; files above 2.5 MB stream to a temp file.
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = int(2.5 * 1024 * 1024)
DATA_UPLOAD_MAX_NUMBER_FIELDS = 2000
# The largest body we accept: one image at the cap plus the form around it.
NEWSROOM_MAX_REQUEST_BYTES = env_int(
    "NEWSROOM_MAX_REQUEST_BYTES", NEWSROOM_IMAGE_MAX_BYTES + 1024 * 1024
)
