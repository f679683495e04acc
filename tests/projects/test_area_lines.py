# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""A project's local areas among many areas (AREA_SELECT_MAX lowered to 5): one area per line,
resolved on the server without JavaScript; a line that fits none or several is refused and
nothing is saved; the form costs the same queries at 6 and 60 areas. Among few areas the
checkboxes as before."""

import re

import pytest
from django.contrib.auth.models import Group
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from lokalkontakt.core.roles import COORDINATOR_GROUP
from lokalkontakt.projects.models import Project
from lokalkontakt.projects.services import project_save
from tests.areas.area_lines import (
    CHECKBOX,
    SEVERAL,
    UNKNOWN,
    chosen,
    lines_field,
    many_areas,
    textarea,
)
from tests.areas.factories import LocalAreaFactory
from tests.meetings.conftest import english_client
from tests.projects.test_views import form_data, text

pytestmark = pytest.mark.django_db
NEW = reverse("projects:new")


@pytest.fixture(autouse=True)
def _coordinator_group(db):
    Group.objects.get_or_create(name=COORDINATOR_GROUP)


@pytest.fixture
def many(settings):
    return many_areas(settings)


def areas_on_page(response) -> str:
    """The project page's "Local areas" as a person reads them."""
    content = text(response)
    start = content.index("<dt>Local areas</dt><dd>")
    block = content[start:content.index("</dd>", start)]
    return ", ".join(re.findall(r">([^<>]+)</a>", block))


def test_the_coordinator_writes_the_areas_one_per_line(coordinator, many):
    client = english_client(coordinator)
    form = text(client.get(NEW))
    assert '<textarea name="areas"' in form and CHECKBOX not in form

    response = client.post(NEW, {**form_data(), "areas": "korning\nHornb\nKorning\n"},
                           follow=True)

    project = Project.objects.get()
    assert response.redirect_chain == [(project.get_absolute_url(), 302)]
    assert areas_on_page(response) == "Hornborg, Korning"


def test_an_unknown_line_saves_nothing_and_says_which(coordinator, many):
    response = english_client(coordinator).post(NEW, {**form_data(), "areas": "Korning\nAtlantis"})

    assert response.status_code == 400 and not Project.objects.exists()
    field = lines_field(text(response))
    assert UNKNOWN.format("Atlantis") in field
    assert textarea(field) == "Korning\nAtlantis" and chosen(field) == ["Korning"]


def test_an_ambiguous_line_names_the_areas_to_copy(coordinator, many):
    response = english_client(coordinator).post(NEW, {**form_data(), "areas": "horn"})

    assert response.status_code == 400 and not Project.objects.exists()
    assert SEVERAL.format("horn", "Hornborg, Hornsyld") in lines_field(text(response))


def test_editing_shows_the_areas_as_lines_and_keeps_them(coordinator, many):
    project = project_save(actor=coordinator, title="Stier", status="active",
                           areas=[many["Ørum"], many["Stouby"]])
    client = english_client(coordinator)
    url = reverse("projects:edit", args=[project.pk])
    field = lines_field(text(client.get(url)))
    assert textarea(field) == "Stouby\nØrum"  # in Danish order, as the project page

    response = client.post(url, {**form_data(), "areas": "Ørum\nTørring"}, follow=True)

    assert areas_on_page(response) == "Tørring, Ørum"


def test_the_form_costs_the_same_at_6_and_60_areas(coordinator, many, django_assert_num_queries):
    project = project_save(actor=coordinator, title="Stier", status="active",
                           areas=[many["Ørum"]])
    client = english_client(coordinator)
    url = reverse("projects:edit", args=[project.pk])
    client.get(url)  # the session and the caches settle
    with CaptureQueriesContext(connection) as few:
        small = text(client.get(url))
    LocalAreaFactory.create_batch(54)
    with django_assert_num_queries(len(few)):
        large = text(client.get(url))
    assert lines_field(large) == lines_field(small)
    assert large.count("<input") == small.count("<input")


def test_among_few_areas_the_checkboxes_as_before(coordinator, settings):
    settings.AREA_SELECT_MAX = 5
    korning = LocalAreaFactory(name="Korning")
    LocalAreaFactory(name="Hornborg")
    client = english_client(coordinator)
    form = text(client.get(NEW))
    assert CHECKBOX in form and "<textarea name=\"areas\"" not in form
    assert client.post(NEW, form_data(korning)).status_code == 302
    assert list(Project.objects.get().areas.all()) == [korning]
