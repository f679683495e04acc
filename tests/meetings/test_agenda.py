# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""The agenda from proposal to publication, the fixed item "Opfølgning", attendance and the
minutes, whose experiences become knowledge notes that colleagues find by search."""

import datetime

import pytest
from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import dateformat, formats, timezone, translation

from lokalkontakt.core.models import FocusArea, OutgoingEmail
from lokalkontakt.core.search.query import search
from lokalkontakt.inquiries.models import Inquiry
from lokalkontakt.knowledge.models import Note
from lokalkontakt.meetings import selectors
from lokalkontakt.meetings.models import ActionItem, AgendaItem, Attendance, Meeting
from lokalkontakt.meetings.services.actions import action_create, action_update
from lokalkontakt.meetings.services.agenda import agenda_arrange, agenda_publish, item_propose, item_update
from lokalkontakt.meetings.services.attendance import attendance_record
from lokalkontakt.meetings.services.minutes import item_minutes, minutes_publish
from lokalkontakt.meetings.services.series import meeting_cancel
from tests.areas.factories import LocalAreaFactory
from tests.conftest import site_text
from tests.inquiries.factories import InquiryFactory
from tests.meetings.factories import (
    ActionItemFactory,
    AgendaItemFactory,
    AttendanceFactory,
    MeetingFactory,
    at,
)
from tests.people.factories import EmployeeFactory, UserFactory

pytestmark = pytest.mark.django_db

Status = AgendaItem.Status
CUT_OFF_PASSED = ("The deadline for proposals to this meeting has passed. Ask the coordinator, or "
                  "propose the item for the next meeting.")


def today() -> datetime.date:
    return timezone.localdate()


def days(n: int) -> datetime.date:
    return today() + datetime.timedelta(days=n)


def focus_areas(count: int = 2) -> list[FocusArea]:
    return list(FocusArea.objects.order_by("number")[:count])


def invite(meeting, *users) -> None:
    for user in users:
        AttendanceFactory(meeting=meeting, employee=user.employee)


def mails_to(employee) -> list[OutgoingEmail]:
    return list(OutgoingEmail.objects.filter(to=[employee.email]).order_by("pk"))


def danish(value, format_string: str) -> str:
    with translation.override("da"):
        if isinstance(value, datetime.datetime):
            value = timezone.localtime(value)
        return dateformat.format(value, format_string) if format_string != "SHORT_DATE_FORMAT" \
            else formats.date_format(value, format_string)


def site_plural(singular: str, plural: str, count: int) -> str:
    with translation.override(settings.LANGUAGE_CODE):
        return translation.ngettext(singular, plural, count) % {"counter": count}


def propose(meeting, user, title="Bredbånd i landsbyerne", **fields) -> AgendaItem:
    return item_propose(meeting=meeting, actor=user, title=title, **fields)


@pytest.fixture
def meeting(setting):
    """A planned meeting in a month, open for proposals for three more weeks."""
    meeting = MeetingFactory(starts_at=at(days(30)))
    invite(meeting, setting.contact, setting.coordinator)
    return meeting


@pytest.fixture
def closed_for_proposals(setting):
    """A planned meeting in three days, whose cut-off was yesterday."""
    meeting = MeetingFactory(starts_at=at(days(3)), proposal_deadline=days(-1))
    invite(meeting, setting.contact, setting.coordinator)
    return meeting


# --- proposals ----------------------------------------------------------------------------------


def test_a_contact_proposes_an_item_before_the_cut_off(setting, meeting):
    chosen = focus_areas()

    item = propose(meeting, setting.contact, text="  Flere spørger til fiber.  ",
                   area=setting.area, focus_areas=chosen)

    item.refresh_from_db()
    assert (item.meeting, item.status, item.proposed_by) == (meeting, Status.PROPOSED,
                                                             setting.contact.employee)
    assert (item.title, item.text, item.area) == ("Bredbånd i landsbyerne", "Flere spørger til fiber.",
                                                  setting.area)
    assert list(item.focus_areas.order_by("number")) == chosen
    assert item.history.get().history_user == setting.contact


def test_a_contact_may_propose_on_the_day_of_the_cut_off(setting):
    meeting = MeetingFactory(starts_at=at(days(7)), proposal_deadline=today())

    item = propose(meeting, setting.contact)

    assert item.status == Status.PROPOSED


def test_a_contact_s_proposal_after_the_cut_off_is_refused(setting, closed_for_proposals):
    with pytest.raises(ValidationError) as error:
        propose(closed_for_proposals, setting.contact)

    assert error.value.messages == [site_text(CUT_OFF_PASSED)]
    assert not AgendaItem.objects.exists()


def test_the_coordinator_adds_an_item_after_the_cut_off_straight_to_the_agenda(
        setting, closed_for_proposals):
    item = propose(closed_for_proposals, setting.coordinator, title="Status på landsbypuljen")

    assert (item.status, item.proposed_by) == (Status.ACCEPTED, setting.coordinator.employee)
    assert list(selectors.agenda_items(meeting=closed_for_proposals,
                                       statuses=[Status.ACCEPTED])) == [item]


def test_nobody_proposes_to_a_cancelled_meeting(setting, meeting):
    meeting_cancel(meeting=meeting, actor=setting.coordinator, reason="Sygdom.")

    for user in (setting.contact, setting.coordinator):
        with pytest.raises(ValidationError) as refused:
            propose(meeting, user)
        assert refused.value.messages == [site_text("The meeting is cancelled.")]

    assert not AgendaItem.objects.exists()


def test_a_stale_copy_of_an_item_does_not_undo_the_note_link(setting):
    meeting = MeetingFactory(held=True)
    item = AgendaItemFactory(meeting=meeting, experiences="Borgermøder virker.")
    stale = AgendaItem.objects.get(pk=item.pk)
    minutes_publish(meeting=meeting, actor=setting.coordinator)

    item_minutes(item=stale, actor=setting.coordinator, decisions="Vi gør det.",
                 experiences="Borgermøder virker.", challenges="")
    item_update(item=stale, actor=setting.coordinator, title=stale.title, text="Ny tekst")
    minutes_publish(meeting=meeting, actor=setting.coordinator)

    item.refresh_from_db()
    assert item.note is not None and item.decisions == "Vi gør det." and item.text == "Ny tekst"
    assert Note.objects.filter(kind=Note.Kind.EXPERIENCE).count() == 1


def test_the_agenda_e_mail_lists_the_first_hundred_open_action_items_and_says_how_many(setting):
    earlier = MeetingFactory(held=True)
    meeting = MeetingFactory()
    invite(meeting, setting.contact)
    for n in range(selectors.FOLLOW_UP_ACTIONS + 5):
        ActionItemFactory(meeting=earlier, owner=setting.contact.employee, title=f"Punkt nr. {n:03d}",
                          due_on=days(n))

    agenda_publish(meeting=meeting, actor=setting.coordinator)

    [mail] = mails_to(setting.contact.employee)
    assert "Punkt nr. 099" in mail.body and "Punkt nr. 100" not in mail.body
    with translation.override(settings.LANGUAGE_CODE):
        expected = translation.ngettext(
            "The %(shown)s due first of %(counter)s open action item are listed.",
            "The %(shown)s due first of %(counter)s open action items are listed.", 105)
    assert expected % {"shown": 100, "counter": 105} in mail.body


def test_new_items_come_last_on_the_agenda(setting, meeting):
    AgendaItemFactory(meeting=meeting, position=4)

    first = propose(meeting, setting.contact, title="Første")
    second = propose(meeting, setting.colleague, title="Andet")

    assert (first.position, second.position) == (5, 6)


# --- changing a proposal ------------------------------------------------------------------------


def test_the_proposer_changes_their_item_while_it_is_proposed(setting, meeting):
    item = propose(meeting, setting.contact, area=setting.area, focus_areas=focus_areas())

    item_update(item=item, actor=setting.contact, title="Fiberbredbånd",
                text="Hvem koordinerer?", area=None, focus_areas=focus_areas(1))

    item.refresh_from_db()
    assert (item.title, item.text, item.area) == ("Fiberbredbånd", "Hvem koordinerer?", None)
    assert list(item.focus_areas.all()) == focus_areas(1)
    assert item.history.first().history_user == setting.contact


def test_another_employee_may_not_change_a_proposal(setting, meeting):
    item = propose(meeting, setting.contact)

    with pytest.raises(PermissionDenied):
        item_update(item=item, actor=setting.colleague, title="Kapret")

    item.refresh_from_db()
    assert item.title == "Bredbånd i landsbyerne"


def test_the_proposer_may_not_change_an_accepted_item(setting, meeting):
    item = propose(meeting, setting.contact)
    agenda_arrange(meeting=meeting, actor=setting.coordinator,
                   changes={item.pk: (1, Status.ACCEPTED)})
    item.refresh_from_db()

    with pytest.raises(PermissionDenied):
        item_update(item=item, actor=setting.contact, title="Ændret")

    item.refresh_from_db()
    assert item.title == "Bredbånd i landsbyerne"


def test_the_proposer_may_not_change_the_item_after_the_cut_off(setting, closed_for_proposals):
    item = AgendaItemFactory(meeting=closed_for_proposals, status=Status.PROPOSED,
                             proposed_by=setting.contact.employee, title="Vejbump")

    with pytest.raises(PermissionDenied):
        item_update(item=item, actor=setting.contact, title="Ændret")

    item.refresh_from_db()
    assert item.title == "Vejbump"


def test_the_coordinator_changes_any_item_at_any_time(setting, closed_for_proposals):
    item = AgendaItemFactory(meeting=closed_for_proposals, status=Status.ACCEPTED,
                             proposed_by=setting.contact.employee, title="Vejbump")

    item_update(item=item, actor=setting.coordinator, title="Trafiksikkerhed",
                area=setting.area)

    item.refresh_from_db()
    assert (item.title, item.area, item.status) == ("Trafiksikkerhed", setting.area,
                                                    Status.ACCEPTED)


# --- arranging the agenda -----------------------------------------------------------------------


def test_the_coordinator_orders_and_accepts_the_items(setting, meeting):
    a = propose(meeting, setting.contact, title="A")
    b = propose(meeting, setting.contact, title="B")
    c = propose(meeting, setting.contact, title="C")

    moved = agenda_arrange(meeting=meeting, actor=setting.coordinator, changes={
        a.pk: (2, Status.ACCEPTED), b.pk: (3, Status.PROPOSED), c.pk: (1, Status.ACCEPTED)})

    assert moved == 0
    assert [(i.title, i.position, i.status) for i in selectors.agenda_items(meeting=meeting)] == [
        ("C", 1, Status.ACCEPTED), ("A", 2, Status.ACCEPTED), ("B", 3, Status.PROPOSED)]
    assert [i.title for i in selectors.agenda_items(meeting=meeting,
                                                    statuses=[Status.ACCEPTED])] == ["C", "A"]


def test_a_deferred_item_moves_to_the_next_planned_meeting_as_a_proposal_at_the_end(
        setting, meeting):
    cancelled = MeetingFactory(starts_at=at(days(60)), status=Meeting.Status.CANCELLED)
    following = MeetingFactory(starts_at=at(days(90)))
    MeetingFactory(starts_at=at(days(120)))
    AgendaItemFactory(meeting=following, title="Allerede på", position=3)
    item = propose(meeting, setting.contact, title="Udskudt")

    moved = agenda_arrange(meeting=meeting, actor=setting.coordinator,
                           changes={item.pk: (1, Status.DEFERRED)})

    assert moved == 1
    item.refresh_from_db()
    assert (item.meeting, item.status, item.position) == (following, Status.PROPOSED, 4)
    assert item.proposed_by == setting.contact.employee
    assert not meeting.items.exists() and not cancelled.items.exists()
    assert [i.title for i in selectors.agenda_items(meeting=following)] == ["Allerede på",
                                                                            "Udskudt"]


def test_a_deferred_item_stays_deferred_when_no_meeting_follows(setting, meeting):
    item = propose(meeting, setting.contact, title="Udskudt")

    moved = agenda_arrange(meeting=meeting, actor=setting.coordinator,
                           changes={item.pk: (1, Status.DEFERRED)})

    assert moved == 0
    item.refresh_from_db()
    assert (item.meeting, item.status) == (meeting, Status.DEFERRED)


def test_only_the_coordinator_arranges_the_agenda(setting, meeting):
    item = propose(meeting, setting.contact)

    with pytest.raises(PermissionDenied):
        agenda_arrange(meeting=meeting, actor=setting.contact,
                       changes={item.pk: (1, Status.ACCEPTED)})

    item.refresh_from_db()
    assert item.status == Status.PROPOSED


def test_arranging_ignores_the_items_of_another_meeting(setting, meeting):
    other = AgendaItemFactory(meeting=MeetingFactory(starts_at=at(days(60))),
                              status=Status.PROPOSED, position=1)

    agenda_arrange(meeting=meeting, actor=setting.coordinator,
                   changes={other.pk: (9, Status.ACCEPTED)})

    other.refresh_from_db()
    assert (other.position, other.status) == (1, Status.PROPOSED)


# --- publishing the agenda ----------------------------------------------------------------------


def test_the_agenda_is_e_mailed_to_each_participant_with_the_accepted_items_in_order(
        setting, meeting):
    second = AgendaItemFactory(meeting=meeting, title="Landsbypuljen", position=2)
    first = AgendaItemFactory(meeting=meeting, title="Bredbånd", area=setting.area, position=1,
                              text="Flere spørger til fiber.")
    AgendaItemFactory(meeting=meeting, title="Kun foreslået", status=Status.PROPOSED, position=3)
    AgendaItemFactory(meeting=meeting, title="Udskudt punkt", status=Status.DEFERRED, position=4)

    agenda_publish(meeting=meeting, actor=setting.coordinator)

    meeting.refresh_from_db()
    assert meeting.agenda_published_at is not None
    for employee in (setting.contact.employee, setting.coordinator.employee):
        [mail] = mails_to(employee)
        assert mail.subject == site_text("Agenda: %(title)s %(date)s", title=meeting.title,
                                         date=danish(meeting.starts_at, "j. F Y"))
        assert f"1. {first.title} (Glud)\n   Flere spørger til fiber." in mail.body
        assert f"2. {second.title}\n" in mail.body
        assert f"3. {site_text('Follow-up')}" in mail.body
        assert "Kun foreslået" not in mail.body and "Udskudt punkt" not in mail.body
        assert meeting.get_absolute_url() in mail.body
    assert OutgoingEmail.objects.count() == 2


def test_the_agenda_reaches_no_inactive_participant(setting, meeting):
    gone = EmployeeFactory(name="Ib Inaktiv", is_active=False)
    AttendanceFactory(meeting=meeting, employee=gone)

    agenda_publish(meeting=meeting, actor=setting.coordinator)

    assert mails_to(gone) == []
    assert OutgoingEmail.objects.count() == 2


def test_sending_the_agenda_again_says_it_is_updated(setting, meeting):
    agenda_publish(meeting=meeting, actor=setting.coordinator)

    agenda_publish(meeting=meeting, actor=setting.coordinator)

    subjects = [m.subject for m in mails_to(setting.contact.employee)]
    date = danish(meeting.starts_at, "j. F Y")
    assert subjects == [site_text("Agenda: %(title)s %(date)s", title=meeting.title, date=date),
                        site_text("Updated agenda: %(title)s %(date)s", title=meeting.title,
                                  date=date)]


def test_the_follow_up_lists_the_open_action_items_of_earlier_meetings(setting, meeting):
    earlier = MeetingFactory(starts_at=at(days(-60)))
    owner = setting.contact.employee
    open_item = ActionItemFactory(meeting=earlier, title="Kontakt vandværket", owner=owner,
                                  due_on=days(10))
    ActionItemFactory(meeting=earlier, title="Allerede klaret", owner=owner,
                      status=ActionItem.Status.DONE,
                      closed_at=timezone.now() - datetime.timedelta(days=20))

    agenda_publish(meeting=meeting, actor=setting.coordinator)

    [mail] = mails_to(setting.contact.employee)
    assert (f"   - Kontakt vandværket – Lise Lokal, "
            f"{site_text('due %(date)s', date=danish(open_item.due_on, 'SHORT_DATE_FORMAT'))}"
            in mail.body)
    assert "Allerede klaret" not in mail.body


def test_without_open_action_items_the_follow_up_says_so(setting, meeting):
    agenda_publish(meeting=meeting, actor=setting.coordinator)

    [mail] = mails_to(setting.contact.employee)
    assert site_text("No open action items.") in mail.body


def test_the_follow_up_lists_the_overdue_inquiries_by_reference_without_the_submitter(
        setting, meeting):
    overdue = InquiryFactory(area=setting.area, assignee=setting.contact.employee,
                             answer_due=days(-3), submitter_name="Birte Borgersen",
                             submitter_email="birte@example.dk", subject="Hul i vejen ved kirken")
    InquiryFactory(area=setting.area, answer_due=days(-5), status=Inquiry.Status.CLOSED,
                   submitter_name="Lukket Sag")
    InquiryFactory(area=setting.area, answer_due=days(5), submitter_name="Ikke Forsinket")

    agenda_publish(meeting=meeting, actor=setting.coordinator)

    [mail] = mails_to(setting.contact.employee)
    assert site_plural("%(counter)s inquiry is past its answer date.",
                       "%(counter)s inquiries are past their answer date.", 1) in mail.body
    assert (f"   - {overdue.reference}, Glud, "
            f"{site_text('answer by %(date)s', date=danish(overdue.answer_due, 'SHORT_DATE_FORMAT'))}"
            in mail.body)
    assert mail.body.count("   - H-") == 1
    for private in ("Birte Borgersen", "birte@example.dk", "Hul i vejen ved kirken",
                    "Lukket Sag", "Ikke Forsinket"):
        assert private not in mail.body


def test_a_cancelled_meeting_has_no_agenda_to_send(setting, meeting):
    meeting_cancel(meeting=meeting, actor=setting.coordinator, reason="Sygdom.")
    OutgoingEmail.objects.all().delete()

    with pytest.raises(ValidationError) as error:
        agenda_publish(meeting=meeting, actor=setting.coordinator)

    assert error.value.messages == [site_text("A cancelled meeting has no agenda to send.")]
    assert not OutgoingEmail.objects.exists()


def test_only_the_coordinator_sends_the_agenda(setting, meeting):
    with pytest.raises(PermissionDenied):
        agenda_publish(meeting=meeting, actor=setting.contact)

    meeting.refresh_from_db()
    assert meeting.agenda_published_at is None
    assert not OutgoingEmail.objects.exists()


# --- an action item carried over until it is closed ---------------------------------------------


@pytest.fixture
def five_meetings():
    """Four meetings held every other month, the fourth going on now, and a fifth to come."""
    now = timezone.now()
    held = [MeetingFactory(starts_at=at(days(-180))), MeetingFactory(starts_at=at(days(-120))),
            MeetingFactory(starts_at=at(days(-60))),
            MeetingFactory(starts_at=now - datetime.timedelta(hours=1),
                           ends_at=now + datetime.timedelta(hours=1))]
    return [*held, MeetingFactory(starts_at=at(days(60)))]


def test_an_open_action_item_is_on_every_later_agenda(setting, five_meetings):
    first = five_meetings[0]
    action = action_create(meeting=first, actor=setting.coordinator,
                           title="Kontakt vandværket",
                           owner=setting.contact.employee, due_on=days(-100))

    on = [list(selectors.follow_up_actions(meeting=m)) for m in five_meetings]

    assert on == [[], [action], [action], [action], [action]]


def test_an_action_item_carried_over_three_meetings_and_closed_on_the_fourth(setting,
                                                                             five_meetings):
    first, second, third, fourth, fifth = five_meetings
    action = action_create(meeting=first, actor=setting.coordinator,
                           title="Kontakt vandværket",
                           owner=setting.contact.employee, due_on=days(-100))

    # during the fourth meeting, its owner reports it done
    action_update(action=action, actor=setting.contact,
                  status=ActionItem.Status.DONE, note="Aftale på plads.")

    action.refresh_from_db()
    assert fourth.starts_at < action.closed_at < fifth.starts_at
    shown = [m for m in five_meetings if action in selectors.follow_up_actions(meeting=m)]
    assert shown == [second, third, fourth]


def test_the_next_agenda_leaves_out_an_action_item_closed_at_the_last_meeting(setting,
                                                                              five_meetings):
    first, *_between, fifth = five_meetings
    invite(fifth, setting.contact)
    action = action_create(meeting=first, actor=setting.coordinator,
                           title="Kontakt vandværket",
                           owner=setting.contact.employee, due_on=days(-100))
    action_update(action=action, actor=setting.coordinator,
                  status=ActionItem.Status.DONE)
    OutgoingEmail.objects.all().delete()

    agenda_publish(meeting=fifth, actor=setting.coordinator)

    [mail] = mails_to(setting.contact.employee)
    assert "Kontakt vandværket" not in mail.body
    assert site_text("No open action items.") in mail.body


def test_a_reopened_action_item_is_carried_over_again(setting, five_meetings):
    first, *_between, fifth = five_meetings
    action = action_create(meeting=first, actor=setting.coordinator,
                           title="Kontakt vandværket",
                           owner=setting.contact.employee, due_on=days(-100))
    action_update(action=action, actor=setting.contact,
                  status=ActionItem.Status.DONE)

    action_update(action=action, actor=setting.contact,
                  status=ActionItem.Status.IN_PROGRESS, note="Ikke færdig alligevel.")

    assert list(selectors.follow_up_actions(meeting=fifth)) == [action]


def test_the_action_items_of_a_cancelled_meeting_are_not_followed_up(setting, five_meetings):
    first, *_between, fifth = five_meetings
    ActionItemFactory(meeting=first, owner=setting.contact.employee)
    first.status = Meeting.Status.CANCELLED
    first.save()

    assert list(selectors.follow_up_actions(meeting=fifth)) == []


# --- attendance and minutes ---------------------------------------------------------------------


@pytest.fixture
def held(setting):
    """A meeting held a week ago; the contact, the coordinator and the colleague were invited."""
    meeting = MeetingFactory(held=True)
    invite(meeting, setting.contact, setting.coordinator, setting.colleague)
    return meeting


def statuses_of(meeting) -> dict[str, str]:
    return {a.employee.name: a.status for a in selectors.attendances(meeting=meeting)}


def test_the_coordinator_records_attendance(setting, held):
    rows = {a.employee.name: a for a in held.attendances.select_related("employee")}

    attendance_record(meeting=held, actor=setting.coordinator, statuses={
        rows["Lise Lokal"].pk: Attendance.Status.PRESENT,
        rows["Karin Koordinator"].pk: Attendance.Status.PRESENT,
        rows["Kalle Kollega"].pk: Attendance.Status.EXCUSED})

    assert statuses_of(held) == {"Kalle Kollega": "excused", "Karin Koordinator": "present",
                                 "Lise Lokal": "present"}
    assert rows["Lise Lokal"].history.first().history_user == setting.coordinator


def test_attendance_of_another_meeting_is_left_alone(setting, held):
    other = AttendanceFactory(employee=setting.contact.employee)

    attendance_record(meeting=held, actor=setting.coordinator,
                      statuses={other.pk: Attendance.Status.ABSENT})

    other.refresh_from_db()
    assert other.status == Attendance.Status.INVITED


def test_an_unknown_attendance_status_is_refused(setting, held):
    row = held.attendances.get(employee=setting.contact.employee)

    with pytest.raises(ValidationError):
        attendance_record(meeting=held, actor=setting.coordinator,
                          statuses={row.pk: "asleep"})

    row.refresh_from_db()
    assert row.status == Attendance.Status.INVITED


def test_only_the_coordinator_records_attendance(setting, held):
    row = held.attendances.get(employee=setting.contact.employee)

    with pytest.raises(PermissionDenied):
        attendance_record(meeting=held, actor=setting.contact,
                          statuses={row.pk: Attendance.Status.PRESENT})

    row.refresh_from_db()
    assert row.status == Attendance.Status.INVITED


def test_the_coordinator_writes_the_minutes_of_an_item(setting, held):
    item = AgendaItemFactory(meeting=held, title="Bredbånd")

    item_minutes(item=item, actor=setting.coordinator, decisions=" Vi samler ønsker. ",
                 experiences="Fællesindkøb virker.", challenges="")

    item.refresh_from_db()
    assert (item.decisions, item.experiences, item.challenges) == (
        "Vi samler ønsker.", "Fællesindkøb virker.", "")
    assert item.has_minutes
    assert item.history.first().history_user == setting.coordinator


def test_only_the_coordinator_writes_minutes(setting, held):
    item = AgendaItemFactory(meeting=held, proposed_by=setting.contact.employee)

    with pytest.raises(PermissionDenied):
        item_minutes(item=item, actor=setting.contact, decisions="Jeg bestemmer.",
                     experiences="", challenges="")

    item.refresh_from_db()
    assert item.decisions == ""


def test_the_minutes_are_refused_before_the_meeting_has_begun(setting, meeting):
    AgendaItemFactory(meeting=meeting, experiences="Noget vi lærte.")

    with pytest.raises(ValidationError) as error:
        minutes_publish(meeting=meeting, actor=setting.coordinator)

    assert error.value.messages == [site_text(
        "The minutes can be sent once the meeting has begun.")]
    meeting.refresh_from_db()
    assert meeting.minutes_published_at is None
    assert not OutgoingEmail.objects.exists() and not Note.objects.exists()


def test_a_cancelled_meeting_has_no_minutes(setting, held):
    held.status = Meeting.Status.CANCELLED
    held.save()

    with pytest.raises(ValidationError) as error:
        minutes_publish(meeting=held, actor=setting.coordinator)

    assert error.value.messages == [site_text("A cancelled meeting has no minutes.")]


def test_the_minutes_are_e_mailed_to_the_participants(setting, held):
    rows = {a.employee.name: a.pk for a in held.attendances.select_related("employee")}
    attendance_record(meeting=held, actor=setting.coordinator, statuses={
        rows["Lise Lokal"]: Attendance.Status.PRESENT,
        rows["Karin Koordinator"]: Attendance.Status.PRESENT,
        rows["Kalle Kollega"]: Attendance.Status.EXCUSED})
    item = AgendaItemFactory(meeting=held, title="Bredbånd", area=setting.area, position=1)
    item_minutes(item=item, actor=setting.coordinator, decisions="Vi samler ønsker.",
                 experiences="", challenges="Lang ventetid hos udbyderen.")
    AgendaItemFactory(meeting=held, title="Kun foreslået", status=Status.PROPOSED, position=2)
    action_create(meeting=held, actor=setting.coordinator,
                  title="Saml ønsker fra lokalrådene",
                  owner=setting.contact.employee, due_on=days(30))
    OutgoingEmail.objects.all().delete()

    minutes_publish(meeting=held, actor=setting.coordinator)

    held.refresh_from_db()
    assert held.minutes_published_at is not None
    date = danish(held.starts_at, "j. F Y")
    for user in (setting.contact, setting.coordinator, setting.colleague):
        [mail] = mails_to(user.employee)
        assert mail.subject == site_text("Minutes: %(title)s %(date)s", title=held.title, date=date)
        assert f"{site_text('Present:')} Karin Koordinator; Lise Lokal;" in mail.body
        assert f"{site_text('Sent apologies:')} Kalle Kollega;" in mail.body
        assert (f"1. Bredbånd (Glud)\n   {site_text('Decisions:')} Vi samler ønsker.\n"
                f"   {site_text('Challenges:')} Lang ventetid hos udbyderen." in mail.body)
        assert "Kun foreslået" not in mail.body
        assert "- Saml ønsker fra lokalrådene – Lise Lokal, " in mail.body


def test_sending_the_minutes_again_says_they_are_updated(setting, held):
    minutes_publish(meeting=held, actor=setting.coordinator)

    minutes_publish(meeting=held, actor=setting.coordinator)

    [_first, again] = mails_to(setting.contact.employee)
    assert again.subject == site_text("Updated minutes: %(title)s %(date)s", title=held.title,
                                      date=danish(held.starts_at, "j. F Y"))


def test_only_the_coordinator_sends_the_minutes(setting, held):
    with pytest.raises(PermissionDenied):
        minutes_publish(meeting=held, actor=setting.contact)

    held.refresh_from_db()
    assert held.minutes_published_at is None
    assert not OutgoingEmail.objects.exists()


# --- experiences become knowledge notes ---------------------------------------------------------


@pytest.fixture
def with_experience(setting, held):
    item = AgendaItemFactory(meeting=held, title="Fællesindkøb af fiber", area=setting.area)
    item.focus_areas.set(focus_areas())
    item_minutes(item=item, actor=setting.coordinator, decisions="",
                 experiences="Et fællesindkøb gennem lokalrådet halverede prisen.",
                 challenges="")
    return item


def test_an_item_s_experiences_become_a_staff_note_of_kind_experience(setting, held,
                                                                      with_experience):
    AgendaItemFactory(meeting=held, title="Uden erfaringer", decisions="Intet nyt.")

    minutes_publish(meeting=held, actor=setting.coordinator)

    [note] = Note.objects.all()
    with_experience.refresh_from_db()
    assert with_experience.note == note
    assert (note.kind, note.visibility) == (Note.Kind.EXPERIENCE, Note.Visibility.STAFF)
    assert note.title == site_text(
        "Experience from the coordination meeting %(date)s: %(title)s",
        date=danish(held.starts_at, "SHORT_DATE_FORMAT"), title="Fællesindkøb af fiber")
    assert note.text == "Et fællesindkøb gennem lokalrådet halverede prisen."
    assert (note.area, note.author) == (setting.area, setting.coordinator.employee)
    assert list(note.focus_areas.order_by("number")) == focus_areas()


def test_a_colleague_finds_the_experience_by_search(setting, held, with_experience):
    minutes_publish(meeting=held, actor=setting.coordinator)

    results = search(user=setting.colleague, query="fællesindkøb halverede")

    [hit] = results.hits
    assert hit.url == Note.objects.get().get_absolute_url()
    assert "Fællesindkøb af fiber" in hit.title


def test_sending_the_minutes_again_updates_the_note_instead_of_adding_one(setting, held,
                                                                        with_experience):
    minutes_publish(meeting=held, actor=setting.coordinator)
    with_experience.refresh_from_db()  # as the next request loads it
    item_minutes(item=with_experience, actor=setting.coordinator, decisions="",
                 experiences="Et fællesindkøb halverede prisen; tre landsbyer er med.",
                 challenges="")

    minutes_publish(meeting=held, actor=setting.coordinator)

    [note] = Note.objects.all()
    assert note.text == "Et fællesindkøb halverede prisen; tre landsbyer er med."
    assert note.version == 2
    [hit] = search(user=setting.colleague, query="landsbyer fællesindkøb").hits
    assert hit.url == note.get_absolute_url()


def test_a_new_area_of_the_item_moves_its_note_when_the_minutes_are_sent_again(
        setting, held, with_experience):
    minutes_publish(meeting=held, actor=setting.coordinator)
    stouby = LocalAreaFactory(name="Stouby")
    with_experience.refresh_from_db()  # as the next request loads it
    item_update(item=with_experience, actor=setting.coordinator,
                title=with_experience.title, text=with_experience.text, area=stouby,
                focus_areas=focus_areas(1))

    minutes_publish(meeting=held, actor=setting.coordinator)

    [note] = Note.objects.all()
    assert note.area == stouby
    assert list(note.focus_areas.all()) == focus_areas(1)


def test_sending_unchanged_minutes_again_leaves_the_note_as_it_is(setting, held, with_experience):
    minutes_publish(meeting=held, actor=setting.coordinator)

    minutes_publish(meeting=held, actor=setting.coordinator)

    [note] = Note.objects.all()
    assert note.version == 1
    assert note.history.count() == 1


def test_experiences_need_a_coordinator_tied_to_an_employee(setting, held, with_experience):
    admin = UserFactory(username="admin", is_superuser=True)

    with pytest.raises(ValidationError) as error:
        minutes_publish(meeting=held, actor=admin)

    assert error.value.messages == [site_text(
        "Your user account is not tied to an employee, so the experiences cannot be shared as "
        "notes. Ask an administrator to tie it.")]
    held.refresh_from_db()
    assert held.minutes_published_at is None
    assert not Note.objects.exists() and not OutgoingEmail.objects.exists()
