# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""Uploaded files (attachments): one check for size, count and type, and one way to hand them out.

Files are stored under a random folder in the default storage and are never served from MEDIA_URL:
every download goes through a view that first applies the owning object's visibility rule. The
content type always follows the checked extension, never what the client sent.
"""

import mimetypes
import re
import uuid
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import PurePath

from django.conf import settings
from django.core.exceptions import SuspiciousFileOperation, ValidationError
from django.db import transaction
from django.http import FileResponse
from django.utils.text import get_valid_filename
from django.utils.translation import gettext as _

# Extension -> how its first bytes must start (None: text, checked to decode as UTF-8).
SIGNATURES = {
    "pdf": [b"%PDF-"],
    "png": [b"\x89PNG\r\n\x1a\n"],
    "jpg": [b"\xff\xd8\xff"],
    "jpeg": [b"\xff\xd8\xff"],
    "docx": [b"PK\x03\x04"],
    "xlsx": [b"PK\x03\x04"],
    "pptx": [b"PK\x03\x04"],
    "odt": [b"PK\x03\x04"],
    "ods": [b"PK\x03\x04"],
    "txt": None,
    "csv": None,
}

# Office files are zip archives; this entry must be in the archive, with this content (None: any).
ZIP_ENTRIES = {
    "docx": ("[Content_Types].xml", None),
    "xlsx": ("[Content_Types].xml", None),
    "pptx": ("[Content_Types].xml", None),
    "odt": ("mimetype", b"application/vnd.oasis.opendocument.text"),
    "ods": ("mimetype", b"application/vnd.oasis.opendocument.spreadsheet"),
}

# Python's own table lacks the office types before 3.13, as do slim images' /etc/mime.types.
CONTENT_TYPES = {
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    "odt": "application/vnd.oasis.opendocument.text",
    "ods": "application/vnd.oasis.opendocument.spreadsheet",
}


def allowed_extensions() -> list[str]:
    return [ext for ext in settings.ATTACHMENT_EXTENSIONS if ext in SIGNATURES]


def check_uploads(files, *, already: int = 0) -> None:
    """Refuse the whole set when there are too many files (with `already` stored ones) or any one
    is too large, empty, of a type not allowed, or does not look like what its name says. Raises
    ValidationError with a message naming the file."""
    files = list(files)
    if already + len(files) > settings.ATTACHMENT_MAX_FILES:
        raise ValidationError(_("You can attach at most %(count)d files.")
                              % {"count": settings.ATTACHMENT_MAX_FILES})
    for upload in files:
        check_upload(upload)


def extension_of(name: str) -> str:
    return PurePath(name or "").suffix.lower().lstrip(".")


def content_type_for(name: str) -> str:
    """The content type the file's extension stands for (the extension has been checked)."""
    extension = extension_of(name)
    return (CONTENT_TYPES.get(extension) or mimetypes.guess_type(f"x.{extension}")[0]
            or "application/octet-stream")


def check_upload(upload) -> None:
    name = upload.name or ""
    extension = extension_of(name)
    limit_mb = settings.ATTACHMENT_MAX_BYTES // (1024 * 1024)
    if upload.size > settings.ATTACHMENT_MAX_BYTES:
        raise ValidationError(_("%(name)s is larger than %(limit)d MB.")
                              % {"name": name, "limit": limit_mb})
    if upload.size == 0:
        raise ValidationError(_("%(name)s is empty.") % {"name": name})
    if extension not in allowed_extensions():
        raise ValidationError(_("%(name)s is not an allowed type. Allowed: %(types)s.")
                              % {"name": name, "types": ", ".join(allowed_extensions())})
    upload.seek(0)
    head = upload.read(2048)
    upload.seek(0)
    signatures = SIGNATURES[extension]
    if signatures is None:
        try:
            head.decode("utf-8")
        except UnicodeDecodeError as error:
            # A cut in the middle of a multi-byte character at the end is fine.
            if error.start < len(head) - 3:
                raise ValidationError(_("%(name)s is not a text file.") % {"name": name}) from None
        if b"\x00" in head:
            raise ValidationError(_("%(name)s is not a text file.") % {"name": name})
    elif not any(head.startswith(signature) for signature in signatures) or (
            extension in ZIP_ENTRIES and not _zip_has(upload, *ZIP_ENTRIES[extension])):
        raise ValidationError(_("%(name)s does not look like a .%(ext)s file.")
                              % {"name": name, "ext": extension})
    if extension in ZIP_ENTRIES and not _zip_unpacks_within_limits(upload):
        raise ValidationError(
            _("%(name)s unpacks to more than %(limit)d MB or %(ratio)d times its size; it is "
              "refused as it could be a zip bomb.")
            % {"name": name, "limit": settings.ATTACHMENT_MAX_UNPACKED_BYTES // (1024 * 1024),
               "ratio": settings.ATTACHMENT_MAX_PACK_RATIO})


def _zip_has(upload, entry: str, content: bytes | None) -> bool:
    """Whether the upload is a zip archive with this entry (holding this content)."""
    upload.seek(0)
    try:
        with zipfile.ZipFile(upload) as archive:
            if entry not in archive.namelist():
                return False
            if content is None:
                return True
            with archive.open(entry) as stored:
                return stored.read(len(content) + 1).strip() == content
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError, RuntimeError,
            NotImplementedError, ValueError):
        return False
    finally:
        upload.seek(0)


ZIP_MAX_ENTRIES = 10_000
_CHUNK = 64 * 1024


def _zip_unpacks_within_limits(upload) -> bool:
    """Whether the office file (a zip archive) unpacks to at most ATTACHMENT_MAX_UNPACKED_BYTES
    and ATTACHMENT_MAX_PACK_RATIO times its own size. The entries are decompressed and counted as
    they come (the sizes in the archive's directory could lie), stopping at the limit."""
    limit = min(settings.ATTACHMENT_MAX_UNPACKED_BYTES,
                settings.ATTACHMENT_MAX_PACK_RATIO * max(upload.size, 1))
    unpacked = 0
    upload.seek(0)
    try:
        with zipfile.ZipFile(upload) as archive:
            entries = archive.infolist()
            if len(entries) > ZIP_MAX_ENTRIES:
                return False
            for entry in entries:
                with archive.open(entry) as stored:
                    while chunk := stored.read(_CHUNK):
                        unpacked += len(chunk)
                        if unpacked > limit:
                            return False
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError, RuntimeError,
            NotImplementedError, ValueError):
        return False
    finally:
        upload.seek(0)
    return True


def clean_name(name: str) -> str:
    """The original name, made safe for storage and headers, at most 150 characters. A name
    with nothing safe left before the extension (e.g. "📄.pdf") becomes "fil" plus the extension;
    leading dots are dropped (no hidden files)."""
    path = PurePath(name or "fil")
    try:
        stem = get_valid_filename(path.stem)[:140].lstrip(".")
    except SuspiciousFileOperation:  # nothing left, or only dots
        stem = ""
    suffix = re.sub(r"[^a-z0-9.]", "", path.suffix.lower())[:10]
    return f"{stem or 'fil'}{suffix}"


def checked_uploads(files, *, field: str, already: int = 0) -> list:
    """The non-empty uploads, checked by check_uploads before anything is written; a refusal is
    raised on the form field `field`."""
    files = [upload for upload in files or () if upload]
    try:
        check_uploads(files, already=already)
    except ValidationError as error:
        raise ValidationError({field: error.messages}) from None
    return files


def attachments_store(model, files, *, stored: list, **fields) -> None:
    """Save checked uploads as `model` attachments with `fields`, inside atomic_with_files (each is
    listed in `stored` before it is written, so a rollback removes it from storage)."""
    for upload in files:
        attachment = model.from_upload(upload, **fields)
        stored.append(attachment)
        attachment.save()


@contextmanager
def atomic_with_files() -> Iterator[list]:
    """One transaction for a write that stores uploaded files. Yields a list: append each
    attachment (a core.models.Attachment) to it *before* saving it. Django has no rollback hook,
    so when the block raises, every file already written to storage is deleted here.

    Use it as the outermost transaction of the write: if an enclosing transaction rolls back
    after this block has succeeded, the files stay."""
    stored: list = []
    try:
        with transaction.atomic():
            yield stored
    except BaseException:
        for attachment in stored:
            if attachment.file and attachment.file._committed:  # written to storage
                attachment.file.storage.delete(attachment.file.name)
        raise


def upload_to(instance, filename: str) -> str:
    """attachments/<model>/<random>/<name>: unguessable, and never served by MEDIA_URL."""
    return f"attachments/{instance._meta.model_name}/{uuid.uuid4().hex}/{clean_name(filename)}"


def attachment_response(attachment) -> FileResponse:
    """Send a stored attachment as a download (never rendered inline by the browser), with the
    content type of its name's extension (not the stored one, which may be a client's)."""
    response = FileResponse(attachment.file.open("rb"), as_attachment=True,
                            filename=attachment.name,
                            content_type=content_type_for(attachment.name))
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response
