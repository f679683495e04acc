# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""Browser tests: Playwright (sync API) drives Debian's Chromium against pytest-django's live_server.

Without /usr/bin/chromium or the playwright package these tests are skipped, unless
REQUIRE_BROWSER=1 (as in CI), where they fail instead. Screenshots of some pages are written to
$SCREENSHOT_DIR when that is set.
"""

import os
from importlib import import_module

import pytest

from tests.areas.dar_server import dar_service  # noqa: F401 - a fixture
from tests.browser.helpers import unavailable

# Playwright's sync API keeps an event loop in the main thread; Django's ORM refuses to run next
# to one unless told that this is safe (it is: the tests and Playwright take turns).
os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
TIMEOUT_MS = 10_000


@pytest.fixture(scope="session")
def browser():
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        unavailable("the Python package playwright is not installed (pip install -e '.[dev]')")
    if not os.access(CHROMIUM, os.X_OK):
        unavailable(f"{CHROMIUM} is missing (apt-get install chromium)")
    with sync_playwright() as playwright:
        try:
            chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS,
                                                  headless=True)
        except Exception as error:  # noqa: BLE001 - any launch failure means no browser
            unavailable(f"{CHROMIUM} could not be started ({error})")
        yield chromium
        chromium.close()


@pytest.fixture
def new_page(browser, live_server):
    """new_page(javascript=True, locale="da-DK") -> a page in a fresh context (its own cookies).

    Pages record console messages in `page.console_messages` and uncaught errors in
    `page.page_errors`."""
    contexts = []

    def make(*, javascript: bool = True, locale: str = "da-DK"):
        context = browser.new_context(java_script_enabled=javascript, locale=locale,
                                      base_url=live_server.url,
                                      viewport={"width": 1280, "height": 900})
        context.set_default_timeout(TIMEOUT_MS)
        contexts.append(context)
        page = context.new_page()
        page.console_messages = []
        page.page_errors = []
        page.on("console", lambda message: page.console_messages.append(message))
        page.on("pageerror", lambda error: page.page_errors.append(error))
        return page

    yield make
    for context in contexts:
        context.close()


@pytest.fixture
def page(new_page):
    """A Danish citizen's browser with JavaScript."""
    return new_page()


@pytest.fixture
def hedensted(transactional_db, live_server, settings):
    """Hedensted's 28 areas from Bilag 1 and the demo logins (koordinator, lokalkontakt, kollega;
    password "demo")."""
    from django.apps import apps

    from lokalkontakt.areas.demo import load_hedensted

    # The focus areas come from a data migration, which an earlier transactional test's flush
    # removes; load them as an installation has them.
    import_module("lokalkontakt.core.migrations.0002_load_focus_areas").load(apps, None)
    settings.DEMO_ENABLED = True
    return load_hedensted(with_users=True)
