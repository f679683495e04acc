# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""Enter in the title field of a form that offers "Suggest focus areas" saves the form (its
default button), with or without JavaScript; the suggest button still asks for suggestions."""

import pytest

from lokalkontakt.knowledge.models import Note
from tests.browser.helpers import expect, log_in, t
from tests.browser.test_accessibility import assert_accessible

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def write_note(page, title: str) -> None:
    page.goto("/viden/ny/")
    page.get_by_label(t("Local area")).select_option(label="Korning")
    page.get_by_label(t("Kind")).select_option(label=t("Associations and facilities"))
    page.get_by_label(t("Text"), exact=True).fill("Huset kan lejes af foreninger.")
    page.get_by_label(t("Title"), exact=True).fill(title)


@pytest.mark.parametrize("javascript", [True, False])
def test_enter_in_the_title_saves_the_note(hedensted, new_page, javascript):
    page = new_page(javascript=javascript)
    log_in(page, "kollega")
    write_note(page, "Forsamlingshuset i Korning")
    if javascript:
        assert_accessible(page)

    page.get_by_label(t("Title"), exact=True).press("Enter")

    expect(page.get_by_text(t("The note is saved."))).to_be_visible()
    expect(page.get_by_role("heading", level=1)).to_have_text("Forsamlingshuset i Korning")
    assert Note.objects.filter(title="Forsamlingshuset i Korning").count() == 1


def test_the_suggest_button_still_asks_for_suggestions(hedensted, page):
    log_in(page, "kollega")
    write_note(page, "Forsamlingshuset i Korning")

    page.get_by_role("button", name=t("Suggest focus areas")).click()

    expect(page.get_by_role("heading", level=1)).to_have_text(t("New note"))
    expect(page.get_by_label(t("Title"), exact=True)).to_have_value("Forsamlingshuset i Korning")
    assert not Note.objects.filter(title="Forsamlingshuset i Korning").exists()
