# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""The meeting page offers one primary action, the meeting's next step; every other action is a
secondary button."""

import re

import pytest
from django.utils import timezone

from tests.meetings.conftest import english_client
from tests.meetings.factories import AttendanceFactory, MeetingFactory

pytestmark = pytest.mark.django_db


def buttons(client, meeting) -> dict[str, list[str]]:
    """The page's buttons (links and form buttons styled as buttons) by style."""
    html = client.get(meeting.get_absolute_url()).content.decode()
    found = re.findall(r'class="button (button-[a-z]+)"[^>]*>([^<]+)<', html)
    styles: dict[str, list[str]] = {}
    for style, text in found:
        styles.setdefault(style, []).append(text.strip())
    return styles


def test_before_the_agenda_is_sent_sending_it_is_the_primary_action(setting):
    meeting = MeetingFactory()

    styles = buttons(english_client(setting.coordinator), meeting)

    assert styles["button-primary"] == ["Send the agenda"]
    assert set(styles) == {"button-primary", "button-secondary"}
    assert {"Propose an item", "Arrange the agenda", "Record attendance", "New action item",
            "Move or change", "Invite new contacts", "Cancel the meeting"} <= set(
        styles["button-secondary"])


def test_after_the_meeting_sending_the_minutes_is_the_primary_action(setting):
    meeting = MeetingFactory(held=True, agenda_published_at=timezone.now())

    styles = buttons(english_client(setting.coordinator), meeting)

    assert styles["button-primary"] == ["Send the minutes"]
    assert "Send the updated agenda" in styles["button-secondary"]


def test_with_agenda_and_minutes_sent_nothing_is_primary_but_a_proposal(setting):
    meeting = MeetingFactory(held=True, agenda_published_at=timezone.now(),
                             minutes_published_at=timezone.now())

    styles = buttons(english_client(setting.coordinator), meeting)

    assert styles.get("button-primary", []) in ([], ["Propose an item"])
    assert "Send the updated minutes" in styles["button-secondary"]


def test_an_invited_contact_has_one_primary_action_and_secondary_apologies(setting):
    meeting = MeetingFactory(agenda_published_at=timezone.now())
    AttendanceFactory(meeting=meeting, employee=setting.contact.employee)

    styles = buttons(english_client(setting.contact), meeting)

    assert styles == {"button-primary": ["Propose an item"],
                      "button-secondary": ["Send apologies"]}
