# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""The suggestions kept in the cache (candidates.suggestions.kept, issue 20): each change of what
they are drawn from (an employee, an assignment started or ended, time registered, corrected or
deleted, a core area renamed, an area changed, a nomination made or withdrawn, an account
deleted) shows on the next request as an empty cache would draw it; areas and languages are kept
apart; the page costs the same number of queries however many candidates there are."""

from decimal import Decimal

import pytest
from django.core.cache import caches
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from lokalkontakt.areas.models import AssignmentRole
from lokalkontakt.areas.services import area_update, assignment_create, assignment_end
from lokalkontakt.candidates.services import nomination_create, nomination_withdraw
from lokalkontakt.people.services import core_area_save, employee_save
from lokalkontakt.timesheets.models import TimeEntry
from lokalkontakt.timesheets.services import (
    time_entry_create,
    time_entry_delete,
    time_entry_update,
)
from tests.areas.factories import AssignmentFactory, LocalAreaFactory
from tests.candidates.nomination_world import make_staff
from tests.inquiries.conftest import english_client
from tests.people.factories import EmployeeFactory, UserFactory
from tests.timesheets.test_time_queries import without_tokens

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff(coordinator):
    """make_staff's world, Lise (Snaptun's contact) with a login to register her time."""
    staff = make_staff()
    staff.lise.user = UserFactory(username="lise")
    staff.lise.save()
    return staff


def page(client, area) -> str:
    response = client.get(reverse("nominations:suggestions", args=[area.slug]))
    assert response.status_code == 200
    return without_tokens(response.content.decode())


def drawn_afresh(client, area) -> str:
    for cache in caches.all():
        cache.clear()
    return page(client, area)


def item(html: str, name: str) -> str:
    """The suggestion of the one named, from its heading to the end of its item."""
    start = html.index(f">{name}")
    return html[start:html.index("</li>\n  ", html.index("</ul>", start))]


def shows_at_once(client, area) -> str:
    """The page as the next request shows it, asserted equal to an empty cache's."""
    shown = page(client, area)
    assert shown == drawn_afresh(client, area)
    return shown


def test_a_new_contact_and_an_assignment_ended_show_at_once(coordinator, staff):
    client = english_client(coordinator)
    assert "Teknik og Miljø has 1 of the 1 local contact" in item(page(client, staff.stouby),
                                                                   "Lise Lund")

    nina = employee_save(name="Nina Nielsen", core_area=staff.laering)
    assert "Nina Nielsen" not in shows_at_once(client, staff.stouby)  # not a contact yet
    assignment = assignment_create(area=staff.flemming, employee=nina,
                                   role=AssignmentRole.PRIMARY, onboard=False)
    shown = shows_at_once(client, staff.stouby)
    assert "Læring has 1 of the 2 local contacts" in item(shown, "Nina Nielsen")
    assert "Teknik og Miljø has 1 of the 2 local contacts" in item(shown, "Lise Lund")

    assignment_end(assignment=assignment)
    shown = shows_at_once(client, staff.stouby)
    assert "Nina Nielsen" not in shown
    assert "Teknik og Miljø has 1 of the 1 local contact" in item(shown, "Lise Lund")


def test_an_employee_deactivated_and_one_covering_the_area_leave_at_once(coordinator, staff):
    client = english_client(coordinator)
    per = staff.per
    AssignmentFactory(area=staff.as_area, employee=per)
    assert "Per Pedersen" in page(client, staff.stouby)

    assignment_create(area=staff.stouby, employee=per, role=AssignmentRole.DEPUTY,
                      onboard=False)
    assert "Per Pedersen" not in shows_at_once(client, staff.stouby)  # covers it now


def test_time_registered_corrected_and_deleted_shows_at_once(coordinator, staff):
    client = english_client(coordinator)
    lise = item(page(client, staff.stouby), "Lise Lund")
    assert "No time registered in the last 12 weeks; covers 1 area" in lise

    entry = time_entry_create(actor=staff.lise.user, day=timezone.localdate(), minutes=120,
                              kind=TimeEntry.Kind.COUNCIL, area=staff.snaptun)
    lise = item(shows_at_once(client, staff.stouby), "Lise Lund")
    assert "Registers 10 min. a week on average" in lise

    time_entry_update(entry=entry, actor=staff.lise.user, day=entry.day, minutes=240,
                      kind=entry.kind, area=staff.snaptun)
    lise = item(shows_at_once(client, staff.stouby), "Lise Lund")
    assert "Registers 20 min. a week on average" in lise

    time_entry_delete(entry=entry, actor=staff.lise.user)
    lise = item(shows_at_once(client, staff.stouby), "Lise Lund")
    assert "No time registered in the last 12 weeks; covers 1 area" in lise


def test_a_core_area_renamed_shows_at_once(coordinator, staff):
    client = english_client(coordinator)
    assert "– Teknik og Miljø</span>" in item(page(client, staff.stouby), "Lise Lund")

    core_area_save(core_area=staff.teknik, name="Teknik og Natur")
    lise = item(shows_at_once(client, staff.stouby), "Lise Lund")
    assert "– Teknik og Natur</span>" in lise
    assert "Teknik og Natur has 1 of the 1 local contact" in lise


def test_an_area_renamed_or_placed_shows_at_once(coordinator, staff):
    client = english_client(coordinator)
    assert "Covers Snaptun; the distance is unknown" in item(page(client, staff.stouby),
                                                              "Lise Lund")

    area_update(area=staff.snaptun, name="Snaptun Havn")
    lise = item(shows_at_once(client, staff.stouby), "Lise Lund")
    assert "Covers Snaptun Havn; the distance is unknown" in lise

    area_update(area=staff.snaptun, latitude=Decimal("55.8208"), longitude=Decimal("9.9931"))
    area_update(area=staff.stouby, latitude=Decimal("55.6922"), longitude=Decimal("9.7842"))
    lise = item(shows_at_once(client, staff.stouby), "Lise Lund")
    assert "Covers Snaptun Havn 19 km away" in lise


def test_a_nomination_made_and_withdrawn_shows_at_once(coordinator, staff):
    client = english_client(coordinator)
    assert "Bo Berg" not in page(client, staff.stouby)

    nomination = nomination_create(actor=staff.leader, employee=staff.bo, areas=[staff.stouby])
    bo = item(shows_at_once(client, staff.stouby), "Bo Berg")
    assert "Nominated for Stouby by Lene Holm" in bo

    nomination_withdraw(actor=staff.leader, nomination=nomination)
    assert "Bo Berg" not in shows_at_once(client, staff.stouby)


def test_the_nominator_s_account_deleted_shows_at_once(coordinator, staff):
    client = english_client(coordinator)
    nomination_create(actor=staff.leader, employee=staff.bo)
    assert "without a particular area by Lene Holm" in item(page(client, staff.stouby), "Bo Berg")

    staff.leader.delete()  # the nomination's "by" and Lene's login emptied by an UPDATE
    bo = item(shows_at_once(client, staff.stouby), "Bo Berg")
    assert "Nominated without a particular area by – " in bo


def test_areas_and_languages_are_kept_apart(coordinator, staff):
    danish, english = Client(), english_client(coordinator)
    danish.force_login(coordinator)
    stouby, flemming = page(english, staff.stouby), page(english, staff.flemming)
    in_danish = page(danish, staff.stouby)

    assert "Suggested contacts for Stouby" in stouby and "for Flemming" not in stouby
    assert "Suggested contacts for Flemming" in flemming
    assert "Forslag til lokalkontakt for Stouby" in in_danish and "Tildel" in in_danish
    assert "Assign" in stouby and "Tildel" not in stouby
    assert page(english, staff.stouby) == stouby and page(danish, staff.stouby) == in_danish
    assert page(english, staff.flemming) == drawn_afresh(english, staff.flemming)


def test_the_score_s_settings_are_in_the_key(coordinator, staff, settings):
    client = english_client(coordinator)
    time_entry_create(actor=staff.lise.user, day=timezone.localdate(), minutes=120,
                      kind=TimeEntry.Kind.COUNCIL, area=staff.snaptun)
    assert "the band is 60–90" in item(page(client, staff.stouby), "Lise Lund")

    settings.TIME_BAND_MINUTES = [30, 45]
    assert "the band is 30–45" in item(shows_at_once(client, staff.stouby), "Lise Lund")


def contacts(count: int, core_area) -> None:
    """`count` contacts, each with an area of their own and time this week."""
    for n in range(count):
        employee = EmployeeFactory(name=f"Kontakt {n:03d}", core_area=core_area,
                                   user=UserFactory(username=f"kontakt{n}"))
        area = LocalAreaFactory(name=f"Område {n:03d}", latitude=55.7 + n / 100, longitude=9.8)
        AssignmentFactory(area=area, employee=employee)
        time_entry_create(actor=employee.user, day=timezone.localdate(), minutes=30 + n,
                          kind=TimeEntry.Kind.COUNCIL, area=area)


@pytest.mark.parametrize("count", [3, 30])
def test_the_page_costs_the_same_queries_kept_and_drawn(coordinator, staff, count,
                                                        django_assert_num_queries):
    contacts(count, staff.laering)
    nomination_create(actor=staff.leader, employee=staff.bo, areas=[staff.stouby])
    client = Client()
    client.force_login(coordinator)
    url = reverse("nominations:suggestions", args=[staff.stouby.slug])
    client.get(reverse("nominations:staff"))  # the session's and the layout's first reads

    # the session, the user, the coordinator's group, the area, the data's version, the
    # layout's employee; drawn: the setting, the ranking, the best's facts and their areas
    with django_assert_num_queries(10):
        drawn = client.get(url)
    with django_assert_num_queries(6):
        kept = client.get(url)

    shown = min(20, count + 2)  # the contacts, Lise and Bo
    for response in (drawn, kept):
        assert response.content.decode().count('<h2 class="h3" id="suggestion-') == shown
    assert without_tokens(kept.content.decode()) == without_tokens(drawn.content.decode())
