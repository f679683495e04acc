# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""What a person sees and does in the browser tests: texts in the page's language, logging in."""

import datetime
import os
import re
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth.forms import AuthenticationForm
from django.urls import reverse
from django.utils import formats, timezone, translation

try:  # without playwright the `browser` fixture skips (or fails with REQUIRE_BROWSER=1)
    from playwright.sync_api import Error as PlaywrightError
    from playwright.sync_api import expect
except ImportError:
    PlaywrightError = expect = None
try:
    from axe_playwright_python.sync_playwright import Axe
except ImportError:
    Axe = None

DANISH_CATALOGUE = Path(settings.BASE_DIR) / "locale" / "da" / "LC_MESSAGES" / "django.mo"


def unavailable(reason: str):
    if os.environ.get("REQUIRE_BROWSER") == "1":
        pytest.fail(f"Browser tests are required (REQUIRE_BROWSER=1), but {reason}.", pytrace=False)
    pytest.skip(f"Browser tests skipped: {reason} (set REQUIRE_BROWSER=1 to make this an error).")


def t(text: str, language: str = "da") -> str:
    """The interface text as the live server shows it in `language`."""
    with translation.override(language):
        return translation.gettext(text)


def read(msgid: str, **values) -> str:
    """An interface text as a screen reader reads it: translated, filled in, without markup."""
    text = t(msgid) % values if values else t(msgid)
    return re.sub(r"<[^>]+>", "", text)


def read_plural(singular: str, plural: str, count: int) -> str:
    """A plural text as the Danish pages show it ({% blocktranslate count counter=… %})."""
    with translation.override("da"):
        return translation.ngettext(singular, plural, count) % {"counter": count}


def shown(moment: datetime.date | datetime.datetime, date_format: str = "SHORT_DATE_FORMAT") -> str:
    """A day, or a moment in local time, as the Danish pages show it."""
    if isinstance(moment, datetime.datetime):
        moment = timezone.localtime(moment)
    with translation.override("da"):
        return formats.date_format(moment, date_format)


def login_labels(language: str = "da") -> tuple[str, str]:
    with translation.override(language):
        form = AuthenticationForm()
        return str(form.fields["username"].label), str(form.fields["password"].label)


def log_in(page, username: str, password: str = "demo", language: str = "da"):
    """Sign in through the login form, as a person would."""
    page.goto(reverse("login"))
    username_label, password_label = login_labels(language)
    page.get_by_label(username_label, exact=True).fill(username)
    page.get_by_label(password_label, exact=True).fill(password)
    with page.expect_navigation():
        page.get_by_role("button", name=t("Log in", language), exact=True).click()


def screenshot(page, name: str):
    directory = os.environ.get("SCREENSHOT_DIR")
    if directory:
        Path(directory).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(Path(directory) / f"{name}.png"), full_page=True)


def message(page, text: str):
    """The page's status message (Django's messages) holding the text."""
    return page.get_by_role("status").filter(has_text=text)
