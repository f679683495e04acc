# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""Handovers (issue 7, item 5): the coordinator plans one, the leaving contact writes the note,
the new contact confirms, and the periodic job switches the assignment on the date exactly once
and introduces the new contact to the council; moving and cancelling; what is refused.

Messages are compared through gettext under the active language (the site's)."""
# The fixtures come from tests/handovers/fixtures.py; tests name them as arguments.
# ruff: noqa: F811

import datetime
import io
import os
import threading

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management import call_command
from django.utils import timezone
from django.utils.translation import gettext as _

from lokalkontakt.areas.models import AreaEvent, Assignment
from lokalkontakt.core.models import OutgoingEmail
from lokalkontakt.handovers.models import Handover
from lokalkontakt.handovers.selectors import handover_state
from lokalkontakt.handovers.services import (
    handover_cancel,
    handover_confirm,
    handover_note_save,
    handover_reschedule,
    handover_start,
    handover_switch_due,
)
from tests.areas.factories import AssignmentFactory, LocalAreaFactory
from tests.conftest import site_text
from tests.handovers.fixtures import (  # noqa: F401 - fixtures
    events,
    glud,
    handover,
    in_days,
    leaving,
    mails,
    nanna,
    nanna_user,
)
from tests.people.factories import EmployeeFactory

pytestmark = pytest.mark.django_db


def refused(error) -> dict:
    return error.value.message_dict if hasattr(error.value, "error_dict") else error.value.messages


def arrive(handover: Handover, *, days_ago: int = 0, confirmed_days_ago: int | None = None):
    """Time passes: the handover's date is `days_ago` days back (and its confirmation, if any)."""
    changes = {"switch_on": timezone.localdate() - datetime.timedelta(days=days_ago)}
    if confirmed_days_ago is not None:
        changes["confirmed_at"] = timezone.now() - datetime.timedelta(days=confirmed_days_ago)
    Handover.objects.filter(pk=handover.pk).update(**changes)
    handover.refresh_from_db()


def run_jobs() -> str:
    out = io.StringIO()
    call_command("run_jobs", stdout=out)
    return out.getvalue()


# --- planning ---------------------------------------------------------------------------------


def test_the_coordinator_plans_a_handover(leaving, nanna, coordinator):
    switch_on = in_days(14)

    handover = handover_start(area=leaving.area, to_employee=nanna, switch_on=switch_on,
                              actor=coordinator)

    assert (handover.status, handover.from_assignment, handover.from_employee, handover.to_employee,
            handover.switch_on, handover.created_by) == (
        Handover.Status.PLANNED, leaving, leaving.employee, nanna, switch_on, coordinator)
    leaving.refresh_from_db()
    assert leaving.handover_due and leaving.ends_on is None
    assert events(leaving.area) == [(AreaEvent.Kind.HANDOVER_PLANNED, {
        "from_employee": "Lise Lokal", "to_employee": "Nanna Ny",
        "date": switch_on.isoformat()}, "koordinator")]
    assert handover.history.get().history_user == coordinator


def test_planning_writes_to_the_leaving_and_the_new_contact_with_a_link(handover):
    leaving_mail, new_mail = OutgoingEmail.objects.order_by("pk")
    link = f"/overdragelser/{handover.pk}/"
    assert leaving_mail.to == [handover.from_employee.email]
    assert leaving_mail.subject == site_text(
        "Handover of %(area)s: please write a handover note", area="Glud")
    assert link in leaving_mail.body and "Nanna Ny" in leaving_mail.body
    assert new_mail.to == ["nanna@example.dk"]
    assert new_mail.subject == site_text("You are to take over %(area)s as local contact",
                                         area="Glud")
    assert link in new_mail.body and "Lise Lokal" in new_mail.body


@pytest.mark.parametrize("case", ["no contact", "already planned", "same person", "inactive",
                                  "past date"])
def test_planning_is_refused_with_a_clear_message(case, leaving, nanna, coordinator):
    area, to_employee, switch_on = leaving.area, nanna, in_days(7)
    if case == "no contact":
        area = LocalAreaFactory(name="Hjarnø")
        expected = [_("%(area)s has no contact to hand over. Assign a contact instead.")
                    % {"area": "Hjarnø"}]
    elif case == "already planned":
        handover_start(area=area, to_employee=nanna, switch_on=in_days(14), actor=coordinator)
        to_employee = EmployeeFactory(name="Ole Anden")
        expected = [_("A handover of %(area)s is already planned.") % {"area": "Glud"}]
    elif case == "same person":
        to_employee = leaving.employee
        expected = {"to_employee": [_("%(name)s is already the contact of %(area)s.")
                                    % {"name": "Lise Lokal", "area": "Glud"}]}
    elif case == "inactive":
        to_employee = EmployeeFactory(name="Tove Tidligere", is_active=False)
        expected = {"to_employee": [_("%(name)s is no longer active.") % {"name": "Tove Tidligere"}]}
    else:
        switch_on = in_days(-1)
        expected = {"switch_on": [_("The handover date cannot be in the past.")]}
    before = (Handover.objects.count(), AreaEvent.objects.count(), OutgoingEmail.objects.count())

    with pytest.raises(ValidationError) as error:
        handover_start(area=area, to_employee=to_employee, switch_on=switch_on, actor=coordinator)

    assert refused(error) == expected
    assert (Handover.objects.count(), AreaEvent.objects.count(),
            OutgoingEmail.objects.count()) == before
    leaving.refresh_from_db()
    assert leaving.handover_due is (case == "already planned")


def test_a_handover_may_be_planned_for_today(leaving, nanna, coordinator):
    handover = handover_start(area=leaving.area, to_employee=nanna,
                              switch_on=timezone.localdate(), actor=coordinator)
    assert handover.switch_on == timezone.localdate()


def test_only_the_coordinator_plans_a_handover(leaving, nanna, contact_user):
    with pytest.raises(PermissionDenied):
        handover_start(area=leaving.area, to_employee=nanna, switch_on=in_days(7),
                       actor=contact_user)
    assert not Handover.objects.exists()


# --- the note and the confirmation ------------------------------------------------------------


def test_the_leaving_contact_writes_the_note_and_the_new_contact_is_told_once(handover,
                                                                              contact_user):
    OutgoingEmail.objects.all().delete()

    handover_note_save(handover=handover, note="  Formanden hedder Frida.  ", actor=contact_user)
    handover_note_save(handover=handover, note="Formanden hedder Frida Formand.",
                       actor=contact_user)

    handover.refresh_from_db()
    assert handover.handover_note == "Formanden hedder Frida Formand."
    assert handover.note_written_at is not None
    assert [r.history_user for r in handover.history.order_by("history_id")][1:] == [
        contact_user, contact_user]
    assert mails() == [(["nanna@example.dk"], site_text(
        "The handover note for %(area)s is ready", area="Glud"))]


def test_the_coordinator_may_write_the_note(handover, coordinator):
    handover_note_save(handover=handover, note="Skrevet af koordinatoren.", actor=coordinator)
    handover.refresh_from_db()
    assert handover.handover_note == "Skrevet af koordinatoren."


@pytest.mark.parametrize("who", ["new contact", "colleague"])
def test_nobody_else_writes_the_note(who, handover, nanna_user, colleague):
    actor = nanna_user if who == "new contact" else colleague
    with pytest.raises(PermissionDenied):
        handover_note_save(handover=handover, note="Ikke min note", actor=actor)
    handover.refresh_from_db()
    assert handover.handover_note == ""


def test_an_empty_note_is_refused(handover, contact_user):
    with pytest.raises(ValidationError) as error:
        handover_note_save(handover=handover, note="   ", actor=contact_user)
    assert refused(error) == {"handover_note": [_("Write the handover note.")]}


def test_only_the_new_contact_confirms_and_confirming_twice_changes_nothing(
        handover, nanna_user, contact_user, coordinator, colleague):
    for actor in [contact_user, coordinator, colleague]:
        with pytest.raises(PermissionDenied):
            handover_confirm(handover=handover, actor=actor)
    assert Handover.objects.get().confirmed_at is None

    handover_confirm(handover=handover, actor=nanna_user)
    confirmed_at = Handover.objects.get().confirmed_at
    handover_confirm(handover=handover, actor=nanna_user)

    handover.refresh_from_db()
    assert handover.confirmed_at == confirmed_at is not None
    assert handover.history.count() == 2
    assert handover.history.order_by("history_id").last().history_user == nanna_user


def test_an_inactive_new_contact_cannot_confirm(handover, nanna_user):
    nanna_user.employee.is_active = False
    nanna_user.employee.save()
    with pytest.raises(PermissionDenied):
        handover_confirm(handover=handover, actor=nanna_user)


# --- moving and cancelling --------------------------------------------------------------------


def test_the_coordinator_moves_the_date_and_both_are_told(handover, coordinator):
    OutgoingEmail.objects.all().delete()
    new_date = in_days(30)

    handover_reschedule(handover=handover, switch_on=new_date, actor=coordinator)

    handover.refresh_from_db()
    assert handover.switch_on == new_date
    assert events(handover.area)[-1] == (AreaEvent.Kind.HANDOVER_PLANNED, {
        "from_employee": "Lise Lokal", "to_employee": "Nanna Ny", "date": new_date.isoformat()},
        "koordinator")
    assert sorted(to for to, _subject in mails()) == sorted(
        [[handover.from_employee.email], ["nanna@example.dk"]])


@pytest.mark.parametrize("days, message", [
    (-1, "The handover date cannot be in the past."),
    (14, "The handover is already planned for that date."),
])
def test_moving_to_the_past_or_the_same_date_is_refused(days, message, handover, coordinator):
    with pytest.raises(ValidationError) as error:
        handover_reschedule(handover=handover, switch_on=in_days(days), actor=coordinator)
    assert refused(error) == {"switch_on": [_(message)]}
    assert Handover.objects.get().switch_on == in_days(14)


def test_the_coordinator_cancels_with_a_reason(handover, leaving, coordinator):
    OutgoingEmail.objects.all().delete()

    handover_cancel(handover=handover, reason="Lise bliver alligevel.", actor=coordinator)

    handover.refresh_from_db()
    leaving.refresh_from_db()
    assert (handover.status, handover.cancel_reason) == (Handover.Status.CANCELLED,
                                                         "Lise bliver alligevel.")
    assert not leaving.handover_due and leaving.ends_on is None
    assert events(handover.area)[-1] == (AreaEvent.Kind.HANDOVER_CANCELLED, {
        "from_employee": "Lise Lokal", "to_employee": "Nanna Ny",
        "date": in_days(14).isoformat(), "reason": "Lise bliver alligevel."}, "koordinator")
    assert len(mails()) == 2
    assert all("Lise bliver alligevel." in m.body for m in OutgoingEmail.objects.all())
    # A new handover of the area may be planned again.
    handover_start(area=handover.area, to_employee=handover.to_employee, switch_on=in_days(3),
                   actor=coordinator)


def test_cancelling_needs_a_reason_and_a_planned_handover(handover, coordinator):
    with pytest.raises(ValidationError) as error:
        handover_cancel(handover=handover, reason=" ", actor=coordinator)
    assert refused(error) == {"cancel_reason": [_("Give the reason for cancelling.")]}
    handover_cancel(handover=handover, reason="Ændrede planer", actor=coordinator)
    with pytest.raises(ValidationError) as error:
        handover_cancel(handover=handover, reason="Igen", actor=coordinator)
    assert refused(error) == [_("The handover is no longer planned.")]


@pytest.mark.parametrize("action", ["reschedule", "cancel"])
def test_only_the_coordinator_moves_or_cancels(action, handover, contact_user):
    with pytest.raises(PermissionDenied):
        if action == "reschedule":
            handover_reschedule(handover=handover, switch_on=in_days(20), actor=contact_user)
        else:
            handover_cancel(handover=handover, reason="Nej", actor=contact_user)
    assert Handover.objects.get().status == Handover.Status.PLANNED


# --- the switch -------------------------------------------------------------------------------


def test_the_job_switches_on_the_date_exactly_once(handover, leaving, nanna, nanna_user):
    handover_confirm(handover=handover, actor=nanna_user)
    arrive(handover)
    OutgoingEmail.objects.all().delete()

    first, second = run_jobs(), run_jobs()

    assert "Handovers: 1 switched." in first
    assert "Handovers: 0 switched." in second
    today = timezone.localdate()
    handover.refresh_from_db()
    leaving.refresh_from_db()
    assert leaving.ends_on == today and not leaving.handover_due
    new = Assignment.objects.get(area=handover.area, ends_on__isnull=True)
    assert (new.employee, new.role, new.starts_on) == (nanna, "primary", today)
    assert (handover.status, handover.new_assignment) == (Handover.Status.DONE, new)
    assert handover.switched_at is not None and handover.council_notified_at is not None
    assert events(handover.area, AreaEvent.Kind.HANDOVER_COMPLETED) == [(
        AreaEvent.Kind.HANDOVER_COMPLETED, {"from_employee": "Lise Lokal", "to_employee": "Nanna Ny",
                                            "date": today.isoformat(), "council_told": True}, None)]
    # The history keeps both.
    assert [(a.employee.name, a.starts_on, a.ends_on) for a in
            handover.area.assignments.order_by("starts_on")] == [
        ("Lise Lokal", datetime.date(2024, 1, 2), today), ("Nanna Ny", today, None)]
    council_mails = OutgoingEmail.objects.filter(
        to=["lokalraad@glud.example.dk", "formand@glud.example.dk"])
    assert council_mails.count() == 1


def test_the_council_is_introduced_to_its_new_contact(handover, nanna_user):
    handover_confirm(handover=handover, actor=nanna_user)
    arrive(handover)
    OutgoingEmail.objects.all().delete()

    handover_switch_due()

    mail = OutgoingEmail.objects.get(to=["lokalraad@glud.example.dk", "formand@glud.example.dk"])
    assert mail.subject == site_text("Your new local contact in %(area)s: %(name)s",
                                     area="Glud", name="Nanna Ny")
    assert mail.reply_to == "nanna@example.dk"
    for fact in ["Nanna Ny", "Landskabsarkitekt", "Teknik og Miljø", "nanna@example.dk",
                 "+45 79 75 55 55", "Lise Lokal", "/omraader/glud/"]:
        assert fact in mail.body, fact


def test_the_chair_is_not_written_to_twice(handover, nanna_user):
    council = handover.area.council
    council.chair_email = "LOKALRAAD@glud.example.dk"
    council.save()
    handover_confirm(handover=handover, actor=nanna_user)
    arrive(handover)

    handover_switch_due()

    assert OutgoingEmail.objects.filter(to=["lokalraad@glud.example.dk"]).count() == 1


def test_without_a_council_e_mail_the_switch_is_recorded_as_not_told(handover, nanna_user):
    council = handover.area.council
    council.email = council.chair_email = ""
    council.save()
    handover_confirm(handover=handover, actor=nanna_user)
    arrive(handover)
    assert handover_switch_due() == 1

    handover.refresh_from_db()
    assert handover.status == Handover.Status.DONE and handover.council_notified_at is None
    assert events(handover.area, AreaEvent.Kind.HANDOVER_COMPLETED)[0][1]["council_told"] is False
    assert not [m.to for m in OutgoingEmail.objects.all() if "@glud.example.dk" in str(m.to)]


def test_a_future_handover_is_not_switched(handover, nanna_user):
    handover_confirm(handover=handover, actor=nanna_user)
    assert handover_switch_due() == 0
    assert Handover.objects.get().status == Handover.Status.PLANNED


def test_an_unconfirmed_handover_waits_and_switches_at_the_first_run_after_confirmation(
        handover, leaving, nanna_user):
    arrive(handover, days_ago=3)

    assert handover_switch_due() == 0
    handover.refresh_from_db()
    assert handover.status == Handover.Status.PLANNED
    assert handover_state(handover).label == _("Overdue: not confirmed")

    handover_confirm(handover=handover, actor=nanna_user)
    assert handover_switch_due() == 1

    # The leaving contact covered the area until the confirmation came (today).
    leaving.refresh_from_db()
    assert leaving.ends_on == timezone.localdate()
    assert Handover.objects.get().new_assignment.starts_on == timezone.localdate()


def test_a_handover_confirmed_in_time_switches_on_its_date_even_when_the_job_runs_later(
        handover, leaving):
    arrive(handover, days_ago=2, confirmed_days_ago=5)

    assert handover_switch_due() == 1

    leaving.refresh_from_db()
    switch_on = timezone.localdate() - datetime.timedelta(days=2)
    assert leaving.ends_on == switch_on
    assert Handover.objects.get().new_assignment.starts_on == switch_on


def test_a_deputy_taking_over_stops_being_deputy(leaving, nanna, nanna_user, coordinator):
    deputy = AssignmentFactory(area=leaving.area, employee=nanna, deputy=True,
                               starts_on=datetime.date(2025, 1, 6))
    handover = handover_start(area=leaving.area, to_employee=nanna,
                              switch_on=timezone.localdate(), actor=coordinator)
    handover_confirm(handover=handover, actor=nanna_user)

    assert handover_switch_due() == 1

    deputy.refresh_from_db()
    assert deputy.ends_on == timezone.localdate()
    assert [(a.employee.name, a.role) for a in
            Assignment.objects.filter(area=leaving.area, ends_on__isnull=True)] == [
        ("Nanna Ny", "primary")]


@pytest.mark.parametrize("case", ["assignment ended", "new contact inactive"])
def test_a_handover_that_cannot_switch_is_left_for_the_coordinator_with_the_reason(
        case, handover, leaving, nanna, nanna_user):
    handover_confirm(handover=handover, actor=nanna_user)
    arrive(handover)
    if case == "assignment ended":
        Assignment.objects.filter(pk=leaving.pk).update(ends_on=timezone.localdate())
        reason = _("%(name)s's assignment has already ended, so there is nothing to hand over. "
                   "Cancel the handover and assign the new contact instead.") % {
            "name": "Lise Lokal"}
    else:
        nanna.is_active = False
        nanna.save()
        reason = _("%(name)s is no longer active. Cancel the handover and plan a new one.") % {
            "name": "Nanna Ny"}

    assert handover_switch_due() == 0

    handover = Handover.objects.get()
    assert handover.status == Handover.Status.PLANNED
    assert not Assignment.objects.filter(employee=nanna).exists()
    state = handover_state(handover)
    assert (state.label, state.detail) == (_("Cannot be switched"), reason)


def test_a_cancelled_handover_is_never_switched(handover, nanna_user, coordinator):
    handover_confirm(handover=handover, actor=nanna_user)
    arrive(handover)
    handover_cancel(handover=handover, reason="Omorganisering", actor=coordinator)

    assert handover_switch_due() == 0
    assert Handover.objects.get().status == Handover.Status.CANCELLED


def test_the_note_cannot_change_after_the_switch(handover, nanna_user, contact_user):
    handover_confirm(handover=handover, actor=nanna_user)
    arrive(handover)
    handover_switch_due()
    with pytest.raises(PermissionDenied):
        handover_note_save(handover=handover, note="For sent", actor=contact_user)


def test_on_the_day_itself_an_unconfirmed_handover_is_waiting_not_overdue(handover):
    arrive(handover)
    assert handover_state(handover).label == _("Waiting for confirmation")
    arrive(handover, days_ago=1)
    assert handover_state(handover).label == _("Overdue: not confirmed")


# --- the demo ---------------------------------------------------------------------------------


def test_the_demo_plans_gluds_handover_to_the_demo_contact_with_a_note(settings):
    from lokalkontakt.areas.demo import load_hedensted
    from lokalkontakt.handovers.demo import load_demo_handovers

    settings.DEMO_ENABLED = True
    load_hedensted(with_users=True)

    handover = load_demo_handovers()

    assert (handover.area.name, handover.from_employee.name, handover.to_employee.name) == (
        "Glud", "Susanne Ernst", "Demo Lokalkontakt")
    assert handover.switch_on == in_days(21)
    assert handover.handover_note and handover.confirmed_at is None
    assert load_demo_handovers() is None  # once
    assert Handover.objects.count() == 1


# --- two runs at once (PostgreSQL: row locks) -------------------------------------------------


# Skipped before any fixture runs: on SQLite, which serialises writers itself, there is no row
# lock to test. (A serialised rollback would clash with content types another transactional
# test's flush has recreated; like the other transactional tests this one leaves a flushed
# database behind.)
@pytest.mark.skipif(not os.environ.get("DATABASE_URL", "").startswith("postgres"),
                    reason="SQLite serialises writers itself; the row lock is PostgreSQL's")
@pytest.mark.django_db(transaction=True)
def test_two_runs_at_the_same_time_switch_once(handover, nanna_user):
    from django.db import connection

    handover_confirm(handover=handover, actor=nanna_user)
    arrive(handover)
    start, results = threading.Barrier(2), []

    def run():
        try:
            start.wait()
            results.append(handover_switch_due())
        finally:
            connection.close()

    threads = [threading.Thread(target=run) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert sorted(results) == [0, 1]
    assert Assignment.objects.filter(area=handover.area, ends_on__isnull=True).count() == 1
    assert AreaEvent.objects.filter(kind=AreaEvent.Kind.HANDOVER_COMPLETED).count() == 1
    assert OutgoingEmail.objects.filter(to__contains="lokalraad@glud.example.dk").count() == 1
