# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""Issue 20: the time overview's page sums a period per contact and per local area from covering
indexes (employee, day, minutes) and (area, day, minutes); the first replaces (employee, day)."""

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('timesheets', '0001_time_entries_from_people'),
    ]

    operations = [
        migrations.RemoveIndex(
            model_name='timeentry',
            name='people_time_employe_234a26_idx',
        ),
        migrations.AddIndex(
            model_name='timeentry',
            index=models.Index(fields=['employee', 'day', 'minutes'], name='timeentry_employee_day_idx'),
        ),
        migrations.AddIndex(
            model_name='timeentry',
            index=models.Index(fields=['area', 'day', 'minutes'], name='timeentry_area_day_idx'),
        ),
    ]
