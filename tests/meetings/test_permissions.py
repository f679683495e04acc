"""meetings.permissions: what staff may not change answers 403 (they read every meeting), what
does not exist 404, and a bulletin not sent to the user 404 (tests/meetings/test_views_bulletins.py
has the pages)."""

import pytest
from django.core.exceptions import PermissionDenied
from django.http import Http404

from lokalkontakt.meetings import permissions
from lokalkontakt.meetings.models import AgendaItem
from lokalkontakt.meetings.services.bulletins import bulletin_send
from tests.areas.factories import AssignmentFactory
from tests.meetings.factories import ActionItemFactory, AgendaItemFactory

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
