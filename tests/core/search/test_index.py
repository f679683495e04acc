# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""The index stays right through every write: the services index in their own transaction, and
rebuild() and catch_up() repair what was written around them."""

import pytest
from django.core.exceptions import ValidationError
from django.db import transaction

from lokalkontakt.areas import services as areas
from lokalkontakt.areas.models import AssignmentRole
from lokalkontakt.core.models import FocusArea, SearchEntry
from lokalkontakt.core.search.index import catch_up, rebuild
from lokalkontakt.core.search.query import search, who_knows
from lokalkontakt.inquiries.services.forwarding import inquiry_forward, inquiry_reassign
from lokalkontakt.inquiries.services.handling import inquiry_close, inquiry_comment, inquiry_tag
from lokalkontakt.inquiries.services.replies import inquiry_reply
from lokalkontakt.knowledge import services as knowledge
from lokalkontakt.knowledge.models import Note
from tests.core.search.conftest import (
    create_consultation,
    edit_note,
    employee_user,
    submit_inquiry,
    titles,
    write_note,
)
from tests.people.factories import EmployeeFactory


def names(experts) -> list[str]:
    return [expert.employee.name for expert in experts]


# --- notes ----------------------------------------------------------------------------------------

def test_an_edited_note_is_found_by_its_new_title_only(world):
    note = write_note(world.contact, title="Vandværket", text="Drift og vedligehold",
                      area=world.glud)

    edit_note(note, world.contact, title="Kloakken")

    assert titles(world.colleague, "vandværket") == []
    assert titles(world.colleague, "kloakken") == ["Kloakken"]
    assert SearchEntry.objects.filter(kind="note").count() == 1


def test_an_edited_note_is_found_by_its_new_text_only(world):
    note = write_note(world.contact, title="Referat", text="Vi talte om vandværket")

    edit_note(note, world.contact, text="Vi talte om gadelygterne")

    assert titles(world.colleague, "vandværk") == []
    assert titles(world.colleague, "gadelygte") == ["Referat"]


def test_a_deleted_note_is_found_no_more(world):
    note = write_note(world.contact, title="Vandværket", area=world.glud)

    knowledge.note_delete(note=note, actor=world.contact)

    assert titles(world.coordinator, "vandværket") == []
    assert search(user=world.coordinator, query="vandværket").count == 0
    assert who_knows(user=world.coordinator, query="vandværket") == []
    assert not SearchEntry.objects.filter(kind="note").exists()


def test_a_moved_note_is_found_under_its_new_area_only(world):
    note = write_note(world.contact, title="Vandværket", area=world.glud)

    edit_note(note, world.contact, area=world.juelsminde)

    assert titles(world.colleague, "vandværket", area=world.juelsminde) == ["Vandværket"]
    assert titles(world.colleague, "vandværket", area=world.glud) == []
    [hit] = search(user=world.colleague, query="vandværket").hits
    assert hit.area == "Juelsminde"


def test_a_note_made_internal_is_no_longer_found_by_the_public(world):
    note = write_note(world.contact, title="Vandværket", visibility=Note.Visibility.PUBLIC,
                      area=world.glud)
    assert titles(world.anonymous, "vandværket") == ["Vandværket"]

    edit_note(note, world.contact, visibility=Note.Visibility.STAFF)

    assert titles(world.anonymous, "vandværket") == []
    assert search(user=world.anonymous, query="vandværket").count == 0
    assert titles(world.colleague, "vandværket") == ["Vandværket"]


def test_a_note_tagged_with_a_focus_area_is_found_under_it(world):
    first, second = FocusArea.objects.order_by("number")[:2]
    note = write_note(world.contact, title="Vandværket", focus_areas=[first])

    edit_note(note, world.contact, focus_areas=[second])

    assert titles(world.colleague, "vandværket", focus_area=second) == ["Vandværket"]
    assert titles(world.colleague, "vandværket", focus_area=first) == []


def test_a_refused_edit_leaves_the_index_as_it_was(world):
    note = write_note(world.contact, title="Vandværket", area=world.glud)
    stale = Note.objects.get(pk=note.pk)
    edit_note(note, world.contact, title="Kloakken")

    with pytest.raises(ValidationError) as refused:
        edit_note(stale, world.coordinator, title="Legepladsen")

    assert refused.value.code == "conflict"
    assert titles(world.colleague, "kloakken") == ["Kloakken"]
    assert titles(world.colleague, "legepladsen") == []


def test_a_rolled_back_edit_leaves_the_index_as_it_was(world):
    note = write_note(world.contact, title="Vandværket", area=world.glud)

    with pytest.raises(RuntimeError), transaction.atomic():
        edit_note(note, world.contact, title="Kloakken", area=world.juelsminde)
        assert titles(world.colleague, "kloakken") == ["Kloakken"]  # inside: already indexed
        raise RuntimeError("a later step of the request fails")

    assert titles(world.colleague, "kloakken") == []
    assert titles(world.colleague, "vandværket", area=world.glud) == ["Vandværket"]


def test_a_rolled_back_delete_leaves_the_note_findable(world):
    note = write_note(world.contact, title="Vandværket")

    with pytest.raises(RuntimeError), transaction.atomic():
        knowledge.note_delete(note=note, actor=world.contact)
        raise RuntimeError("a later step of the request fails")

    assert titles(world.colleague, "vandværket") == ["Vandværket"]


def test_a_refused_note_leaves_nothing_in_the_index(world):
    with pytest.raises(ValidationError):
        write_note(world.contact, title="Vandværket", visibility=Note.Visibility.COUNCIL, area=None)

    assert titles(world.coordinator, "vandværket") == []
    assert not SearchEntry.objects.exists()


# --- inquiries -------------------------------------------------------------------------------------

def test_a_reply_makes_its_text_findable(world):
    inquiry = submit_inquiry(area=world.glud, subject="Vejbump", text="Bilerne kører for stærkt")
    assert titles(world.contact, "fartdæmpning") == []

    inquiry_reply(inquiry=inquiry, text="Kommunen planlægger fartdæmpning.",
                  actor=world.contact)

    assert titles(world.contact, "fartdæmpning") == ["Vejbump"]


def test_the_outcome_of_a_closed_inquiry_is_findable(world):
    inquiry = submit_inquiry(area=world.glud, subject="Vejbump", text="Bilerne kører for stærkt")

    inquiry_close(inquiry=inquiry, outcome="Der kommer chikaner i foråret.",
                  actor=world.contact)

    assert titles(world.contact, "chikaner") == ["Vejbump"]


def test_an_internal_comment_is_not_findable(world):
    inquiry = submit_inquiry(area=world.glud, subject="Vejbump", text="Bilerne kører for stærkt")
    inquiry_comment(inquiry=inquiry, text="Borgeren er kendt af politiet.",
                    actor=world.contact)
    inquiry_reply(inquiry=inquiry, text="Tak for henvendelsen.", actor=world.contact)

    assert titles(world.coordinator, "politiet") == []


def test_the_submitters_name_and_address_are_not_findable(world):
    submit_inquiry(area=world.glud, subject="Vejbump", text="Bilerne kører for stærkt",
                   name="Hjalmar Hemmeligsen", email="hjalmar@hemmelig.dk")

    assert titles(world.coordinator, "Hemmeligsen") == []
    assert titles(world.coordinator, "hjalmar") == []


def test_after_reassigning_who_knows_names_the_new_handler(world):
    inquiry = submit_inquiry(area=world.glud, subject="Vejbump", text="Bilerne kører for stærkt")
    assert names(who_knows(user=world.coordinator, query="vejbump")) == ["Lise Lokal"]

    inquiry_reassign(inquiry=inquiry, employee=world.colleague.employee,
                     actor=world.coordinator)

    [expert] = who_knows(user=world.coordinator, query="vejbump")
    assert expert.employee == world.colleague.employee
    assert expert.reasons == [("handler", "inquiry", 1)]


def test_after_forwarding_who_knows_names_both(world):
    inquiry = submit_inquiry(area=world.glud, subject="Vejbump", text="Bilerne kører for stærkt")

    inquiry_forward(inquiry=inquiry, employee=world.colleague.employee,
                    actor=world.contact)

    assert sorted(names(who_knows(user=world.coordinator, query="vejbump"))) == [
        "Kalle Kollega", "Lise Lokal"]


def test_a_tagged_inquiry_is_found_under_its_focus_area(world):
    focus = FocusArea.objects.order_by("number").first()
    inquiry = submit_inquiry(area=world.glud, subject="Vejbump", text="Bilerne kører for stærkt")
    assert titles(world.coordinator, "vejbump", focus_area=focus) == []

    inquiry_tag(inquiry=inquiry, focus_areas=[focus], actor=world.contact)

    assert titles(world.coordinator, "vejbump", focus_area=focus) == ["Vejbump"]


# --- consultations ---------------------------------------------------------------------------------

def test_a_consultation_is_found_under_each_asked_area(world):
    create_consultation(actor=world.colleague, title="Planstrategi 2026",
                        description="Kommenter planstrategien", areas=[world.glud])

    assert titles(world.coordinator, "planstrategi", area=world.glud) == ["Planstrategi 2026"]
    assert titles(world.coordinator, "planstrategi", area=world.juelsminde) == []
    assert names(who_knows(user=world.coordinator, query="planstrategi")) == ["Kalle Kollega"]


# --- areas and assignments -------------------------------------------------------------------------

@pytest.fixture
def rarup(world):
    return areas.area_create(name="Rårup", towns="Rårup;Stouby", postcodes="7130",
                             parish="Rårup Sogn", actor=world.coordinator)


def test_a_new_area_is_found_by_its_towns_and_postcode(world, rarup):
    assert titles(world.anonymous, "stouby") == ["Rårup"]
    assert titles(world.anonymous, "7130") == ["Rårup"]


def test_a_renamed_area_is_found_by_its_new_name_only(world, rarup):
    areas.area_update(area=rarup, name="Rårup-Stouby", towns="Stouby", actor=world.coordinator)

    assert titles(world.anonymous, "stouby") == ["Rårup-Stouby"]
    assert titles(world.anonymous, "rårup") == ["Rårup-Stouby"]  # in the new name still
    areas.area_update(area=rarup, name="Stouby", towns="Stouby", parish="Stouby Sogn",
                      actor=world.coordinator)
    assert titles(world.anonymous, "rårup") == []


def test_a_new_contact_is_named_by_who_knows_the_area(world, rarup):
    assert who_knows(user=world.coordinator, query="stouby") == []

    areas.assignment_create(area=rarup, employee=world.colleague.employee,
                            role=AssignmentRole.PRIMARY, actor=world.coordinator)

    [expert] = who_knows(user=world.coordinator, query="stouby")
    assert expert.employee == world.colleague.employee
    assert expert.reasons == [("contact", "area", 1)]


def test_an_ended_assignment_is_no_longer_named_by_who_knows(world, rarup):
    assignment = areas.assignment_create(area=rarup, employee=world.colleague.employee,
                                         role=AssignmentRole.PRIMARY, actor=world.coordinator)

    areas.assignment_end(assignment=assignment, actor=world.coordinator)

    assert who_knows(user=world.coordinator, query="stouby") == []


def test_a_replaced_contact_gives_way_to_the_new_one(world, rarup):
    areas.assignment_create(area=rarup, employee=world.colleague.employee,
                            role=AssignmentRole.PRIMARY, actor=world.coordinator)
    newcomer = employee_user("ny", "Nina Ny")

    areas.assignment_create(area=rarup, employee=newcomer.employee, role=AssignmentRole.PRIMARY,
                            replace=True, actor=world.coordinator)

    assert names(who_knows(user=world.coordinator, query="stouby")) == ["Nina Ny"]


def test_an_inactive_employee_is_not_named_by_who_knows(world):
    write_note(world.contact, title="Vandværket")
    world.contact.employee.is_active = False
    world.contact.employee.save()

    assert who_knows(user=world.coordinator, query="vandværket") == []


# --- rebuild and catch_up ----------------------------------------------------------------------------

@pytest.fixture
def indexed(world):
    """One of each kind, written through the services; the periodic catch_up has indexed the
    areas the factories made (Glud, Juelsminde)."""
    areas.area_create(name="Rårup", towns="Rårup;Stouby", postcodes="7130", parish="Rårup Sogn",
                      actor=world.coordinator)
    write_note(world.contact, title="Vandværket i Stouby", area=world.glud)
    write_note(world.contact, title="Intern vandværksnote", area=world.glud,
               visibility=Note.Visibility.STAFF)
    inquiry = submit_inquiry(area=world.glud, subject="Vandværket lugter", shared=True)
    inquiry_reply(inquiry=inquiry, text="Vi undersøger vandværket.", actor=world.contact)
    create_consultation(actor=world.colleague, title="Vandværkets fremtid", areas=[world.glud])
    assert catch_up() == 2
    return world


QUERIES = ["vandværk", "stouby", "rårup", "undersøger", "fremtid"]
USERS = ["coordinator", "colleague", "contact", "council_glud", "anonymous"]


def snapshot(world) -> dict:
    """What each user sees for each query: titles, counts, who knows."""
    seen = {}
    for user_name in USERS:
        user = getattr(world, user_name)
        for query in QUERIES:
            results = search(user=user, query=query)
            seen[user_name, query] = (sorted(h.title for h in results.hits), results.count,
                                      sorted(names(who_knows(user=user, query=query))))
    return seen


def test_rebuild_gives_what_the_services_wrote_and_is_idempotent(indexed):
    before = snapshot(indexed)
    entries = SearchEntry.objects.count()

    assert rebuild() == entries == 7
    assert snapshot(indexed) == before
    assert rebuild() == entries
    assert snapshot(indexed) == before
    assert SearchEntry.objects.count() == entries


def test_rebuild_restores_a_deleted_entry(indexed):
    before = snapshot(indexed)
    SearchEntry.objects.filter(kind="note").delete()
    assert titles(indexed.coordinator, "vandværk", kinds=["note"]) == []

    rebuild(kinds=["note"])

    assert snapshot(indexed) == before


def test_rebuild_of_one_kind_leaves_the_others(indexed):
    rebuild(kinds=["note"])

    assert SearchEntry.objects.filter(kind="inquiry").count() == 1
    assert titles(indexed.coordinator, "undersøger") == ["Vandværket lugter"]


def test_rebuild_in_small_batches_indexes_everything(indexed):
    before = snapshot(indexed)
    done = []

    assert rebuild(batch=1, progress=lambda kind, count: done.append(kind)) == 7

    assert snapshot(indexed) == before
    assert sorted(set(done)) == ["area", "consultation", "inquiry", "note"]


def test_catch_up_restores_a_deleted_entry_and_then_changes_nothing(indexed):
    before = snapshot(indexed)
    SearchEntry.objects.filter(kind="inquiry").delete()
    assert titles(indexed.coordinator, "undersøger") == []

    assert catch_up() == 1

    assert snapshot(indexed) == before
    assert catch_up() == 0
    assert snapshot(indexed) == before


def test_catch_up_indexes_what_was_written_around_the_services(indexed):
    Note.objects.create(title="Importeret vandværksnotat", text="Fra det gamle system",
                        kind=Note.Kind.PLANS, visibility=Note.Visibility.PUBLIC,
                        author=EmployeeFactory())
    assert titles(indexed.anonymous, "importeret") == []

    assert catch_up() == 1

    assert titles(indexed.anonymous, "importeret") == ["Importeret vandværksnotat"]


def test_catch_up_drops_the_entries_of_objects_deleted_around_the_services(indexed):
    Note.objects.filter(title="Vandværket i Stouby").delete()

    assert catch_up() == 1

    assert titles(indexed.coordinator, "stouby") == ["Rårup"]
    assert search(user=indexed.coordinator, query="stouby").count == 1
    assert SearchEntry.objects.filter(kind="note").count() == 1
    assert catch_up() == 0


def test_the_search_index_command_rebuilds_and_catches_up(indexed):
    from io import StringIO

    from django.core.management import call_command

    before = snapshot(indexed)
    SearchEntry.objects.filter(kind="note").delete()
    out = StringIO()
    call_command("search_index", "--catch-up", stdout=out)
    assert "entries added or removed" in out.getvalue()
    assert snapshot(indexed) == before

    out = StringIO()
    call_command("search_index", "--kind", "note", stdout=out)
    assert out.getvalue().startswith("Search index: ")
    assert snapshot(indexed) == before
