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
from `geojson`. The SVG and the GeoJSON are served as their own versioned resources
(areas.maps.resource); the pages carry only the legend and a frame of the SVG.
"""

import dataclasses
import json
import math
from dataclasses import dataclass, field

from django.http import QueryDict
from django.urls import reverse
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from lokalkontakt.areas.forms import COVERAGE_IN_PLAIN_WORDS
from lokalkontakt.areas.maps.svg import number, outline_link, path_data, point_link, shape
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
    """What the template draws: the SVG written out and the figures beside it. It holds no
    area objects, so that it is small to cache (areas.maps.cached)."""
    mode: str
    width: int
    height: int
    svg_links: SafeString = mark_safe("")  # noqa: S308 - empty
    outlined: int = 0  # areas drawn with their outline
    points: int = 0  # areas drawn as a point
    unplaced: int = 0
    legend: list = field(default_factory=list)  # (State, count)
    modes: list = field(default_factory=list)  # (label, url, current)
    geojson: str = ""  # the areas for Leaflet (a FeatureCollection), served as its own resource
    digest: str = ""  # of the map's resources: their URLs' version (areas.maps.cached)

    @property
    def height_percent(self) -> int:
        """The map's height in per cent of its width, to the nearest 5 (5–150): the frame's CSS
        class (map.css), so a narrow screen shows the frame as high as the map, with no blank
        room (the CSP allows no style attribute)."""
        return min(150, max(5, 5 * round(20 * self.height / self.width))) if self.width else 50


# At least 4.5:1 against white, so outlines and points stand out from the background and from
# each other's white borders (WCAG 1.4.11).
GREEN, ORANGE, RED, GREY = "#1b7a3a", "#9c4f00", "#b3261e", "#595959"
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
    return with_mode_links(draw(areas, mode=mode, plain=plain, with_geojson=with_geojson), query)


def with_mode_links(drawn: CoverageMap, query: QueryDict) -> CoverageMap:
    return dataclasses.replace(drawn, modes=_mode_links(query, drawn.mode))


def draw(areas, *, mode: str, plain: bool, with_geojson: bool) -> CoverageMap:
    """The map of `areas` in `mode`, without the links between the modes."""
    states = {state.value: state for state in _states(mode, plain=plain)}
    counts = dict.fromkeys(states, 0)
    placed = [(area, _outline(area), _point(area)) for area in areas]
    placed_any = [p for p in placed if p[1] or p[2]]
    project, width, height = _projection([lonlat for _a, outline, point in placed_any
                                          for lonlat in _corners(outline, point)])
    outlined, points, unplaced, features = [], [], 0, []
    url_of = _url_maker()
    labelled = _("%(area)s: %(state)s")  # translated once, not once an area
    lower = {value: state.label.lower() for value, state in states.items()}
    for area, outline, point in placed:
        state = states[area.participation if mode == BY_ANSWER else area.coverage]
        counts[state.value] += 1
        if not outline and not point:
            unplaced += 1
            continue
        item = MapArea(name=area.name, url=url_of(area.slug), state=state,
                       label=labelled % {"area": area.name, "state": lower[state.value]})
        item.path = path_data(outline, project) if outline else ""
        if item.path:
            outlined.append(item)
        else:
            item.x, item.y = project(point or _label_point(outline))
            item.path = shape(state.style, item.x, item.y)
            points.append(item)
        if with_geojson:
            features.append(_feature(item, area, outline, point))
    if len(points) + len(outlined) <= LABELLED_UP_TO:
        _label(points)
    # Safe: every value from the database is escaped in outline_link / point_link; the rest
    # are numbers and the states' fixed values.
    svg = mark_safe("\n".join([*map(outline_link, outlined), *map(point_link, points)]))  # noqa: S308
    geojson = (json.dumps({"type": "FeatureCollection", "features": features},
                          ensure_ascii=False, separators=(",", ":")) if with_geojson else "")
    return CoverageMap(mode=mode, width=width, height=height, svg_links=svg,
                       outlined=len(outlined), points=len(points), unplaced=unplaced,
                       legend=[(state, counts[value]) for value, state in states.items()],
                       geojson=geojson)


def _label(points: list[MapArea]) -> None:
    """Where each point's name is written beside it (small maps only)."""
    for item in points:
        right = item.x > WIDTH - 90
        item.text_anchor = "end" if right else "start"
        item.text_x = number(item.x - 10 if right else item.x + 10)
        item.text_y = number(item.y + 4)


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


def _feature(item: MapArea, area, outline, point) -> dict:
    lon, lat = point or _label_point(outline)
    geometry = ({"type": "MultiPolygon", "coordinates": outline} if outline
                else {"type": "Point", "coordinates": [lon, lat]})
    return {"type": "Feature", "geometry": geometry,
            "properties": {"name": item.name, "url": item.url, "label": item.label,
                           "state": item.state.value, "style": item.state.style,
                           "pin": [lat, lon]}}
