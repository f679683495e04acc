# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""The coordinator, the area's contact and its deputy invite council members, send new invitations
and deactivate members; nobody else may, and a refusal changes nothing."""

import pytest
from django.urls import reverse

from lokalkontakt.areas.models import AreaEvent, Council
from lokalkontakt.core.models import OutgoingEmail
from lokalkontakt.councils.models import CouncilLoginToken, CouncilMember
from lokalkontakt.councils.services import council_login_link_request
from tests.areas.factories import LocalAreaFactory
from tests.areas.pages import page_text
from tests.councils.conftest import english_client, last_link_path
from tests.councils.factories import CouncilMemberFactory

pytestmark = pytest.mark.django_db


def members_url(area) -> str:
    return reverse("council:members", kwargs={"slug": area.slug})


def action_url(name, member) -> str:
    return reverse(f"council:member_{name}",
                   kwargs={"slug": member.council.area.slug, "pk": member.pk})


def invite(client, area, **data):
    return client.post(members_url(area), {"name": "Niels Nyt", "email": "niels@example.dk", **data})


def state() -> dict:
    return {"members": list(CouncilMember.objects.order_by("pk").values()),
            "events": AreaEvent.objects.count(), "emails": OutgoingEmail.objects.count(),
            "tokens": CouncilLoginToken.objects.count(), "councils": Council.objects.count()}


@pytest.mark.parametrize("who", ["coordinator", "contact", "deputy"])
def test_coordinator_contact_and_deputy_may_invite(council_setting, coordinator, who):
    user = {"coordinator": coordinator, "contact": council_setting.contact,
            "deputy": council_setting.deputy}[who]
    client = english_client(user)

    response = invite(client, council_setting.area, email=" Niels@Example.DK ")

    assert response.status_code == 302
    assert response["Location"] == members_url(council_setting.area)
    member = CouncilMember.objects.get(email="niels@example.dk")
    assert (member.council, member.name, member.is_active, member.user) == (
        council_setting.council, "Niels Nyt", True, None)
    assert member.invited_by == user and member.invited_at is not None
    event = AreaEvent.objects.get(kind=AreaEvent.Kind.MEMBER_INVITED)
    assert (event.area, event.actor, event.data) == (council_setting.area, user,
                                                     {"member": "Niels Nyt"})
    assert event.text == "Niels Nyt was invited as a member of the council."
    [email] = OutgoingEmail.objects.filter(to=["niels@example.dk"])
    assert "Glud Lokalråd" in email.subject
    assert "/lokalraad/log-ind/" in email.body
    token = CouncilLoginToken.objects.get(member=member)
    assert token.purpose == CouncilLoginToken.Purpose.INVITATION
    assert token.used_at is None
    page = page_text(client.get(response["Location"]))
    assert "Niels Nyt is invited." in page
    assert "niels@example.dk Invited" in page


@pytest.mark.parametrize("who", ["colleague", "other_contact", "member"])
def test_others_may_not_open_or_change_the_members_page(council_setting, colleague, who):
    user = {"colleague": colleague, "other_contact": council_setting.other_contact,
            "member": council_setting.member.user}[who]
    client = english_client(user)
    before = state()
    # Staff who do not manage the council find no members page; a council member may not open
    # staff pages at all.
    refused = 403 if who == "member" else 404

    assert client.get(members_url(council_setting.area)).status_code == refused
    assert invite(client, council_setting.area).status_code == refused
    assert client.post(action_url("reinvite", council_setting.member)).status_code == refused
    assert client.post(action_url("deactivate", council_setting.member)).status_code == refused

    assert state() == before


def test_anonymous_visitors_are_sent_to_the_login_page(council_setting):
    response = english_client().get(members_url(council_setting.area))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


def test_members_page_shows_each_members_status(council_setting, coordinator):
    CouncilMemberFactory(council=council_setting.council, name="Ida Inviteret",
                         email="ida@example.dk", user=None)
    CouncilMemberFactory(council=council_setting.council, name="Bent Borte",
                         email="bent@example.dk", is_active=False)
    CouncilMemberFactory(council=council_setting.other_area.council, name="Anden Rådsmand")

    page = page_text(english_client(coordinator).get(members_url(council_setting.area)))

    assert "Ida Inviteret ida@example.dk Invited" in page
    assert "Rikke Rådsmedlem rikke@example.dk Has logged in" in page
    assert "Bent Borte bent@example.dk Deactivated" in page
    assert "Anden Rådsmand" not in page
    assert "Deactivate Bent Borte" not in page
    assert "Deactivate Rikke Rådsmedlem" in page


@pytest.mark.parametrize(("data", "field", "message"), [
    ({"email": "ikke-en-adresse"}, "email", "Enter a valid email address."),
    ({"email": "RIKKE@example.dk"}, "email", "rikke@example.dk is already a member of Glud Lokalråd."),
    ({"name": ""}, "name", "This field is required."),
])
def test_bad_input_is_refused_with_a_clear_message_and_nothing_changes(council_setting, coordinator,
                                                                       data, field, message):
    before = state()

    response = invite(english_client(coordinator), council_setting.area, **data)

    assert response.status_code == 400
    assert message in response.context["form"].errors[field]
    assert message in page_text(response)
    assert state() == before


def test_the_same_address_may_be_a_member_of_another_council(council_setting, coordinator):
    response = invite(english_client(coordinator), council_setting.other_area,
                      email="rikke@example.dk", name="Rikke Rådsmedlem")
    assert response.status_code == 302
    assert CouncilMember.objects.filter(email="rikke@example.dk").count() == 2


def test_inviting_in_an_area_without_council_asks_for_the_councils_name(contact_user, coordinator):
    area = LocalAreaFactory(name="Rårup")
    client = english_client(coordinator)
    before = state()

    refused = invite(client, area)
    assert refused.status_code == 400
    assert "Council's name: This field is required." in page_text(refused)
    assert state() == before

    assert invite(client, area, council_name="Rårup Borgerforening").status_code == 302
    assert Council.objects.get(area=area).name == "Rårup Borgerforening"
    assert CouncilMember.objects.get(email="niels@example.dk").council.area == area
    kinds = list(AreaEvent.objects.filter(area=area).order_by("pk").values_list("kind", flat=True))
    assert kinds == [AreaEvent.Kind.UPDATED, AreaEvent.Kind.MEMBER_INVITED]


def test_reinvite_sends_a_new_link_and_is_an_event(council_setting):
    member = CouncilMemberFactory(council=council_setting.council, name="Ida Inviteret",
                                  email="ida@example.dk", user=None)
    client = english_client(council_setting.contact)

    response = client.post(action_url("reinvite", member))

    assert response.status_code == 302
    assert OutgoingEmail.objects.filter(to=["ida@example.dk"]).count() == 1
    assert CouncilLoginToken.objects.filter(member=member).count() == 1
    event = AreaEvent.objects.get(kind=AreaEvent.Kind.MEMBER_REINVITED)
    assert (event.actor, event.data["member"]) == (council_setting.contact, "Ida Inviteret")
    assert "A new invitation is on its way to Ida Inviteret." in page_text(
        client.get(response["Location"]))


def test_deactivate_ends_access_expires_links_and_is_an_event(council_setting, coordinator):
    member = council_setting.member
    client = english_client(coordinator)
    council_login_link_request(email="rikke@example.dk", client="192.0.2.1")
    link = last_link_path("rikke@example.dk")

    response = client.post(action_url("deactivate", member))

    assert response.status_code == 302
    member.refresh_from_db()
    assert not member.is_active
    event = AreaEvent.objects.get(kind=AreaEvent.Kind.MEMBER_DEACTIVATED)
    assert (event.actor, event.data["member"]) == (coordinator, "Rikke Rådsmedlem")
    assert english_client().get(link).status_code == 400
    # Deactivating twice is refused with a message and writes nothing.
    again = client.post(action_url("deactivate", member), follow=True)
    assert "Rikke Rådsmedlem has already been deactivated." in page_text(again)
    assert AreaEvent.objects.filter(kind=AreaEvent.Kind.MEMBER_DEACTIVATED).count() == 1


def test_a_deactivated_member_cannot_be_reinvited_but_can_be_added_again(council_setting,
                                                                         coordinator):
    member = council_setting.member
    client = english_client(coordinator)
    client.post(action_url("deactivate", member))

    refused = client.post(action_url("reinvite", member), follow=True)
    assert "Rikke Rådsmedlem has been deactivated. Invite them again to give them access." in (
        page_text(refused))
    assert not OutgoingEmail.objects.filter(to=["rikke@example.dk"]).exists()

    assert invite(client, council_setting.area, email="rikke@example.dk",
                  name="Rikke Rådsmedlem").status_code == 302
    member.refresh_from_db()
    assert member.is_active
    assert AreaEvent.objects.filter(kind=AreaEvent.Kind.MEMBER_REACTIVATED).count() == 1
    assert OutgoingEmail.objects.filter(to=["rikke@example.dk"]).count() == 1


def test_a_member_of_another_council_is_not_found_through_this_area(council_setting, coordinator):
    stranger = CouncilMemberFactory(council=council_setting.other_area.council)
    url = reverse("council:member_deactivate",
                  kwargs={"slug": council_setting.area.slug, "pk": stranger.pk})
    assert english_client(coordinator).post(url).status_code == 404
    stranger.refresh_from_db()
    assert stranger.is_active


def test_the_actions_are_post_only(council_setting, coordinator):
    client = english_client(coordinator)
    assert client.get(action_url("reinvite", council_setting.member)).status_code == 405
    assert client.get(action_url("deactivate", council_setting.member)).status_code == 405


def test_area_page_links_to_the_members_page_only_for_who_may_manage(council_setting, colleague):
    url = council_setting.area.get_absolute_url()
    link = members_url(council_setting.area)
    assert link in english_client(council_setting.deputy).get(url).content.decode()
    assert link not in english_client(colleague).get(url).content.decode()
    assert link not in english_client().get(url).content.decode()
