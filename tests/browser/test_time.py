# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""Time registration in the browser (issue 7, item 1): the demo contact registers 45 minutes on
Korning from "Mine områder" with the labels and the keyboard in under ten seconds, finds the entry
and the band in "Min tid" and the week in the year; the coordinator sees the contact in the time
overview and downloads it as XLSX. axe on Mine områder with the form, the week, the year, the form
with errors and the overview; the quick registration also works without JavaScript."""

import datetime
import time

import openpyxl
import pytest
from django.utils import timezone, translation

from lokalkontakt.core.text import format_duration, format_duration_range
from lokalkontakt.timesheets import capacity
from lokalkontakt.timesheets.models import TimeEntry
from tests.browser.helpers import expect, log_in, read, shown, t
from tests.browser.test_accessibility import (
    assert_accessible,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

CONTACT = "Demo Lokalkontakt"  # the demo "lokalkontakt", deputy of Korning and Hornborg
STATUS = {capacity.BELOW: "Below the band", capacity.WITHIN: "Within the band",
          capacity.ABOVE: "Above the band"}
LIMIT_SECONDS = 10


def danish(format_function, *minutes) -> str:
    """A duration as the Danish pages show it (core.text)."""
    with translation.override("da"):
        return format_function(*minutes)


def menu_time() -> str:
    with translation.override("da"):
        return translation.pgettext("menu", "Time")


def open_my_areas(page):
    page.get_by_role("navigation", name=t("Main menu")).get_by_role(
        "link", name=t("My areas"), exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(t("My areas"))


def quick_form(page):
    return page.get_by_role("region", name=t("Register time"))


def test_a_contact_registers_time_in_seconds_and_the_coordinator_exports_it(hedensted, new_page):
    today = timezone.localdate()
    monday = capacity.monday_of(today)
    band = capacity.Band.of(monday, monday + datetime.timedelta(days=6))

    contact = new_page()
    log_in(contact, "lokalkontakt")
    open_my_areas(contact)
    form = quick_form(contact)
    expect(form.get_by_label(t("Date"), exact=True)).to_have_value(today.isoformat())
    assert_accessible(contact)  # Mine områder with the quick form

    # The form with errors: sent without minutes.
    form.get_by_role("button", name=t("Register time")).click()
    expect(contact.get_by_role("alert")).to_contain_text(t("The form has errors"))
    contact.get_by_role("link", name=f'{t("Minutes")}: {t("This field is required.")}').click()
    expect(contact.get_by_label(t("Minutes"), exact=True)).to_be_focused()
    assert_accessible(contact)
    assert not TimeEntry.objects.exists()

    # From the page being loaded to the message: the labels and the keyboard only.
    open_my_areas(contact)
    contact.wait_for_load_state("load")
    started = time.monotonic()
    form = quick_form(contact)
    form.get_by_label(t("Local area")).select_option(label="Korning")
    minutes = form.get_by_label(t("Minutes"), exact=True)
    minutes.focus()
    contact.keyboard.type("45")
    form.get_by_label(t("Kind of activity")).select_option(label=t("With the local council"))
    form.get_by_label(t("Note")).focus()
    contact.keyboard.type("Bestyrelsesmøde i forsamlingshuset")
    contact.keyboard.press("Enter")
    registered = read("Registered: %(duration)s on %(day)s.", duration="45 min", day=shown(today))
    expect(contact.get_by_role("status").filter(has_text=registered)).to_be_visible()
    elapsed = time.monotonic() - started
    print(f"Registering 45 minutes from Mine områder took {elapsed:.2f} s")
    assert elapsed < LIMIT_SECONDS, f"registering took {elapsed:.1f} s"
    expect(contact.get_by_role("heading", level=1)).to_have_text(t("My areas"))
    saved = TimeEntry.objects.get()
    assert (saved.area.name, saved.day, saved.minutes, saved.kind, saved.employee.name) == (
        "Korning", today, 45, TimeEntry.Kind.COUNCIL, CONTACT)

    # Min tid: the week with the entry and the band.
    contact.get_by_role("link", name=t("My time this week and this year")).click()
    expect(contact.get_by_role("heading", level=1)).to_have_text(
        f'{t("My time")}: {read("week %(number)s", number=today.isocalendar().week)}')
    row = contact.get_by_role("row").filter(has_text="Korning")
    expect(row).to_contain_text(t("With the local council"))
    expect(row).to_contain_text("45")
    expect(row).to_contain_text("Bestyrelsesmøde i forsamlingshuset")
    expect(row.get_by_role("link", name=read(
        'Correct <span class="sr-only">the entry of %(date)s</span>', date=shown(today))))\
        .to_be_visible()
    total = contact.locator(".time-total")
    expect(total).to_contain_text(read("%(duration)s registered", duration=danish(format_duration, 45)))
    expect(total).to_contain_text(t(STATUS[band.status(45)]))
    expect(total).to_contain_text(read("(expected %(span)s)", span=danish(
        format_duration_range, band.low, band.high)))
    assert_accessible(contact)  # the week

    # The year.
    contact.get_by_role("link", name=t("This year")).click()
    expect(contact.get_by_role("heading", level=1)).to_have_text(f'{t("My time")}: {today.year}')
    expect(contact.get_by_text(read("%(duration)s registered this year",
                                    duration=danish(format_duration, 45)))).to_be_visible()
    week_row = contact.get_by_role("row").filter(
        has=contact.get_by_role("link", name=str(today.isocalendar().week), exact=True))
    expect(week_row).to_contain_text(shown(monday))
    expect(week_row).to_contain_text(t(STATUS[band.status(45)]))
    assert_accessible(contact)  # the year
    # The contact does not see the overview.
    expect(contact.get_by_role("link", name=t("Time overview"))).to_have_count(0)

    # The coordinator: the overview and the spreadsheet.
    coordinator = new_page()
    log_in(coordinator, "koordinator")
    coordinator.get_by_role("navigation", name=t("Main menu")).get_by_role(
        "link", name=menu_time(), exact=True).click()
    coordinator.get_by_role("link", name=t("Time overview")).click()
    expect(coordinator.get_by_role("heading", level=1)).to_have_text(t("Time overview"))
    contacts = coordinator.get_by_role("region", name=t("Per contact"))
    contact_row = contacts.get_by_role("row").filter(has_text=CONTACT)
    expect(contact_row).to_contain_text("45")
    expect(contact_row).to_contain_text("Teknik og Miljø")
    core_areas = coordinator.get_by_role("region", name=t("Per core area"))
    expect(core_areas.get_by_role("row").filter(has_text="Teknik og Miljø")).to_contain_text("45")
    expect(core_areas.get_by_role("row").filter(has_text=t("In all"))).to_be_visible()
    assert_accessible(coordinator)  # the overview

    # The time per local area, a page of its own.
    coordinator.get_by_role("link", name=t("See the time per local area")).click()
    expect(coordinator.get_by_role("heading", level=1)).to_have_text(t("Time per local area"))
    areas = coordinator.get_by_role("region", name=t("Time per local area"))
    expect(areas.get_by_role("row").filter(has_text="Korning")).to_contain_text("45")
    assert_accessible(coordinator)  # the time per local area
    coordinator.get_by_role("link", name=t("Back to the time overview")).click()
    expect(coordinator.get_by_role("heading", level=1)).to_have_text(t("Time overview"))

    with coordinator.expect_download() as download_info:
        coordinator.get_by_role("link", name=t("Download as a spreadsheet (XLSX)")).click()
    download = download_info.value
    assert download.suggested_filename == (
        f"tid-{today.replace(month=1, day=1):%Y%m%d}-{today:%Y%m%d}.xlsx")
    with open(download.path(), "rb") as handle:  # the path has no .xlsx ending
        book = openpyxl.load_workbook(handle)
    assert book.sheetnames == [t("Contacts"), t("Local areas"), t("Core areas")]
    rows = {row[0]: row for row in book[t("Contacts")].iter_rows(values_only=True)}
    assert rows[CONTACT][1] == "Teknik og Miljø"
    assert rows[CONTACT][3] == 45


def test_the_quick_registration_works_without_javascript(hedensted, new_page):
    today = timezone.localdate()
    contact = new_page(javascript=False)
    log_in(contact, "lokalkontakt")
    open_my_areas(contact)
    form = quick_form(contact)
    form.get_by_label(t("Local area")).select_option(label="Hornborg")
    form.get_by_label(t("Kind of activity")).select_option(label=t("Preparation and follow-up"))
    form.get_by_label(t("Outside normal working hours")).check()
    form.get_by_role("button", name=t("Register time")).click()

    # Without minutes: the full form with the error, which still returns to Mine områder.
    expect(contact.get_by_role("alert")).to_contain_text(t("The form has errors"))
    expect(contact.get_by_role("heading", level=1)).to_have_text(t("Register time"))
    expect(contact.get_by_label(t("Local area"))).to_have_value(
        str(TimeEntry._meta.get_field("area").related_model.objects.get(name="Hornborg").pk))
    contact.get_by_label(t("Minutes"), exact=True).fill("30")
    contact.get_by_role("button", name=t("Register time")).click()

    expect(contact.get_by_role("heading", level=1)).to_have_text(t("My areas"))
    expect(contact.get_by_text(read("Registered: %(duration)s on %(day)s.", duration="30 min",
                                    day=shown(today)))).to_be_visible()
    saved = TimeEntry.objects.get()
    assert (saved.area.name, saved.minutes, saved.kind, saved.outside_hours) == (
        "Hornborg", 30, TimeEntry.Kind.PREPARATION, True)
