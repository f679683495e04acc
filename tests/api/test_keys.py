# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""Calling the API with a key: who is let in, who is refused and why."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone
from rest_framework.test import APIClient

from lokalkontakt.api.models import ApiKey
from lokalkontakt.api.scopes import Scope
from lokalkontakt.api.services import api_key_create, api_key_revoke
from tests.api.factories import keyed_client, make_key

pytestmark = pytest.mark.django_db
URL = "/api/v1/key/"


def test_a_valid_key_is_told_its_system_scopes_and_expiry():
    row, key = make_key(scopes=[Scope.INQUIRIES_READ], name="OS2forms")

    response = keyed_client(key).get(URL)

    assert response.status_code == 200
    assert response.json() == {"system": "OS2forms", "prefix": row.prefix,
                               "scopes": ["inquiries:read"],
                               "expires_on": row.expires_on.isoformat()}


def test_a_call_records_when_the_key_was_last_used():
    row, key = make_key()
    assert row.last_used_at is None

    keyed_client(key).get(URL)

    row.refresh_from_db()
    assert row.last_used_at is not None


def test_only_a_hash_of_the_key_is_stored():
    row, key = make_key()

    stored = ApiKey.objects.values().get(pk=row.pk)

    assert key not in str(stored)
    assert key.split("_", 2)[2] not in str(stored)
    assert key.startswith(f"lk_{row.prefix}_")


@pytest.mark.parametrize("header, message", [
    (None, "Authentication credentials were not provided."),
    ("Bearer", "Give the API key after “Bearer ” and nothing else."),
    ("Bearer lk_00000000_nope", "The API key is not valid."),
    ("Bearer not-a-key", "The API key is not valid."),
])
def test_a_call_without_a_valid_key_is_refused(header, message):
    client = APIClient()
    if header:
        client.credentials(HTTP_AUTHORIZATION=header)

    response = client.get(URL, HTTP_ACCEPT_LANGUAGE="en")

    assert response.status_code == 401
    assert response.json() == {"detail": message}
    assert response["WWW-Authenticate"] == "Bearer"


def test_a_key_with_the_wrong_secret_is_refused():
    row, key = make_key()

    response = keyed_client(f"lk_{row.prefix}_{'x' * 43}").get(URL)

    assert response.status_code == 401


def test_the_refusal_is_in_danish_by_default():
    response = keyed_client("lk_00000000_nope").get(URL)

    assert response.json() == {"detail": "API-nøglen er ikke gyldig."}


def test_an_expired_key_is_refused():
    row, key = make_key()
    ApiKey.objects.filter(pk=row.pk).update(expires_on=timezone.localdate() - datetime.timedelta(days=1))

    response = keyed_client(key).get(URL, HTTP_ACCEPT_LANGUAGE="en")

    assert response.status_code == 401
    assert response.json() == {"detail": "The API key has expired."}


def test_a_key_works_on_its_last_day():
    row, key = make_key()
    ApiKey.objects.filter(pk=row.pk).update(expires_on=timezone.localdate())

    assert keyed_client(key).get(URL).status_code == 200


def test_a_revoked_key_is_refused_and_revoking_again_changes_nothing(coordinator):
    row, key = make_key()
    revoked = api_key_revoke(api_key=row, actor=coordinator)
    again = api_key_revoke(api_key=row, actor=coordinator)

    response = keyed_client(key).get(URL, HTTP_ACCEPT_LANGUAGE="en")

    assert response.status_code == 401
    assert response.json() == {"detail": "The API key has been revoked."}
    assert again.revoked_at == revoked.revoked_at
    assert again.revoked_by == coordinator
    assert [h.history_user for h in row.history.order_by("history_id")] == [None, coordinator]


def test_the_public_endpoints_ignore_a_bad_key():
    response = keyed_client("lk_00000000_nope").get("/api/v1/focus-areas/")

    assert response.status_code == 200
    assert response.json()["count"] == 15


@pytest.mark.parametrize("options, field", [
    ({"scopes": []}, "scopes"),
    ({"scopes": ["everything"]}, "scopes"),
    ({"expires_on": datetime.date(2000, 1, 1)}, "expires_on"),
    ({"expires_on": timezone.localdate() + datetime.timedelta(days=3 * 365)}, "expires_on"),
])
def test_a_key_needs_known_scopes_and_an_expiry_within_two_years(options, field):
    values = {"name": "X", "scopes": [Scope.NOTES_READ],
              "expires_on": timezone.localdate() + datetime.timedelta(days=10), **options}

    with pytest.raises(ValidationError) as error:
        api_key_create(actor=None, **values)

    assert field in error.value.message_dict
    assert not ApiKey.objects.exists()
