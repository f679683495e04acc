# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""On PostgreSQL, the public entries by id: a visitor's search (which finds only public entries)
is read newest first along it, instead of skipping the staff and council entries one by one."""

from django.db import migrations


def _run(statement):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.execute(statement)
    return run


class Migration(migrations.Migration):
    dependencies = [("core", "0006_search_backend")]

    operations = [
        migrations.RunPython(
            _run("CREATE INDEX core_searchentry_public ON core_searchentry (id) "
                 "WHERE audience = 'public'"),
            _run("DROP INDEX core_searchentry_public")),
    ]
