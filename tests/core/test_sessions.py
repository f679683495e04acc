# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""A login ends after an hour without activity and ten hours after signing in; signed-in pages are
never cached; a local account changes its own password."""

import time

import pytest
from django.test import Client
from django.urls import reverse

from lokalkontakt.core.sessions import SEEN_AT, SIGNED_IN_AT
from tests.people.factories import EmployeeFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def employee_client(colleague):
    client = Client()
    client.force_login(colleague)
    return client


def set_clock(client, **seconds_ago):
    session = client.session
    now = int(time.time())
    for key, ago in seconds_ago.items():
        session[{"signed_in": SIGNED_IN_AT, "seen": SEEN_AT}[key]] = now - ago
    session.save()


def test_signing_in_starts_both_clocks(employee_client):
    session = employee_client.session

    assert abs(session[SIGNED_IN_AT] - time.time()) < 5
    assert session[SEEN_AT] == session[SIGNED_IN_AT]


def test_an_hour_without_activity_ends_the_login(employee_client):
    set_clock(employee_client, seen=61 * 60)

    response = employee_client.get(reverse("mine"), follow=True)

    assert response.redirect_chain[0][0].startswith(reverse("login"))
    assert "Du er blevet logget ud efter 60 minutter uden aktivitet." in response.content.decode()
    assert "_auth_user_id" not in employee_client.session


def test_activity_keeps_the_login_and_moves_its_clock(employee_client):
    set_clock(employee_client, seen=59 * 60)

    assert employee_client.get(reverse("mine")).status_code == 200
    assert abs(employee_client.session[SEEN_AT] - time.time()) < 5


def test_a_login_ends_after_ten_hours_however_active(employee_client):
    set_clock(employee_client, signed_in=10 * 3600 + 1, seen=10)

    response = employee_client.get(reverse("mine"), follow=True)

    assert "Du er blevet logget ud: et login varer højst 10 timer." in response.content.decode()
    assert "_auth_user_id" not in employee_client.session


def test_the_limits_are_settings(employee_client, settings):
    settings.SESSION_IDLE_MINUTES = 5
    set_clock(employee_client, seen=6 * 60)

    assert employee_client.get(reverse("mine")).status_code == 302


def test_signed_in_pages_are_not_stored_by_browsers_or_proxies(employee_client):
    response = employee_client.get(reverse("areas:directory"))

    assert "no-store" in response["Cache-Control"]
    assert "private" in response["Cache-Control"]


def test_public_pages_for_visitors_may_be_cached():
    response = Client().get(reverse("areas:directory"))

    assert "no-store" not in response.get("Cache-Control", "")


@pytest.fixture
def local_account():
    user = UserFactory(username="kbj", password="Gammelt-kodeord-17")
    EmployeeFactory(user=user, name="Karen Bjerg")
    return user


def signed_in(username: str, password: str) -> Client | None:
    """A browser that signed in through the login form, or None if the form refused."""
    client = Client()
    response = client.post(reverse("login"), {"username": username, "password": password})
    return client if response.status_code == 302 else None


def test_a_local_account_changes_its_password_and_its_other_logins_end(local_account):
    here, elsewhere = signed_in("kbj", "Gammelt-kodeord-17"), signed_in("kbj", "Gammelt-kodeord-17")
    page = here.get(reverse("password_change"))
    assert "Skift adgangskode" in page.content.decode()

    response = here.post(reverse("password_change"), {
        "old_password": "Gammelt-kodeord-17", "new_password1": "Nyt-og-langt-kodeord-42",
        "new_password2": "Nyt-og-langt-kodeord-42"}, follow=True)

    assert "Din adgangskode er ændret." in response.content.decode()
    assert here.get(reverse("mine")).status_code == 200
    assert elsewhere.get(reverse("mine")).status_code == 302
    assert signed_in("kbj", "Nyt-og-langt-kodeord-42")
    assert not signed_in("kbj", "Gammelt-kodeord-17")


def test_a_wrong_old_password_or_a_weak_new_one_changes_nothing(local_account):
    client = Client()
    client.force_login(local_account)

    response = client.post(reverse("password_change"), {
        "old_password": "forkert", "new_password1": "123", "new_password2": "123"})

    assert response.status_code == 200
    assert "Din gamle adgangskode blev ikke indtastet korrekt." in response.content.decode()
    local_account.refresh_from_db()
    assert local_account.check_password("Gammelt-kodeord-17")


def test_the_header_offers_a_password_change_only_to_accounts_with_a_password(local_account):
    client = Client()
    client.force_login(local_account)
    assert reverse("password_change") in client.get(reverse("mine")).content.decode()

    local_account.set_unusable_password()
    local_account.save()
    client.force_login(local_account)
    assert reverse("password_change") not in client.get(reverse("mine")).content.decode()
    assert client.get(reverse("password_change")).status_code == 404
