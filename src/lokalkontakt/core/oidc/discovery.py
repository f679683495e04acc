# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""The provider's endpoints, from its discovery document (`.well-known/openid-configuration`).

mozilla-django-oidc reads each endpoint as a setting; `oidc_setting` answers those from the
document, read when first needed and kept in the cache for DISCOVERY_CACHE_SECONDS, unless the
setting names the endpoint itself.
"""

import requests
from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import ImproperlyConfigured
from mozilla_django_oidc.utils import import_from_settings

DISCOVERY_CACHE_SECONDS = 3600
# setting -> the discovery document's key
ENDPOINTS = {
    "OIDC_OP_AUTHORIZATION_ENDPOINT": "authorization_endpoint",
    "OIDC_OP_TOKEN_ENDPOINT": "token_endpoint",
    "OIDC_OP_USER_ENDPOINT": "userinfo_endpoint",
    "OIDC_OP_JWKS_ENDPOINT": "jwks_uri",
    "OIDC_OP_END_SESSION_ENDPOINT": "end_session_endpoint",
}


class ProviderUnavailable(Exception):
    """The provider's discovery document could not be read."""


def oidc_enabled() -> bool:
    return bool(getattr(settings, "OIDC_DISCOVERY_URL", ""))


def discovery_document() -> dict:
    """The provider's discovery document, from the cache or fetched. Raises ProviderUnavailable."""
    url = settings.OIDC_DISCOVERY_URL
    key = f"oidc-discovery:{url}"
    document = cache.get(key)
    if document is None:
        try:
            response = requests.get(url, timeout=settings.OIDC_TIMEOUT)
            response.raise_for_status()
            document = response.json()
        except (requests.RequestException, ValueError) as error:
            raise ProviderUnavailable(f"{url}: {error}") from error
        cache.set(key, document, DISCOVERY_CACHE_SECONDS)
    return document


def oidc_setting(attr: str, *default):
    """A mozilla-django-oidc setting; an endpoint left empty comes from the discovery document."""
    value = import_from_settings(attr, *default)
    if attr in ENDPOINTS and not value and oidc_enabled():
        value = discovery_document().get(ENDPOINTS[attr])
        if not value and not default:
            raise ImproperlyConfigured(f"The provider's discovery document has no {ENDPOINTS[attr]}.")
    return value
