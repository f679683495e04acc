# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""A cheaper end to every transactional test (transaction=True, live_server, the browser tests).

Django's TransactionTestCase flushes every table after the test and then sends post_migrate,
whose receivers (contenttypes and auth) make every content type and permission again, app by
app, through the ORM: ~0.2 s of CPU after each such test, twenty times the flush itself. The
rows they make are always the same: here they are taken once per test database, by flushing it
and sending post_migrate inside a transaction that is rolled back, and after each test's flush
they are inserted again as they were. The database is then as the flush with post_migrate
leaves it: the tables empty but for the same content types and permissions (the data
migrations' rows are gone, as before)."""

from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.core.management.commands import flush
from django.db import connections, transaction

# The tables post_migrate fills after a flush (django.contrib.contenttypes and django.contrib.auth,
# the only receivers of post_migrate in this project: tests/test_flushing.py checks that).
TABLES = ["django_content_type", "auth_permission"]

_sent_post_migrate = flush.emit_post_migrate_signal
_rows: dict[str, dict[str, tuple[list[str], list[tuple]]]] = {}


def _read(connection) -> dict[str, tuple[list[str], list[tuple]]]:
    rows = {}
    with connection.cursor() as cursor:
        for table in TABLES:
            cursor.execute(f"SELECT * FROM {connection.ops.quote_name(table)}")  # noqa: S608
            rows[table] = ([column[0] for column in cursor.description], cursor.fetchall())
    return rows


def take(alias: str) -> None:
    """What post_migrate makes after a flush of the test database `alias` (left as it was)."""
    connection = connections[alias]
    with transaction.atomic(using=alias):
        call_command("flush", verbosity=0, interactive=False, database=alias,
                     reset_sequences=False)
        _rows[alias] = _read(connection)
        transaction.set_rollback(True, using=alias)
    ContentType.objects.clear_cache()


def _put_back(verbosity, interactive, db, **kwargs):
    if db not in _rows:
        return _sent_post_migrate(verbosity, interactive, db, **kwargs)
    connection = connections[db]
    quote = connection.ops.quote_name
    with transaction.atomic(using=db), connection.cursor() as cursor:
        for table in TABLES:
            columns, rows = _rows[db][table]
            if rows:
                cursor.executemany(
                    f"INSERT INTO {quote(table)} ({', '.join(map(quote, columns))}) "  # noqa: S608
                    f"VALUES ({', '.join(['%s'] * len(columns))})", rows)
    # As contenttypes' receiver does: the cached content types may have other ids now.
    ContentType.objects.clear_cache()
    return None


def install() -> None:
    """Flushes from now on put back the rows taken by take() instead of sending post_migrate."""
    flush.emit_post_migrate_signal = _put_back
