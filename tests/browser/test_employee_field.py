# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""Among many employees (the list's limit lowered) the coordinator filters the inquiry list by
typing the handler's name: htmx suggests names as they type; an ambiguous name offers the
matches to choose among; the chosen one filters the list. axe on each page."""

import pytest

from lokalkontakt.core.text import danish_sort_key
from tests.browser.helpers import expect, log_in, t
from tests.browser.test_accessibility import assert_accessible
from tests.inquiries.factories import InquiryFactory
from tests.people.factories import EmployeeFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_the_coordinator_filters_the_inquiry_list_by_the_handlers_name(page, hedensted, settings):
    settings.EMPLOYEE_SELECT_MAX = 2
    holm = EmployeeFactory(name="Anne Holm")
    hansen = EmployeeFactory(name="Anne Hansen")
    EmployeeFactory(name="Åse Andersen")
    InquiryFactory(assignee=holm, subject="Sti til skolen")
    InquiryFactory(assignee=hansen, subject="Ny legeplads")
    log_in(page, "koordinator")
    page.goto("/henvendelser/?scope=all&status=any")
    field = page.get_by_role("combobox", name=t("Handled by"))

    # The suggestions as the coordinator types: the names that begin with or hold "an".
    field.press_sequentially("An", delay=50)
    suggestions = page.locator("#id_assignee-suggestions option")
    expect(page.locator("#id_assignee-suggestions option[value='Anne Holm']")).to_have_count(1)
    names = [option.get_attribute("value") for option in suggestions.all()]
    assert {"Anne Hansen", "Anne Holm", "Åse Andersen"} <= set(names) and len(names) <= 10
    assert names == sorted(names, key=danish_sort_key)
    assert_accessible(page)

    # Shown with the ambiguous beginning: the matches to choose among; the list is not filtered.
    page.get_by_role("button", name=t("Show"), exact=True).click()
    expect(page.get_by_role("group", name=t("Choose the employee you mean"))).to_be_visible()
    expect(page.get_by_text("Ny legeplads")).to_be_visible()
    assert_accessible(page)

    # The one chosen filters the list, and the field shows the name.
    page.get_by_role("radio", name="Anne Hansen", exact=False).check()
    page.get_by_role("button", name=t("Show"), exact=True).click()
    expect(page.get_by_role("combobox", name=t("Handled by"))).to_have_value("Anne Hansen")
    expect(page.get_by_text("Ny legeplads")).to_be_visible()
    expect(page.get_by_text("Sti til skolen")).to_have_count(0)
    assert_accessible(page)
