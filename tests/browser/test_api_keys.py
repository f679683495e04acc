# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""The coordinator's API keys in Chromium: a key made from the menu, copied from the page that
shows it once, used by another system over real HTTP against the live server, then revoked and
refused. Every page axe and CSP clean, and the pages fit a 320 px phone."""

import json
import urllib.error
import urllib.request

import pytest
from django.urls import reverse

from lokalkontakt.api.models import ApiKey
from lokalkontakt.api.scopes import Scope
from lokalkontakt.core.models import AccessLogEntry
from tests.browser.helpers import expect, log_in, message, read, t
from tests.browser.test_accessibility import assert_accessible

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def call(base_url: str, path: str, key: str) -> tuple[int, dict]:
    """Another system's call: a plain HTTP request with the key."""
    request = urllib.request.Request(base_url + path, headers={
        "Authorization": f"Bearer {key}", "Accept": "application/json"})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:  # noqa: S310 - the live server
            return response.status, json.load(response)
    except urllib.error.HTTPError as error:
        return error.code, json.load(error)


def test_the_coordinator_makes_a_key_that_works_until_it_is_revoked(new_page, hedensted,
                                                                   live_server):
    page = new_page()
    log_in(page, "koordinator")
    menu = page.get_by_role("navigation", name=t("Main menu"))
    menu.get_by_text(t("Coordination"), exact=True).click()
    menu.get_by_role("link", name=t("API keys"), exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(t("API keys"))
    expect(page.get_by_text(t("No API key has been made yet."))).to_be_visible()
    assert_accessible(page)

    page.get_by_role("link", name=t("New API key"), exact=True).click()
    page.get_by_label(t("System"), exact=True).fill("Intranettet")
    page.get_by_label(t("Run by")).fill("Digitalisering")  # "(optional)" follows
    page.get_by_label(t(Scope.ORGANISATION_READ.label), exact=True).check()
    assert_accessible(page)
    page.get_by_role("button", name=t("Make the key"), exact=True).click()

    expect(page.get_by_role("heading", level=1)).to_have_text(
        read("The API key for %(system)s", system="Intranettet"))
    expect(page.get_by_role("alert")).to_contain_text(t("Copy the key now: it is shown only this once"))
    key = page.get_by_label(t("API key"), exact=True).input_value()
    assert_accessible(page)
    assert key.startswith("lk_") and not ApiKey.objects.filter(key_hash__contains=key).exists()

    status, body = call(live_server.url, "/api/v1/employees/?page_size=5", key)
    assert status == 200
    assert body["count"] >= 3 and {"name", "email", "core_area"} <= set(body["results"][0])
    assert AccessLogEntry.objects.filter(how="api", username__startswith="API: Intranettet").count() == 5
    assert call(live_server.url, "/api/v1/notes/", key)[0] == 403  # not its scope

    page.get_by_role("link", name=t("I have copied the key"), exact=True).click()
    expect(page.get_by_role("row").filter(has_text="Intranettet")).to_contain_text(
        t(Scope.ORGANISATION_READ.label))
    assert key not in page.content()
    page.get_by_role("link", name=read("Revoke <span class=\"sr-only\">the key for %(system)s</span>",
                                       system="Intranettet")).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        read("Revoke the key for %(system)s?", system="Intranettet"))
    assert_accessible(page)
    page.get_by_role("button", name=t("Revoke the key"), exact=True).click()

    expect(message(page, read("The key for %(system)s is revoked. Calls with it are refused from "
                              "now on.", system="Intranettet"))).to_be_visible()
    expect(page.get_by_role("row").filter(has_text="Intranettet")).to_contain_text(t("Revoked"))
    status, body = call(live_server.url, "/api/v1/employees/", key)
    assert status == 401
    assert body == {"detail": t("The API key has been revoked.")}


def test_a_key_is_made_and_revoked_without_javascript(new_page, hedensted):
    page = new_page(javascript=False)
    log_in(page, "koordinator")
    page.goto(reverse("api_keys:new"))
    page.get_by_label(t("System"), exact=True).fill("ESDH")
    page.get_by_label(t(Scope.JOURNAL.label), exact=True).check()
    page.get_by_role("button", name=t("Make the key"), exact=True).click()
    key = page.get_by_label(t("API key"), exact=True).input_value()
    assert ApiKey.objects.get(name="ESDH").prefix in key

    page.goto(reverse("api_keys:list"))
    page.get_by_role("link", name=read("Revoke <span class=\"sr-only\">the key for %(system)s</span>",
                                       system="ESDH")).click()
    page.get_by_role("button", name=t("Revoke the key"), exact=True).click()

    expect(page.get_by_role("row").filter(has_text="ESDH")).to_contain_text(t("Revoked"))
    assert ApiKey.objects.get(name="ESDH").revoked_at is not None


@pytest.mark.parametrize("url", [reverse("api_keys:list"), reverse("api_keys:new")])
def test_the_pages_fit_a_narrow_phone(new_page, hedensted, url):
    from tests.api.factories import make_key

    make_key(name="Hedensted.dk – kommunens hjemmeside", days=10)
    page = new_page()
    log_in(page, "koordinator")
    page.set_viewport_size({"width": 320, "height": 640})
    page.goto(url)

    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    assert_accessible(page)
