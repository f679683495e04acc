# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""Who reads which note: staff every note; a council member their own area's notes shared with the
council, and public ones; everyone else public notes only. Through the list, the note's page, its
file and the area page; what one may not read answers 404 (as a missing note)."""

import pytest
from django.urls import reverse

from lokalkontakt.knowledge.models import Note
from tests.knowledge.conftest import english_client, pdf, write

pytestmark = pytest.mark.django_db

V = Note.Visibility


@pytest.fixture
def notes(setting):
    """One note of each visibility about Glud, one shared with Juelsminde's council, each with a
    file."""
    return {
        visibility: write(setting.colleague, area=setting.glud, title=f"Glud {visibility}",
                          visibility=visibility, attachments=[pdf(f"{visibility}.pdf")])
        for visibility in V.values
    } | {"juelsminde": write(setting.colleague, area=setting.juelsminde, title="Juelsminde council",
                             visibility=V.COUNCIL, attachments=[pdf("juelsminde.pdf")])}


def client_for(setting, viewer):
    return english_client(None if viewer == "anonymous" else getattr(setting, viewer))


# viewer -> the notes (keys of `notes`) they may read
READABLE = {
    "colleague": {V.STAFF, V.COUNCIL, V.PUBLIC, "juelsminde"},
    "coordinator": {V.STAFF, V.COUNCIL, V.PUBLIC, "juelsminde"},
    "council_member": {V.COUNCIL, V.PUBLIC},
    "other_council_member": {V.PUBLIC, "juelsminde"},
    "anonymous": {V.PUBLIC},
}


@pytest.mark.parametrize("viewer", READABLE)
def test_the_note_page_opens_only_for_those_who_may_read_it(setting, notes, viewer):
    client = client_for(setting, viewer)

    statuses = {key: client.get(note.get_absolute_url()).status_code for key, note in notes.items()}

    assert statuses == {key: 200 if key in READABLE[viewer] else 404 for key in notes}


@pytest.mark.parametrize("viewer", READABLE)
def test_the_file_downloads_only_for_those_who_may_read_the_note(setting, notes, viewer):
    client = client_for(setting, viewer)

    statuses = {key: client.get(note.attachments.get().get_absolute_url()).status_code
                for key, note in notes.items()}

    assert statuses == {key: 200 if key in READABLE[viewer] else 404 for key in notes}


@pytest.mark.parametrize("viewer", ["colleague", "coordinator", "council_member",
                                    "other_council_member"])
def test_the_list_shows_only_readable_notes(setting, notes, viewer):
    response = client_for(setting, viewer).get(reverse("knowledge:list"))

    content = response.content.decode()
    assert response.status_code == 200
    shown = {key for key, note in notes.items() if f">{note.title}</a>" in content}
    assert shown == READABLE[viewer]


def test_anonymous_visitors_are_sent_to_the_login_from_the_list(setting, notes):
    response = english_client().get(reverse("knowledge:list"))

    assert response.status_code == 302


@pytest.mark.parametrize("viewer", READABLE)
def test_the_area_page_shows_only_readable_notes(setting, notes, viewer):
    response = client_for(setting, viewer).get(setting.glud.get_absolute_url())

    content = response.content.decode()
    shown = {key for key, note in notes.items() if f">{note.title}</a>" in content}
    assert shown == READABLE[viewer] - {"juelsminde"}


def test_the_area_page_shows_the_latest_five_and_links_to_all(setting):
    for n in range(7):
        write(setting.colleague, area=setting.glud, title=f"Note {n}")

    content = english_client(setting.colleague).get(setting.glud.get_absolute_url()).content.decode()

    assert [n for n in range(7) if f">Note {n}</a>" in content] == [2, 3, 4, 5, 6]
    assert f'{reverse("knowledge:list")}?area={setting.glud.pk}' in content
    assert "All notes about Glud" in content


def test_the_list_filters_by_area_and_kind(setting):
    write(setting.colleague, area=setting.glud, title="Glud foreninger")
    write(setting.colleague, area=setting.glud, title="Glud planer", kind=Note.Kind.PLANS)
    write(setting.colleague, area=setting.juelsminde, title="Juelsminde foreninger")

    content = english_client(setting.colleague).get(reverse("knowledge:list"), {
        "area": setting.glud.pk, "kind": Note.Kind.ASSOCIATIONS}).content.decode()

    assert ">Glud foreninger</a>" in content
    assert ">Glud planer</a>" not in content and ">Juelsminde foreninger</a>" not in content
