# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""The public endpoints cost the same number of queries with 3 areas as with 30 (and so with
3,000: bench/run.py times them there)."""

import pytest
from rest_framework.test import APIClient

from lokalkontakt.areas.models import LocalArea
from tests.areas.factories import AssignmentFactory, CouncilFactory, LocalAreaFactory

pytestmark = pytest.mark.django_db

AREA_LIST = 4  # the data's version (api.views.kept), the count, the page of areas with councils
# and coverage, their active assignments with employees and core areas
AREA_LIST_EMPTY = 2  # the version, the count: none, so no page and no assignments to fetch
AREA_LIST_KEPT = 1  # the version: the page drawn before is current
AREA_DETAIL = 2  # the area with council and coverage, its active assignments
FOCUS_LIST = 2  # the count, the page


def build_areas(count: int) -> None:
    """`count` areas, most with a council, a contact and a deputy, some with a former contact."""
    for n in range(count):
        area = LocalAreaFactory(name=f"Område {n:03d}")
        if n % 4:
            CouncilFactory(area=area)
        if n % 3:
            AssignmentFactory(area=area, handover=n % 5 == 0)
            AssignmentFactory(area=area, deputy=True)
        AssignmentFactory(area=area, ended=True)


@pytest.mark.parametrize("count", [3, 30])
def test_the_area_list_costs_the_same_whatever_the_number_of_areas(
        count, django_assert_num_queries):
    build_areas(count)

    with django_assert_num_queries(AREA_LIST):
        response = APIClient().get("/api/v1/areas/", {"page_size": 200})

    assert response.json()["count"] == count
    assert sum(area["contact"] is not None for area in response.json()["results"]) == (
        len([n for n in range(count) if n % 3]))
    with django_assert_num_queries(AREA_LIST_KEPT):
        again = APIClient().get("/api/v1/areas/", {"page_size": 200})
    assert again.content == response.content


@pytest.mark.parametrize("count", [3, 30])
def test_a_filtered_area_list_costs_the_same(count, django_assert_num_queries):
    build_areas(count)

    with django_assert_num_queries(AREA_LIST):
        response = APIClient().get("/api/v1/areas/", {"coverage": "covered", "q": "område"})

    assert response.status_code == 200
    with django_assert_num_queries(AREA_LIST_EMPTY):
        APIClient().get("/api/v1/areas/", {"postcode": "9999"})


def test_an_area_costs_two_queries(django_assert_num_queries):
    build_areas(3)
    slug = LocalArea.objects.get(name="Område 001").slug

    with django_assert_num_queries(AREA_DETAIL):
        response = APIClient().get(f"/api/v1/areas/{slug}/")

    assert response.json()["contact"] is not None


def test_the_focus_areas_cost_two_queries(django_assert_num_queries):
    with django_assert_num_queries(FOCUS_LIST):
        response = APIClient().get("/api/v1/focus-areas/")

    assert response.json()["count"] == 15
