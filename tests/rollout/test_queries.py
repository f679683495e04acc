# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""The rollout pages cost the same number of queries with 30 areas as with 1,000.

The counts are pinned: a change that adds a query per area, step or nomination fails here.
"""

import datetime
import re

import pytest
from django.urls import reverse

from lokalkontakt.areas.models import LocalArea, Participation
from lokalkontakt.candidates.models import Nomination
from lokalkontakt.people.models import Employee
from lokalkontakt.rollout.models import RolloutMilestone
from lokalkontakt.rollout.views import NEED_LIST_LIMIT, PAGE_SIZE
from tests.areas.test_queries import build_areas

pytestmark = pytest.mark.django_db

SIZES = [30, 1000]

# Signed-in requests cost the session, the user and the employee; the coordinator check costs the
# coordinator group, and for other staff Django's user and group permissions too (the check falls
# through to them).
# The counts: the areas by answer, with the staying contacts of interested areas and their planned
# handovers joined in the same pass (one query instead of three).
# The need's version (rollout.kept) and, drawn afresh, the need; kept, the version alone.
OVERVIEW_STAFF = 11  # 6 + the steps, the version, the counts, the areas lacking a contact, the
# nominations counted
OVERVIEW_COORDINATOR = 11  # 4 + the steps, the version, the counts, the areas lacking a contact,
# the nominations counted, those naming the listed areas, the first naming none
OVERVIEW_STAFF_KEPT = 8  # 6 + the steps, the version
OVERVIEW_COORDINATOR_KEPT = 6  # 4 + the steps, the version
AREAS_STAFF = 8  # 6 + the count, the page of areas with their coverage and primary contact
AREAS_COORDINATOR = 6  # 4 + the same 2
# session, user, employee; the capped count that decides whether the worker builds it
# (core.exports); every area with its council, their active assignments
EXPORT = 6
INVITATIONS_REFUSED = 6  # the coordinator's form without areas: the page again, at its filter

def build_rollout(count: int, *, actor):
    """`count` areas (tests.areas.test_queries.build_areas) with answers and invitations, a plan
    of eight steps and an open nomination per ten areas, half of them naming two areas."""
    build_areas(count, actor=actor)
    pks = list(LocalArea.objects.order_by("pk").values_list("pk", flat=True))
    LocalArea.objects.filter(pk__in=pks[::2]).update(
        participation=Participation.INTERESTED, participation_date=datetime.date(2020, 1, 6),
        invited_on=datetime.date(2019, 11, 19))
    LocalArea.objects.filter(pk__in=pks[1::4]).update(
        participation=Participation.DECLINED, participation_date=datetime.date(2020, 1, 8),
        participation_note="Ikke lige nu")
    RolloutMilestone.objects.bulk_create([
        RolloutMilestone(title=f"Trin {n}", planned_from=datetime.date(2019, 10 + n // 3, 1),
                         planned_to=datetime.date(2019, 10 + n // 3, 28),
                         status=RolloutMilestone.Status.DONE if n < 3 else "planned",
                         done_on=datetime.date(2019, 11, 19) if n < 3 else None, position=n)
        for n in range(8)])
    employees = list(Employee.objects.filter(core_area__isnull=False).order_by("pk")[:count // 10])
    nominations = Nomination.objects.bulk_create([
        Nomination(employee=employee, core_area=employee.core_area, note="Kender området")
        for employee in employees])
    Nomination.areas.through.objects.bulk_create([
        Nomination.areas.through(nomination_id=nomination.pk, localarea_id=pk)
        for n, nomination in enumerate(nominations) if n % 2
        for pk in (pks[(n * 2) % count], pks[(n * 2 + 4) % count])])


@pytest.fixture(params=SIZES, ids=[f"{size}-areas" for size in SIZES])
def rollout(request, coordinator):
    build_rollout(request.param, actor=coordinator)
    return request.param


def test_the_built_data_has_every_kind_of_row(rollout):
    assert LocalArea.objects.filter(participation=Participation.INTERESTED).exists()
    assert LocalArea.objects.filter(participation=Participation.DECLINED).exists()
    assert LocalArea.objects.filter(participation=Participation.UNKNOWN).exists()
    assert Nomination.objects.filter(areas__isnull=True).exists()
    assert Nomination.objects.filter(areas__isnull=False).exists()


def test_the_overview_costs_the_same_for_staff(colleague_client, rollout, django_assert_num_queries):
    with django_assert_num_queries(OVERVIEW_STAFF):
        response = colleague_client.get(reverse("rollout:overview"))
    with django_assert_num_queries(OVERVIEW_STAFF_KEPT):
        kept = colleague_client.get(reverse("rollout:overview"))

    assert response.status_code == kept.status_code == 200
    assert "Trin 7" in response.content.decode()
    assert "Trin 7" in kept.content.decode()


def test_the_overview_costs_the_same_for_the_coordinator(coordinator_client, rollout,
                                                         django_assert_num_queries):
    with django_assert_num_queries(OVERVIEW_COORDINATOR):
        response = coordinator_client.get(reverse("rollout:overview"))
    with django_assert_num_queries(OVERVIEW_COORDINATOR_KEPT):
        kept = coordinator_client.get(reverse("rollout:overview"))

    assert response.status_code == kept.status_code == 200
    assert "Kender området" in response.content.decode()
    assert "Kender området" in kept.content.decode()


def test_the_areas_page_costs_the_same_for_staff(colleague_client, rollout,
                                                 django_assert_num_queries):
    with django_assert_num_queries(AREAS_STAFF):
        response = colleague_client.get(reverse("rollout:areas"), {"answer": "interested"})

    assert response.status_code == 200
    assert "Område 0000" in response.content.decode()


def test_the_areas_page_costs_the_same_for_the_coordinator(coordinator_client, rollout,
                                                           django_assert_num_queries):
    with django_assert_num_queries(AREAS_COORDINATOR):
        response = coordinator_client.get(reverse("rollout:areas"), {"side": "2"})

    assert response.status_code == 200
    assert 'name="areas"' in response.content.decode()


def test_the_export_costs_the_same(colleague_client, rollout, django_assert_num_queries):
    with django_assert_num_queries(EXPORT):
        response = colleague_client.get(reverse("rollout:areas_export"))

    assert response.status_code == 200


def test_refused_invitations_cost_the_same(coordinator_client, rollout, django_assert_num_queries):
    with django_assert_num_queries(INVITATIONS_REFUSED):
        response = coordinator_client.post(reverse("rollout:invitations"),
                                           {"invited_on": "2019-11-19", "answer": "declined"})

    assert response.status_code == 400


ROW = re.compile(r'<th scope="row"><a href="/omraader/([^/"]+)/"')
NEXT = re.compile(r'href="\?([^"]*side=\d+)">Næste</a>')


def lacking_interested(count: int) -> list[str]:
    """build_rollout's interested areas (every other) without an active primary contact (every
    fifth) or with its handover due (every seventh), by slug."""
    return [f"omraade-{n:04d}" for n in range(0, count, 2) if n % 5 == 0 or n % 7 == 0]


def test_the_overview_shows_the_first_rows_and_links_to_all(coordinator_client, rollout):
    response = coordinator_client.get(reverse("rollout:overview"))
    page = response.content.decode()

    lacking = len(lacking_interested(rollout))
    unspecific = Nomination.objects.filter(areas__isnull=True).count()
    assert len(ROW.findall(page)) == min(lacking, NEED_LIST_LIMIT)
    assert page.count("Kender området") == min(unspecific, NEED_LIST_LIMIT)
    if lacking > NEED_LIST_LIMIT:
        assert (f'href="/udrulning/omraader/?answer=interested&amp;lacking=on">Vis alle {lacking}'
                in page)
    if unspecific > NEED_LIST_LIMIT:
        assert f'href="{reverse("nominations:list")}">Vis alle {unspecific}' in page


def test_paging_the_lacking_areas_reaches_every_one_once(colleague_client, rollout):
    """The overview's "Vis alle" link: page by page (plain links, the filter kept), every
    interested area without a contact, at most a page's rows each time."""
    query, seen = "answer=interested&lacking=on", []
    while query:
        page = colleague_client.get(f"{reverse('rollout:areas')}?{query}").content.decode()
        rows = ROW.findall(page)
        assert 0 < len(rows) <= PAGE_SIZE
        seen += rows
        following = NEXT.search(page)
        query = following[1].replace("&amp;", "&") if following else ""
        assert not query or "lacking=on" in query

    assert sorted(seen) == lacking_interested(rollout)
    assert len(seen) == len(set(seen))


def test_paging_every_area_shows_a_page_at_a_time(colleague_client, rollout):
    seen, number = [], 1
    while True:
        page = colleague_client.get(reverse("rollout:areas"), {"side": number}).content.decode()
        rows = ROW.findall(page)
        assert 0 < len(rows) <= PAGE_SIZE
        seen += rows
        if f"side={number + 1}" not in page:
            break
        number += 1

    assert len(seen) == len(set(seen)) == rollout
