# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""A flush after a transactional test leaves the database as Django's own flush with post_migrate
does (tests/flushing.py puts back the rows instead of making them again)."""

import pytest
from django.core.management import call_command
from django.db import connection
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
