# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""Among many areas (the list's limit lowered below Hedensted's 28) a citizen types the area's
name on the public form: htmx suggests areas as they type, they pick one and send; an ambiguous
text is refused with the matches to choose among. The coordinator filters the inquiry list by
typing. axe on each page."""

import pytest

from lokalkontakt.core.text import danish_sort_key
from lokalkontakt.inquiries.models import Inquiry
from tests.browser.helpers import expect, log_in, t
from tests.browser.test_accessibility import assert_accessible

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

SUBJECT = "Stien ved skolen mangler lys"


def fill_the_rest(page):
    page.get_by_label(t("Citizen"), exact=True).check()
    page.get_by_label(t("Subject")).fill(SUBJECT)
    page.get_by_label(t("Your inquiry")).fill("Det er mørkt på stien om morgenen.")
    page.get_by_label(t("Your name")).fill("Birthe Borger")
    page.get_by_label(t("Your e-mail")).fill("birthe@example.dk")
    page.get_by_label(t("I have read how the municipality processes my personal data")).check()


def test_a_citizen_types_picks_and_sends(page, hedensted, settings):
    settings.AREA_SELECT_MAX = 10
    page.goto("/henvendelser/ny/")
    field = page.get_by_role("combobox", name=t("Local area"))
    # The suggestions as the citizen types: the areas whose name (or town, postcode, parish)
    # has "Hor", in Danish order.
    field.press_sequentially("Hor", delay=50)
    suggestions = page.locator("#id_area-suggestions option")
    expect(page.locator("#id_area-suggestions option[value='Hornborg']")).to_have_count(1)
    names = [option.get_attribute("value") for option in suggestions.all()]
    assert {"Hornborg", "Hornsyld-Bråskov"} <= set(names) and len(names) <= 10
    assert names == sorted(names, key=danish_sort_key)
    assert_accessible(page)

    # Sent with the ambiguous beginning: the matches to choose among, nothing stored.
    fill_the_rest(page)
    page.get_by_role("button", name=t("Send inquiry")).click()
    expect(page.get_by_role("group", name=t("Choose the area you mean"))).to_be_visible()
    assert not Inquiry.objects.exists()
    assert_accessible(page)

    # Picked from the suggestions (a datalist fills the field with the area's name).
    field = page.get_by_role("combobox", name=t("Local area"))
    field.fill("")
    field.press_sequentially("Hornsy", delay=50)
    expect(page.locator("#id_area-suggestions option")).to_have_count(1)
    field.fill(page.locator("#id_area-suggestions option").first.get_attribute("value"))
    page.get_by_label(t("I have read how the municipality processes my personal data")).check()
    page.get_by_role("button", name=t("Send inquiry")).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(t("Your inquiry has been sent"))
    assert Inquiry.objects.get(subject=SUBJECT).area.name == "Hornsyld-Bråskov"


def test_the_coordinator_filters_the_inquiry_list_by_typing(page, hedensted, settings):
    settings.AREA_SELECT_MAX = 10
    log_in(page, "koordinator")
    page.goto("/henvendelser/?scope=all")
    page.get_by_role("combobox", name=t("Local area")).fill("korn")
    page.get_by_role("button", name=t("Show"), exact=True).click()
    expect(page.get_by_role("combobox", name=t("Local area"))).to_have_value("Korning")
    assert "area=korn" in page.url
    assert_accessible(page)
