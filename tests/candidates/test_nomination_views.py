# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""The candidate pages as a browser uses them (issue 7, items 2 and 3): a leader's staff (only their
own), nominating (and a forged nomination refused), withdrawing, the coordinator's nominations and
decisions leading to the assign form, requests for candidates, and the suggestions page; who may
open what (a contact and a colleague get 403, someone else's nomination 404)."""

import datetime
import html
import re

import pytest
from django.contrib.auth.models import Group
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from lokalkontakt.candidates.models import CandidateRequest, Nomination
from lokalkontakt.candidates.services import (
    candidate_request_send,
    nomination_create,
    nomination_decide,
)
from lokalkontakt.core.models import OutgoingEmail
from lokalkontakt.core.roles import COORDINATOR_GROUP
from lokalkontakt.timesheets.models import TimeEntry
from tests.areas.factories import AssignmentFactory
from tests.candidates.nomination_world import Staff, make_staff
from tests.conftest import site_text
from tests.people.factories import EmployeeFactory, UserFactory

pytestmark = pytest.mark.django_db

STAFF = reverse("nominations:staff")
NEW = reverse("nominations:new")
LIST = reverse("nominations:list")
REQUESTS = reverse("nominations:requests")
REQUEST_NEW = reverse("nominations:request_new")


@pytest.fixture(autouse=True)
def _coordinator_group(db):
    """The group comes from a data migration, which a transactional test's flush removes."""
    Group.objects.get_or_create(name=COORDINATOR_GROUP)


@pytest.fixture
def staff(coordinator) -> Staff:
    return make_staff()


def client_of(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def text(response) -> str:
    return html.unescape(response.content.decode())


def rows(content: str) -> list[str]:
    """The table rows' text, tags removed and spaces collapsed."""
    return [re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", row)).strip()
            for row in re.findall(r"<tr>(.*?)</tr>", content, re.S)]


def options(content: str, name: str) -> list[str]:
    select = content.split(f'name="{name}"')[1].split("</select>")[0]
    return [re.sub(r"<[^>]+>", "", o).strip() for o in re.findall(r"<option[^>]*>.*?</option>",
                                                                 select) if 'value=""' not in o]


def labels(content: str, name: str) -> list[str]:
    """The labels of a group of checkboxes or radio buttons, in order."""
    return [html.unescape(label) for label in re.findall(
        rf'name="{name}" value="[^"]*"[^>]*>\s*<label class="form-label" for="[^"]+">([^<]+)'
        r"</label>", content)]


def checked(content: str, name: str) -> list[str]:
    return [html.unescape(label) for label in re.findall(
        rf'name="{name}" value="[^"]*" checked>\s*<label class="form-label" for="[^"]+">([^<]+)'
        r"</label>", content)]


# --- the leader's staff --------------------------------------------------------------------------


def test_a_leader_sees_only_their_own_staff_with_roles_and_time(staff):
    TimeEntry.objects.create(employee=staff.lise, area=staff.snaptun, day=timezone.localdate(),
                             minutes=45, kind=TimeEntry.Kind.COUNCIL)

    response = client_of(staff.leader).get(STAFF)

    assert response.status_code == 200
    content = text(response)
    assert "<h1 id=\"staff-heading\">Mine medarbejdere</h1>" in content
    table = rows(content.split('id="staff-table-heading"')[1].split("</table>")[0])
    assert [row.split(" ")[0] + " " + row.split(" ")[1] for row in table[1:]] == [
        "Bo Berg", "Lene Holm", "Lise Lund"]
    assert "Snaptun (lokalkontakt, siden 02.01.2024) 45 min Under rammen" in table[3]
    assert "Ida Inaktiv" not in content and "Per Pedersen" not in content
    assert "Ole Olsen" not in content


def test_the_other_leader_sees_their_own_staff(staff):
    content = text(client_of(staff.other_leader).get(STAFF))

    assert "Per Pedersen" in content
    assert "Bo Berg" not in content and "Lise Lund" not in content


def test_a_colleague_and_a_contact_may_not_see_staff(staff, colleague, contact_user):
    AssignmentFactory(employee=contact_user.employee, area=staff.stouby)

    for user in [colleague, contact_user]:
        for url in [STAFF, NEW]:
            assert client_of(user).get(url).status_code == 403


def test_a_former_leader_may_not_see_staff(staff):
    staff.leader.employee.is_active = False
    staff.leader.employee.save()

    assert client_of(staff.leader).get(STAFF).status_code == 403


def test_the_coordinator_sees_every_core_area_and_may_filter(staff, coordinator):
    client = client_of(coordinator)

    content = text(client.get(STAFF))
    assert "Medarbejdere pr. kerneområde" in content
    assert "Bo Berg" in content and "Per Pedersen" in content and "Karin Koordinator" in content

    content = text(client.get(STAFF, {"core_area": staff.laering.pk}))
    assert "Per Pedersen" in content and "Bo Berg" not in content


def test_a_leader_cannot_filter_their_way_into_another_core_area(staff):
    response = client_of(staff.leader).get(STAFF, {"core_area": staff.laering.pk})

    content = text(response)
    assert "Per Pedersen" not in content
    assert "Bo Berg" in content  # an unknown choice shows what the leader may see


def test_the_staff_page_shows_the_nominations_and_the_requests_to_the_leader(staff,
                                                                             coordinator):
    candidate_request_send(actor=coordinator, areas=[staff.stouby], leaders=[
        staff.leader.employee], message="Har I nogen?",
        reply_by=timezone.localdate() + datetime.timedelta(days=7))
    nomination_create(actor=staff.leader, employee=staff.bo, areas=[staff.stouby],
                      note="Bor i Stouby.")
    nomination_create(actor=staff.other_leader, employee=staff.per)

    content = text(client_of(staff.leader).get(STAFF))

    assert "Anmodninger om kandidater til dig" in content
    assert "Har I nogen?" in content
    nominations = rows(content.split('id="nominations-heading"')[1])
    assert nominations[1].startswith("Bo Berg Bor i Stouby. Teknik og Miljø Stouby")
    assert "Foreslået" in nominations[1] and "Træk tilbage" in nominations[1]
    assert "Per Pedersen" not in content


# --- nominating ----------------------------------------------------------------------------------


def test_the_form_offers_the_leader_s_own_active_staff_not_yet_nominated(staff):
    nomination_create(actor=staff.leader, employee=staff.lise)

    content = text(client_of(staff.leader).get(NEW))

    assert options(content, "employee") == ["Bo Berg (Vejingeniør, Teknik og Miljø)",
                                            "Lene Holm (Afdelingsleder, Teknik og Miljø)"]
    assert labels(content, "areas") == [
        "As – uden lokalkontakt", "Flemming – uden lokalkontakt", "Stouby – uden lokalkontakt",
        "Snaptun"]


def test_the_form_can_be_prefilled_from_the_staff_list_or_an_area(staff):
    content = text(client_of(staff.leader).get(NEW, {"medarbejder": staff.bo.pk,
                                                     "omraade": staff.stouby.slug}))

    assert f'<option value="{staff.bo.pk}" selected>' in content
    assert checked(content, "areas") == ["Stouby – uden lokalkontakt"]


def test_a_leader_nominates(staff, coordinator):
    coordinator.employee.email = "koordinator@example.dk"
    coordinator.employee.save()

    response = client_of(staff.leader).post(NEW, {
        "employee": staff.bo.pk, "areas": [staff.stouby.pk], "note": "Bor i Stouby."},
        follow=True)

    assert response.redirect_chain == [(STAFF, 302)]
    assert (site_text("%(name)s is nominated.", name="Bo Berg") + " " + site_text(
        "E-mail sent to %(names)s.", names=site_text("the coordinator"))) in text(response)
    nomination = Nomination.objects.get()
    assert (nomination.employee, nomination.nominated_by, nomination.note) == (
        staff.bo, staff.leader, "Bor i Stouby.")
    assert [e.to for e in OutgoingEmail.objects.all()] == [["koordinator@example.dk"]]


def test_a_forged_nomination_of_someone_else_s_staff_is_refused(staff):
    response = client_of(staff.leader).post(NEW, {"employee": staff.per.pk})

    assert response.status_code == 400
    assert ("Vælg en medarbejder fra de kerneområder, du er leder af, som ikke allerede er "
            "indstillet.") in text(response)
    assert not Nomination.objects.exists()
    assert not OutgoingEmail.objects.exists()


def test_a_second_open_nomination_is_refused(staff):
    nomination_create(actor=staff.leader, employee=staff.bo)

    response = client_of(staff.leader).post(NEW, {"employee": staff.bo.pk})

    assert response.status_code == 400
    assert Nomination.objects.count() == 1


def test_a_nomination_needs_an_employee(staff):
    response = client_of(staff.leader).post(NEW, {"note": "Nogen?"})

    assert response.status_code == 400
    assert "Medarbejder: Dette felt er påkrævet." in text(response)


# --- withdrawing ---------------------------------------------------------------------------------


def test_the_leader_withdraws(staff):
    nomination = nomination_create(actor=staff.leader, employee=staff.bo)
    url = reverse("nominations:withdraw", args=[nomination.pk])

    response = client_of(staff.leader).post(url, follow=True)

    assert response.redirect_chain == [(STAFF, 302)]
    assert "Indstillingen af Bo Berg er trukket tilbage." in text(response)
    assert Nomination.objects.get().status == Nomination.Status.WITHDRAWN


def test_someone_else_s_nomination_cannot_be_withdrawn(staff, colleague):
    nomination = nomination_create(actor=staff.leader, employee=staff.bo)
    url = reverse("nominations:withdraw", args=[nomination.pk])

    assert client_of(staff.other_leader).post(url).status_code == 404
    assert client_of(colleague).post(url).status_code == 404
    assert client_of(staff.leader).get(url).status_code == 405
    assert Nomination.objects.get().status == Nomination.Status.PROPOSED


def test_withdrawing_a_decided_nomination_says_so(staff, coordinator):
    nomination = nomination_create(actor=staff.leader, employee=staff.bo)
    nomination_decide(actor=coordinator, nomination=nomination, accept=False)

    response = client_of(staff.leader).post(
        reverse("nominations:withdraw", args=[nomination.pk]), follow=True)

    assert "Indstillingen er allerede afgjort." in text(response)
    assert Nomination.objects.get().status == Nomination.Status.DECLINED


# --- the coordinator's nominations and decisions --------------------------------------------------


def test_the_coordinator_sees_the_nominations_open_first(staff, coordinator):
    decided = nomination_create(actor=staff.leader, employee=staff.lise)
    nomination_decide(actor=coordinator, nomination=decided, accept=False, note="Ikke nu")
    nomination_create(actor=staff.other_leader, employee=staff.per)
    nomination_create(actor=staff.leader, employee=staff.bo, areas=[staff.stouby])

    content = text(client_of(coordinator).get(LIST))

    table = rows(content)
    assert [row.split(" ")[0] for row in table[1:]] == ["Bo", "Per", "Lise"]
    assert "Afgør indstillingen af Bo Berg" in table[1]
    assert "Ikke valgt" in table[3] and "Ikke nu" in table[3] and "Afgør" not in table[3]


def test_leaders_may_not_see_the_coordinator_s_pages(staff):
    nomination = nomination_create(actor=staff.leader, employee=staff.bo)
    client = client_of(staff.leader)

    for url in [REQUESTS, REQUEST_NEW, reverse("nominations:decide", args=[nomination.pk]),
                reverse("nominations:suggestions", args=[staff.stouby.slug])]:
        assert client.get(url).status_code == 403, url


def test_accepting_leads_to_the_assign_form_with_the_employee_chosen(staff, coordinator):
    nomination = nomination_create(actor=staff.leader, employee=staff.bo, areas=[staff.stouby])
    url = reverse("nominations:decide", args=[nomination.pk])
    client = client_of(coordinator)

    content = text(client.get(url, {"omraade": staff.stouby.slug}))
    assert options(content, "area") == ["Stouby", "As", "Flemming"]  # the named one first
    assert f'<option value="{staff.stouby.pk}" selected>' in content
    assert checked(content, "decision") == ["Godkend indstillingen"]

    response = client.post(url, {"decision": "accept", "area": staff.stouby.pk,
                                 "note": "Velkommen"})

    assign = reverse("coordination:assign", args=[staff.stouby.slug])
    assert response.status_code == 302
    assert response["Location"] == f"{assign}?medarbejder={staff.bo.pk}"
    assert Nomination.objects.get().status == Nomination.Status.ACCEPTED
    assert OutgoingEmail.objects.filter(to=["lene.holm@example.dk"]).exists()
    page = text(client.get(response["Location"]))
    assert f'<option value="{staff.bo.pk}" selected>' in page


def test_accepting_without_an_area_returns_to_the_list(staff, coordinator):
    nomination = nomination_create(actor=staff.leader, employee=staff.bo)

    response = client_of(coordinator).post(
        reverse("nominations:decide", args=[nomination.pk]), {"decision": "accept"}, follow=True)

    assert response.redirect_chain == [(LIST, 302)]
    assert (site_text("The nomination of %(name)s is accepted.", name="Bo Berg") + " "
            + site_text("E-mail sent to %(names)s.", names="Lene Holm")) in text(response)


def test_marking_not_chosen(staff, coordinator):
    nomination = nomination_create(actor=staff.leader, employee=staff.bo)

    response = client_of(coordinator).post(
        reverse("nominations:decide", args=[nomination.pk]),
        {"decision": "decline", "area": staff.stouby.pk, "note": "Stouby er dækket"}, follow=True)

    assert response.redirect_chain == [(LIST, 302)]
    assert (site_text("%(name)s is marked not chosen.", name="Bo Berg") + " "
            + site_text("E-mail sent to %(names)s.", names="Lene Holm")) in text(response)
    nomination.refresh_from_db()
    assert (nomination.status, nomination.decision_note) == ("declined", "Stouby er dækket")


def test_a_decision_needs_a_choice(staff, coordinator):
    nomination = nomination_create(actor=staff.leader, employee=staff.bo)

    response = client_of(coordinator).post(reverse("nominations:decide", args=[nomination.pk]),
                                           {"note": "Hmm"})

    assert response.status_code == 400
    assert "Beslutning: Dette felt er påkrævet." in text(response)
    assert Nomination.objects.get().status == Nomination.Status.PROPOSED


def test_a_decided_nomination_is_not_decided_again(staff, coordinator):
    nomination = nomination_create(actor=staff.leader, employee=staff.bo)
    nomination_decide(actor=coordinator, nomination=nomination, accept=False)
    emails = OutgoingEmail.objects.count()

    response = client_of(coordinator).post(reverse("nominations:decide", args=[nomination.pk]),
                                           {"decision": "accept"})

    assert response.status_code == 400
    assert "Indstillingen er allerede afgjort." in text(response)
    assert Nomination.objects.get().status == Nomination.Status.DECLINED
    assert OutgoingEmail.objects.count() == emails


# --- requests for candidates ---------------------------------------------------------------------


def test_the_request_form_chooses_the_areas_and_leaders_to_begin_with(staff, coordinator):
    content = text(client_of(coordinator).get(REQUEST_NEW))

    # Areas without a contact; As declined, so it is offered but not chosen; Snaptun is covered.
    assert labels(content, "areas") == ["As (lokalråd: takket nej)",
                                        "Flemming (lokalråd: ikke svaret)",
                                        "Stouby (lokalråd: interesseret)"]
    assert checked(content, "areas") == ["Flemming (lokalråd: ikke svaret)",
                                         "Stouby (lokalråd: interesseret)"]
    assert checked(content, "leaders") == ["Lene Holm – Teknik og Miljø", "Ole Olsen – Læring"]
    # The coordinator's own core area has no leader: nobody there would be asked.
    warning = content.split("Kerneområder uden leder")[1].split("</div>")[0]
    assert "Ingen bliver spurgt i dette kerneområde: " + coordinator.employee.core_area.name in (
        warning)


def test_the_coordinator_sends_a_request(staff, coordinator):
    reply_by = timezone.localdate() + datetime.timedelta(days=14)

    response = client_of(coordinator).post(REQUEST_NEW, {
        "areas": [staff.stouby.pk, staff.flemming.pk],
        "leaders": [staff.leader.employee.pk, staff.other_leader.employee.pk],
        "message": "Vi mangler to kontakter.", "reply_by": reply_by.isoformat()}, follow=True)

    assert response.redirect_chain == [(REQUESTS, 302)]
    content = text(response)
    assert (site_text("The request for candidates is saved.") + " " + site_text(
        "E-mail sent to %(names)s.", names=site_text("%(names)s and %(last)s", names="Lene Holm",
                                                      last="Ole Olsen"))) in content
    request = CandidateRequest.objects.get()
    assert request.reply_by == reply_by
    assert sorted(e.to[0] for e in OutgoingEmail.objects.all()) == [
        "lene.holm@example.dk", "ole.olsen@example.dk"]
    [row] = rows(content)[1:]
    assert "Flemming, Stouby" in row and "Lene Holm, Ole Olsen" in row
    assert row.endswith(" 0")


def test_a_leader_without_an_address_is_named(staff, coordinator):
    staff.other_leader.employee.email = ""
    staff.other_leader.employee.save()

    response = client_of(coordinator).post(REQUEST_NEW, {
        "areas": [staff.stouby.pk],
        "leaders": [staff.leader.employee.pk, staff.other_leader.employee.pk]}, follow=True)

    assert (site_text("The request for candidates is saved.") + " "
            + site_text("E-mail sent to %(names)s.", names="Lene Holm") + " "
            + site_text("No e-mail to %(names)s: %(reason)s.", names="Ole Olsen",
                        reason=site_text("no e-mail address"))) in text(response)
    assert OutgoingEmail.objects.count() == 1  # nobody else: the coordinator asked


def test_a_request_needs_areas_and_a_coming_date(staff, coordinator):
    response = client_of(coordinator).post(REQUEST_NEW, {
        "leaders": [staff.leader.employee.pk], "reply_by": "2020-01-01"})

    assert response.status_code == 400
    assert "Lokalområder: Dette felt er påkrævet." in text(response)

    response = client_of(coordinator).post(REQUEST_NEW, {
        "areas": [staff.stouby.pk], "leaders": [staff.leader.employee.pk],
        "reply_by": "2020-01-01"})

    assert response.status_code == 400
    assert "Svarfrist: Svarfristen kan ikke ligge før i dag." in text(response)
    assert not CandidateRequest.objects.exists()
    assert not OutgoingEmail.objects.exists()


def test_a_forged_leader_is_refused(staff, coordinator):
    response = client_of(coordinator).post(REQUEST_NEW, {
        "areas": [staff.stouby.pk], "leaders": [staff.bo.pk]})

    assert response.status_code == 400
    assert not CandidateRequest.objects.exists()


def test_the_requests_count_their_nominations(staff, coordinator):
    candidate_request_send(actor=coordinator, areas=[staff.stouby],
                           leaders=[staff.leader.employee, staff.other_leader.employee])
    nomination_create(actor=staff.leader, employee=staff.bo)
    nomination_create(actor=staff.other_leader, employee=staff.per)

    [row] = rows(text(client_of(coordinator).get(REQUESTS)))[1:]

    assert row.endswith(" 2")


# --- suggestions ---------------------------------------------------------------------------------


def test_the_suggestions_page_ranks_the_candidates_with_reasons(staff, coordinator):
    staff.stouby.latitude, staff.stouby.longitude = 55.6922, 9.7842
    staff.stouby.save()
    staff.snaptun.latitude, staff.snaptun.longitude = 55.7250, 9.7079  # 6 km away
    staff.snaptun.save()
    nomination = nomination_create(actor=staff.leader, employee=staff.bo, areas=[staff.stouby])

    response = client_of(coordinator).get(
        reverse("nominations:suggestions", args=[staff.stouby.slug]))

    assert response.status_code == 200
    content = text(response)
    assert "Forslag til lokalkontakt for Stouby" in content
    assert content.index(">Bo Berg <") < content.index(">Lise Lund <")
    assert f"Indstillet til Stouby af Lene Holm {timezone.localdate():%d.%m.%Y}" in content
    assert "Dækker Snaptun 6 km væk" in content
    assert (f'href="{reverse("nominations:decide", args=[nomination.pk])}'
            f'?omraade={staff.stouby.slug}"') in content
    assert (f'href="{reverse("coordination:assign", args=[staff.stouby.slug])}'
            f'?medarbejder={staff.lise.pk}"') in content


def test_the_suggestions_page_shows_the_best_twenty_and_how_many_there_are(coordinator):
    from tests.areas.factories import LocalAreaFactory

    area = LocalAreaFactory(name="Ørum")
    contacts = [AssignmentFactory(employee=EmployeeFactory(name=f"Kontakt {n:02d}")).employee
                for n in range(25)]

    content = text(client_of(coordinator).get(reverse("nominations:suggestions",
                                                      args=[area.slug])))

    assert "De bedste 20 af 25 kandidater." in content
    shown = [c.name for c in contacts if f">{c.name} <" in content]
    assert shown == [f"Kontakt {n:02d}" for n in range(20)]  # equal scores: in name order


def test_no_suggestions_says_so(coordinator):
    from tests.areas.factories import LocalAreaFactory

    area = LocalAreaFactory(name="Ørum")

    content = text(client_of(coordinator).get(reverse("nominations:suggestions",
                                                      args=[area.slug])))

    assert "Ingen kandidater" in content


def test_an_unknown_area_has_no_suggestions_page(coordinator):
    assert client_of(coordinator).get(
        reverse("nominations:suggestions", args=["findes-ikke"])).status_code == 404


def test_the_coverage_overview_and_the_area_page_link_to_the_suggestions(staff, coordinator):
    url = reverse("nominations:suggestions", args=[staff.stouby.slug])
    client = client_of(coordinator)

    assert f'href="{url}"' in client.get(reverse("coordination:overview")).content.decode()
    assert f'href="{url}"' in client.get(staff.stouby.get_absolute_url()).content.decode()
    covered = reverse("nominations:suggestions", args=[staff.snaptun.slug])
    assert f'href="{covered}"' not in client.get(staff.snaptun.get_absolute_url()).content.decode()


def test_the_menu_has_candidates_for_the_coordinator(staff, coordinator, colleague):
    assert f'href="{STAFF}"' in client_of(coordinator).get(LIST).content.decode()
    assert f'href="{STAFF}"' not in client_of(colleague).get(reverse("mine")).content.decode()


def test_an_employee_made_leader_gets_access(staff, colleague):
    client = client_of(colleague)
    assert client.get(STAFF).status_code == 403

    staff.laering.leaders.add(colleague.employee)

    assert client_of(UserFactory(username="kollega")).get(STAFF).status_code == 200


def test_staff_list_for_an_inactive_leader_employee_is_refused(staff):
    EmployeeFactory(name="Ny Leder")  # unrelated
    staff.leader.employee.is_active = False
    staff.leader.employee.save()

    assert client_of(staff.leader).post(NEW, {"employee": staff.bo.pk}).status_code == 403
    assert not Nomination.objects.exists()


def test_the_coordinator_decides_from_the_staff_page_but_withdraws_only_their_own(staff,
                                                                                 coordinator):
    nomination_create(actor=staff.leader, employee=staff.bo)
    nomination_create(actor=coordinator, employee=staff.per)

    content = text(client_of(coordinator).get(STAFF))

    nominations = {row.split(" ")[0]: row for row in rows(
        content.split('id="nominations-heading"')[1])[1:]}
    assert "Afgør indstillingen af Bo Berg" in nominations["Bo"]
    assert "Træk tilbage" not in nominations["Bo"]
    assert "Træk tilbage – indstillingen af Per Pedersen" in nominations["Per"]


def test_the_decision_offers_the_named_area_without_a_contact(staff, coordinator):
    nomination = nomination_create(actor=staff.leader, employee=staff.bo,
                                   areas=[staff.snaptun, staff.stouby])

    content = text(client_of(coordinator).get(reverse("nominations:decide",
                                                      args=[nomination.pk])))

    assert f'<option value="{staff.stouby.pk}" selected>' in content  # Snaptun has a contact
