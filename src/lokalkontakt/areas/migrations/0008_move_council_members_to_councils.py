# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""CouncilMember and CouncilLoginToken now belong to the councils app (councils.0001): removed
from areas' state only; their tables stay as they are. The Council stays here."""

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ("areas", "0007_move_rollout_milestone_to_rollout"),
        ("councils", "0001_initial"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(database_operations=[], state_operations=[
            migrations.DeleteModel(name="CouncilLoginToken"),
            migrations.DeleteModel(name="HistoricalCouncilMember"),
            migrations.DeleteModel(name="CouncilMember"),
        ]),
    ]
