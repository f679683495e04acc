# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""The coverage map drawn once and kept in the cache until what it is drawn from changes.

The map does not depend on who looks at it, but drawing it costs most of a page's time (at
3,000 areas about 100 ms of CPU). The cache holds, per mode, wording, language and
GeoJSON-or-not, two entries with the version they were drawn at (areas.selectors.map_version,
one query a request): the map's summary for the page (the legend's counts and the size, a few
hundred bytes) and its resources (areas.maps.resource: the SVG document and the GeoJSON, written
and compressed). A map of another version is drawn again and replaces both. The default cache is
each process's own memory; with a shared cache (CACHES) the processes share the drawing too.
"""

import dataclasses
from dataclasses import dataclass

from django.core.cache import cache
from django.http import QueryDict
from django.urls import get_script_prefix
from django.utils.translation import get_language

from lokalkontakt.areas.maps import CoverageMap, draw, map_mode, with_mode_links
from lokalkontakt.areas.maps.resource import Resource, digest, resource, svg_document

# What is kept by a version of the data (areas.versions) is drawn again at the next change, or
# after this long at the latest: a safety net for a change no version sees (an edited template
# or setting on a running site is not one: those restart the processes).
KEEP_SECONDS = 300


@dataclass(frozen=True)
class MapResources:
    digest: str
    svg: Resource
    geojson: Resource | None


def cached_coverage_map(read_areas, *, version: str, query: QueryDict, plain: bool,
                        with_geojson: bool) -> CoverageMap:
    """As areas.maps.coverage_map, but without the SVG and the GeoJSON themselves (their
    `digest` names them: cached_map_resources); `read_areas()` (the areas as coverage_map takes
    them) is only called when the cache holds no map of `version`."""
    options = {"mode": map_mode(query), "plain": plain, "with_geojson": with_geojson}
    kept = cache.get(_key("summary", **options))
    if kept is not None and kept[0] == version:
        return with_mode_links(kept[1], query)
    return with_mode_links(_draw(read_areas, version=version, **options)[0], query)


def cached_map_resources(read_areas, *, version: str, mode: str, plain: bool,
                         with_geojson: bool) -> MapResources:
    """The map's SVG document and GeoJSON (None without `with_geojson`) at `version`."""
    options = {"mode": mode, "plain": plain, "with_geojson": with_geojson}
    kept = cache.get(_key("resources", **options))
    if kept is not None and kept[0] == version:
        return kept[1]
    return _draw(read_areas, version=version, **options)[1]


def _draw(read_areas, *, version: str, mode: str, plain: bool, with_geojson: bool):
    drawn = draw(read_areas(), mode=mode, plain=plain, with_geojson=with_geojson)
    svg = resource(svg_document(drawn), "image/svg+xml; charset=utf-8")
    geojson = resource(drawn.geojson, "application/geo+json") if with_geojson else None
    resources = MapResources(digest=digest(svg, geojson), svg=svg, geojson=geojson)
    summary = dataclasses.replace(drawn, svg_links="", geojson="", digest=resources.digest)
    options = {"mode": mode, "plain": plain, "with_geojson": with_geojson}
    cache.set_many({_key("summary", **options): (version, summary),
                    _key("resources", **options): (version, resources)}, KEEP_SECONDS)
    return summary, resources


def _key(part: str, *, mode: str, plain: bool, with_geojson: bool) -> str:
    return (f"areas.map.{part}:{mode}:{int(plain)}:{int(with_geojson)}:{get_language()}:"
            f"{get_script_prefix()}")
