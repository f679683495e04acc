# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""Onboarding in the browser (issue 7, item 4): the demo contact, deputy of Korning and Hornborg,
finds both checklists on "Mine områder", ticks a step done (and, without JavaScript, one on
Hornborg's), opens Korning's briefing pack and downloads it as PDF; the coordinator follows the
progress and adds a step to the template after one try without a title. axe on "Mine områder" with
the checklists, the briefing pack, the progress page, the template and its form with errors."""

import io

import pytest
from pypdf import PdfReader

from lokalkontakt.onboarding.models import OnboardingStep, OnboardingTask
from tests.browser.helpers import expect, log_in, message, read, screenshot, t
from tests.browser.test_accessibility import (
    assert_accessible,
)
from tests.onboarding.factories import load_default_template

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

CONTACT = "Demo Lokalkontakt"
FIRST = "Læs områdeprofilen og introduktionspakken"
SECOND = "Aftal med din leder, hvordan tiden findes"
NEW_STEP = "Besøg områdets skole og forsamlingshus"


@pytest.fixture
def default_steps(transactional_db):
    """The migration's default checklist (an earlier transactional test's flush removes it); the
    demo's assignments below copy it."""
    OnboardingStep.objects.all().delete()
    load_default_template()


def checklist(page, area: str):
    """A checklist on "Mine områder": a collapsed summary (<details>, role group) until opened."""
    return page.get_by_role("group").filter(
        has_text=read("Your checklist as deputy for %(name)s", name=area))


def open_checklist(page, area: str):
    page.get_by_text(read("Your checklist as deputy for %(name)s", name=area)).click()
    return checklist(page, area)


def steps_done(done: int, total: int) -> str:
    return read("%(done)s of %(total)s steps done", done=done, total=total)


def test_the_new_contact_ticks_a_step_and_reads_the_briefing_pack(default_steps, hedensted,
                                                                  new_page, tmp_path):
    contact = new_page()
    log_in(contact, "lokalkontakt")  # lands on "Mine områder"
    expect(contact.get_by_role("heading", level=2, name=t("Getting started"))).to_be_visible()
    korning = checklist(contact, "Korning")
    expect(korning).to_contain_text(steps_done(0, 6))
    expect(checklist(contact, "Hornborg")).to_contain_text(steps_done(0, 6))
    assert_accessible(contact)  # "Mine områder" with two checklists
    mark_first = korning.get_by_role("button", name=read(
        'Mark done <span class="sr-only">“%(title)s”</span>', title=FIRST))
    expect(mark_first).to_be_hidden()  # collapsed: the areas come first, the steps on request

    open_checklist(contact, "Korning")
    mark_first.click()

    expect(message(contact, read("“%(title)s” is done.", title=FIRST))).to_be_visible()
    korning = checklist(contact, "Korning")
    expect(korning).to_contain_text(steps_done(1, 6))
    expect(korning.get_by_role("button", name=read(
        'Open again <span class="sr-only">“%(title)s”</span>', title=FIRST))).to_be_visible()
    task = OnboardingTask.objects.get(assignment__area__name="Korning", title=FIRST)
    assert task.done_by.username == "lokalkontakt"
    assert task.history.first().history_user.username == "lokalkontakt"
    assert_accessible(contact)  # with a step done
    screenshot(contact, "onboarding-mine")

    korning.get_by_role("link", name=read("Briefing pack for %(name)s", name="Korning")).click()
    expect(contact.get_by_role("heading", level=1)).to_have_text(
        read("Briefing pack: %(name)s", name="Korning"))
    expect(contact.get_by_role("heading", level=2, name=t("Facts"))).to_be_visible()
    expect(contact.get_by_role("heading", level=2, name=t("Local council"))).to_be_visible()
    expect(contact.get_by_text(CONTACT).first).to_be_visible()
    assert_accessible(contact)  # the briefing pack
    screenshot(contact, "briefing-pack")

    with contact.expect_download() as download_info:
        contact.get_by_role("link", name=t("Download as PDF")).click()
    download = download_info.value
    assert download.suggested_filename == "introduktionspakke-korning.pdf"
    path = tmp_path / "pakke.pdf"
    download.save_as(path)
    content = path.read_bytes()
    assert content.startswith(b"%PDF")
    text = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)
    assert read("Briefing pack: %(name)s", name="Korning") in text
    assert CONTACT in text

    # Without JavaScript the buttons are plain forms.
    plain = new_page(javascript=False)
    log_in(plain, "lokalkontakt")
    open_checklist(plain, "Hornborg").get_by_role("button", name=read(
        'Mark done <span class="sr-only">“%(title)s”</span>', title=SECOND)).click()
    expect(checklist(plain, "Hornborg")).to_contain_text(steps_done(1, 6))
    assert OnboardingTask.objects.get(assignment__area__name="Hornborg", title=SECOND).done_at


def test_the_coordinator_follows_progress_and_adds_a_step(default_steps, hedensted, new_page):
    coordinator = new_page()
    log_in(coordinator, "koordinator")
    coordinator.goto("/introduktion/")
    expect(coordinator.get_by_role("heading", level=1)).to_have_text(
        t("Onboarding of new contacts"))
    rows = coordinator.get_by_role("row").filter(has_text=CONTACT)
    expect(rows).to_have_count(2)  # deputy of Korning and of Hornborg
    expect(rows.first).to_contain_text(read("%(done)s of %(total)s", done=0, total=6))
    assert_accessible(coordinator)  # the progress page

    coordinator.get_by_role("link", name=t("Edit the checklist template")).click()
    expect(coordinator.get_by_role("heading", level=1)).to_have_text(t("Checklist for new contacts"))
    expect(coordinator.get_by_role("row")).to_have_count(7)  # the header and the six steps
    assert_accessible(coordinator)  # the template

    coordinator.get_by_role("link", name=t("Add a step")).click()
    expect(coordinator.get_by_role("heading", level=1)).to_have_text(t("New step"))
    coordinator.get_by_role("button", name=t("Save the step")).click()
    alert = coordinator.get_by_role("alert")
    expect(alert).to_contain_text(t("The form has errors"))
    alert.get_by_role("link", name=f'{t("Step")}: {t("This field is required.")}').click()
    expect(coordinator.get_by_label(t("Step"), exact=True)).to_be_focused()
    assert_accessible(coordinator)  # the form with errors

    coordinator.get_by_label(t("Step"), exact=True).fill(NEW_STEP)
    coordinator.get_by_label(t("Description")).fill("Se, hvor lokalsamfundet mødes.")
    coordinator.get_by_label(t("Order")).fill("45")
    coordinator.get_by_role("button", name=t("Save the step")).click()

    expect(message(coordinator, t("The step is saved."))).to_be_visible()
    row = coordinator.get_by_role("row").filter(has_text=NEW_STEP)
    expect(row).to_contain_text("45")
    step = OnboardingStep.objects.get(title=NEW_STEP)
    assert (step.position, step.is_active, step.history.get().history_user.username) == (
        45, True, "koordinator")
    # The demo contact's checklists keep their six steps.
    assert OnboardingTask.objects.filter(title=NEW_STEP).count() == 0
