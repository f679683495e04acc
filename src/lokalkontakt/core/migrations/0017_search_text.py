# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""The plain text snippets are cut from, stored beside each search entry at index time (no
Markdown is converted per query). The entries indexed before get theirs here, a batch at a time,
from the search sources (core.search.index.fill_texts): not atomic, so that a million notes are
not one transaction; run again, it fills only what is still missing."""

import django.db.models.deletion
from django.db import migrations, models


def fill(apps, schema_editor):
    # A new database has no entries (and perhaps not yet the tables of the apps' sources).
    if not apps.get_model("core", "SearchEntry").objects.exists():
        return
    # The live sources: the text is what the current code would index (as catch_up would).
    from lokalkontakt.core.search.index import fill_texts

    fill_texts()


class Migration(migrations.Migration):
    atomic = False

    dependencies = [("core", "0016_prepared_export")]

    operations = [
        migrations.CreateModel(
            name="SearchText",
            fields=[
                ("entry", models.OneToOneField(
                    on_delete=django.db.models.deletion.CASCADE, primary_key=True, related_name="stored",
                    serialize=False, to="core.searchentry", verbose_name="search entry")),
                ("text", models.TextField(blank=True, verbose_name="text")),
            ],
            options={"verbose_name": "search text", "verbose_name_plural": "search texts",
                     "ordering": ["-entry"]},
        ),
        migrations.RunPython(fill, migrations.RunPython.noop),
    ]
