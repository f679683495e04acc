# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""meetings.permissions: what staff may not change answers 403 (they read every meeting), what
does not exist 404, and a bulletin not sent to the user 404 (tests/meetings/test_views_bulletins.py
has the pages). Then who may open the meetings pages by role, and who may post the coordinator's
forms; the machinery is in tests/permissions.py."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.utils import timezone

from lokalkontakt.meetings import permissions
from lokalkontakt.meetings.models import AgendaItem
from lokalkontakt.meetings.services.bulletins import bulletin_send
from tests.areas.factories import AssignmentFactory
from tests.meetings.factories import ActionItemFactory, AgendaItemFactory
from tests.permissions import (
    STAFF_ROLES,
    check_coordinator_action,
    check_get_by_role,
    routes_ruled_by,
    today,
)

pytestmark = pytest.mark.django_db


def test_an_action_item_is_read_by_any_staff_and_changed_by_its_owner(setting):
    action = ActionItemFactory(owner=setting.contact.employee)

    assert permissions.access_action(user=setting.colleague, pk=action.pk) == action
    assert permissions.access_action(user=setting.contact, pk=action.pk, to_change=True) == action
    with pytest.raises(PermissionDenied):
        permissions.access_action(user=setting.colleague, pk=action.pk, to_change=True)


@pytest.mark.parametrize("access", ["access_action", "access_item_to_edit",
                                    "access_local_meeting_to_change"])
def test_a_missing_object_is_404_even_for_the_coordinator(setting, access):
    with pytest.raises(Http404):
        getattr(permissions, access)(user=setting.coordinator, pk=999999)


def test_only_the_proposer_edits_a_proposed_item(setting):
    item = AgendaItemFactory(status=AgendaItem.Status.PROPOSED,
                             proposed_by=setting.contact.employee)

    assert permissions.access_item_to_edit(user=setting.contact, pk=item.pk) == item
    with pytest.raises(PermissionDenied):
        permissions.access_item_to_edit(user=setting.colleague, pk=item.pk)


def test_areas_to_record_for_are_the_areas_covered_now(setting):
    AssignmentFactory(employee=setting.contact.employee, deputy=True, ended=True)

    assert list(permissions.areas_to_record_for(user=setting.contact)) == [setting.area]
    with pytest.raises(PermissionDenied):
        permissions.access_areas_to_record_for(user=setting.colleague)


def test_a_bulletin_is_visible_to_its_recipients_and_the_coordinator(setting):
    bulletin = bulletin_send(actor=setting.coordinator, title="Nyt", text="Tekst",
                             areas=[setting.area])

    assert list(permissions.bulletins_visible_to(user=setting.contact)) == [bulletin]
    assert list(permissions.bulletins_visible_to(user=setting.coordinator)) == [bulletin]
    assert not permissions.bulletins_visible_to(user=setting.colleague).exists()


# --- the permission matrix ------------------------------------------------------------------


RULES = {
    "meetings:list": "staff",
    "meetings:series_new": "coordinator",
    "meetings:detail": "staff",
    "meetings:ics": "staff",
    "meetings:edit": "coordinator",
    "meetings:cancel": "coordinator",
    "meetings:invite_new": "coordinator",
    "meetings:respond": "staff",
    "meetings:arrange": "coordinator",
    "meetings:publish_agenda": "coordinator",
    "meetings:publish_minutes": "coordinator",
    "meetings:propose": "staff",
    "meetings:attendance": "coordinator",
    "meetings:action_new": "coordinator",
    "meetings:item_edit": "staff",
    "meetings:minutes": "coordinator",
    "meetings:actions": "staff",
    "meetings:action": "staff",
    "meetings:bulletins": "staff",
    "meetings:bulletin_new": "coordinator",
    "meetings:bulletin": "staff",
    "meetings:local_new": "staff",
    "meetings:local_edit": "staff",
    "meetings:local_delete": "staff",
    "meetings:calendar": "staff",
    "meetings:feed": "public",
}

# Views that answer a GET with something else than 200 for a role that may open them.
GET_STATUS = {
    # Meetings: the coordinator's buttons and deleting a local meeting are POST only.
    **{(f"meetings:{name}", "coordinator"): 405
       for name in ["invite_new", "publish_agenda", "publish_minutes"]},
    **{(f"meetings:{name}", role): 405 for name in ["local_delete", "respond"]
       for role in STAFF_ROLES},
    # The item was proposed by the contact; another employee may read it (staff read every
    # agenda), so editing it is 403, not 404.
    ("meetings:item_edit", "colleague"): 403,
    # The bulletin went to the contacts; the colleague covers no area, so it is not theirs.
    ("meetings:bulletin", "colleague"): 404,
    # Local meetings are recorded by an area's contact (or the coordinator); the contact recorded
    # the world's, in Glud. Staff see it on Glud's page, so changing it is 403, not 404.
    ("meetings:local_new", "colleague"): 403,
    ("meetings:local_edit", "colleague"): 403,
}


class TestGetByRole:
    """The world is built once for the class; what a test changes is rolled back after it."""

    @pytest.mark.parametrize("route", routes_ruled_by(RULES), ids=str)
    def test_get_by_role(self, route, world_to_get):
        check_get_by_role(route, world_to_get, RULES, GET_STATUS)


# name -> (kwargs, form data) from the world
POST_ACTIONS = {
    "meetings:series_new": lambda w: ({}, {
        "title": "Koordinerende møde", "interval_months": "2", "ordinal": "1", "weekday": "1",
        "start_time": "14:00", "end_time": "16:00",
        "first_month": (timezone.localdate() + datetime.timedelta(days=40)).strftime("%Y-%m"),
        "location": "Rådhuset", "online_url": ""}),
    "meetings:edit": lambda w: ({"pk": w.meetings["coming"].pk}, {
        "title": "Flyttet møde", "date": (timezone.localdate() + datetime.timedelta(days=31))
        .isoformat(), "start_time": "10:00", "end_time": "12:00", "location": "Juelsminde",
        "online_url": "", "proposal_deadline": today()}),
    "meetings:cancel": lambda w: ({"pk": w.meetings["coming"].pk}, {"reason": "Sygdom"}),
    "meetings:invite_new": lambda w: ({"pk": w.meetings["coming"].pk}, {}),
    "meetings:arrange": lambda w: ({"pk": w.meetings["coming"].pk}, {
        f"position_{w.meetings['item'].pk}": "1", f"status_{w.meetings['item'].pk}": "accepted"}),
    "meetings:publish_agenda": lambda w: ({"pk": w.meetings["coming"].pk}, {}),
    "meetings:publish_minutes": lambda w: ({"pk": w.meetings["held"].pk}, {}),
    "meetings:attendance": lambda w: ({"pk": w.meetings["coming"].pk}, {
        **{f"attendance_{a.pk}": "excused" for a in w.meetings["coming"].attendances.all()}}),
    "meetings:action_new": lambda w: ({"pk": w.meetings["coming"].pk}, {
        "title": "Ny opfølgning", "owner": w.employee.pk, "due_on": today(), "description": ""}),
    "meetings:minutes": lambda w: ({"pk": w.meetings["discussed"].pk}, {
        "decisions": "Vi gør det", "experiences": "", "challenges": ""}),
    "meetings:bulletin_new": lambda w: ({}, {"title": "Orientering", "text": "Hej"}),
}


@pytest.mark.parametrize("name", sorted(POST_ACTIONS))
def test_coordinator_actions_refuse_everyone_else(name, world):
    check_coordinator_action(name, POST_ACTIONS[name], world)
