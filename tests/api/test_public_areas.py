# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""/api/v1/areas/: the local areas as the public directory shows them, to anyone, without a key."""

import datetime
import json

import pytest
from rest_framework.serializers import ModelSerializer
from rest_framework.test import APIClient

from lokalkontakt.api.serializers.areas import AreaSerializer
from lokalkontakt.areas.models import Participation
from lokalkontakt.areas.selectors import areas_with_contacts
from tests.areas.factories import AssignmentFactory, CouncilFactory, LocalAreaFactory
from tests.people.factories import CoreAreaFactory, EmployeeFactory

pytestmark = pytest.mark.django_db
URL = "/api/v1/areas/"


@pytest.fixture
def glud(settings):
    """Glud as the directory knows it: council, contact, deputy, a former contact, internal
    notes that only staff see."""
    settings.SITE_URL = "https://lokalkontakt.hedensted.dk"
    area = LocalAreaFactory(
        name="Glud", towns="Glud; Bjerre", postcodes="7130 8722", parish="Glud Sogn",
        population=412, population_year=2024, latitude="55.81234", longitude="9.84567",
        participation=Participation.INTERESTED, participation_date=datetime.date(2024, 3, 1),
        participation_note="Formanden ringede; intern bemærkning.", sources="Bilag 1")
    CouncilFactory(area=area, name="Glud Lokalråd", email="lokalraad@glud.dk",
                   website="https://glud.dk", chair_name="Formand Fiktiv",
                   chair_email="formand@glud.dk", chair_phone="+45 70 00 00 01")
    fritid = CoreAreaFactory(name="Fritid og Fællesskab")
    AssignmentFactory(area=area, note="Aftalt med lederen (intern)", employee=EmployeeFactory(
        name="Susanne Lund", title="Konsulent", core_area=fritid,
        email="susanne.lund@hedensted.dk", phone="+45 79 75 50 00"))
    AssignmentFactory(area=area, deputy=True, employee=EmployeeFactory(
        name="Peter Holm", title="", core_area=None, email="peter.holm@hedensted.dk", phone=""))
    AssignmentFactory(area=area, ended=True, starts_on=datetime.date(2021, 1, 4),
                      employee=EmployeeFactory(name="Tidligere Kontakt"))
    return area


def get(path=URL, **params):
    return APIClient().get(path, params, HTTP_ACCEPT_LANGUAGE=params.pop("lang", "da"))


def names(response) -> list[str]:
    assert response.status_code == 200, response.content
    return [area["name"] for area in response.json()["results"]]


def test_an_area_shows_what_the_public_directory_shows(glud):
    response = get(f"{URL}glud/")

    assert response.status_code == 200
    assert response.json() == {
        "name": "Glud", "slug": "glud", "towns": ["Glud", "Bjerre"],
        "postcodes": ["7130", "8722"], "parish": "Glud Sogn", "population": 412,
        "population_year": 2024, "latitude": 55.81234, "longitude": 9.84567,
        "community_forming": False, "coverage": "covered",
        "coverage_label": "Har en lokalkontakt", "participation": "interested",
        "participation_label": "Interesseret", "participation_date": "2024-03-01",
        "council": {"name": "Glud Lokalråd", "email": "lokalraad@glud.dk",
                    "website": "https://glud.dk"},
        "contact": {"name": "Susanne Lund", "title": "Konsulent",
                    "core_area": "Fritid og Fællesskab", "email": "susanne.lund@hedensted.dk",
                    "phone": "+45 79 75 50 00"},
        "deputy": {"name": "Peter Holm", "title": "", "core_area": "",
                   "email": "peter.holm@hedensted.dk", "phone": ""},
        "page_url": "https://lokalkontakt.hedensted.dk/omraader/glud/",
        "inquiry_url": "https://lokalkontakt.hedensted.dk/henvendelser/ny/?omraade=glud",
    }


def test_the_list_shows_the_same_area_as_its_page(glud):
    response = get()

    assert response.json()["results"] == [get(f"{URL}glud/").json()]


def test_what_only_staff_see_is_not_in_the_api(glud):
    text = get().content.decode() + get(f"{URL}glud/").content.decode()

    for private in ["Formand Fiktiv", "formand@glud.dk", "+45 70 00 00 01",  # the chair
                    "intern", "Bilag 1",  # the note on the answer, the assignment's, the sources
                    "Tidligere Kontakt",  # an ended assignment
                    "2024-01-02", "starts_on", "handover_due"]:  # the assignment's details
        assert private not in text


def test_the_urls_open_the_area_page_and_the_inquiry_form_for_the_area(glud, client):
    area = get(f"{URL}glud/").json()
    base = "https://lokalkontakt.hedensted.dk"

    page = client.get(area["page_url"].removeprefix(base))
    form = client.get(area["inquiry_url"].removeprefix(base))

    assert page.status_code == 200
    assert "Susanne Lund" in page.content.decode()
    assert form.status_code == 200
    assert form.context["form"].initial["area"] == glud  # the form opens with Glud chosen


def test_a_contact_who_has_left_is_not_shown(glud):
    primary = glud.assignments.get(role="primary", ends_on=None)
    primary.handover_due = True  # as organisation's departure leaves it until the handover
    primary.save()
    primary.employee.is_active = False
    primary.employee.save()

    area = get(f"{URL}glud/").json()

    assert area["coverage"] == "handover"
    assert area["coverage_label"] == "Ny lokalkontakt på vej"
    assert area["contact"] is None
    assert area["deputy"]["name"] == "Peter Holm"
    assert "Susanne Lund" not in get().content.decode()


def test_an_area_without_council_or_contact(settings):
    LocalAreaFactory(name="Stenderup", postcodes="", towns="", parish="", community_forming=True)

    area = get(f"{URL}stenderup/").json()

    assert (area["council"], area["contact"], area["deputy"]) == (None, None, None)
    assert (area["coverage"], area["coverage_label"]) == ("uncovered", "Ingen lokalkontakt endnu")
    assert (area["towns"], area["postcodes"], area["latitude"]) == ([], [], None)
    assert area["community_forming"] is True


def test_the_quick_representation_is_what_the_declared_fields_give(glud):
    """AreaSerializer builds its dict by hand for speed; the schema is made from its declared
    fields. The two must agree for every kind of area."""
    LocalAreaFactory(name="Stenderup", towns="", postcodes="", community_forming=True)
    AssignmentFactory(area=LocalAreaFactory(name="Hornsyld"), handover=True,
                      employee=EmployeeFactory(core_area=None, is_active=False))
    AssignmentFactory(area=CouncilFactory(website="").area, deputy=True)
    serializer = AreaSerializer()

    for area in areas_with_contacts():
        declared = json.loads(json.dumps(ModelSerializer.to_representation(serializer, area)))
        quick = serializer.to_representation(area)
        assert list(quick.items()) == list(declared.items()), area.name


def test_labels_follow_the_language_asked_for(glud):
    area = get(f"{URL}glud/", lang="en").json()

    assert (area["coverage_label"], area["participation_label"]) == (
        "Has a local contact", "Interested")


def test_an_unknown_slug_answers_404():
    response = get(f"{URL}findes-ikke/", lang="en")

    assert response.status_code == 404
    assert response.json() == {"detail": "No LocalArea matches the given query."}


def test_the_areas_are_in_danish_alphabetical_order():
    for name in ["Ølsted", "Aale", "Åby", "Bjerre", "Ærø", "Zealand", "Ådal"]:
        LocalAreaFactory(name=name)

    assert names(get()) == ["Bjerre", "Zealand", "Ærø", "Ølsted", "Åby", "Ådal", "Aale"]


def test_the_list_is_paginated():
    for n in range(5):
        LocalAreaFactory(name=f"Område {n}")

    first = get(page_size=2).json()
    last = get(page_size=2, page=3).json()

    assert first["count"] == 5
    assert [a["name"] for a in first["results"]] == ["Område 0", "Område 1"]
    assert first["next"].endswith("/api/v1/areas/?page=2&page_size=2")
    assert first["previous"] is None
    assert [a["name"] for a in last["results"]] == ["Område 4"]
    assert last["next"] is None
    assert get(page_size=2, page=4).status_code == 404


@pytest.fixture
def three_areas():
    LocalAreaFactory(name="Glud", towns="Glud; Bjerre", postcodes="7130 8722", parish="Glud Sogn")
    AssignmentFactory(area=LocalAreaFactory(name="Hornsyld", towns="Hornsyld",
                                            postcodes="8783", parish="Hornsyld Sogn"))
    AssignmentFactory(handover=True, area=LocalAreaFactory(
        name="Øster Snede", towns="Øster Snede", postcodes="8723", parish="Øster Snede Sogn"))


@pytest.mark.parametrize("params, expected", [
    ({}, ["Glud", "Hornsyld", "Øster Snede"]),
    ({"q": "bjerre"}, ["Glud"]),
    ({"q": "ØSTER"}, ["Øster Snede"]),
    ({"q": "øster snede"}, ["Øster Snede"]),
    ({"q": "87"}, ["Glud", "Hornsyld", "Øster Snede"]),
    ({"q": "hornsyld sogn"}, ["Hornsyld"]),
    ({"q": "ingen steder"}, []),
    ({"coverage": "covered"}, ["Hornsyld"]),
    ({"coverage": "handover"}, ["Øster Snede"]),
    ({"coverage": "uncovered"}, ["Glud"]),
    ({"postcode": "8722"}, ["Glud"]),
    ({"postcode": "7130"}, ["Glud"]),
    ({"postcode": "8700"}, []),
    ({"postcode": "8723", "coverage": "handover"}, ["Øster Snede"]),
    ({"q": "glud", "coverage": "covered"}, []),
    ({"q": "", "coverage": "", "postcode": ""}, ["Glud", "Hornsyld", "Øster Snede"]),  # empty
])
def test_the_filters_are_the_directorys(three_areas, params, expected):
    assert names(get(**params)) == expected


@pytest.mark.parametrize("params, errors", [
    ({"coverage": "everywhere"}, {"coverage": ['"everywhere" is not a valid choice.']}),
    ({"postcode": "87"}, {"postcode": ["This value does not match the required pattern."]}),
    ({"postcode": "8722 7130"}, {"postcode": ["This value does not match the required pattern."]}),
    ({"q": "x" * 101}, {"q": ["Ensure this field has no more than 100 characters."]}),
])
def test_a_bad_filter_is_refused_with_a_message(three_areas, params, errors):
    response = get(lang="en", **params)

    assert response.status_code == 400
    assert response.json() == errors


def test_a_bad_filter_is_explained_in_danish_by_default(three_areas):
    response = get(coverage="everywhere")

    assert response.json() == {"coverage": ['"everywhere" er ikke et gyldigt valg.']}


def test_only_get_is_allowed(glud):
    response = APIClient().post(URL, {"name": "Nyt område"}, format="json")

    assert response.status_code == 405
    assert names(get()) == ["Glud"]
