# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""A new login, in Chromium without JavaScript: the coordinator creates it on the employee's page,
the employee opens the link from the e-mail, chooses a password and signs in. The pages (with
JavaScript, which axe needs) have no serious axe findings and fit 320 px."""

import re

import pytest
from django.urls import reverse
from django.utils import translation

from lokalkontakt.core.models import OutgoingEmail
from lokalkontakt.people.tokens import Purpose, link_token
from tests.browser.helpers import expect, log_in, message, t
from tests.browser.test_accessibility import assert_accessible
from tests.people.factories import EmployeeFactory, UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]
NARROW = {"width": 320, "height": 640}


def fits(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth") <= NARROW["width"]


def test_a_new_login_sets_its_password_and_signs_in_without_javascript(new_page, hedensted):
    nina = EmployeeFactory(name="Nina Ny", email="nina@example.dk")
    coordinator = new_page(javascript=False)
    log_in(coordinator, "koordinator")
    coordinator.goto(reverse("people:employee_detail", kwargs={"pk": nina.pk}))
    coordinator.get_by_role("button", name=t("Create login"), exact=True).click()
    expect(message(coordinator, "nina@example.dk")).to_be_visible()

    email = OutgoingEmail.objects.get(to=["nina@example.dk"])
    link = re.search(r"https?://[^/\s]+(/konto/ny-adgangskode/[\w-]+/)", email.body).group(1)
    phone = new_page(javascript=False)
    phone.goto(link)
    expect(phone.get_by_role("heading", level=1)).to_have_text(t("Choose your password"))
    phone.get_by_label(t("New password"), exact=True).fill("kort")
    phone.get_by_label(t("New password confirmation"), exact=True).fill("kort")
    phone.get_by_role("button", name=t("Save the password")).click()
    with translation.override("da"):
        too_short = translation.ngettext(
            "This password is too short. It must contain at least %d character.",
            "This password is too short. It must contain at least %d characters.", 8) % 8
    expect(phone.get_by_text(too_short).first).to_be_visible()

    phone.get_by_label(t("New password"), exact=True).fill("Nina-i-Juelsminde-26")
    phone.get_by_label(t("New password confirmation"), exact=True).fill("Nina-i-Juelsminde-26")
    phone.get_by_role("button", name=t("Save the password")).click()
    expect(phone.get_by_role("heading", level=1)).to_have_text(t("Staff login"))
    log_in(phone, "nina@example.dk", "Nina-i-Juelsminde-26")
    expect(phone.get_by_text("Nina Ny").first).to_be_visible()

    phone.goto(link)  # used up
    expect(phone.get_by_role("heading", level=1)).to_have_text(t("The link is no longer valid"))


def test_the_pages_have_no_serious_axe_findings_and_fit_a_narrow_phone(new_page, hedensted):
    user = UserFactory(username="tove@example.dk", email="tove@example.dk", password=None)
    tove = EmployeeFactory(name="Tove Teknik", email="tove@example.dk", user=user)
    coordinator = new_page()
    log_in(coordinator, "koordinator")
    coordinator.set_viewport_size(NARROW)
    coordinator.goto(reverse("people:employee_detail", kwargs={"pk": tove.pk}))
    expect(coordinator.get_by_role("heading", name=t("Login"), exact=True)).to_be_visible()
    assert fits(coordinator)
    assert_accessible(coordinator)

    page = new_page()
    page.set_viewport_size(NARROW)
    page.goto(reverse("account:password_set", kwargs={"token": link_token(user, Purpose.SETUP)}))
    expect(page.get_by_role("heading", level=1)).to_have_text(t("Choose your password"))
    assert fits(page)
    assert_accessible(page)
    page.get_by_role("button", name=t("Save the password")).click()  # empty: the errors
    expect(page.get_by_role("heading", level=1)).to_have_text(t("Choose your password"))
    assert fits(page)
    assert_accessible(page)

    page.goto(reverse("account:password_set", kwargs={"token": "n1-x"}))
    expect(page.get_by_role("heading", level=1)).to_have_text(t("The link is no longer valid"))
    assert fits(page)
    assert_accessible(page)

    page.goto(reverse("login"))
    page.get_by_role("link", name=t("Forgot password?")).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(t("Forgot password?"))
    assert fits(page)
    assert_accessible(page)
    page.get_by_label(t("Your work e-mail"), exact=True).fill("nogen@example.dk")
    page.get_by_role("button", name=t("Send me a link")).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(t("Check your e-mail"))
    assert fits(page)
    assert_accessible(page)
