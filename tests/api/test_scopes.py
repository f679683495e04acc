# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""The scope matrix of the inquiries, consultations and change feed endpoints: no key 401, a key
without the scope 403, with it 200 (201 for a new inquiry), expired or revoked 401, and what
does not exist 404."""

import datetime

import pytest
from django.utils import timezone
from rest_framework.test import APIClient

from lokalkontakt.api.models import ApiKey
from lokalkontakt.api.scopes import Scope
from lokalkontakt.api.services import api_key_revoke
from tests.api.factories import keyed_client, make_key
from tests.areas.factories import LocalAreaFactory
from tests.consultations.factories import ConsultationTaskFactory
from tests.inquiries.factories import InquiryFactory

pytestmark = pytest.mark.django_db

NEW = {"subject": "Bænk", "text": "En bænk ved søen?", "submitter_kind": "citizen",
       "submitter_name": "Bo Borger"}


@pytest.fixture
def objects():
    area = LocalAreaFactory(slug="glud")
    return {"inquiry": InquiryFactory(area=area),
            "consultation": ConsultationTaskFactory(area=area).consultation}


def calls(objects):
    inquiry, consultation = objects["inquiry"], objects["consultation"]
    return [
        ("get", "/api/v1/inquiries/", Scope.INQUIRIES_READ, 200),
        ("get", f"/api/v1/inquiries/{inquiry.reference}/", Scope.INQUIRIES_READ, 200),
        ("post", "/api/v1/inquiries/", Scope.INQUIRIES_WRITE, 201),
        ("get", "/api/v1/consultations/", Scope.CONSULTATIONS_READ, 200),
        ("get", f"/api/v1/consultations/{consultation.pk}/", Scope.CONSULTATIONS_READ, 200),
        ("get", "/api/v1/changes/", Scope.CHANGES_READ, 200),
    ]


def call(client, method, url):
    return getattr(client, method)(url, NEW if method == "post" else None, format="json")


def test_without_a_key_every_call_is_refused(objects):
    for method, url, _scope, _ok in calls(objects):
        assert call(APIClient(), method, url).status_code == 401, url


def test_a_key_without_the_scope_is_refused(objects):
    for method, url, scope, _ok in calls(objects):
        others = [s for s in Scope.values if s != scope]
        assert call(keyed_client(scopes=others), method, url).status_code == 403, url


def test_a_key_with_the_scope_is_answered(objects):
    for method, url, scope, ok in calls(objects):
        assert call(keyed_client(scopes=[scope]), method, url).status_code == ok, url


def test_reading_does_not_let_a_key_write():
    response = keyed_client(scopes=[Scope.INQUIRIES_READ]).post("/api/v1/inquiries/", NEW,
                                                                 format="json")

    assert response.status_code == 403


def test_an_expired_or_revoked_key_is_refused(objects, coordinator):
    expired, expired_key = make_key()
    ApiKey.objects.filter(pk=expired.pk).update(
        expires_on=timezone.localdate() - datetime.timedelta(days=1))
    revoked, revoked_key = make_key()
    api_key_revoke(api_key=revoked, actor=coordinator)

    for method, url, _scope, _ok in calls(objects):
        for key in (expired_key, revoked_key):
            assert call(keyed_client(key), method, url).status_code == 401, url


@pytest.mark.parametrize("url", ["/api/v1/inquiries/H-99999/", "/api/v1/inquiries/0/",
                                 "/api/v1/consultations/99999/", "/api/v1/consultations/x/"])
def test_what_does_not_exist_answers_404(url):
    assert keyed_client().get(url).status_code == 404
