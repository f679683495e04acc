# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""The two kinds of API view. Every API view derives from one of them:

- `PublicApiView`/`PublicViewSet`: no key, read-only, only what the public directory shows;
- `KeyedApiView`/`KeyedViewSet`: an API key holding the scope named in `required_scopes` for
  the call's method (api.permissions.ScopeRequired).

Both are outside the login the pages require (LoginRequiredMiddleware): the API authenticates
by key, not by session.
"""

from django.contrib.auth.decorators import login_not_required
from rest_framework import viewsets
from rest_framework.permissions import AllowAny
from rest_framework.views import APIView

from lokalkontakt.api.permissions import ScopeRequired
from lokalkontakt.core.accesslog.record import How, record


class _NoLogin:
    @classmethod
    def as_view(cls, *args, **kwargs):
        return login_not_required(super().as_view(*args, **kwargs))


class _Public(_NoLogin):
    authentication_classes = ()
    permission_classes = (AllowAny,)
    http_method_names = ("get", "head", "options")


class _Keyed(_NoLogin):
    permission_classes = (ScopeRequired,)
    # {HTTP method: scope}; a method not named is refused (deny by default).
    required_scopes: dict[str, str] = {}

    def log_read(self, objects) -> int:
        """Write to the access log that this call's key was given the personal data in
        `objects` (instances of models registered in core.registry.personal_data)."""
        return record(self.request, objects, how=How.API)


class PublicApiView(_Public, APIView):
    pass


class PublicViewSet(_Public, viewsets.ReadOnlyModelViewSet):
    pass


class KeyedApiView(_Keyed, APIView):
    pass


class KeyedViewSet(_Keyed, viewsets.GenericViewSet):
    pass
