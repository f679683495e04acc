# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""The search index's text, per database (core.search.backends): on PostgreSQL a `danish`
tsvector column with a GIN index on core_searchentry; on SQLite an FTS5 table over the stems
that core.search.text computes, its rowid the entry's id. Neither fits a model field."""

from django.db import migrations

POSTGRES = [
    "ALTER TABLE core_searchentry ADD COLUMN vector tsvector",
    "CREATE INDEX core_searchentry_vector ON core_searchentry USING gin (vector)",
]
POSTGRES_REVERSE = [
    "DROP INDEX core_searchentry_vector",
    "ALTER TABLE core_searchentry DROP COLUMN vector",
]
SQLITE = ["CREATE VIRTUAL TABLE search_fts USING fts5("
          "title, body, rev, tokenize = 'unicode61 remove_diacritics 0')"]
SQLITE_REVERSE = ["DROP TABLE search_fts"]


def _run(statements):
    def run(apps, schema_editor):
        for statement in statements[schema_editor.connection.vendor]:
            schema_editor.execute(statement)
    return run


class Migration(migrations.Migration):
    dependencies = [("core", "0005_search_entry")]

    operations = [
        migrations.RunPython(_run({"postgresql": POSTGRES, "sqlite": SQLITE}),
                             _run({"postgresql": POSTGRES_REVERSE, "sqlite": SQLITE_REVERSE})),
    ]
