"""Uploaded files (attachments): one check for size, count and type, and one way to hand them out.

Files are stored under a random folder in the default storage and are never served from MEDIA_URL:
every download goes through a view that first applies the owning object's visibility rule.
"""

import mimetypes
import uuid
from pathlib import PurePath

from django.conf import settings
from django.core.exceptions import ValidationError
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


def allowed_extensions() -> list[str]:
    return [ext for ext in settings.ATTACHMENT_EXTENSIONS if ext in SIGNATURES]


def check_uploads(files) -> None:
    """Refuse the whole set when there are too many files or any one is too large, empty, of a
    type not allowed, or does not look like what its name says. Raises ValidationError with a
    message naming the file."""
    files = list(files)
    if len(files) > settings.ATTACHMENT_MAX_FILES:
        raise ValidationError(_("You can attach at most %(count)d files.")
                              % {"count": settings.ATTACHMENT_MAX_FILES})
    for upload in files:
        check_upload(upload)


def check_upload(upload) -> None:
    name = upload.name or ""
    extension = PurePath(name).suffix.lower().lstrip(".")
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
    elif not any(head.startswith(signature) for signature in signatures):
        raise ValidationError(_("%(name)s does not look like a .%(ext)s file.")
                              % {"name": name, "ext": extension})


def clean_name(name: str) -> str:
    """The original name, made safe for storage and headers, at most 150 characters."""
    path = PurePath(name or "fil")
    stem = get_valid_filename(path.stem)[:140] or "fil"
    return f"{stem}{path.suffix.lower()[:10]}"


def upload_to(instance, filename: str) -> str:
    """attachments/<model>/<random>/<name>: unguessable, and never served by MEDIA_URL."""
    return f"attachments/{instance._meta.model_name}/{uuid.uuid4().hex}/{clean_name(filename)}"


def attachment_response(attachment) -> FileResponse:
    """Send a stored attachment as a download (never rendered inline by the browser)."""
    content_type = attachment.content_type or mimetypes.guess_type(attachment.name)[0]
    response = FileResponse(attachment.file.open("rb"), as_attachment=True,
                            filename=attachment.name,
                            content_type=content_type or "application/octet-stream")
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response
