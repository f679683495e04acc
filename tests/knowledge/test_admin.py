# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""The admin lists notes and files by name; a save there is a new version."""

import pytest
from django.urls import reverse

from lokalkontakt.knowledge.models import Note
from tests.knowledge.conftest import pdf, write
from tests.people.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client):
    client.force_login(UserFactory(username="admin", is_staff=True, is_superuser=True))
    return client


def test_the_admin_shows_notes_and_file_names_without_links(setting, admin_client):
    note = write(setting.colleague, area=setting.glud, attachments=[pdf("plan.pdf")])

    for url in [reverse("admin:knowledge_note_changelist"),
                reverse("admin:knowledge_note_change", args=[note.pk]),
                reverse("admin:knowledge_note_history", args=[note.pk])]:
        response = admin_client.get(url)
        assert response.status_code == 200, url
        assert "/media/" not in response.content.decode()
    assert "plan.pdf" in admin_client.get(
        reverse("admin:knowledge_note_change", args=[note.pk])).content.decode()


def test_a_save_in_the_admin_is_a_new_version(setting, admin_client):
    note = write(setting.colleague, area=setting.glud)

    response = admin_client.post(reverse("admin:knowledge_note_change", args=[note.pk]), {
        "title": "Rettet i admin", "text": note.text, "kind": note.kind, "area": note.area_id,
        "visibility": note.visibility, "attachments-TOTAL_FORMS": "0",
        "attachments-INITIAL_FORMS": "0", "attachments-MIN_NUM_FORMS": "0",
        "attachments-MAX_NUM_FORMS": "1000"})

    assert response.status_code == 302, response.content.decode()[:2000]
    note = Note.objects.get()
    assert (note.title, note.version) == ("Rettet i admin", 2)
