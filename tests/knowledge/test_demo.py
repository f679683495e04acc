# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""The demo's notes carry focus areas, for the focus-area report and the suggestions."""

import io

from django.core.management import call_command

from lokalkontakt.knowledge.models import Note


def test_every_demo_note_is_tagged_with_a_focus_area(db, settings):
    settings.DEMO_ENABLED = True
    call_command("load_demo", stdout=io.StringIO())

    assert Note.objects.count() == 5
    assert not Note.objects.filter(focus_areas__isnull=True).exists()
