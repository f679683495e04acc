# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""No permission leak: for every role, the search finds exactly what the user could open, its
count counts nothing else, and "who knows" tells of nothing else (a permission matrix)."""

import datetime

import pytest
from django.urls import reverse

from lokalkontakt.areas.models import Assignment, AssignmentRole
from lokalkontakt.consultations.models import Consultation
from lokalkontakt.core.search.query import search, who_knows
from lokalkontakt.inquiries.models import Inquiry
from lokalkontakt.inquiries.services.forwarding import inquiry_forward, inquiry_forward_to_core_area
from lokalkontakt.knowledge.models import Note
from tests.core.search.conftest import create_consultation, submit_inquiry, titles, write_note
from tests.people.factories import CoreAreaFactory, EmployeeFactory, UserFactory

V = Note.Visibility

NOTE_STAFF = "Vandværket: intern note"
NOTE_COUNCIL_GLUD = "Vandværket: note til Gluds lokalråd"
NOTE_COUNCIL_JUELSMINDE = "Vandværket: note til Juelsmindes lokalråd"
NOTE_PUBLIC = "Vandværket: offentlig note"
INQUIRY_GLUD = "Vandværket i Glud: lukket henvendelse"
INQUIRY_GLUD_SHARED = "Vandværket i Glud: delt henvendelse"
INQUIRY_JUELSMINDE_SHARED = "Vandværket i Juelsminde: delt henvendelse"
CONSULTATION_GLUD = "Vandværket: høring i Glud"
CONSULTATION_JUELSMINDE = "Vandværket: høring i Juelsminde"

NOTES = {NOTE_STAFF, NOTE_COUNCIL_GLUD, NOTE_COUNCIL_JUELSMINDE, NOTE_PUBLIC}
EVERYTHING = NOTES | {INQUIRY_GLUD, INQUIRY_GLUD_SHARED, INQUIRY_JUELSMINDE_SHARED,
                      CONSULTATION_GLUD, CONSULTATION_JUELSMINDE}

VISIBLE = {
    "anonymous": {NOTE_PUBLIC},
    "outsider": {NOTE_PUBLIC},
    # requested the Glud consultation; covers no area, handles no inquiry
    "colleague": NOTES | {CONSULTATION_GLUD},
    "contact": NOTES | {INQUIRY_GLUD, INQUIRY_GLUD_SHARED, CONSULTATION_GLUD},
    "other_contact": NOTES | {INQUIRY_JUELSMINDE_SHARED, CONSULTATION_JUELSMINDE},
    "coordinator": EVERYTHING,
    "council_glud": {NOTE_PUBLIC, NOTE_COUNCIL_GLUD, INQUIRY_GLUD_SHARED, CONSULTATION_GLUD},
    "council_juelsminde": {NOTE_PUBLIC, NOTE_COUNCIL_JUELSMINDE, INQUIRY_JUELSMINDE_SHARED,
                           CONSULTATION_JUELSMINDE},
}


@pytest.fixture
def content(world):
    """One of everything about the water works ("vandværket"), in both areas."""
    write_note(world.other_contact, title=NOTE_STAFF, visibility=V.STAFF, area=world.glud)
    write_note(world.contact, title=NOTE_COUNCIL_GLUD, visibility=V.COUNCIL, area=world.glud)
    write_note(world.other_contact, title=NOTE_COUNCIL_JUELSMINDE, visibility=V.COUNCIL,
               area=world.juelsminde)
    write_note(world.contact, title=NOTE_PUBLIC, visibility=V.PUBLIC, area=world.glud)
    submit_inquiry(area=world.glud, subject=INQUIRY_GLUD, text="Vandet lugter af svovl.")
    submit_inquiry(area=world.glud, subject=INQUIRY_GLUD_SHARED, shared=True)
    submit_inquiry(area=world.juelsminde, subject=INQUIRY_JUELSMINDE_SHARED, shared=True)
    create_consultation(actor=world.colleague, title=CONSULTATION_GLUD, areas=[world.glud])
    create_consultation(actor=world.coordinator, title=CONSULTATION_JUELSMINDE,
                        areas=[world.juelsminde])
    return world


@pytest.mark.parametrize("role", sorted(VISIBLE))
def test_each_role_finds_exactly_what_it_may_open(content, role):
    results = search(user=getattr(content, role), query="vandværket")

    assert {hit.title for hit in results.hits} == VISIBLE[role]
    assert len(results.hits) == len(VISIBLE[role])


@pytest.mark.parametrize("role", sorted(VISIBLE))
def test_the_count_counts_only_what_the_user_sees(content, role):
    results = search(user=getattr(content, role), query="vandværket")

    assert results.count == len(results.hits) == len(VISIBLE[role])
    assert results.pages == 1 and not results.capped


@pytest.mark.parametrize("role", sorted(VISIBLE))
@pytest.mark.parametrize("kind", ["note", "inquiry", "consultation"])
def test_a_kind_filter_never_widens_what_a_role_finds(content, role, kind):
    results = search(user=getattr(content, role), query="vandværket", kinds=[kind])

    assert {hit.title for hit in results.hits} <= VISIBLE[role]
    assert all(hit.kind == kind for hit in results.hits)
    assert results.count == len(results.hits)


@pytest.mark.parametrize("role", sorted(VISIBLE))
def test_every_hit_opens_for_the_user(content, role, client):
    user = getattr(content, role)
    if user.is_authenticated:
        client.force_login(user)

    for hit in search(user=user, query="vandværket").hits:
        assert client.get(hit.url).status_code == 200, hit.title


def test_a_council_member_opens_shared_inquiries_on_the_council_page(content):
    inquiry = Inquiry.objects.get(subject=INQUIRY_GLUD_SHARED)

    [hit] = search(user=content.council_glud, query="vandværket", kinds=["inquiry"]).hits

    assert hit.url == reverse("inquiries:council_detail", kwargs={"pk": inquiry.pk})


def test_a_contact_opens_a_consultation_on_their_task_page(content):
    consultation = Consultation.objects.get(title=CONSULTATION_GLUD)
    task = consultation.tasks.get()

    [hit] = search(user=content.contact, query="vandværket", kinds=["consultation"]).hits
    [own] = search(user=content.colleague, query="vandværket", kinds=["consultation"]).hits

    assert (hit.url, hit.area) == (task.get_absolute_url(), "Glud")
    assert own.url == consultation.get_absolute_url()


def test_a_word_only_in_a_hidden_inquiry_finds_nothing(content):
    for role in ["council_glud", "colleague", "other_contact", "anonymous", "outsider"]:
        results = search(user=getattr(content, role), query="svovl")
        assert (results.hits, results.count, results.pages) == ([], 0, 0), role
    assert titles(content.contact, "svovl") == [INQUIRY_GLUD]


def test_many_hidden_notes_are_not_counted_for_the_public(world):
    for n in range(25):
        write_note(world.contact, title=f"Vandværket, intern note {n}", visibility=V.STAFF)
    write_note(world.contact, title="Vandværket, offentlig note", visibility=V.PUBLIC)

    results = search(user=world.anonymous, query="vandværket")

    assert [hit.title for hit in results.hits] == ["Vandværket, offentlig note"]
    assert (results.count, results.pages, results.capped) == (1, 1, False)
    assert search(user=world.anonymous, query="vandværket", page=2).hits == results.hits


def test_an_area_filter_does_not_show_another_councils_notes(content):
    assert titles(content.council_glud, "vandværket", area=content.juelsminde) == []
    assert set(titles(content.council_juelsminde, "vandværket", area=content.juelsminde)) == {
        NOTE_COUNCIL_JUELSMINDE, INQUIRY_JUELSMINDE_SHARED, CONSULTATION_JUELSMINDE}


# --- who knows -------------------------------------------------------------------------------

def test_who_knows_tells_the_public_only_of_public_notes(content):
    for role in ["anonymous", "outsider"]:
        [expert] = who_knows(user=getattr(content, role), query="vandværket")
        assert expert.employee == content.contact.employee
        assert expert.reasons == [("author", "note", 1)]


def test_who_knows_tells_a_council_member_only_of_what_the_council_sees(content):
    experts = {e.employee.name: sorted(e.reasons)
               for e in who_knows(user=content.council_juelsminde, query="vandværket")}

    assert experts == {
        "Anders Anden": [("author", "note", 1), ("handler", "inquiry", 1)],
        "Lise Lokal": [("author", "note", 1)],
        "Karin Koordinator": [("requester", "consultation", 1)],
    }


def test_who_knows_finds_nobody_for_a_word_the_user_may_not_see(content):
    assert who_knows(user=content.council_glud, query="svovl") == []
    assert who_knows(user=content.anonymous, query="svovl") == []
    [expert] = who_knows(user=content.coordinator, query="svovl")
    assert expert.employee == content.contact.employee


# --- visibility follows the roles as they are now ---------------------------------------------

def test_a_colleague_finds_an_inquiry_once_it_is_forwarded_to_them(content):
    inquiry = Inquiry.objects.get(subject=INQUIRY_GLUD)
    assert INQUIRY_GLUD not in titles(content.colleague, "vandværket")

    inquiry_forward(inquiry=inquiry, employee=content.colleague.employee,
                    actor=content.contact)

    assert INQUIRY_GLUD in titles(content.colleague, "vandværket")
    assert titles(content.colleague, "svovl") == [INQUIRY_GLUD]


def test_an_employee_finds_an_inquiry_forwarded_to_their_core_area(content):
    core_area = CoreAreaFactory(name="Teknik og Miljø")
    engineer = UserFactory(username="ingenioer")
    EmployeeFactory(user=engineer, name="Ingrid Ingeniør", core_area=core_area)
    assert titles(engineer, "svovl") == []

    inquiry_forward_to_core_area(inquiry=Inquiry.objects.get(subject=INQUIRY_GLUD),
                                 core_area=core_area, actor=content.contact)

    assert titles(engineer, "svovl") == [INQUIRY_GLUD]


def test_a_contact_whose_assignment_ended_finds_only_what_they_handle(content):
    # The Glud inquiries and the consultation's task were routed to the contact: they still
    # handle those. A new inquiry of the area is routed to nobody, so they no longer find it.
    Assignment.objects.filter(employee=content.contact.employee).update(
        ends_on=datetime.date(2025, 6, 30))
    submit_inquiry(area=content.glud, subject="Vandværket i Glud: ny henvendelse")

    assert set(titles(content.contact, "vandværket")) == NOTES | {
        INQUIRY_GLUD, INQUIRY_GLUD_SHARED, CONSULTATION_GLUD}
    assert "Vandværket i Glud: ny henvendelse" in titles(content.coordinator, "vandværket")


def test_a_contact_finds_the_inquiries_of_an_area_they_took_over(content):
    new = "Vandværket i Juelsminde: ny henvendelse"
    submit_inquiry(area=content.juelsminde, subject=new)
    assert new not in titles(content.contact, "vandværket")

    Assignment.objects.create(area=content.juelsminde, employee=content.contact.employee,
                              role=AssignmentRole.DEPUTY, starts_on=datetime.date(2025, 1, 2))

    assert {new, INQUIRY_JUELSMINDE_SHARED, CONSULTATION_JUELSMINDE} <= set(
        titles(content.contact, "vandværket"))


def test_a_former_council_member_finds_public_notes_only(content):
    member = content.council_glud.council_member
    member.is_active = False
    member.save()

    assert set(titles(content.council_glud, "vandværket")) == {NOTE_PUBLIC}


def test_an_inactive_employee_finds_public_notes_only(content):
    content.contact.employee.is_active = False
    content.contact.employee.save()

    results = search(user=content.contact, query="vandværket")

    assert {hit.title for hit in results.hits} == {NOTE_PUBLIC}
    assert results.count == 1


def test_an_inquiry_shared_later_is_found_by_the_council(content):
    Inquiry.objects.filter(subject=INQUIRY_GLUD).update(shared_with_council=True)

    assert titles(content.council_glud, "svovl") == [INQUIRY_GLUD]
