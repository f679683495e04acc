# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""Time entries now belong to timesheets (timesheets.0001): only Django's state changes here."""

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('people', '0004_nominations'),
        ('timesheets', '0001_time_entries_from_people'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(state_operations=[
            migrations.RemoveField(
                model_name='timeentry',
                name='area',
            ),
            migrations.RemoveField(
                model_name='timeentry',
                name='employee',
            ),
            migrations.DeleteModel(
                name='HistoricalTimeEntry',
            ),
            migrations.DeleteModel(
                name='TimeEntry',
            ),
        ], database_operations=[]),
    ]
