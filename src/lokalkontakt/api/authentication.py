# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""Authenticating a call by its API key: `Authorization: Bearer lk_…`.

No key: the call is anonymous, and only the public endpoints answer it. A key that is unknown,
malformed, expired or revoked: 401 with the reason, never the data. Sessions are not accepted:
the API has no cookies, so it needs no CSRF token and a browser's login cannot be used by another
site's script."""

from datetime import timedelta

from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from rest_framework import exceptions
from rest_framework.authentication import BaseAuthentication, get_authorization_header

from lokalkontakt.api import keys
from lokalkontakt.api.client import ApiClient
from lokalkontakt.api.models import ApiKey

# last_used_at is written at most this often per key, not on every call.
LAST_USED_RESOLUTION = timedelta(minutes=1)


class ApiKeyAuthentication(BaseAuthentication):
    keyword = "Bearer"

    def authenticate(self, request):
        header = get_authorization_header(request).split()
        if not header or header[0].lower() != self.keyword.lower().encode():
            return None
        if len(header) != 2:
            raise exceptions.AuthenticationFailed(_("Give the API key after “Bearer ” and nothing else."))
        try:
            key = header[1].decode()
        except UnicodeDecodeError:
            raise exceptions.AuthenticationFailed(_("The API key is not valid.")) from None
        api_key = self._key(key)
        self._touch(api_key)
        return ApiClient(api_key), api_key

    def authenticate_header(self, request):
        return self.keyword

    @staticmethod
    def _key(key: str) -> ApiKey:
        prefix = keys.prefix_of(key)
        api_key = ApiKey.objects.filter(prefix=prefix).first() if prefix else None
        if api_key is None or not keys.matches(key, api_key.key_hash):
            raise exceptions.AuthenticationFailed(_("The API key is not valid."))
        if api_key.revoked_at is not None:
            raise exceptions.AuthenticationFailed(_("The API key has been revoked."))
        if api_key.is_expired:
            raise exceptions.AuthenticationFailed(_("The API key has expired."))
        return api_key

    @staticmethod
    def _touch(api_key: ApiKey) -> None:
        now = timezone.now()
        if api_key.last_used_at is None or now - api_key.last_used_at >= LAST_USED_RESOLUTION:
            # An update without the model's save: no history row for every call.
            ApiKey.objects.filter(pk=api_key.pk).update(last_used_at=now)
            api_key.last_used_at = now
