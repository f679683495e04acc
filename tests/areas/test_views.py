# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""The pages as people use them: the public directory and area pages, and the coordinator's forms."""

import datetime

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from lokalkontakt.areas.events import CONFLICT_LISTED_TWICE
from lokalkontakt.areas.models import AreaEvent, Assignment, LocalArea, Participation
from lokalkontakt.people.models import CoreArea, Employee
from tests.areas.factories import AssignmentFactory, CouncilFactory, LocalAreaFactory
from tests.areas.pages import page_text
from tests.people.factories import CoreAreaFactory, EmployeeFactory

pytestmark = pytest.mark.django_db

ENGLISH = {"Accept-Language": "en"}
JAN_2 = datetime.date(2024, 1, 2)


@pytest.fixture
def juelsminde(db):
    """An area with facts, a council with a chair, a contact and a deputy."""
    area = LocalAreaFactory(name="Juelsminde", towns="Juelsminde; Bjerre Strand", postcodes="7130",
                            parish="Juelsminde Sogn", population=3680, population_year=2024,
                            participation=Participation.INTERESTED,
                            participation_date=datetime.date(2020, 1, 6),
                            participation_note="Spurgt på borgermødet.")
    CouncilFactory(area=area, name="Juelsminde Lokalråd", email="lokalraad@juelsminde.example.dk",
                   chair_name="Bente Formand", chair_phone="+45 70 00 00 99")
    AssignmentFactory(area=area, starts_on=JAN_2, employee=EmployeeFactory(
        name="Susanne Ernst", title="Konsulent", core_area=CoreAreaFactory(name="Sundhed og Omsorg"),
        email="susanne.ernst@example.dk", phone="+45 70 00 00 10"))
    AssignmentFactory(area=area, employee__name="Lise Lokal", deputy=True)
    AreaEvent.objects.create(area=area, kind=AreaEvent.Kind.IMPORTED, data={"source": "bilag.csv"})
    return area


@pytest.fixture
def oelsted(db):
    return LocalAreaFactory(name="Ølsted", towns="Ølsted", postcodes="8723")


def said_yes(area: LocalArea) -> LocalArea:
    """The area's council has said yes to a contact: assigning one asks nothing more."""
    LocalArea.objects.filter(pk=area.pk).update(participation=Participation.INTERESTED,
                                                participation_date=datetime.date(2020, 1, 6))
    area.refresh_from_db()
    return area


def counts() -> dict:
    return {model.__name__: model.objects.count()
            for model in (LocalArea, Employee, Assignment, AreaEvent)}


# --- the directory -----------------------------------------------------------------------------


def test_the_directory_lists_every_area_with_its_contact(client, juelsminde, oelsted):
    response = client.get(reverse("areas:directory"), headers=ENGLISH)

    text = page_text(response)
    assert response.status_code == 200
    assert "2 local areas" in text
    assert "Juelsminde 7130 Juelsminde Lokalråd lokalraad@juelsminde.example.dk Susanne Ernst" in text
    assert "Ølsted 8723 Not registered No contact yet" in text


def test_the_directory_lists_areas_in_danish_order(client, juelsminde, oelsted):
    LocalAreaFactory(name="Åle-Hjortsvang")
    LocalAreaFactory(name="As")

    text = page_text(client.get(reverse("areas:directory")))

    positions = [text.index(name) for name in ["As", "Juelsminde", "Ølsted", "Åle-Hjortsvang"]]
    assert positions == sorted(positions)


def test_searching_a_postcode_shows_only_the_areas_with_it(client, juelsminde, oelsted):
    LocalAreaFactory(name="Hjarnø", postcodes="7130")

    response = client.get(reverse("areas:directory"), {"q": "7130"}, headers=ENGLISH)

    text = page_text(response)
    assert "2 local areas matching “7130”" in text
    assert "Hjarnø" in text and "Juelsminde" in text
    assert "Ølsted" not in text


def test_a_search_without_a_match_suggests_a_town_or_postcode(client, juelsminde):
    response = client.get(reverse("areas:directory"), {"q": "Aarhus"}, headers=ENGLISH)

    assert "No local area matches your search. Try the name of a town or a postcode." in page_text(
        response)


def test_the_directory_filters_areas_without_a_contact(client, juelsminde, oelsted):
    response = client.get(reverse("areas:directory"), {"coverage": "uncovered"}, headers=ENGLISH)

    text = page_text(response)
    assert "1 local area" in text
    assert "Ølsted" in text and "Juelsminde" not in text


def test_an_htmx_search_returns_only_the_results(client, juelsminde, oelsted):
    response = client.get(reverse("areas:directory"), {"q": "ølsted"},
                          headers={"HX-Request": "true", **ENGLISH})

    content = response.content.decode()
    assert response.status_code == 200
    assert content.lstrip().startswith('<div id="results"')
    assert "<html" not in content and "<form" not in content
    assert "Ølsted" in content and "Juelsminde" not in content


def test_the_directory_pages_fifty_areas_at_a_time(client):
    LocalArea.objects.bulk_create([
        LocalArea(name=f"Område {n:03d}", slug=f"omraade-{n:03d}", sort_name=f"{n:03d}")
        for n in range(60)])

    second_page = page_text(client.get(reverse("areas:directory"), {"side": 2}, headers=ENGLISH))

    assert "Page 2 of 2" in second_page
    assert "Område 050" in second_page and "Område 049" not in second_page


# --- the area page -----------------------------------------------------------------------------


def test_the_area_page_shows_facts_council_and_contact(client, juelsminde):
    response = client.get(juelsminde.get_absolute_url(), headers=ENGLISH)

    text = page_text(response)
    assert response.status_code == 200
    assert "Towns Juelsminde, Bjerre Strand Postcodes 7130 Parish Juelsminde Sogn" in text
    assert "Population 3,680 (2024)" in text
    assert "Name Juelsminde Lokalråd E-mail lokalraad@juelsminde.example.dk" in text
    assert ("Susanne Ernst Konsulent, Sundhed og Omsorg susanne.ernst@example.dk +45 70 00 00 10"
            in text)


def test_an_unknown_area_is_not_found(client, db):
    assert client.get(reverse("areas:detail", args=["findes-ikke"])).status_code == 404


def test_anonymous_visitors_do_not_see_the_deputy_column(client, juelsminde):
    text = page_text(client.get(reverse("areas:directory"), headers=ENGLISH))

    assert "Deputy" not in text
    assert "Lise Lokal" not in text


def test_anonymous_visitors_do_not_see_the_chair_the_note_or_the_history(client, juelsminde):
    text = page_text(client.get(juelsminde.get_absolute_url(), headers=ENGLISH))

    assert "Bente Formand" not in text and "+45 70 00 00 99" not in text
    assert "Spurgt på borgermødet." not in text
    assert "Who has covered the area" not in text and "History" not in text
    assert "Imported from bilag.csv." not in text


def test_staff_see_the_deputy_column(colleague_client, juelsminde):
    text = page_text(colleague_client.get(reverse("areas:directory"), headers=ENGLISH))

    assert "Deputy" in text
    assert "Susanne Ernst" in text and "Lise Lokal" in text


def test_staff_see_the_chair_the_note_and_the_history(colleague_client, juelsminde):
    text = page_text(colleague_client.get(juelsminde.get_absolute_url(), headers=ENGLISH))

    assert "Chair Bente Formand, +45 70 00 00 99" in text
    assert "Spurgt på borgermødet." in text
    assert "Who has covered the area" in text
    assert "Susanne Ernst Contact 02/01/2024 now" in text
    assert "Imported from bilag.csv." in text


def test_the_home_page_shows_visitors_the_directory_and_sends_staff_to_their_areas(
        client, juelsminde, contact_user):
    assert "Juelsminde" in page_text(client.get(reverse("home")))

    AssignmentFactory(employee=contact_user.employee)
    client.force_login(contact_user)
    response = client.get(reverse("home"))

    assert response.status_code == 302 and response.url == reverse("mine")


def test_mine_omraader_lists_the_areas_the_employee_covers(client, contact_user, juelsminde, oelsted):
    AssignmentFactory(area=oelsted, employee=contact_user.employee)
    client.force_login(contact_user)

    text = page_text(client.get(reverse("mine"), headers=ENGLISH))

    assert "You are the local contact or deputy for 1 area." in text
    assert "Ølsted" in text and "Juelsminde" not in text


# --- the coordinator assigns, ends, hands over, records answers, edits ------------------------


def test_the_coordinator_assigns_a_contact_and_the_directory_shows_them(coordinator_client, oelsted):
    said_yes(oelsted)
    lars = EmployeeFactory(name="Lars Mikkelsen", title="Skoleleder")

    response = coordinator_client.post(
        reverse("coordination:assign", args=[oelsted.slug]),
        {"employee": lars.pk, "role": "primary", "starts_on": "2025-03-01"}, headers=ENGLISH)

    assert response.status_code == 302 and response.url == oelsted.get_absolute_url()
    directory = page_text(coordinator_client.get(reverse("areas:directory"), headers=ENGLISH))
    assert "Ølsted 8723 Not registered Lars Mikkelsen Skoleleder" in directory
    assert "Lars Mikkelsen is now contact for Ølsted." in directory


def test_assigning_is_logged_with_the_coordinator_as_actor(coordinator_client, coordinator, oelsted):
    said_yes(oelsted)
    lars = EmployeeFactory(name="Lars Mikkelsen")

    coordinator_client.post(reverse("coordination:assign", args=[oelsted.slug]),
                            {"employee": lars.pk, "role": "primary", "starts_on": "2025-03-01"})

    event = AreaEvent.objects.get(area=oelsted, kind=AreaEvent.Kind.ASSIGNED)
    assert event.actor == coordinator
    assert event.data == {"employee": "Lars Mikkelsen", "role": "primary", "date": "2025-03-01"}


def test_assigning_without_an_employee_shows_the_field_error_in_danish(coordinator_client, oelsted):
    before = counts()

    response = coordinator_client.post(reverse("coordination:assign", args=[oelsted.slug]),
                                       {"role": "primary", "starts_on": "2025-03-01"})

    assert response.status_code == 200
    assert "Dette felt er påkrævet." in page_text(response)
    assert counts() == before


def test_assigning_without_an_employee_shows_the_field_error_in_english(coordinator_client, oelsted):
    before = counts()

    response = coordinator_client.post(reverse("coordination:assign", args=[oelsted.slug]),
                                       {"role": "primary", "starts_on": "2025-03-01"},
                                       headers=ENGLISH)

    assert "Employee: This field is required." in page_text(response)
    assert counts() == before


def test_assigning_from_a_future_date_is_refused_on_the_date_field(coordinator_client, oelsted):
    lars = EmployeeFactory(name="Lars Mikkelsen")
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    before = counts()

    response = coordinator_client.post(
        reverse("coordination:assign", args=[oelsted.slug]),
        {"employee": lars.pk, "role": "primary", "starts_on": tomorrow.isoformat()}, headers=ENGLISH)

    assert response.status_code == 200
    assert "From: The start date cannot be in the future." in page_text(response)
    assert counts() == before


def test_the_assign_form_warns_when_the_council_has_not_said_yes(coordinator_client, oelsted):
    response = coordinator_client.get(reverse("coordination:assign", args=[oelsted.slug]),
                                      headers=ENGLISH)

    text = page_text(response)
    assert ("The local council has not said yes to having a local contact. Assign anyway? "
            "Taking part is voluntary for the local areas.") in text
    assert 'name="council_confirmed"' in response.content.decode()


def test_the_assign_form_asks_nothing_when_the_council_has_said_yes(coordinator_client, oelsted):
    said_yes(oelsted)

    response = coordinator_client.get(reverse("coordination:assign", args=[oelsted.slug]),
                                      headers=ENGLISH)

    assert "Assign anyway" not in page_text(response)
    assert 'name="council_confirmed"' not in response.content.decode()


def test_assigning_without_the_councils_yes_changes_nothing_until_confirmed(coordinator_client,
                                                                           coordinator, oelsted):
    lars = EmployeeFactory(name="Lars Mikkelsen")
    data = {"employee": lars.pk, "role": "primary", "starts_on": "2025-03-01"}
    url = reverse("coordination:assign", args=[oelsted.slug])
    before = counts()

    refused = coordinator_client.post(url, data, headers=ENGLISH)

    assert refused.status_code == 200
    assert ("Assign anyway: The local council has not said yes to having a local contact. Assign "
            "anyway? Tick “Assign anyway”, or record the council's answer first.") in page_text(
        refused)
    assert counts() == before

    confirmed = coordinator_client.post(url, {**data, "council_confirmed": "on"}, headers=ENGLISH)

    assert confirmed.status_code == 302
    assert oelsted.primary_assignment.employee == lars
    event = AreaEvent.objects.get(area=oelsted, kind=AreaEvent.Kind.ASSIGNED)
    assert event.actor == coordinator
    assert event.data["council_answer"] == "unknown"
    history = page_text(coordinator_client.get(oelsted.get_absolute_url(), headers=ENGLISH))
    assert "The council had not said yes; assigned anyway." in history


def test_assigning_where_the_council_said_no_needs_the_reason_on_the_areas_history(
        coordinator_client, oelsted):
    LocalArea.objects.filter(pk=oelsted.pk).update(participation=Participation.DECLINED,
                                                   participation_date=datetime.date(2025, 2, 1))
    lars = EmployeeFactory(name="Lars Mikkelsen")
    data = {"employee": lars.pk, "role": "primary", "starts_on": "2025-03-01",
            "council_confirmed": "on"}
    url = reverse("coordination:assign", args=[oelsted.slug])
    before = counts()

    form = page_text(coordinator_client.get(url, headers=ENGLISH))
    refused = coordinator_client.post(url, data, headers=ENGLISH)

    assert "The local council has said no to having a local contact. Assign anyway?" in form
    assert ("Reason for assigning anyway: Give the reason for assigning a contact although the "
            "council has said no.") in page_text(refused)
    assert counts() == before

    reason = "Lokalrådet har bedt om hjælp til byfornyelsen alligevel."
    assert coordinator_client.post(url, {**data, "council_reason": reason}).status_code == 302
    event = AreaEvent.objects.get(area=oelsted, kind=AreaEvent.Kind.ASSIGNED)
    assert (event.data["council_answer"], event.data["reason"]) == ("declined", reason)
    history = page_text(coordinator_client.get(oelsted.get_absolute_url(), headers=ENGLISH))
    assert f"The council had said no; assigned anyway. Reason: {reason}" in history


def test_assigning_an_occupied_role_names_the_holder_until_replace_is_ticked(
        coordinator_client, juelsminde):
    lars = EmployeeFactory(name="Lars Mikkelsen")
    data = {"employee": lars.pk, "role": "primary", "starts_on": "2025-03-01"}
    url = reverse("coordination:assign", args=[juelsminde.slug])

    refused = coordinator_client.post(url, data, headers=ENGLISH)
    replaced = coordinator_client.post(url, {**data, "replace": "on"}, headers=ENGLISH)

    assert ("Juelsminde already has Susanne Ernst in this role. End that assignment first, "
            "or choose to replace it.") in page_text(refused)
    assert replaced.status_code == 302
    assert [(a.employee.name, a.ends_on) for a in juelsminde.assignments.filter(role="primary")] == [
        ("Lars Mikkelsen", None), ("Susanne Ernst", datetime.date(2025, 3, 1))]


def test_the_coordinator_ends_an_assignment_and_the_area_has_no_contact(coordinator_client,
                                                                       juelsminde):
    assignment = juelsminde.primary_assignment

    response = coordinator_client.post(reverse("coordination:end_assignment", args=[assignment.pk]),
                                       {"ends_on": "2025-03-01"}, headers=ENGLISH)

    assert response.status_code == 302
    assignment.refresh_from_db()
    assert assignment.ends_on == datetime.date(2025, 3, 1)
    text = page_text(coordinator_client.get(juelsminde.get_absolute_url(), headers=ENGLISH))
    assert "The assignment of Susanne Ernst in Juelsminde has ended." in text
    assert "The area has no local contact yet." in text
    assert "Susanne Ernst Contact 02/01/2024 01/03/2025" in text


def test_ending_an_assignment_before_it_started_is_refused(coordinator_client, juelsminde):
    assignment = juelsminde.primary_assignment

    response = coordinator_client.post(reverse("coordination:end_assignment", args=[assignment.pk]),
                                       {"ends_on": "2023-12-31"}, headers=ENGLISH)

    assert "The end date cannot be before the start date (02/01/2024)." in page_text(response)
    assignment.refresh_from_db()
    assert assignment.ends_on is None


def test_an_ended_assignment_cannot_be_ended_again(coordinator_client, juelsminde):
    assignment = AssignmentFactory(area=LocalAreaFactory(name="Glud"), ended=True)

    response = coordinator_client.post(reverse("coordination:end_assignment", args=[assignment.pk]),
                                       {"ends_on": "2025-07-01"})

    assert response.status_code == 404


def test_the_coordinator_marks_a_handover_due(coordinator_client, juelsminde):
    assignment = juelsminde.primary_assignment

    response = coordinator_client.post(reverse("coordination:handover", args=[assignment.pk]),
                                       {"due": "1"}, headers=ENGLISH)

    assert response.status_code == 302
    assignment.refresh_from_db()
    assert assignment.handover_due is True
    text = page_text(coordinator_client.get(reverse("areas:directory"), {"coverage": "handover"},
                                            headers=ENGLISH))
    assert "A handover is due for Juelsminde." in text
    assert "1 local area" in text and "New local contact on the way" in text  # in plain words


def test_the_coordinator_clears_a_handover(coordinator_client, juelsminde):
    assignment = juelsminde.primary_assignment
    assignment.handover_due = True
    assignment.save()

    coordinator_client.post(reverse("coordination:handover", args=[assignment.pk]), {"due": "0"})

    assignment.refresh_from_db()
    assert assignment.handover_due is False
    assert AreaEvent.objects.filter(area=juelsminde, kind=AreaEvent.Kind.HANDOVER_CLEARED).exists()


def test_a_handover_of_the_deputy_is_refused(coordinator_client, juelsminde):
    deputy = juelsminde.deputy_assignment

    response = coordinator_client.post(reverse("coordination:handover", args=[deputy.pk]),
                                       {"due": "1"}, headers=ENGLISH)

    assert "Only the contact's assignment can be handed over." in page_text(response)
    deputy.refresh_from_db()
    assert deputy.handover_due is False


def test_the_coordinator_records_that_the_council_declined(coordinator_client, oelsted):
    response = coordinator_client.post(
        reverse("coordination:participation", args=[oelsted.slug]),
        {"answer": "declined", "answered_on": "2025-03-01", "note": "Ikke nu."}, headers=ENGLISH)

    assert response.status_code == 302
    oelsted.refresh_from_db()
    assert (oelsted.participation, oelsted.participation_date) == (
        Participation.DECLINED, datetime.date(2025, 3, 1))
    text = page_text(coordinator_client.get(oelsted.get_absolute_url(), headers=ENGLISH))
    assert "The council's answer to the offer of a local contact: declined (01/03/2025)" in text


def test_an_answer_without_its_date_is_refused(coordinator_client, oelsted):
    response = coordinator_client.post(reverse("coordination:participation", args=[oelsted.slug]),
                                       {"answer": "interested"}, headers=ENGLISH)

    assert "Date of the answer: Give the date of the answer." in page_text(response)
    oelsted.refresh_from_db()
    assert oelsted.participation == Participation.UNKNOWN


def area_form_data(area, **changes) -> dict:
    council = getattr(area, "council", None)
    data = {"name": area.name, "towns": area.towns, "postcodes": area.postcodes,
            "parish": area.parish, "population": area.population or "",
            "population_year": area.population_year or "", "latitude": "", "longitude": "",
            "council_name": council.name if council else "",
            "council_email": council.email if council else "",
            "council_website": "", "council_chair_name": council.chair_name if council else "",
            "council_chair_email": "", "council_chair_phone": council.chair_phone if council else ""}
    return {**data, **changes}


def test_the_coordinator_edits_an_areas_facts(coordinator_client, juelsminde):
    response = coordinator_client.post(
        reverse("coordination:area_edit", args=[juelsminde.slug]),
        area_form_data(juelsminde, population="3700", council_email="ny@juelsminde.example.dk"),
        headers=ENGLISH)

    assert response.status_code == 302
    text = page_text(coordinator_client.get(juelsminde.get_absolute_url(), headers=ENGLISH))
    assert "Juelsminde is saved." in text
    assert "Population 3,700 (2024)" in text
    assert "E-mail ny@juelsminde.example.dk" in text


def test_an_edit_is_logged_with_the_fields_that_changed(coordinator_client, coordinator, juelsminde):
    coordinator_client.post(reverse("coordination:area_edit", args=[juelsminde.slug]),
                            area_form_data(juelsminde, population="3700",
                                           council_email="ny@juelsminde.example.dk"))

    event = AreaEvent.objects.get(area=juelsminde, kind=AreaEvent.Kind.UPDATED)
    assert event.data == {"fields": ["population", "council_email"]}
    assert event.actor == coordinator
    text = page_text(coordinator_client.get(juelsminde.get_absolute_url(), headers=ENGLISH))
    assert "Changed: population, council's e-mail. (by Karin Koordinator)" in text


def test_an_edit_with_a_malformed_postcode_is_refused(coordinator_client, juelsminde):
    response = coordinator_client.post(reverse("coordination:area_edit", args=[juelsminde.slug]),
                                       area_form_data(juelsminde, postcodes="713"), headers=ENGLISH)

    assert response.status_code == 200
    assert "Postcodes are four digits, separated by spaces (e.g. 7130 8722)." in page_text(response)
    assert LocalArea.objects.get(pk=juelsminde.pk).postcodes == "7130"


def test_the_coordinator_creates_an_area(coordinator_client):
    response = coordinator_client.post(
        reverse("coordination:area_create"),
        area_form_data(LocalArea(name="Øster Snede", towns="Øster Snede", postcodes="8723"),
                       council_name="Øster Snede Lokalråd"), headers=ENGLISH)

    area = LocalArea.objects.get(name="Øster Snede")
    assert response.status_code == 302 and response.url == area.get_absolute_url()
    assert area.slug == "oester-snede"
    assert area.council.name == "Øster Snede Lokalråd"


def test_a_colleague_cannot_assign_contacts(colleague_client, oelsted):
    lars = EmployeeFactory(name="Lars Mikkelsen")

    response = colleague_client.post(reverse("coordination:assign", args=[oelsted.slug]),
                                      {"employee": lars.pk, "role": "primary",
                                       "starts_on": "2025-03-01"})

    assert response.status_code == 403
    assert not Assignment.objects.exists()


# --- employees and core areas ------------------------------------------------------------------


def test_the_coordinator_creates_an_employee(coordinator_client):
    learning = CoreAreaFactory(name="Læring")

    response = coordinator_client.post(
        reverse("people:employee_create"),
        {"name": "Frank Kjær", "title": "Skoleleder", "core_area": learning.pk,
         "email": "frank.kjaer@example.dk", "phone": "+45 70 00 00 20", "is_active": "on"},
        headers=ENGLISH)

    frank = Employee.objects.get(name="Frank Kjær")
    assert response.status_code == 302 and response.url == frank.get_absolute_url()
    text = page_text(coordinator_client.get(reverse("people:employee_list"), headers=ENGLISH))
    assert "Frank Kjær is saved." in text
    assert "Frank Kjær Skoleleder Læring 0" in text


def test_the_coordinator_edits_an_employee(coordinator_client):
    frank = EmployeeFactory(name="Frank Kjær", title="Lærer")

    coordinator_client.post(reverse("people:employee_edit", args=[frank.pk]),
                            {"name": "Frank Kjær", "title": "Skoleleder", "is_active": "on"})

    frank.refresh_from_db()
    assert frank.title == "Skoleleder"


def test_an_employee_who_still_covers_areas_cannot_be_deactivated(coordinator_client, juelsminde):
    susanne = Employee.objects.get(name="Susanne Ernst")

    response = coordinator_client.post(reverse("people:employee_edit", args=[susanne.pk]),
                                       {"name": "Susanne Ernst"}, headers=ENGLISH)

    assert ("Susanne Ernst still covers local areas. End those assignments before deactivating."
            in page_text(response))
    susanne.refresh_from_db()
    assert susanne.is_active is True


def test_the_employee_page_lists_their_areas(colleague_client, juelsminde):
    susanne = Employee.objects.get(name="Susanne Ernst")

    text = page_text(colleague_client.get(susanne.get_absolute_url(), headers=ENGLISH))

    assert "Juelsminde Contact 02/01/2024 now" in text


def test_the_coordinator_creates_a_core_area(coordinator_client):
    response = coordinator_client.post(reverse("people:core_area_create"),
                                       {"name": "Job og Velfærd", "description": "Jobcenter"},
                                       headers=ENGLISH)

    assert response.status_code == 302 and response.url == reverse("people:core_area_list")
    text = page_text(coordinator_client.get(reverse("people:core_area_list"), headers=ENGLISH))
    assert "Job og Velfærd Jobcenter 0" in text


def test_the_coordinator_renames_a_core_area(coordinator_client):
    core_area = CoreAreaFactory(name="Teknik & Miljø")

    coordinator_client.post(reverse("people:core_area_edit", args=[core_area.pk]),
                            {"name": "Teknik og Miljø"})

    core_area.refresh_from_db()
    assert core_area.name == "Teknik og Miljø"


def test_a_core_area_name_already_in_use_is_refused_whatever_the_case(coordinator_client):
    CoreAreaFactory(name="Læring")
    before = CoreArea.objects.count()

    response = coordinator_client.post(reverse("people:core_area_create"), {"name": "LÆRING"},
                                       headers=ENGLISH)

    assert response.status_code == 200
    assert "Name: A core area with this name already exists." in page_text(response)
    assert CoreArea.objects.count() == before


def section(html: str, heading_id: str) -> str:
    """The part of a page from the heading with `heading_id` to the next section."""
    return html.split(f'id="{heading_id}"')[1].split("</section>")[0]


def test_the_overview_shows_the_first_rows_in_danish_order_and_links_to_the_rest(
        coordinator_client):
    for n in range(60):
        LocalAreaFactory(name=f"Udækket {n:02d}")
    LocalAreaFactory(name="Aarup")  # "Aa" is Å: last in Danish, first by code point

    response = coordinator_client.get(reverse("coordination:overview"), headers=ENGLISH)

    uncovered = section(response.content.decode(), "uncovered-heading")
    assert "Areas without a contact (61)" in page_text(response)
    assert uncovered.count("<li>") == 10
    assert "Udækket 09" in uncovered and "Udækket 10" not in uncovered
    assert "Aarup" not in uncovered
    link = reverse("coordination:overview_list", args=["uden-kontakt"])
    assert f'<a href="{link}">Show all 61<span class="sr-only"> – Areas without a contact</span>' in (
        uncovered)


def test_the_overviews_rows_link_to_the_area_and_what_the_coordinator_does_next(
        coordinator_client):
    uncovered = LocalAreaFactory(name="Øster Snede")
    due = AssignmentFactory(area__name="Glud", handover=True)
    contact = EmployeeFactory(name="Lise Lokal")
    AssignmentFactory(employee=contact, area__name="Rårup")
    conflict = AreaEvent.objects.create(area=uncovered, kind=AreaEvent.Kind.CONFLICT, data={
        "code": CONFLICT_LISTED_TWICE, "source": "Bilag 1", "entry": "Øster Snede – Lise Lokal"})

    html = coordinator_client.get(reverse("coordination:overview"), headers=ENGLISH).content.decode()

    for link in [uncovered.get_absolute_url(), reverse("coordination:assign", args=[uncovered.slug]),
                 reverse("nominations:suggestions", args=[uncovered.slug]),
                 reverse("coordination:participation", args=[uncovered.slug])]:
        assert f'<a href="{link}">' in section(html, "uncovered-heading") + section(
            html, "unanswered-heading"), link
    assert f'<a href="{reverse("handovers:new", args=[due.area.slug])}">start a handover' in (
        section(html, "handover-heading"))
    assert f'<a href="{reverse("coordination:conflict_settle", args=[conflict.pk])}">' in html
    assert f'<a href="{contact.get_absolute_url()}">Lise Lokal</a>' in html


def test_the_overview_has_no_show_all_link_when_a_list_is_whole(coordinator_client, oelsted):
    response = coordinator_client.get(reverse("coordination:overview"), headers=ENGLISH)

    assert "Show all" not in page_text(response)
    assert "Ølsted" in section(response.content.decode(), "uncovered-heading")


def test_an_overview_list_pages_every_area_in_danish_order(coordinator_client):
    for n in range(60):
        LocalAreaFactory(name=f"Udækket {n:02d}")
    LocalAreaFactory(name="Aarup")
    url = reverse("coordination:overview_list", args=["uden-kontakt"])

    first = coordinator_client.get(url, headers=ENGLISH)
    second = coordinator_client.get(url, {"side": 2}, headers=ENGLISH)

    assert "Areas without a contact (61)" in page_text(first)
    assert "Showing 1–50 of 61" in page_text(first)
    assert first.content.decode().count(">assign<") == 50
    assert 'href="?side=2"' in first.content.decode()
    text = page_text(second)
    assert "Showing 51–61 of 61" in text
    assert text.index("Udækket 59") < text.index("Aarup")
    assert "Udækket 49" not in text
    assert f'href="{reverse("coordination:assign", args=["aarup"])}"' in second.content.decode()


def test_the_overview_lists_show_what_the_overview_shows(coordinator_client):
    declined = LocalAreaFactory(name="As", participation=Participation.DECLINED,
                                participation_date=datetime.date(2025, 2, 1))
    AssignmentFactory(area__name="Glud", employee__name="Susanne Ernst", handover=True)
    AreaEvent.objects.create(area=declined, kind=AreaEvent.Kind.CONFLICT, data={
        "code": "listed_with_and_without_contact", "source": "Bilag 1", "entry": "As – Lise"})

    def text_of(name):
        return page_text(coordinator_client.get(
            reverse("coordination:overview_list", args=[name]), headers=ENGLISH))

    assert "Areas whose council declined (1) As (01/02/2025)" in text_of("takket-nej")
    assert "Areas whose council has not answered (1) Glud · record answer – Glud" in text_of("ikke-svaret")
    assert ("Handover due (1) Glud · start a handover – Glud · assign a new contact – Glud"
            in text_of("overdragelse"))
    assert "Conflicts in the sources (1) As – Bilag 1 lists As" in text_of("konflikter")
    assert "Areas per contact (1) Local contact Core area Areas Of which as contact Susanne Ernst" in (
        text_of("lokalkontakter"))


def test_an_unknown_overview_list_is_not_found(coordinator_client):
    assert coordinator_client.get(
        reverse("coordination:overview_list", args=["alle"])).status_code == 404


def test_the_overview_shows_the_conflicts_in_the_sources_in_the_readers_language(
        coordinator_client):
    stenderup = LocalAreaFactory(name="Stenderup")
    AreaEvent.objects.create(area=stenderup, kind=AreaEvent.Kind.CONFLICT, data={
        "code": "listed_with_and_without_contact", "source": "Bilag 1",
        "entry": "Stenderup – udviklingsprojekt/Henriette Petersen"})

    response = coordinator_client.get(reverse("coordination:overview"), headers=ENGLISH)

    assert ("Conflicts in the sources (1) Stenderup – Bilag 1 lists Stenderup both with a contact "
            "(“Stenderup – udviklingsprojekt/Henriette Petersen”) and without a contact. One area "
            "was created, and the contact was kept.") in page_text(response)
    assert stenderup.get_absolute_url() in response.content.decode()


def test_the_overview_has_no_conflicts_section_without_conflicts(coordinator_client, oelsted):
    response = coordinator_client.get(reverse("coordination:overview"), headers=ENGLISH)

    assert "Conflicts in the sources" not in page_text(response)


def test_mine_omraader_shows_what_waits_for_the_contact(client, contact_user, oelsted):
    from lokalkontakt.inquiries.models import Inquiry
    from tests.consultations.factories import ConsultationFactory, ConsultationTaskFactory
    from tests.inquiries.factories import InquiryFactory

    AssignmentFactory(area=oelsted, employee=contact_user.employee)
    employee = contact_user.employee
    yesterday = datetime.date.today() - datetime.timedelta(days=1)
    InquiryFactory(area=oelsted, assignee=employee)
    InquiryFactory(area=oelsted, assignee=employee, acknowledge_due=yesterday)  # overdue
    InquiryFactory(area=oelsted, assignee=employee, status=Inquiry.Status.CLOSED,
                   acknowledge_due=yesterday)
    InquiryFactory(assignee=EmployeeFactory())  # somebody else's
    first = datetime.date.today() + datetime.timedelta(days=5)
    ConsultationTaskFactory(area=oelsted, consultation=ConsultationFactory(deadline=first))
    ConsultationTaskFactory(area=oelsted)
    ConsultationTaskFactory(area=oelsted, responded=True)
    ConsultationTaskFactory(area=oelsted, consultation=ConsultationFactory(closed=True))
    client.force_login(contact_user)

    text = page_text(client.get(reverse("mine"), headers=ENGLISH))

    assert "2 open inquiries – 1 overdue" in text
    assert (f"2 consultations await your response – the first deadline is "
            f"{first:%d/%m/%Y}") in text


def test_mine_omraader_says_when_nothing_waits(client, contact_user, oelsted):
    AssignmentFactory(area=oelsted, employee=contact_user.employee)
    client.force_login(contact_user)

    text = page_text(client.get(reverse("mine"), headers=ENGLISH))

    assert "0 open inquiries" in text and "overdue" not in text
    assert "0 consultations await your response" in text and "deadline" not in text


def test_a_contact_who_has_left_is_not_offered_to_the_public(colleague_client, juelsminde):
    Employee.objects.filter(name="Susanne Ernst").update(is_active=False)

    for url in [reverse("areas:directory"), juelsminde.get_absolute_url()]:
        public = page_text(Client().get(url))
        staff = page_text(colleague_client.get(url))

        assert "Susanne Ernst" not in public and "susanne.ernst@example.dk" not in public
        assert "Vores lokalkontakt her er stoppet, og en ny er på vej." in public
        assert "Susanne Ernst (er stoppet)" in staff


def test_the_directory_leads_to_the_open_api(client, juelsminde):
    response = client.get(reverse("areas:directory"))

    assert f'href="{reverse("api:docs")}">Data som åbent API</a>' in response.content.decode()
