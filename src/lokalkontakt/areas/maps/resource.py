# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""The coverage map as resources of their own: the SVG document the pages show in a frame, and
the GeoJSON the tiles' enhancement reads. Each is written, compressed and hashed once per
drawing (areas.maps.cached) and served under a URL that carries the hash (?v=), so a browser
keeps it for a year and asks again only when the map has changed; the pages stay small however
many areas there are."""

import gzip
import hashlib
import re
from dataclasses import dataclass
from html import escape

from django.http import HttpResponse, HttpResponseNotModified
from django.templatetags.static import static
from django.utils.cache import parse_etags, patch_vary_headers
from django.utils.translation import gettext as _

YEAR = 365 * 24 * 3600
ACCEPTS_GZIP = re.compile(r"\bgzip\b")


@dataclass(frozen=True)
class Resource:
    body: bytes
    gzipped: bytes
    content_type: str
    etag: str  # strong: the hash of the body (the gzipped body's is this with "-gz")


def resource(text: str, content_type: str) -> Resource:
    body = text.encode()
    # mtime=0: the same body gives the same bytes, whichever process wrote it
    return Resource(body=body, gzipped=gzip.compress(body, compresslevel=6, mtime=0),
                    content_type=content_type, etag=hashlib.sha256(body).hexdigest()[:24])


def digest(*resources: Resource | None) -> str:
    """The version of the map's resources together: what the pages put in their URLs."""
    return hashlib.sha256("".join(r.etag for r in resources if r).encode()).hexdigest()[:16]


def respond(request, kept: Resource, *, private: bool, keep: bool = True) -> HttpResponse:
    """`kept` for a URL that names its version: cached for a year (by the browser alone when
    `private`; not at all unless `keep`: the URL named another version), 304 when the browser
    has it (If-None-Match), gzipped when the browser takes it."""
    zipped = bool(ACCEPTS_GZIP.search(request.headers.get("Accept-Encoding", "")))
    etag = f'"{kept.etag}-gz"' if zipped else f'"{kept.etag}"'
    known = parse_etags(request.headers.get("If-None-Match", ""))
    if "*" in known or f'"{kept.etag}-gz"' in known or f'"{kept.etag}"' in known:
        response = HttpResponseNotModified()
    else:
        response = HttpResponse(kept.gzipped if zipped else kept.body,
                                content_type=kept.content_type)
        if zipped:
            response["Content-Encoding"] = "gzip"
    response["ETag"] = etag
    response["Cache-Control"] = (f"{'private' if private else 'public'}, max-age={YEAR}, immutable"
                                 if keep else f"{'private' if private else 'public'}, no-cache")
    patch_vary_headers(response, ("Accept-Encoding",))
    return response


def svg_document(drawn) -> str:
    """The map (an areas.maps.CoverageMap) as a standalone SVG document: the fills' patterns,
    one link per area, and the style sheet for the outlines and the focused link."""
    patterns = "".join(_pattern(state) for state, _count in drawn.legend)
    title = escape(_("Map of the local areas"))
    return ('<?xml version="1.0" encoding="UTF-8"?>\n'
            f'<?xml-stylesheet type="text/css" href="{escape(static("css/map-svg.css"))}"?>\n'
            '<svg xmlns="http://www.w3.org/2000/svg" class="coverage-map__svg" '
            f'viewBox="0 0 {drawn.width} {drawn.height}" width="100%" height="100%" '
            f'role="group" aria-labelledby="map-title"><title id="map-title">{title}</title>'
            f"<defs>{patterns}</defs>\n{drawn.svg_links}\n</svg>\n")


def _pattern(state) -> str:
    turned = ' patternTransform="rotate(45)"' if state.style == "hatch" else ""
    mark = {"hatch": '<rect width="3" height="8" fill="#ffffff"/>',
            "dots": '<circle cx="4" cy="4" r="1.9" fill="#ffffff"/>'}.get(state.style, "")
    return (f'<pattern id="map-fill-{state.value}" patternUnits="userSpaceOnUse" width="8" '
            f'height="8"{turned}><rect width="8" height="8" fill="{state.colour}"/>{mark}</pattern>')
