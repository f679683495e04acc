# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""The table writes' rows (core.tablewrites): imported by core.models, so they are core's models."""

from django.db import models


class TableWrite(models.Model):
    """That a statement wrote rows of a table: added by the database's own triggers
    (core.tablewrites.install), never by the application. Holds a table's name and nothing
    else. Ids are never reused (a sequence on PostgreSQL, AUTOINCREMENT on SQLite)."""

    table_name = models.CharField(max_length=63)

    class Meta:
        indexes = [models.Index(fields=["table_name", "id"], name="core_tablewrite_table")]

    def __str__(self):
        return f"{self.id}: {self.table_name}"
