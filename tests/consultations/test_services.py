# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""Creating, answering, correcting and closing consultations through the services: tasks,
handlers, events and the e-mails queued."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from lokalkontakt.consultations import selectors, services
from lokalkontakt.consultations.models import Consultation, ConsultationEvent, ConsultationTask
from lokalkontakt.core.models import FocusArea, OutgoingEmail
from tests.areas.factories import AssignmentFactory, CouncilFactory
from tests.conftest import site_text
from tests.consultations.conftest import create, in_days, task_of
from tests.consultations.factories import ConsultationFactory, ConsultationTaskFactory
from tests.councils.factories import CouncilMemberFactory

pytestmark = pytest.mark.django_db

Kind = ConsultationEvent.Kind
Status = ConsultationTask.Status


def test_creating_makes_one_task_per_area_routed_to_its_contact(setting):
    consultation = create(setting)

    tasks = {task.area.name: task for task in consultation.tasks.all()}
    assert set(tasks) == {"Glud", "Juelsminde", "Rårup"}
    assert tasks["Glud"].handler == setting.contact.employee
    assert tasks["Juelsminde"].handler == setting.other_contact.employee
    assert tasks["Rårup"].handler is None  # with the coordinator
    assert all(task.status == Status.WAITING for task in tasks.values())
    assert consultation.requested_by == setting.requester.employee
    assert consultation.status == Consultation.Status.OPEN


def test_creating_records_events_with_the_requester_as_actor(setting):
    consultation = create(setting)

    events = list(consultation.events.order_by("pk"))
    assert [e.kind for e in events] == [Kind.CREATED, Kind.ROUTED, Kind.ROUTED, Kind.ROUTED]
    assert {e.actor for e in events} == {setting.requester}
    routed = {e.task.area.name: e.text for e in events[1:]}
    assert routed == {"Glud": "Lise Lokal", "Juelsminde": "Anders Anden",
                      "Rårup": "the coordinator"}


def test_each_contact_and_the_coordinator_get_one_email(setting):
    consultation = create(setting)

    emails = {tuple(e.to): e for e in OutgoingEmail.objects.all()}
    council_members = {("gitte@glud.example.dk",), ("jens@juelsminde.example.dk",)}
    assert set(emails) - council_members == {
        (setting.contact.employee.email,), ("anders@example.dk",),
        (setting.coordinator.employee.email,)}
    glud = emails[(setting.contact.employee.email,)]
    assert glud.subject == site_text("Consultation %(reference)s: %(title)s",
                                     reference=consultation.reference, title="Ny trafikplan")
    assert "Glud" in glud.body and "Juelsminde" not in glud.body
    assert f"/hoeringer/opgave/{task_of(consultation, setting.glud).pk}/" in glud.body
    assert "Rårup" in emails[(setting.coordinator.employee.email,)].body


def test_a_contact_of_several_areas_gets_one_email_listing_them(setting):
    AssignmentFactory(area=setting.raarup, employee=setting.contact.employee)

    create(setting)

    [email] = OutgoingEmail.objects.filter(to=[setting.contact.employee.email])
    assert "Glud" in email.body and "Rårup" in email.body
    assert not OutgoingEmail.objects.filter(to=[setting.coordinator.employee.email]).exists()


def test_a_contact_without_email_is_replaced_by_the_coordinator(setting):
    setting.other_contact.employee.email = ""
    setting.other_contact.employee.save()

    consultation = create(setting)

    assert task_of(consultation, setting.juelsminde).handler == setting.other_contact.employee
    [email] = OutgoingEmail.objects.filter(to=[setting.coordinator.employee.email])
    assert "Juelsminde" in email.body and "Rårup" in email.body


def test_an_ended_assignment_does_not_route(setting):
    AssignmentFactory(area=setting.raarup, ended=True)

    consultation = create(setting)

    assert task_of(consultation, setting.raarup).handler is None


def test_focus_areas_are_kept(setting):
    focus = list(FocusArea.objects.order_by("number")[:2])

    consultation = create(setting, focus_areas=focus)

    assert list(consultation.focus_areas.order_by("number")) == focus


@pytest.mark.parametrize("days", [0, -1, -30])
def test_the_deadline_must_be_after_today(setting, days):
    with pytest.raises(ValidationError) as error:
        create(setting, deadline=in_days(days))
    assert error.value.message_dict == {"deadline": ["The deadline must be after today."]}
    assert not Consultation.objects.exists()
    assert not OutgoingEmail.objects.exists()


def test_at_least_one_area(setting):
    with pytest.raises(ValidationError) as error:
        services.consultation_create(title="T", description="D", deadline=in_days(3), areas=[],
                                     actor=setting.requester)
    assert error.value.message_dict == {"areas": ["Choose at least one local area, or all areas."]}


def test_only_employees_request(setting):
    with pytest.raises(ValidationError, match="Only employees can send consultations."):
        create(setting, actor=setting.council_member)


def test_a_response_is_recorded_with_an_event_and_the_requester_is_emailed(setting, consultation):
    task = task_of(consultation, setting.glud)
    OutgoingEmail.objects.all().delete()

    services.task_respond(task=task, actor=setting.contact, response="Vi ønsker en cykelsti.",
                          heard="Lokalrådets bestyrelse, borgermøde 3. marts")

    task.refresh_from_db()
    assert task.status == Status.RESPONDED
    assert task.response == "Vi ønsker en cykelsti."
    assert task.heard == "Lokalrådets bestyrelse, borgermøde 3. marts"
    assert task.responded_by == setting.contact
    assert task.responded_at is not None
    event = task.events.get(kind=Kind.RESPONDED)
    assert event.actor == setting.contact
    assert "Vi ønsker en cykelsti." in event.text and "Heard: Lokalrådets" in event.text
    [email] = OutgoingEmail.objects.all()
    assert email.to == [setting.requester.employee.email]
    assert email.subject == site_text("Response from %(area)s: %(title)s", area="Glud",
                                      title="Ny trafikplan")
    assert "Vi ønsker en cykelsti." in email.body
    assert f"/hoeringer/{consultation.pk}/" in email.body


def test_no_comments(setting, consultation):
    task = task_of(consultation, setting.raarup)

    services.task_respond(task=task, actor=setting.coordinator, no_comments=True,
                          response="ignored", heard="Formanden")

    task.refresh_from_db()
    assert task.status == Status.NO_COMMENTS
    assert task.response == ""
    assert task.responded_by == setting.coordinator
    assert task.events.get(kind=Kind.NO_COMMENTS).actor == setting.coordinator
    assert site_text("The area has no comments.") in OutgoingEmail.objects.latest("pk").body


def test_a_response_needs_a_text(setting, consultation):
    task = task_of(consultation, setting.glud)
    with pytest.raises(ValidationError) as error:
        services.task_respond(task=task, actor=setting.contact, response="   ")
    assert error.value.message_dict == {
        "response": ["Write the response, or choose “No comments”."]}
    task.refresh_from_db()
    assert task.status == Status.WAITING


def test_corrections_until_the_deadline_are_events(setting, consultation):
    task = task_of(consultation, setting.glud)
    services.task_respond(task=task, actor=setting.contact, response="Første udgave")
    services.task_respond(task=task, actor=setting.council_member, response="Anden udgave")
    services.task_respond(task=task, actor=setting.contact, no_comments=True)

    task.refresh_from_db()
    assert task.status == Status.NO_COMMENTS
    assert task.responded_by == setting.contact
    kinds = list(task.events.order_by("pk").values_list("kind", "actor"))
    assert kinds == [(Kind.ROUTED, setting.requester.pk), (Kind.RESPONDED, setting.contact.pk),
                     (Kind.CORRECTED, setting.council_member.pk),
                     (Kind.CORRECTED, setting.contact.pk)]
    changed = site_text("Changed response from %(area)s: %(title)s", area="Glud",
                        title="Ny trafikplan")
    assert OutgoingEmail.objects.filter(subject=changed).count() == 2


def _past_deadline(consultation):
    Consultation.objects.filter(pk=consultation.pk).update(
        deadline=timezone.localdate() - datetime.timedelta(days=1))


def test_no_corrections_after_the_deadline(setting, consultation):
    task = task_of(consultation, setting.glud)
    services.task_respond(task=task, actor=setting.contact, response="Svar")
    _past_deadline(consultation)

    with pytest.raises(ValidationError,
                       match="The deadline has passed; the response can no longer be changed."):
        services.task_respond(task=task, actor=setting.contact, response="Rettet")
    task.refresh_from_db()
    assert task.response == "Svar"


def test_a_late_first_response_is_accepted_while_open(setting, consultation):
    task = task_of(consultation, setting.glud)
    _past_deadline(consultation)
    task.refresh_from_db()
    assert task.is_overdue

    services.task_respond(task=task, actor=setting.contact, response="Sent, men godt")

    task.refresh_from_db()
    assert task.status == Status.RESPONDED and not task.is_overdue


def test_closing(setting, consultation):
    services.consultation_close(consultation=consultation, actor=setting.requester)

    consultation.refresh_from_db()
    assert consultation.status == Consultation.Status.CLOSED
    assert consultation.closed_at is not None
    assert consultation.events.get(kind=Kind.CLOSED).actor == setting.requester
    with pytest.raises(ValidationError, match="The consultation is closed."):
        services.consultation_close(consultation=consultation, actor=setting.requester)
    with pytest.raises(ValidationError, match="The consultation is closed."):
        services.task_respond(task=task_of(consultation, setting.glud), actor=setting.contact,
                              response="For sent")


def test_closing_checks_the_stored_row_not_the_callers_copy(setting, consultation):
    stale = Consultation.objects.get(pk=consultation.pk)  # as a second, simultaneous request
    services.consultation_close(consultation=consultation, actor=setting.requester)

    with pytest.raises(ValidationError, match="The consultation is closed."):
        services.consultation_close(consultation=stale, actor=setting.coordinator)
    assert consultation.events.filter(kind=Kind.CLOSED).count() == 1


def test_closing_locks_the_row(setting, consultation):
    with CaptureQueriesContext(connection) as queries:
        services.consultation_close(consultation=consultation, actor=setting.requester)

    [read] = [q["sql"] for q in queries.captured_queries
              if q["sql"].startswith("SELECT") and "consultations_consultation" in q["sql"]]
    assert ("FOR UPDATE" in read) == connection.features.has_select_for_update


def test_waiting_tasks_are_overdue_only_after_the_deadline_of_an_open_consultation(setting,
                                                                                    consultation):
    task = task_of(consultation, setting.glud)
    assert not task.is_overdue
    _past_deadline(consultation)
    task = ConsultationTask.objects.get(pk=task.pk)
    assert task.is_overdue
    services.consultation_close(consultation=task.consultation, actor=setting.requester)
    assert not ConsultationTask.objects.get(pk=task.pk).is_overdue


def test_council_tasks_open_first(setting):
    area = setting.glud
    closed = ConsultationTaskFactory(area=area, consultation=ConsultationFactory(closed=True))
    answered = ConsultationTaskFactory(area=area, responded=True,
                                       consultation=ConsultationFactory(deadline=in_days(2)))
    later = ConsultationTaskFactory(area=area, consultation=ConsultationFactory(deadline=in_days(30)))
    sooner = ConsultationTaskFactory(area=area, consultation=ConsultationFactory(deadline=in_days(5)))
    ConsultationTaskFactory(area=setting.juelsminde)  # another area's

    tasks = list(selectors.consultation_tasks_for_council(user=setting.council_member))

    assert tasks == [sooner, later, answered, closed]


def test_council_tasks_for_others_are_none(setting):
    ConsultationTaskFactory(area=setting.glud)
    inactive = CouncilMemberFactory(council=CouncilFactory(area=setting.raarup), is_active=False)
    ConsultationTaskFactory(area=setting.raarup)

    for user in [setting.contact, setting.coordinator, inactive.user]:
        assert list(selectors.consultation_tasks_for_council(user=user)) == []


def test_staff_changing_the_councils_response_tell_only_the_requester(setting, consultation):
    task = task_of(consultation, setting.glud)
    services.task_respond(task=task, actor=setting.council_member, response="Rådets svar")
    assert OutgoingEmail.objects.filter(to=[setting.contact.employee.email]).count() == 2
    OutgoingEmail.objects.all().delete()

    services.task_respond(task=task, actor=setting.contact, response="Kontaktens rettelse")

    [email] = OutgoingEmail.objects.all()
    assert email.to == [setting.requester.employee.email]
