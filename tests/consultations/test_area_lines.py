# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""The areas to consult among many areas (AREA_SELECT_MAX lowered to 5): one area per line,
resolved on the server without JavaScript; a line that fits none or several is refused and
nothing is sent; "all areas" still asks every area; the form costs the same queries at 6 and 60
areas. Among few areas the checkboxes as before (tests.consultations.test_views)."""

import html

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from lokalkontakt.consultations.models import Consultation
from lokalkontakt.core.models import OutgoingEmail
from lokalkontakt.core.suggest.forms import SUGGEST
from tests.areas.area_lines import CHECKBOX, SEVERAL, UNKNOWN, chosen, lines_field, many_areas, textarea
from tests.areas.factories import LocalAreaFactory
from tests.consultations.conftest import detail_url, english_client
from tests.consultations.test_views import NEW_URL, form_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def many(settings, setting):
    return many_areas(settings)


def text(response) -> str:
    return html.unescape(response.content.decode())


def test_the_requester_writes_the_areas_one_per_line(setting, many):
    client = english_client(setting.requester)
    form = text(client.get(NEW_URL))
    assert '<textarea name="areas"' in form and CHECKBOX not in form

    response = client.post(NEW_URL, form_data(areas="glud\nRår\nGlud"), follow=True)

    consultation = Consultation.objects.get()
    assert response.redirect_chain == [(detail_url(consultation), 302)]
    assert sorted(consultation.tasks.values_list("area__name", flat=True)) == ["Glud", "Rårup"]
    assert "No contact – with the coordinator" in text(response)  # Rårup, on the status page


def test_an_unknown_line_sends_nothing_and_says_which(setting, many):
    response = english_client(setting.requester).post(NEW_URL, form_data(areas="Glud\nAtlantis"))

    assert response.status_code == 400
    assert not Consultation.objects.exists() and not OutgoingEmail.objects.exists()
    field = lines_field(text(response))
    assert UNKNOWN.format("Atlantis") in field
    assert textarea(field) == "Glud\nAtlantis" and chosen(field) == ["Glud"]


def test_an_ambiguous_line_names_the_areas_to_copy(setting, many):
    response = english_client(setting.requester).post(NEW_URL, form_data(areas="Glud\nhorn"))

    assert response.status_code == 400 and not Consultation.objects.exists()
    assert SEVERAL.format("horn", "Hornborg, Hornsyld") in lines_field(text(response))


def test_all_areas_without_lines_asks_every_area(setting, many):
    english_client(setting.requester).post(NEW_URL, form_data(all_areas="on"))

    assert Consultation.objects.get().tasks.count() == 3 + len(many)


def test_the_form_costs_the_same_at_6_and_60_areas(setting, many, django_assert_num_queries):
    client = english_client(setting.requester)
    client.get(NEW_URL)  # the session and the caches settle
    with CaptureQueriesContext(connection) as few:
        small = text(client.get(NEW_URL))
    LocalAreaFactory.create_batch(51)
    with django_assert_num_queries(len(few)):
        large = text(client.get(NEW_URL))
    assert large.count("<input") == small.count("<input")
    assert '<textarea name="areas"' in large


def test_asking_for_focus_area_suggestions_keeps_the_lines_as_written(setting, many):
    response = english_client(setting.requester).post(
        NEW_URL, form_data(areas="Glud\nhorn", **{SUGGEST: "1"}))

    assert response.status_code == 200 and not Consultation.objects.exists()
    field = lines_field(text(response))
    assert textarea(field) == "Glud\nhorn" and "form-error" not in field
