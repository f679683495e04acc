# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""The guides' pages cost the same number of queries with 2 versions as with 60, and the history
shows at most one page of them."""

import pytest
from django.test import Client
from django.urls import reverse

from lokalkontakt.guides.models import Guide
from lokalkontakt.guides.selectors import HISTORY_ROWS
from lokalkontakt.guides.services import guide_save

pytestmark = pytest.mark.django_db

SIZES = [2, 60]

PUBLIC_ANONYMOUS = 1  # the guide with who changed it
# Signed in: the session, the user, the employee; the coordinator's group (the menu and the
# buttons), and for other staff Django's user and group permissions too.
STAFF_COLLEAGUE = 7
PUBLIC_COORDINATOR = 5
HISTORY = 6  # the coordinator's 4, the guide, the page of versions with their authors
VERSION = 5  # the coordinator's 4, the version with its author
EDIT = 5  # the coordinator's 4, the guide


def versions(count: int, *, actor, audience=Guide.Audience.PUBLIC):
    for n in range(count):
        guide_save(actor=actor, audience=audience, title="Vejledning", body=f"Udgave {n}.",
                   note=f"Ændring {n}")


def signed_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.mark.parametrize("size", SIZES)
def test_the_public_guide(coordinator, size, django_assert_num_queries):
    versions(size, actor=coordinator)

    client = signed_in(coordinator)

    with django_assert_num_queries(PUBLIC_ANONYMOUS):
        response = Client().get(reverse("guides:public"))
    assert response.status_code == 200
    with django_assert_num_queries(PUBLIC_COORDINATOR):
        assert client.get(reverse("guides:public")).status_code == 200


@pytest.mark.parametrize("size", SIZES)
def test_the_staff_guide(coordinator, colleague, size, django_assert_num_queries):
    versions(size, actor=coordinator, audience=Guide.Audience.STAFF)
    client = signed_in(colleague)

    with django_assert_num_queries(STAFF_COLLEAGUE):
        response = client.get(reverse("guides:staff"))
    assert response.status_code == 200


@pytest.mark.parametrize("size", SIZES)
def test_the_history_shows_one_bounded_page(coordinator, size, django_assert_num_queries):
    versions(size, actor=coordinator)
    client = signed_in(coordinator)

    with django_assert_num_queries(HISTORY):
        response = client.get(reverse("guides:public_history"))

    assert response.content.decode().count("/historik/") - 1 == min(size, HISTORY_ROWS)


@pytest.mark.parametrize("size", SIZES)
def test_a_version_and_the_form(coordinator, size, django_assert_num_queries):
    versions(size, actor=coordinator)
    record = Guide.history.earliest("history_id")
    client = signed_in(coordinator)

    with django_assert_num_queries(VERSION):
        client.get(reverse("guides:public_version", kwargs={"history_id": record.history_id}))
    with django_assert_num_queries(EDIT):
        assert client.get(reverse("guides:public_edit")).status_code == 200
