# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""Password spraying: one address trying a password on many usernames is stopped, while the
same people log in from another address (django-axes locks one username per address; this counts
an address's failures across usernames)."""

import pytest
from django.conf import settings as django_settings
from django.test import Client
from django.urls import reverse

from tests.people.factories import EmployeeFactory, UserFactory

pytestmark = pytest.mark.django_db

SPRAYER, OFFICE = "198.51.100.7", "192.0.2.20"


@pytest.fixture
def karen():
    user = UserFactory(username="kbj", password="Et-rigtigt-kodeord-42")
    EmployeeFactory(user=user, name="Karen Bjerg")
    return user


def attempt(username: str, password: str, address: str):
    return Client().post(reverse("login"), {"username": username, "password": password},
                         REMOTE_ADDR=address)


def test_the_default_limit_is_thirty_failures_per_address():
    assert django_settings.LOGIN_ADDRESS_FAILURE_LIMIT == 30


def test_many_usernames_from_one_address_are_stopped_and_others_are_not(karen, settings):
    settings.LOGIN_ADDRESS_FAILURE_LIMIT = 6
    for number in range(6):  # one try per username: below axes' limit for each of them
        assert attempt(f"bruger{number}", "Sommer2026!", SPRAYER).status_code == 200

    refused = attempt("kbj", "Et-rigtigt-kodeord-42", SPRAYER)

    assert refused.status_code == 429
    assert ("Der er spærret for login fra din forbindelse i en time efter mange mislykkede forsøg "
            "med forskellige brugernavne.") in refused.content.decode()
    assert attempt("kbj", "Et-rigtigt-kodeord-42", OFFICE).status_code == 302


def test_failures_below_the_limit_do_not_stop_the_address(karen, settings):
    settings.LOGIN_ADDRESS_FAILURE_LIMIT = 6
    for number in range(5):
        attempt(f"bruger{number}", "Sommer2026!", SPRAYER)

    assert attempt("kbj", "Et-rigtigt-kodeord-42", SPRAYER).status_code == 302
