# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""The coordinator settles Bilag 1's Stenderup conflict from the list of conflicts, as a person
would: the form passes axe, the conflict leaves the list, Stenderup's history says who settled it."""

import pytest
from django.urls import reverse

from tests.browser.helpers import expect, log_in, t
from tests.browser.test_accessibility import assert_accessible

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_the_coordinator_settles_the_stenderup_conflict(page, hedensted):
    log_in(page, "koordinator")
    page.goto(reverse("coordination:overview_list", kwargs={"name": "konflikter"}))
    page.get_by_role("link", name=f"{t('mark as settled')} – Stenderup").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Stenderup")
    assert_accessible(page)

    page.get_by_label(t("Without a contact")).check()
    page.get_by_label(t("Note")).fill("Området har ingen lokalkontakt i dag.")
    page.get_by_role("button", name=t("Mark as settled")).click()

    expect(page.get_by_text(t("The conflict about %(area)s is settled.") % {
        "area": "Stenderup"})).to_be_visible()
    expect(page.get_by_text(t("No conflicts were found in the sources."))).to_be_visible()
    page.goto("/omraader/stenderup/")
    expect(page.get_by_text(t("Source conflict settled: %(kept)s is kept.") % {
        "kept": t("Without a contact")}, exact=False)).to_be_visible()
    expect(page.get_by_text("Området har ingen lokalkontakt i dag.", exact=False)).to_be_visible()
