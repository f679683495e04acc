# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""The note pages as a browser uses them: write, read, edit (and the edit conflict), delete."""

import pytest
from django.test import Client
from django.urls import reverse

from lokalkontakt.knowledge import services
from lokalkontakt.knowledge.models import Note
from tests.knowledge.conftest import english_client, pdf, update_data, write

pytestmark = pytest.mark.django_db

CONFLICT = ("Someone else saved this note while you were editing. Your text is kept below; "
            "compare it with the current note and save again.")


def form_data(note=None, **overrides) -> dict:
    data = {"title": "Hallen i Glud", "text": "Hallen kan lejes **gratis**.", "kind": "associations",
            "visibility": "staff"}
    if note is not None:
        data = {"title": note.title, "text": note.text, "kind": note.kind,
                "visibility": note.visibility, "area": note.area_id or "", "version": note.version}
    return {**data, **overrides}


def test_the_new_note_form_is_prefilled_with_the_area(setting):
    response = english_client(setting.colleague).get(reverse("knowledge:new"),
                                                     {"omraade": setting.glud.slug})

    assert response.status_code == 200
    assert f'<option value="{setting.glud.pk}" selected>Glud</option>' in response.content.decode()


def test_writing_a_note_shows_it_rendered(setting):
    client = english_client(setting.colleague)

    response = client.post(reverse("knowledge:new"), {
        **form_data(area=setting.glud.pk), "attachments": [pdf()]}, follow=True)

    note = Note.objects.get()
    assert response.redirect_chain[-1][0] == note.get_absolute_url()
    content = response.content.decode()
    assert "Hallen kan lejes <strong>gratis</strong>." in content
    assert "referat.pdf" in content
    assert "Kalle Kollega" in content  # author and history


def test_a_script_in_the_note_is_not_rendered(setting):
    note = write(setting.colleague, area=setting.glud, text="Hej <script>alert(1)</script>")

    content = english_client(setting.colleague).get(note.get_absolute_url()).content.decode()

    assert "alert(1)" not in content


def test_the_edit_conflict_keeps_the_users_text_and_shows_the_current_note(setting):
    note = write(setting.colleague, area=setting.glud)
    stale = form_data(note, text="Min nye tekst om foreningerne")
    services.note_update(note=note, actor=setting.contact,
                         **update_data(note, text="Kontaktens nyere tekst"))

    response = english_client(setting.colleague).post(reverse("knowledge:edit", args=[note.pk]),
                                                      stale)

    assert response.status_code == 409
    content = response.content.decode()
    assert CONFLICT in content
    assert "Min nye tekst om foreningerne</textarea>" in content
    assert "Kontaktens nyere tekst" in content
    assert 'name="version" value="2"' in content
    note.refresh_from_db()
    assert (note.text, note.version) == ("Kontaktens nyere tekst", 2)


def test_saving_again_after_the_conflict_succeeds(setting):
    note = write(setting.colleague, area=setting.glud)
    services.note_update(note=note, actor=setting.contact, **update_data(note, text="Kontakt"))
    note.refresh_from_db()

    response = english_client(setting.colleague).post(
        reverse("knowledge:edit", args=[note.pk]), form_data(note, text="Samlet tekst"))

    assert response.status_code == 302
    note.refresh_from_db()
    assert (note.text, note.version) == ("Samlet tekst", 3)


def test_a_refused_edit_shows_the_field_error_and_changes_nothing(setting):
    note = write(setting.colleague, area=None)

    response = english_client(setting.colleague).post(
        reverse("knowledge:edit", args=[note.pk]), form_data(note, visibility="council"))

    assert response.status_code == 400
    assert ("A general note belongs to no area and so to no council: choose staff or public."
            in response.content.decode())
    note.refresh_from_db()
    assert (note.visibility, note.version) == ("staff", 1)


def test_the_history_lists_every_version_with_who_saved_it(setting):
    note = write(setting.colleague, area=setting.glud)
    services.note_update(note=note, actor=setting.contact, **update_data(note, title="Rettet"))

    content = english_client(setting.colleague).get(note.get_absolute_url()).content.decode()

    assert "Edit history" in content
    assert "<td>Lise Lokal</td>" in content and "<td>Kalle Kollega</td>" in content


def test_a_colleague_who_may_not_edit_gets_403_and_nothing_changes(setting):
    note = write(setting.contact, area=setting.glud)
    client = english_client(setting.other_contact)

    response = client.post(reverse("knowledge:edit", args=[note.pk]), form_data(note, title="X"))

    assert response.status_code == 403
    assert Note.objects.get().title == "Foreningerne i Glud"
    assert "Edit note" not in client.get(note.get_absolute_url()).content.decode()


def test_the_author_deletes_the_note(setting):
    note = write(setting.colleague, area=setting.glud)

    response = english_client(setting.colleague).post(reverse("knowledge:delete", args=[note.pk]))

    assert response.status_code == 302
    assert not Note.objects.exists()


def test_the_areas_contact_may_not_delete(setting):
    note = write(setting.colleague, area=setting.glud)

    response = english_client(setting.contact).post(reverse("knowledge:delete", args=[note.pk]))

    assert response.status_code == 403
    assert Note.objects.exists()


def test_a_council_member_cannot_delete_a_note_they_can_read(setting):
    note = write(setting.colleague, area=setting.glud, visibility=Note.Visibility.COUNCIL)

    response = english_client(setting.council_member).post(
        reverse("knowledge:delete", args=[note.pk]))

    assert response.status_code == 403
    assert Note.objects.exists()


def test_the_edit_form_removes_a_file(setting):
    note = write(setting.colleague, area=setting.glud, attachments=[pdf("gammel.pdf")])
    client = english_client(setting.colleague)
    assert "gammel.pdf" in client.get(reverse("knowledge:edit", args=[note.pk])).content.decode()

    response = client.post(reverse("knowledge:edit", args=[note.pk]), {
        **form_data(note), "remove_attachments": [note.attachments.get().pk]})

    assert response.status_code == 302
    assert not note.attachments.exists()


def test_staff_read_an_earlier_version_of_a_note(setting):
    note = write(setting.contact, area=setting.glud, title="Første titel",
                 text="Den **gamle** tekst.")
    services.note_update(note=note, actor=setting.contact,
                         **update_data(note, title="Ny titel", text="Den nye tekst."))
    first = note.history.order_by("history_id").first()
    client = Client()
    client.force_login(setting.colleague)

    detail = client.get(note.get_absolute_url()).content.decode()
    url = reverse("knowledge:version", kwargs={"pk": note.pk, "history_id": first.history_id})
    assert f'href="{url}"' in detail
    page = client.get(url)

    assert page.status_code == 200
    html = page.content.decode()
    assert "<h1>Første titel</h1>" in html
    assert "<strong>gamle</strong>" in html
    assert "Den nye tekst" not in html
    assert "Version 1" in html and "version 2" in html


def test_a_version_of_another_note_is_not_found(setting):
    one = write(setting.contact, area=setting.glud, title="Den ene")
    other = write(setting.contact, area=setting.glud, title="Den anden")
    client = Client()
    client.force_login(setting.colleague)

    url = reverse("knowledge:version", kwargs={
        "pk": one.pk, "history_id": other.history.get().history_id})
    assert client.get(url).status_code == 404
