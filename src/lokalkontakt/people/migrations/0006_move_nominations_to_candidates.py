# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""Nominations and requests for candidates now belong to candidates (candidates.0001): only
Django's state changes here."""

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('candidates', '0001_nominations_from_people'),
        ('people', '0005_move_time_entries_to_timesheets'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(state_operations=[
            migrations.RemoveField(
                model_name='nomination',
                name='request',
            ),
            migrations.RemoveField(
                model_name='historicalnomination',
                name='request',
            ),
            migrations.RemoveField(
                model_name='historicalnomination',
                name='core_area',
            ),
            migrations.RemoveField(
                model_name='historicalnomination',
                name='employee',
            ),
            migrations.RemoveField(
                model_name='historicalnomination',
                name='history_user',
            ),
            migrations.RemoveField(
                model_name='historicalnomination',
                name='nominated_by',
            ),
            migrations.RemoveField(
                model_name='nomination',
                name='areas',
            ),
            migrations.RemoveField(
                model_name='nomination',
                name='core_area',
            ),
            migrations.RemoveField(
                model_name='nomination',
                name='employee',
            ),
            migrations.RemoveField(
                model_name='nomination',
                name='nominated_by',
            ),
            migrations.DeleteModel(
                name='CandidateRequest',
            ),
            migrations.DeleteModel(
                name='HistoricalNomination',
            ),
            migrations.DeleteModel(
                name='Nomination',
            ),
        ], database_operations=[]),
    ]
