# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""A period's ZIP is a prepared export now (core.exports): the prepared downloads kept before are
deleted with their files (journal 0003), then their table is dropped (0004)."""

import pytest
from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.db import connection

from tests.migrating import migrate, migrate_to_head

BEFORE = [("journal", "0002_prepared_downloads")]
AFTER = [("journal", "0004_remove_prepared_download")]


@pytest.mark.django_db(transaction=True)
def test_the_prepared_downloads_and_their_files_are_deleted(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    user = get_user_model().objects.create_user("koordinator")
    old_apps = migrate(BEFORE)
    PreparedDownload = old_apps.get_model("journal", "PreparedDownload")
    ready = PreparedDownload(requested_by_id=user.pk, status="ready", cases=[["inquiry", 1]])
    ready.file.save("journalisering.zip", ContentFile(b"PK\x05\x06" + bytes(18)))
    PreparedDownload.objects.create(requested_by_id=user.pk, status="queued")
    path = tmp_path / ready.file.name
    assert path.exists()
    try:
        migrate(AFTER)
        assert not path.exists()
        assert "journal_prepareddownload" not in connection.introspection.table_names()
    finally:
        migrate_to_head()
