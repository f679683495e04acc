# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""Attachments: the submitter's files on the form and on follow-ups, staff files on replies and
internal comments; refused files store nothing; every download checks who is asking."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils.html import escape

from lokalkontakt.core.models import OutgoingEmail
from lokalkontakt.inquiries.models import Inquiry, InquiryAttachment, InquiryEvent
from lokalkontakt.inquiries.services import submit as submit_service
from lokalkontakt.inquiries.services.handling import inquiry_comment
from lokalkontakt.inquiries.services.submit import inquiry_submit
from tests.inquiries.conftest import (
    NEW_URL,
    PDF,
    PNG,
    detail_url,
    english_client,
    pdf,
    png,
    stored_files,
    submit,
    text_file,
    track_url,
)
from tests.inquiries.factories import InquiryFactory
from tests.inquiries.test_handling import handler, submitted  # noqa: F401 - fixtures

pytestmark = pytest.mark.django_db

Kind = InquiryEvent.Kind


def file_url(attachment) -> str:
    return reverse("inquiries:file", kwargs={"pk": attachment.inquiry_id,
                                             "attachment_pk": attachment.pk})


def track_file_url(token, attachment) -> str:
    return reverse("inquiries:track_file", kwargs={"token": token, "attachment_pk": attachment.pk})


def downloaded(response) -> bytes:
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment;")
    return b"".join(response.streaming_content)


@pytest.fixture
def with_file(setting):
    """An inquiry submitted with a drawing, and its token."""
    return inquiry_submit(
        area=setting.area, submitter_kind="citizen", subject="Shelter", text="Se tegningen.",
        submitter_name="Bo", submitter_email="bo@example.dk", client="192.0.2.30",
        files=[pdf()])


# --- the public form --------------------------------------------------------------------------


def test_the_form_takes_several_files(browser, setting):
    html = browser.get(NEW_URL).content.decode()

    assert 'enctype="multipart/form-data"' in html
    assert 'type="file" name="files"' in html and " multiple" in html
    assert "Up to 5 files of at most 10 MB. Allowed types: pdf" in html


def test_the_submitters_files_are_stored_with_the_inquiry(browser, setting, media_root):
    response = submit(browser, setting.area, files=[pdf(), png()])

    assert response.status_code == 302
    inquiry = Inquiry.objects.get()
    files = list(inquiry.attachments.order_by("name"))
    assert [(f.name, f.size, f.event) for f in files] == [
        ("foto.png", len(PNG), None), ("tegning.pdf", len(PDF), None)]
    assert len(stored_files(media_root)) == 2
    assert all("attachments/inquiryattachment/" in f.file.name for f in files)


def test_the_handler_sees_and_downloads_the_submitters_file(setting, with_file):
    inquiry, _token = with_file
    attachment = inquiry.attachments.get()
    client = english_client(setting.contact)

    html = client.get(detail_url(inquiry)).content.decode()

    assert f'<a href="{file_url(attachment)}">tegning.pdf</a>' in html
    response = client.get(file_url(attachment))
    assert downloaded(response) == PDF
    assert 'filename="tegning.pdf"' in response["Content-Disposition"]
    assert response["X-Content-Type-Options"] == "nosniff"


REFUSED = [
    pytest.param([SimpleUploadedFile("virus.exe", b"MZ\x90\x00")], "virus.exe is not an allowed type",
                 id="type"),
    pytest.param([pdf("falsk.pdf", b"<html>ikke en pdf</html>")],
                 "falsk.pdf does not look like a .pdf file", id="content"),
    pytest.param([pdf("tom.pdf", b"")], "tom.pdf is empty", id="empty"),
    pytest.param([pdf(f"bilag{n}.pdf") for n in range(6)], "You can attach at most 5 files",
                 id="too-many"),
]


@pytest.mark.parametrize(("files", "message"), REFUSED)
def test_a_refused_file_is_named_on_the_field_and_nothing_is_stored(files, message, browser,
                                                                     setting, media_root):
    response = submit(browser, setting.area, files=files)

    assert response.status_code == 400
    html = response.content.decode()
    assert 'id="id_files-error"' in html
    assert escape(message) in html
    assert not Inquiry.objects.exists()
    assert not InquiryAttachment.objects.exists()
    assert not OutgoingEmail.objects.exists()
    assert stored_files(media_root) == []


def test_a_too_large_file_is_refused_and_nothing_is_stored(browser, setting, settings, media_root):
    settings.ATTACHMENT_MAX_BYTES = 1024 * 1024
    big = pdf("stor.pdf", PDF + b"0" * (1024 * 1024))

    response = submit(browser, setting.area, files=[pdf(), big])

    assert response.status_code == 400
    assert "stor.pdf is larger than 1 MB." in response.content.decode()
    assert not Inquiry.objects.exists()
    assert stored_files(media_root) == []


def test_files_already_stored_are_removed_when_the_transaction_fails(setting, media_root,
                                                                     monkeypatch):
    def broken_mail(*args, **kwargs):
        raise RuntimeError("the template is broken")

    monkeypatch.setattr(submit_service, "email_queue_template", broken_mail)

    with pytest.raises(RuntimeError):
        inquiry_submit(area=setting.area, submitter_kind="citizen", subject="S", text="T",
                       submitter_name="Bo", submitter_email="bo@example.dk",
                       client="192.0.2.31", files=[pdf(), png()])

    assert not Inquiry.objects.exists()
    assert stored_files(media_root) == []


# --- the tracking page ------------------------------------------------------------------------


def test_the_submitter_downloads_their_file_by_the_tracking_link(with_file, browser):
    inquiry, token = with_file
    attachment = inquiry.attachments.get()

    html = browser.get(track_url(token)).content.decode()

    assert f'<a href="{track_file_url(token, attachment)}">tegning.pdf</a>' in html
    assert downloaded(browser.get(track_file_url(token, attachment))) == PDF


def test_a_wrong_token_or_another_inquirys_file_is_not_found(with_file, browser):
    inquiry, token = with_file
    attachment = inquiry.attachments.get()
    other = InquiryFactory(area=inquiry.area, token="den-andens-token")
    other_file = InquiryAttachment.objects.create(inquiry=other, file=pdf("andens.pdf"),
                                                  name="andens.pdf", size=len(PDF))

    assert browser.get(track_file_url("forkert-token", attachment)).status_code == 404
    assert browser.get(track_file_url(token, other_file)).status_code == 404
    assert browser.get(track_file_url("den-andens-token", attachment)).status_code == 404


def test_an_internal_file_is_neither_listed_nor_downloadable_for_the_submitter(
        setting, with_file, browser):
    inquiry, token = with_file
    event = inquiry_comment(inquiry=inquiry, text="Intern vurdering", actor=setting.contact,
                            files=[text_file("vurdering.txt")])
    internal = event.attachments.get()

    html = browser.get(track_url(token)).content.decode()

    assert "vurdering.txt" not in html
    assert browser.get(track_file_url(token, internal)).status_code == 404


def test_a_follow_up_carries_files_the_handler_sees(setting, with_file, browser):
    inquiry, token = with_file

    response = browser.post(track_url(token), {"text": "Her er et foto.", "files": [png()]},
                            follow=True)

    assert "Your message has been sent." in response.content.decode()
    event = inquiry.events.get(kind=Kind.FOLLOW_UP)
    attachment = event.attachments.get()
    assert attachment.name == "foto.png" and attachment.public
    staff_html = english_client(setting.contact).get(detail_url(inquiry)).content.decode()
    assert f'<a href="{file_url(attachment)}">foto.png</a>' in staff_html


def test_a_follow_up_with_a_refused_file_changes_nothing(with_file, browser, media_root):
    inquiry, token = with_file
    before = stored_files(media_root)

    response = browser.post(track_url(token), {"text": "Se vedhæftet",
                                               "files": [png("foto.png", b"GIF89a")]})

    assert response.status_code == 400
    assert 'id="id_files-error"' in response.content.decode()
    assert not inquiry.events.filter(kind=Kind.FOLLOW_UP).exists()
    assert stored_files(media_root) == before
    assert OutgoingEmail.objects.filter(subject__contains="New message").count() == 0


# --- staff ------------------------------------------------------------------------------------


def test_a_reply_with_a_file_is_public_and_named_in_the_email(setting, submitted, handler, browser):  # noqa: F811
    inquiry, token = submitted

    response = handler.post(f"{detail_url(inquiry)}svar/", {
        "reply-text": "Vedlagt er tilladelsen.", "reply-files": [pdf("tilladelse.pdf")]},
        follow=True)

    assert (f"The reply is saved on the inquiry. An e-mail with the reply is on its way to "
            f"{inquiry.submitter_email}.") in response.content.decode()
    attachment = inquiry.events.get(kind=Kind.REPLY).attachments.get()
    assert attachment.public
    [email] = OutgoingEmail.objects.all()
    assert "tilladelse.pdf" in email.body
    html = browser.get(track_url(token)).content.decode()
    assert f'<a href="{track_file_url(token, attachment)}">tilladelse.pdf</a>' in html
    assert downloaded(browser.get(track_file_url(token, attachment))) == PDF


def test_a_reply_with_a_refused_file_is_not_sent(submitted, handler, media_root):  # noqa: F811
    inquiry, _token = submitted

    response = handler.post(f"{detail_url(inquiry)}svar/", {
        "reply-text": "Vedlagt.", "reply-files": [SimpleUploadedFile("makro.docm", b"PK\x03\x04")]})

    assert response.status_code == 400
    html = response.content.decode()
    assert 'id="id_reply-files-error"' in html
    assert "makro.docm is not an allowed type" in html
    assert "Vedlagt." in html  # what was written is kept
    assert not inquiry.events.filter(kind=Kind.REPLY).exists()
    assert not OutgoingEmail.objects.exists()
    assert stored_files(media_root) == []


def test_staff_who_may_not_see_the_inquiry_cannot_download_its_files(setting, with_file):
    inquiry, _token = with_file
    attachment = inquiry.attachments.get()

    assert english_client(setting.colleague).get(file_url(attachment)).status_code == 404
    assert english_client(setting.coordinator).get(file_url(attachment)).status_code == 200


def test_a_file_is_only_found_under_its_own_inquiry(setting, with_file):
    inquiry, _token = with_file
    attachment = inquiry.attachments.get()
    other = InquiryFactory(area=setting.area, assignee=setting.contact.employee)
    url = reverse("inquiries:file", kwargs={"pk": other.pk, "attachment_pk": attachment.pk})

    assert english_client(setting.contact).get(url).status_code == 404
