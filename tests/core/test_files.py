# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""The one check every upload passes (core.files): count, size, type and content."""

import io
import zipfile

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation

from lokalkontakt.consultations.models import ConsultationAttachment
from lokalkontakt.core.files import attachment_response, check_uploads, clean_name, upload_to
from lokalkontakt.inquiries.models import Inquiry

PDF = b"%PDF-1.7\n1 0 obj\n<<>>\nendobj\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32
ODT_TYPE = "application/vnd.oasis.opendocument.text"
ODS_TYPE = "application/vnd.oasis.opendocument.spreadsheet"


def zip_of(entries: dict[str, str]) -> bytes:
    """A real zip archive in memory, as office files are."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, content in entries.items():
            archive.writestr(name, content)
    return buffer.getvalue()


OOXML = zip_of({"[Content_Types].xml": "<Types/>", "_rels/.rels": "<Relationships/>"})
ODT = zip_of({"mimetype": ODT_TYPE, "content.xml": "<office:document-content/>"})
ODS = zip_of({"mimetype": ODS_TYPE, "content.xml": "<office:document-content/>"})


@pytest.fixture(autouse=True)
def _english():
    with translation.override("en"):
        yield


def upload(name: str, content: bytes, content_type: str = "application/octet-stream"):
    return SimpleUploadedFile(name, content, content_type)


@pytest.mark.parametrize("name, content", [
    ("referat.pdf", PDF),
    ("billede.PNG", PNG),
    ("foto.jpg", b"\xff\xd8\xff\xe0" + b"\x00" * 16),
    ("notat.docx", OOXML),
    ("budget.xlsx", OOXML),
    ("notat.odt", ODT),
    ("budget.ods", ODS),
    ("liste.txt", "Æbler, øl og ålegræs\n".encode()),
])
def test_allowed_files_pass(name, content):
    check_uploads([upload(name, content)])


def test_the_message_names_the_file_and_the_allowed_types():
    with pytest.raises(ValidationError) as error:
        check_uploads([upload("virus.exe", b"MZ\x90\x00")])
    assert error.value.messages == [
        "virus.exe is not an allowed type. Allowed: pdf, png, jpg, jpeg, docx, xlsx, odt, ods, txt."]


@pytest.mark.parametrize("name, content", [
    ("faktura.pdf", b"MZ\x90\x00 not a pdf"),  # an executable renamed to .pdf
    ("billede.png", PDF),
    ("side.html", b"<script>alert(1)</script>"),
    ("script.svg", b"<svg onload=alert(1)>"),
    ("uden-endelse", PDF),
])
def test_wrong_type_or_content_is_refused(name, content):
    with pytest.raises(ValidationError):
        check_uploads([upload(name, content)])


@pytest.mark.parametrize("name, content", [
    ("notat.docx", b"PK\x03\x04" + b"\x00" * 16),  # the zip signature, but no archive
    ("notat.docx", zip_of({"word/document.xml": "<w:document/>"})),  # any zip
    ("budget.xlsx", ODS),
    ("notat.odt", OOXML),
    ("notat.odt", ODS),  # the spreadsheet's mimetype
    ("budget.ods", zip_of({"mimetype": "text/html", "content.xml": "<html/>"})),
])
def test_an_office_file_must_be_an_archive_of_its_kind(name, content):
    extension = name.rsplit(".", 1)[1]
    file = upload(name, content)

    with pytest.raises(ValidationError) as error:
        check_uploads([file])

    assert error.value.messages == [f"{name} does not look like a .{extension} file."]
    assert file.tell() == 0


def test_a_checked_office_file_is_read_again_from_the_start():
    file = upload("notat.docx", OOXML)
    check_uploads([file])
    assert file.tell() == 0 and file.read() == OOXML


def test_binary_content_in_a_text_file_is_refused():
    with pytest.raises(ValidationError, match="not a text file"):
        check_uploads([upload("noter.txt", b"abc\x00\x01\x02")])


def test_too_large_and_empty_files_are_refused(settings):
    settings.ATTACHMENT_MAX_BYTES = 1024 * 1024
    with pytest.raises(ValidationError, match="larger than 1 MB"):
        check_uploads([upload("stor.pdf", PDF + b"0" * (1024 * 1024))])
    with pytest.raises(ValidationError, match="is empty"):
        check_uploads([upload("tom.pdf", b"")])


def test_too_many_files_are_refused(settings):
    settings.ATTACHMENT_MAX_FILES = 2
    with pytest.raises(ValidationError, match="at most 2 files"):
        check_uploads([upload(f"{n}.pdf", PDF) for n in range(3)])


def test_stored_names_are_safe_and_unguessable():
    assert clean_name("../../etc/pass wd.PDF") == "pass_wd.pdf"
    assert clean_name("") == "fil"
    first = upload_to(Inquiry(), "Ansøgning om støtte.pdf")
    second = upload_to(Inquiry(), "Ansøgning om støtte.pdf")
    assert first.startswith("attachments/inquiry/") and first.endswith("/Ansøgning_om_støtte.pdf")
    assert first != second


@pytest.mark.parametrize("name, expected", [
    ("📄.pdf", "fil.pdf"),
    ("%%%.pdf", "fil.pdf"),
    ("..pdf", "fil.pdf"),
    ("...", "fil"),
    ("rapport.p<d>f", "rapport.pdf"),
])
def test_a_name_with_nothing_safe_left_is_stored_as_fil(name, expected):
    assert clean_name(name) == expected


@pytest.mark.parametrize("name, claimed, expected", [
    ("x.txt", "text/html", "text/plain"),
    ("notat.docx", "text/html",
     "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
    ("budget.ods", "application/octet-stream", ODS_TYPE),
    ("referat.PDF", "image/svg+xml", "application/pdf"),
])
def test_the_content_type_follows_the_extension_not_the_client(name, claimed, expected):
    attachment = ConsultationAttachment.from_upload(upload(name, b"x", claimed))
    assert attachment.content_type == expected


def test_a_download_ignores_a_stored_content_type(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    attachment = ConsultationAttachment(name="x.txt", size=1, content_type="text/html")
    attachment.file.save("x.txt", SimpleUploadedFile("x.txt", b"<script>"), save=False)

    response = attachment_response(attachment)

    assert response["Content-Type"] == "text/plain"
    assert response["Content-Disposition"] == 'attachment; filename="x.txt"'
    response.file_to_stream.close()


def packed_zeros(megabytes: int) -> bytes:
    """A .docx-looking archive whose one part is `megabytes` MB of zeros: it packs to almost
    nothing (a zip bomb)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        with archive.open("word/document.xml", "w") as part:
            for _megabyte in range(megabytes):
                part.write(bytes(1024 * 1024))
    return buffer.getvalue()


def test_a_200_mb_zip_bomb_posing_as_docx_is_refused():
    bomb = packed_zeros(200)
    assert len(bomb) < 1024 * 1024  # it passes the size limit of the upload itself
    file = upload("bilag.docx", bomb)

    with pytest.raises(ValidationError) as error:
        check_uploads([file])

    assert error.value.messages == [
        "bilag.docx unpacks to more than 100 MB or 200 times its size; it is refused as it could "
        "be a zip bomb."]
    assert file.tell() == 0


def test_an_archive_that_unpacks_beyond_the_ratio_is_refused(settings):
    settings.ATTACHMENT_MAX_PACK_RATIO = 10

    with pytest.raises(ValidationError, match="10 times its size"):
        check_uploads([upload("notat.docx", packed_zeros(1))])


def test_an_ordinary_office_file_unpacks_within_the_limits():
    text = "".join(f"<w:p>Afsnit {n} om lokalområdet og dets forsamlingshus.</w:p>"
                   for n in range(5000))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", text)

    check_uploads([upload("referat.docx", buffer.getvalue())])
