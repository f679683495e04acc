# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""The staff form for an inquiry received by phone, e-mail, letter, at a meeting or in person, and
what the list and the inquiry page then show (English UI)."""

import datetime
import re

import pytest
from django.urls import reverse
from django.utils import timezone

from lokalkontakt.core.models import OutgoingEmail
from lokalkontakt.inquiries.models import Inquiry
from tests.areas.factories import CouncilFactory, LocalAreaFactory
from tests.councils.factories import CouncilMemberFactory
from tests.inquiries.conftest import detail_url, english_client, pdf, submit
from tests.inquiries.factories import InquiryFactory

pytestmark = pytest.mark.django_db

REGISTER_URL = "/henvendelser/registrer/"
NO_EMAIL_NOTICE = ("The citizen has not given an e-mail address, so no receipt or link to follow "
                   "the inquiry was sent, and replies are not e-mailed: give the answer another "
                   "way (phone, letter or in person).")


def phone_call(area=None, **overrides) -> dict:
    return {
        "channel": "phone", "received_on": timezone.localdate().isoformat(),
        "area": str(area.pk) if area else "", "submitter_kind": "citizen",
        "submitter_name": "Hans Hansen", "submitter_email": "", "submitter_phone": "75 00 00 00",
        "subject": "Hul i fortovet", "text": "Ringede om et hul i fortovet ved kirken.",
        **overrides}


def test_the_form_has_defaults_no_dashes_and_no_privacy_box(setting):
    html = english_client(setting.contact).get(REGISTER_URL).content.decode()

    assert "Register an inquiry" in html
    assert 'name="channel" value="phone" checked' in html
    assert 'name="submitter_kind" value="citizen" checked' in html
    assert f'value="{timezone.localdate().isoformat()}"' in html
    assert "---------" not in html
    assert "Not known – send it to the coordinator" in html
    assert 'name="consent"' not in html
    assert "Without an e-mail address the citizen gets no receipt" in html


def test_the_area_can_be_preselected_from_the_area_page(setting):
    html = english_client(setting.contact).get(REGISTER_URL, {"omraade": setting.area.slug}
                                               ).content.decode()
    assert f'<option value="{setting.area.pk}" selected>' in html


def test_a_phone_call_without_e_mail_is_registered_and_the_page_says_no_receipt_was_sent(setting):
    client = english_client(setting.contact)

    response = client.post(REGISTER_URL, phone_call(setting.area), follow=True)

    inquiry = Inquiry.objects.get()
    assert response.redirect_chain == [(detail_url(inquiry), 302)]
    html = response.content.decode()
    assert (f"{inquiry.reference} is registered and sent to Lise Lokal. No receipt was sent: the "
            "citizen has not given an e-mail address.") in html
    assert NO_EMAIL_NOTICE in html
    assert "Phone: 75 00 00 00." in html
    assert "Registered by" in html and "Lise Lokal" in html
    assert "(phone)" in html
    assert "mailto:" not in html
    assert (inquiry.channel, inquiry.submitter_email) == ("phone", "")
    assert [e.to for e in OutgoingEmail.objects.all()] == [[setting.contact.employee.email]]


def test_with_an_e_mail_the_message_names_the_address_the_receipt_went_to(setting):
    response = english_client(setting.contact).post(
        REGISTER_URL, phone_call(setting.area, submitter_email="hans@example.dk"), follow=True)

    inquiry = Inquiry.objects.get()
    assert (f"{inquiry.reference} is registered and sent to Lise Lokal. The citizen has been sent a "
            "receipt with a link to follow the inquiry at hans@example.dk.") in response.content.decode()
    assert NO_EMAIL_NOTICE not in response.content.decode()
    assert OutgoingEmail.objects.filter(to=["hans@example.dk"]).exists()


def test_a_colleague_registering_for_an_area_they_do_not_cover_returns_to_the_form(setting):
    response = english_client(setting.colleague).post(REGISTER_URL, phone_call(setting.area),
                                                      follow=True)

    inquiry = Inquiry.objects.get()
    assert response.redirect_chain == [(REGISTER_URL, 302)]
    assert inquiry.assignee == setting.contact.employee
    assert f"{inquiry.reference} is registered and sent to Lise Lokal." in response.content.decode()


def test_a_date_in_the_future_is_refused_and_the_files_are_asked_for_again(setting):
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)

    response = english_client(setting.contact).post(
        REGISTER_URL, {**phone_call(setting.area, received_on=tomorrow.isoformat()),
                       "files": [pdf("brev.pdf")]})

    assert response.status_code == 400
    html = response.content.decode()
    assert "The date received cannot be in the future." in html
    assert ("Your files were not sent because the form had errors: choose them again "
            "(brev.pdf).") in html
    assert not Inquiry.objects.exists() and not OutgoingEmail.objects.exists()


@pytest.mark.parametrize("role", ["council", "anonymous"])
def test_council_members_and_visitors_cannot_register(setting, role):
    if role == "council":
        user = CouncilMemberFactory(council=CouncilFactory(area=setting.area)).user
        client = english_client(user)
    else:
        client = english_client()

    get, post = client.get(REGISTER_URL), client.post(REGISTER_URL, phone_call(setting.area))

    if role == "council":
        assert (get.status_code, post.status_code) == (403, 403)
    else:
        assert get.status_code == post.status_code == 302
        assert post["Location"].startswith(reverse("login"))
    assert not Inquiry.objects.exists()


def test_the_list_shows_and_filters_by_channel(setting):
    InquiryFactory(area=setting.area, assignee=setting.contact.employee, subject="Fra formularen")
    InquiryFactory(area=setting.area, assignee=setting.contact.employee, subject="Fra et brev",
                   channel="letter")
    client = english_client(setting.contact)

    html = client.get(reverse("inquiries:list")).content.decode()
    assert "<th scope=\"col\">Channel</th>" in html
    assert '<td data-title="Channel">Letter</td>' in html
    assert '<td data-title="Channel">Web form</td>' in html
    assert f'href="{REGISTER_URL}"' in html

    html = client.get(reverse("inquiries:list"), {"channel": "letter"}).content.decode()
    assert "Fra et brev" in html and "Fra formularen" not in html


def test_on_a_phone_each_value_of_the_list_is_named_by_its_column(setting):
    InquiryFactory(area=setting.area, assignee=setting.contact.employee, subject="Fra et brev",
                   channel="letter")

    html = english_client(setting.contact).get(reverse("inquiries:list")).content.decode()

    # DKFDS stacks a table--responsive-headers table's rows below 768 px, each cell under its
    # data-title (the reference, the row's first cell, stands as the row's heading).
    assert '<table class="table table--zebra table--responsive-headers">' in html
    row = html.split("Fra et brev")[0].rsplit("<tr", 1)[1] + html.split("Fra et brev")[1].split("</tr>")[0]
    assert re.findall(r'<td data-title="([^"]*)"', row) == [
        "", "Subject", "Local area", "Channel", "Handled by", "Status", "Deadline"]


def test_staff_find_the_form_on_the_area_page_and_the_public_does_not(setting):
    url = setting.area.get_absolute_url()
    link = f'{REGISTER_URL}?omraade={setting.area.slug}'

    assert link in english_client(setting.colleague).get(url).content.decode()
    assert link not in english_client().get(url).content.decode()


def test_the_public_form_has_a_default_kind_and_no_dashes(browser, setting):
    html = browser.get("/henvendelser/ny/").content.decode()

    assert 'name="submitter_kind" value="citizen" checked' in html
    assert "---------" not in html


def test_after_an_error_the_public_form_names_the_files_to_choose_again(browser, setting):
    response = submit(browser, setting.area, subject="", files=[pdf("tegning.pdf")])

    assert response.status_code == 400
    assert ("Your files were not sent because the form had errors: choose them again "
            "(tegning.pdf).") in response.content.decode()


def test_the_form_offers_every_area(setting):
    LocalAreaFactory(name="Snaptun")
    html = english_client(setting.contact).get(REGISTER_URL).content.decode()
    assert "Snaptun" in html and "Glud" in html
