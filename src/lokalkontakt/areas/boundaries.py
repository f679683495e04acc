# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""Areas' outlines from a GeoJSON file (e.g. the parishes from DAGI): read and check the file,
simplify each outline so that a map of every area stays small, and match the features to the
areas by name. Nothing here writes; areas.services.boundaries.boundaries_save stores what was previewed.

Rules: a FeatureCollection of Polygon / MultiPolygon features in WGS84 longitude and latitude
(EPSG:4326, GeoJSON's own system), inside Denmark. A feature matches an area when the chosen
property equals the area's name, or its parish, in Danish order's terms (case, accents and "aa"
for "å" do not matter; a trailing "Sogn" is ignored). Several features that match one area
become one outline.
"""

import json
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from lokalkontakt.areas.simplify import simplify
from lokalkontakt.core.text import danish_sort_key

MAX_BYTES = 5 * 1024 * 1024
MAX_FEATURES = 10_000
MAX_ERRORS = 10
# Denmark, Bornholm and Christiansø included, with a margin.
LON_RANGE, LAT_RANGE = (7.5, 15.5), (54.4, 58.0)
PREFERRED_KEYS = ("navn", "name", "sognenavn", "sogn", "parish")


class BoundariesRejected(Exception):
    """The file cannot be imported; `errors` says why, in the reader's language."""

    def __init__(self, errors: list[str]):
        super().__init__("; ".join(errors))
        self.errors = errors


@dataclass
class Feature:
    number: int  # 1-based, as a person counts the features in the file
    properties: dict
    polygons: list  # MultiPolygon coordinates: [polygon [ring [[lon, lat], ...]]]


@dataclass
class Match:
    area: object
    names: list[str]
    geometry: dict


@dataclass
class Preview:
    key: str
    keys: list[str]
    matches: list[Match] = field(default_factory=list)
    unmatched: list[str] = field(default_factory=list)
    without_boundary: list = field(default_factory=list)


# --- reading -----------------------------------------------------------------------------------


def read(content: bytes) -> list[Feature]:
    """The file's features with simplified outlines, or BoundariesRejected listing what is
    wrong (at most MAX_ERRORS)."""
    if len(content) > MAX_BYTES:
        raise BoundariesRejected([_("The file is larger than %(size)d MB.") % {
            "size": MAX_BYTES // (1024 * 1024)}])
    try:
        data = json.loads(content.decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError):
        raise BoundariesRejected([_(
            "The file is not GeoJSON: it could not be read as JSON (UTF-8).")]) from None
    if not isinstance(data, dict) or data.get("type") != "FeatureCollection":
        kind = data.get("type") if isinstance(data, dict) else type(data).__name__
        raise BoundariesRejected([_(
            "The file is not a GeoJSON FeatureCollection (its type is “%(type)s”).") % {
            "type": kind or "–"}])
    _check_crs(data.get("crs"))
    raw = data.get("features")
    if not isinstance(raw, list) or not raw:
        raise BoundariesRejected([_("The file has no features.")])
    if len(raw) > MAX_FEATURES:
        raise BoundariesRejected([_("The file has more than %(count)d features.") % {
            "count": MAX_FEATURES}])
    features, errors = [], []
    for number, item in enumerate(raw, start=1):
        try:
            features.append(_feature(number, item))
        except BoundariesRejected as rejected:
            errors += rejected.errors
            if len(errors) >= MAX_ERRORS:
                break
    if errors:
        raise BoundariesRejected(errors[:MAX_ERRORS])
    return features


def _check_crs(crs) -> None:
    properties = crs.get("properties") if isinstance(crs, dict) else None
    name = str(properties.get("name", "")) if isinstance(properties, dict) else ""
    if name and not any(ok in name.upper() for ok in ("CRS84", "4326")):
        raise BoundariesRejected([_not_wgs84(name)])


def _not_wgs84(example: str) -> str:
    return _(
        "The coordinates are not longitude and latitude in WGS84 (EPSG:4326) (found: %(example)s). "
        "They are probably UTM zone 32 (EPSG:25832), which DAGI also delivers. Download the file "
        "in EPSG:4326, or convert it, e.g. with: ogr2ogr -t_srs EPSG:4326 out.geojson in.geojson"
    ) % {"example": example}


def _feature(number: int, item) -> Feature:
    geometry = item.get("geometry") if isinstance(item, dict) else None
    kind = geometry.get("type") if isinstance(geometry, dict) else None
    if kind not in ("Polygon", "MultiPolygon"):
        raise BoundariesRejected([_(
            "Feature %(number)d is a %(type)s; only outlines (Polygon or MultiPolygon) can be "
            "imported.") % {"number": number, "type": kind or _("feature without geometry")}])
    coordinates = geometry.get("coordinates")
    polygons = [coordinates] if kind == "Polygon" else coordinates
    try:
        polygons = [[[(float(x), float(y)) for x, y, *_z in ring] for ring in polygon]
                    for polygon in polygons]
    except (TypeError, ValueError):
        raise BoundariesRejected([_("Feature %(number)d has coordinates that are not pairs of "
                                    "numbers.") % {"number": number}]) from None
    _check_inside_denmark(polygons)
    properties = item.get("properties") if isinstance(item.get("properties"), dict) else {}
    return Feature(number, properties, simplify(polygons))


def _check_inside_denmark(polygons) -> None:
    for polygon in polygons:
        for ring in polygon:
            for x, y in ring:
                if not (LON_RANGE[0] <= x <= LON_RANGE[1] and LAT_RANGE[0] <= y <= LAT_RANGE[1]):
                    if LON_RANGE[0] <= y <= LON_RANGE[1] and LAT_RANGE[0] <= x <= LAT_RANGE[1]:
                        raise BoundariesRejected([_(
                            "The coordinates seem to be latitude before longitude (found: "
                            "%(x)s, %(y)s). GeoJSON gives longitude first.") % {"x": x, "y": y}])
                    raise BoundariesRejected([_not_wgs84(f"{x:g}, {y:g}")])


# --- matching ----------------------------------------------------------------------------------


def name_key(value) -> str:
    """A name as it is compared: Danish order's key, without a trailing "Sogn"."""
    key = danish_sort_key(str(value or "").strip())
    suffix = "00" + danish_sort_key("sogn")
    return key[: -len(suffix)] if key.endswith(suffix) else key


def _area_keys(areas) -> dict[str, object]:
    """Each area under its name's key; under its parish's too where that names one parish of no
    other area (the parish field may say "(inferred)" or list several)."""
    by_key = {name_key(area.name): area for area in areas}
    parishes: dict[str, list] = {}
    for area in areas:
        parish = area.parish.split("(")[0].strip()
        if parish and ";" not in area.parish:
            parishes.setdefault(name_key(parish), []).append(area)
    for key, found in parishes.items():
        if len(found) == 1 and key not in by_key:
            by_key[key] = found[0]
    return by_key


def property_keys(features: list[Feature]) -> list[str]:
    """The properties that hold a text in at least one feature, preferred names first."""
    keys = {key for feature in features for key, value in feature.properties.items()
            if isinstance(value, str) and value.strip()}
    preferred = [key for name in PREFERRED_KEYS for key in sorted(keys) if key.casefold() == name]
    return preferred + sorted(keys - set(preferred), key=str.casefold)


def preview(features: list[Feature], *, areas, key: str = "") -> Preview:
    """What an import with `key` as the name would do. Without a (known) key, the key that
    matches the most areas is chosen."""
    keys = property_keys(features)
    by_key = _area_keys(areas)
    if key not in keys:
        key = max(keys, key=lambda k: _count_matches(features, k, by_key), default="")
    result = Preview(key=key, keys=keys)
    found: dict[int, Match] = {}
    for feature in features:
        name = str(feature.properties.get(key) or "").strip()
        area = by_key.get(name_key(name)) if name else None
        if area is None:
            result.unmatched.append(name or _("Feature %(number)d (no name)") % {
                "number": feature.number})
            continue
        match = found.setdefault(area.pk, Match(area, [], {"type": "MultiPolygon",
                                                           "coordinates": []}))
        match.names.append(name)
        match.geometry["coordinates"] += feature.polygons
    result.matches = sorted(found.values(), key=lambda m: m.area.sort_name)
    result.without_boundary = [area for area in areas
                               if area.pk not in found and not area.boundary]
    return result


def _count_matches(features, key, by_key) -> int:
    return sum(1 for f in features if name_key(f.properties.get(key)) in by_key)


def point_count(geometry: dict) -> int:
    return sum(len(ring) for polygon in geometry["coordinates"] for ring in polygon)
