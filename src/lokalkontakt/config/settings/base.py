# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""The framework: paths, the database, apps and middleware, templates, languages, static files
and the task queue."""

import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent.parent  # src/lokalkontakt
PROJECT_DIR = BASE_DIR.parent.parent
VAR_DIR = Path(os.environ.get("LOKALKONTAKT_VAR_DIR", PROJECT_DIR / "var"))


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    return default if value is None else value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str) -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DEBUG", False)
# LOKALKONTAKT_DEV=0 is production: the secure defaults below, and `check --deploy` requires the
# settings production needs (core.checks).
PRODUCTION = not env_bool("LOKALKONTAKT_DEV", True)
SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if PRODUCTION:
        raise ImproperlyConfigured("SECRET_KEY must be set when LOKALKONTAKT_DEV=0 (production).")
    SECRET_KEY = "insecure-local-development-key-never-use-in-production"  # noqa: S105
# Rotating SECRET_KEY: the old key(s), comma-separated, keep sessions, password-reset links, the
# tracking links' later e-mails and the calendar feeds working until they are removed.
SECRET_KEY_FALLBACKS = env_list("SECRET_KEY_FALLBACKS", "")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost,testserver")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", "")
# Demo users (koordinator/lokalkontakt/kollega with password "demo") may only be created when true.
DEMO_ENABLED = env_bool("LOKALKONTAKT_DEMO", not PRODUCTION)

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.humanize",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django_htmx",
    "template_partials",
    "django_tasks",
    "django_tasks_db",
    "csp",
    "rules.apps.AutodiscoverRulesConfig",
    "simple_history",
    "axes",
    "rest_framework",
    "drf_spectacular",
    "corsheaders",
    "lokalkontakt.core",
    "lokalkontakt.people",
    "lokalkontakt.timesheets",
    "lokalkontakt.candidates",
    "lokalkontakt.areas",
    "lokalkontakt.projects",
    "lokalkontakt.inquiries",
    "lokalkontakt.consultations",
    "lokalkontakt.knowledge",
    "lokalkontakt.meetings",
    "lokalkontakt.handovers",
    "lokalkontakt.onboarding",
    "lokalkontakt.workspace",
    "lokalkontakt.search",
    "lokalkontakt.reports",
    "lokalkontakt.journal",
    "lokalkontakt.rollout",
    "lokalkontakt.guides",
    "lokalkontakt.councils",
    "lokalkontakt.organisation",
    "lokalkontakt.api",
]

MIDDLEWARE = [
    # First, so that every response (redirects to HTTPS too) carries the request id and is logged.
    "lokalkontakt.core.logs.RequestIdMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Before CommonMiddleware: answers the public API's CORS preflight (settings/api.py).
    "corsheaders.middleware.CorsMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.auth.middleware.LoginRequiredMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "lokalkontakt.core.sessions.SessionTimeoutMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "lokalkontakt.config.urls"
WSGI_APPLICATION = "lokalkontakt.config.wsgi.application"

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
                "csp.context_processors.nonce",
                "lokalkontakt.core.context_processors.site",
            ],
        },
    }
]

# Connections are kept between requests (CONN_MAX_AGE seconds) on SQLite too: opening one and
# setting its pragmas (init_command, once per connection) was half of /healthz's time. Each
# thread has its own; runserver closes its per-request threads' connections itself.
DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", f"sqlite:///{VAR_DIR / 'lokalkontakt.sqlite3'}"),
        conn_max_age=int(os.environ.get("CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=5000;",
        "transaction_mode": "IMMEDIATE",
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

LANGUAGE_CODE = "da"
LANGUAGES = [("da", _("Danish")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
# English dates as en-GB writes them (core/formats/en/formats.py).
FORMAT_MODULE_PATH = ["lokalkontakt.core.formats"]
TIME_ZONE = "Europe/Copenhagen"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
# Collected when the image is built (`collectstatic`), outside VAR_DIR where that is a volume.
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", VAR_DIR / "static"))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_ROOT = VAR_DIR / "media"
MEDIA_URL = "/media/"
# Production serves hashed names from the manifest collectstatic writes (core.checks refuses to
# start without it); STATIC_COMPRESS=0 leaves out the pre-compressed copies (a faster build).
_STATIC_BACKEND = "django.contrib.staticfiles.storage.StaticFilesStorage"
if env_bool("STATIC_MANIFEST", PRODUCTION):
    _STATIC_BACKEND = ("whitenoise.storage.CompressedManifestStaticFilesStorage"
                       if env_bool("STATIC_COMPRESS", True)
                       else "django.contrib.staticfiles.storage.ManifestStaticFilesStorage")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": _STATIC_BACKEND},
}
WHITENOISE_USE_FINDERS = env_bool("WHITENOISE_USE_FINDERS", True)
WHITENOISE_AUTOREFRESH = DEBUG

# Each process keeps what it has drawn in its own memory (the coverage map, the public
# directory's content, the public API's area lists, the reports' charts; areas.versions tells
# when a copy is current). What a visitor chooses (a search's words, a filter, a report's period)
# is kept in a cache of its own, so that made-up choices push out other such answers only, never
# the pages everyone reads (nor the API's throttling counts).
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    "chosen": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache",
               "LOCATION": "chosen", "OPTIONS": {"MAX_ENTRIES": 1000}},
}

TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
# An export of more rows than this is built by the worker and offered when ready (core.exports).
EXPORT_INLINE_ROWS = int(os.environ.get("EXPORT_INLINE_ROWS", "5000"))
# A form offers the local areas as a list up to this many; above it the area's name is typed
# (areas.fields.AreaField), so a form never draws thousands of choices.
AREA_SELECT_MAX = int(os.environ.get("AREA_SELECT_MAX", "100"))
# Above this many active employees, an employee field (people.fields) is typed, not a select.
EMPLOYEE_SELECT_MAX = int(os.environ.get("EMPLOYEE_SELECT_MAX", "100"))
