# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""Handovers and onboarding moved to their own apps: their models leave areas' state only; the
tables stay as they are (see handovers.0001 and onboarding.0001)."""

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ("areas", "0008_move_council_members_to_councils"),
        ("handovers", "0001_initial"),
        ("onboarding", "0001_initial"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(database_operations=[], state_operations=[
            migrations.DeleteModel(name="Handover"),
            migrations.DeleteModel(name="HistoricalHandover"),
            migrations.DeleteModel(name="OnboardingTask"),
            migrations.DeleteModel(name="HistoricalOnboardingTask"),
            migrations.DeleteModel(name="OnboardingStep"),
            migrations.DeleteModel(name="HistoricalOnboardingStep"),
        ]),
    ]
