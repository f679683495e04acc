# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""A period's ZIP is now a prepared export of core.exports (journal.downloads): the prepared
downloads still kept are deleted, row and file, before 0004 drops their table. They are short-lived
(deleted a day after they were made) and hold personal data, so nothing is carried over: whoever
asked for one in the last day asks again on the journalisation page. Reversed, nothing comes
back (a deleted file cannot): the table is recreated empty."""

from django.db import migrations


def delete_prepared_downloads(apps, schema_editor):
    PreparedDownload = apps.get_model("journal", "PreparedDownload")
    for download in PreparedDownload.objects.exclude(file="").iterator():
        download.file.storage.delete(download.file.name)
    PreparedDownload.objects.all().delete()


class Migration(migrations.Migration):

    dependencies = [
        ("journal", "0002_prepared_downloads"),
    ]

    operations = [
        migrations.RunPython(delete_prepared_downloads, migrations.RunPython.noop),
    ]
