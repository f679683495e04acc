"""Settings for Lokalkontakt: one module, every value from the environment, safe local defaults.

Production sets at least SECRET_KEY, DEBUG=0, ALLOWED_HOSTS and DATABASE_URL.
"""

import os
from pathlib import Path

import dj_database_url
from csp.constants import NONCE, NONE, SELF
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent  # src/lokalkontakt
PROJECT_DIR = BASE_DIR.parent.parent
VAR_DIR = Path(os.environ.get("LOKALKONTAKT_VAR_DIR", PROJECT_DIR / "var"))


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    return default if value is None else value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str) -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DEBUG", False)
SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if not env_bool("LOKALKONTAKT_DEV", True):
        raise RuntimeError("SECRET_KEY must be set when LOKALKONTAKT_DEV=0")
    SECRET_KEY = "insecure-local-development-key-never-use-in-production"  # noqa: S105
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost,testserver")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", "")
# Demo users (koordinator/lokalkontakt/kollega with password "demo") may only be created when true.
DEMO_ENABLED = env_bool("LOKALKONTAKT_DEMO", env_bool("LOKALKONTAKT_DEV", True))

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
    "lokalkontakt.rollout",
    "lokalkontakt.councils",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
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

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", f"sqlite:///{VAR_DIR / 'lokalkontakt.sqlite3'}"),
        conn_max_age=int(os.environ.get("CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=5000;",
        "transaction_mode": "IMMEDIATE",
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "rules.permissions.ObjectPermissionBackend",
    # Django's ModelBackend, refusing the demo's logins unless the demo is enabled.
    "lokalkontakt.core.auth.PasswordBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "areas:directory"

# django-axes: lock a username+IP pair after repeated failures, for one hour.
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = float(os.environ.get("AXES_COOLOFF_HOURS", "1"))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
# And across usernames: failures from one address within the cool-off time (core.views.LoginView).
LOGIN_ADDRESS_FAILURE_LIMIT = int(os.environ.get("LOGIN_ADDRESS_FAILURE_LIMIT", "30"))
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"
AXES_RESET_ON_SUCCESS = True
# Reverse proxies in front of the application that append to X-Forwarded-For (rate limits, axes).
TRUSTED_PROXY_COUNT = int(os.environ.get("TRUSTED_PROXY_COUNT", os.environ.get("AXES_PROXY_COUNT", "0")))
AXES_CLIENT_IP_CALLABLE = "lokalkontakt.core.http.client_address"

LANGUAGE_CODE = "da"
LANGUAGES = [("da", _("Danish")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Copenhagen"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_ROOT = VAR_DIR / "media"
MEDIA_URL = "/media/"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if env_bool("STATIC_MANIFEST", not env_bool("LOKALKONTAKT_DEV", True))
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}
WHITENOISE_USE_FINDERS = env_bool("WHITENOISE_USE_FINDERS", True)
WHITENOISE_AUTOREFRESH = DEBUG

TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

# Inquiries: deadlines in Danish working days, spam limit per client and hour.
INQUIRY_ACKNOWLEDGE_DAYS = int(os.environ.get("INQUIRY_ACKNOWLEDGE_DAYS", "2"))
INQUIRY_ANSWER_DAYS = int(os.environ.get("INQUIRY_ANSWER_DAYS", "10"))
INQUIRY_RATE_LIMIT = int(os.environ.get("INQUIRY_RATE_LIMIT", "5"))
INQUIRY_FOLLOW_UP_LIMIT = int(os.environ.get("INQUIRY_FOLLOW_UP_LIMIT", "10"))
# Closed inquiries lose the submitter's personal data after this many days.
INQUIRY_RETENTION_DAYS = int(os.environ.get("INQUIRY_RETENTION_DAYS", "365"))
# Attachments on inquiries and consultations: at most this many files of this size and these types.
ATTACHMENT_MAX_BYTES = int(os.environ.get("ATTACHMENT_MAX_MB", "10")) * 1024 * 1024
ATTACHMENT_MAX_FILES = int(os.environ.get("ATTACHMENT_MAX_FILES", "5"))
# Office files are zip archives: refused when they unpack to more than this, or by more than this
# factor (a zip bomb posing as .docx).
ATTACHMENT_MAX_UNPACKED_BYTES = int(os.environ.get("ATTACHMENT_MAX_UNPACKED_MB", "100")) * 1024 * 1024
ATTACHMENT_MAX_PACK_RATIO = int(os.environ.get("ATTACHMENT_MAX_PACK_RATIO", "200"))
ATTACHMENT_EXTENSIONS = env_list("ATTACHMENT_EXTENSIONS", "pdf,png,jpg,jpeg,docx,xlsx,odt,ods,txt")
DATA_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
FILE_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
# Django's default (100) lets that many temporary files reach the disk before the count is checked.
DATA_UPLOAD_MAX_NUMBER_FILES = 20
# Council members sign in by a one-time link that is valid this many minutes.
COUNCIL_LOGIN_LINK_MINUTES = int(os.environ.get("COUNCIL_LOGIN_LINK_MINUTES", "30"))
# An invitation's link waits in the inbox longer: it is valid this many days.
COUNCIL_INVITATION_DAYS = int(os.environ.get("COUNCIL_INVITATION_DAYS", "7"))
# The address the application is reached at, for links in e-mails.
SITE_URL = os.environ.get("SITE_URL", "http://127.0.0.1:8000")

# Coordination meetings: contacts propose agenda items until this many days before a meeting; a
# series plans this many months ahead; action items' owners are reminded this many days before
# the due date.
MEETING_PROPOSAL_DAYS = int(os.environ.get("MEETING_PROPOSAL_DAYS", "7"))
MEETING_SERIES_MONTHS = int(os.environ.get("MEETING_SERIES_MONTHS", "12"))
ACTION_ITEM_REMINDER_DAYS = int(os.environ.get("ACTION_ITEM_REMINDER_DAYS", "3"))
# The time the role is expected to take a contact, in minutes per working week (the seed: about
# 1-1½ hours); a week with holidays expects its share of it.
TIME_BAND_MINUTES = (int(os.environ.get("TIME_BAND_LOW_MINUTES", "60")),
                     int(os.environ.get("TIME_BAND_HIGH_MINUTES", "90")))
# Suggestions for an area without a contact: a contact covering an area within this distance
# (km, between the areas' coordinates) is a neighbour who might take it too.
SUGGESTION_NEIGHBOUR_KM = float(os.environ.get("SUGGESTION_NEIGHBOUR_KM", "8"))

# Days the municipality is closed besides weekends and public holidays, as MM-DD.
WORKDAY_CLOSED_DAYS = env_list("WORKDAY_CLOSED_DAYS", "06-05,12-24,12-31")

# EMAIL_URL, e.g. smtp://user:password@mail.example.dk:587?tls=1; without it mail is written to var/mail/.
EMAIL_URL = os.environ.get("EMAIL_URL", "")
EMAIL_FILE_PATH = VAR_DIR / "mail"
EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
if EMAIL_URL:
    from urllib.parse import parse_qs, unquote, urlsplit

    _mail = urlsplit(EMAIL_URL)
    _mail_options = parse_qs(_mail.query)
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    EMAIL_HOST, EMAIL_PORT = _mail.hostname or "localhost", _mail.port or 25
    EMAIL_HOST_USER, EMAIL_HOST_PASSWORD = unquote(_mail.username or ""), unquote(_mail.password or "")
    EMAIL_USE_TLS = _mail_options.get("tls", ["0"])[0] == "1"
    EMAIL_USE_SSL = _mail.scheme == "smtps"
EMAIL_TIMEOUT = int(os.environ.get("EMAIL_TIMEOUT", "20"))
EMAIL_MAX_ATTEMPTS = int(os.environ.get("EMAIL_MAX_ATTEMPTS", "10"))
# A message still being sent after this many minutes was left by a worker that stopped: the
# periodic job queues it again (it may have reached the server: at least once). Keep it well
# above EMAIL_TIMEOUT, which one SMTP command may take.
EMAIL_SENDING_STALE_MINUTES = int(os.environ.get("EMAIL_SENDING_STALE_MINUTES", "10"))
# The coordinator's page of e-mails not delivered lists those waiting longer than this.
EMAIL_DELAYED_MINUTES = int(os.environ.get("EMAIL_DELAYED_MINUTES", "30"))
# Task results: still running after this many minutes, the task's worker has stopped (marked
# failed); finished ones are deleted after this many days.
TASK_RUNNING_STALE_MINUTES = int(os.environ.get("TASK_RUNNING_STALE_MINUTES", "60"))
TASK_RESULT_RETENTION_DAYS = int(os.environ.get("TASK_RESULT_RETENTION_DAYS", "14"))
# /healthz answers 503 when a task has waited for the worker, or an e-mail to be sent, this long.
HEALTH_TASK_STALE_MINUTES = int(os.environ.get("HEALTH_TASK_STALE_MINUTES", "10"))
HEALTH_EMAIL_STALE_MINUTES = int(os.environ.get("HEALTH_EMAIL_STALE_MINUTES", "60"))
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "lokalkontakt@example.dk")

SESSION_COOKIE_HTTPONLY = True
# A login ends after SESSION_IDLE_MINUTES without a request and SESSION_MAX_HOURS after signing in
# (core.sessions); the cookie lasts no longer than that.
SESSION_IDLE_MINUTES = int(os.environ.get("SESSION_IDLE_MINUTES", "60"))
SESSION_MAX_HOURS = int(os.environ.get("SESSION_MAX_HOURS", "10"))
SESSION_COOKIE_AGE = SESSION_MAX_HOURS * 3600
SESSION_COOKIE_SECURE = env_bool("SECURE_COOKIES", not DEBUG and not env_bool("LOKALKONTAKT_DEV", True))
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
# Production is served over HTTPS only: plain HTTP is redirected (except /healthz, which the load
# balancer asks over HTTP) and browsers are told to use HTTPS for a year (HSTS). Behind reverse
# proxies (TRUSTED_PROXY_COUNT) the proxy's X-Forwarded-Proto says whether the request was HTTPS.
_HTTPS = env_bool("HTTPS", SESSION_COOKIE_SECURE)
SECURE_SSL_REDIRECT = _HTTPS
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
SECURE_HSTS_SECONDS = int(os.environ.get("HSTS_SECONDS", str(365 * 24 * 3600) if _HTTPS else "0"))
# The header binds this host and names under it (e.g. *.lokalkontakt.kommune.dk), not the
# municipality's other sites. Preloading is for a whole domain, which is not ours to decide.
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = False
SILENCED_SYSTEM_CHECKS = ["security.W021"]
if TRUSTED_PROXY_COUNT:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

# Map tiles are optional: with no URL the map shows the point on a plain background.
MAP_TILE_URL = os.environ.get("MAP_TILE_URL", "")
MAP_TILE_ATTRIBUTION = os.environ.get("MAP_TILE_ATTRIBUTION", "")
MUNICIPALITY_NAME = os.environ.get("MUNICIPALITY_NAME", "Hedensted Kommune")
# The privacy notice (/privatliv/, GDPR art. 13): the controller's and the data-protection
# officer's contact details; a line without a value is left out.
PRIVACY_CONTROLLER_ADDRESS = os.environ.get("PRIVACY_CONTROLLER_ADDRESS", "")
PRIVACY_CONTROLLER_EMAIL = os.environ.get("PRIVACY_CONTROLLER_EMAIL", "")
PRIVACY_CONTROLLER_PHONE = os.environ.get("PRIVACY_CONTROLLER_PHONE", "")
PRIVACY_DPO_NAME = os.environ.get("PRIVACY_DPO_NAME", "")
PRIVACY_DPO_EMAIL = os.environ.get("PRIVACY_DPO_EMAIL", "")
PRIVACY_DPO_PHONE = os.environ.get("PRIVACY_DPO_PHONE", "")
# Who processes data on the municipality's behalf (hosting, e-mail), as the notice names them.
PRIVACY_PROCESSORS = os.environ.get("PRIVACY_PROCESSORS", "")
ACCESSIBILITY_STATEMENT_URL = os.environ.get(
    "ACCESSIBILITY_STATEMENT_URL", "https://www.was.digst.dk/hedensted-dk"
)

_img_src = [SELF, "data:"]
if MAP_TILE_URL:
    from urllib.parse import urlsplit

    _tiles = urlsplit(MAP_TILE_URL.replace("{s}", "a"))
    _img_src.append(f"{_tiles.scheme}://{_tiles.netloc.replace('a.', '*.', 1)}")
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, NONCE],
        "style-src": [SELF],
        "img-src": _img_src,
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    # WeasyPrint (the briefing pack's PDF) logs every step of a rendering at INFO.
    "loggers": {"axes": {"level": "WARNING"}, "weasyprint": {"level": "WARNING"},
                "fontTools": {"level": "WARNING"}},
}
