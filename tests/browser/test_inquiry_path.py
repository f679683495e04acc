"""A citizen sends an inquiry from an area page, staff answer it, the citizen reads the answer."""

import re

import pytest

from lokalkontakt.core.models import OutgoingEmail
from lokalkontakt.inquiries.models import Inquiry
from tests.browser.helpers import expect, log_in, t
from tests.browser.test_accessibility import axe_violations, csp_problems, describe

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def assert_accessible(page):
    violations = axe_violations(page)
    assert not violations, f"axe on {page.url}:\n{describe(violations)}"
    assert not csp_problems(page), csp_problems(page)


def test_citizen_inquiry_is_answered_and_the_answer_shows_on_the_tracking_page(page, hedensted,
                                                                              new_page):
    page.goto("/omraader/glud/")
    page.get_by_role("link", name=t("Send an inquiry about %(name)s") % {"name": "Glud"}).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(t("Send an inquiry"))
    assert_accessible(page)
    page.get_by_label(t("Citizen"), exact=True).check()
    page.get_by_label(t("Subject")).fill("Bænken ved havnen er knækket")
    page.get_by_label(t("Your inquiry")).fill("Bænken ved Glud havn er knækket. Kan den repareres?")
    page.get_by_label(t("Your name")).fill("Birthe Borger")
    page.get_by_label(t("Your e-mail")).fill("birthe@example.dk")
    page.get_by_label(t("I have read how my personal data is used")).check()
    page.get_by_role("button", name=t("Send inquiry")).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(t("Your inquiry has been sent"))
    assert_accessible(page)
    receipt = OutgoingEmail.objects.get(to=["birthe@example.dk"])
    tracking_path = re.search(r"https?://[^/]+(/henvendelser/spor/[\w-]+/)", receipt.body).group(1)

    staff = new_page()
    log_in(staff, "koordinator")
    staff.goto("/henvendelser/?scope=all")
    # The reference follows the primary key, which PostgreSQL does not reset between tests.
    reference = Inquiry.objects.get(subject="Bænken ved havnen er knækket").reference
    staff.get_by_role("link", name=reference).click()
    assert_accessible(staff)
    staff.get_by_role("button", name=t("Acknowledge")).click()
    staff.get_by_label(t("Message")).first.fill("Tak, vi sender en tekniker i næste uge.")
    staff.get_by_role("button", name=t("Send reply")).click()
    expect(staff.get_by_text(t("The reply is sent to the submitter."))).to_be_visible()

    page.goto(tracking_path)
    expect(page.get_by_text("Tak, vi sender en tekniker i næste uge.")).to_be_visible()
    expect(page.get_by_text(t("Answered"), exact=True)).to_be_visible()
    assert_accessible(page)
