# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""Council members log in with a one-time link: GET only asks, POST uses the link once; wrong,
used and expired links are refused alike; the request form tells nobody who is a member."""

import datetime

import pytest
from django.conf import settings
from django.contrib.auth import SESSION_KEY, get_user_model
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import ngettext

from lokalkontakt.areas.models import AreaEvent
from lokalkontakt.core.models import OutgoingEmail
from lokalkontakt.core.tokens import token_hash
from lokalkontakt.councils import services as council
from lokalkontakt.councils.models import CouncilLoginToken, CouncilMember
from tests.areas.pages import page_text
from tests.conftest import site_text
from tests.councils.conftest import english_client, last_link_path
from tests.councils.factories import CouncilMemberFactory
from tests.people.factories import EmployeeFactory

pytestmark = pytest.mark.django_db

LOGIN_URL = "/lokalraad/log-ind/"
HOME_URL = "/lokalraad/"
INVALID = "The link is no longer valid"


@pytest.fixture
def invited(council_setting, coordinator):
    """A member invited by the coordinator, who has never logged in; returns (member, link)."""
    member = council.council_member_invite(area=council_setting.area, name="Niels Nyt",
                                           email="niels@example.dk", actor=coordinator)
    return member, last_link_path("niels@example.dk")


def request_link(client, email, remote_addr="192.0.2.20"):
    return client.post(LOGIN_URL, {"email": email}, REMOTE_ADDR=remote_addr)


def test_urls_are_where_the_emails_say():
    assert reverse("council:home") == HOME_URL
    assert reverse("council:login") == LOGIN_URL


def test_get_on_the_link_asks_and_does_not_use_it(invited):
    member, link = invited
    client = english_client()

    for _ in range(2):  # a mail scanner's prefetch, then the person
        response = client.get(link)
        assert response.status_code == 200
        assert "You are about to log in as Niels Nyt, member of Glud Lokalråd." in page_text(response)
    assert response["Referrer-Policy"] == "same-origin"  # the token never leaves the site
    assert "no-cache" in response["Cache-Control"] or "no-store" in response["Cache-Control"]
    assert CouncilLoginToken.objects.get(member=member).used_at is None
    assert SESSION_KEY not in client.session


def test_post_logs_in_creates_the_account_and_lands_on_the_council_home(invited):
    member, link = invited
    client = english_client()
    client.get(link)
    anonymous_session = client.session.session_key

    response = client.post(link)

    assert response.status_code == 302
    assert response["Location"] == HOME_URL
    member.refresh_from_db()
    user = member.user
    assert user is not None
    assert (user.username, user.email) == ("niels@example.dk", "niels@example.dk")
    assert not user.has_usable_password()
    assert not user.is_staff and not user.is_superuser
    assert int(client.session[SESSION_KEY]) == user.pk
    assert client.session.session_key != anonymous_session  # the session was rotated
    assert CouncilLoginToken.objects.get(member=member).used_at is not None
    event = AreaEvent.objects.get(kind=AreaEvent.Kind.MEMBER_FIRST_LOGIN)
    assert (event.area, event.actor, event.data) == (member.council.area, user,
                                                     {"member": "Niels Nyt"})
    home = client.get(response["Location"])
    assert home.status_code == 200
    assert "Glud" in page_text(home)


def test_the_link_works_only_once(invited):
    _member, link = invited
    english_client().post(link)

    other = english_client()
    for response in (other.get(link), other.post(link)):
        assert response.status_code == 400
        assert INVALID in page_text(response)
        assert reverse("council:login") in response.content.decode()
    assert SESSION_KEY not in other.session


def lifetime_of(token: CouncilLoginToken) -> datetime.timedelta:
    return token.expires_at - token.created_at


def test_an_invitation_link_works_for_council_invitation_days(invited, settings):
    member, _link = invited
    token = CouncilLoginToken.objects.get(member=member)
    assert token.purpose == CouncilLoginToken.Purpose.INVITATION
    expected = datetime.timedelta(days=settings.COUNCIL_INVITATION_DAYS)
    assert abs(lifetime_of(token) - expected) < datetime.timedelta(seconds=1)
    [email] = OutgoingEmail.objects.filter(to=["niels@example.dk"])
    days = settings.COUNCIL_INVITATION_DAYS
    with translation.override(settings.LANGUAGE_CODE):  # e-mails are in the site's language
        says = ngettext(
            "Log in with this link. It works once, within %(days)s day, and needs no password:",
            "Log in with this link. It works once, within %(days)s days, and needs no password:",
            days) % {"days": days}
    assert says in email.body


def test_a_requested_login_link_works_for_council_login_link_minutes(council_setting, settings):
    council.council_login_link_request(email="rikke@example.dk", client="192.0.2.1")
    token = CouncilLoginToken.objects.get(member=council_setting.member)
    assert token.purpose == CouncilLoginToken.Purpose.LOGIN
    expected = datetime.timedelta(minutes=settings.COUNCIL_LOGIN_LINK_MINUTES)
    assert abs(lifetime_of(token) - expected) < datetime.timedelta(seconds=1)


@pytest.mark.parametrize("purpose", ["invitation", "login"])
def test_an_expired_link_is_refused(council_setting, coordinator, purpose):
    if purpose == "invitation":
        member = council.council_member_invite(area=council_setting.area, name="Niels Nyt",
                                               email="niels@example.dk", actor=coordinator)
    else:
        member = council_setting.member
        council.council_login_link_request(email=member.email, client="192.0.2.1")
    link = last_link_path(member.email)
    CouncilLoginToken.objects.filter(member=member).update(
        expires_at=timezone.now() - datetime.timedelta(seconds=1))
    users = get_user_model().objects.count()
    client = english_client()

    assert client.get(link).status_code == 400
    response = client.post(link)

    assert response.status_code == 400
    assert INVALID in page_text(response)
    assert get_user_model().objects.count() == users
    assert SESSION_KEY not in client.session


def test_a_link_used_between_lookup_and_use_is_refused(invited, monkeypatch):
    """Two simultaneous uses both find the unused token; only the first marks it used."""
    member, link = invited
    token_text = link.rstrip("/").rsplit("/", 1)[1]
    lookup = council.council_login_token_get

    def lookup_then_other_request_uses_it(*, token):
        found = lookup(token=token)
        CouncilLoginToken.objects.filter(pk=found.pk).update(used_at=timezone.now())
        return found

    monkeypatch.setattr(council, "council_login_token_get", lookup_then_other_request_uses_it)

    assert council.council_login_use(token=token_text) is None
    member.refresh_from_db()
    assert member.user is None
    assert not AreaEvent.objects.filter(kind=AreaEvent.Kind.MEMBER_FIRST_LOGIN).exists()


def test_marking_the_link_used_is_a_single_row_update(invited):
    """A join or subquery in the UPDATE is not re-checked by PostgreSQL under READ COMMITTED."""
    _member, link = invited
    token_text = link.rstrip("/").rsplit("/", 1)[1]

    with CaptureQueriesContext(connection) as queries:
        assert council.council_login_use(token=token_text) is not None

    [update] = [q["sql"] for q in queries.captured_queries
                if q["sql"].startswith("UPDATE") and "areas_councillogintoken" in q["sql"]]
    assert "SELECT" not in update and "JOIN" not in update


@pytest.mark.parametrize("staff", ["is_staff", "is_superuser", "employee"])
def test_a_council_link_never_signs_in_a_staff_account(council_setting, staff):
    member = council_setting.member
    if staff == "employee":
        EmployeeFactory(user=member.user, name="Rikke Rådsmedlem")
    else:
        setattr(member.user, staff, True)
        member.user.save()
    council.council_login_link_request(email=member.email, client="192.0.2.1")
    client = english_client()

    response = client.post(last_link_path(member.email))

    assert response.status_code == 400
    assert INVALID in page_text(response)
    assert SESSION_KEY not in client.session


@pytest.mark.parametrize("token", ["wrong", "x" * 43, "a" * 200])
def test_a_wrong_link_is_refused_like_a_used_one(invited, token):
    url = reverse("council:confirm", kwargs={"token": token})
    client = english_client()
    assert client.get(url).status_code == 400
    response = client.post(url)
    assert response.status_code == 400
    assert INVALID in page_text(response)
    assert SESSION_KEY not in client.session


def test_only_the_tokens_hash_is_stored(invited):
    member, link = invited
    token_text = link.rstrip("/").rsplit("/", 1)[1]
    stored = CouncilLoginToken.objects.get(member=member)
    assert stored.token_hash == token_hash(token_text)
    assert token_text not in str(list(CouncilLoginToken.objects.values()))


def test_a_member_who_has_logged_in_before_keeps_their_account(council_setting):
    member, users = council_setting.member, get_user_model().objects.count()
    council.council_login_link_request(email=member.email, client="192.0.2.1")
    client = english_client()
    response = client.post(last_link_path(member.email))
    assert response.status_code == 302
    assert int(client.session[SESSION_KEY]) == member.user.pk
    assert get_user_model().objects.count() == users
    assert not AreaEvent.objects.filter(kind=AreaEvent.Kind.MEMBER_FIRST_LOGIN).exists()


def test_a_disabled_user_account_cannot_log_in(council_setting):
    member = council_setting.member
    member.user.is_active = False
    member.user.save()
    council.council_login_link_request(email=member.email, client="192.0.2.1")
    client = english_client()
    assert client.post(last_link_path(member.email)).status_code == 400
    assert SESSION_KEY not in client.session


def test_username_is_derived_from_the_email_and_kept_unique(council_setting, coordinator):
    get_user_model().objects.create_user(username="niels@example.dk", password="x-y-z-1-2-3")
    member = council.council_member_invite(area=council_setting.area, name="Niels Nyt",
                                           email="niels@example.dk", actor=coordinator)
    english_client().post(last_link_path("niels@example.dk"))
    member.refresh_from_db()
    assert member.user.username == "niels@example.dk-2"


def test_request_form_sends_a_fresh_link_to_a_member(council_setting):
    client = english_client()
    assert client.get(LOGIN_URL).status_code == 200

    response = request_link(client, "RIKKE@example.dk")

    assert response.status_code == 200
    [email] = OutgoingEmail.objects.filter(to=["rikke@example.dk"])
    assert email.subject == site_text("Your login link for Lokalkontakt")
    token = CouncilLoginToken.objects.get(member=council_setting.member)
    assert token.purpose == CouncilLoginToken.Purpose.LOGIN
    assert english_client().post(last_link_path("rikke@example.dk")).status_code == 302


def test_request_form_answers_the_same_for_unknown_and_deactivated_addresses(council_setting):
    CouncilMemberFactory(council=council_setting.council, email="bent@example.dk",
                         is_active=False)
    answers = {}
    for email in ["rikke@example.dk", "ukendt@example.dk", "bent@example.dk"]:
        response = request_link(english_client(), email)
        assert response.status_code == 200
        answers[email] = page_text(response).replace(email, "<e-mail>")

    assert answers["rikke@example.dk"] == answers["ukendt@example.dk"] == answers["bent@example.dk"]
    assert "If <e-mail> belongs to a member of a local council, a login link is on its way" in (
        answers["ukendt@example.dk"])
    assert list(OutgoingEmail.objects.values_list("to", flat=True)) == [["rikke@example.dk"]]


def test_request_form_refuses_a_malformed_address_without_sending(council_setting):
    response = request_link(english_client(), "ikke en adresse")
    assert response.status_code == 400
    assert "Enter a valid email address." in page_text(response)
    assert not OutgoingEmail.objects.exists()


def test_at_most_five_links_per_member_per_hour(council_setting):
    for n in range(7):
        request_link(english_client(), "rikke@example.dk", remote_addr=f"192.0.2.{n}")
    assert OutgoingEmail.objects.filter(to=["rikke@example.dk"]).count() == 5
    # An hour later the member can ask again.
    CouncilLoginToken.objects.update(created_at=timezone.now() - datetime.timedelta(hours=1,
                                                                                    seconds=1))
    request_link(english_client(), "rikke@example.dk")
    assert OutgoingEmail.objects.filter(to=["rikke@example.dk"]).count() == 6


def test_at_most_twenty_links_per_client_per_hour(council_setting):
    members = [CouncilMemberFactory(council=council_setting.council, email=f"m{n}@example.dk")
               for n in range(council.LINKS_PER_CLIENT_PER_HOUR + 2)]
    for member in members:
        response = request_link(english_client(), member.email, remote_addr="198.51.100.7")
        assert response.status_code == 200
    assert OutgoingEmail.objects.count() == council.LINKS_PER_CLIENT_PER_HOUR
    request_link(english_client(), members[-1].email, remote_addr="198.51.100.8")
    assert OutgoingEmail.objects.count() == council.LINKS_PER_CLIENT_PER_HOUR + 1


def test_an_address_on_two_councils_gets_a_link_for_each(council_setting):
    CouncilMemberFactory(council=council_setting.other_area.council, email="rikke@example.dk",
                         user=None)
    request_link(english_client(), "rikke@example.dk")
    assert OutgoingEmail.objects.filter(to=["rikke@example.dk"]).count() == 2
    assert CouncilMember.objects.filter(email="rikke@example.dk").count() == 2


def test_the_magic_link_login_leaves_axes_working(council_setting, invited, client):
    """django-axes still locks out a staff username after failed password logins."""
    _member, link = invited
    english_client().post(link)
    for _ in range(settings.AXES_FAILURE_LIMIT):
        client.post(reverse("login"), {"username": "koordinator", "password": "forkert"},
                    REMOTE_ADDR="203.0.113.9")
    locked = client.post(reverse("login"), {"username": "koordinator",
                                            "password": "hemmeligt-kodeord-42"},
                         REMOTE_ADDR="203.0.113.9")
    assert locked.status_code == 429


def test_staff_login_page_links_to_the_council_login():
    response = english_client().get(reverse("login"))
    assert LOGIN_URL in response.content.decode()
    assert "Member of a local council?" in page_text(response)
