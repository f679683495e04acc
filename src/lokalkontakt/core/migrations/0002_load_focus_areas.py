# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""Load the 15 cross-cutting focus areas (Tværgående fokusområder fra udvalgsseminarer)."""

import json
from pathlib import Path

from django.db import migrations

DATA = Path(__file__).resolve().parent.parent / "data" / "focus_areas.json"


def load(apps, schema_editor):
    FocusArea = apps.get_model("core", "FocusArea")
    for item in json.loads(DATA.read_text(encoding="utf-8")):
        FocusArea.objects.update_or_create(
            slug=item["slug"],
            defaults={"number": item["number"], "name": item["name"],
                      "description": item["description"]},
        )


def unload(apps, schema_editor):
    slugs = [item["slug"] for item in json.loads(DATA.read_text(encoding="utf-8"))]
    apps.get_model("core", "FocusArea").objects.filter(slug__in=slugs).delete()


class Migration(migrations.Migration):
    dependencies = [("core", "0001_initial")]
    operations = [migrations.RunPython(load, unload)]
