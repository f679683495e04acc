# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""Logins without single sign-on: the coordinator creates one, the employee sets the password by
a link from the e-mail (read from the outbox table) and signs in; refused links; the login's
facts and events on the employee's page."""

import datetime
import re
from urllib.parse import urlsplit

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.utils.http import int_to_base36

from lokalkontakt.core.models import OutgoingEmail
from lokalkontakt.core.retention import blank_secret_links
from lokalkontakt.people.models import AccountEvent
from lokalkontakt.people.tokens import Purpose, _Generator, link_token
from tests.areas.pages import page_text
from tests.people.factories import EmployeeFactory

pytestmark = pytest.mark.django_db
Kind = AccountEvent.Kind
LINK = re.compile(r"https?://\S+/konto/ny-adgangskode/[\w-]+/")
PASSWORD = "Skovsø-ved-Glud-2026"


def english(user=None) -> Client:
    client = Client(HTTP_ACCEPT_LANGUAGE="en")
    if user is not None:
        client.force_login(user)
    return client


def link_path(email: str) -> str:
    message = OutgoingEmail.objects.filter(to=[email]).order_by("-pk").first()
    assert message is not None, f"no e-mail queued to {email}"
    [link] = LINK.findall(message.body)
    return urlsplit(link).path


def set_password(path: str, password: str = PASSWORD, client=None):
    return (client or english()).post(path, {"new_password1": password,
                                             "new_password2": password})


def sign_in(username: str, password: str = PASSWORD) -> Client:
    client = english()
    response = client.post("/log-ind/", {"username": username, "password": password})
    assert response.status_code == 302, page_text(response)[-500:]
    return client


@pytest.fixture
def nina(db):
    return EmployeeFactory(name="Nina Ny", email="Nina.Ny@Example.dk")


def test_coordinator_creates_a_login_and_the_link_sets_the_password(coordinator, nina):
    response = english(coordinator).post(f"/medarbejdere/{nina.pk}/login/opret/", follow=True)

    assert ("A login is created for Nina Ny. The e-mail to set the password is on its way to "
            "Nina.Ny@Example.dk.") in page_text(response)
    nina.refresh_from_db()
    user = nina.user
    assert user.username == "nina.ny@example.dk" and not user.has_usable_password()
    assert list(AccountEvent.objects.filter(user=user).order_by("pk")
                .values_list("kind", "actor")) == [(Kind.LOGIN_CREATED, coordinator.pk),
                                                   (Kind.SETUP_SENT, coordinator.pk)]
    path = link_path("Nina.Ny@Example.dk")
    page = english().get(path)
    assert page.status_code == 200
    assert "Your username is nina.ny@example.dk" in page_text(page)

    done = set_password(path)

    assert done.status_code == 302 and done["Location"] == "/log-ind/"
    home = sign_in("nina.ny@example.dk").get("/", follow=True)
    assert "Nina Ny" in page_text(home)
    assert AccountEvent.objects.filter(user=user, kind=Kind.PASSWORD_SET).exists()


def test_a_used_link_is_refused(coordinator, nina):
    english(coordinator).post(f"/medarbejdere/{nina.pk}/login/opret/")
    path = link_path(nina.email)
    set_password(path)

    again = english().get(path)

    assert again.status_code == 400
    assert "The link to choose a password has been used already, or it is not complete." in (
        page_text(again))
    assert set_password(path, "Et-andet-kodeord-99").status_code == 400


def test_a_changed_link_is_refused(coordinator, nina):
    english(coordinator).post(f"/medarbejdere/{nina.pk}/login/opret/")
    path = link_path(nina.email)
    changed = path[:-3] + ("0" if path[-2] != "0" else "1") + "/"

    response = set_password(changed)

    assert response.status_code == 400
    assert "has been used already, or it is not complete" in page_text(response)
    assert not get_user_model().objects.get(employee=nina).has_usable_password()


class _FourDaysAgo(_Generator):
    def _now(self):
        return datetime.datetime.now() - datetime.timedelta(days=4)


def test_an_expired_link_is_refused(coordinator, nina, settings):
    settings.ACCOUNT_SETUP_DAYS = 3
    english(coordinator).post(f"/medarbejdere/{nina.pk}/login/opret/")
    user = get_user_model().objects.get(employee=nina)
    old = f"n{int_to_base36(user.pk)}-{_FourDaysAgo(Purpose.SETUP).make_token(user)}"

    response = english().get(f"/konto/ny-adgangskode/{old}/")

    assert response.status_code == 400
    assert "The link to choose a password has expired." in page_text(response)
    assert english().get(link_path(nina.email)).status_code == 200  # today's link works


def test_a_weak_password_is_refused_with_the_validators_message(colleague):
    path = f"/konto/ny-adgangskode/{link_token(colleague, Purpose.RESET)}/"

    response = set_password(path, "12345678")

    assert response.status_code == 400
    assert "This password is too common." in page_text(response)
    colleague.refresh_from_db()
    assert colleague.check_password("hemmeligt-kodeord-42")


def test_setting_the_password_ends_the_other_sessions(colleague):
    elsewhere = sign_in("kollega", "hemmeligt-kodeord-42")
    colleague.refresh_from_db()  # the sign-in changed last_login, which the link's token holds

    set_password(f"/konto/ny-adgangskode/{link_token(colleague, Purpose.RESET)}/")

    assert elsewhere.get("/mine-omraader/")["Location"].startswith("/log-ind/")
    assert sign_in("kollega").get("/mine-omraader/").status_code == 200


def test_refused_links_count_against_the_address(settings, db):
    settings.LOGIN_ADDRESS_FAILURE_LIMIT = 3
    visitor = english()
    for attempt in range(3):
        assert visitor.get(f"/konto/ny-adgangskode/n1-x{attempt}/").status_code == 400

    blocked = visitor.get("/konto/ny-adgangskode/n1-x9/")

    assert blocked.status_code == 429
    assert "Too many links that were not valid have been tried from your connection." in (
        page_text(blocked))


def test_no_second_login_for_the_same_address(coordinator, nina, colleague):
    colleague.username = "nina.ny@example.dk"
    colleague.save()

    response = english(coordinator).post(f"/medarbejdere/{nina.pk}/login/opret/", follow=True)

    assert ("A login with the username nina.ny@example.dk exists already. Tie it to Nina Ny "
            "under Edit employee instead.") in page_text(response)
    nina.refresh_from_db()
    assert nina.user is None and not OutgoingEmail.objects.exists()


def test_the_employee_page_tells_the_coordinator_about_the_login(coordinator, nina):
    staff = english(coordinator)
    before = page_text(staff.get(f"/medarbejdere/{nina.pk}/"))
    assert "Nina Ny has no login." in before and "Create login" in before
    staff.post(f"/medarbejdere/{nina.pk}/login/opret/")
    staff.post(f"/medarbejdere/{nina.pk}/login/send/")

    page = page_text(staff.get(f"/medarbejdere/{nina.pk}/"))

    assert "Username nina.ny@example.dk Password not set yet Last logged in never" in page
    assert "Send the e-mail to set the password again" in page
    assert page.count("E-mail to set the password sent (by Karin Koordinator)") == 2
    assert "Login created (by Karin Koordinator)" in page
    assert OutgoingEmail.objects.filter(to=[nina.email]).count() == 2


def test_colleagues_do_not_see_the_login_section(colleague, nina):
    assert "Create login" not in page_text(english(colleague).get(f"/medarbejdere/{nina.pk}/"))


def test_the_link_is_blanked_from_the_stored_email(coordinator, nina):
    english(coordinator).post(f"/medarbejdere/{nina.pk}/login/opret/")
    body = OutgoingEmail.objects.get().body

    assert LINK.search(body)
    assert not LINK.search(blank_secret_links(body))
