# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""The permission matrix of every API route and method, derived from the views themselves so it
grows with the API: a keyed view is refused without a key, with an expired or a revoked key
(401) and with a key holding every scope but the one its `required_scopes` names for the method
(403); a key with only that scope gets past the door (neither 401 nor 403). A keyed view that
answers a method without naming its scope fails here. A public view answers 200 without a key."""

import datetime

import pytest
from django.utils import timezone
from rest_framework.test import APIClient

from lokalkontakt.api.models import ApiKey
from lokalkontakt.api.scopes import Scope
from lokalkontakt.api.services import api_key_revoke
from lokalkontakt.api.views.base import _Keyed, _Public
from lokalkontakt.api.views.key import KeyView
from tests.api.factories import keyed_client, make_key
from tests.permissions import Route, all_routes, build_url

# Keyed views that any valid key may call, whatever its scopes (the key's own details).
ANY_KEY_VIEWS = {KeyView}
# Methods every DRF view answers by itself; the scope check refuses them on keyed views.
FRAMEWORK_METHODS = {"options", "head"}


def view_class(route: Route):
    return getattr(route.pattern.callback, "cls", None)


def methods(route: Route) -> list[str]:
    """The HTTP methods the route's view answers (a viewset: its route's actions)."""
    callback, cls = route.pattern.callback, view_class(route)
    names = getattr(callback, "actions", None) or {
        name: name for name in cls.http_method_names if hasattr(cls, name)}
    return sorted(name.upper() for name in names if name not in FRAMEWORK_METHODS)


def api_routes(kind) -> list[tuple[Route, str]]:
    return [(route, method) for route in all_routes()
            if (route.namespace or "").split(":")[0] == "api"
            and isinstance(view_class(route), type) and issubclass(view_class(route), kind)
            for method in methods(route)]


def ids(value):
    return str(value)


def call(client: APIClient, method: str, url: str):
    return client.generic(method, url, data="{}", content_type="application/json",
                          HTTP_ACCEPT_LANGUAGE="en")


def test_the_matrix_finds_the_api_routes():
    assert ("api:key", "GET") in {(route.key, method) for route, method in api_routes(_Keyed)}
    assert ("api:focus-area-list", "GET") in {(r.key, m) for r, m in api_routes(_Public)}


@pytest.mark.parametrize("route, method", api_routes(_Keyed), ids=ids)
def test_every_keyed_method_names_the_scope_it_needs(route, method):
    cls = view_class(route)
    if cls in ANY_KEY_VIEWS:
        return
    scope = cls.required_scopes.get(method)
    assert scope in Scope.values, (
        f"{route} answers {method} but {cls.__name__}.required_scopes names no scope for it "
        f"({cls.required_scopes!r}): add {{{method!r}: Scope.…}}")


class TestScopeMatrix:
    @pytest.mark.parametrize("route, method", api_routes(_Keyed), ids=ids)
    def test_a_keyed_method_needs_a_valid_key_with_its_scope(self, route, method, world_to_get):
        url = build_url(route, world_to_get)
        cls = view_class(route)
        needed = None if cls in ANY_KEY_VIEWS else cls.required_scopes.get(method)
        assert needed or cls in ANY_KEY_VIEWS, f"{route} {method}: no required scope"
        expired, expired_key = make_key(name="Udløbet")
        ApiKey.objects.filter(pk=expired.pk).update(
            expires_on=timezone.localdate() - datetime.timedelta(days=1))
        revoked, revoked_key = make_key(name="Tilbagekaldt")
        api_key_revoke(api_key=revoked, actor=None)
        refused = {"no key": APIClient(), "expired key": keyed_client(expired_key),
                   "revoked key": keyed_client(revoked_key)}
        problems = [f"{who}: {method} {url} answered {status}, expected 401"
                    for who, client in refused.items()
                    if (status := call(client, method, url).status_code) != 401]
        if needed:
            others = [scope for scope in Scope.values if scope != needed]
            status = call(keyed_client(scopes=others), method, url).status_code
            if status != 403:
                problems.append(f"every scope but {needed}: {method} {url} answered {status}, "
                                f"expected 403")
        only = [needed] if needed else [Scope.NOTES_READ]
        status = call(keyed_client(scopes=only), method, url).status_code
        if status in {401, 403}:
            problems.append(f"only {only[0]}: {method} {url} answered {status}")
        assert not problems, "\n".join(problems)

    @pytest.mark.parametrize("route, method", api_routes(_Public), ids=ids)
    def test_a_public_method_answers_without_a_key(self, route, method, world_to_get):
        url = build_url(route, world_to_get)

        # 400: a lookup that needs its query (e.g. ?address=) refuses a call without it.
        assert call(APIClient(), method, url).status_code in {200, 400}
