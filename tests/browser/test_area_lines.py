# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""Among many areas (the list's limit lowered below Hedensted's 28) the coordinator writes a
project's local areas one per line on a 320 px phone: a beginning that fits several is refused
with the names to copy, the corrected lines are saved. axe on the form, before and after the
refusal."""

import pytest
from django.urls import reverse

from lokalkontakt.projects.models import Project
from tests.browser.helpers import expect, log_in, t
from tests.browser.test_accessibility import assert_accessible

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

TITLE = "Stier mellem landsbyerne"


def test_the_coordinator_writes_the_areas_one_per_line_on_a_phone(new_page, hedensted, settings):
    settings.AREA_SELECT_MAX = 10
    page = new_page()
    log_in(page, "koordinator")
    page.set_viewport_size({"width": 320, "height": 640})
    page.goto(reverse("projects:new"))
    field = page.get_by_role("textbox", name=t("Local areas"))
    expect(field).to_be_visible()
    assert page.locator("input[name='areas']").count() == 0  # no checkbox per area
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    assert_accessible(page)

    page.get_by_label(t("Title")).fill(TITLE)
    field.fill("korn\nHor")
    page.get_by_role("button", name=t("Save the project")).click()
    expect(page.locator("#id_areas-error")).to_contain_text("Hornborg")
    expect(page.locator("#id_areas-error")).to_contain_text("Hornsyld-Bråskov")
    expect(page.locator("#id_areas-chosen")).to_contain_text("Korning")
    assert not Project.objects.filter(title=TITLE).exists()
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    assert_accessible(page)

    field = page.get_by_role("textbox", name=t("Local areas"))
    expect(field).to_have_value("korn\nHor")
    field.fill("korn\nHornborg")
    page.get_by_role("button", name=t("Save the project")).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(TITLE)
    assert sorted(Project.objects.get(title=TITLE).areas.values_list("name", flat=True)) == [
        "Hornborg", "Korning"]
