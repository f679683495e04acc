# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""Members deactivated before the date was recorded: their last change is when it happened."""

from django.db import migrations
from django.db.models import F


def forwards(apps, schema_editor):
    CouncilMember = apps.get_model("councils", "CouncilMember")
    CouncilMember.objects.filter(is_active=False, deactivated_at__isnull=True).update(
        deactivated_at=F("updated_at"))


def backwards(apps, schema_editor):
    pass  # the field is dropped by the schema migration's reverse


class Migration(migrations.Migration):
    dependencies = [("councils", "0002_councilmember_deactivated_anonymised")]

    operations = [migrations.RunPython(forwards, backwards)]
