# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""Development projects in the browser (issue 7, item 7): the coordinator starts a project in
Korning with the demo contact as its lead from "Projekter" in the menu (after one try without a
title and an area), adds a milestone and marks it done; the contact, the lead, finds the project
on Korning's page and writes in its notes. axe on the list, the empty form, the form with errors
and the project page."""

import datetime

import pytest
from django.utils import timezone

from lokalkontakt.core.models import FocusArea
from lokalkontakt.projects.models import Milestone, Project
from tests.browser.helpers import expect, log_in, message, read, shown, t
from tests.browser.test_accessibility import (
    assert_accessible,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

CONTACT = "Demo Lokalkontakt"  # the demo "lokalkontakt", deputy of Korning and Hornborg
TITLE = "Nyt liv i Korning Forsamlingshus"
MILESTONE = "Ansøgning til Landdistriktspuljen"
DUE = datetime.date(2026, 9, 1)


def test_the_coordinator_starts_a_project_and_the_lead_keeps_it_up_to_date(hedensted, new_page):
    focus = FocusArea.objects.order_by("number").first()
    today = timezone.localdate()

    coordinator = new_page()
    log_in(coordinator, "koordinator")
    coordinator.get_by_role("navigation", name=t("Main menu")).get_by_role(
        "link", name=t("Projects"), exact=True).click()
    expect(coordinator.get_by_role("heading", level=1)).to_have_text(t("Development projects"))
    assert_accessible(coordinator)  # the list (with the demo's projects)

    coordinator.get_by_role("link", name=t("New project"), exact=True).click()
    expect(coordinator.get_by_role("heading", level=1)).to_have_text(t("New project"))
    assert_accessible(coordinator)  # the empty form

    # Sent without a title and without an area.
    coordinator.get_by_role("button", name=t("Save the project")).click()
    alert = coordinator.get_by_role("alert")
    expect(alert).to_contain_text(t("The form has errors"))
    expect(alert).to_contain_text(f'{t("Local areas")}: {t("This field is required.")}')
    alert.get_by_role("link", name=f'{t("Title")}: {t("This field is required.")}').click()
    expect(coordinator.get_by_label(t("Title"), exact=True)).to_be_focused()
    assert_accessible(coordinator)  # the form with errors
    assert not Project.objects.filter(title=TITLE).exists()

    coordinator.get_by_label(t("Title"), exact=True).fill(TITLE)
    coordinator.get_by_label(t("Status"), exact=True).select_option(label=t("Active"))
    field = coordinator.get_by_label(t("Lead"))  # the option reads "name (core area)"
    field.select_option(label=field.locator("option", has_text=CONTACT).first.inner_text())
    coordinator.get_by_role("group", name=t("Local areas")).get_by_label(
        "Korning", exact=True).check()
    coordinator.get_by_role("group", name=t("Focus areas")).get_by_label(
        focus.name, exact=True).check()
    coordinator.get_by_label(t("The coordinator's part")).fill("Finder puljer og skriver ansøgningen.")
    coordinator.get_by_label(t("Notes")).fill("Bestyrelsen vil gerne i gang til efteråret.")
    coordinator.get_by_role("button", name=t("Save the project")).click()

    expect(message(coordinator, t("The project is saved."))).to_be_visible()
    expect(coordinator.get_by_role("heading", level=1)).to_have_text(TITLE)
    expect(coordinator.get_by_text("Finder puljer og skriver ansøgningen.")).to_be_visible()
    expect(coordinator.get_by_role("link", name=CONTACT, exact=True)).to_be_visible()
    expect(coordinator.get_by_role("link", name="Korning", exact=True)).to_be_visible()
    expect(coordinator.get_by_text(t("No milestones yet."))).to_be_visible()
    project = Project.objects.get(title=TITLE)
    assert (project.lead.name, [a.name for a in project.areas.all()],
            list(project.focus_areas.all())) == (CONTACT, ["Korning"], [focus])
    assert project.history.get().history_user.username == "koordinator"

    # A milestone, then done.
    coordinator.get_by_label(t("Milestone"), exact=True).fill(MILESTONE)
    coordinator.get_by_label(t("Planned for")).fill(DUE.isoformat())
    coordinator.get_by_role("button", name=t("Add the milestone")).click()
    expect(message(coordinator, t("The milestone is added."))).to_be_visible()
    row = coordinator.get_by_role("row").filter(has_text=MILESTONE)
    expect(row).to_contain_text(shown(DUE))
    assert_accessible(coordinator)  # the project page with a milestone to mark done

    row.get_by_role("button", name=read('Mark done <span class="sr-only">“%(title)s”</span>',
                                        title=MILESTONE)).click()
    expect(message(coordinator, t("The milestone is marked done."))).to_be_visible()
    row = coordinator.get_by_role("row").filter(has_text=MILESTONE)
    expect(row).to_contain_text(shown(today))
    expect(row.get_by_role("button", name=read(
        'Open again <span class="sr-only">“%(title)s”</span>', title=MILESTONE))).to_be_visible()
    assert Milestone.objects.get(title=MILESTONE).done_on == today
    assert_accessible(coordinator)  # the project page

    # The lead finds the project on Korning's page and writes in its notes.
    contact = new_page()
    log_in(contact, "lokalkontakt")
    contact.goto(project.areas.get().get_absolute_url())
    contact.get_by_role("link", name=TITLE, exact=True).click()
    expect(contact.get_by_role("heading", level=1)).to_have_text(TITLE)
    contact.get_by_role("link", name=t("Edit the project")).click()
    expect(contact.get_by_role("heading", level=1)).to_have_text(t("Edit the project"))
    notes = contact.get_by_label(t("Notes"))
    expect(notes).to_have_value("Bestyrelsen vil gerne i gang til efteråret.")
    notes.fill("Ansøgningen er sendt; svar i oktober.")
    contact.get_by_role("button", name=t("Save the project")).click()

    expect(message(contact, t("The project is saved."))).to_be_visible()
    expect(contact.get_by_text("Ansøgningen er sendt; svar i oktober.")).to_be_visible()
    project.refresh_from_db()
    assert project.notes == "Ansøgningen er sendt; svar i oktober."
    assert [(r.history_user.username, r.notes) for r in project.history.order_by("history_id")] == [
        ("koordinator", "Bestyrelsen vil gerne i gang til efteråret."),
        ("lokalkontakt", "Ansøgningen er sendt; svar i oktober.")]
    history = contact.get_by_role("region", name=t("History"))
    expect(history.get_by_role("row").nth(1)).to_contain_text(CONTACT)
