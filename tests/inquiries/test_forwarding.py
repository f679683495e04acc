# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""Forwarding to a colleague, reassigning and tagging focus areas."""

import re

import pytest
from django.utils.html import escape

from lokalkontakt.core.models import FocusArea, OutgoingEmail
from lokalkontakt.inquiries.models import InquiryEvent
from tests.inquiries.conftest import detail_url, english_client, track_url
from tests.inquiries.test_handling import act, handler, submitted  # noqa: F401 - fixtures

pytestmark = pytest.mark.django_db

Kind = InquiryEvent.Kind


def test_a_forwarded_colleague_is_emailed_and_can_open_and_answer(setting, submitted, handler):  # noqa: F811
    inquiry, token = submitted
    colleague = setting.colleague
    assert english_client(colleague).get(detail_url(inquiry)).status_code == 404

    html = act(handler, inquiry, "videresend", {
        "forward-employee": colleague.employee.pk, "forward-action": "forward",
        "forward-note": "Kan du svare på det med byggetilladelsen?"})

    assert (f"The inquiry is forwarded to {escape(colleague.employee.name)}. E-mail sent to "
            f"{escape(colleague.employee.name)}.") in html
    [notice] = OutgoingEmail.objects.all()
    assert notice.to == [colleague.employee.email]
    assert "Kan du svare på det med byggetilladelsen?" in notice.body
    assert inquiry.get_absolute_url() in notice.body
    colleague_client = english_client(colleague)
    assert colleague_client.get(detail_url(inquiry)).status_code == 200
    act(colleague_client, inquiry, "svar", {"reply-text": "I skal søge om landzonetilladelse."})
    assert "I skal søge om landzonetilladelse." in english_client().get(track_url(token)).content.decode()
    inquiry.refresh_from_db()
    assert inquiry.assignee == setting.contact.employee  # forwarding keeps the handler
    forwarded = inquiry.events.get(kind=Kind.FORWARDED)
    assert (forwarded.public, forwarded.actor) == (False, setting.contact)


def test_reassigning_makes_the_colleague_the_handler(setting, submitted, handler):  # noqa: F811
    inquiry, _token = submitted

    html = act(handler, inquiry, "videresend", {
        "forward-employee": setting.colleague.employee.pk, "forward-action": "reassign"})

    assert (f"The inquiry has been handed over to {escape(setting.colleague.employee.name)}."
            in html)
    assert "is forwarded to" not in html
    inquiry.refresh_from_db()
    assert inquiry.assignee == setting.colleague.employee
    assert inquiry.events.filter(kind=Kind.REASSIGNED).count() == 1


def test_forwarding_without_an_employee_is_refused_and_changes_nothing(submitted, handler):  # noqa: F811
    inquiry, _token = submitted

    response = handler.post(f"{detail_url(inquiry)}videresend/", {"forward-action": "forward"})

    assert response.status_code == 400
    assert 'id="id_forward-employee-error"' in response.content.decode()
    assert not inquiry.events.filter(kind=Kind.FORWARDED).exists()
    assert not inquiry.participants.exists()
    assert not OutgoingEmail.objects.exists()


def test_focus_areas_are_tagged_and_shown(submitted, handler):  # noqa: F811
    inquiry, _token = submitted
    focus = FocusArea.objects.get(slug="smidige-processer")

    html = act(handler, inquiry, "fokusomraader", {"focus_areas": [focus.pk]})

    assert list(inquiry.focus_areas.all()) == [focus]
    [checkbox] = re.findall(rf'<input[^>]*value="{focus.pk}"[^>]*>', html)
    assert "checked" in checkbox
    assert inquiry.events.get(kind=Kind.TAGGED).text == "Smidige processer"


def test_focus_areas_are_offered_once_on_the_inquiry_page(submitted, handler):  # noqa: F811
    inquiry, _token = submitted

    html = handler.get(detail_url(inquiry)).content.decode()

    assert html.count("Focus areas") == 1  # the checkboxes' legend, no second heading
    assert "Save focus areas" in html
