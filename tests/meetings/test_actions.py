# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""Action items (opfølgningspunkter): decided at a meeting with an owner and a due date, moved on
by their owner or the coordinator, and reminded of before they fall due by the periodic job."""

import datetime
import io

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management import call_command
from django.utils import dateformat, timezone, translation

from lokalkontakt.core.models import OutgoingEmail
from lokalkontakt.meetings.models import ActionItem, Meeting
from lokalkontakt.meetings.services.actions import action_create, action_update, remind_action_items
from tests.conftest import site_text
from tests.meetings.factories import ActionItemFactory, AgendaItemFactory, MeetingFactory
from tests.people.factories import EmployeeFactory

pytestmark = pytest.mark.django_db

Status = ActionItem.Status


def days(n: int) -> datetime.date:
    return timezone.localdate() + datetime.timedelta(days=n)


def long_date(day: datetime.date) -> str:
    with translation.override("da"):
        return dateformat.format(day, "l j. F Y")


def mails_to(employee) -> list[OutgoingEmail]:
    return list(OutgoingEmail.objects.filter(to=[employee.email]).order_by("pk"))


@pytest.fixture
def held():
    return MeetingFactory(held=True)


@pytest.fixture
def action(setting, held):
    """An open action item of the contact's, due in a fortnight; its assignment e-mail removed."""
    action = action_create(meeting=held, actor=setting.coordinator, title="Kontakt vandværket",
                           owner=setting.contact.employee, due_on=days(14))
    OutgoingEmail.objects.all().delete()
    return action


# --- creating -----------------------------------------------------------------------------------


def test_the_owner_is_e_mailed_their_new_action_item(setting, held):
    item = AgendaItemFactory(meeting=held, title="Drikkevand")

    action = action_create(meeting=held, actor=setting.coordinator, title=" Kontakt vandværket ",
                           description="Spørg om ledningsnettet.", owner=setting.contact.employee,
                           due_on=days(14), agenda_item=item)

    action.refresh_from_db()
    assert (action.title, action.status, action.agenda_item, action.closed_at) == (
        "Kontakt vandværket", Status.OPEN, item, None)
    [mail] = mails_to(setting.contact.employee)
    assert mail.subject == site_text("Action item for you: %(title)s", title="Kontakt vandværket")
    assert site_text("Dear %(name)s,", name="Lise Lokal") in mail.body
    assert "Spørg om ledningsnettet." in mail.body
    assert site_text("Due: %(date)s", date=long_date(days(14))) in mail.body
    assert action.get_absolute_url() in mail.body
    assert action.history.get().history_user == setting.coordinator


def test_the_coordinator_is_not_e_mailed_their_own_action_item(setting, held):
    action_create(meeting=held, actor=setting.coordinator, title="Book lokale",
                  owner=setting.coordinator.employee, due_on=days(14))

    assert ActionItem.objects.get().owner == setting.coordinator.employee
    assert not OutgoingEmail.objects.exists()


def test_no_action_item_for_a_cancelled_meeting(setting):
    meeting = MeetingFactory(status=Meeting.Status.CANCELLED, cancel_reason="Sygdom.")

    with pytest.raises(ValidationError) as error:
        action_create(meeting=meeting, actor=setting.coordinator, title="Kontakt vandværket",
                      owner=setting.contact.employee, due_on=days(14))

    assert error.value.messages == [site_text("A cancelled meeting cannot be changed.")]
    assert not ActionItem.objects.exists() and not OutgoingEmail.objects.exists()


def test_the_agenda_item_must_be_of_the_same_meeting(setting, held):
    elsewhere = AgendaItemFactory(meeting=MeetingFactory())

    with pytest.raises(ValidationError) as error:
        action_create(meeting=held, actor=setting.coordinator, title="Kontakt vandværket",
                      owner=setting.contact.employee, due_on=days(14), agenda_item=elsewhere)

    assert error.value.message_dict == {"agenda_item": [site_text(
        "Choose an item of this meeting.")]}
    assert not ActionItem.objects.exists() and not OutgoingEmail.objects.exists()


def test_the_owner_must_be_an_active_employee(setting, held):
    gone = EmployeeFactory(name="Ib Inaktiv", is_active=False)

    with pytest.raises(ValidationError) as error:
        action_create(meeting=held, actor=setting.coordinator, title="Kontakt vandværket",
                      owner=gone, due_on=days(14))

    assert error.value.message_dict == {"owner": [site_text(
        "The owner must be an active employee.")]}
    assert not ActionItem.objects.exists()


def test_only_the_coordinator_creates_action_items(setting, held):
    with pytest.raises(PermissionDenied):
        action_create(meeting=held, actor=setting.contact, title="Kontakt vandværket",
                      owner=setting.colleague.employee, due_on=days(14))

    assert not ActionItem.objects.exists() and not OutgoingEmail.objects.exists()


# --- changing -----------------------------------------------------------------------------------


def test_the_owner_reports_progress(setting, action):
    action_update(action=action, actor=setting.contact, status=Status.IN_PROGRESS,
                  note=" Møde aftalt 3. marts. ")

    action.refresh_from_db()
    assert (action.status, action.status_note, action.closed_at) == (
        Status.IN_PROGRESS, "Møde aftalt 3. marts.", None)
    assert action.is_open


def test_another_employee_may_not_change_the_action_item(setting, action):
    with pytest.raises(PermissionDenied):
        action_update(action=action, actor=setting.colleague, status=Status.DONE)

    action.refresh_from_db()
    assert (action.status, action.closed_at) == (Status.OPEN, None)


def test_done_closes_the_action_item(setting, action):
    before = timezone.now()

    action_update(action=action, actor=setting.contact, status=Status.DONE, note="Aftale indgået.")

    action.refresh_from_db()
    assert action.status == Status.DONE and not action.is_open
    assert before <= action.closed_at <= timezone.now()


def test_dropping_needs_a_reason(setting, action):
    with pytest.raises(ValidationError) as error:
        action_update(action=action, actor=setting.contact, status=Status.DROPPED, note=" ")

    assert error.value.message_dict == {"note": [site_text(
        "Give the reason for dropping the action item.")]}
    action.refresh_from_db()
    assert (action.status, action.status_note, action.closed_at) == (Status.OPEN, "", None)
    assert action.history.count() == 1


def test_dropping_with_a_reason_closes_the_action_item(setting, action):
    action_update(action=action, actor=setting.contact, status=Status.DROPPED,
                  note="Vandværket er solgt.")

    action.refresh_from_db()
    assert (action.status, action.status_note) == (Status.DROPPED, "Vandværket er solgt.")
    assert action.closed_at is not None


def test_reopening_clears_the_closing_time(setting, action):
    action_update(action=action, actor=setting.contact, status=Status.DONE)

    action_update(action=action, actor=setting.contact, status=Status.OPEN,
                  note="Vandværket har ikke svaret.")

    action.refresh_from_db()
    assert (action.status, action.closed_at) == (Status.OPEN, None)


def test_a_closed_item_keeps_the_time_it_was_first_closed(setting, action):
    action_update(action=action, actor=setting.contact, status=Status.DONE)
    action.refresh_from_db()
    closed_at = action.closed_at

    action_update(action=action, actor=setting.coordinator, status=Status.DROPPED,
                  note="Ikke længere relevant.")

    action.refresh_from_db()
    assert (action.status, action.closed_at) == (Status.DROPPED, closed_at)


def test_the_owner_may_not_change_the_due_date(setting, action):
    with pytest.raises(PermissionDenied):
        action_update(action=action, actor=setting.contact, status=Status.OPEN, due_on=days(60))

    action.refresh_from_db()
    assert action.due_on == days(14)


def test_the_owner_may_not_hand_the_action_item_on(setting, action):
    with pytest.raises(PermissionDenied):
        action_update(action=action, actor=setting.contact, status=Status.OPEN,
                      owner=setting.colleague.employee)

    action.refresh_from_db()
    assert action.owner == setting.contact.employee
    assert not OutgoingEmail.objects.exists()


def test_the_owner_may_send_the_unchanged_due_date_and_owner(setting, action):
    action_update(action=action, actor=setting.contact, status=Status.IN_PROGRESS,
                  due_on=days(14), owner=setting.contact.employee)

    action.refresh_from_db()
    assert action.status == Status.IN_PROGRESS


def test_the_coordinator_hands_the_action_item_to_a_new_owner_who_is_told(setting, action):
    action_update(action=action, actor=setting.coordinator, status=Status.OPEN,
                  owner=setting.colleague.employee, due_on=days(30))

    action.refresh_from_db()
    assert (action.owner, action.due_on) == (setting.colleague.employee, days(30))
    [mail] = OutgoingEmail.objects.all()
    assert mail.to == [setting.colleague.employee.email]
    assert mail.subject == site_text("Action item for you: %(title)s", title="Kontakt vandværket")
    assert site_text("Due: %(date)s", date=long_date(days(30))) in mail.body


def test_the_new_owner_must_be_active(setting, action):
    gone = EmployeeFactory(name="Ib Inaktiv", is_active=False)

    with pytest.raises(ValidationError) as error:
        action_update(action=action, actor=setting.coordinator, status=Status.OPEN, owner=gone)

    assert error.value.message_dict == {"owner": [site_text(
        "The owner must be an active employee.")]}
    action.refresh_from_db()
    assert action.owner == setting.contact.employee


def test_the_history_names_who_changed_what(setting, action):
    action_update(action=action, actor=setting.contact, status=Status.IN_PROGRESS,
                  note="I gang.")
    action_update(action=action, actor=setting.coordinator, status=Status.IN_PROGRESS,
                  note="I gang.", due_on=days(21))
    action_update(action=action, actor=setting.contact, status=Status.DONE, note="Klaret.")

    rows = [(row.history_user, row.status, row.due_on)
            for row in action.history.order_by("history_date", "history_id")]
    assert rows == [(setting.coordinator, Status.OPEN, days(14)),
                    (setting.contact, Status.IN_PROGRESS, days(14)),
                    (setting.coordinator, Status.IN_PROGRESS, days(21)),
                    (setting.contact, Status.DONE, days(21))]


# --- reminders ----------------------------------------------------------------------------------


def test_an_action_item_due_within_the_reminder_days_is_reminded_once(setting, settings, action):
    due = days(settings.ACTION_ITEM_REMINDER_DAYS)
    action_update(action=action, actor=setting.coordinator, status=Status.OPEN, due_on=due)
    OutgoingEmail.objects.all().delete()

    assert remind_action_items() == 1

    [mail] = mails_to(setting.contact.employee)
    assert mail.subject == site_text("Reminder: %(title)s", title="Kontakt vandværket")
    assert site_text("Your action item is due %(date)s:", date=long_date(due)) in mail.body
    assert action.get_absolute_url() in mail.body
    action.refresh_from_db()
    assert action.reminded_for == due


def test_running_the_reminders_again_sends_nothing_more(setting, settings, action):
    action_update(action=action, actor=setting.coordinator, status=Status.OPEN, due_on=days(1))
    OutgoingEmail.objects.all().delete()
    remind_action_items()

    assert remind_action_items() == 0
    assert remind_action_items(today=days(1)) == 0

    assert len(mails_to(setting.contact.employee)) == 1


def test_a_new_due_date_re_arms_the_reminder(setting, action):
    action_update(action=action, actor=setting.coordinator, status=Status.OPEN, due_on=days(2))
    remind_action_items()
    action_update(action=action, actor=setting.coordinator, status=Status.OPEN, due_on=days(20))
    OutgoingEmail.objects.all().delete()

    assert remind_action_items() == 0  # the new date is not near yet
    assert remind_action_items(today=days(18)) == 1

    [mail] = mails_to(setting.contact.employee)
    assert site_text("Your action item is due %(date)s:", date=long_date(days(20))) in mail.body


def test_an_action_item_due_later_is_not_reminded_yet(setting, settings, action):
    action_update(action=action, actor=setting.coordinator, status=Status.OPEN,
                  due_on=days(settings.ACTION_ITEM_REMINDER_DAYS + 1))
    OutgoingEmail.objects.all().delete()

    assert remind_action_items() == 0
    assert not OutgoingEmail.objects.exists()


def test_closed_action_items_are_not_reminded(setting):
    for status in (Status.DONE, Status.DROPPED):
        ActionItemFactory(owner=setting.contact.employee, due_on=days(1), status=status,
                          closed_at=timezone.now())

    assert remind_action_items() == 0
    assert not OutgoingEmail.objects.exists()


def test_an_inactive_owner_is_not_reminded():
    ActionItemFactory(owner=EmployeeFactory(is_active=False), due_on=days(1))

    assert remind_action_items() == 0
    assert not OutgoingEmail.objects.exists()


def test_an_overdue_action_item_says_it_is_overdue(setting):
    overdue = ActionItemFactory(owner=setting.contact.employee, due_on=days(-5),
                                title="Skriv til lokalrådet", status=Status.IN_PROGRESS)

    assert remind_action_items() == 1

    [mail] = mails_to(setting.contact.employee)
    assert mail.subject == site_text("Overdue action item: %(title)s", title="Skriv til lokalrådet")
    assert site_text("Your action item was due %(date)s:", date=long_date(days(-5))) in mail.body
    assert overdue.get_absolute_url() in mail.body


def test_run_jobs_reports_the_reminded_action_items(setting):
    ActionItemFactory(owner=setting.contact.employee, due_on=days(1))
    ActionItemFactory(owner=setting.colleague.employee, due_on=days(2))
    ActionItemFactory(owner=setting.colleague.employee, due_on=days(40))
    out = io.StringIO()

    call_command("run_jobs", stdout=out)
    call_command("run_jobs", stdout=out)

    lines = [line for line in out.getvalue().splitlines() if line.startswith("Meetings:")]
    assert lines == ["Meetings: 2 action items reminded.", "Meetings: 0 action items reminded."]
    assert len(mails_to(setting.contact.employee)) == 1
    assert len(mails_to(setting.colleague.employee)) == 1

