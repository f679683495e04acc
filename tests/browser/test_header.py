# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""The header fits from 320 px to 1920 px for every role: no horizontal scroll, every item of the
main menu reachable by keyboard (a phone opens the menu with its "Menu" button, a group opens with
Enter or Space), the current page marked, axe clean. Without JavaScript the menu is a list."""

import os
from pathlib import Path

import pytest
from django.conf import settings
from django.test import Client
from django.utils import translation

from lokalkontakt.areas.models import LocalArea
from tests.areas.factories import CouncilFactory
from tests.browser.helpers import expect, log_in, t
from tests.browser.test_accessibility import assert_accessible
from tests.councils.factories import CouncilMemberFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

WIDTHS = [320, 768, 1024, 1280, 1920]
STAFF = ["Local areas", "My overview", "Inquiries", "Consultations", "Meetings", ("menu", "Time"),
         "Projects", "Knowledge", "Employees", "Search"]
COORDINATION = ["Coverage", "Rollout", "Handovers", ("menu", "Candidates"), "Reports",
                "Journalisation", "Import", "Undelivered e-mails", "API keys", "Access log",
                "A person's data"]
MENU = {
    "anonymous": ["Local areas", "Search"],
    "council": ["Local areas", "Our council", "Search"],
    "colleague": STAFF,
    "contact": ["My areas" if item == "My overview" else item for item in STAFF],
    "coordinator": STAFF + COORDINATION,
}
LOGINS = {"coordinator": "koordinator", "contact": "lokalkontakt", "colleague": "kollega"}
# The element that has the focus: what it is and where.
FOCUSED = """() => {
  const e = document.activeElement;
  return {tag: e.tagName, text: e.innerText ? e.innerText.trim() : '',
          inMenu: !!e.closest('#main-menu'), menuButton: e.classList.contains('js-menu-toggle'),
          expanded: e.getAttribute('aria-expanded'),
          open: e.tagName === 'SUMMARY' ? e.parentElement.open : null,
          visible: e.getBoundingClientRect().width > 0};
}"""


def label(msgid) -> str:
    with translation.override("da"):
        if isinstance(msgid, tuple):
            return translation.pgettext(*msgid)
        return translation.gettext(msgid)


def sign_in(page, role: str, live_server):
    if role == "anonymous":
        return
    if role in LOGINS:
        log_in(page, LOGINS[role])
        return
    member = CouncilMemberFactory(council=CouncilFactory(area=LocalArea.objects.get(name="Glud")))
    client = Client()
    client.force_login(member.user)
    page.context.add_cookies([{"name": settings.SESSION_COOKIE_NAME, "url": live_server.url,
                               "value": client.cookies[settings.SESSION_COOKIE_NAME].value}])


def tab_through_menu(page, *, open_key: str = "Enter") -> list[str]:
    """Tab from the top of the page through the main menu, as a keyboard user: open the "Menu"
    button where there is one, open each group; the names of the menu's links in tab order."""
    page.evaluate("document.activeElement && document.activeElement.blur()")
    reached, was_in_menu = [], False
    for _ in range(60):
        page.keyboard.press("Tab")
        focused = page.evaluate(FOCUSED)
        assert focused["visible"], f"the focus is on something hidden: {focused}"
        if focused["menuButton"] and focused["expanded"] == "false":
            page.keyboard.press(open_key)
            expect(page.locator("#main-menu")).to_be_visible()
        elif focused["tag"] == "SUMMARY" and not focused["open"]:
            page.keyboard.press(open_key)
        elif focused["inMenu"] and focused["tag"] == "A":
            reached.append(focused["text"])
        if was_in_menu and not focused["inMenu"]:
            break
        was_in_menu = focused["inMenu"]
    return reached


def header_screenshot(page, name: str):
    directory = os.environ.get("SCREENSHOT_DIR")
    if directory:
        page.locator("header").screenshot(path=str(Path(directory) / f"{name}.png"))


@pytest.mark.parametrize("role", list(MENU))
def test_header_fits_and_every_menu_item_is_reachable_by_keyboard(new_page, hedensted, live_server,
                                                                  role):
    page = new_page()
    sign_in(page, role, live_server)
    expected = [label(item) for item in MENU[role]]
    for number, width in enumerate(WIDTHS):
        page.set_viewport_size({"width": width, "height": 900})
        page.goto("/omraader/")

        assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"), \
            f"the page is wider than {width} px"
        assert tab_through_menu(page, open_key="Enter" if number % 2 else " ") == expected, width
        group = page.locator("#main-menu summary")
        if group.count():
            group.click()  # the group's panel open
        assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"), \
            f"the open menu is wider than {width} px"
        current = page.locator("#main-menu a[aria-current='page']")
        expect(current).to_have_count(1)
        expect(current).to_have_text(label("Local areas"))
        assert_accessible(page)
        if role == "coordinator" and width in {320, 1280}:
            header_screenshot(page, f"header-{width}")


def test_the_menu_button_opens_and_closes_the_menu_on_a_phone(new_page, hedensted):
    page = new_page()
    page.set_viewport_size({"width": 320, "height": 640})
    log_in(page, "koordinator")
    menu = page.get_by_role("navigation", name=t("Main menu"))
    button = page.get_by_role("button", name=t("Menu"), exact=True)
    expect(menu).to_be_hidden()

    button.click()
    expect(button).to_have_attribute("aria-expanded", "true")
    expect(menu.get_by_role("link", name=label("Inquiries"), exact=True)).to_be_visible()
    menu.get_by_text(label("Coordination"), exact=True).click()
    expect(menu.get_by_role("link", name=label("Coverage"), exact=True)).to_be_visible()

    button.click()
    expect(menu).to_be_hidden()
    page.set_viewport_size({"width": 1280, "height": 900})
    expect(button).to_be_hidden()
    expect(menu.get_by_role("link", name=label("Inquiries"), exact=True)).to_be_visible()


def test_a_group_closes_on_escape_and_marks_the_current_page(new_page, hedensted):
    page = new_page()
    log_in(page, "koordinator")
    page.goto("/koordinering/")
    menu = page.get_by_role("navigation", name=t("Main menu"))
    group = menu.locator("summary", has_text=label("Coordination"))
    group.focus()
    page.keyboard.press("Enter")
    coverage = menu.get_by_role("link", name=label("Coverage"), exact=True)
    expect(coverage).to_have_attribute("aria-current", "page")
    header_screenshot(page, "header-1280-open")

    page.keyboard.press("Tab")
    page.keyboard.press("Escape")
    expect(coverage).to_be_hidden()
    assert page.evaluate("document.activeElement.tagName") == "SUMMARY"


def test_without_javascript_the_menu_is_a_list_on_a_phone(new_page, hedensted):
    page = new_page(javascript=False)
    page.set_viewport_size({"width": 320, "height": 640})
    log_in(page, "koordinator")
    page.goto("/omraader/")

    expect(page.get_by_role("button", name=t("Menu"), exact=True)).to_have_count(0)
    assert tab_through_menu(page) == [label(item) for item in MENU["coordinator"]]
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
