# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""The public directory's content is kept in the cache (areas.views.directory) until what it
shows changes: a change made through any service shows on the next request, and what is kept
for one language or one audience never reaches another."""

import datetime

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import translation

from lokalkontakt.areas import services
from lokalkontakt.areas.models import Participation
from lokalkontakt.handovers.services import handover_start
from lokalkontakt.people.services import core_area_save, employee_save
from tests.areas.conftest import english_client
from tests.areas.factories import AssignmentFactory, CouncilFactory, LocalAreaFactory
from tests.areas.pages import page_text
from tests.people.factories import CoreAreaFactory, EmployeeFactory, UserFactory

pytestmark = pytest.mark.django_db

URL = reverse("areas:directory")
HTMX = {"HX-Request": "true", "HX-Target": "results"}


@pytest.fixture
def glud(db):
    area = LocalAreaFactory(name="Glud", postcodes="7130")
    CouncilFactory(area=area, name="Glud Lokalråd", email="lokalraad@glud.dk")
    AssignmentFactory(area=area, employee=EmployeeFactory(
        name="Susanne Ernst", title="Konsulent", core_area=CoreAreaFactory(name="Læring")))
    AssignmentFactory(area=area, deputy=True, employee=EmployeeFactory(name="Dorte Stedfortræder"))
    return area


def seen(client=None, **params) -> str:
    """The directory's text as an English-speaking visitor reads it (by default anonymous)."""
    return page_text((client or english_client()).get(URL, params))


def contact(area):
    return area.assignments.get(role="primary", ends_on__isnull=True)


def _rename_area(area, coordinator):
    services.area_update(area=area, actor=coordinator, name="Glud Strand")


def _rename_council(area, coordinator):
    services.area_update(area=area, actor=coordinator,
                         council={"name": "Glud og Omegns Lokalråd", "email": "post@glud.dk"})


def _answer(area, coordinator):
    services.participation_record(area=area, answer=Participation.DECLINED,
                                  answered_on=datetime.date(2026, 1, 5), actor=coordinator)


def _end_contact(area, coordinator):
    services.assignment_end(assignment=contact(area), actor=coordinator)


def _new_contact(area, coordinator):
    services.assignment_create(area=area, employee=EmployeeFactory(name="Niels Ny"),
                               role="primary", replace=True, actor=coordinator, onboard=False)


def _mark_handover(area, coordinator):
    services.handover_mark(assignment=contact(area), actor=coordinator)


def _plan_handover(area, coordinator):
    handover_start(area=area, to_employee=EmployeeFactory(name="Niels Ny"),
                   switch_on=datetime.date.today() + datetime.timedelta(days=14), actor=coordinator)


def _rename_contact(area, coordinator):
    employee = contact(area).employee
    employee_save(employee=employee, name="Susanne Ernst-Holm", title="Chefkonsulent",
                  core_area=employee.core_area, actor=coordinator)


def _rename_core_area(area, coordinator):
    core_area_save(core_area=contact(area).employee.core_area, name="Læring og Trivsel")


def _new_area(area, coordinator):
    services.area_create(name="Hornsyld", actor=coordinator, postcodes="8783")


# Each service that changes what the directory shows, and a text the change brings.
CHANGES = {
    "area renamed": (_rename_area, "Glud Strand 7130"),
    "council changed": (_rename_council, "Glud og Omegns Lokalråd post@glud.dk"),
    "council's answer": (_answer, "Council: declined"),
    "contact ended": (_end_contact, "No contact yet No local contact yet"),
    "new contact": (_new_contact, "Niels Ny"),
    "handover marked": (_mark_handover, "New local contact on the way Council:"),
    "handover planned": (_plan_handover, "New local contact on the way Council:"),
    "contact renamed": (_rename_contact, "Susanne Ernst-Holm Chefkonsulent, Læring"),
    "core area renamed": (_rename_core_area, "Konsulent, Læring og Trivsel"),
    "area created": (_new_area, "2 local areas"),
}


@pytest.mark.parametrize("change", CHANGES, ids=list(CHANGES))
def test_a_change_through_a_service_shows_at_once(change, glud, coordinator):
    make, text = CHANGES[change]
    before = seen()
    assert seen() == before and text not in before  # kept, and without the change

    make(glud, coordinator)

    assert text in seen()


@pytest.mark.parametrize("change", ["area renamed", "contact ended", "contact renamed"])
def test_the_results_htmx_asks_for_are_kept_and_changed_the_same_way(change, glud, coordinator):
    make, text = CHANGES[change]
    client = english_client()
    before = page_text(client.get(URL, {"q": "glud"}, headers=HTMX))
    assert text not in before

    make(glud, coordinator)

    after = client.get(URL, {"q": "glud"}, headers=HTMX)
    assert text in page_text(after)
    assert "<html" not in after.content.decode()  # the results alone


def test_two_languages_are_kept_apart(glud):
    with translation.override("da"):
        danish_title = translation.gettext("Local areas and their contacts")
    assert danish_title != "Local areas and their contacts"

    for _ in range(2):
        english = seen()
        danish = page_text(Client(HTTP_ACCEPT_LANGUAGE="da").get(URL))

        assert "Local areas and their contacts" in english and danish_title not in english
        assert danish_title in danish and "Local areas and their contacts" not in danish


def test_staff_and_the_public_are_kept_apart(glud, colleague):
    employee = contact(glud).employee
    services.assignment_end(assignment=contact(glud))
    services.assignment_create(area=glud, employee=employee, role="primary", onboard=False)
    employee.is_active = False  # left the municipality while still the contact (the sync's case)
    employee.save()
    staff = english_client(colleague)

    for _ in range(2):
        for text, anonymous in [(seen(staff), False), (seen(), True), (seen(staff), False)]:
            assert ("Dorte Stedfortræder" in text) is not anonymous  # the deputy: staff only
            assert ("Susanne Ernst (has left)" in text) is not anonymous
            assert ("Our local contact here has left" in text) is anonymous


def test_the_layout_around_the_kept_content_is_each_visitors_own(glud, colleague):
    second = UserFactory(username="bodil")
    EmployeeFactory(user=second, name="Bodil Bruger")
    first_page = english_client(colleague).get(URL)
    second_page = english_client(second).get(URL)

    assert "Kalle Kollega" in page_text(first_page) and "Bodil Bruger" not in page_text(first_page)
    assert "Bodil Bruger" in page_text(second_page) and "Kalle Kollega" not in page_text(second_page)
    assert main_of(first_page) == main_of(second_page)  # the same kept content


def main_of(response) -> str:
    return response.content.decode().split("<main", 1)[1].split("</main>")[0]


def test_made_up_parameters_are_drawn_for_the_request_alone_and_do_not_fill_the_cache(glud):
    """A crawler's ?utm_source=…, ?side=02 or ?side=x gets the right page but nothing is kept
    for it, so it cannot push out what everyone uses (the map's drawing among them)."""
    from django.core.cache import cache

    cache.clear()
    client = english_client()
    client.get(URL)
    client.get(URL, {"q": "glud", "coverage": ""})  # a search as the form sends it: kept
    kept = len(cache._cache)

    for n in range(20):
        text = page_text(client.get(URL, {"utm_source": f"x{n}"}))
        assert "Glud Lokalråd" in text and "Susanne Ernst" in text
    for junk in ({"side": "02"}, {"side": "x"}, {"q": ["a", "b"]}, {"coverage": "nonsense"},
                 {"kort": "andet"}, {"q": "g" * 101}):
        assert client.get(URL, junk).status_code == 200

    assert len(cache._cache) == kept


def test_back_after_a_search_gets_the_whole_page_when_htmx_misses_its_history(glud):
    """htmx asks again for the URL it pushed, marked as a history restore, and puts the answer
    in place of the whole body: that must be the page, not the results alone."""
    restore = english_client().get(URL, {"q": "glud"}, headers={
        "HX-Request": "true", "HX-History-Restore-Request": "true", "HX-Current-URL": URL})
    results = english_client().get(URL, {"q": "glud"}, headers=HTMX)

    assert "<html" in restore.content.decode() and 'id="results"' in restore.content.decode()
    assert "<html" not in results.content.decode() and 'id="results"' in results.content.decode()


def test_the_results_and_the_page_tell_a_cache_they_differ_by_hx_request(glud):
    for headers in ({}, HTMX):
        response = english_client().get(URL, headers=headers)
        assert "HX-Request" in response["Vary"]


def test_made_up_searches_are_kept_apart_and_cannot_push_out_the_page_everyone_reads(glud):
    """Anyone can vary a search's words without end: the answers to a search are kept in a cache
    of their own (settings.CACHES["chosen"]), so the directory's own pages and the map stay."""
    from django.core.cache import caches

    client = english_client()
    client.get(URL)
    everyone = dict(caches["default"]._cache)

    for n in range(30):
        assert "No local area matches your search" in page_text(client.get(URL, {"q": f"zz{n}"}))

    assert dict(caches["default"]._cache) == everyone
    assert len(caches["chosen"]._cache) == 30
    assert "Glud Lokalråd" in page_text(client.get(URL, {"q": "glud"}))
