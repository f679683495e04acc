# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""Deactivating an employee ends their login at once: open sessions end (another browser is
logged out at its next request), the password no longer signs in; reactivating brings neither
back, and a new link sets a password again."""

import pytest
from django.contrib.sessions.models import Session

from lokalkontakt.people.models import AccountEvent
from tests.areas.pages import page_text
from tests.people.factories import EmployeeFactory, UserFactory
from tests.people.test_accounts import english, link_path, set_password, sign_in

pytestmark = pytest.mark.django_db
PASSWORD = "Tove-i-Teknik-2026"


@pytest.fixture
def tove(db):
    user = UserFactory(username="tove", password=PASSWORD)
    return EmployeeFactory(user=user, name="Tove Teknik", email="tove@example.dk")


def edit(coordinator, employee, *, active: bool):
    data = {"name": employee.name, "email": employee.email, "username": "tove"}
    if active:
        data["is_active"] = "on"
    response = english(coordinator).post(f"/medarbejdere/{employee.pk}/rediger/", data)
    assert response.status_code == 302, page_text(response)[-800:]


def test_deactivating_ends_an_open_session_at_its_next_request(coordinator, tove):
    browser = sign_in("tove", PASSWORD)
    assert browser.get("/mine-omraader/").status_code == 200

    edit(coordinator, tove, active=False)

    assert browser.get("/mine-omraader/")["Location"].startswith("/log-ind/")
    assert not [s for s in Session.objects.all() if s.get_decoded().get("_auth_user_id")
                == str(tove.user.pk)]
    tove.user.refresh_from_db()
    assert not tove.user.is_active and not tove.user.has_usable_password()
    event = AccountEvent.objects.get(kind=AccountEvent.Kind.DEACTIVATED)
    assert (event.user, event.actor) == (tove.user, coordinator)


def test_a_deactivated_login_cannot_sign_in(coordinator, tove):
    edit(coordinator, tove, active=False)

    response = english().post("/log-ind/", {"username": "tove", "password": PASSWORD})

    assert "_auth_user_id" not in response.wsgi_request.session


def test_reactivating_restores_no_session_and_no_password(coordinator, tove):
    browser = sign_in("tove", PASSWORD)
    cookie = browser.cookies["sessionid"].value
    edit(coordinator, tove, active=False)

    edit(coordinator, tove, active=True)

    browser.cookies["sessionid"] = cookie
    assert browser.get("/mine-omraader/")["Location"].startswith("/log-ind/")
    refused = english().post("/log-ind/", {"username": "tove", "password": PASSWORD})
    assert "_auth_user_id" not in refused.wsgi_request.session
    tove.user.refresh_from_db()
    assert tove.user.is_active
    assert AccountEvent.objects.filter(kind=AccountEvent.Kind.REACTIVATED).count() == 1


def test_after_reactivation_a_new_link_sets_a_password(coordinator, tove):
    edit(coordinator, tove, active=False)
    edit(coordinator, tove, active=True)

    english(coordinator).post(f"/medarbejdere/{tove.pk}/login/send/")

    assert set_password(link_path("tove@example.dk"), "Ny-start-i-Teknik-1").status_code == 302
    assert sign_in("tove", "Ny-start-i-Teknik-1").get("/mine-omraader/").status_code == 200


def test_no_login_for_an_inactive_employee(coordinator, db):
    former = EmployeeFactory(name="Frida Fortid", email="frida@example.dk", is_active=False)

    response = english(coordinator).post(f"/medarbejdere/{former.pk}/login/opret/", follow=True)

    assert "Frida Fortid is not active, so cannot have a login." in page_text(response)
    former.refresh_from_db()
    assert former.user is None
