# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""The suggestions where staff choose focus areas: the inquiry page, the new note and the new
consultation. A suggestion is ticked only while no focus area is chosen."""

import re

import pytest
from django.urls import reverse

from lokalkontakt.consultations.models import Consultation
from lokalkontakt.core.models import FocusArea
from lokalkontakt.knowledge.models import Note
from tests.inquiries.conftest import detail_url, english_client
from tests.inquiries.factories import InquiryFactory

pytestmark = pytest.mark.django_db

CLIMATE_TEXT = "Vi ønsker flere solceller på hallens tag og ladestandere til elbiler ved skolen."


def ticked(html: str) -> set[str]:
    """The names of the focus areas whose boxes are ticked."""
    values = re.findall(r'name="focus_areas" value="(\d+)" checked', html)
    return set(FocusArea.objects.filter(pk__in=values).values_list("name", flat=True))


def suggestion_block(html: str) -> str:
    return html.split('class="focus-suggestions"', 1)[1].split("</div>", 1)[0]


def test_the_inquiry_page_suggests_and_ticks_focus_areas_when_none_is_chosen(coordinator):
    inquiry = InquiryFactory(subject="Solceller og ladestandere", text=CLIMATE_TEXT)

    html = english_client(coordinator).get(detail_url(inquiry)).content.decode()

    block = suggestion_block(html)
    assert "<strong>Klima/bæredygtighed</strong> – because of the words" in block
    assert "<q>Solceller</q>" in block and "<q>ladestandere</q>" in block
    assert "The suggestions are ticked below." in block
    assert ticked(html) == {"Klima/bæredygtighed"}


def test_the_inquiry_page_never_ticks_over_staffs_choice(coordinator):
    inquiry = InquiryFactory(subject="Solceller og ladestandere", text=CLIMATE_TEXT)
    inquiry.focus_areas.set([FocusArea.objects.get(number=3)])

    html = english_client(coordinator).get(detail_url(inquiry)).content.decode()

    assert "<strong>Klima/bæredygtighed</strong>" in suggestion_block(html)
    assert "Tick a suggestion below if it fits." in html
    assert ticked(html) == {"Kultur"}


def test_the_inquiry_page_says_when_the_text_says_too_little(coordinator):
    inquiry = InquiryFactory(subject="Spørgsmål", text="Hej. Kan I ringe til mig?")

    html = english_client(coordinator).get(detail_url(inquiry)).content.decode()

    assert "No suggestion: the text says too little about any focus area." in html
    assert ticked(html) == set()


def test_the_new_note_form_offers_the_suggest_button(coordinator):
    html = english_client(coordinator).get(reverse("knowledge:new")).content.decode()

    assert 'name="foreslaa"' in html
    assert "Suggest focus areas" in html
    assert "Write the title and the text, then ask for suggestions" in html


def test_asking_for_suggestions_shows_the_note_form_again_with_the_text_kept(coordinator):
    response = english_client(coordinator).post(reverse("knowledge:new"), {
        "title": "Energi i forsamlingshuset", "text": CLIMATE_TEXT, "kind": "associations",
        "visibility": "staff", "foreslaa": "1"})

    html = response.content.decode()
    assert response.status_code == 200
    assert not Note.objects.exists()
    assert CLIMATE_TEXT in html and 'value="Energi i forsamlingshuset"' in html
    assert "<strong>Klima/bæredygtighed</strong>" in suggestion_block(html)
    assert ticked(html) == {"Klima/bæredygtighed"}
    assert "form-error-message" not in html


def test_asking_for_suggestions_keeps_the_focus_areas_ticked_by_staff(coordinator):
    culture = FocusArea.objects.get(number=3)
    html = english_client(coordinator).post(reverse("knowledge:new"), {
        "title": "Energi", "text": CLIMATE_TEXT, "kind": "associations", "visibility": "staff",
        "focus_areas": [culture.pk], "foreslaa": "1"}).content.decode()

    assert ticked(html) == {"Kultur"}


def test_a_note_form_with_errors_comes_back_with_suggestions(coordinator):
    response = english_client(coordinator).post(reverse("knowledge:new"), {
        "title": "", "text": CLIMATE_TEXT, "kind": "associations", "visibility": "staff"})

    assert response.status_code == 400
    assert ticked(response.content.decode()) == {"Klima/bæredygtighed"}


def test_the_new_consultation_form_suggests_without_sending(coordinator):
    response = english_client(coordinator).post(reverse("consultations:new"), {
        "title": "Plan for solceller", "description": CLIMATE_TEXT, "foreslaa": "1"})

    html = response.content.decode()
    assert response.status_code == 200
    assert not Consultation.objects.exists()
    assert "<strong>Klima/bæredygtighed</strong>" in suggestion_block(html)
    assert ticked(html) == {"Klima/bæredygtighed"}
