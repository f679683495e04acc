# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""A flush after a transactional test leaves the database as Django's own flush with post_migrate
does (tests/flushing.py puts back the rows instead of making them again)."""

import datetime
import re

import pytest
from django.apps import apps
from django.core.management import call_command
from django.db import connection
from django.db.backends.base.creation import BaseDatabaseCreation
from django.db.models.signals import post_migrate

from tests import flushing


def _rows() -> dict[str, set]:
    """The rows of the tables post_migrate fills, by their natural keys (not their ids)."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT app_label, model FROM django_content_type")
        content_types = set(cursor.fetchall())
        cursor.execute("SELECT t.app_label, t.model, p.codename, p.name FROM auth_permission p "
                       "JOIN django_content_type t ON t.id = p.content_type_id")
        permissions = set(cursor.fetchall())
    return {"django_content_type": content_types, "auth_permission": permissions}


def _other_tables_empty() -> list[str]:
    """The models' tables (those a flush empties) that are not empty."""
    tables = set(connection.introspection.django_table_names(only_existing=True)) - {*flushing.TABLES}
    full = []
    with connection.cursor() as cursor:
        for table in sorted(tables):
            cursor.execute(f"SELECT COUNT(*) FROM {connection.ops.quote_name(table)}")  # noqa: S608
            if cursor.fetchone()[0]:
                full.append(table)
    return full


def test_post_migrate_fills_only_the_tables_put_back():
    receivers = {receiver.__module__ for _key, receiver in
                 ((key, ref()) for key, ref, *_rest in post_migrate.receivers)}
    assert receivers == {"django.contrib.auth.management",
                         "django.contrib.contenttypes.management"}


@pytest.mark.django_db(transaction=True)
def test_a_serialized_rollback_puts_back_the_rows_django_loads():
    """What a test with serialized_rollback starts with: the migrated database's rows, as
    Django's own loading of its JSON gives them (compared within the test, after flushes without
    post_migrate, so that no earlier test's flush decides what the tables hold)."""
    contents = getattr(connection, "_test_serialized_contents", None)
    if contents is None:
        pytest.skip("no test of this run rolls back by serialization (the browser tests do), "
                    "so Django has not serialized the migrated database")
    _flush()
    BaseDatabaseCreation.deserialize_db_from_string(connection.creation, contents)
    loaded = _all_rows()
    assert len(loaded["core_focusarea"]) > 0
    _flush()
    flushing.put_back_migrated(connection.alias)
    assert _all_rows() == loaded


@pytest.mark.django_db(transaction=True)
def test_a_flush_puts_back_what_post_migrate_makes():
    call_command("flush", verbosity=0, interactive=False, reset_sequences=False)
    put_back = _rows()
    assert _other_tables_empty() == []
    assert len(put_back["auth_permission"]) > 100

    call_command("flush", verbosity=0, interactive=False, reset_sequences=False,
                 inhibit_post_migrate=True)
    assert _rows() == {"django_content_type": set(), "auth_permission": set()}
    flushing._sent_post_migrate(0, False, connection.alias)
    assert _rows() == put_back


def _to_ms(value):
    """Django's JSON of the rows keeps a time to the millisecond (DjangoJSONEncoder); the rows
    put back have it as the migrations stored it."""
    if isinstance(value, datetime.datetime):
        return value.replace(microsecond=value.microsecond // 1000 * 1000)
    if isinstance(value, str) and re.fullmatch(r"\d{4}-\d\d-\d\d[ T][\d:]{8}\.\d{6}.*", value):
        return value[:23] + value[26:]
    return value


def _all_rows() -> dict[str, set]:
    """Every model table's rows (times to the millisecond); an automatic many-to-many table's
    without their ids, which Django's loading makes anew."""
    through = {model._meta.db_table for model in apps.get_models(include_auto_created=True)
               if model._meta.auto_created}
    rows = {}
    with connection.cursor() as cursor:
        for table in flushing.model_tables(connection):
            cursor.execute(f"SELECT * FROM {connection.ops.quote_name(table)}")  # noqa: S608
            rows[table] = {tuple(map(_to_ms, row[1:] if table in through else row))
                           for row in cursor.fetchall()}
    return rows


def _flush() -> None:
    call_command("flush", verbosity=0, interactive=False, reset_sequences=False,
                 inhibit_post_migrate=True)
