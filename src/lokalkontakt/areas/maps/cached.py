# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""The coverage map drawn once and kept in the cache until what it is drawn from changes.

The map does not depend on who looks at it, but drawing it costs the directory most of its time
(at 3,000 areas about 100 ms of CPU for every visitor). The cache holds one map per mode,
wording, language and GeoJSON-or-not together with the version it was drawn at
(areas.selectors.map_version, one query a request); a map of another version is drawn again and
replaces it. The default cache is each process's own memory; with a shared cache (CACHES) the
processes share the drawing too.
"""

from django.core.cache import cache
from django.http import QueryDict
from django.urls import get_script_prefix
from django.utils.translation import get_language

from lokalkontakt.areas.maps import CoverageMap, draw, map_mode, with_mode_links

# On PostgreSQL two transactions may commit in the other order than they took their updated_at;
# a map drawn in between is then drawn again at the next change or after this long.
KEEP_SECONDS = 300


def cached_coverage_map(read_areas, *, version: str, query: QueryDict, plain: bool,
                        with_geojson: bool) -> CoverageMap:
    """As areas.maps.coverage_map; `read_areas()` (the areas as coverage_map takes them) is only
    called when the cache holds no map of `version`."""
    mode = map_mode(query)
    key = (f"areas.map:{mode}:{int(plain)}:{int(with_geojson)}:{get_language()}:"
           f"{get_script_prefix()}")
    kept = cache.get(key)
    if kept is not None and kept[0] == version:
        drawn = kept[1]
    else:
        drawn = draw(read_areas(), mode=mode, plain=plain, with_geojson=with_geojson)
        cache.set(key, (version, drawn), KEEP_SECONDS)
    return with_mode_links(drawn, query)
