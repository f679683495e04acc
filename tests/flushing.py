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
migrations' rows are gone, as before).

The browser tests roll back by serialized_rollback: before each, Django loads the rows the
migrations made from JSON, object by object (~0.1 s of CPU). Here those rows are taken once by
SQL, table by table, and inserted again as they were."""

from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.core.management.commands import flush
from django.db import connections, transaction

# The tables post_migrate fills after a flush (django.contrib.contenttypes and django.contrib.auth,
# the only receivers of post_migrate in this project: tests/test_flushing.py checks that).
TABLES = ["django_content_type", "auth_permission"]

_sent_post_migrate = flush.emit_post_migrate_signal
_all_tables_sql = flush.sql_flush
_rows: dict[str, dict[str, tuple[list[str], list[tuple]]]] = {}
_migrated: dict[str, dict[str, tuple[list[str], list[tuple]]]] = {}


def _read(connection, tables=TABLES) -> dict[str, tuple[list[str], list[tuple]]]:
    rows = {}
    with connection.cursor() as cursor:
        for table in tables:
            cursor.execute(f"SELECT * FROM {connection.ops.quote_name(table)}")  # noqa: S608
            rows[table] = ([column[0] for column in cursor.description], cursor.fetchall())
    return rows


def model_tables(connection) -> list[str]:
    """The tables a flush empties (those of the models)."""
    return sorted(connection.introspection.django_table_names(only_existing=True,
                                                              include_views=False))


def take(alias: str) -> None:
    """The rows of the migrated test database `alias` (for serialized_rollback) and what
    post_migrate makes after a flush of it (the database is left as it was)."""
    connection = connections[alias]
    _migrated[alias] = {table: (columns, rows) for table, (columns, rows)
                        in _read(connection, model_tables(connection)).items() if rows}
    with transaction.atomic(using=alias):
        call_command("flush", verbosity=0, interactive=False, database=alias,
                     reset_sequences=False)
        _rows[alias] = _read(connection)
        transaction.set_rollback(True, using=alias)
    ContentType.objects.clear_cache()


def _insert(connection, taken: dict[str, tuple[list[str], list[tuple]]]) -> None:
    """Insert rows as taken, in one transaction (the foreign keys are checked at its end)."""
    quote = connection.ops.quote_name
    with transaction.atomic(using=connection.alias), connection.cursor() as cursor:
        for table, (columns, rows) in taken.items():
            if rows:
                cursor.executemany(
                    f"INSERT INTO {quote(table)} ({', '.join(map(quote, columns))}) "  # noqa: S608
                    f"VALUES ({', '.join(['%s'] * len(columns))})", rows)


def _put_back(verbosity, interactive, db, **kwargs):
    if db not in _rows:
        return _sent_post_migrate(verbosity, interactive, db, **kwargs)
    _insert(connections[db], _rows[db])
    # As contenttypes' receiver does: the cached content types may have other ids now.
    ContentType.objects.clear_cache()
    return None


def put_back_migrated(alias: str) -> None:
    """The rows of the migrated database, as serialized_rollback loads them before a test."""
    _insert(connections[alias], _migrated[alias])
    ContentType.objects.clear_cache()


def _empty(connection, tables) -> bool:
    quote = connection.ops.quote_name
    with connection.cursor() as cursor:
        for table in tables:
            cursor.execute(f"SELECT 1 FROM {quote(table)} LIMIT 1")  # noqa: S608
            if cursor.fetchone():
                return False
    return True


def _deserialize(alias: str, load_json):
    """serialized_rollback's loading: into empty tables (after a flush without post_migrate)
    the rows as taken; otherwise (rows that Django's loading would update or collide with)
    Django's own loading of its JSON."""

    def deserialize_db_from_string(data):
        if _empty(connections[alias], _migrated[alias]):
            return put_back_migrated(alias)
        return load_json(data)

    return deserialize_db_from_string


def _tables_with_rows(connection, tables: list[str]) -> list[str]:
    """The tables that have a row, in one query."""
    if not tables:
        return []
    quote = connection.ops.quote_name
    with connection.cursor() as cursor:
        cursor.execute(" UNION ALL ".join(
            f"SELECT %s WHERE EXISTS (SELECT 1 FROM {quote(table)})"  # noqa: S608
            for table in tables), tables)
        return [row[0] for row in cursor.fetchall()]


def _sql_flush_of_tables_with_rows(style, connection, reset_sequences=True, allow_cascade=False):
    """The flush's SQL for the tables that have rows: PostgreSQL's TRUNCATE of all ~115 tables
    takes a new file for every table and index (~0.2-1 s); a test leaves a few rows in a few.
    On PostgreSQL they are deleted (a TRUNCATE of some tables refuses while an empty table
    refers to them; the foreign keys are checked at the end of the flush's transaction, when
    every row is gone); on SQLite Django's flush deletes too. With reset_sequences (not the
    tests' flushes) Django's own SQL."""
    if reset_sequences:
        return _all_tables_sql(style, connection, reset_sequences=reset_sequences,
                               allow_cascade=allow_cascade)
    every = model_tables(connection)
    # At least one (empty) table: the flush sends post_migrate only after some SQL.
    tables = _tables_with_rows(connection, every) or every[:1]
    if connection.vendor == "postgresql":
        return [f"DELETE FROM {connection.ops.quote_name(table)};" for table in tables]
    return connection.ops.sql_flush(style, tables, reset_sequences=False,
                                    allow_cascade=allow_cascade)


def install() -> None:
    """Flushes from now on put back the rows taken by take() instead of sending post_migrate,
    and serialized_rollback inserts the migrated database's rows."""
    flush.emit_post_migrate_signal = _put_back
    flush.sql_flush = _sql_flush_of_tables_with_rows
    for alias in _migrated:
        # On the instance: the connection's creation loads Django's JSON of the same rows.
        creation = connections[alias].creation
        creation.deserialize_db_from_string = _deserialize(
            alias, creation.deserialize_db_from_string)
