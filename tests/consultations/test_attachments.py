# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""Attachments on the consultation and on a response: a refused file gives a message on the field,
status 400, and nothing is stored (no rows, no file on disk); accepted files are downloaded only
through the permission-checked view."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import DatabaseError

from lokalkontakt.consultations import services
from lokalkontakt.consultations.models import (
    Consultation,
    ConsultationAttachment,
    ConsultationEvent,
)
from lokalkontakt.core.models import OutgoingEmail
from tests.consultations.conftest import (
    PDF,
    create,
    english_client,
    in_days,
    pdf,
    stored_files,
    task_of,
    task_url,
)

pytestmark = pytest.mark.django_db

NEW_URL = "/hoeringer/ny/"


def form_data(setting, files) -> dict:
    return {"title": "Ny trafikplan", "description": "Hvad mener I?",
            "deadline": in_days(10).isoformat(), "areas": [str(setting.glud.pk)],
            "attachments": files}


# (files, message); the files are made for each test, as an upload is read once.
REFUSED = [
    (lambda: [SimpleUploadedFile("program.exe", b"MZ\x90\x00", "application/octet-stream")],
     "program.exe is not an allowed type."),
    (lambda: [SimpleUploadedFile("faktura.pdf", b"MZ\x90\x00 not a pdf", "application/pdf")],
     "faktura.pdf does not look like a .pdf file."),
    (lambda: [SimpleUploadedFile("tom.txt", b"", "text/plain")], "tom.txt is empty."),
    (lambda: [pdf(f"bilag{n}.pdf") for n in range(6)], "You can attach at most 5 files."),
    (lambda: [pdf("ok.pdf"), SimpleUploadedFile("ondt.docx", b"<html>", "application/msword")],
     "ondt.docx does not look like a .docx file."),
]


@pytest.mark.parametrize(("files", "message"), REFUSED)
def test_refused_on_the_consultation(setting, _media_root, files, message):
    response = english_client(setting.requester).post(NEW_URL, form_data(setting, files()))

    assert response.status_code == 400
    html = response.content.decode()
    assert message in html
    assert 'id="id_attachments-error"' in html
    assert not Consultation.objects.exists()
    assert not ConsultationAttachment.objects.exists()
    assert not OutgoingEmail.objects.exists()
    assert stored_files(_media_root) == []


def test_too_large_is_refused(setting, _media_root, settings):
    settings.ATTACHMENT_MAX_BYTES = 1024 * 1024
    big = pdf("stor.pdf", PDF + b"0" * (1024 * 1024))

    response = english_client(setting.requester).post(NEW_URL, form_data(setting, [big]))

    assert response.status_code == 400
    assert "stor.pdf is larger than 1 MB." in response.content.decode()
    assert not Consultation.objects.exists() and stored_files(_media_root) == []


@pytest.mark.parametrize(("files", "message"), REFUSED)
def test_refused_on_a_response(setting, consultation, _media_root, files, message):
    task = task_of(consultation, setting.glud)

    response = english_client(setting.contact).post(task_url(task), {
        "kind": "response", "response": "Svar", "attachments": files()})

    assert response.status_code == 400
    assert message in response.content.decode()
    task.refresh_from_db()
    assert task.status == task.Status.WAITING
    assert not ConsultationAttachment.objects.exists()
    assert stored_files(_media_root) == []


def test_the_service_refuses_too(setting, _media_root):
    with pytest.raises(Exception) as error:
        create(setting, attachments=[SimpleUploadedFile("x.exe", b"MZ", "application/x-msdos")])
    assert "x.exe is not an allowed type." in str(error.value)
    assert not Consultation.objects.exists() and stored_files(_media_root) == []


def test_accepted_files_are_stored_and_downloaded(setting, _media_root):
    client = english_client(setting.requester)
    files = [pdf("plan.pdf"), SimpleUploadedFile("noter.txt", "Æblegrød og rødgrød".encode(),
                                                 "text/plain")]

    response = client.post(NEW_URL, form_data(setting, files), follow=True)

    consultation = Consultation.objects.get()
    names = sorted(a.name for a in consultation.attachments.all())
    assert names == ["noter.txt", "plan.pdf"]
    assert len(stored_files(_media_root)) == 2
    assert all("attachments/consultationattachment/" in str(p) for p in stored_files(_media_root))
    html = response.content.decode()
    plan = consultation.attachments.get(name="plan.pdf")
    assert plan.get_absolute_url() in html
    assert "/media/" not in html

    download = english_client(setting.contact).get(plan.get_absolute_url())
    assert download.status_code == 200
    assert b"".join(download.streaming_content) == PDF
    assert download["X-Content-Type-Options"] == "nosniff"


def test_a_response_with_files_and_removing_one(setting, consultation, _media_root,
                                                django_capture_on_commit_callbacks):
    task = task_of(consultation, setting.glud)
    client = english_client(setting.council_member)
    client.post(task_url(task), {"kind": "response", "response": "Svar",
                                 "attachments": [pdf("referat.pdf"), pdf("kort.pdf")]})
    assert sorted(task.attachments.values_list("name", flat=True)) == ["kort.pdf", "referat.pdf"]
    assert task.attachments.get(name="kort.pdf").uploaded_by == setting.council_member
    kort = task.attachments.get(name="kort.pdf")

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(task_url(task), {"kind": "response", "response": "Rettet svar",
                                                "remove_attachments": [str(kort.pk)]})

    assert response.status_code == 302
    assert list(task.attachments.values_list("name", flat=True)) == ["referat.pdf"]
    # The removed attachment's file is deleted when the transaction commits.
    assert [p.name for p in stored_files(_media_root)] == ["referat.pdf"]


def test_files_count_together_with_those_stored(setting, consultation, settings):
    settings.ATTACHMENT_MAX_FILES = 2
    task = task_of(consultation, setting.glud)
    services.task_respond(task=task, actor=setting.contact, response="Svar",
                          attachments=[pdf("a.pdf"), pdf("b.pdf")])

    response = english_client(setting.contact).post(task_url(task), {
        "kind": "response", "response": "Svar", "attachments": [pdf("c.pdf")]})

    assert response.status_code == 400
    assert "You can attach at most 2 files." in response.content.decode()
    assert task.attachments.count() == 2


def test_a_correction_event_names_the_files_added_and_removed(setting, consultation):
    task = task_of(consultation, setting.glud)
    services.task_respond(task=task, actor=setting.contact, response="Svar",
                          attachments=[pdf("referat.pdf"), pdf("kort.pdf")])
    first = task.events.get(kind=ConsultationEvent.Kind.RESPONDED)
    assert first.text == "Svar"

    services.task_respond(task=task, actor=setting.contact, response="Rettet svar",
                          attachments=[pdf("nyt kort.pdf"), pdf("bilag.pdf")],
                          remove_attachments=[task.attachments.get(name="kort.pdf")])

    corrected = task.events.get(kind=ConsultationEvent.Kind.CORRECTED)
    assert corrected.text == ("Rettet svar\nFiles added: nyt_kort.pdf, bilag.pdf\n"
                              "Files removed: kort.pdf")


def test_a_correction_without_file_changes_names_no_files(setting, consultation):
    task = task_of(consultation, setting.glud)
    services.task_respond(task=task, actor=setting.contact, response="Svar",
                          attachments=[pdf("referat.pdf")])
    services.task_respond(task=task, actor=setting.contact, response="Rettet", heard="Bestyrelsen")

    corrected = task.events.get(kind=ConsultationEvent.Kind.CORRECTED)
    assert corrected.text == "Rettet\nHeard: Bestyrelsen"


def fail_on_second_save(monkeypatch) -> None:
    """The second attachment's file is written, then its row fails (as a lost connection would)."""
    save, saved = ConsultationAttachment.save, []

    def save_then_fail(self, *args, **kwargs):
        save(self, *args, **kwargs)
        saved.append(self)
        if len(saved) == 2:
            raise DatabaseError("connection lost")

    monkeypatch.setattr(ConsultationAttachment, "save", save_then_fail)


def test_a_failed_create_leaves_no_file_on_disk(setting, _media_root, monkeypatch):
    fail_on_second_save(monkeypatch)

    with pytest.raises(DatabaseError):
        create(setting, attachments=[pdf("a.pdf"), pdf("b.pdf"), pdf("c.pdf")])

    assert not Consultation.objects.exists()
    assert stored_files(_media_root) == []


def test_a_failed_response_leaves_no_new_file_and_keeps_the_removed_one(
        setting, consultation, _media_root, monkeypatch, django_capture_on_commit_callbacks):
    task = task_of(consultation, setting.glud)
    services.task_respond(task=task, actor=setting.contact, response="Svar",
                          attachments=[pdf("referat.pdf")])
    fail_on_second_save(monkeypatch)

    with django_capture_on_commit_callbacks(execute=True), pytest.raises(DatabaseError):
        services.task_respond(task=task, actor=setting.contact, response="Rettet",
                              attachments=[pdf("a.pdf"), pdf("b.pdf")],
                              remove_attachments=[task.attachments.get()])

    assert [p.name for p in stored_files(_media_root)] == ["referat.pdf"]
    task.refresh_from_db()
    assert task.response == "Svar"
    assert list(task.attachments.values_list("name", flat=True)) == ["referat.pdf"]


def test_a_failure_after_the_files_removes_them(setting, consultation, _media_root, monkeypatch):
    def mail_fails(*args, **kwargs):
        raise RuntimeError("template error")

    monkeypatch.setattr(services, "email_queue_template", mail_fails)

    with pytest.raises(RuntimeError):
        services.task_respond(task=task_of(consultation, setting.glud), actor=setting.contact,
                              response="Svar", attachments=[pdf("a.pdf"), pdf("b.pdf")])

    assert not ConsultationAttachment.objects.exists()
    assert stored_files(_media_root) == []


def test_the_clients_content_type_is_not_kept(setting, consultation, _media_root):
    task = task_of(consultation, setting.glud)
    english_client(setting.contact).post(task_url(task), {
        "kind": "response", "response": "Svar",
        "attachments": [SimpleUploadedFile("x.txt", b"<script>alert(1)</script>", "text/html")]})
    attachment = task.attachments.get()
    assert attachment.content_type == "text/plain"

    download = english_client(setting.requester).get(attachment.get_absolute_url())

    assert download.status_code == 200
    assert download["Content-Type"] == "text/plain"
    assert download["Content-Disposition"] == 'attachment; filename="x.txt"'
