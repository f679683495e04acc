# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
""""Forgot password?": the same answer for every address, a link only for active local logins
(not council members, not the demo's logins while the demo is off); rate limits; the login page
links to it; LOCAL_PASSWORDS=0 switches passwords off (but the demo's while the demo is on)."""

import pytest

from lokalkontakt.core.models import OutgoingEmail
from lokalkontakt.people.models import AccountEvent
from tests.areas.pages import page_text
from tests.councils.factories import CouncilMemberFactory
from tests.people.factories import EmployeeFactory, UserFactory
from tests.people.test_accounts import english, link_path, set_password, sign_in

pytestmark = pytest.mark.django_db
SAME_ANSWER = "If {} belongs to a login, a link to choose a new password is on its way there now."


def ask(email: str, client=None):
    return (client or english()).post("/konto/glemt-adgangskode/", {"email": email})


@pytest.fixture
def tove(db):
    user = UserFactory(username="tove", email="")
    return EmployeeFactory(user=user, name="Tove Teknik", email="tove@example.dk")


def test_the_login_page_links_to_forgot_password(db):
    page = english().get("/log-ind/")

    assert 'href="/konto/glemt-adgangskode/"' in page.content.decode()
    assert "Forgot password?" in page_text(page)


def test_a_reset_link_arrives_and_sets_a_new_password(tove):
    response = ask("TOVE@example.dk")

    assert response.status_code == 200
    assert SAME_ANSWER.format("TOVE@example.dk") in page_text(response)
    [message] = OutgoingEmail.objects.all()
    assert message.to == ["tove@example.dk"] and "tove" in message.body
    assert set_password(link_path("tove@example.dk")).status_code == 302
    assert sign_in("tove").get("/mine-omraader/").status_code == 200


def test_an_unknown_address_gets_the_same_answer_and_no_email(tove):
    known, unknown = ask("tove@example.dk"), ask("ukendt@example.dk")

    assert unknown.status_code == known.status_code == 200
    assert page_text(unknown) == page_text(known).replace("tove@example.dk", "ukendt@example.dk")
    assert OutgoingEmail.objects.filter(to=["ukendt@example.dk"]).count() == 0
    assert AccountEvent.objects.filter(kind=AccountEvent.Kind.RESET_REQUESTED, user=None).count() == 1


def test_council_members_get_no_reset_link(db):
    member = CouncilMemberFactory(name="Rita Rådsmedlem", email="rita@example.dk")
    member.user.email = "rita@example.dk"
    member.user.save()

    response = ask("rita@example.dk")

    assert SAME_ANSWER.format("rita@example.dk") in page_text(response)
    assert not OutgoingEmail.objects.exists()


def test_the_demo_logins_get_no_reset_link_while_the_demo_is_off(colleague, settings):
    settings.DEMO_ENABLED = False
    ask(colleague.employee.email)
    assert not OutgoingEmail.objects.exists()

    settings.DEMO_ENABLED = True
    ask(colleague.employee.email)
    assert OutgoingEmail.objects.count() == 1


def test_an_inactive_employee_gets_no_reset_link(tove):
    tove.is_active = False
    tove.save()

    ask("tove@example.dk")

    assert not OutgoingEmail.objects.exists()


def test_three_links_an_hour_per_login(tove):
    visitor = english()
    for _ in range(5):
        assert SAME_ANSWER.format("tove@example.dk") in page_text(ask("tove@example.dk", visitor))

    assert OutgoingEmail.objects.count() == 3


def test_a_bad_address_is_explained(db):
    response = ask("ikke en adresse")

    assert response.status_code == 400
    assert "Enter a valid email address." in page_text(response)


def test_without_local_passwords_staff_cannot_sign_in_with_one(tove, settings):
    settings.LOCAL_PASSWORDS, settings.DEMO_ENABLED = False, False
    tove.user.set_password("Et-godt-kodeord-77")
    tove.user.save()

    page = english().get("/log-ind/")
    refused = english().post("/log-ind/", {"username": "tove", "password": "Et-godt-kodeord-77"})

    assert "Signing in with a password is switched off." in page_text(page)
    assert 'name="password"' not in page.content.decode()
    assert refused.status_code == 200 and "_auth_user_id" not in refused.wsgi_request.session
    assert english().get("/konto/glemt-adgangskode/").status_code == 404
    assert english().get("/konto/ny-adgangskode/n1-x/").status_code == 404
    signed_in = english(tove.user)
    assert "Change password" not in page_text(signed_in.get("/mine-omraader/"))
    assert signed_in.get("/konto/adgangskode/").status_code == 404


def test_without_local_passwords_the_demo_still_signs_in(colleague, settings):
    settings.LOCAL_PASSWORDS, settings.DEMO_ENABLED = False, True

    page = english().get("/log-ind/")

    assert 'name="password"' in page.content.decode() and "Forgot password?" not in page_text(page)
    assert sign_in("kollega", "hemmeligt-kodeord-42").get("/mine-omraader/").status_code == 200


def test_old_reset_requests_and_refused_links_are_deleted_and_addresses_forgotten(tove, settings):
    """Login records, like django-axes': gone after LOGIN_RECORD_RETENTION_DAYS; what happened to
    the login stays, without the hash of the address it came from."""
    import datetime
    import io

    from django.core.management import call_command
    from django.utils import timezone

    settings.LOGIN_RECORD_RETENTION_DAYS = 30
    ask("tove@example.dk")
    ask("nobody@example.dk")
    english().get("/konto/ny-adgangskode/not-a-token/")
    created = AccountEvent.objects.create(kind=AccountEvent.Kind.LOGIN_CREATED, user=tove.user,
                                          employee=tove, client_hash="a" * 64)
    recent = set(AccountEvent.objects.values_list("pk", flat=True))
    assert AccountEvent.objects.filter(kind__in=["reset_requested", "link_refused"]).count() >= 3
    AccountEvent.objects.update(created_at=timezone.now() - datetime.timedelta(days=31))
    AccountEvent.objects.create(kind=AccountEvent.Kind.RESET_REQUESTED, user=tove.user,
                                employee=tove, client_hash="b" * 64)

    out = io.StringIO()
    call_command("run_jobs", stdout=out)

    assert "Logins: " in out.getvalue()
    left = AccountEvent.objects.order_by("pk")
    assert [(e.kind, e.client_hash) for e in left if e.pk in recent] == [("login_created", "")]
    assert created.pk in {e.pk for e in left}
    assert [(e.kind, e.client_hash) for e in left if e.pk not in recent] == [
        ("reset_requested", "b" * 64)]


def test_with_the_municipalitys_login_on_its_users_get_no_password_by_reset(tove, settings):
    settings.OIDC_DISCOVERY_URL = "https://login.example.dk/.well-known/openid-configuration"
    signs_in_through_provider = EmployeeFactory(user=UserFactory(username="sso", email=""),
                                                email="sso@example.dk")
    signs_in_through_provider.user.set_unusable_password()
    signs_in_through_provider.user.save()

    answers = ask("sso@example.dk"), ask("tove@example.dk")

    assert page_text(answers[0]) == page_text(answers[1]).replace("tove@", "sso@")
    assert [email.to for email in OutgoingEmail.objects.all()] == [["tove@example.dk"]]
