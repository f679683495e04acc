"""The one check every upload passes (core.files): count, size, type and content."""

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation

from lokalkontakt.core.files import check_uploads, clean_name, upload_to
from lokalkontakt.inquiries.models import Inquiry

PDF = b"%PDF-1.7\n1 0 obj\n<<>>\nendobj\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32


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
    ("notat.docx", b"PK\x03\x04" + b"\x00" * 16),
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
