# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""On PostgreSQL with the `rum` extension available (Debian: postgresql-15-rum), a RUM index on
the search vector with the entry's id attached, so that the newest matches of a query come
straight from the index in id order (core.search.backends). Where the extension is not
available (SQLite; PostgreSQL without the package), or the database user may not create it,
nothing is done: the search then uses the GIN index as before. The GIN index stays either way.
The indexes are built CONCURRENTLY (outside a transaction): at a million notes that takes minutes,
during which the application keeps writing."""

from django.db import DatabaseError, migrations, transaction

RUM_INDEX = "core_searchentry_rum"  # core.search.backends.RUM_INDEX

RUM = "USING rum (vector rum_tsvector_addon_ops, id) WITH (attach = 'id', to = 'vector')"
CREATE = [
    f"CREATE INDEX CONCURRENTLY IF NOT EXISTS {RUM_INDEX} ON core_searchentry {RUM}",
    # A visitor finds public entries only: without this, the planner reads a public word's
    # matches through a lossy bitmap of the public entries, 22,000 blocks at a million notes.
    f"CREATE INDEX CONCURRENTLY IF NOT EXISTS {RUM_INDEX}_public ON core_searchentry {RUM} "
    "WHERE audience = 'public'",
]


def create_rum_index(apps, schema_editor):
    connection = schema_editor.connection
    if connection.vendor != "postgresql":
        return
    with connection.cursor() as cursor:
        cursor.execute("SELECT EXISTS (SELECT 1 FROM pg_available_extensions WHERE name = 'rum')")
        if not cursor.fetchone()[0]:
            return
        try:
            with transaction.atomic(using=connection.alias):  # a savepoint: a refusal is no error
                cursor.execute("CREATE EXTENSION IF NOT EXISTS rum")
        except DatabaseError:  # e.g. not allowed to create it: the GIN path serves
            return
        for statement in CREATE:
            cursor.execute(statement)


def drop_rum_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {RUM_INDEX}_public")
        schema_editor.execute(f"DROP INDEX IF EXISTS {RUM_INDEX}")


class Migration(migrations.Migration):
    atomic = False  # CREATE INDEX CONCURRENTLY runs outside a transaction
    dependencies = [("core", "0018_prepared_export_shown_language_task")]

    operations = [migrations.RunPython(create_rum_index, drop_rum_index)]
