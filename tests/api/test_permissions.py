# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""The API's URLs in the permission matrix of every page (tests/permissions.py): the public
endpoints answer everyone; a keyed endpoint answers no session, signed in or not (401), since
the API authenticates by key. What each scope may do is in test_keys.py and the endpoints' tests.
The key pages (api_keys:) are the coordinator's."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from lokalkontakt.api.models import ApiKey
from tests.api.factories import make_key
from tests.permissions import ROLES, check_get_by_role, login_redirect_problem, routes_ruled_by

RULES = {
    "api:schema": "public",
    "api:docs": "public",
    "api:focus-area-list": "public",
    "api:focus-area-detail": "public",
    "api:area-list": "public",
    "api:area-detail": "public",
    "api:area-lookup": "public",
    "api:key": "api_key",
    "api:inquiry-list": "api_key",
    "api:inquiry-detail": "api_key",
    "api:consultation-list": "api_key",
    "api:consultation-detail": "api_key",
    "api:changes": "api_key",
    "api:note-list": "api_key",
    "api:note-detail": "api_key",
    "api:employee-list": "api_key",
    "api:employee-detail": "api_key",
    "api:core-area-list": "api_key",
    "api:core-area-detail": "api_key",
    "api:assignment-list": "api_key",
    "api_keys:list": "coordinator",
    "api_keys:new": "coordinator",
    "api_keys:revoke": "coordinator",
    "api:journal-list": "api_key",
    "api:journal-case-package": "api_key",
    "api:journal-case-journalised": "api_key",
}

# Without ?address= the lookup asks for one.
GET_STATUS = {("api:area-lookup", role): 400 for role in ROLES}


class TestGetByRole:
    @pytest.mark.parametrize("route", routes_ruled_by(RULES), ids=str)
    def test_get_by_role(self, route, world_to_get):
        check_get_by_role(route, world_to_get, RULES, GET_STATUS)


GET_ONLY = {"api_keys:list"}

# name -> world -> (kwargs, form data, the coordinator's status)
POST_ACTIONS = {
    "api_keys:new": lambda w: ({}, {"name": "ESDH", "scopes": ["journal"],
                                    "expires_on": _in_days(365)}, 200),
    "api_keys:revoke": lambda w: ({"pk": _first_key(w)}, {}, 302),
}


def _in_days(days: int) -> str:
    return (timezone.localdate() + datetime.timedelta(days=days)).isoformat()


def _first_key(world) -> int:
    row = ApiKey.objects.order_by("pk").first() or make_key(actor=world.users["coordinator"])[0]
    return row.pk


def _keys() -> list[dict]:
    return list(ApiKey.objects.order_by("pk").values())


@pytest.mark.parametrize("name", sorted(POST_ACTIONS))
def test_key_actions_are_the_coordinators_alone(name, world):
    """Every other role is refused (403; anonymous visitors sent to the login) and changes no
    key; the coordinator's same request goes through."""
    kwargs, data, status = POST_ACTIONS[name](world)
    url = reverse(name, kwargs=kwargs or None)
    before = _keys()
    for role in ["outsider", "colleague", "contact", "council"]:
        response = world.clients[role].post(url, data)
        assert response.status_code == 403, f"{role}: POST {url} answered {response.status_code}"
        assert _keys() == before, f"{role}: POST {url} changed a key"
    response = world.clients["anonymous"].post(url, data)
    assert login_redirect_problem(response, reverse("login"), url) is None
    assert _keys() == before

    response = world.clients["coordinator"].post(url, data)

    assert response.status_code == status
    assert _keys() != before
