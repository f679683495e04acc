# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""Which outline holds a point: ray casting over the GeoJSON MultiPolygons that the boundary
import stores (areas.boundaries: [polygon [ring [[lon, lat], ...]]], the first ring the outer
edge, the others holes), and their bounding boxes for a prefilter in the database."""


def bounding_box(geometry) -> tuple[float, float, float, float] | None:
    """(west, south, east, north) of a MultiPolygon's outer rings; None without points."""
    points = [point for polygon in _polygons(geometry) for point in polygon[0]]
    if not points:
        return None
    xs, ys = [p[0] for p in points], [p[1] for p in points]
    return min(xs), min(ys), max(xs), max(ys)


def contains(geometry, lon: float, lat: float) -> bool:
    """Whether the point lies inside the MultiPolygon: inside a polygon's outer ring and in none
    of its holes. A point exactly on an edge may fall either way."""
    return any(_in_ring(polygon[0], lon, lat)
               and not any(_in_ring(hole, lon, lat) for hole in polygon[1:])
               for polygon in _polygons(geometry))


def _polygons(geometry) -> list:
    if not isinstance(geometry, dict):
        return []
    coordinates = geometry.get("coordinates") or []
    polygons = [coordinates] if geometry.get("type") == "Polygon" else coordinates
    return [polygon for polygon in polygons if polygon and polygon[0]]


def _in_ring(ring, x: float, y: float) -> bool:
    """Even-odd rule: a ray from the point to the east crosses the ring's edges an odd number of
    times when the point is inside."""
    inside = False
    x1, y1 = ring[-1][0], ring[-1][1]
    for point in ring:
        x2, y2 = point[0], point[1]
        if (y1 > y) != (y2 > y) and x < x1 + (y - y1) * (x2 - x1) / (y2 - y1):
            inside = not inside
        x1, y1 = x2, y2
    return inside
