# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""The note list and a note's page cost the same number of queries with 5 notes as with 200.

The counts are pinned: a change that adds a query per note, or one more per page, fails here.
"""

import pytest
from django.urls import reverse

from lokalkontakt.core.models import FocusArea
from lokalkontakt.knowledge import services
from lokalkontakt.knowledge.models import Note, NoteAttachment
from tests.knowledge.conftest import english_client, pdf, update_data, write

pytestmark = pytest.mark.django_db

SIZES = [5, 200]

# session, user, employee, coordinator group, 2 x Django permissions; the page's count and notes
# (with area and author); the filter form's areas and focus areas.
LIST_STAFF = 10
# session, user, employee, coordinator group, 2 x Django permissions; the note (area, author), its
# focus areas, its files; whether the viewer covers the area (may edit); the history (with who
# saved).
DETAIL_STAFF = 11


@pytest.fixture(params=SIZES, ids=[f"{size}-notes" for size in SIZES])
def many_notes(request, setting):
    focus = FocusArea.objects.order_by("number").first()
    areas = [setting.glud, setting.juelsminde]
    Note.objects.bulk_create([
        Note(area=areas[n % 2] if n % 5 else None, title=f"Note {n:03d}", text="Tekst",
             kind=Note.Kind.EVENTS, author=setting.contact.employee) for n in range(request.param)])
    for note in Note.objects.all()[:3]:
        note.focus_areas.add(focus)
        NoteAttachment.objects.bulk_create([NoteAttachment.from_upload(pdf(), note=note)])
    page_note = write(setting.colleague, area=setting.glud, focus_areas=[focus],
                      attachments=[pdf(), pdf("b.pdf")])
    for n in range(3):
        page_note.refresh_from_db()
        services.note_update(note=page_note, actor=setting.contact,
                             **update_data(page_note, title=f"Version {n}"))
    return page_note


def test_the_list_costs_the_same(setting, many_notes, django_assert_num_queries):
    client = english_client(setting.colleague)
    page = {"side": 2} if Note.objects.count() > 25 else {}

    with django_assert_num_queries(LIST_STAFF):
        response = client.get(reverse("knowledge:list"), page)

    assert response.status_code == 200


def test_the_note_page_costs_the_same(setting, many_notes, django_assert_num_queries):
    client = english_client(setting.other_contact)  # neither author nor the area's contact

    with django_assert_num_queries(DETAIL_STAFF):
        response = client.get(many_notes.get_absolute_url())

    assert response.status_code == 200
    assert "Version 2" in response.content.decode()
