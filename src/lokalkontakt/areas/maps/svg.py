# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""The coverage map's SVG: outlines as path data, the points' markers and each area's link.
Written as strings rather than in a template loop: at 3,000 areas the template took most of the
page's time. The map is its own document (areas.maps.resource) shown in a frame, so each link
opens the area in the whole window (target="_top")."""

from html import escape

POINT_SIZE = 6


def number(value: float) -> str:
    return f"{value:.1f}".removesuffix(".0")


def path_data(outline, project) -> str:
    """The outline as SVG path data in whole units (about a pixel at full width; whole numbers
    keep the page small and fast to write); rings smaller than a few units are left out (the
    area is then drawn as a point)."""
    parts = []
    for polygon in outline:
        for ring in polygon:
            points, last = [], None
            for lonlat in ring:
                x, y = project(lonlat)
                point = (round(x), round(y))
                if point != last:
                    points.append(point)
                    last = point
            if len(points) >= 4:
                parts.append("M" + " ".join(f"{x} {y}" for x, y in points) + "Z")
    return "".join(parts)


def shape(style: str, x: float, y: float, size: float = POINT_SIZE) -> str:
    """A point's marker as path data: a circle (solid), a square (hatch) or a triangle (dots)."""
    n = number
    if style == "solid":
        return (f"M{n(x - size)} {n(y)}a{n(size)} {n(size)} 0 1 0 {n(2 * size)} 0"
                f"a{n(size)} {n(size)} 0 1 0 {n(-2 * size)} 0Z")
    if style == "hatch":
        half = size * 0.85
        return f"M{n(x - half)} {n(y - half)}h{n(2 * half)}v{n(2 * half)}h{n(-2 * half)}Z"
    return (f"M{n(x)} {n(y - size * 1.2)}L{n(x + size * 1.05)} {n(y + size * 0.8)}"
            f"L{n(x - size * 1.05)} {n(y + size * 0.8)}Z")


def outline_link(area) -> str:
    label = escape(area.label)
    return (f'<a href="{escape(area.url)}" target="_top" aria-label="{label}"><title>{label}</title>'
            f'<path class="coverage-map__outline" fill="url(#map-fill-{area.state.value})" '
            f'fill-rule="evenodd" d="{area.path}"/></a>')


def point_link(area) -> str:
    label = escape(area.label)
    text = (f'<text class="coverage-map__label" x="{area.text_x}" y="{area.text_y}" '
            f'text-anchor="{area.text_anchor}" aria-hidden="true">{escape(area.name)}</text>'
            if area.text_x else "")
    return (f'<a href="{escape(area.url)}" target="_top" aria-label="{label}"><title>{label}</title>'
            f'<path class="coverage-map__point" fill="{area.state.colour}" d="{area.path}"/>'
            f'{text}</a>')
