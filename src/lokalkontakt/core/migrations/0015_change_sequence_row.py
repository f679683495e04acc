# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""The one row the writers of the change feed lock (core.changes.record_change)."""

from django.db import migrations


def create(apps, schema_editor):
    apps.get_model("core", "ChangeSequence").objects.get_or_create(pk=1)


def remove(apps, schema_editor):
    apps.get_model("core", "ChangeSequence").objects.filter(pk=1).delete()


class Migration(migrations.Migration):

    dependencies = [
        ("core", "0014_change_feed"),
    ]

    operations = [
        migrations.RunPython(create, remove),
    ]
