"""A new login, in Chromium without JavaScript: the coordinator creates it on the employee's page,
the employee opens the link from the e-mail on a 320 px phone, chooses a password and signs in.
axe on the pages; "Forgot password?" from the login page."""

import re

import pytest
from django.urls import reverse

from lokalkontakt.core.models import OutgoingEmail
from tests.browser.helpers import expect, log_in, message, t
from tests.browser.test_accessibility import assert_accessible
from tests.people.factories import EmployeeFactory

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
    assert_accessible(coordinator)

    email = OutgoingEmail.objects.get(to=["nina@example.dk"])
    link = re.search(r"https?://[^/\s]+(/konto/ny-adgangskode/[\w-]+/)", email.body).group(1)
    phone = new_page(javascript=False)
    phone.set_viewport_size(NARROW)
    phone.goto(link)
    expect(phone.get_by_role("heading", level=1)).to_have_text(t("Choose your password"))
    assert fits(phone)
    assert_accessible(phone)

    phone.get_by_label(t("New password"), exact=True).fill("kort")
    phone.get_by_label(t("New password confirmation"), exact=True).fill("kort")
    phone.get_by_role("button", name=t("Save the password")).click()
    expect(phone.get_by_role("heading", level=1)).to_have_text(t("Choose your password"))
    assert fits(phone)
    assert_accessible(phone)  # the validators' messages tied to the fields

    phone.get_by_label(t("New password"), exact=True).fill("Nina-i-Juelsminde-26")
    phone.get_by_label(t("New password confirmation"), exact=True).fill("Nina-i-Juelsminde-26")
    phone.get_by_role("button", name=t("Save the password")).click()
    expect(phone.get_by_role("heading", level=1)).to_have_text(t("Staff login"))
    assert fits(phone)
    log_in(phone, "nina@example.dk", "Nina-i-Juelsminde-26")
    expect(phone.get_by_text("Nina Ny").first).to_be_visible()

    phone.goto(link)  # used up
    expect(phone.get_by_role("heading", level=1)).to_have_text(t("The link is no longer valid"))
    assert fits(phone)
    assert_accessible(phone)


def test_forgot_password_from_the_login_page(new_page, hedensted):
    page = new_page(javascript=False)
    page.set_viewport_size(NARROW)
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
