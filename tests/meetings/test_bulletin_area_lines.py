# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""A bulletin to the contacts of some local areas among many areas (AREA_SELECT_MAX lowered to
5): one area per line, resolved on the server without JavaScript; a line that fits none or
several is refused and nothing is sent; the form costs the same queries at 6 and 60 areas. The
core areas (few) stay checkboxes. Among few areas the checkboxes as before
(tests.meetings.test_views_bulletins)."""

import html

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from lokalkontakt.core.models import OutgoingEmail
from lokalkontakt.meetings.models import Bulletin
from tests.areas.area_lines import CHECKBOX, SEVERAL, UNKNOWN, chosen, lines_field, many_areas, textarea
from tests.areas.factories import AssignmentFactory, LocalAreaFactory
from tests.meetings.conftest import english_client
from tests.people.factories import CoreAreaFactory, EmployeeFactory

pytestmark = pytest.mark.django_db
NEW = reverse("meetings:bulletin_new")


@pytest.fixture
def many(settings, setting):
    areas = many_areas(settings)
    AssignmentFactory(area=areas["Ørum"], employee=EmployeeFactory(name="Ørums Kontakt"))
    return areas


def text(response) -> str:
    return html.unescape(response.content.decode())


def data(**overrides) -> dict:
    return {"title": "Nye busplaner", "text": "Bussen kører hver time.", **overrides}


def test_the_coordinator_writes_the_areas_one_per_line(setting, many):
    CoreAreaFactory(name="Teknik og Miljø")
    client = english_client(setting.coordinator)
    form = text(client.get(NEW))
    assert '<textarea name="areas"' in form and CHECKBOX not in form
    assert 'name="core_areas"' in form and 'type="checkbox"' in form  # few: checkboxes

    response = client.post(NEW, data(areas="glud\nØRUM\nglud"), follow=True)

    bulletin = Bulletin.objects.get()
    assert response.redirect_chain == [(bulletin.get_absolute_url(), 302)]
    assert "Local areas: Glud, Ørum" in text(response)
    assert sorted(bulletin.recipients.values_list("name", flat=True)) == [
        setting.contact.employee.name, "Ørums Kontakt"]


def test_an_unknown_line_sends_nothing_and_says_which(setting, many):
    response = english_client(setting.coordinator).post(NEW, data(areas="Glud\nAtlantis"))

    assert response.status_code == 400
    assert not Bulletin.objects.exists() and not OutgoingEmail.objects.exists()
    field = lines_field(text(response))
    assert UNKNOWN.format("Atlantis") in field
    assert textarea(field) == "Glud\nAtlantis" and chosen(field) == ["Glud"]


def test_an_ambiguous_line_names_the_areas_to_copy(setting, many):
    response = english_client(setting.coordinator).post(NEW, data(areas="horn"))

    assert response.status_code == 400 and not Bulletin.objects.exists()
    assert SEVERAL.format("horn", "Hornborg, Hornsyld") in lines_field(text(response))


def test_the_form_costs_the_same_at_6_and_60_areas(setting, many, django_assert_num_queries):
    client = english_client(setting.coordinator)
    client.get(NEW)  # the session and the caches settle
    with CaptureQueriesContext(connection) as few:
        small = text(client.get(NEW))
    LocalAreaFactory.create_batch(53)
    with django_assert_num_queries(len(few)):
        large = text(client.get(NEW))
    assert large.count("<input") == small.count("<input")
