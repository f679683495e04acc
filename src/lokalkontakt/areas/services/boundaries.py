# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""Writing the areas' outlines that the coordinator imported for the coverage map."""

from django.db import transaction

from lokalkontakt.areas.models import AreaEvent, LocalArea
from lokalkontakt.areas.services import area_event_add


@transaction.atomic
def boundaries_save(*, outlines: dict[int, dict], actor, source: str) -> list[LocalArea]:
    """Store imported outlines (area pk → simplified GeoJSON MultiPolygon, as
    areas.boundaries.preview made them) on their areas. An area whose outline changes gets an
    event naming the file; simple-history keeps the outline it had. Areas not named keep theirs.
    Returns the areas that changed."""
    changed = []
    for area in LocalArea.objects.select_for_update().filter(pk__in=outlines).order_by("pk"):
        if area.boundary == outlines[area.pk]:
            continue
        area.boundary = outlines[area.pk]
        area.full_clean()
        area.save()
        area_event_add(area=area, kind=AreaEvent.Kind.UPDATED, actor=actor, fields=["boundary"],
                       source=source)
        changed.append(area)
    return changed
