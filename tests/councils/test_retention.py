# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""A council member who left is anonymised after the retention period (issue 15): invited,
signed in by the e-mailed link, asked for a login link, mistyped at the staff login, then
deactivated; after settings.COUNCIL_MEMBER_RETENTION_DAYS `run_jobs` runs and no column of any
table holds their name, address or a login link. Until then nothing is touched."""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.utils import timezone

from lokalkontakt.areas.models import AreaEvent
from lokalkontakt.core.models import OutgoingEmail
from lokalkontakt.core.roles import COORDINATOR_GROUP
from lokalkontakt.councils.models import CouncilMember
from tests.councils.conftest import COUNCIL_LINK, council_link_path, english_client
from tests.database_search import find_everywhere
from tests.inquiries.conftest import deliver, smtp_server  # noqa: F401

# The worker runs in the test's process and commits for real.
pytestmark = pytest.mark.django_db(transaction=True)

NAME, EMAIL = "Quirinus Vexholm", "quirinus.vexholm@example.dk"


@pytest.fixture(autouse=True)
def _site(settings, db):
    settings.SITE_URL = "https://lokalkontakt.example.dk/"
    settings.COUNCIL_MEMBER_RETENTION_DAYS = 90
    Group.objects.get_or_create(name=COORDINATOR_GROUP)


def member_lives_and_leaves(council_setting, coordinator, smtp_server) -> list[str]:  # noqa: F811
    """The member's whole time on the council; returns the tokens of the links they were sent."""
    staff = english_client(coordinator)
    members_url = f"/omraader/{council_setting.area.slug}/lokalraad/"
    assert staff.post(members_url, {"name": NAME, "email": EMAIL}).status_code == 302
    [(_to, _message, invitation)] = deliver(smtp_server)
    member = english_client()
    link = council_link_path(invitation)
    assert member.post(link).status_code == 302  # signed in
    english_client().post("/lokalraad/log-ind/", {"email": EMAIL})
    [(_to, _message, login_mail)] = deliver(smtp_server)
    english_client().post("/log-ind/", {"username": EMAIL, "password": "forkert"})
    row = CouncilMember.objects.get(email=EMAIL)
    assert staff.post(f"{members_url}{row.pk}/deaktiver/").status_code == 302
    return [path.rstrip("/").rsplit("/", 1)[1]
            for path in (link, council_link_path(login_mail))]


def test_a_sent_invitation_keeps_no_login_link(council_setting, coordinator, smtp_server):  # noqa: F811
    member_lives_and_leaves(council_setting, coordinator, smtp_server)

    sent = OutgoingEmail.objects.filter(to=[EMAIL])
    assert sent.count() == 2  # the invitation and the requested login link
    for email in sent:
        assert email.status == OutgoingEmail.Status.SENT
        assert COUNCIL_LINK.findall(email.body) == []
        assert "[link fjernet]" in email.body
    # The invitation's link to the page where a new link is asked for is no secret: it stays.
    assert any("https://lokalkontakt.example.dk/lokalraad/log-ind/\n" in email.body for email in sent)


def test_a_former_member_is_in_no_table_after_the_retention_period(council_setting, coordinator,
                                                                   smtp_server):  # noqa: F811
    tokens = member_lives_and_leaves(council_setting, coordinator, smtp_server)
    before = {table for table, _column, _needle in find_everywhere(NAME, EMAIL)}
    assert {"areas_councilmember", "areas_historicalcouncilmember", "auth_user", "areas_areaevent",
            "core_outgoingemail", "axes_accesslog", "axes_accessattempt"} <= before
    CouncilMember.objects.filter(email=EMAIL).update(
        deactivated_at=timezone.now() - datetime.timedelta(days=91))

    call_command("run_jobs", verbosity=0)

    assert find_everywhere(NAME, EMAIL, "Quirinus", "Vexholm", *tokens) == []
    former = CouncilMember.objects.get(anonymised_at__isnull=False)
    assert (former.name, former.email, former.is_active) == ("", "", False)
    user = get_user_model().objects.get(pk=former.user_id)
    assert (user.is_active, user.has_usable_password()) == (False, False)
    # The area's history keeps what happened, without the name.
    events = AreaEvent.objects.filter(kind=AreaEvent.Kind.MEMBER_INVITED, area=council_setting.area)
    assert [event.data["member"] for event in events if not event.data["member"]] == [""]
    # The record that e-mails were sent stays.
    assert OutgoingEmail.objects.filter(to=[]).count() == 2


def test_a_member_who_left_recently_or_is_active_keeps_their_data(council_setting, coordinator,
                                                                  smtp_server):  # noqa: F811
    member_lives_and_leaves(council_setting, coordinator, smtp_server)
    CouncilMember.objects.filter(email=EMAIL).update(
        deactivated_at=timezone.now() - datetime.timedelta(days=89))

    call_command("run_jobs", verbosity=0)

    assert CouncilMember.objects.get(email=EMAIL).name == NAME
    assert CouncilMember.objects.get(pk=council_setting.member.pk).name == "Rikke Rådsmedlem"


def test_inviting_a_former_member_again_clears_the_date_they_left(council_setting, coordinator,
                                                                   smtp_server):  # noqa: F811
    member_lives_and_leaves(council_setting, coordinator, smtp_server)
    assert CouncilMember.objects.get(email=EMAIL).deactivated_at is not None

    english_client(coordinator).post(f"/omraader/{council_setting.area.slug}/lokalraad/",
                                     {"name": NAME, "email": EMAIL})

    member = CouncilMember.objects.get(email=EMAIL)
    assert (member.is_active, member.deactivated_at) == (True, None)
