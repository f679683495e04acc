# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""Every page works from 320 px wide (WCAG 2.1, 1.4.10 Reflow): no page is wider than the window.

Wide tables scroll inside their own box (`.table-scroll`), not the page; the main lists stack
their rows on a phone, each value under its column's name (DKFDS `table--responsive-headers`).
The test walks the site as a visitor would, following the links on each page (two clicks deep
from the start page), on the whole Hedensted demo, for the public and for the coordinator, who
sees the most.
"""

import io
from collections import deque
from urllib.parse import urlsplit

import pytest
from django.core.management import call_command

from tests.browser.helpers import log_in, t

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

NARROW = {"width": 320, "height": 640}
# Files, feeds and the admin are not pages of ours; logging out would end the walk.
SKIP = (".pdf", ".xlsx", ".csv", ".ics", "/eksport/", "/filer/", "/bilag/", "/admin/",
        "/log-ud/", "/i18n/")
# The links that lead to pages: the same site, GET, not an anchor on the same page.
LINKS = """() => [...document.querySelectorAll('a[href]')]
  .filter(a => a.origin === location.origin && !a.hasAttribute('download'))
  .map(a => a.pathname + a.search)"""
# Elements that stick out to the right and are not inside a box of their own that scrolls.
WIDE = """() => {
  const width = document.documentElement.clientWidth, wide = [];
  for (const element of document.body.querySelectorAll('*')) {
    const box = element.getBoundingClientRect();
    if (box.width === 0 || box.right <= width + 1) continue;
    let parent = element.parentElement, scrolls = false;
    for (; parent && parent !== document.body; parent = parent.parentElement) {
      if (['auto', 'scroll', 'hidden'].includes(getComputedStyle(parent).overflowX)) {
        scrolls = true;
        break;
      }
    }
    // Absolutely positioned text escapes a scrolling box that is not positioned itself.
    if (!scrolls || getComputedStyle(element).position === 'absolute') {
      wide.push(`${element.tagName.toLowerCase()}.${element.className} (${Math.round(box.right)} px)`);
    }
  }
  return wide.slice(0, 3);
}"""


@pytest.fixture
def demo(transactional_db, live_server, settings):
    """The whole demo: areas, contacts, meetings, inquiries, consultations, handovers, notes."""
    from importlib import import_module

    from django.apps import apps

    import_module("lokalkontakt.core.migrations.0002_load_focus_areas").load(apps, None)
    settings.DEMO_ENABLED = True
    call_command("load_demo", stdout=io.StringIO())


def walk(page, start: str, *, limit: int, depth: int = 2) -> dict[str, list[str]]:
    """Open `start` and the pages it links to, breadth first, at most `limit` pages; for each
    page that is wider than the window, what sticks out."""
    seen, too_wide = {start}, {}
    queue = deque([(start, 0)])
    opened = 0
    while queue and opened < limit:
        path, level = queue.popleft()
        response = page.goto(path)
        opened += 1
        assert response.status == 200, f"{path} answered {response.status}"
        # A select box's empty choice has a label a person can read (core/templatetags/lk.py).
        assert "---------" not in page.content(), f"{path} shows a select box with ---------"
        if page.evaluate("document.documentElement.scrollWidth") > NARROW["width"]:
            too_wide[path] = page.evaluate(WIDE)
        if level == depth:
            continue
        for link in page.evaluate(LINKS):
            target = urlsplit(link).path + (f"?{urlsplit(link).query}" if urlsplit(link).query else "")
            if target not in seen and not any(part in target for part in SKIP):
                seen.add(target)
                queue.append((target, level + 1))
    assert opened >= min(limit, 10), f"the walk from {start} found only {opened} pages"
    return too_wide


def test_no_public_page_is_wider_than_a_narrow_phone(new_page, demo):
    page = new_page()
    page.set_viewport_size(NARROW)

    too_wide = walk(page, "/", limit=25)

    assert not too_wide, f"wider than {NARROW['width']} px: {too_wide}"


def test_no_page_of_the_coordinators_is_wider_than_a_narrow_phone(new_page, demo):
    page = new_page()
    page.set_viewport_size(NARROW)
    log_in(page, "koordinator")
    # The menu is folded on a narrow screen; the links in it are in the page all the same.
    assert t("Log out") in page.content()

    too_wide = walk(page, "/mine-omraader/", limit=70)

    assert not too_wide, f"wider than {NARROW['width']} px: {too_wide}"


# Each cell of a stacked table shows its column's name above its value (DKFDS: `content:
# attr(data-title)` on ::before), with or without JavaScript.
STACKED = """row => [...row.querySelectorAll('td, th')].map(cell => {
  const box = cell.getBoundingClientRect();
  return [getComputedStyle(cell, '::before').content, cell.innerText.trim(), Math.round(box.right)];
})"""


@pytest.mark.parametrize("javascript", [True, False], ids=["with-js", "without-js"])
def test_the_directory_stacks_its_rows_on_a_phone_and_names_each_value(new_page, demo, javascript):
    page = new_page(javascript=javascript)
    page.set_viewport_size(NARROW)
    page.goto("/omraader/?q=Glud")

    cells = page.locator("tbody tr").filter(has_text="Glud").first.evaluate(STACKED)

    assert [label for label, _, _ in cells] == [
        "none", f'"{t("Local council")}"', f'"{t("Local contact")}"', f'"{t("Status")}"']
    assert cells[0][1].startswith("Glud")
    assert cells[3][1].startswith(t("New local contact on the way"))  # Bilag 1: a handover is due
    assert all(right <= NARROW["width"] for _, _, right in cells)
    assert page.evaluate("document.documentElement.scrollWidth") <= NARROW["width"]
