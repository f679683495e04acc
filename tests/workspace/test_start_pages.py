# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""The start page of each role: the coordinator's "what needs you today", a colleague's own work,
and a contact's Mine områder with the areas first and the checklists collapsed."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from lokalkontakt.core.models import OutgoingEmail
from lokalkontakt.inquiries.models import Inquiry
from lokalkontakt.meetings.models import ActionItem
from lokalkontakt.onboarding.services import onboarding_start
from tests.areas.factories import AssignmentFactory, LocalAreaFactory
from tests.areas.pages import page_text
from tests.consultations.factories import ConsultationFactory, ConsultationTaskFactory
from tests.inquiries.factories import InquiryFactory
from tests.meetings.factories import ActionItemFactory
from tests.people.factories import EmployeeFactory, UserFactory

pytestmark = pytest.mark.django_db

ENGLISH = {"Accept-Language": "en"}
START_URL = reverse("start")


def days(n: int) -> datetime.date:
    return timezone.localdate() + datetime.timedelta(days=n)


def read(client, url=START_URL) -> str:
    response = client.get(url, headers=ENGLISH)
    assert response.status_code == 200
    return page_text(response)


def block(text: str, title: str, next_title: str | None = None) -> str:
    """The text of one block: from its title to the next block's title (or the end)."""
    start = text.index(title)
    end = text.index(next_title, start) if next_title else len(text)
    return text[start:end]


def contact_with_login(area, **employee):
    user = UserFactory()
    AssignmentFactory(area=area, employee=EmployeeFactory(user=user, **employee))
    return user.employee


# --- where each role lands ------------------------------------------------------------------------


def test_home_sends_the_coordinator_and_colleagues_to_the_start_page_and_contacts_to_mine(
        client, coordinator, colleague, contact_user):
    AssignmentFactory(employee=contact_user.employee)
    for user, expected in [(coordinator, START_URL), (colleague, START_URL),
                           (contact_user, reverse("mine"))]:
        client.force_login(user)
        assert client.get(reverse("home"))["Location"] == expected


def test_a_coordinator_who_covers_an_area_lands_on_the_overview_with_a_link_to_their_areas(
        coordinator_client, coordinator):
    AssignmentFactory(employee=coordinator.employee)

    assert coordinator_client.get(reverse("home"))["Location"] == START_URL
    response = coordinator_client.get(START_URL, headers=ENGLISH)
    assert "You also cover local areas yourself: My areas" in page_text(response)
    assert f'href="{reverse("mine")}"' in response.content.decode()


def test_the_menu_item_fits_the_role(client, coordinator, colleague, contact_user):
    AssignmentFactory(employee=contact_user.employee)
    for user, label, url in [(coordinator, "My overview", START_URL), (colleague, "My overview", START_URL),
                             (contact_user, "My areas", reverse("mine"))]:
        client.force_login(user)
        content = client.get(reverse("areas:directory"), headers=ENGLISH).content.decode()
        assert f'<a href="{url}" class="nav-link"><span>{label}</span></a>' in content


# --- the coordinator ------------------------------------------------------------------------------


def test_the_coordinator_sees_inquiries_nobody_else_can_answer_and_why(coordinator_client):
    no_contact = InquiryFactory(area=LocalAreaFactory(name="Glud"), subject="Bænk ved kirken")
    no_email = InquiryFactory(area=LocalAreaFactory(name="Snaptun"), subject="Stien er mudret",
                              assignee=EmployeeFactory(name="Uffe Uden", email="",
                                                       user=UserFactory()))
    no_login = InquiryFactory(area=LocalAreaFactory(name="Rårup"), subject="Lys på banen",
                              assignee=EmployeeFactory(name="Lone Login"))
    left = InquiryFactory(subject="Affaldsspande", assignee=EmployeeFactory(
        name="Anna Afgået", is_active=False, user=UserFactory()))
    handled = InquiryFactory(subject="Kan klares af kontakten",
                             assignee=EmployeeFactory(name="Karl Kontakt", user=UserFactory()))
    InquiryFactory(subject="Allerede besvaret", status=Inquiry.Status.ANSWERED)

    text = block(read(coordinator_client), "Inquiries waiting for you 4", "Overdue inquiries")

    assert f"{no_contact.reference}: Bænk ved kirken Glud · No contact: it is yours" in text
    assert f"{no_email.reference}: Stien er mudret Snaptun · Uffe Uden has no e-mail address" in text
    assert f"{no_login.reference}: Lys på banen Rårup · Lone Login cannot sign in" in text
    assert f"{left.reference}: Affaldsspande" in text and "Anna Afgået has left" in text
    assert handled.subject not in text and "Allerede besvaret" not in text
    assert "All inquiries waiting for the coordinator" in text


def test_the_waiting_list_shows_them_all(coordinator_client):
    for n in range(7):
        InquiryFactory(subject=f"Uden kontakt {n}")
    InquiryFactory(subject="Har en kontakt", assignee=EmployeeFactory(user=UserFactory()))

    start = read(coordinator_client)
    assert "Inquiries waiting for you 7" in start and "… and 2 more" in start
    text = read(coordinator_client, reverse("inquiries:waiting"))

    assert "7 inquiries" in text
    assert all(f"Uden kontakt {n}" in text for n in range(7))
    assert "Har en kontakt" not in text


def test_the_waiting_list_labels_every_cell_so_its_rows_stack_on_a_phone(coordinator_client):
    InquiryFactory(subject="Uden kontakt", area=LocalAreaFactory(name="Glud"))

    html = coordinator_client.get(reverse("inquiries:waiting"), headers=ENGLISH).content.decode()

    assert "table--responsive-headers" in html
    for label in ("Subject", "Local area", "Why it waits for you", "Deadline"):
        assert f'data-title="{label}"' in html


def test_the_coordinator_sees_overdue_work_handovers_areas_and_failed_emails(coordinator_client):
    contact = contact_with_login(LocalAreaFactory(name="Hornsyld"), name="Hanne Hornsyld")
    InquiryFactory(subject="For sent kvitteret", assignee=contact, acknowledge_due=days(-1))
    InquiryFactory(subject="Til tiden", assignee=contact)
    ConsultationTaskFactory(consultation=ConsultationFactory(title="Ny skolestruktur",
                                                             deadline=days(-3)))
    ConsultationFactory(title="Stadig åben", deadline=days(3))
    ActionItemFactory(title="Skaf nøgler", due_on=days(-2), owner=contact)
    ActionItemFactory(title="Lukket punkt", due_on=days(-2), status=ActionItem.Status.DONE)
    AssignmentFactory(area=LocalAreaFactory(name="Barrit"), handover=True,
                      employee=EmployeeFactory(name="Bent Barrit"))
    LocalAreaFactory(name="Ørum", participation="declined")
    OutgoingEmail.objects.create(to=["x@example.dk"], subject="Ny henvendelse H-00001",
                                 body="…", status=OutgoingEmail.Status.FAILED)

    text = read(coordinator_client)

    assert "For sent kvitteret" in block(text, "Overdue inquiries 1", "Consultations past")
    assert "Til tiden" not in block(text, "Overdue inquiries", "Consultations past")
    consultations = block(text, "Consultations past their deadline 1", "Overdue action items")
    assert "Ny skolestruktur" in consultations and "1 of 1 areas has not answered" in consultations
    actions = block(text, "Overdue action items 1", "Planned handovers")
    assert "Skaf nøgler Hanne Hornsyld · Overdue" in actions and "Lukket punkt" not in actions
    assert "Barrit Bent Barrit · Start a handover of Barrit" in block(
        text, "Handover due, not planned yet 1", "Areas without a contact")
    areas = block(text, "Areas without a contact", "E-mails that failed")
    assert "Barrit" not in areas and "Ørum" not in areas and "Hornsyld" not in areas
    assert "Ny henvendelse H-00001" in block(text, "E-mails that failed 1")
    assert "x@example.dk" not in text  # the addresses are on the logged undelivered page
    assert "All clear" not in text


def test_empty_blocks_say_so_and_an_empty_day_is_all_clear(coordinator_client):
    text = read(coordinator_client)

    assert "All clear: nothing needs you today." in text
    for title in ["Inquiries waiting for you 0", "Overdue inquiries 0",
                  "Consultations past their deadline 0", "Overdue action items 0",
                  "Planned handovers 0", "Handover due, not planned yet 0",
                  "Areas without a contact 0", "E-mails that failed 0"]:
        assert f"{title} Nothing here." in text


# --- a colleague ----------------------------------------------------------------------------------


def test_a_colleague_sees_their_inquiries_forwarded_work_and_consultations(colleague_client,
                                                                          colleague):
    me = colleague.employee
    InquiryFactory(subject="Min egen", assignee=me)
    forwarded = InquiryFactory(subject="Sendt videre til mig", assignee=EmployeeFactory())
    forwarded.participants.add(me)
    to_my_core_area = InquiryFactory(subject="Til mit kerneområde")
    to_my_core_area.core_areas.add(me.core_area)
    InquiryFactory(subject="Ikke min")
    InquiryFactory(subject="Afsluttet", assignee=me, status=Inquiry.Status.CLOSED)
    ConsultationTaskFactory(consultation=ConsultationFactory(title="Min høring",
                                                             requested_by=me))
    ConsultationFactory(title="Andres høring")

    text = read(colleague_client)

    assert "You do not cover any local area" not in text
    mine = block(text, "Inquiries you handle 1", "Forwarded to you")
    assert "Min egen" in mine
    forwarded_text = block(text, "Forwarded to you or your core area 2", "Consultations you")
    assert "Sendt videre til mig" in forwarded_text and "Til mit kerneområde" in forwarded_text
    assert "Min høring" in block(text, "Consultations you asked for 1", "Your action items")
    assert "Ikke min" not in text and "Afsluttet" not in text and "Andres høring" not in text


def test_a_colleague_with_nothing_to_do_is_told_so(colleague_client):
    text = read(colleague_client)

    assert "All clear: nothing waits for you." in text
    assert "Inquiries you handle 0 Nothing here." in text


# --- a contact ------------------------------------------------------------------------------------


def test_mine_shows_the_areas_before_the_collapsed_checklists(client, contact_user, coordinator):
    assignment = AssignmentFactory(area=LocalAreaFactory(name="Glud"), employee=contact_user.employee)
    onboarding_start(assignment=assignment)
    client.force_login(contact_user)

    response = client.get(reverse("mine"), headers=ENGLISH)
    content, text = response.content.decode(), page_text(response)

    assert text.index("You are the local contact or deputy for 1 area.") < text.index(
        "Your checklist as local contact for Glud")
    assert '<details class="onboarding-checklist"' in content
    assert f'id="checklist-{assignment.pk}" open' not in content
    assert "Your checklist as local contact for Glud – 0 of" in text


def test_the_checklist_just_worked_on_stays_open(client, contact_user):
    assignment = AssignmentFactory(area=LocalAreaFactory(name="Glud"), employee=contact_user.employee)
    onboarding_start(assignment=assignment)
    client.force_login(contact_user)

    content = client.get(reverse("mine"), {"tjekliste": assignment.pk}).content.decode()

    assert f'id="checklist-{assignment.pk}" open>' in content
