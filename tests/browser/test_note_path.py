# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""A colleague writes a note about Korning, shared with its council; Korning's contact is told by
e-mail, finds the note by search (other word forms), opens it and sees it on the area page. axe
on the form, the note page, the list and the search; neither the public area page nor a
visitor's search shows the note."""

import pytest

from lokalkontakt.core.models import OutgoingEmail
from tests.browser.helpers import expect, log_in, t
from tests.browser.test_accessibility import (
    assert_accessible,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_colleague_writes_a_note_and_the_contact_finds_it(page, hedensted, new_page):
    log_in(page, "kollega")
    page.get_by_role("link", name=t("Knowledge"), exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(t("Knowledge"))
    assert_accessible(page)
    page.get_by_role("link", name=t("New note")).click()
    assert_accessible(page)
    page.get_by_label(t("Title"), exact=True).fill("Forsamlingshuset i Korning")
    page.get_by_label(t("Local area")).select_option(label="Korning")
    page.get_by_label(t("Kind")).select_option(label=t("Associations and facilities"))
    page.get_by_label(t("Text"), exact=True).fill(
        "Huset kan lejes **gratis** af foreninger.\n\n- Kontakt: [bestyrelsen](https://example.dk)")
    page.get_by_label(t("Staff and the area's council")).check()
    page.get_by_role("button", name=t("Save the note")).click()

    expect(page.get_by_text(t("The note is saved."))).to_be_visible()
    expect(page.get_by_role("heading", level=1)).to_have_text("Forsamlingshuset i Korning")
    expect(page.locator("strong", has_text="gratis")).to_be_visible()
    expect(page.get_by_role("link", name="bestyrelsen")).to_have_attribute(
        "rel", "noopener noreferrer")
    assert_accessible(page)
    assert OutgoingEmail.objects.filter(subject__contains="Forsamlingshuset i Korning").exists()

    contact = new_page()
    log_in(contact, "lokalkontakt")
    contact.get_by_role("link", name=t("Search"), exact=True).click()
    assert_accessible(contact)
    # Other forms of the words: "foreningerne" finds "foreninger", "huse" finds "Forsamlingshuset".
    contact.get_by_label(t("Search for")).fill("foreningerne huse")
    contact.get_by_role("button", name=t("Search"), exact=True).click()
    result = contact.get_by_role("link", name="Forsamlingshuset i Korning")
    expect(result).to_be_visible()
    ours = contact.locator(".search-result", has=result)
    expect(ours.locator(".search-result__snippet mark", has_text="foreninger")).to_be_visible()
    assert_accessible(contact)
    result.click()
    expect(contact.get_by_role("heading", level=1)).to_have_text("Forsamlingshuset i Korning")
    expect(contact.get_by_role("link", name=t("Edit note"))).to_be_visible()  # Korning's deputy
    contact.goto("/omraader/korning/")
    expect(contact.get_by_role("link", name="Forsamlingshuset i Korning")).to_be_visible()

    visitor = new_page(javascript=False)
    visitor.goto("/omraader/korning/")
    expect(visitor.get_by_role("heading", level=1)).to_have_text("Korning")
    expect(visitor.get_by_text("Forsamlingshuset i Korning")).to_have_count(0)
    visitor.goto("/soeg/?q=forsamlingshuset")
    expect(visitor.get_by_text(
        t("Nothing found. Check the spelling, use fewer words, or remove a filter."))).to_be_visible()
    expect(visitor.get_by_role("link", name="Forsamlingshuset i Korning")).to_have_count(0)
