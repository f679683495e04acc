# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""Writing, editing and deleting notes: who may, what is stored, and the edit conflict."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from lokalkontakt.core.models import FocusArea, OutgoingEmail
from lokalkontakt.knowledge import services
from lokalkontakt.knowledge.models import Note
from tests.knowledge.conftest import pdf, stored_files, update_data, write

pytestmark = pytest.mark.django_db

CONFLICT = ("Someone else saved this note while you were editing. Your text is kept below; "
            "compare it with the current note and save again.")


def test_an_employee_writes_a_note_about_any_area(setting):
    focus = FocusArea.objects.create(number=99, slug="natur", name="Natur")

    note = write(setting.colleague, area=setting.juelsminde, focus_areas=[focus],
                 attachments=[pdf()])

    note.refresh_from_db()
    assert (note.area, note.author, note.version) == (
        setting.juelsminde, setting.colleague.employee, 1)
    assert list(note.focus_areas.all()) == [focus]
    assert [a.name for a in note.attachments.all()] == ["referat.pdf"]
    assert note.history.count() == 1
    assert note.history.get().history_user == setting.colleague


def test_a_general_note_has_no_area(setting):
    note = write(setting.colleague, area=None, visibility=Note.Visibility.PUBLIC)

    assert note.area is None


def test_a_general_note_cannot_be_shared_with_a_council(setting):
    with pytest.raises(ValidationError) as error:
        write(setting.colleague, area=None, visibility=Note.Visibility.COUNCIL)

    assert "visibility" in error.value.error_dict
    assert not Note.objects.exists()


def test_a_council_member_cannot_write_notes(setting):
    with pytest.raises(PermissionDenied):
        write(setting.council_member, area=setting.glud)

    assert not Note.objects.exists()


def test_a_refused_attachment_stores_nothing(setting, media_root):
    with pytest.raises(ValidationError) as error:
        write(setting.colleague, area=setting.glud,
              attachments=[pdf(), pdf("virus.pdf", b"MZ\x90\x00 not a pdf")])

    assert error.value.message_dict["attachments"] == ["virus.pdf does not look like a .pdf file."]
    assert not Note.objects.exists()
    assert stored_files(media_root) == []
    assert not OutgoingEmail.objects.exists()


def test_a_failed_write_removes_the_files_already_stored(setting, media_root, monkeypatch):
    def fail(*args, **kwargs):
        raise RuntimeError("mail queue down")

    monkeypatch.setattr(services, "_notify_contacts", fail)

    with pytest.raises(RuntimeError):
        write(setting.colleague, area=setting.glud, attachments=[pdf()])

    assert not Note.objects.exists()
    assert stored_files(media_root) == []


def test_the_author_updates_the_note_and_a_version_is_recorded(setting):
    note = write(setting.colleague, area=setting.glud)

    services.note_update(note=note, actor=setting.colleague,
                         **update_data(note, text="Nu mødes de om onsdagen."))

    note.refresh_from_db()
    assert (note.text, note.version) == ("Nu mødes de om onsdagen.", 2)
    assert [h.version for h in note.history.order_by("history_id")] == [1, 2]


@pytest.mark.parametrize("editor", ["contact", "deputy", "coordinator"])
def test_the_areas_contacts_and_the_coordinator_may_edit(setting, editor):
    note = write(setting.colleague, area=setting.glud)

    services.note_update(note=note, actor=getattr(setting, editor),
                         **update_data(note, title="Rettet"))

    note.refresh_from_db()
    assert note.title == "Rettet"


@pytest.mark.parametrize("editor", ["other_contact", "council_member"])
def test_others_may_not_edit(setting, editor):
    note = write(setting.colleague, area=setting.glud)

    with pytest.raises(PermissionDenied):
        services.note_update(note=note, actor=getattr(setting, editor),
                             **update_data(note, title="Rettet"))

    note.refresh_from_db()
    assert (note.title, note.version) == ("Foreningerne i Glud", 1)


def test_a_second_save_of_the_same_version_is_refused_and_changes_nothing(setting):
    note = write(setting.colleague, area=setting.glud)
    first, second = Note.objects.get(pk=note.pk), Note.objects.get(pk=note.pk)
    services.note_update(note=first, actor=setting.contact,
                         **update_data(first, text="Kontaktens tekst"))

    with pytest.raises(ValidationError) as error:
        services.note_update(note=second, actor=setting.colleague,
                             **update_data(second, text="Kollegaens tekst", attachments=[pdf()]))

    assert error.value.messages == [CONFLICT]
    note.refresh_from_db()
    assert (note.text, note.version) == ("Kontaktens tekst", 2)
    assert note.history.count() == 2
    assert not note.attachments.exists()


@pytest.mark.parametrize("actor", ["colleague", "coordinator"])
def test_the_author_and_the_coordinator_may_delete(setting, actor, media_root):
    note = write(setting.colleague, area=setting.glud, attachments=[pdf()])

    services.note_delete(note=note, actor=getattr(setting, actor))

    assert not Note.objects.exists()


@pytest.mark.parametrize("actor", ["contact", "other_contact", "council_member"])
def test_others_may_not_delete(setting, actor):
    note = write(setting.colleague, area=setting.glud)

    with pytest.raises(PermissionDenied):
        services.note_delete(note=note, actor=getattr(setting, actor))

    assert Note.objects.filter(pk=note.pk).exists()


def test_a_colleague_s_note_queues_an_e_mail_to_the_contact_and_deputy(setting):
    write(setting.colleague, area=setting.glud)

    [email] = OutgoingEmail.objects.all()
    assert sorted(email.to) == ["lise@example.dk", "sofie@example.dk"]


@pytest.mark.parametrize("author", ["contact", "deputy"])
def test_the_area_s_own_contacts_are_not_notified_of_their_notes(setting, author):
    write(getattr(setting, author), area=setting.glud)

    assert not OutgoingEmail.objects.exists()


def test_a_general_note_notifies_nobody(setting):
    write(setting.colleague, area=None)

    assert not OutgoingEmail.objects.exists()


def test_an_edit_adds_and_removes_files(setting):
    note = write(setting.colleague, area=setting.glud, attachments=[pdf("gammel.pdf")])

    services.note_update(note=note, actor=setting.colleague,
                         **update_data(note, attachments=[pdf("ny.pdf")],
                                       remove_attachments=list(note.attachments.all())))

    assert [a.name for a in note.attachments.all()] == ["ny.pdf"]


def test_another_note_s_file_is_not_removed(setting):
    note = write(setting.colleague, area=setting.glud)
    other = write(setting.colleague, area=setting.glud, attachments=[pdf()])

    services.note_update(note=note, actor=setting.colleague,
                         **update_data(note, remove_attachments=list(other.attachments.all())))

    assert other.attachments.count() == 1


def test_moving_a_note_to_another_area_tells_that_area_s_contact(setting):
    note = write(setting.contact, area=setting.glud)  # Glud's own contact: no e-mail
    assert not OutgoingEmail.objects.exists()

    services.note_update(note=note, actor=setting.contact,
                         **update_data(note, area=setting.juelsminde))

    [email] = OutgoingEmail.objects.all()
    assert email.to == ["anders@example.dk"]


def test_an_edit_in_the_same_area_tells_nobody(setting):
    note = write(setting.contact, area=setting.glud)

    services.note_update(note=note, actor=setting.coordinator, **update_data(note, title="Ny"))

    assert not OutgoingEmail.objects.exists()


def test_deleting_a_note_removes_its_files_after_commit(setting, media_root,
                                                       django_capture_on_commit_callbacks):
    note = write(setting.colleague, area=setting.glud, attachments=[pdf()])
    assert len(stored_files(media_root)) == 1

    with django_capture_on_commit_callbacks(execute=True):
        services.note_delete(note=note, actor=setting.colleague)

    assert stored_files(media_root) == []
