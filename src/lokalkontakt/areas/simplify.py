# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""Outlines made small enough for the coverage map: coordinates rounded, points within the
tolerance dropped (Douglas-Peucker), at most MAX_POINTS an area."""

import math

DECIMALS = 4  # about 10 m
TOLERANCE = 0.0002  # degrees of latitude, about 20 m: the Douglas-Peucker tolerance on import
MAX_POINTS = 400  # per area; the tolerance doubles until the outline has at most this many


SIMPLIFY_ROUNDS = 24  # doublings of the tolerance: from 20 m to far beyond Denmark's size


def _points(polygons) -> int:
    return sum(len(ring) for polygon in polygons for ring in polygon)


def simplify(polygons) -> list:
    """Round to DECIMALS and drop points within the tolerance (Douglas-Peucker), doubling the
    tolerance until the outline has at most MAX_POINTS points; rings that shrink below a
    triangle are left out. An outline of many islets cannot shrink below four points a ring:
    then the largest polygons are kept, as many as MAX_POINTS allows."""
    tolerance, result = TOLERANCE, []
    for _round in range(SIMPLIFY_ROUNDS):
        result = []
        for polygon in polygons:
            rings = [_simplify_ring(ring, tolerance) for ring in polygon]
            if rings and rings[0]:
                result.append([ring for ring in rings if ring])
        if _points(result) <= MAX_POINTS or not result:
            return result
        tolerance *= 2
    return _largest(result)


def _area(ring) -> float:
    pairs = zip(ring, ring[1:] + ring[:1], strict=True)
    return abs(sum(x1 * y2 - x2 * y1 for (x1, y1), (x2, y2) in pairs))


def _largest(polygons) -> list:
    """The largest polygons (by their outer ring) whose points fit in MAX_POINTS; at least one."""
    kept = []
    for polygon in sorted(polygons, key=lambda p: _area(p[0]), reverse=True):
        if kept and _points(kept) + _points([polygon]) > MAX_POINTS:
            continue
        kept.append(polygon)
    return kept


def _simplify_ring(ring, tolerance: float) -> list:
    points = []
    for x, y in ring:
        point = [round(x, DECIMALS), round(y, DECIMALS)]
        if not points or point != points[-1]:
            points.append(point)
    if len(points) > 1 and points[0] == points[-1]:
        points.pop()
    if len(points) < 3:
        return []
    kept = _douglas_peucker(points, tolerance)
    return kept + [kept[0]] if len(kept) >= 3 else []


def _douglas_peucker(points: list, tolerance: float) -> list:
    """Iterative Douglas-Peucker on an open ring (longitude scaled to the latitude's length)."""
    scale = math.cos(math.radians(points[0][1]))
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    # A closed ring's first and last points are neighbours: split it at the farthest point.
    far = max(range(len(points)), key=lambda i: (points[i][0] - points[0][0]) ** 2
              + (points[i][1] - points[0][1]) ** 2)
    keep[far] = True
    stack = [(0, far), (far, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        best, index = 0.0, None
        for i in range(first + 1, last):
            distance = _distance(points[i], points[first], points[last], scale)
            if distance > best:
                best, index = distance, i
        if index is not None and best > tolerance:
            keep[index] = True
            stack += [(first, index), (index, last)]
    return [point for point, kept in zip(points, keep, strict=True) if kept]


def _distance(point, start, end, scale: float) -> float:
    px, py = point[0] * scale, point[1]
    ax, ay, bx, by = start[0] * scale, start[1], end[0] * scale, end[1]
    dx, dy = bx - ax, by - ay
    if dx == dy == 0:
        return math.hypot(px - ax, py - ay)
    t = max(0.0, min(1.0, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)))
    return math.hypot(px - (ax + t * dx), py - (ay + t * dy))
