# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""The coverage map's resources (the SVG the pages show in a frame, the GeoJSON for tiles) and
what a page needs to show them. The public directory's map is public; the coordinator's map,
in the coordinator's words, is the coordinator's alone, as its page."""

from urllib.parse import urlencode

from csp.constants import NONE, SELF
from csp.decorators import csp_replace
from django.conf import settings
from django.http import Http404, HttpResponseRedirect
from django.urls import reverse
from django.utils import translation
from django.views.decorators.clickjacking import xframe_options_sameorigin
from django.views.decorators.http import require_safe

from lokalkontakt.areas import selectors
from lokalkontakt.areas.maps import PARAMETER, map_mode
from lokalkontakt.areas.maps.cached import cached_coverage_map, cached_map_resources
from lokalkontakt.areas.maps.resource import respond
from lokalkontakt.core.http import public
from lokalkontakt.core.permissions import coordinator_required

# The map's URL names, by wording: plain (the public directory's) or the coordinator's.
URL_NAMES = {True: "areas:map_svg", False: "coordination:map_svg"}
GEOJSON_URL_NAMES = {True: "areas:map_geojson", False: "coordination:map_geojson"}
LANGUAGE = "sprog"
VERSION = "v"


def map_context(request, *, plain: bool) -> dict:
    """The coverage map's summary (the legend's counts, its size, the modes' links), the URLs of
    its SVG and GeoJSON at the current version, and the tile settings the enhancement needs.
    The map is drawn once per version of the data (areas.maps.cached)."""
    tiles = settings.MAP_TILE_URL
    drawn = cached_coverage_map(selectors.map_areas, version=selectors.map_version(),
                                query=request.GET, plain=plain, with_geojson=bool(tiles))
    return {"coverage_map": drawn, "map_tile_url": tiles,
            "map_tile_attribution": settings.MAP_TILE_ATTRIBUTION,
            "map_svg_url": _url(URL_NAMES[plain], drawn.digest, drawn.mode),
            "map_geojson_url": _url(GEOJSON_URL_NAMES[plain], drawn.digest, drawn.mode)
            if tiles else ""}


def _url(name: str, digest: str, mode: str) -> str:
    params = {VERSION: digest, LANGUAGE: translation.get_language()}
    if mode:
        params[PARAMETER] = mode
    return f"{reverse(name)}?{urlencode(params)}"


def _serve(request, *, plain: bool, kind: str):
    """The map's `kind` (svg or geojson) at the version ?v= names. A URL without a version is
    sent on to the current one. A URL of another version (a page drawn before the data changed)
    gets the current map, not to be kept (no-cache): never a redirect, as two processes whose
    caches briefly disagree (areas.maps.cached) would send a frame back and forth."""
    language = request.GET.get(LANGUAGE)
    if language not in dict(settings.LANGUAGES):
        language = translation.get_language()
    tiles = bool(settings.MAP_TILE_URL)
    if kind == "geojson" and not tiles:
        raise Http404
    mode = map_mode(request.GET)
    with translation.override(language):
        kept = cached_map_resources(selectors.map_areas, version=selectors.map_version(),
                                    mode=mode, plain=plain, with_geojson=tiles)
        if not request.GET.get(VERSION):
            name = (URL_NAMES if kind == "svg" else GEOJSON_URL_NAMES)[plain]
            response = HttpResponseRedirect(_url(name, kept.digest, mode))
            response["Cache-Control"] = "no-cache"
            return response
    return respond(request, kept.svg if kind == "svg" else kept.geojson, private=not plain,
                   keep=request.GET[VERSION] == kept.digest)


# The SVG is shown in a frame of the pages on this site and nowhere else; it runs no script.
framed_here = csp_replace({"frame-ancestors": [SELF], "script-src": [NONE]})


@public
@require_safe
@xframe_options_sameorigin
@framed_here
def directory_map_svg(request):
    return _serve(request, plain=True, kind="svg")


@public
@require_safe
def directory_map_geojson(request):
    return _serve(request, plain=True, kind="geojson")


@coordinator_required
@require_safe
@xframe_options_sameorigin
@framed_here
def coordination_map_svg(request):
    return _serve(request, plain=False, kind="svg")


@coordinator_required
@require_safe
def coordination_map_geojson(request):
    return _serve(request, plain=False, kind="geojson")
