# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""The coordinator settles a conflict found in a source: chooses the value kept (with a note),
the conflict leaves the open list, the area's history says who and when; an import that finds
the conflict again with another value opens it again, with the same value it stays settled."""

import datetime

import pytest
from django.core.cache import cache
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from lokalkontakt.areas.events import CONFLICT_LISTED_TWICE
from lokalkontakt.areas.models import AreaEvent
from lokalkontakt.areas.selectors import source_conflicts
from lokalkontakt.areas.services import area_update, handover_mark, participation_record
from lokalkontakt.areas.services.conflicts import conflict_record, conflict_settle
from tests.areas.factories import AssignmentFactory, LocalAreaFactory
from tests.areas.pages import page_text
from tests.areas.test_queries import OVERVIEW

pytestmark = pytest.mark.django_db
ENGLISH = {"Accept-Language": "en"}
ENTRY = "Stenderup – udviklingsprojekt/Henriette Petersen"
CONFLICTS = reverse("coordination:overview_list", kwargs={"name": "konflikter"})


@pytest.fixture
def stenderup(db):
    return LocalAreaFactory(name="Stenderup")


def record(area, entry=ENTRY):
    return conflict_record(area=area, code=CONFLICT_LISTED_TWICE, source="Bilag 1", entry=entry)


def settle_url(conflict) -> str:
    return reverse("coordination:conflict_settle", kwargs={"pk": conflict.pk})


def test_the_coordinator_settles_a_conflict_and_it_leaves_the_open_list(
        coordinator_client, coordinator, stenderup):
    conflict = record(stenderup)
    listed = page_text(coordinator_client.get(CONFLICTS, headers=ENGLISH))
    assert "Conflicts in the sources (1)" in listed and "mark as settled" in listed
    form = page_text(coordinator_client.get(settle_url(conflict), headers=ENGLISH))
    assert f"With a contact (“{ENTRY}”)" in form and "Without a contact" in form

    response = coordinator_client.post(settle_url(conflict), {
        "kept": "with_contact", "note": "Henriette Petersen er kontakt i projektet."},
        headers=ENGLISH, follow=True)

    text = page_text(response)
    assert "The conflict about Stenderup is settled." in text
    assert "Conflicts in the sources (0)" in text and "No conflicts were found" in text
    overview = page_text(coordinator_client.get(reverse("coordination:overview"), headers=ENGLISH))
    assert "Conflicts in the sources" not in overview
    history = page_text(coordinator_client.get(stenderup.get_absolute_url(), headers=ENGLISH))
    assert (f"Source conflict settled: With a contact (“{ENTRY}”) is kept. Note: Henriette "
            "Petersen er kontakt i projektet. (by ") in history
    settled = AreaEvent.objects.get(kind=AreaEvent.Kind.CONFLICT_SETTLED)
    assert (settled.actor, settled.refers_to, settled.area) == (coordinator, conflict, stenderup)


def test_a_settled_conflict_cannot_be_settled_again(coordinator_client, coordinator, stenderup):
    conflict = record(stenderup)
    conflict_settle(conflict=conflict, kept="without_contact", actor=coordinator)

    assert coordinator_client.get(settle_url(conflict)).status_code == 404
    with pytest.raises(ValidationError, match="allerede afgjort"):
        conflict_settle(conflict=conflict, kept="with_contact", actor=coordinator)
    assert AreaEvent.objects.filter(kind=AreaEvent.Kind.CONFLICT_SETTLED).count() == 1


def test_a_value_the_source_did_not_give_is_refused_and_nothing_changes(
        coordinator_client, stenderup):
    conflict = record(stenderup)

    response = coordinator_client.post(settle_url(conflict), {"kept": "maybe"}, headers=ENGLISH)

    assert response.status_code == 400
    assert list(source_conflicts()) == [conflict]


def test_only_the_coordinator_settles(colleague, stenderup):
    with pytest.raises(PermissionDenied):
        conflict_settle(conflict=record(stenderup), kept="with_contact", actor=colleague)


def test_an_import_with_another_value_opens_the_conflict_again(coordinator, stenderup):
    conflict_settle(conflict=record(stenderup), kept="with_contact", actor=coordinator)

    assert record(stenderup).refers_to is None  # the same value: still the settled one
    assert list(source_conflicts()) == []

    reopened = record(stenderup, entry="Stenderup – Ny Kontakt")

    assert list(source_conflicts()) == [reopened]
    assert reopened.data["entry"] == "Stenderup – Ny Kontakt"


def test_the_open_list_keeps_its_query_count_with_settled_conflicts(
        coordinator_client, coordinator, django_assert_num_queries):
    for n in range(3):
        conflict_settle(conflict=record(LocalAreaFactory(name=f"Område {n}")),
                        kept="without_contact", actor=coordinator)
    open_one = record(LocalAreaFactory(name="Åbent"))
    coordinator_client.get(CONFLICTS)  # the session and caches warm

    with django_assert_num_queries(6):  # session, user, employee, group; count, rows
        response = coordinator_client.get(CONFLICTS, headers=ENGLISH)

    assert response.context["page"].paginator.count == 1
    assert list(response.context["page"].object_list) == [open_one]


def test_a_newer_value_from_the_source_replaces_the_open_conflict(
        coordinator, coordinator_client, stenderup):
    """The source said one thing, then another: only the newest is open and can be settled;
    the older one stays in the area's history but no longer asks the coordinator for a decision."""
    older = record(stenderup)
    other = LocalAreaFactory(name="Hornsyld")
    elsewhere = record(other)
    newer = record(stenderup, entry="Stenderup – Ny Kontakt")

    assert list(source_conflicts()) == [elsewhere, newer]  # Hornsyld before Stenderup
    assert coordinator_client.get(settle_url(older)).status_code == 404
    assert coordinator_client.get(settle_url(newer)).status_code == 200
    assert AreaEvent.objects.filter(area=stenderup, kind=AreaEvent.Kind.CONFLICT).count() == 2
    with pytest.raises(ValidationError, match="Kilden har sagt noget andet siden"):
        conflict_settle(conflict=older, kept="with_contact", actor=coordinator)
    assert not AreaEvent.objects.filter(kind=AreaEvent.Kind.CONFLICT_SETTLED).exists()

    again = record(stenderup)  # the first value again: a new conflict, the one open

    assert list(source_conflicts()) == [elsewhere, again] and again.pk not in (older.pk, newer.pk)


def test_settling_says_when_the_area_does_not_yet_match_the_value_kept(
        coordinator_client, stenderup):
    """Settling records the decision; the area's contact is changed on the area's page, and the
    message says so when the area does not match what was kept."""
    AssignmentFactory(area=stenderup, employee__name="Henriette Petersen")
    kept_none = coordinator_client.post(settle_url(record(stenderup)), {
        "kept": "without_contact"}, headers=ENGLISH, follow=True)

    assert ("The conflict about Stenderup is settled. Stenderup still has Henriette Petersen as "
            "its contact: end the assignment on the area's page if the area should have none."
            ) in page_text(kept_none)

    hornsyld = LocalAreaFactory(name="Hornsyld")
    kept_one = coordinator_client.post(settle_url(record(hornsyld, entry="Hornsyld – X")), {
        "kept": "with_contact"}, headers=ENGLISH, follow=True)

    assert ("The conflict about Hornsyld is settled. Hornsyld has no contact yet: assign one on "
            "the area's page.") in page_text(kept_one)

    matching = coordinator_client.post(settle_url(record(hornsyld, entry="Hornsyld – Y")), {
        "kept": "without_contact"}, headers=ENGLISH, follow=True)
    text = page_text(matching)
    assert "The conflict about Hornsyld is settled." in text and "no contact yet" not in text


def test_the_overview_names_the_conflicts_and_latest_changes_in_its_query_count(
        coordinator_client, coordinator, stenderup, django_assert_num_queries):
    """The overview reads only what a line of the conflicts and of the latest changes shows (not
    the area's outline and sources, not the actor), and reads nothing more for a line."""
    record(stenderup)
    glud = LocalAreaFactory(name="Glud", boundary={"type": "Polygon", "coordinates": []})
    area_update(area=glud, actor=coordinator, towns="Glud By")
    participation_record(area=glud, answer="declined", answered_on=datetime.date(2026, 3, 2),
                         actor=coordinator)
    handover_mark(assignment=AssignmentFactory(area=glud), actor=coordinator)
    coordinator_client.get(reverse("coordination:overview"))  # the session and caches warm
    cache.clear()  # the overview's parts drawn again (areas.views.overview)

    with django_assert_num_queries(OVERVIEW):
        response = coordinator_client.get(reverse("coordination:overview"), headers=ENGLISH)

    text = page_text(response)
    assert "Conflicts in the sources (1)" in text
    assert "Bilag 1 lists Stenderup both with a contact" in text
    latest = text[text.index("Latest changes"):]
    assert "Glud : The council's answer: Declined (02/03/2026)." in latest
    assert "Glud : Handover from " in latest and "Glud : Changed: towns." in latest
    assert "Stenderup : Bilag 1 lists Stenderup" in latest
    assert f'href="{stenderup.get_absolute_url()}">Stenderup</a>' in response.content.decode()
