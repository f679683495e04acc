# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""Signing in through the municipality's identity provider, with real token round trips: the test
provider (tests/oidc_provider/) runs in its own process; a `requests` session plays the browser
at the provider, Django's test client the browser at the site."""

import re
from urllib.parse import urljoin, urlsplit

import pytest
import requests
from django.contrib.auth.models import Group
from django.urls import reverse

from lokalkontakt.core.roles import COORDINATOR_GROUP
from tests.oidc_provider.process import PASSWORD, USERS
from tests.people.factories import CoreAreaFactory, EmployeeFactory, UserFactory

pytestmark = pytest.mark.django_db
ENGLISH = {"HTTP_ACCEPT_LANGUAGE": "en"}


def sign_in(client, username: str, password: str = PASSWORD):
    """"Log in with the municipality's login", the provider's form, and back: the site's answer
    to the callback."""
    at_provider = client.get(reverse("oidc_authentication_init"))
    assert at_provider.status_code == 302
    browser = requests.Session()
    answer = browser.get(at_provider["Location"], timeout=10)  # to the provider's login form
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', answer.text).group(1)
    answer = browser.post(answer.url, timeout=10, allow_redirects=False, data={
        "csrfmiddlewaretoken": token, "username": username, "password": password,
        "next": re.search(r'name="next" value="([^"]+)"', answer.text).group(1).replace("&amp;", "&")})
    while not answer.headers["Location"].startswith("http://testserver/"):
        answer = browser.get(urljoin(answer.url, answer.headers["Location"]), timeout=10,
                             allow_redirects=False)
    back = urlsplit(answer.headers["Location"])
    return client.get(f"{back.path}?{back.query}", **ENGLISH)


def test_an_employee_signs_in_and_gets_a_user_linked_by_email(client, oidc):
    employee = EmployeeFactory(email=USERS["anne"]["email"].lower())

    response = sign_in(client, "anne")

    assert response.status_code == 302 and response["Location"] == reverse("home")
    employee.refresh_from_db()
    assert employee.user is not None and not employee.user.has_usable_password()
    assert client.get(reverse("mine")).status_code == 200
    assert client.session["_auth_user_id"] == str(employee.user.pk)


def test_an_employee_with_a_user_signs_in_as_that_user(client, oidc):
    user = UserFactory(username="anne-lokal")
    EmployeeFactory(user=user, email=USERS["anne"]["email"])

    sign_in(client, "anne")

    assert client.session["_auth_user_id"] == str(user.pk)


def test_the_employee_can_be_named_by_an_external_uuid_claim(client, oidc, settings):
    settings.OIDC_EMPLOYEE_CLAIM = "employee_uuid"
    employee = EmployeeFactory(email="another-address@example.dk",
                               external_uuid=USERS["anne"]["employee_uuid"])

    sign_in(client, "anne")

    employee.refresh_from_db()
    assert client.session["_auth_user_id"] == str(employee.user.pk)


def test_the_group_claim_adds_and_removes_the_coordinator_group(client, oidc, settings):
    employee = EmployeeFactory(email=USERS["karin"]["email"])

    sign_in(client, "karin")
    employee.refresh_from_db()
    assert employee.user.groups.filter(name=COORDINATOR_GROUP).exists()

    settings.OIDC_COORDINATOR_GROUPS = ["Some other group"]
    client.logout()
    sign_in(client, "karin")
    assert not employee.user.groups.filter(name=COORDINATOR_GROUP).exists()


def test_without_coordinator_groups_listed_the_group_is_left_alone(client, oidc, settings):
    settings.OIDC_COORDINATOR_GROUPS = []
    user = UserFactory()
    user.groups.add(Group.objects.get_or_create(name=COORDINATOR_GROUP)[0])
    EmployeeFactory(user=user, email=USERS["anne"]["email"])

    sign_in(client, "anne")

    assert user.groups.filter(name=COORDINATOR_GROUP).exists()


def test_the_group_claim_makes_the_user_the_leader_of_their_own_core_area(client, oidc, settings):
    settings.OIDC_LEADER_GROUPS = ["Medarbejdere"]  # Anne's group at the provider
    elsewhere = CoreAreaFactory(name="Teknik og Miljø")
    employee = EmployeeFactory(email=USERS["anne"]["email"], core_area__name="Børn og Familie")
    elsewhere.leaders.add(employee)

    sign_in(client, "anne")
    assert [area.name for area in employee.led_core_areas.all()] == ["Børn og Familie"]
    overview = client.get(reverse("time:overview"), **ENGLISH)  # the leaders' time overview
    assert overview.status_code == 200 and "Børn og Familie" in overview.content.decode()

    settings.OIDC_LEADER_GROUPS = ["Ledere"]
    client.logout()
    sign_in(client, "anne")
    assert not employee.led_core_areas.exists()
    assert client.get(reverse("time:overview")).status_code == 403


def test_without_leader_groups_listed_leadership_is_left_alone(client, oidc, settings):
    settings.OIDC_LEADER_GROUPS = []
    employee = EmployeeFactory(email=USERS["anne"]["email"])
    other = CoreAreaFactory()
    other.leaders.add(employee)

    sign_in(client, "anne")

    assert list(employee.led_core_areas.all()) == [other]


@pytest.mark.parametrize("employee", [None, "inactive"])
def test_someone_the_scheme_does_not_know_is_refused_politely(client, oidc, employee):
    if employee:
        EmployeeFactory(email=USERS["ukendt"]["email"], is_active=False)

    response = sign_in(client, "ukendt")

    assert response.status_code == 403
    assert ("You are signed in with the municipality, but you are not registered in Lokalkontakt "
            "– contact the rural district coordinator.") in response.text
    assert "_auth_user_id" not in client.session


def test_logging_out_ends_the_providers_session_too(client, oidc):
    EmployeeFactory(email=USERS["anne"]["email"])
    sign_in(client, "anne")
    id_token = client.session["oidc_id_token"]

    response = client.post(reverse("logout"))

    end_session = urlsplit(response["Location"])
    assert f"{end_session.scheme}://{end_session.netloc}{end_session.path}" == f"{oidc.url}/end-session"
    assert f"id_token_hint={id_token}" in end_session.query
    assert "post_logout_redirect_uri=http%3A%2F%2Ftestserver%2Fomraader%2F" in end_session.query
    assert "_auth_user_id" not in client.session


def test_a_password_user_logs_out_here_only(client, oidc, colleague):
    client.force_login(colleague)

    response = client.post(reverse("logout"))

    assert response["Location"] == reverse("areas:directory")


def test_off_by_default_the_login_page_has_only_the_password_form(client):
    page = client.get(reverse("login"), **ENGLISH).text

    assert "Log in with the municipality" not in page and 'name="password"' in page
    assert client.get(reverse("oidc_authentication_init")).status_code == 404
    assert client.get(reverse("oidc_authentication_callback")).status_code == 404


def test_configured_the_login_page_offers_the_municipalitys_login_first(client, settings):
    settings.OIDC_DISCOVERY_URL = "http://127.0.0.1:9/.well-known/openid-configuration"

    page = client.get(reverse("login") + "?next=/tid/", **ENGLISH).text

    assert f'href="{reverse("oidc_authentication_init")}?next=/tid/"' in page
    assert "Log in with the municipality's login" in page and 'name="password"' in page


def test_without_local_passwords_only_the_municipalitys_login_is_offered(client, settings):
    settings.OIDC_DISCOVERY_URL = "http://127.0.0.1:9/.well-known/openid-configuration"
    settings.LOCAL_PASSWORDS = False
    settings.DEMO_ENABLED = False  # the demo's logins keep the password form while it is on

    page = client.get(reverse("login"), **ENGLISH).text

    assert "Log in with the municipality's login" in page and 'name="password"' not in page


def test_an_unreachable_provider_is_reported_on_the_login_page(client, settings):
    settings.OIDC_DISCOVERY_URL = "http://127.0.0.1:9/.well-known/openid-configuration"

    response = client.get(reverse("oidc_authentication_init"), follow=True, **ENGLISH)

    assert response.redirect_chain == [(reverse("login"), 302)]
    assert ("The municipality&#x27;s login cannot be reached right now. Please try again later."
            in response.text)


def test_refusals_do_not_lock_the_address_out_of_signing_in(client, oidc, settings):
    """Staff share the municipality's address: people the scheme does not know must not lock
    everyone else out (django-axes counts failed logins per username and address)."""
    EmployeeFactory(email=USERS["anne"]["email"])
    for _ in range(settings.AXES_FAILURE_LIMIT + 1):
        assert sign_in(client, "ukendt").status_code == 403

    assert sign_in(client, "anne").status_code == 302
    assert "_auth_user_id" in client.session
