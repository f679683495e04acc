# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""`make run`'s demo meetings: what the demo contact and coordinator find when they log in."""


import pytest
from django.contrib.auth import get_user_model
from django.test import Client

from lokalkontakt.knowledge.models import Note
from lokalkontakt.meetings.models import ActionItem, AgendaItem, Bulletin, Meeting
from lokalkontakt.meetings.selectors import follow_up_actions


@pytest.fixture
def demo(demo_of_the_class, db, settings):
    """`load_demo` with the demo enabled, run once for the class (tests/conftest.py)."""
    settings.DEMO_ENABLED = True


class TestTheDemoLoaded:
    """The demo loaded once for the class (tests/conftest.py); each test reads it in a transaction
    of its own."""

    def test_the_demo_has_a_held_meeting_and_the_coming_years_series(self, demo):
        held, *coming = Meeting.objects.order_by("starts_at")
        assert held.minutes_published_at is not None
        assert len(coming) == 6
        assert {m.series_id for m in coming} != {None}

    def test_the_demo_contacts_action_item_is_followed_up_at_the_next_meeting(self, demo):
        action = ActionItem.objects.get()
        assert action.owner.user.username == "lokalkontakt"
        next_meeting = Meeting.objects.order_by("starts_at")[1]
        assert list(follow_up_actions(meeting=next_meeting)) == [action]

    def test_the_demo_minutes_shared_their_experiences_as_a_note(self, demo):
        item = AgendaItem.objects.get(meeting__minutes_published_at__isnull=False)
        assert item.note.kind == Note.Kind.EXPERIENCE
        assert item.note.text == item.experiences

    def test_the_demo_contact_sees_the_bulletin_and_the_next_meeting_on_my_areas(self, demo):
        client = Client(HTTP_ACCEPT_LANGUAGE="en")
        client.force_login(get_user_model().objects.get(username="lokalkontakt"))

        page = client.get("/mine-omraader/").content.decode()

        assert Bulletin.objects.get().title in page
        assert "Next coordination meeting:" in page
        assert "1 open action item" in page
