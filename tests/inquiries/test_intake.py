# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""The public form as a browser posts it: routing, deadlines, validation, honeypot, rate limit."""

import datetime
import re
import types

import pytest
from django.utils import timezone
from django.utils.html import escape

from lokalkontakt.core.models import OutgoingEmail
from lokalkontakt.core.workdays import add_working_days
from lokalkontakt.inquiries.models import Inquiry, InquiryEvent
from lokalkontakt.inquiries.services import submit as submit_service
from lokalkontakt.inquiries.services.submit import inquiry_submit
from tests.areas.factories import AssignmentFactory, LocalAreaFactory
from tests.inquiries.conftest import NEW_URL, SUBMITTED_URL, english_client, form_data, submit
from tests.people.factories import EmployeeFactory

NOT_CONFIRMED = "Confirm that you have read how your personal data is processed to send the inquiry."
pytestmark = pytest.mark.django_db

# What the receipt page says when it has no inquiry to show (a reload, or the honeypot's answer).
NEUTRAL_THANKS = ("Thank you. We have sent a receipt to your e-mail with a personal link where "
                  "you can follow the inquiry and read our answer.")


def test_the_form_opens_for_anyone(browser, setting):
    response = browser.get(NEW_URL)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Send an inquiry" in html
    assert 'name="consent"' in html
    assert "Glud" in html


def test_the_area_can_be_preselected_by_slug(browser, setting):
    html = browser.get(NEW_URL, {"omraade": setting.area.slug}).content.decode()
    assert f'<option value="{setting.area.pk}" selected>' in html


def test_an_inquiry_goes_to_the_areas_primary_contact(browser, setting):
    AssignmentFactory(area=setting.area, deputy=True)  # the deputy is not the one it goes to

    response = submit(browser, setting.area)

    assert response.status_code == 302
    inquiry = Inquiry.objects.get()
    assert inquiry.area == setting.area
    assert inquiry.assignee == setting.contact.employee
    assert inquiry.status == Inquiry.Status.RECEIVED
    assert (inquiry.subject, inquiry.submitter_name, inquiry.submitter_email) == (
        "Vejbump på Skolevej", "Bo Borger", "bo.borger@example.dk")
    assert inquiry.submitter_phone == "+45 20 30 40 50"
    assert inquiry.submitter_kind == Inquiry.SubmitterKind.CITIZEN
    # Only hashes are kept of the tracking token and the client's address.
    assert len(inquiry.token_hash) == 64 and len(inquiry.client_hash) == 64
    assert "192.0.2.10" not in inquiry.client_hash
    assert list(inquiry.events.values_list("kind", "public")) == [
        (InquiryEvent.Kind.SUBMITTED, True), (InquiryEvent.Kind.ROUTED, False)]
    recipients = sorted(email.to for email in OutgoingEmail.objects.all())
    assert recipients == sorted([["bo.borger@example.dk"], [setting.contact.employee.email]])


# --- the receipt page (POST/redirect/GET) ------------------------------------------------------


def test_sending_redirects_to_the_receipt_page(browser, setting):
    response = submit(browser, setting.area)

    assert response.status_code == 302
    assert response.url == SUBMITTED_URL


def test_the_receipt_page_shows_the_reference_and_where_it_went(browser, setting):
    submit(browser, setting.area)
    inquiry = Inquiry.objects.get()

    response = browser.get(SUBMITTED_URL)

    assert response.status_code == 200
    html = response.content.decode()
    assert "Your inquiry has been sent" in html
    assert f"Reference: {inquiry.reference}." in html
    assert (f"It has been sent to {escape(setting.contact.employee.name)}, the local contact "
            "for Glud.") in html
    assert "We have sent a receipt to bo.borger@example.dk" in html
    assert "no-cache" in response["Cache-Control"] or "no-store" in response["Cache-Control"]


def test_reloading_the_receipt_page_shows_no_details_and_sends_nothing_again(browser, setting):
    submit(browser, setting.area)
    inquiry = Inquiry.objects.get()
    assert inquiry.reference in browser.get(SUBMITTED_URL).content.decode()

    reloaded = browser.get(SUBMITTED_URL)

    assert reloaded.status_code == 200
    html = reloaded.content.decode()
    assert "Your inquiry has been sent" in html
    assert NEUTRAL_THANKS in html
    assert inquiry.reference not in html and "bo.borger@example.dk" not in html
    assert Inquiry.objects.count() == 1
    assert OutgoingEmail.objects.count() == 2


def test_the_receipt_page_of_an_inquiry_to_the_coordinator_says_so(browser, setting):
    submit(browser, None)

    html = browser.get(SUBMITTED_URL).content.decode()

    assert "It has been sent to the municipality's coordinator for the local areas." in html
    assert f"Reference: {Inquiry.objects.get().reference}." in html


def test_another_visitor_does_not_see_the_receipt(browser, setting):
    submit(browser, setting.area)

    html = english_client().get(SUBMITTED_URL).content.decode()

    assert NEUTRAL_THANKS in html
    assert Inquiry.objects.get().reference not in html


# --- contact details (WCAG 1.3.5) ----------------------------------------------------------------


@pytest.mark.parametrize(("name", "kind", "autocomplete"), [
    ("submitter_name", "text", "name"), ("submitter_email", "email", "email"),
    ("submitter_phone", "tel", "tel")])
def test_the_contact_fields_say_what_they_are(name, kind, autocomplete, browser, setting):
    html = browser.get(NEW_URL).content.decode()

    [field] = re.findall(rf'<input[^>]*name="{name}"[^>]*>', html)
    assert f'type="{kind}"' in field
    assert f'autocomplete="{autocomplete}"' in field


def test_an_ended_assignment_does_not_receive_inquiries(browser, setting, coordinator):
    area = LocalAreaFactory(name="Stouby")
    AssignmentFactory(area=area, ended=True)

    submit(browser, area)

    inquiry = Inquiry.objects.get()
    assert inquiry.assignee is None
    assert [coordinator.employee.email] in [email.to for email in OutgoingEmail.objects.all()]


def test_a_contact_who_has_left_but_not_been_replaced_receives_no_inquiries(browser, setting,
                                                                          coordinator):
    """The OS2mo sync deactivates a contact whose employment ended and marks the area handover
    due; until the handover the coordinator handles what arrives."""
    area = LocalAreaFactory(name="Stouby")
    assignment = AssignmentFactory(area=area)
    assignment.employee.is_active = False
    assignment.employee.save()

    submit(browser, area)

    inquiry = Inquiry.objects.get()
    assert inquiry.assignee is None
    assert [coordinator.employee.email] in [email.to for email in OutgoingEmail.objects.all()]
    assert [assignment.employee.email] not in [email.to for email in OutgoingEmail.objects.all()]


@pytest.mark.parametrize("choice", ["no contact", "don't know"])
def test_without_a_contact_the_inquiry_goes_to_the_coordinator(choice, browser, setting):
    area = LocalAreaFactory(name="Hornsyld") if choice == "no contact" else None

    response = submit(browser, area)

    assert response.status_code == 302
    inquiry = Inquiry.objects.get()
    assert inquiry.area == area
    assert inquiry.assignee is None
    recipients = sorted(email.to for email in OutgoingEmail.objects.all())
    assert recipients == sorted([["bo.borger@example.dk"], [setting.coordinator.employee.email]])


def test_a_contact_without_an_email_address_leaves_the_notice_to_the_coordinator(browser,
                                                                                  setting):
    area = LocalAreaFactory(name="Rårup")
    AssignmentFactory(area=area, employee=EmployeeFactory(email=""))

    submit(browser, area)

    assert Inquiry.objects.get().assignee.email == ""
    assert [setting.coordinator.employee.email] in [e.to for e in OutgoingEmail.objects.all()]


def test_deadlines_are_danish_working_days(browser, setting):
    submit(browser, setting.area)

    inquiry = Inquiry.objects.get()
    today = timezone.localdate()
    assert inquiry.acknowledge_due == add_working_days(today, 2)
    assert inquiry.answer_due == add_working_days(today, 10)


def test_deadlines_skip_easter(setting, monkeypatch):
    # Wednesday before Easter 2025: Maundy Thursday, Good Friday, the weekend and Easter Monday
    # are not working days.
    wednesday = datetime.date(2025, 4, 16)
    monkeypatch.setattr(submit_service, "timezone",
                        types.SimpleNamespace(localdate=lambda: wednesday, now=timezone.now))

    inquiry, _token = inquiry_submit(
        area=setting.area, submitter_kind="citizen", subject="Påske", text="Før påske",
        submitter_name="Bo", submitter_email="bo@example.dk", client="192.0.2.99")

    assert inquiry.acknowledge_due == datetime.date(2025, 4, 23)
    assert inquiry.answer_due == add_working_days(wednesday, 10)
    assert inquiry.answer_due > datetime.date(2025, 4, 30)


# --- bad input --------------------------------------------------------------------------------


def test_missing_fields_are_named_and_nothing_is_stored(browser, setting):
    response = submit(browser, setting.area, submitter_kind="", subject="", text="",
                      submitter_name="", submitter_email="", consent="")

    assert response.status_code == 400
    html = response.content.decode()
    assert "The form has errors" in html
    for field in ["submitter_kind", "subject", "text", "submitter_name", "submitter_email",
                  "consent"]:
        assert f'id="id_{field}-error"' in html, f"no message at {field}"
    assert "This field is required." in html
    assert escape(NOT_CONFIRMED) in html
    assert 'id="id_area-error"' not in html  # the area is optional
    assert 'id="id_submitter_phone-error"' not in html
    assert Inquiry.objects.count() == 0
    assert OutgoingEmail.objects.count() == 0


def test_consent_is_required(browser, setting):
    data = form_data(setting.area)
    del data["consent"]  # an unticked checkbox is not sent at all

    response = browser.post(NEW_URL, data)

    assert response.status_code == 400
    html = response.content.decode()
    assert escape(NOT_CONFIRMED) in html
    assert 'id="id_consent-error"' in html
    # What was written is kept.
    assert "Vejbump på Skolevej" in html
    assert Inquiry.objects.count() == 0


@pytest.mark.parametrize("address", ["bo.borger", "bo@", "bo@example", "bo borger@example.dk"])
def test_an_invalid_email_address_is_refused(address, browser, setting):
    response = submit(browser, setting.area, submitter_email=address)

    assert response.status_code == 400
    html = response.content.decode()
    assert 'id="id_submitter_email-error"' in html
    assert "Enter a valid email address." in html
    assert Inquiry.objects.count() == 0
    assert OutgoingEmail.objects.count() == 0


def test_an_unknown_area_and_kind_are_refused(browser, setting):
    data = {**form_data(None, submitter_kind="government"), "area": "999999"}
    response = browser.post(NEW_URL, data)

    assert response.status_code == 400
    html = response.content.decode()
    assert 'id="id_area-error"' in html and 'id="id_submitter_kind-error"' in html
    assert Inquiry.objects.count() == 0


def test_too_long_subject_is_refused(browser, setting):
    response = submit(browser, setting.area, subject="x" * 201)
    assert response.status_code == 400
    assert 'id="id_subject-error"' in response.content.decode()
    assert Inquiry.objects.count() == 0


# --- bots -------------------------------------------------------------------------------------


def test_a_filled_honeypot_looks_like_success_but_stores_and_sends_nothing(browser, setting):
    response = submit(browser, setting.area, website="https://spam.example/")

    assert response.status_code == 302 and response.url == SUBMITTED_URL
    html = browser.get(SUBMITTED_URL).content.decode()
    assert "Your inquiry has been sent" in html
    assert NEUTRAL_THANKS in html
    assert "H-0" not in html
    assert Inquiry.objects.count() == 0
    assert OutgoingEmail.objects.count() == 0


def test_the_sixth_inquiry_within_an_hour_from_one_address_is_refused(browser, setting, settings):
    assert settings.INQUIRY_RATE_LIMIT == 5
    for n in range(5):
        response = submit(browser, setting.area, remote_addr="198.51.100.7", subject=f"Nr. {n}")
        assert response.status_code == 302

    response = submit(browser, setting.area, remote_addr="198.51.100.7", subject="Nr. 6")

    assert response.status_code == 400
    html = response.content.decode()
    assert ("You have sent several inquiries within the last hour. "
            "Please wait a little and try again.") in html
    assert Inquiry.objects.count() == 5
    assert not Inquiry.objects.filter(subject="Nr. 6").exists()
    assert OutgoingEmail.objects.count() == 10

    # Another address is not affected.
    assert submit(browser, setting.area, remote_addr="198.51.100.8").status_code == 302
    assert Inquiry.objects.count() == 6


def test_inquiries_older_than_an_hour_do_not_count(browser, setting):
    for _n in range(5):
        submit(browser, setting.area, remote_addr="198.51.100.9")
    Inquiry.objects.update(created_at=timezone.now() - datetime.timedelta(minutes=61))

    assert submit(browser, setting.area, remote_addr="198.51.100.9").status_code == 302
    assert Inquiry.objects.count() == 6


# --- sharing with the local council -------------------------------------------------------------


def test_sharing_with_the_council_is_offered_unticked(browser, setting):
    html = browser.get(NEW_URL).content.decode()

    [checkbox] = re.findall(r'<input[^>]*name="shared_with_council"[^>]*>', html)
    assert 'type="checkbox"' in checkbox
    assert "checked" not in checkbox
    assert escape("Let the area's local council read my inquiry") in html
    assert escape("never your name, contact details or files") in html


def test_the_personal_data_notice_says_what_the_council_sees(browser, setting):
    html = browser.get(NEW_URL).content.decode()

    assert escape("The council then sees the subject, the text, your later messages and the "
                  "municipality's public replies, never your name, contact details or files.") in html
    assert escape("Your name and contact details are seen only by the employees who handle the "
                  "inquiry and by the coordinator, never by the local council.") in html
    assert 'href="/privatliv/"' in html  # the whole notice


def test_an_inquiry_is_not_shared_unless_the_box_is_ticked(browser, setting):
    submit(browser, setting.area)

    assert Inquiry.objects.get().shared_with_council is False


def test_a_ticked_box_shares_the_inquiry(browser, setting):
    submit(browser, setting.area, shared_with_council="on")

    assert Inquiry.objects.get().shared_with_council is True
