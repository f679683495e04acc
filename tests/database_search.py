# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""Search every column of every table of the test database for strings, as a data-protection
officer would look for a person's traces: each column is read as text (JSON, text and character
columns, and the rest as PostgreSQL or SQLite prints them), case-insensitively."""

from django.db import connection


def tables_and_columns() -> list[tuple[str, list[str]]]:
    with connection.cursor() as cursor:
        return [(table, [column.name for column in
                         connection.introspection.get_table_description(cursor, table)])
                for table in connection.introspection.table_names(cursor)]


def _as_text(column: str) -> str:
    cast = "TEXT" if connection.vendor == "sqlite" else "text"
    return f"LOWER(CAST({connection.ops.quote_name(column)} AS {cast}))"


def find_everywhere(*needles: str) -> list[tuple[str, str, str]]:
    """(table, column, needle) for each column holding one of the needles."""
    found = []
    with connection.cursor() as cursor:
        for table, columns in tables_and_columns():
            for column in columns:
                for needle in needles:
                    cursor.execute(
                        f"SELECT 1 FROM {connection.ops.quote_name(table)} "  # noqa: S608
                        f"WHERE {_as_text(column)} LIKE %s LIMIT 1", [f"%{needle.lower()}%"])
                    if cursor.fetchone():
                        found.append((table, column, needle))
    return found
