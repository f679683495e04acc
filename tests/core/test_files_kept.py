# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""Files kept while a form is shown again (core.files_kept): only their chooser gets them back,
and what nobody came back for is deleted by the periodic job."""

import datetime
import os

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from lokalkontakt.core.files_kept import (
    files_discard,
    files_keep,
    files_kept,
    files_kept_prune,
    files_open,
)
from tests.people.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


def stored(media_root) -> list:
    return sorted(path for path in media_root.rglob("*") if path.is_file())


def test_the_chooser_gets_the_file_back_and_nobody_else_does(media_root):
    chooser, other = UserFactory(), UserFactory()
    [kept] = files_keep([SimpleUploadedFile("Mit bilag.txt", b"Hej\n")], user=chooser)

    assert kept.name == "Mit_bilag.txt"
    assert files_kept([kept.token, "forged", kept.token[:-2]], user=chooser) == [kept]
    assert files_kept([kept.token], user=other) == []
    [opened] = files_open([kept], user=chooser)
    assert (opened.name, opened.read()) == ("Mit_bilag.txt", b"Hej\n")
    opened.close()

    files_discard([kept], user=chooser)
    assert stored(media_root) == []


def test_files_nobody_came_back_for_are_deleted_after_a_day(media_root):
    user = UserFactory()
    old, new = files_keep([SimpleUploadedFile("gammel.txt", b"a\n"),
                           SimpleUploadedFile("ny.txt", b"b\n")], user=user)
    [old_path] = [path for path in stored(media_root) if path.name == "gammel.txt"]
    two_days_ago = (timezone.now() - datetime.timedelta(days=2)).timestamp()
    os.utime(old_path, (two_days_ago, two_days_ago))

    assert files_kept_prune(now=timezone.now()) == 1

    assert [path.name for path in stored(media_root)] == ["ny.txt"]
    assert files_kept([old.token, new.token], user=user) == [new]
