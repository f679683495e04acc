# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""The privacy notice (GDPR art. 13): public, configurable, linked from every page and from the
forms that take personal data; the inquiry form asks the submitter to confirm having read it,
not for consent."""

import pytest
from django.test import Client
from django.urls import reverse

pytestmark = pytest.mark.django_db

NOTICE = "/privatliv/"


def page(url: str = NOTICE) -> str:
    response = Client().get(url)
    assert response.status_code == 200
    return response.content.decode()


def test_the_notice_names_controller_basis_recipients_retention_rights_and_complaints(settings):
    settings.INQUIRY_RETENTION_DAYS = 180
    html = page()

    assert "Sådan behandler vi dine personoplysninger" in html
    assert "Hedensted Kommune er dataansvarlig." in html
    assert "databeskyttelsesforordningen, artikel 6, stk. 1, litra e" in html
    assert "slettes 180 dage efter, at henvendelsen er lukket" in html
    assert "aldrig dit navn, dine kontaktoplysninger eller dine filer" in html
    assert "Datatilsynet" in html and 'href="https://www.datatilsynet.dk/"' in html


def test_the_contact_details_are_settings_and_empty_ones_are_left_out(settings):
    settings.MUNICIPALITY_NAME = "Tønder Kommune"
    settings.PRIVACY_CONTROLLER_ADDRESS = "Wilhelm Fabers Vej 2, 6270 Tønder"
    settings.PRIVACY_DPO_EMAIL = "dpo@example.dk"
    settings.PRIVACY_PROCESSORS = "Driftsleverandøren A/S (drift)"

    html = page()

    assert "Tønder Kommune er dataansvarlig." in html
    assert "Wilhelm Fabers Vej 2, 6270 Tønder" in html
    assert 'href="mailto:dpo@example.dk"' in html
    assert "Driftsleverandøren A/S (drift)" in html
    assert "Telefon:" not in html


def test_without_a_dpo_address_the_notice_says_whom_to_ask(settings):
    settings.PRIVACY_DPO_EMAIL = settings.PRIVACY_DPO_PHONE = ""

    assert "Spørg Hedensted Kommune om kommunens databeskyttelsesrådgiver." in page()


@pytest.mark.parametrize("url", ["/omraader/", "/henvendelser/ny/", "/lokalraad/log-ind/"])
def test_every_page_and_the_forms_that_take_personal_data_link_to_it(url):
    html = page(url)

    assert f'href="{NOTICE}"' in html


def test_the_inquiry_form_asks_to_confirm_the_notice_not_for_consent():
    html = page(reverse("inquiries:new"))

    assert "Jeg har læst, hvordan kommunen behandler mine personoplysninger" in html
    assert "samtykke" not in html.lower()
