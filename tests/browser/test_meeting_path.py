# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""A coordination meeting from proposal to follow-up (issue 6): Korning's deputy proposes an item
for the coming meeting; the coordinator puts it on the agenda, sends the agenda, writes the item's
minutes with an action item for the deputy, and finds that action item under the fixed item
"Opfølgning" of the next meeting. The deputy finds it in "Mine opfølgningspunkter" and moves it on.
When the meeting has been held, the coordinator sends the minutes and the experiences can be found
by search. axe on every meeting page on the way, on the bulletin form and the calendar page; the
proposal and the arranging also work without JavaScript."""

import datetime
import re

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone

from lokalkontakt.core.models import FocusArea, OutgoingEmail
from lokalkontakt.meetings.models import ActionItem, AgendaItem, Meeting, Ordinal, Weekday
from lokalkontakt.meetings.schedule import local_datetime
from lokalkontakt.meetings.services.series import series_create
from tests.browser.helpers import expect, log_in, read, read_plural, shown, t
from tests.browser.test_accessibility import (
    assert_accessible,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

TITLE = "Koordinerende møde for lokalkontakter"
ITEM = "Tomme butikslokaler i Korning"
ITEM_TEXT = "To butikker i hovedgaden står tomme. Hvordan har andre fået liv i deres?"
DECISIONS = "Lokalkontakten tager kontakt til handelsforeningen."
EXPERIENCES = "I Juelsminde har pop-up-butikker og vinduesudstillinger fyldt de tomme lokaler."
ACTION = "Kontakt handelsforeningen om pop-up-butikker"
CONTACT = "Demo Lokalkontakt"  # the demo "lokalkontakt", deputy of Korning and Hornborg


@pytest.fixture
def meetings(hedensted) -> tuple[Meeting, Meeting]:
    """The coordinator's series: a meeting on the first Tuesday two months from now (proposals
    still open) and the next one two months later; today's contacts and coordinators invited."""
    coordinator = get_user_model().objects.get(username="koordinator")
    first_month = (timezone.localdate().replace(day=1) + datetime.timedelta(days=62)).replace(day=1)
    series = series_create(
        actor=coordinator, title=TITLE, interval_months=2, weekday=Weekday.TUESDAY,
        ordinal=Ordinal.FIRST, start_time=datetime.time(14), end_time=datetime.time(16),
        first_month=first_month, location="Rådhuset i Hedensted, mødelokale 1", months=4)
    first, following = series.meetings.order_by("starts_at")
    assert first.accepts_proposals
    assert first.participants.filter(name=CONTACT).exists()
    return first, following


def open_meeting(page, meeting: Meeting):
    """From "Møder" in the menu, the meeting on its day."""
    menu = page.get_by_role("navigation", name=t("Main menu"))
    menu.get_by_role("link", name=t("Meetings"), exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(t("Coordination meetings"))
    row = page.get_by_role("row").filter(
        has_text=f"{shown(meeting.starts_at, 'D')} {shown(meeting.starts_at, 'DATE_FORMAT')}")
    row.get_by_role("link", name=TITLE).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        f"{TITLE}, {shown(meeting.starts_at, 'j. F Y')}")


def propose(page, *, focus_area: str | None = None, check_accessibility: bool = False):
    """On the meeting's page, the deputy proposes ITEM about Korning, sending it first without a
    title."""
    page.get_by_role("link", name=t("Propose an item"), exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(t("Propose an item"))
    if check_accessibility:
        assert_accessible(page)
    page.get_by_role("button", name=t("Propose the item")).click()
    expect(page.get_by_role("alert")).to_contain_text(t("The form has errors"))
    page.get_by_role("link", name=f'{t("Title")}: {t("This field is required.")}').click()
    expect(page.get_by_label(t("Title"), exact=True)).to_be_focused()
    if check_accessibility:
        assert_accessible(page)  # with an error
    page.get_by_label(t("Title"), exact=True).fill(ITEM)
    page.get_by_label(t("Description")).fill(ITEM_TEXT)
    page.get_by_label(t("Local area")).select_option(label="Korning")
    if focus_area:
        page.get_by_label(focus_area, exact=True).check()
    page.get_by_role("button", name=t("Propose the item")).click()
    proposed = t("Your item is proposed. The coordinator puts it on the agenda.")
    expect(page.get_by_text(proposed)).to_be_visible()
    expect(page.get_by_role("heading", name=t("Proposed items"))).to_be_visible()
    expect(page.get_by_role("heading", name=ITEM, level=3)).to_be_visible()


def put_on_the_agenda(page, meeting: Meeting, *, check_accessibility: bool = False):
    """The coordinator accepts ITEM on the arrange page."""
    open_meeting(page, meeting)
    page.get_by_role("link", name=t("Arrange the agenda")).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(t("Arrange the agenda"))
    expect(page.get_by_role("rowheader", name=ITEM)).to_contain_text(CONTACT)
    if check_accessibility:
        assert_accessible(page)
    page.get_by_label(read("Decision on “%(title)s”", title=ITEM)).select_option(
        label=t("On the agenda"))
    page.get_by_role("button", name=t("Save the agenda")).click()
    expect(page.get_by_text(t("The agenda is saved."), exact=True)).to_be_visible()
    expect(page.get_by_role("heading", name=t("Proposed items"))).to_have_count(0)
    expect(page.get_by_role("heading", name=ITEM, level=3)).to_be_visible()
    assert AgendaItem.objects.get(title=ITEM).status == AgendaItem.Status.ACCEPTED


def test_proposal_becomes_an_action_item_followed_up_at_the_next_meeting(meetings, new_page):
    first, following = meetings
    # The focus areas come from a data migration, which an earlier transactional test's flush
    # may have removed.
    focus_area = (FocusArea.objects.order_by("number").first() or FocusArea.objects.create(
        number=1, slug="faellesskaber", name="Fællesskaber og frivillighed")).name

    # Korning's deputy proposes an item.
    contact = new_page()
    log_in(contact, "lokalkontakt")
    contact.get_by_role("navigation", name=t("Main menu")).get_by_role(
        "link", name=t("Meetings"), exact=True).click()
    assert_accessible(contact)  # the meeting list
    open_meeting(contact, first)
    assert_accessible(contact)  # the meeting page before any item
    propose(contact, focus_area=focus_area, check_accessibility=True)
    expect(contact.get_by_text(read("Proposed by %(name)s", name=CONTACT), exact=False))\
        .to_be_visible()
    expect(contact.get_by_role("link", name=read("Edit <span class=\"sr-only\">“%(title)s”</span>",
                                                 title=ITEM))).to_be_visible()
    assert_accessible(contact)  # the meeting page with a proposal

    # The coordinator puts it on the agenda and sends the agenda.
    coordinator = new_page()
    log_in(coordinator, "koordinator")
    put_on_the_agenda(coordinator, first, check_accessibility=True)
    coordinator.get_by_role("button", name=t("Send the agenda")).click()
    expect(coordinator.get_by_role("status").filter(has_text=t("The agenda is sent."))
           ).to_be_visible()
    expect(coordinator.get_by_text(t("Agenda sent"), exact=True)).to_be_visible()
    agendas = OutgoingEmail.objects.filter(to=["lokalkontakt@example.dk"], body__contains=ITEM)
    assert agendas.count() == 1, [e.subject for e in OutgoingEmail.objects.all()]

    # The minutes of the item and an action item for the deputy.
    coordinator.get_by_role("link", name=read(
        'Minutes <span class="sr-only">of “%(title)s”</span>', title=ITEM)).click()
    expect(coordinator.get_by_role("heading", level=1)).to_have_text(
        read("Minutes of “%(title)s”", title=ITEM))
    assert_accessible(coordinator)
    coordinator.get_by_label(t("Decisions")).fill(DECISIONS)
    coordinator.get_by_label(t("Experiences")).fill(EXPERIENCES)
    coordinator.get_by_role("button", name=t("Save the minutes")).click()
    expect(coordinator.get_by_text(t("The minutes of the item are saved."))).to_be_visible()
    expect(coordinator.get_by_text(DECISIONS)).to_be_visible()

    coordinator.get_by_role("link", name=read(
        'Action item <span class="sr-only">for “%(title)s”</span>', title=ITEM)).click()
    expect(coordinator.get_by_role("heading", level=1)).to_have_text(t("New action item"))
    expect(coordinator.get_by_label(t("Agenda item"))).to_have_value(
        str(AgendaItem.objects.get(title=ITEM).pk))
    assert_accessible(coordinator)
    due = timezone.localdate() + datetime.timedelta(days=60)
    coordinator.get_by_label(t("Action item"), exact=True).fill(ACTION)
    field = coordinator.get_by_label(t("Owner"), exact=True)  # the option reads "name (core area)"
    field.select_option(label=field.locator("option", has_text=CONTACT).first.inner_text())
    coordinator.get_by_label(t("Due"), exact=True).fill(due.isoformat())
    coordinator.get_by_role("button", name=t("Save the action item")).click()
    expect(coordinator.get_by_text(t("The action item is saved."))).to_be_visible()
    decided = coordinator.get_by_role("region", name=t("Action items decided at this meeting"))
    expect(decided.get_by_role("row").filter(has_text=ACTION)).to_contain_text(CONTACT)

    # Attendance.
    coordinator.get_by_role("link", name=t("Record attendance")).click()
    expect(coordinator.get_by_role("heading", level=1)).to_have_text(t("Record attendance"))
    assert_accessible(coordinator)
    coordinator.get_by_label(CONTACT, exact=True).select_option(label=t("Present"))
    coordinator.get_by_role("button", name=t("Save the attendance")).click()
    expect(coordinator.get_by_text(t("The attendance is saved."))).to_be_visible()
    participants = coordinator.get_by_role("region", name=t("Participants"))
    expect(participants.get_by_role("row").filter(has_text=CONTACT)).to_contain_text(t("Present"))
    assert_accessible(coordinator)  # items with minutes and action items, attendance

    # The next meeting: the action item is under "Opfølgning".
    open_meeting(coordinator, following)
    expect(coordinator.get_by_role("heading", name=t("Follow-up"), level=3)).to_be_visible()
    follow_up = coordinator.get_by_role("region", name=t("Action items from earlier meetings"))
    carried = follow_up.get_by_role("row").filter(has_text=ACTION)
    expect(carried).to_contain_text(CONTACT)
    expect(carried).to_contain_text(shown(due, "SHORT_DATE_FORMAT"))
    expect(carried.get_by_role("link", name=shown(first.starts_at, "SHORT_DATE_FORMAT")))\
        .to_be_visible()
    assert_accessible(coordinator)  # a meeting page with follow-up

    # The deputy finds it under "Mine opfølgningspunkter" and starts on it.
    contact.get_by_role("link", name=t("My areas"), exact=True).click()
    contact.get_by_role("link", name=read_plural(
        "%(counter)s open action item", "%(counter)s open action items", 1)).click()
    expect(contact.get_by_role("heading", level=1)).to_have_text(t("My action items"))
    assert_accessible(contact)
    contact.get_by_role("link", name=ACTION).click()
    expect(contact.get_by_role("heading", level=1)).to_have_text(ACTION)
    assert_accessible(contact)
    contact.get_by_label(t("Status"), exact=True).select_option(label=t("In progress"))
    contact.get_by_label(t("Comment")).fill("Møde med formanden aftalt.")
    contact.get_by_role("button", name=t("Save"), exact=True).click()
    expect(contact.get_by_text(t("The action item is saved."))).to_be_visible()
    history = contact.get_by_role("region", name=t("History"))
    expect(history.get_by_role("row").filter(has_text="Møde med formanden aftalt."))\
        .to_contain_text(t("In progress"))
    assert ActionItem.objects.get(title=ACTION).status == ActionItem.Status.IN_PROGRESS

    # Time passes: the first meeting was held yesterday. The coordinator sends the minutes, and
    # the experiences become a knowledge note the deputy finds by search.
    yesterday = timezone.localdate() - datetime.timedelta(days=1)
    Meeting.objects.filter(pk=first.pk).update(
        starts_at=local_datetime(yesterday, datetime.time(14)),
        ends_at=local_datetime(yesterday, datetime.time(16)))
    first.refresh_from_db()
    open_meeting(coordinator, first)
    coordinator.get_by_role("button", name=t("Send the minutes")).click()
    expect(coordinator.get_by_role("status").filter(has_text=t(
        "The minutes are sent, and the experiences are shared as knowledge notes."))
           ).to_be_visible()
    expect(coordinator.get_by_text(t("Minutes sent"), exact=True)).to_be_visible()
    expect(coordinator.get_by_role("link", name=t("Shared as a knowledge note"))).to_be_visible()
    assert_accessible(coordinator)  # a held meeting with minutes sent

    contact.get_by_role("link", name=t("Search"), exact=True).click()
    contact.get_by_label(t("Search for")).fill("vinduesudstillinger")
    contact.get_by_role("button", name=t("Search"), exact=True).click()
    note = contact.get_by_role("link", name=re.compile(re.escape(ITEM)))
    expect(note).to_be_visible()
    note.click()
    expect(contact.get_by_role("heading", level=1)).to_contain_text(ITEM)
    expect(contact.get_by_text(EXPERIENCES)).to_be_visible()


def test_bulletin_and_calendar_pages_are_accessible(meetings, page):
    log_in(page, "koordinator")
    page.get_by_role("navigation", name=t("Main menu")).get_by_role(
        "link", name=t("Meetings"), exact=True).click()
    expect(page.get_by_role("link", name=t("Write a bulletin"))).to_be_visible()
    assert_accessible(page)  # the coordinator's list, with the series' meetings
    page.get_by_role("link", name=t("Write a bulletin")).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(t("Write a bulletin"))
    assert_accessible(page)
    page.get_by_role("button", name=t("Send the bulletin")).click()
    expect(page.get_by_role("alert")).to_contain_text(t("The form has errors"))
    expect(page.get_by_role("link", name=f'{t("Text")}: {t("This field is required.")}'))\
        .to_be_visible()
    assert_accessible(page)  # with errors

    page.get_by_role("navigation", name=t("Main menu")).get_by_role(
        "link", name=t("Meetings"), exact=True).click()
    page.get_by_role("link", name=t("My calendar")).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(t("My calendar"))
    expect(page.get_by_label(t("Your private calendar address"))).to_have_value(
        re.compile(r"/moeder/kalender/\d+/[^/]+\.ics$"))
    assert_accessible(page)


def test_proposing_and_arranging_work_without_javascript(meetings, new_page):
    first, _following = meetings
    contact = new_page(javascript=False)
    log_in(contact, "lokalkontakt")
    contact.get_by_role("link", name=t("My areas"), exact=True).click()
    next_meeting = contact.get_by_role("listitem").filter(has_text=t("Next coordination meeting:"))
    next_meeting.get_by_role("link", name=f"{shown(first.starts_at, 'l j. F Y')}, 14:00").click()
    expect(contact.get_by_role("heading", level=1)).to_have_text(
        f"{TITLE}, {shown(first.starts_at, 'j. F Y')}")
    propose(contact)

    coordinator = new_page(javascript=False)
    log_in(coordinator, "koordinator")
    put_on_the_agenda(coordinator, first)
    coordinator.get_by_role("button", name=t("Send the agenda")).click()
    expect(coordinator.get_by_role("status").filter(has_text=t("The agenda is sent."))
           ).to_be_visible()
