# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""The coverage map: every area drawn server-side as SVG, coloured by coverage or by the
council's answer, so that it needs no JavaScript, no tiles and no network.

An area is drawn from its imported outline (areas.boundaries), or as a point where only its
coordinates are known; an area with neither is only in the list. The projection is
equirectangular with longitude scaled by the cosine of the middle latitude, which is true
enough for one municipality. Each state has a colour and a second cue (a fill pattern for
outlines, a shape for points), so colour is not the only cue (WCAG 1.4.1).
With MAP_TILE_URL set, static/js/coverage-map.js redraws the same areas over tiles with Leaflet
from `geojson`.
"""

import math
from dataclasses import dataclass, field

from django.http import QueryDict
from django.urls import reverse
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from lokalkontakt.areas.forms import COVERAGE_IN_PLAIN_WORDS
from lokalkontakt.areas.models import Coverage, Participation

WIDTH = 600
PAD = 14
MIN_SPAN = 0.02  # degrees: a map of one point still has a size
PARAMETER = "kort"
BY_ANSWER = "svar"


@dataclass(frozen=True)
class State:
    value: str
    label: str
    style: str  # solid / hatch / dots: the pattern of an outline and the shape of a point
    colour: str


@dataclass
class MapArea:
    name: str
    url: str
    state: State
    label: str  # the accessible name: the area and its state in words
    path: str = ""
    x: float = 0.0
    y: float = 0.0
    text_x: str = ""  # where the name is written beside a point (small maps only)
    text_y: str = ""
    text_anchor: str = "start"


@dataclass
class CoverageMap:
    mode: str
    width: int
    height: int
    outlined: list = field(default_factory=list)
    points: list = field(default_factory=list)
    unplaced: int = 0
    legend: list = field(default_factory=list)  # (State, count)
    modes: list = field(default_factory=list)  # (label, url, current)
    geojson: dict | None = None

    @property
    def svg_links(self) -> SafeString:
        """The areas as SVG links, outlines first, each in Danish order. Written here rather than
        in a template loop: at 3,000 areas the template took most of the page's time."""
        # Safe: every value from the database is escaped in _outline_link / _point_link; the
        # rest are numbers and the states' fixed values.
        return mark_safe("\n".join(  # noqa: S308
            [*map(_outline_link, self.outlined), *map(_point_link, self.points)]))


# At least 4.5:1 against white, so outlines and points stand out from the background and from
# each other's white borders (WCAG 1.4.11).
GREEN, ORANGE, RED, GREY = "#1b7a3a", "#9c4f00", "#b3261e", "#595959"
POINT_SIZE = 6
LABELLED_UP_TO = 60  # points get their name written beside them on a map of this many areas

MODES = {"": gettext_lazy("Coloured by coverage"),
         BY_ANSWER: gettext_lazy("Coloured by the council's answer")}


def _states(mode: str, *, plain: bool) -> list[State]:
    if mode == BY_ANSWER:
        labels = dict(Participation.choices)
        return [
            State(Participation.INTERESTED, str(labels[Participation.INTERESTED]), "solid", GREEN),
            State(Participation.UNKNOWN, str(labels[Participation.UNKNOWN]), "dots", GREY),
            State(Participation.DECLINED, str(labels[Participation.DECLINED]), "hatch", RED)]
    labels = dict(COVERAGE_IN_PLAIN_WORDS if plain else Coverage.choices)
    return [State(Coverage.COVERED, str(labels[Coverage.COVERED]), "solid", GREEN),
            State(Coverage.HANDOVER, str(labels[Coverage.HANDOVER]), "dots", ORANGE),
            State(Coverage.UNCOVERED, str(labels[Coverage.UNCOVERED]), "hatch", RED)]


def map_mode(query: QueryDict) -> str:
    return BY_ANSWER if query.get(PARAMETER) == BY_ANSWER else ""


def coverage_map(areas, *, query: QueryDict, plain: bool, with_geojson: bool) -> CoverageMap:
    """The map of `areas` (with `coverage` annotated, in the order to draw and tab through) in
    the mode the query asks for (?kort=svar: the council's answer). `plain`: the public
    directory's words for coverage. `with_geojson`: also the areas as GeoJSON for Leaflet."""
    mode = map_mode(query)
    states = {state.value: state for state in _states(mode, plain=plain)}
    counts = dict.fromkeys(states, 0)
    placed = [(area, _outline(area), _point(area)) for area in areas]
    placed_any = [p for p in placed if p[1] or p[2]]
    project, width, height = _projection([lonlat for _a, outline, point in placed_any
                                          for lonlat in _corners(outline, point)])
    result = CoverageMap(mode=mode, width=width, height=height, modes=_mode_links(query, mode))
    url_of = _url_maker()
    features = []
    for area, outline, point in placed:
        state = states[area.participation if mode == BY_ANSWER else area.coverage]
        counts[state.value] += 1
        if not outline and not point:
            result.unplaced += 1
            continue
        item = MapArea(name=area.name, url=url_of(area.slug), state=state,
                       label=_("%(area)s: %(state)s") % {"area": area.name,
                                                         "state": state.label.lower()})
        item.path = _path(outline, project) if outline else ""
        if item.path:
            result.outlined.append(item)
        else:
            item.x, item.y = project(point or _label_point(outline))
            item.path = shape(state.style, item.x, item.y)
            result.points.append(item)
        if with_geojson:
            features.append(_feature(item, area, outline, point))
    if len(result.points) + len(result.outlined) <= LABELLED_UP_TO:
        for item in result.points:
            right = item.x > WIDTH - 90
            item.text_anchor = "end" if right else "start"
            item.text_x = _number(item.x - 10 if right else item.x + 10)
            item.text_y = _number(item.y + 4)
    result.legend = [(state, counts[value]) for value, state in states.items()]
    if with_geojson:
        result.geojson = {"type": "FeatureCollection", "features": features}
    return result


def _mode_links(query: QueryDict, current: str) -> list:
    links = []
    for mode, label in MODES.items():
        params = query.copy()
        params.pop(PARAMETER, None)
        params.pop("side", None)
        if mode:
            params[PARAMETER] = mode
        links.append((str(label), "?" + params.urlencode() if params else "?", mode == current))
    return links


def _url_maker():
    """Area URLs without a reverse() per area (3,000 of them cost)."""
    marker = "slug-marker"
    template = reverse("areas:detail", kwargs={"slug": marker})
    prefix, suffix = template.split(marker)
    return lambda slug: f"{prefix}{slug}{suffix}"


def _outline(area) -> list:
    boundary = area.boundary
    if isinstance(boundary, dict) and boundary.get("type") == "MultiPolygon":
        return boundary.get("coordinates") or []
    return []


def _point(area):
    if area.latitude is None or area.longitude is None:
        return None
    return (float(area.longitude), float(area.latitude))


def _corners(outline, point):
    if point:
        yield point
    for polygon in outline:
        yield from polygon[0]


def _label_point(outline):
    """The middle of the bounding box of the outline's largest polygon."""
    ring = max((polygon[0] for polygon in outline), key=len)
    xs, ys = [p[0] for p in ring], [p[1] for p in ring]
    return ((min(xs) + max(xs)) / 2, (min(ys) + max(ys)) / 2)


def _projection(points):
    if not points:
        return (lambda point: (0.0, 0.0)), WIDTH, WIDTH // 2
    xs, ys = [p[0] for p in points], [p[1] for p in points]
    middle = (min(ys) + max(ys)) / 2
    scale_x = math.cos(math.radians(middle))
    west = min(xs) - max(0.0, MIN_SPAN - (max(xs) - min(xs))) / 2
    north = max(ys) + max(0.0, MIN_SPAN - (max(ys) - min(ys))) / 2
    span_x = max((max(xs) - min(xs)) * scale_x, MIN_SPAN * scale_x)
    span_y = max(max(ys) - min(ys), MIN_SPAN)
    factor = (WIDTH - 2 * PAD) / span_x
    height = round(span_y * factor + 2 * PAD)
    if height > WIDTH * 1.5:  # a tall municipality: fit the height instead
        factor, height = (WIDTH * 1.5 - 2 * PAD) / span_y, round(WIDTH * 1.5)

    def project(point):
        return (PAD + (point[0] - west) * scale_x * factor, PAD + (north - point[1]) * factor)

    return project, WIDTH, height


def _number(value: float) -> str:
    return f"{value:.1f}".removesuffix(".0")


def _path(outline, project) -> str:
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
    n = _number
    if style == "solid":
        return (f"M{n(x - size)} {n(y)}a{n(size)} {n(size)} 0 1 0 {n(2 * size)} 0"
                f"a{n(size)} {n(size)} 0 1 0 {n(-2 * size)} 0Z")
    if style == "hatch":
        half = size * 0.85
        return f"M{n(x - half)} {n(y - half)}h{n(2 * half)}v{n(2 * half)}h{n(-2 * half)}Z"
    return (f"M{n(x)} {n(y - size * 1.2)}L{n(x + size * 1.05)} {n(y + size * 0.8)}"
            f"L{n(x - size * 1.05)} {n(y + size * 0.8)}Z")


def _outline_link(area: MapArea) -> str:
    label = escape(area.label)
    return (f'<a href="{escape(area.url)}" aria-label="{label}"><title>{label}</title>'
            f'<path class="coverage-map__outline" fill="url(#map-fill-{area.state.value})" '
            f'fill-rule="evenodd" d="{area.path}"/></a>')


def _point_link(area: MapArea) -> str:
    label = escape(area.label)
    text = (f'<text class="coverage-map__label" x="{area.text_x}" y="{area.text_y}" '
            f'text-anchor="{area.text_anchor}" aria-hidden="true">{escape(area.name)}</text>'
            if area.text_x else "")
    return (f'<a href="{escape(area.url)}" aria-label="{label}"><title>{label}</title>'
            f'<path class="coverage-map__point" fill="{area.state.colour}" d="{area.path}"/>'
            f'{text}</a>')


def _feature(item: MapArea, area, outline, point) -> dict:
    lon, lat = point or _label_point(outline)
    geometry = ({"type": "MultiPolygon", "coordinates": outline} if outline
                else {"type": "Point", "coordinates": [lon, lat]})
    return {"type": "Feature", "geometry": geometry,
            "properties": {"name": item.name, "url": item.url, "label": item.label,
                           "state": item.state.value, "style": item.state.style,
                           "pin": [lat, lon]}}
