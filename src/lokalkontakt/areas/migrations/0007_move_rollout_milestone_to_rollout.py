# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""RolloutMilestone now belongs to the rollout app (rollout.0001): removed from areas' state only;
its tables stay as they are."""

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ("areas", "0006_onboarding_steps"),
        ("rollout", "0001_initial"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(database_operations=[], state_operations=[
            migrations.DeleteModel(name="HistoricalRolloutMilestone"),
            migrations.DeleteModel(name="RolloutMilestone"),
        ]),
    ]
