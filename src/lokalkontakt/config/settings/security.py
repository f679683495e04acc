# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""Signing in, sessions, HTTPS and the browser's security headers."""

import os

from csp.constants import NONCE, NONE, SELF

from .base import DEBUG, PRODUCTION, env_bool
from .municipality import MAP_TILE_URL

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
# Local passwords (signing in with a username and password; setting and resetting them by e-mail).
# Off when staff sign in through the municipality's identity provider: the login page then shows
# no password form and password sign-in is refused, except the demo's logins while the demo is on.
LOCAL_PASSWORDS = env_bool("LOCAL_PASSWORDS", True)
# How long the link in the e-mail that sets a new login's password works (days), and the link of
# "Forgot password?" (hours).
ACCOUNT_SETUP_DAYS = int(os.environ.get("ACCOUNT_SETUP_DAYS", "3"))
PASSWORD_RESET_HOURS = int(os.environ.get("PASSWORD_RESET_HOURS", "2"))
PASSWORD_RESET_TIMEOUT = PASSWORD_RESET_HOURS * 3600
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

SESSION_COOKIE_HTTPONLY = True
# A login ends after SESSION_IDLE_MINUTES without a request and SESSION_MAX_HOURS after signing in
# (core.sessions); the cookie lasts no longer than that.
SESSION_IDLE_MINUTES = int(os.environ.get("SESSION_IDLE_MINUTES", "60"))
SESSION_MAX_HOURS = int(os.environ.get("SESSION_MAX_HOURS", "10"))
SESSION_COOKIE_AGE = SESSION_MAX_HOURS * 3600
SESSION_COOKIE_SECURE = env_bool("SECURE_COOKIES", not DEBUG and PRODUCTION)
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



def tile_source(url: str) -> str:
    """The CSP source of a tile URL template (MAP_TILE_URL): its scheme and host, with a
    Leaflet subdomain placeholder ({s}.tiles.example.dk) as a wildcard."""
    from urllib.parse import urlsplit

    parts = urlsplit(url.replace("{s}", "subdomain-placeholder"))
    return f"{parts.scheme}://{parts.netloc.replace('subdomain-placeholder', '*')}"


# Map tiles (MAP_TILE_URL, settings.municipality) are images from the tile host: allowed in
# img-src only, and only when set.
_img_src = [SELF, "data:"]
if MAP_TILE_URL:
    _img_src.append(tile_source(MAP_TILE_URL))
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
