# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""The write services for local areas: every change is validated, saved once and logged as an AreaEvent."""

import datetime
from pathlib import Path

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone, translation

import lokalkontakt
from lokalkontakt.areas import selectors, services
from lokalkontakt.areas.models import AreaEvent, Assignment, AssignmentRole, LocalArea, Participation
from tests.areas.factories import AssignmentFactory, CouncilFactory, LocalAreaFactory
from tests.people.factories import EmployeeFactory

pytestmark = pytest.mark.django_db

DANISH_CATALOGUE = Path(lokalkontakt.__file__).parent / "locale" / "da" / "LC_MESSAGES" / "django.mo"
JAN_2 = datetime.date(2024, 1, 2)
MARCH_1 = datetime.date(2025, 3, 1)


@pytest.fixture
def english():
    """Exact messages are asserted in English; the Danish catalogue may not be compiled yet."""
    with translation.override("en"):
        yield


@pytest.fixture
def glud(db):
    return LocalAreaFactory(name="Glud")


@pytest.fixture
def lise(db):
    return EmployeeFactory(name="Lise Lokal")


def messages_of(error: pytest.ExceptionInfo) -> dict:
    return error.value.message_dict


def events_of(area, kind):
    return list(AreaEvent.objects.filter(area=area, kind=kind).order_by("pk"))


# --- assignment_create -------------------------------------------------------------------------


def answer(area, participation):
    LocalArea.objects.filter(pk=area.pk).update(participation=participation,
                                                participation_date=JAN_2)
    area.refresh_from_db()
    return area


def test_the_coordinator_is_asked_before_assigning_where_the_council_has_not_said_yes(
        glud, lise, english):
    with pytest.raises(ValidationError) as error:
        services.assignment_create(area=glud, employee=lise, role=AssignmentRole.PRIMARY,
                                   council_confirmed=False)

    assert messages_of(error) == {"council_confirmed": [
        "The local council has not said yes to having a local contact. Assign anyway? Tick "
        "“Assign anyway”, or record the council's answer first."]}
    assert not Assignment.objects.exists()
    assert not events_of(glud, AreaEvent.Kind.ASSIGNED)


def test_a_confirmed_assignment_without_the_councils_yes_says_so_on_its_event(glud, lise, english):
    services.assignment_create(area=glud, employee=lise, role=AssignmentRole.PRIMARY,
                               starts_on=MARCH_1, council_confirmed=True)

    [event] = events_of(glud, AreaEvent.Kind.ASSIGNED)
    assert event.data == {"employee": "Lise Lokal", "role": "primary", "date": "2025-03-01",
                          "council_answer": "unknown"}
    assert event.text.endswith(" The council had not said yes; assigned anyway.")


def test_where_the_council_said_no_the_reason_is_required_and_recorded(glud, lise, english):
    answer(glud, Participation.DECLINED)

    with pytest.raises(ValidationError) as error:
        services.assignment_create(area=glud, employee=lise, role=AssignmentRole.PRIMARY,
                                   council_confirmed=True, council_reason="  ")
    assert messages_of(error) == {"council_reason": [
        "Give the reason for assigning a contact although the council has said no."]}
    assert not Assignment.objects.exists()

    services.assignment_create(area=glud, employee=lise, role=AssignmentRole.PRIMARY,
                               council_confirmed=True, council_reason="Rådet har ombestemt sig")

    [event] = events_of(glud, AreaEvent.Kind.ASSIGNED)
    assert (event.data["council_answer"], event.data["reason"]) == (
        "declined", "Rådet har ombestemt sig")
    assert event.text.endswith(" The council had said no; assigned anyway. Reason: Rådet har "
                               "ombestemt sig")


def test_where_the_council_said_yes_nothing_is_asked(glud, lise):
    answer(glud, Participation.INTERESTED)

    services.assignment_create(area=glud, employee=lise, role=AssignmentRole.PRIMARY,
                               starts_on=MARCH_1, council_confirmed=False)

    [event] = events_of(glud, AreaEvent.Kind.ASSIGNED)
    assert event.data == {"employee": "Lise Lokal", "role": "primary", "date": "2025-03-01"}


def test_an_import_or_a_handover_is_not_asked_about_the_council(glud, lise):
    answer(glud, Participation.DECLINED)

    services.assignment_create(area=glud, employee=lise, role=AssignmentRole.PRIMARY,
                               onboard=False)

    assert glud.primary_assignment.employee == lise


def test_assignment_create_makes_the_employee_the_areas_contact(glud, lise, coordinator):
    assignment = services.assignment_create(area=glud, employee=lise, role=AssignmentRole.PRIMARY,
                                            starts_on=JAN_2, actor=coordinator)

    assert assignment.starts_on == JAN_2 and assignment.ends_on is None
    assert LocalArea.objects.get(pk=glud.pk).primary_assignment.employee == lise


def test_assignment_create_logs_who_became_contact_and_from_when(glud, lise, coordinator):
    services.assignment_create(area=glud, employee=lise, role=AssignmentRole.PRIMARY,
                               starts_on=JAN_2, actor=coordinator)

    [event] = events_of(glud, AreaEvent.Kind.ASSIGNED)
    assert event.data == {"employee": "Lise Lokal", "role": "primary", "date": "2024-01-02"}
    assert event.actor == coordinator


def test_assignment_create_makes_a_deputy_beside_the_contact(glud, lise):
    AssignmentFactory(area=glud, employee__name="Susanne Ernst")

    services.assignment_create(area=glud, employee=lise, role=AssignmentRole.DEPUTY, starts_on=JAN_2)

    area = LocalArea.objects.get(pk=glud.pk)
    assert area.deputy_assignment.employee == lise
    assert area.primary_assignment.employee.name == "Susanne Ernst"
    [event] = events_of(glud, AreaEvent.Kind.ASSIGNED)
    assert event.data["role"] == "deputy"


def test_assignment_create_starts_today_when_no_date_is_given(glud, lise):
    assignment = services.assignment_create(area=glud, employee=lise, role=AssignmentRole.PRIMARY)

    assert assignment.starts_on == timezone.localdate()


def test_assignment_create_refuses_an_occupied_role_naming_the_holder(glud, lise, english):
    AssignmentFactory(area=glud, employee__name="Susanne Ernst")
    events_before = AreaEvent.objects.count()

    with pytest.raises(ValidationError) as error:
        services.assignment_create(area=glud, employee=lise, role=AssignmentRole.PRIMARY,
                                   starts_on=JAN_2)

    assert messages_of(error) == {"employee": [
        "Glud already has Susanne Ernst in this role. End that assignment first, "
        "or choose to replace it."]}
    assert Assignment.objects.filter(area=glud).count() == 1
    assert AreaEvent.objects.count() == events_before


def test_assignment_create_with_replace_ends_the_holder_on_the_new_start_date(glud, lise, coordinator):
    old = AssignmentFactory(area=glud, employee__name="Susanne Ernst", starts_on=JAN_2)

    services.assignment_create(area=glud, employee=lise, role=AssignmentRole.PRIMARY,
                               starts_on=MARCH_1, replace=True, actor=coordinator)

    old.refresh_from_db()
    assert old.ends_on == MARCH_1
    history = [(a.employee.name, a.starts_on, a.ends_on)
               for a in selectors.area_assignment_history(area=glud)]
    assert history == [("Lise Lokal", MARCH_1, None), ("Susanne Ernst", JAN_2, MARCH_1)]


def test_assignment_create_with_replace_logs_the_end_and_the_new_contact(glud, lise, coordinator):
    AssignmentFactory(area=glud, employee__name="Susanne Ernst", starts_on=JAN_2)

    services.assignment_create(area=glud, employee=lise, role=AssignmentRole.PRIMARY,
                               starts_on=MARCH_1, replace=True, actor=coordinator)

    events = [(e.kind, e.data["employee"], e.actor)
              for e in AreaEvent.objects.filter(area=glud).order_by("pk")]
    assert events == [(AreaEvent.Kind.ENDED, "Susanne Ernst", coordinator),
                      (AreaEvent.Kind.ASSIGNED, "Lise Lokal", coordinator)]


def test_assignment_create_refuses_a_start_date_in_the_future(glud, lise, english):
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)

    with pytest.raises(ValidationError) as error:
        services.assignment_create(area=glud, employee=lise, role=AssignmentRole.PRIMARY,
                                   starts_on=tomorrow)

    assert messages_of(error) == {"starts_on": ["The start date cannot be in the future."]}
    assert not Assignment.objects.exists()


def test_assignment_create_refuses_an_inactive_employee(glud, english):
    former = EmployeeFactory(name="Frank Kjær", is_active=False)

    with pytest.raises(ValidationError) as error:
        services.assignment_create(area=glud, employee=former, role=AssignmentRole.PRIMARY)

    assert messages_of(error) == {"employee": ["Frank Kjær is no longer active."]}
    assert not Assignment.objects.exists()


def test_assignment_create_refuses_the_same_person_in_both_roles(glud, lise, english):
    AssignmentFactory(area=glud, employee=lise)

    with pytest.raises(ValidationError) as error:
        services.assignment_create(area=glud, employee=lise, role=AssignmentRole.DEPUTY)

    assert messages_of(error) == {"employee": ["Lise Lokal already covers Glud in another role."]}
    assert Assignment.objects.filter(area=glud).count() == 1


def test_assignment_create_refuses_giving_the_holder_the_same_role_again(glud, lise, english):
    AssignmentFactory(area=glud, employee=lise)

    with pytest.raises(ValidationError) as error:
        services.assignment_create(area=glud, employee=lise, role=AssignmentRole.PRIMARY,
                                   replace=True)

    assert messages_of(error) == {"employee": ["Lise Lokal already has this role in Glud."]}
    assert Assignment.objects.get(area=glud).ends_on is None


# --- assignment_end ----------------------------------------------------------------------------


def test_assignment_end_sets_the_last_day_and_keeps_the_assignment(glud, lise):
    assignment = AssignmentFactory(area=glud, employee=lise, starts_on=JAN_2)

    services.assignment_end(assignment=assignment, ends_on=MARCH_1)

    assignment.refresh_from_db()
    assert assignment.ends_on == MARCH_1
    assert LocalArea.objects.get(pk=glud.pk).primary_assignment is None
    assert list(selectors.area_assignment_history(area=glud)) == [assignment]


def test_assignment_end_logs_who_stopped_and_when(glud, lise, coordinator):
    assignment = AssignmentFactory(area=glud, employee=lise, starts_on=JAN_2)

    services.assignment_end(assignment=assignment, ends_on=MARCH_1, actor=coordinator)

    [event] = events_of(glud, AreaEvent.Kind.ENDED)
    assert event.data == {"employee": "Lise Lokal", "role": "primary", "date": "2025-03-01"}
    assert event.actor == coordinator


def test_assignment_end_ends_today_when_no_date_is_given(glud, lise):
    assignment = AssignmentFactory(area=glud, employee=lise, starts_on=JAN_2)

    services.assignment_end(assignment=assignment)

    assignment.refresh_from_db()
    assert assignment.ends_on == timezone.localdate()


def test_assignment_end_refuses_a_date_before_the_start(glud, lise, english):
    assignment = AssignmentFactory(area=glud, employee=lise, starts_on=MARCH_1)

    with pytest.raises(ValidationError) as error:
        services.assignment_end(assignment=assignment, ends_on=JAN_2)

    assert messages_of(error) == {
        "ends_on": ["The end date cannot be before the start date (01/03/2025)."]}
    assignment.refresh_from_db()
    assert assignment.ends_on is None


def test_assignment_end_refuses_a_date_in_the_future(glud, lise, english):
    assignment = AssignmentFactory(area=glud, employee=lise)

    with pytest.raises(ValidationError) as error:
        services.assignment_end(assignment=assignment,
                                ends_on=timezone.localdate() + datetime.timedelta(days=1))

    assert messages_of(error) == {"ends_on": ["The end date cannot be in the future."]}


def test_assignment_end_refuses_an_assignment_that_has_already_ended(glud, lise, english):
    assignment = AssignmentFactory(area=glud, employee=lise, starts_on=JAN_2)
    services.assignment_end(assignment=assignment, ends_on=MARCH_1)

    with pytest.raises(ValidationError) as error:
        services.assignment_end(assignment=assignment)

    assert error.value.messages == ["This assignment has already ended."]
    assignment.refresh_from_db()
    assert assignment.ends_on == MARCH_1
    assert len(events_of(glud, AreaEvent.Kind.ENDED)) == 1


def test_assignment_end_clears_a_handover_that_was_due(glud, lise):
    assignment = AssignmentFactory(area=glud, employee=lise, handover=True)

    services.assignment_end(assignment=assignment)

    assignment.refresh_from_db()
    assert assignment.handover_due is False


# --- handover_mark -----------------------------------------------------------------------------


def test_handover_mark_marks_the_contacts_handover_as_due(glud, lise, coordinator):
    assignment = AssignmentFactory(area=glud, employee=lise)

    services.handover_mark(assignment=assignment, due=True, actor=coordinator)

    assignment.refresh_from_db()
    assert assignment.handover_due is True
    [event] = events_of(glud, AreaEvent.Kind.HANDOVER_DUE)
    assert event.data == {"employee": "Lise Lokal"}
    assert event.actor == coordinator


def test_handover_mark_clears_a_due_handover(glud, lise, coordinator):
    assignment = AssignmentFactory(area=glud, employee=lise, handover=True)

    services.handover_mark(assignment=assignment, due=False, actor=coordinator)

    assignment.refresh_from_db()
    assert assignment.handover_due is False
    [event] = events_of(glud, AreaEvent.Kind.HANDOVER_CLEARED)
    assert event.data == {"employee": "Lise Lokal"}


def test_handover_mark_writes_nothing_when_the_state_is_unchanged(glud, lise):
    assignment = AssignmentFactory(area=glud, employee=lise, handover=True)

    services.handover_mark(assignment=assignment, due=True)

    assert not AreaEvent.objects.filter(area=glud).exists()


def test_handover_mark_refuses_a_deputys_assignment(glud, lise, english):
    assignment = AssignmentFactory(area=glud, employee=lise, deputy=True)

    with pytest.raises(ValidationError) as error:
        services.handover_mark(assignment=assignment, due=True)

    assert error.value.messages == ["Only the contact's assignment can be handed over."]
    assignment.refresh_from_db()
    assert assignment.handover_due is False


def test_handover_mark_refuses_an_ended_assignment(glud, lise, english):
    assignment = AssignmentFactory(area=glud, employee=lise, ended=True)

    with pytest.raises(ValidationError) as error:
        services.handover_mark(assignment=assignment, due=True)

    assert error.value.messages == ["This assignment has already ended."]


# --- participation_record ----------------------------------------------------------------------


def test_participation_record_saves_the_councils_answer_and_date(glud, coordinator):
    services.participation_record(area=glud, answer=Participation.DECLINED, answered_on=MARCH_1,
                                  note="Vi klarer os selv.", actor=coordinator)

    glud.refresh_from_db()
    assert (glud.participation, glud.participation_date, glud.participation_note) == (
        Participation.DECLINED, MARCH_1, "Vi klarer os selv.")
    [event] = events_of(glud, AreaEvent.Kind.PARTICIPATION)
    assert event.data == {"answer": "declined", "date": "2025-03-01"}
    assert event.actor == coordinator


def test_participation_record_accepts_not_answered_without_a_date_and_drops_the_old_date(glud):
    services.participation_record(area=glud, answer=Participation.INTERESTED, answered_on=JAN_2)

    services.participation_record(area=glud, answer=Participation.UNKNOWN, answered_on=MARCH_1)

    glud.refresh_from_db()
    assert (glud.participation, glud.participation_date) == (Participation.UNKNOWN, None)
    assert events_of(glud, AreaEvent.Kind.PARTICIPATION)[-1].data == {"answer": "unknown",
                                                                     "date": None}


def test_participation_record_needs_the_date_of_an_answer(glud, english):
    with pytest.raises(ValidationError) as error:
        services.participation_record(area=glud, answer=Participation.INTERESTED, answered_on=None)

    assert messages_of(error) == {"answered_on": ["Give the date of the answer."]}
    glud.refresh_from_db()
    assert glud.participation == Participation.UNKNOWN
    assert not events_of(glud, AreaEvent.Kind.PARTICIPATION)


def test_participation_record_refuses_a_date_in_the_future(glud, english):
    with pytest.raises(ValidationError) as error:
        services.participation_record(area=glud, answer=Participation.INTERESTED,
                                      answered_on=timezone.localdate() + datetime.timedelta(days=1))

    assert messages_of(error) == {"answered_on": ["The date cannot be in the future."]}


def test_participation_record_refuses_an_unknown_answer(glud, english):
    with pytest.raises(ValidationError) as error:
        services.participation_record(area=glud, answer="maybe", answered_on=JAN_2)

    assert messages_of(error) == {"answer": ["Choose one of the answers."]}


# --- area_create / area_update -----------------------------------------------------------------


def test_area_create_spells_out_danish_letters_in_the_slug_and_logs_the_creation(coordinator):
    area = services.area_create(name="Øster Snede", actor=coordinator, postcodes="8723")

    assert area.slug == "oester-snede"
    [event] = events_of(area, AreaEvent.Kind.CREATED)
    assert event.actor == coordinator


def test_area_create_gives_a_clashing_slug_a_number():
    LocalAreaFactory(name="Rask Mølle", slug="rask-moelle")

    area = services.area_create(name="Rask-Mølle")

    assert area.slug == "rask-moelle-2"


def test_area_update_records_which_fields_changed_and_by_whom(glud, coordinator):
    services.area_update(area=glud, actor=coordinator, population=1200, towns="Glud; Sønderby",
                         parish=glud.parish)

    glud.refresh_from_db()
    assert (glud.population, glud.towns) == (1200, "Glud; Sønderby")
    [event] = events_of(glud, AreaEvent.Kind.UPDATED)
    assert event.data == {"fields": ["population", "towns"]}
    assert event.actor == coordinator


def test_area_update_records_the_councils_changed_fields(coordinator):
    council = CouncilFactory(area__name="Glud", email="gammel@example.dk")

    services.area_update(area=council.area, actor=coordinator,
                         council={"name": council.name, "email": "ny@example.dk"})

    council.refresh_from_db()
    assert council.email == "ny@example.dk"
    [event] = events_of(council.area, AreaEvent.Kind.UPDATED)
    assert event.data == {"fields": ["council_email"]}


def test_area_update_finds_the_changes_even_when_the_instance_was_already_changed(glud, coordinator):
    # A ModelForm writes the submitted values onto its instance before the service runs.
    glud.population = 640

    services.area_update(area=glud, actor=coordinator, population=640)

    [event] = events_of(glud, AreaEvent.Kind.UPDATED)
    assert event.data == {"fields": ["population"]}


def test_area_update_writes_no_event_when_nothing_changed(glud, coordinator):
    services.area_update(area=glud, actor=coordinator, towns=glud.towns, postcodes=glud.postcodes)

    assert not events_of(glud, AreaEvent.Kind.UPDATED)


def test_area_update_refuses_a_malformed_postcode_and_saves_nothing(glud, english):
    with pytest.raises(ValidationError) as error:
        services.area_update(area=glud, postcodes="713", population=99)

    assert messages_of(error) == {
        "postcodes": ["Postcodes are four digits, separated by spaces (e.g. 7130 8722)."]}
    stored = LocalArea.objects.get(pk=glud.pk)
    assert (stored.postcodes, stored.population) == ("7130", None)
    assert not events_of(glud, AreaEvent.Kind.UPDATED)


# --- the sentences of the history --------------------------------------------------------------


def test_event_sentences_read_in_english(glud, lise, coordinator):
    assignment = services.assignment_create(area=glud, employee=lise, role=AssignmentRole.PRIMARY,
                                            starts_on=JAN_2, actor=coordinator)
    services.handover_mark(assignment=assignment, due=True, actor=coordinator)
    services.assignment_end(assignment=assignment, ends_on=MARCH_1, actor=coordinator)
    services.participation_record(area=glud, answer=Participation.DECLINED, answered_on=MARCH_1)
    services.area_update(area=glud, population=640, council={"name": "Glud Lokalråd",
                                                             "email": "glud@example.dk"})

    with translation.override("en"):
        texts = [event.text for event in AreaEvent.objects.filter(area=glud).order_by("pk")]

    assert texts == [
        "Lise Lokal is contact from 02/01/2024.",
        "Handover from Lise Lokal to a new contact is due.",
        "Lise Lokal is no longer contact from 01/03/2025.",
        "The council's answer: Declined (01/03/2025).",
        "Changed: population, council's name, council's e-mail.",
    ]


@pytest.mark.skipif(not DANISH_CATALOGUE.exists(), reason="Danish translations not compiled yet")
def test_event_sentences_read_in_danish_with_danish_dates(glud, lise):
    services.assignment_create(area=glud, employee=lise, role=AssignmentRole.PRIMARY,
                               starts_on=JAN_2)
    event = AreaEvent.objects.get(area=glud, kind=AreaEvent.Kind.ASSIGNED)

    with translation.override("da"):
        text = event.text
    with translation.override("en"):
        english_text = event.text

    assert "Lise Lokal" in text and "02.01.2024" in text
    assert text != english_text


# --- database constraints ----------------------------------------------------------------------


def test_the_database_refuses_two_active_contacts_for_one_area(glud):
    AssignmentFactory(area=glud)

    with pytest.raises(IntegrityError), transaction.atomic():
        AssignmentFactory(area=glud)


def test_the_database_allows_a_new_contact_once_the_old_assignment_has_ended(glud):
    AssignmentFactory(area=glud, ended=True)

    AssignmentFactory(area=glud)

    assert Assignment.objects.filter(area=glud).count() == 2


def test_the_database_refuses_an_assignment_that_ends_before_it_starts(glud):
    with pytest.raises(IntegrityError), transaction.atomic():
        AssignmentFactory(area=glud, starts_on=MARCH_1, ends_on=JAN_2)
