# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""Which tables have been written: a row in core_tablewrite for every statement that wrote rows
of a tracked table, added by the database's own triggers in the same transaction as the write.
The kept pages (areas.versions.data_version) read a table's version from it with two index
probes, instead of counting the table's rows (on PostgreSQL counting 60,000 time entries or
100,000 inquiries takes milliseconds, whatever index there is).

Triggers see every write: save(), queryset update() and delete(), bulk_create(), raw SQL and the
migrations' data changes alike, so nothing has to remember to record anything.

- PostgreSQL: a statement-level trigger per table and kind of write (insert, update, delete,
  truncate) adds one row when the statement wrote any (an UPDATE matching nothing adds none).
  Inserts never wait for each other: no writer locks a shared row.
- SQLite: row-level triggers (the only kind it has) keep one row per table, replaced on every
  write, so its id is the latest write's. SQLite lets one writer in at a time.

A table's version is the count and the highest id of its rows here, read for all the tables a
page is drawn from by one grouped query (an index range each). Ids are never reused; on
PostgreSQL a transaction that took its id first may commit last, and the count still changes
when it does. `prune` (run_jobs, every 15 minutes) keeps only each table's newest row, so that
counting stays a few index entries.

Tracked: every table of the project's apps and the users', but not the logs no page is drawn
from (UNTRACKED) nor the models' histories (written with their own rows, which are tracked).
The triggers are (re)made after every migrate (`install`, on post_migrate): a migration that
rebuilds a table on SQLite drops its triggers, and a new table needs its own."""

from django.apps import apps
from django.contrib.auth import get_user_model
from django.db import connection, transaction
from django.db.models import Count, Max

from lokalkontakt.core.tablewrites.models import TableWrite

__all__ = ["TableWrite", "install", "prune", "report", "tracked_tables", "uninstall", "written"]

# Written by every request or search reindex, read by no kept page.
UNTRACKED = {
    "core.tablewrite", "core.accesslogentry", "core.change", "core.changesequence",
    "core.outgoingemail", "core.attachment", "core.searchentry", "core.searchtext",
    "core.searchentryperson", "core.focusterm", "core.focustermtotal", "core.preparedexport",
}

_PG_FUNCTIONS = """
CREATE OR REPLACE FUNCTION lk_written() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM lk_rows) THEN
    INSERT INTO core_tablewrite (table_name) VALUES (TG_TABLE_NAME);
  END IF;
  RETURN NULL;
END $$;
CREATE OR REPLACE FUNCTION lk_truncated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO core_tablewrite (table_name) VALUES (TG_TABLE_NAME);
  RETURN NULL;
END $$;
"""

_PG_TRIGGERS = (
    ("lk_written_insert", "INSERT", "REFERENCING NEW TABLE AS lk_rows", "lk_written"),
    ("lk_written_update", "UPDATE", "REFERENCING NEW TABLE AS lk_rows", "lk_written"),
    ("lk_written_delete", "DELETE", "REFERENCING OLD TABLE AS lk_rows", "lk_written"),
    ("lk_written_truncate", "TRUNCATE", "", "lk_truncated"),
)


def _tracked(model) -> bool:
    meta = model._meta
    if not meta.managed or meta.proxy or hasattr(model, "instance_type"):  # a history model
        return False
    if meta.label_lower in UNTRACKED:
        return False
    return model.__module__.startswith("lokalkontakt.") or model is get_user_model() or (
        meta.auto_created and meta.auto_created.__module__.startswith("lokalkontakt."))


def tracked_tables() -> list[str]:
    """The tables whose writes are recorded, sorted."""
    return sorted({model._meta.db_table
                   for model in apps.get_models(include_auto_created=True) if _tracked(model)})


def install(using: str = "default") -> int:
    """Make (or make again) the triggers of every tracked table that exists; the number of
    tables. Idempotent. Marks each table written, so what was kept before a migration is not
    taken for current after it."""
    from django.db import connections

    db = connections[using]
    existing = set(db.introspection.table_names())
    tables = [table for table in tracked_tables() if table in existing]
    quote = db.ops.quote_name
    with transaction.atomic(using=using), db.cursor() as cursor:
        if db.vendor == "postgresql":
            cursor.execute(_PG_FUNCTIONS)
        for table in tables:
            for statement in _statements(db.vendor, table, quote):
                cursor.execute(statement)
        written = TableWrite.objects.using(using)
        written.filter(table_name__in=tables).delete()
        written.bulk_create([TableWrite(table_name=table) for table in tables])
    return len(tables)


def uninstall(using: str = "default") -> None:
    """Drop the triggers (core migration 0021 backwards: their table goes, and with it the
    writes of every tracked table would fail)."""
    from django.db import connections

    db = connections[using]
    existing = set(db.introspection.table_names())
    quote = db.ops.quote_name
    with db.cursor() as cursor:
        for table in existing:
            if db.vendor == "postgresql":
                for name, *_rest in _PG_TRIGGERS:
                    cursor.execute(f"DROP TRIGGER IF EXISTS {name} ON {quote(table)}")
            else:
                for event in ("insert", "update", "delete"):
                    cursor.execute(f"DROP TRIGGER IF EXISTS {quote(f'lk_written_{event}_{table}')}")
        if db.vendor == "postgresql":
            cursor.execute("DROP FUNCTION IF EXISTS lk_written(); DROP FUNCTION IF EXISTS lk_truncated()")


def _statements(vendor: str, table: str, quote) -> list[str]:
    if vendor == "postgresql":
        return [f"CREATE OR REPLACE TRIGGER {name} AFTER {event} ON {quote(table)} {referencing} "
                f"FOR EACH STATEMENT EXECUTE FUNCTION {function}()"
                for name, event, referencing, function in _PG_TRIGGERS]
    literal = "'" + table.replace("'", "''") + "'"
    body = (f"DELETE FROM core_tablewrite WHERE table_name = {literal}; "  # noqa: S608 - a model's table name, quoted
            f"INSERT INTO core_tablewrite (table_name) VALUES ({literal});")
    return [f"CREATE TRIGGER IF NOT EXISTS {quote(f'lk_written_{event.lower()}_{table}')} "
            f"AFTER {event} ON {quote(table)} BEGIN {body} END"
            for event in ("INSERT", "UPDATE", "DELETE")]


def written(models) -> tuple[str, list]:
    """A query (SQL and parameters) of the recorded writes of the models' tables: a row (table
    name, count, highest id) for each table written since it was tracked (every tracked table
    is marked written by `install`), which changes whenever a row of the table is written."""
    names = []
    for model in dict.fromkeys(models):
        if not _tracked(model):
            raise ValueError(f"{model._meta.label}: its writes are not recorded (core.tablewrites)")
        names.append(model._meta.db_table)
    table = connection.ops.quote_name(TableWrite._meta.db_table)
    marks = ", ".join(["%s"] * len(names))
    return (f"SELECT table_name, COUNT(*), MAX(id) FROM {table} "  # noqa: S608 - our own table, names as parameters
            f"WHERE table_name IN ({marks}) GROUP BY table_name", names)


def prune() -> int:
    """Delete every row but each table's newest; the number deleted."""
    newest = (TableWrite.objects.values("table_name").annotate(newest=Max("id"), rows=Count("id"))
              .filter(rows__gt=1))
    deleted = 0
    for row in newest:
        deleted += TableWrite.objects.filter(table_name=row["table_name"],
                                             id__lt=row["newest"]).delete()[0]
    return deleted


def report() -> str:
    """run_jobs' line for the table writes."""
    return f"Table writes: {prune()} older rows deleted."
