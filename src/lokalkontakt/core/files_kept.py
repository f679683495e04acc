# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""Files chosen on a form that is shown again before it is saved (an e-mail preview): a browser
cannot fill a file input in again, so the checked uploads are kept in storage under a random
folder and the form carries a signed token for each in a hidden field. The next submission
takes them back (files_kept) without the person choosing them again.

A token is signed for the user who chose the file and lasts KEEP_SECONDS; the periodic job
deletes what nobody came back for (files_kept_prune)."""

import datetime
import uuid
from dataclasses import dataclass

from django.core import signing
from django.core.files import File
from django.core.files.storage import default_storage
from django.utils import timezone

from lokalkontakt.core.files import clean_name

FOLDER = "kept"
KEEP_SECONDS = 24 * 60 * 60
_SALT = "lokalkontakt.core.files_kept"


@dataclass(frozen=True)
class KeptFile:
    token: str
    name: str


def files_keep(uploads, *, user) -> list[KeptFile]:
    """Store checked uploads for the user's next submission; their tokens for hidden fields."""
    kept = []
    for upload in uploads:
        name = clean_name(upload.name)
        path = default_storage.save(f"{FOLDER}/{uuid.uuid4().hex}/{name}", upload)
        kept.append(KeptFile(signing.dumps([path, user.pk], salt=_SALT), name))
    return kept


def _path(token: str, *, user) -> str | None:
    try:
        path, user_pk = signing.loads(token, salt=_SALT, max_age=KEEP_SECONDS)
    except (signing.BadSignature, ValueError, TypeError):
        return None
    if user_pk != user.pk or not path.startswith(f"{FOLDER}/") or not default_storage.exists(path):
        return None
    return path


def files_kept(tokens, *, user) -> list[KeptFile]:
    """The kept files the tokens name that are still there (a forged, foreign or expired token
    names nothing)."""
    return [KeptFile(token, path.rsplit("/", 1)[1]) for token in tokens
            if (path := _path(token, user=user))]


def files_open(kept: list[KeptFile], *, user) -> list[File]:
    """The kept files opened as uploads, to be checked and stored like new ones."""
    files = []
    for item in kept:
        if path := _path(item.token, user=user):
            files.append(File(default_storage.open(path, "rb"), name=item.name))
    return files


def files_discard(kept: list[KeptFile], *, user) -> None:
    """Delete kept files once they are stored for good."""
    for item in kept:
        if path := _path(item.token, user=user):
            default_storage.delete(path)


def files_kept_prune(*, now: datetime.datetime) -> int:
    """Delete kept files older than KEEP_SECONDS (nobody came back for them)."""
    cutoff, deleted = now - datetime.timedelta(seconds=KEEP_SECONDS), 0
    if not default_storage.exists(FOLDER):
        return 0
    for folder in default_storage.listdir(FOLDER)[0]:
        for name in default_storage.listdir(f"{FOLDER}/{folder}")[1]:
            path = f"{FOLDER}/{folder}/{name}"
            if default_storage.get_modified_time(path) < cutoff:
                default_storage.delete(path)
                deleted += 1
    return deleted


def report() -> str:
    """run_jobs' line for the kept files."""
    return f"Files kept for a preview: {files_kept_prune(now=timezone.now())} old deleted."
