# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""The area field (areas.fields.AreaField): a select among few areas, a typed name among many,
resolved on the server without JavaScript; the suggestions endpoint; the pages that use it."""

import itertools
import re

import factory
import pytest
from django.urls import reverse

from lokalkontakt.inquiries.models import Inquiry
from tests.areas.conftest import english_client
from tests.areas.factories import LocalAreaFactory
from tests.inquiries.conftest import NEW_URL, form_data
from tests.inquiries.factories import InquiryFactory
from tests.typed_fields import field_html, options, page

pytestmark = pytest.mark.django_db
SEARCH = "/soeg/"
LIST = "/henvendelser/"
SUGGESTIONS = reverse("areas:suggestions")
SEVERAL = "Several local areas match “{}”. Choose the one you mean below, or type more of the name."
UNKNOWN = "No local area matches “{}”. Check the spelling, or type the beginning of the name."


_addresses = (f"192.0.2.{n}" for n in itertools.count(20))


def submit(client, **fields):
    """The public form as a browser posts it, with the area field's text (and choice) given."""
    return client.post(NEW_URL, {**form_data(), **fields}, REMOTE_ADDR=next(_addresses))


@pytest.fixture
def client(db):
    """A visitor whose browser asks for English."""
    return english_client()


@pytest.fixture
def coordinator_client(coordinator):
    return english_client(coordinator)


@pytest.fixture
def many(settings):
    """A municipality with more areas than a list shows (the limit lowered to 3)."""
    settings.AREA_SELECT_MAX = 3
    return {name: LocalAreaFactory(name=name, towns=name, postcodes=postcode) for name, postcode in [
        ("Hornborg", "8722"), ("Hornsyld", "7182"), ("Glud", "7130"), ("Juelsminde", "7130"),
        ("Ørum", "8721")]}


def area_field(html: str) -> str:
    return field_html(html, "area")


@pytest.mark.parametrize("url", [SEARCH, LIST])
def test_the_pages_stay_bounded_and_cost_the_same_at_5_and_150_areas(url, coordinator_client):
    """Up to AREA_SELECT_MAX (100) areas the select as before; above it a text input: the page
    draws no option per area, and the query count is the same at both sizes."""
    params = {"scope": "all"} if url == LIST else {"q": "lokalråd"}
    LocalAreaFactory.create_batch(5)
    page(coordinator_client, url, params)  # the process's first search looks up the RUM index
    few, few_queries = page(coordinator_client, url, params)
    assert '<select name="area"' in few and options(area_field(few)) == 6  # "All areas" and 5
    LocalAreaFactory.create_batch(145)
    many, many_queries = page(coordinator_client, url, params)
    assert '<select name="area"' not in many
    assert 'type="text" name="area"' in many and options(area_field(many)) == 0
    assert options(many) <= options(few) - 5
    assert many_queries == few_queries


def test_a_unique_beginning_filters_the_inquiry_list_without_javascript(coordinator_client, many):
    InquiryFactory(area=many["Hornsyld"], subject="Sti til skolen")
    InquiryFactory(area=many["Hornborg"], subject="Ny legeplads")

    html, _queries = page(coordinator_client, LIST, {"scope": "all", "status": "any",
                                                     "area": "hornsy"})
    assert "Sti til skolen" in html and "Ny legeplads" not in html
    assert 'value="Hornsyld"' in area_field(html)  # the chosen area shows its name


def test_a_link_with_the_areas_pk_or_slug_shows_its_name(coordinator_client, many):
    for value in [str(many["Ørum"].pk), many["Ørum"].slug]:
        html, _queries = page(coordinator_client, LIST, {"scope": "all", "area": value})
        assert 'value="Ørum"' in area_field(html)


def test_danish_letters_match_either_way(client, many):
    html, _queries = page(client, SEARCH, {"q": "x", "area": "ØRU"})
    assert 'value="Ørum"' in area_field(html) and "form-error" not in area_field(html)


def test_an_ambiguous_name_offers_the_matches_and_filters_nothing(coordinator_client, many):
    InquiryFactory(area=many["Glud"], subject="Bænke ved havnen")

    html, _queries = page(coordinator_client, LIST, {"scope": "all", "status": "any",
                                                     "area": "Horn"})
    field = area_field(html)
    assert SEVERAL.format("Horn") in field
    chosen = re.findall(r'name="area-choice" value="([^"]+)"><label[^>]*>([^<]+)<', field)
    assert chosen == [(many["Hornborg"].slug, "Hornborg"), (many["Hornsyld"].slug, "Hornsyld")]
    assert "Bænke ved havnen" in html  # the invalid filter is left out, as any invalid filter


def test_choosing_one_of_the_matches_filters_by_it(coordinator_client, many):
    InquiryFactory(area=many["Hornsyld"], subject="Sti til skolen")
    InquiryFactory(area=many["Hornborg"], subject="Ny legeplads")

    html, _queries = page(coordinator_client, LIST, {
        "scope": "all", "status": "any", "area": "Horn", "area-choice": many["Hornborg"].slug})
    assert "Ny legeplads" in html and "Sti til skolen" not in html


def test_an_unknown_name_says_so(client, many):
    response = client.get(SEARCH, {"q": "x", "area": "Atlantis"})
    assert UNKNOWN.format("Atlantis") in response.content.decode()


def test_the_public_form_takes_a_typed_name_or_postcode(client, many):
    assert submit(client, area="Ørum").status_code == 302
    assert submit(client, area="8722").status_code == 302  # Hornborg's
    assert [i.area.name for i in Inquiry.objects.order_by("pk")] == ["Ørum", "Hornborg"]


def test_an_ambiguous_name_on_the_public_form_changes_nothing(client, many):
    response = submit(client, area="7130")  # Glud and Juelsminde

    assert response.status_code == 400
    html = response.content.decode()
    assert SEVERAL.format("7130") in html
    assert "Glud (Glud, 7130)" in html and "Juelsminde (Juelsminde, 7130)" in html
    assert not Inquiry.objects.exists()
    chosen = submit(client, **{"area": "7130", "area-choice": many["Glud"].slug})
    assert chosen.status_code == 302 and Inquiry.objects.get().area == many["Glud"]


def test_the_public_form_shows_the_area_a_link_names(client, many):
    html = client.get("/henvendelser/ny/", {"omraade": many["Glud"].slug}).content.decode()
    assert 'value="Glud"' in area_field(html)


def test_an_address_with_several_areas_offers_them_beside_the_typed_field(client, many, settings):
    settings.ADDRESS_SERVICE_URL = ""
    response = submit(client, address="Strandvejen 3, 7130")

    assert response.status_code == 400
    chosen = re.findall(r'name="area-choice" value="([^"]+)"', response.content.decode())
    assert chosen == [many["Glud"].slug, many["Juelsminde"].slug]
    assert not Inquiry.objects.exists()


def test_the_suggestions_are_bounded_and_in_danish_order(client):
    for name in ["Åby", "Æby", "Øby", "Zby", "Aby", "Bybjerg", "Aaby Strand"]:
        LocalAreaFactory(name=name)
    html = client.get(SUGGESTIONS, {"felt": "area", "area": "by"}).content.decode()
    names = re.findall(r'<option value="([^"]+)"', html)
    assert names == ["Aby", "Bybjerg", "Zby", "Æby", "Øby", "Åby", "Aaby Strand"]

    LocalAreaFactory.create_batch(15, name=factory.Sequence(lambda n: f"Bygholm {n}"))
    html = client.get(SUGGESTIONS, {"felt": "area", "area": "byg"}).content.decode()
    assert options(html) == 10


def test_a_suggestion_shows_towns_and_postcodes(client):
    LocalAreaFactory(name="Korning", towns="Korning;Ørnstrup", postcodes="8700")
    html = client.get(SUGGESTIONS, {"felt": "q", "q": "Korn"}).content.decode()
    assert '<option value="Korning" label="Korning (Korning, Ørnstrup, 8700)">' in html


def test_the_suggestions_cost_a_fixed_number_of_queries(client, django_assert_max_num_queries):
    LocalAreaFactory.create_batch(30)
    with django_assert_max_num_queries(2):
        client.get(SUGGESTIONS, {"felt": "area", "area": "Område"})



# Crafted input (found in review): a digit int() cannot read, a thousand words.
@pytest.mark.parametrize(("text", "message"), [
    ("²", "No local area matches"), ("٣", "No local area matches"),
    ("9" * 19, "No local area matches"), ("9" * 5000, "Type at most 120 characters")])
def test_a_digit_that_is_no_number_is_text_not_a_server_error(coordinator_client, many, text,
                                                              message):
    response = coordinator_client.get("/henvendelser/", {"area": text})

    assert response.status_code == 200
    assert message in response.content.decode()


def test_a_text_of_a_thousand_words_is_refused_with_a_message(client, coordinator_client, many):
    response = submit(client, area="z " * 1200)

    assert response.status_code in (200, 400)  # the form shown again with its errors
    assert "Type at most 120 characters of the area&#x27;s name." in response.content.decode()
    assert not Inquiry.objects.exists()
    search = coordinator_client.get("/soeg/", {"q": "x", "area": "z " * 1200})
    assert search.status_code == 400  # the search's answer to a filter it cannot use
    assert "Type at most 120 characters" in search.content.decode()


def test_many_short_words_look_up_only_the_first_few(coordinator_client, many):
    response = coordinator_client.get("/soeg/", {"q": "x", "area": "z " * 59})

    assert response.status_code == 400  # the search's answer to a filter it cannot use
    assert "No local area matches" in response.content.decode()


def test_the_typed_field_takes_no_more_than_it_looks_up(coordinator_client, many):
    html = coordinator_client.get("/henvendelser/").content.decode()

    assert 'maxlength="120"' in html
