# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""A row of the public directory as a person reads it: the link, the contact as the area page
shows a person, the coverage badge and the council's answer. The view works these out once a
page (areas.views.directory.directory_rows), not the template once a row."""

import pytest
from django.test import Client
from django.urls import reverse

from lokalkontakt.areas.models import Participation
from tests.areas.factories import AssignmentFactory, LocalAreaFactory
from tests.areas.pages import page_text
from tests.people.factories import CoreAreaFactory, EmployeeFactory

pytestmark = pytest.mark.django_db

ENGLISH = {"Accept-Language": "en"}


@pytest.fixture
def glud(db):
    area = LocalAreaFactory(name="Glud", postcodes="7130", participation=Participation.INTERESTED)
    AssignmentFactory(area=area, employee=EmployeeFactory(
        name="Susanne Ernst", title="Konsulent", core_area=CoreAreaFactory(name="Læring"),
        email="susanne.ernst@example.dk", phone="+45 70 00 00 10"))
    return area


def test_a_row_links_to_the_area_and_shows_its_contact(client, glud):
    response = client.get(reverse("areas:directory"), headers=ENGLISH)

    content = response.content.decode()
    assert f'<a href="{reverse("areas:detail", kwargs={"slug": glud.slug})}">Glud</a>' in content
    assert 'href="tel:+4570000010"' in content
    assert ("Glud 7130 Not registered Susanne Ernst Konsulent, Læring susanne.ernst@example.dk "
            "+45 70 00 00 10 Has a local contact Council: interested") in page_text(response)


def test_each_coverage_state_has_its_own_badge(client, glud):
    AssignmentFactory(area=LocalAreaFactory(name="Hornsyld"), handover=True)
    LocalAreaFactory(name="Ølsted")

    text = page_text(client.get(reverse("areas:directory"), headers=ENGLISH))

    assert "Has a local contact Council: interested" in text
    assert "New local contact on the way Council:" in text
    assert "Ølsted 7130 Not registered No contact yet No local contact yet Council: not answered" in text


def test_a_departed_contact_is_named_to_staff_and_not_to_visitors(colleague_client, glud):
    employee = glud.assignments.get().employee
    employee.is_active = False
    employee.save()

    public = page_text(Client().get(reverse("areas:directory"), headers=ENGLISH))
    staff = page_text(colleague_client.get(reverse("areas:directory"), headers=ENGLISH))

    assert "Our local contact here has left; a new one is on the way." in public
    assert "Susanne Ernst" not in public
    assert "Susanne Ernst (has left)" in staff


def test_the_badges_follow_the_language_of_the_request(client, glud):
    danish = page_text(client.get(reverse("areas:directory"), headers={"Accept-Language": "da"}))
    english = page_text(client.get(reverse("areas:directory"), headers=ENGLISH))

    assert "Has a local contact" in english
    assert "Has a local contact" not in danish
