# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""The bounding box of every outline imported before the box was kept (LocalArea.save keeps it
from now on)."""

from django.db import migrations

from lokalkontakt.areas.addresses.geometry import bounding_box

BOX = ("boundary_west", "boundary_south", "boundary_east", "boundary_north")


def fill(apps, schema_editor):
    LocalArea = apps.get_model("areas", "LocalArea")
    for area in LocalArea.objects.filter(boundary__isnull=False).only("pk", "boundary"):
        box = bounding_box(area.boundary)
        if box:
            LocalArea.objects.filter(pk=area.pk).update(**dict(zip(BOX, box, strict=True)))


def empty(apps, schema_editor):
    apps.get_model("areas", "LocalArea").objects.update(**dict.fromkeys(BOX))


class Migration(migrations.Migration):

    dependencies = [
        ("areas", "0012_localarea_boundary_box"),
    ]

    operations = [migrations.RunPython(fill, empty)]
