# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""Staff sign in with the municipality's login: a real OpenID Connect provider (tests/oidc_provider/)
runs in its own process; Chromium goes from the login page to the provider's form and back."""

import re

import pytest

from tests.browser.helpers import expect, t
from tests.browser.test_accessibility import assert_accessible
from tests.oidc_provider.process import PASSWORD, USERS
from tests.people.factories import EmployeeFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def sign_in_at_provider(page, username: str):
    page.goto("/log-ind/")
    assert_accessible(page)
    page.get_by_role("link", name=t("Log in with the municipality's login")).click()
    expect(page.get_by_role("heading", name="Test identity provider")).to_be_visible()
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in at the provider").click()


def test_an_employee_lands_on_their_start_page(page, oidc):
    """Anne covers no area: a colleague's start page (a contact would land on Mine områder)."""
    EmployeeFactory(name=USERS["anne"]["name"], email=USERS["anne"]["email"].upper())

    sign_in_at_provider(page, "anne")

    expect(page).to_have_url(re.compile(r"/overblik/$"))
    expect(page.get_by_text(USERS["anne"]["name"], exact=True)).to_be_visible()
    expect(page.get_by_text(t("Coordination"), exact=True)).to_have_count(0)  # the coordinator's menu


def test_the_coordinator_group_claim_makes_a_coordinator(page, oidc):
    EmployeeFactory(name=USERS["karin"]["name"], email=USERS["karin"]["email"])

    sign_in_at_provider(page, "karin")

    expect(page).to_have_url(re.compile(r"/overblik/$"))
    expect(page.get_by_text(t("Coordination"), exact=True)).to_be_visible()  # the coordinator's menu


def test_someone_unknown_to_the_scheme_is_refused_and_not_signed_in(page, oidc):
    sign_in_at_provider(page, "ukendt")

    expect(page.get_by_role("heading", level=1)).to_have_text(t("You are not registered in Lokalkontakt"))
    expect(page.get_by_role("alert")).to_have_text(t(
        "You are signed in with the municipality, but you are not registered in Lokalkontakt – "
        "contact the rural district coordinator."))
    assert_accessible(page)
    page.goto("/mine-omraader/")
    expect(page).to_have_url(re.compile(r"/log-ind/\?next="))


def test_logging_out_ends_the_session_at_the_provider_too(page, oidc):
    EmployeeFactory(name=USERS["anne"]["name"], email=USERS["anne"]["email"])
    sign_in_at_provider(page, "anne")
    expect(page).to_have_url(re.compile(r"/overblik/$"))

    page.get_by_role("button", name=t("Log out")).click()

    expect(page).to_have_url(re.compile(r"/omraader/$"))
    expect(page.get_by_role("link", name=t("Staff login"))).to_be_visible()
    # Signing in again asks for the password at the provider: its session ended too.
    page.goto("/log-ind/")
    page.get_by_role("link", name=t("Log in with the municipality's login")).click()
    expect(page.get_by_role("heading", name="Test identity provider")).to_be_visible()
