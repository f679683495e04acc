# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""No demo door in production: with the demo disabled, the demo's logins (password "demo") cannot
sign in through the login form or keep a session they had, and `check --deploy` reports them."""

import io

import pytest
from django.core.management import call_command
from django.core.management.base import SystemCheckError
from django.test import Client
from django.urls import reverse

from tests.people.factories import EmployeeFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo_loaded(hedensted_of_the_class, db, settings):
    """A database where the demo was once loaded, with its three logins (loaded once for the
    class)."""
    settings.DEMO_ENABLED = True


def sign_in(username: str, password: str = "demo"):
    client = Client()
    response = client.post(reverse("login"), {"username": username, "password": password})
    return client, response


class TestTheDemoLoaded:
    """The demo's areas and logins loaded once for the class (tests/conftest.py); each test signs
    in within a transaction of its own."""

    def test_the_demo_coordinator_signs_in_while_the_demo_is_enabled(self, demo_loaded):
        client, response = sign_in("koordinator")

        assert response.status_code == 302
        assert client.get(reverse("coordination:overview")).status_code == 200

    @pytest.mark.parametrize("username", ["koordinator", "lokalkontakt", "kollega"])
    def test_with_the_demo_disabled_no_demo_login_signs_in(self, demo_loaded, settings, username):
        settings.DEMO_ENABLED = False

        client, response = sign_in(username)

        assert response.status_code == 200  # the form again, with the usual message
        assert "Indtast venligst korrekt brugernavn og adgangskode" in response.content.decode()
        assert "_auth_user_id" not in client.session

    def test_a_session_from_before_the_demo_was_disabled_ends(self, demo_loaded, settings):
        client, _response = sign_in("koordinator")
        settings.DEMO_ENABLED = False

        response = client.get(reverse("coordination:overview"))

        assert response.status_code == 302
        assert response["Location"].startswith(reverse("login"))

    def test_other_users_sign_in_with_the_demo_disabled(self, demo_loaded, settings):
        settings.DEMO_ENABLED = False
        user = UserFactory(username="kbj", password="Et-rigtigt-kodeord-42")
        EmployeeFactory(user=user, name="Karen Bjerg")

        client, response = sign_in("kbj", "Et-rigtigt-kodeord-42")

        assert response.status_code == 302
        assert client.get(reverse("mine")).status_code == 200

    def test_check_deploy_reports_an_enabled_demo_and_demo_logins_left(self, demo_loaded, settings):
        settings.DEMO_ENABLED = True
        errors = deploy_check_errors()
        assert "lokalkontakt.E001" in errors

        settings.DEMO_ENABLED = False
        errors = deploy_check_errors()
        assert "lokalkontakt.E001" not in errors
        assert "(lokalkontakt.E002) The demo's logins exist in the database: kollega, koordinator, " \
               "lokalkontakt." in errors

    def test_check_deploy_is_quiet_once_the_demo_logins_are_deactivated(self, demo_loaded, settings):
        from django.contrib.auth import get_user_model

        settings.DEMO_ENABLED = False
        get_user_model().objects.filter(username__in=["kollega", "koordinator", "lokalkontakt"]).update(
            is_active=False)

        assert "lokalkontakt.E00" not in deploy_check_errors()


def deploy_check_errors() -> str:
    try:
        call_command("check", "--deploy", "--fail-level", "ERROR", stdout=io.StringIO(),
                     stderr=io.StringIO())
    except SystemCheckError as error:
        return str(error)
    return ""
