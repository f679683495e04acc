# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""/api/v1/areas/ keeps its pages in the cache (api.views.kept) as the public directory keeps its
content: a change made through any service shows on the next call, exactly as if nothing had
been kept, and what is kept for one language, host or site address never reaches another."""

import pytest
from django.core.cache import cache
from rest_framework.test import APIClient

from tests.api.test_public_queries import AREA_LIST, AREA_LIST_KEPT
from tests.areas.test_directory_cache import CHANGES, glud  # noqa: F401 - the fixture

pytestmark = pytest.mark.django_db
URL = "/api/v1/areas/"


def get(params=None, lang="da", **extra):
    return APIClient().get(URL, params or {}, HTTP_ACCEPT_LANGUAGE=lang, **extra)


def drawn_afresh(params=None, **extra) -> bytes:
    """What the list answers with nothing kept."""
    cache.clear()
    return get(params, **extra).content


@pytest.mark.parametrize("change", CHANGES, ids=list(CHANGES))
def test_a_change_through_a_service_shows_at_once(change, glud, coordinator):  # noqa: F811
    make, _text = CHANGES[change]
    before = get().content
    assert get().content == before  # kept

    make(glud, coordinator)

    after = get().content
    assert after != before
    assert after == drawn_afresh()


def test_a_kept_page_costs_one_query_and_answers_the_same(glud, django_assert_num_queries):  # noqa: F811
    params = {"q": "glud", "coverage": "", "postcode": "7130", "page": "1", "page_size": "10"}
    with django_assert_num_queries(AREA_LIST):
        first = get(params)
    with django_assert_num_queries(AREA_LIST_KEPT):
        again = get(params)

    assert first.status_code == again.status_code == 200
    assert again.content == first.content
    assert again.headers["Content-Type"] == first.headers["Content-Type"]
    assert [area["name"] for area in again.json()["results"]] == ["Glud"]


def test_two_languages_are_kept_apart(glud):  # noqa: F811
    danish, english = get(lang="da").json(), get(lang="en").json()

    assert danish["results"][0]["coverage_label"] == "Har en lokalkontakt"
    assert english["results"][0]["coverage_label"] == "Has a local contact"
    assert get(lang="da").json() == danish


def test_the_links_follow_the_host_asked(glud):  # noqa: F811
    from tests.areas.factories import LocalAreaFactory

    for n in range(3):
        LocalAreaFactory(name=f"Område {n}")
    on_test = get({"page_size": 2, "q": ""}).json()
    on_localhost = get({"page_size": 2, "q": ""}, HTTP_HOST="localhost").json()
    other_order = APIClient().get(f"{URL}?q=&page_size=2").json()

    assert on_test["next"] == "http://testserver/api/v1/areas/?page=2&page_size=2&q="
    assert on_localhost["next"] == "http://localhost/api/v1/areas/?page=2&page_size=2&q="
    assert other_order["next"] == on_test["next"]  # DRF writes the parameters sorted


def test_the_areas_links_follow_the_sites_address(glud, settings):  # noqa: F811
    settings.SITE_URL = "https://lokalkontakt.hedensted.dk"
    assert get().json()["results"][0]["page_url"] == (
        "https://lokalkontakt.hedensted.dk/omraader/glud/")

    settings.SITE_URL = "https://ny.hedensted.dk"
    assert get().json()["results"][0]["page_url"] == "https://ny.hedensted.dk/omraader/glud/"


def test_made_up_parameters_are_answered_for_the_call_alone_and_do_not_fill_the_cache(
        glud, django_assert_num_queries):  # noqa: F811
    cache.clear()
    get()
    get({"q": "glud", "coverage": "", "page_size": "50"})  # documented parameters: kept
    kept = len(cache._cache)

    for n in range(10):
        with django_assert_num_queries(AREA_LIST - 1):  # drawn, without the version
            response = get({"utm_source": f"x{n}"})
        assert [area["name"] for area in response.json()["results"]] == ["Glud"]
    for junk in ({"page": "01"}, {"page_size": "050"}, {"q": ["glud", "strand"]},
                 {"format": "json"}):
        assert get(junk).status_code == 200
    for refused in ({"coverage": "nonsense"}, {"q": "g" * 101}, {"page": "2"},
                    {"page_size": "201"}, {"postcode": "12"}):
        assert get(refused).status_code in (400, 404)

    assert len(cache._cache) == kept


def test_a_page_refused_is_not_kept(glud):  # noqa: F811
    from tests.areas.factories import LocalAreaFactory

    assert get({"page": "2", "page_size": "1"}).status_code == 404

    LocalAreaFactory(name="Hornsyld")

    assert [area["name"] for area in get({"page": "2", "page_size": "1"}).json()["results"]] == [
        "Hornsyld"]


def test_made_up_searches_are_kept_apart_and_cannot_push_out_the_whole_list(glud):  # noqa: F811
    """A search's words and a postcode vary without end: their answers are kept in the cache of
    searches (settings.CACHES["chosen"]), so the list's own pages stay where they are."""
    from django.core.cache import caches

    get()
    everyone = dict(caches["default"]._cache)

    for n in range(20):
        assert get({"q": f"zz{n}"}).json()["results"] == []
    assert get({"postcode": "8722"}).status_code == 200

    assert dict(caches["default"]._cache) == everyone
    assert len(caches["chosen"]._cache) == 21
