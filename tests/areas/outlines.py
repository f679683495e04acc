# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""Outlines for the demo areas, imported as a coordinator imports them (a GeoJSON file through
areas.boundaries and boundaries_save). The demo has no outlines of its own: each area gets a
square around its point, small enough to overlap no other square; areas without coordinates get
a point on a row south-west of the municipality."""

import json

from lokalkontakt.areas import boundaries, selectors
from lokalkontakt.areas.models import LocalArea
from lokalkontakt.areas.services.boundaries import boundaries_save

SPARE_ROW = (9.30, 55.55, 0.03)  # longitude of the first, latitude, spacing


def demo_points() -> dict[str, tuple[float, float]]:
    """Every area's point (longitude, latitude), by name."""
    points, spare = {}, 0
    for area in LocalArea.objects.order_by("sort_name"):
        if area.longitude is not None:
            points[area.name] = (float(area.longitude), float(area.latitude))
        else:
            points[area.name] = (SPARE_ROW[0] + spare * SPARE_ROW[2], SPARE_ROW[1])
            spare += 1
    return points


def square(lon: float, lat: float, half: float) -> list:
    return [[lon - half, lat - half], [lon + half, lat - half], [lon + half, lat + half],
            [lon - half, lat + half], [lon - half, lat - half]]


def demo_geojson(points: dict) -> bytes:
    features = []
    for name, (lon, lat) in points.items():
        nearest = min(max(abs(lon - x), abs(lat - y))
                      for other, (x, y) in points.items() if other != name)
        half = min(0.45 * nearest, 0.03)
        features.append({"type": "Feature", "properties": {"navn": name}, "geometry": {
            "type": "Polygon", "coordinates": [square(lon, lat, half)]}})
    return json.dumps({"type": "FeatureCollection", "features": features}).encode()


def import_outlines(content: bytes) -> list:
    """Import a GeoJSON file's outlines as the coordinator's import does; the areas changed."""
    preview = boundaries.preview(boundaries.read(content), areas=list(
        selectors.areas_for_boundaries()))
    assert not preview.unmatched, preview.unmatched
    return boundaries_save(outlines={m.area.pk: m.geometry for m in preview.matches},
                           actor=None, source="test.geojson")


def import_demo_outlines() -> dict[str, tuple[float, float]]:
    points = demo_points()
    import_outlines(demo_geojson(points))
    return points
