"""Settings for CDMX Global, read from the environment.

With nothing set, the portal runs on an embedded SQLite file under ``db/``;
``DATABASE_URL=postgres://…`` switches to PostgreSQL.
"""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.utils.csp import CSP

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


DEBUG = env_bool("DEBUG", default=False)

SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    # No secret is committed. Without SECRET_KEY in the environment, a local
    # installation draws one once and keeps it beside its SQLite file.
    from django.core.management.utils import get_random_secret_key

    _secret_file = BASE_DIR / "db" / ".secret_key"
    try:
        SECRET_KEY = _secret_file.read_text().strip()
    except FileNotFoundError:
        _secret_file.parent.mkdir(parents=True, exist_ok=True)
        SECRET_KEY = get_random_secret_key()
        _secret_file.write_text(SECRET_KEY)
        _secret_file.chmod(0o600)

ALLOWED_HOSTS = [
    host.strip()
    for host in os.environ.get("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]").split(",")
    if host.strip()
]

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.postgres",
    "django_countries",
    "django_filters",
    "rest_framework",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "corsheaders",
    "simple_history",
    "axes",
    "import_export",
    # Before ``background``, whose admin replaces this one's.
    "django_tasks_db",
    "background",
    "cdmx_global",
    "sourcebook",
    "ops",
    "agreements",
    "networks",
    "events",
    "evaluations",
    "reports",
    "staff",
    "search",
    "portal",
    "opendata",
    "following",
    "feedback",
]
# The benchmarks' synthetic-data generator (bench/synthetic/) is installed only
# where it is asked for: never in a production installation. The test suite
# installs it too (config/settings_test.py).
if env_bool("ALLOW_SYNTHETIC_DATA"):
    INSTALLED_APPS.append("bench.synthetic")

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    # Before anything that may answer on its own, so every API and download
    # response carries the CORS headers.
    "corsheaders.middleware.CorsMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    # ETags and 304 (cdmx_global/conditional.py): outside the page cache, so a kept answer is a 304 too.
    "cdmx_global.conditional.ConditionalGetMiddleware",
    # After the language is known, before anything that needs the session or the user.
    "cdmx_global.pagecache.AnonymousPageCacheMiddleware",
    "cdmx_global.unavailable.DatabaseUnavailableMiddleware",
    "django.middleware.common.CommonMiddleware",
    # Outside CSRF and authentication: it logs every 403 with the user who got it.
    "staff.middleware.RefusedAuthorisationLogMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    # Last, as django-axes asks: it turns a flagged login attempt into the lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "config.urls"

# Anonymous pages are kept for PAGE_CACHE_SECONDS, and retired at once when
# anything public changes (cdmx_global/pagecache.py). Each worker keeps its
# own copies, or all share them in Redis (REDIS_URL, below); 0 turns the cache off.
PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", "300"))
PAGE_CACHE_ALIAS = "pages"
# Finished bulk downloads are kept here as files, under the same rules (opendata/filecache.py).
DOWNLOAD_CACHE_DIR = os.environ.get("DOWNLOAD_CACHE_DIR", str(BASE_DIR / "cache" / "downloads"))
# A kept download holds only records (no date-dependent value): it lives
# until something public changes, or this long at most.
DOWNLOAD_CACHE_SECONDS = int(os.environ.get("DOWNLOAD_CACHE_SECONDS", str(24 * 3600)))
# The admin, the API's documentation (its page carries the request's CSP
# nonce), documents served with their own rules, and the verify form.
PAGE_CACHE_EXCLUDED_PATHS = (
    "/admin/", "/api/docs/", "/api/schema/", "/documentos/", "/informes/verificar/", "/en/informes/verificar/",
    "/salud/",
)
CACHES = {
    # Throttling counts (per process, see API_THROTTLE_RATES).
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    "pages": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "pages",
        "OPTIONS": {"MAX_ENTRIES": int(os.environ.get("PAGE_CACHE_ENTRIES", "2000"))},
    },
}
# With a Redis server (redis://host:6379/0), the limits, the pages and the
# index of kept downloads are shared by every server that uses it, so N servers
# give the same limits as one and build each page once. Redis is not needed:
# unreachable, the portal serves without it and logs it once
# (cdmx_global/rediscache.py). Timeouts are short so that an outage doesn't
# hold requests up. REDIS_KEY_PREFIX tells apart portals sharing one Redis.
REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    REDIS_KEY_PREFIX = os.environ.get("REDIS_KEY_PREFIX", "cdmx")
    _redis_options = {
        "socket_connect_timeout": float(os.environ.get("REDIS_TIMEOUT", "0.5")),
        "socket_timeout": float(os.environ.get("REDIS_TIMEOUT", "0.5")),
    }
    CACHES = {
        "default": {
            "BACKEND": "cdmx_global.rediscache.ResilientRedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": f"{REDIS_KEY_PREFIX}:limits",
            # Counters set their own windows; this bounds anything else.
            "TIMEOUT": 3600,
            "OPTIONS": _redis_options,
        },
        "pages": {
            "BACKEND": "cdmx_global.rediscache.ResilientRedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": f"{REDIS_KEY_PREFIX}:pages",
            "TIMEOUT": PAGE_CACHE_SECONDS,
            "OPTIONS": _redis_options,
        },
    }

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.csp",
            ],
        },
    },
]

WSGI_APPLICATION = "config.wsgi.application"

# Background work, and SQLite shared with the worker: config/settings_tasks.py.
from .settings_tasks import (  # noqa: E402
    DOWNLOAD_WARM_DELAY_SECONDS, EMAIL_KEEP_DAYS, REPORT_PDF_PROCESSES, SQLITE_JOURNAL_MODE, SQLITE_OPTIONS,
    TASK_HEARTBEAT_SECONDS, TASK_KEEP_DAYS, TASK_RETRY_DELAY_SECONDS, TASK_RETRY_MAX_DELAY_SECONDS, TASK_SCHEDULES,
    TASK_WORKER_TIMEOUT_SECONDS, TASKS,
)

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db' / 'cdmx_global.sqlite3'}",
        conn_max_age=int(os.environ.get("CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}

# SQLite is written by the web server and the task worker at once (config/settings_tasks.py).
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"].setdefault("OPTIONS", {}).update(SQLITE_OPTIONS)

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTHENTICATION_BACKENDS = [
    # First, so a locked-out client is refused before any password is hashed.
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]

# Argon2 is memory-hard, so a stolen hash costs far more to crack on GPUs than
# PBKDF2, and it spends less CPU per login than Django's 1.5 million PBKDF2
# rounds (about 0.3 s against 0.7 s on a two-core machine). PBKDF2 stays second so
# existing hashes still verify; Django rehashes them with Argon2 at the next login.
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2SHA1PasswordHasher",
]

# No maximum length: neither Argon2 nor PBKDF2 takes longer on a long password
# (the request body is capped at DATA_UPLOAD_MAX_MEMORY_SIZE anyway).
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
    # Django's list is matched exactly; this also refuses "Contraseña2024!" and the like.
    {"NAME": "staff.password_validation.CommonWordVariantValidator"},
]

LANGUAGE_CODE = "es-mx"
LANGUAGES = [
    # Each language is named in its own tongue, as a language switch shows it.
    ("es-mx", "Español"),
    ("en", "English"),
]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "America/Mexico_City"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
MEDIA_URL = "media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
# Nothing serves MEDIA_ROOT by URL: documents go out through cdmx_global.views.document_download.
DOCUMENT_MAX_BYTES = int(os.environ.get("DOCUMENT_MAX_BYTES", 20 * 1024 * 1024))

# Sessions exist only for staff: a working day from the last time the session
# was written (in practice, login; browsing alone does not extend it), and gone
# when the browser closes. Django rotates the session key at login and accepts
# logout only by POST.
SESSION_COOKIE_AGE = 8 * 60 * 60
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_HTTPONLY = True
# Lax rather than Strict: a link to the admin in the deadline e-mail must arrive logged in.
SESSION_COOKIE_SAMESITE = "Lax"
# HTTPS. In production the portal is only served over HTTPS, usually behind a
# reverse proxy that holds the certificate: plain HTTP is redirected, cookies
# travel only over HTTPS, and browsers are told (HSTS) never to try HTTP again
# for a year. HTTPS=0 is for a local installation over plain HTTP (make run).
HTTPS = env_bool("HTTPS", default=not DEBUG)
SECURE_SSL_REDIRECT = HTTPS
# A load balancer's health probe may come over plain HTTP (cdmx_global.views.health).
SECURE_REDIRECT_EXEMPT = [r"^salud/$"]
SESSION_COOKIE_SECURE = env_bool("SECURE_COOKIES", default=HTTPS)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
CSRF_COOKIE_SAMESITE = "Lax"
# The CSRF cookie stays readable by scripts (Django's default): hiding it protects
# nothing, and a page's fetch() needs it.
SECURE_HSTS_SECONDS = int(os.environ.get("HSTS_SECONDS", 365 * 24 * 60 * 60 if HTTPS else 0))
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("HSTS_INCLUDE_SUBDOMAINS", default=True)
# The preload flag only consents: nothing happens unless the domain's owner
# submits the registrable domain to the browsers' list (hstspreload.org).
SECURE_HSTS_PRELOAD = env_bool("HSTS_PRELOAD", default=True)
SECURE_CONTENT_TYPE_NOSNIFF = True
# Full address within the portal (its own pages), nothing to other sites: a
# search typed here never travels to the site a result links to.
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
# Every script, style, font and image comes from the portal itself: no CDN, no
# remote fonts or map tiles, no inline script or style attribute, and no
# 'unsafe-inline': a <script> or <style> runs only with the request's nonce.
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF, CSP.NONCE],
    "style-src": [CSP.SELF, CSP.NONCE],
    "img-src": [CSP.SELF, "data:"],
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.SELF],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
}
X_FRAME_OPTIONS = "DENY"

# Mail goes through the SMTP server named by EMAIL_HOST; without one (a local
# installation) messages are printed on the console instead of sent, which
# `check --deploy` reports as an error.
if os.environ.get("EMAIL_HOST"):
    MAILERS = {
        "default": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {
                "host": os.environ["EMAIL_HOST"],
                "port": int(os.environ.get("EMAIL_PORT", "587")),
                "username": os.environ.get("EMAIL_HOST_USER", ""),
                "password": os.environ.get("EMAIL_HOST_PASSWORD", ""),
                "use_tls": env_bool("EMAIL_USE_TLS", default=True),
                "timeout": 30,
            },
        }
    }
else:
    MAILERS = {
        "default": {
            "BACKEND": os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend"),
        }
    }
# The portal's public address, for links in emails sent outside a request.
SITE_URL = os.environ.get("SITE_URL", "http://127.0.0.1:8000")

DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "cdmx-global@localhost")

# Following by email (following/, docs/seguimiento.md): how long a request
# waits for its confirmation, how long a link to one's subscriptions lasts,
# the requests an hour from one client and to one address, the most things
# one address may follow, and the subscriptions per digest task.
FOLLOW_CONFIRM_HOURS = int(os.environ.get("FOLLOW_CONFIRM_HOURS", "48"))
FOLLOW_MANAGE_DAYS = int(os.environ.get("FOLLOW_MANAGE_DAYS", "30"))
FOLLOW_REQUESTS_PER_CLIENT = int(os.environ.get("FOLLOW_REQUESTS_PER_CLIENT", "10"))
FOLLOW_REQUESTS_PER_ADDRESS = int(os.environ.get("FOLLOW_REQUESTS_PER_ADDRESS", "3"))
FOLLOW_MAX_PER_ADDRESS = int(os.environ.get("FOLLOW_MAX_PER_ADDRESS", "50"))
FOLLOW_BATCH_SIZE = int(os.environ.get("FOLLOW_BATCH_SIZE", "500"))

# «Reportar un error» (feedback/, docs/portal.md): the reports an hour from one
# client, and the days a reader's address is kept at most when not answered
# (it is blanked as soon as the answer is queued).
ERROR_REPORTS_PER_CLIENT = int(os.environ.get("ERROR_REPORTS_PER_CLIENT", "5"))
ERROR_REPORT_RETENTION_DAYS = int(os.environ.get("ERROR_REPORT_RETENTION_DAYS", "90"))

# Reverse proxies in front of the portal that append the client's address to
# X-Forwarded-For. 0 (the default) trusts no header: the client is REMOTE_ADDR.
TRUSTED_PROXY_COUNT = int(os.environ.get("TRUSTED_PROXY_COUNT", "0"))
# The proxy that terminates TLS says so in X-Forwarded-Proto; believed only when
# proxies are declared, since a client reaching the portal directly could send it.
# The proxy must set the header itself, overwriting whatever the client sent.
if TRUSTED_PROXY_COUNT > 0:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

# Lockout after failed logins (django-axes), counted in the database. Two keys:
# a person at an address (username + IP) gets AXES_FAILURE_LIMIT tries, so an
# attacker elsewhere can't lock a colleague out by typing their name; the
# address alone gets LOGIN_FLOOD_LIMIT, higher, because a whole office shares
# one address and one person's typos must not lock the rest out, while someone
# trying many usernames from one address still is. Both cool off after
# AXES_COOLOFF_TIME, which restarts with every try during the lockout.
AXES_HANDLER = "staff.lockout.StaffLoginAttemptHandler"
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"], "ip_address"]
AXES_FAILURE_LIMIT = 5
LOGIN_FLOOD_LIMIT = 30
AXES_COOLOFF_TIME = timedelta(minutes=15)
AXES_RESET_ON_SUCCESS = True
AXES_CLIENT_IP_CALLABLE = "staff.lockout.client_ip"
AXES_LOCKOUT_CALLABLE = "staff.views.lockout_response"
# 429 Too Many Requests, with Retry-After: the client did nothing forbidden, it must wait.
AXES_HTTP_RESPONSE_CODE = 429
AXES_SENSITIVE_PARAMETERS = ["username", "ip_address", "csrfmiddlewaretoken"]
# No start-up banner on every command; staff.auth already logs who failed and from where.
AXES_VERBOSE = False

COUNTRIES_FIRST = ["MX"]

# The public API and the bulk downloads: config/settings_api.py.
from .settings_api import (  # noqa: E402
    API_THROTTLE_RATES, CORS_ALLOW_ALL_ORIGINS, CORS_ALLOW_CREDENTIALS, CORS_ALLOW_HEADERS, CORS_ALLOW_METHODS,
    CORS_EXPOSE_HEADERS, CORS_URLS_REGEX, REST_FRAMEWORK, SPECTACULAR_SETTINGS,
)

# The Congress commission that receives the semiannual reports; its staff
# enter the Congress's evaluation (reports.congress). Named in its emails and pages.
CONGRESS_COMMISSION_NAME = os.environ.get(
    "CONGRESS_COMMISSION_NAME", "Comisión de Asuntos Internacionales del Congreso de la Ciudad de México"
)

# Reverting from the history would bypass review and publication.
SIMPLE_HISTORY_REVERT_DISABLED = True

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"timed": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "timed"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    # Logins, logouts, failures and lockouts (staff/signals.py), kept even when
    # LOG_LEVEL silences the rest.
    "loggers": {
        "staff.auth": {"level": "INFO"},
        # WeasyPrint logs every layout step at INFO; only its warnings matter.
        "weasyprint": {"level": "WARNING"},
        "fontTools": {"level": "WARNING"},
    },
}
