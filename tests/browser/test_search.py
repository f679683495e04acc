# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""A colleague searches Hedensted's notes: narrows to notes about Korning with the filters, pages
on, and asks who knows something about it, finding the colleague who wrote them. axe on the
results and on "who knows"; the search also works without JavaScript (a visitor, and the
colleague paging)."""

import datetime
import re

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone

from lokalkontakt.areas.models import LocalArea
from lokalkontakt.consultations.services import consultation_create
from lokalkontakt.knowledge.models import Note
from lokalkontakt.knowledge.services import note_create
from tests.browser.helpers import expect, log_in, screenshot, t
from tests.browser.test_accessibility import (
    assert_accessible,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

KORNING_NOTES = 24  # two pages: 20 and 4


@pytest.fixture
def shelters(hedensted):
    """24 staff notes about the shelters in Korning and 2 in Hornborg, written by the contact;
    a consultation about Korning's shelter, asked for by the colleague."""
    users = {user.username: user for user in get_user_model().objects.all()}
    korning, hornborg = LocalArea.objects.get(name="Korning"), LocalArea.objects.get(name="Hornborg")
    for n in range(KORNING_NOTES):
        note_create(actor=users["lokalkontakt"], title=f"Shelter nummer {n + 1} i Korning",
                    text="Shelteren ved skoven kan bookes af foreninger.", kind=Note.Kind.EVENTS,
                    visibility=Note.Visibility.STAFF, area=korning)
    for n in range(2):
        note_create(actor=users["lokalkontakt"], title=f"Shelter nummer {n + 1} i Hornborg",
                    text="Shelteren ved åen.", kind=Note.Kind.EVENTS,
                    visibility=Note.Visibility.STAFF, area=hornborg)
    consultation_create(title="Ny shelter i Korning", description="Hvor skal shelteren stå?",
                        areas=[korning], actor=users["kollega"],
                        deadline=timezone.localdate() + datetime.timedelta(days=14))
    return korning


def results(page):
    return page.locator(".search-results > li")


def search_for(page, query: str):
    page.get_by_label(t("Search for")).fill(query)
    with page.expect_navigation():
        page.get_by_role("button", name=t("Search"), exact=True).click()


def test_a_colleague_filters_pages_and_finds_who_knows(page, shelters):
    korning = shelters
    log_in(page, "kollega")
    page.get_by_role("link", name=t("Search"), exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(t("Search"))

    search_for(page, "shelter")
    # The 26 notes and the consultation.
    expect(page.get_by_role("heading", level=2)).to_have_text("27 resultater")
    expect(results(page).filter(has_text=t("Consultation"))).to_have_count(1)

    page.get_by_text(t("Filters"), exact=True).click()
    page.get_by_label(t("Type")).select_option(label=t("Notes"))
    page.get_by_label(t("Local area")).select_option(label="Korning")
    with page.expect_navigation():
        page.get_by_role("button", name=t("Search"), exact=True).click()

    expect(page).to_have_url(re.compile(rf"[?&]kind=note&area={korning.pk}\b"))
    expect(page.get_by_role("heading", level=2)).to_have_text(f"{KORNING_NOTES} resultater")
    expect(results(page)).to_have_count(20)
    expect(results(page).filter(has_text="Hornborg")).to_have_count(0)
    expect(results(page).filter(has_text=t("Consultation"))).to_have_count(0)
    expect(page.locator(".pagination")).to_contain_text(  # shown on small screens
        t("Page %(number)s of %(total)s") % {"number": 1, "total": 2})
    expect(page.locator(".search-result__snippet mark").first).to_have_text("Shelteren")
    # The filters are still chosen, and open, on the results page.
    expect(page.get_by_label(t("Type"))).to_have_value("note")
    expect(page.get_by_label(t("Local area"))).to_have_value(str(korning.pk))
    screenshot(page, "search-results")
    assert_accessible(page)

    with page.expect_navigation():
        page.get_by_role("link", name=t("Next"), exact=True).click()

    expect(page).to_have_url(re.compile(r"[?&]side=2\b"))
    expect(page).to_have_url(re.compile(rf"[?&]area={korning.pk}\b"))
    expect(results(page)).to_have_count(KORNING_NOTES - 20)
    expect(page.locator(".pagination")).to_contain_text(  # shown on small screens
        t("Page %(number)s of %(total)s") % {"number": 2, "total": 2})
    expect(page.get_by_role("link", name=t("Next"), exact=True)).to_have_count(0)
    expect(page.get_by_role("link", name=t("Previous"), exact=True)).to_be_visible()

    with page.expect_navigation():
        page.get_by_role("link", name="Hvem ved noget om “shelter”?").click()

    expect(page.get_by_role("heading", level=1)).to_have_text(t("Who knows something about …"))
    people = page.locator(".search-results > li")
    # The contact wrote the 26 notes (in Korning and Hornborg): first. The colleague asked for
    # the consultation.
    expect(people.first.get_by_role("heading", level=3)).to_have_text("Demo Lokalkontakt")
    expect(people.first.get_by_role("listitem")).to_have_text("Skrev 26 noter, der matcher")
    colleague = people.filter(has=page.get_by_role("heading", name="Demo Kollega"))
    expect(colleague.get_by_role("listitem")).to_have_text("Har bedt om 1 høring, der matcher")
    screenshot(page, "who-knows")
    assert_accessible(page)

    with page.expect_navigation():
        page.get_by_role("link", name=t("See what matches")).click()
    expect(page.get_by_role("heading", level=2)).to_have_text("27 resultater")


def test_the_search_works_without_javascript(new_page, shelters):
    visitor = new_page(javascript=False)
    visitor.goto("/soeg/")
    search_for(visitor, "sommerfesten")  # the demo's public note, in another form of the word

    expect(results(visitor)).to_have_count(1)
    expect(visitor.get_by_role("link", name="Sommerfest i sportshallen")).to_be_visible()
    expect(visitor.get_by_text("Shelter")).to_have_count(0)  # staff notes
    expect(visitor.get_by_role("link", name=re.compile("Hvem ved noget om"))).to_have_count(0)

    visitor.get_by_text(t("Filters"), exact=True).click()  # <details>: no script needed
    assert visitor.get_by_label(t("Type")).locator("option").all_inner_texts() == [
        t("Everything"), t("Local areas"), t("Notes")]
    visitor.get_by_label(t("Type")).select_option(label=t("Local areas"))
    with visitor.expect_navigation():
        visitor.get_by_role("button", name=t("Search"), exact=True).click()
    expect(visitor.get_by_text(
        t("Nothing found. Check the spelling, use fewer words, or remove a filter."))).to_be_visible()

    colleague = new_page(javascript=False)
    log_in(colleague, "kollega")
    colleague.goto("/soeg/")
    colleague.get_by_text(t("Filters"), exact=True).click()
    colleague.get_by_label(t("Type")).select_option(label=t("Notes"))
    colleague.get_by_label(t("Local area")).select_option(label="Korning")
    search_for(colleague, "shelter")
    expect(results(colleague)).to_have_count(20)
    with colleague.expect_navigation():
        colleague.get_by_role("link", name=t("Next"), exact=True).click()
    expect(results(colleague)).to_have_count(KORNING_NOTES - 20)
    with colleague.expect_navigation():
        colleague.get_by_role("link", name="Hvem ved noget om “shelter”?").click()
    expect(colleague.get_by_role("heading", level=3, name="Demo Lokalkontakt")).to_be_visible()
