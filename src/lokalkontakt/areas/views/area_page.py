# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""The public area page's own parts kept in the cache, as the directory keeps its content
(areas.views.directory): drawn once per area, language and site address for every visitor
who is not staff, and drawn again when the version of what they show has changed (one query a
request). Issue 20: reading the area with its contacts, council and projects and drawing them
was three quarters of the page's time.

What is kept holds nothing of the visitor's own: staff (coordinator's links, the contact's
start date, the council's chair, the history, whose reading is logged) are drawn for each
request and never kept; the layout around the kept parts and the panels between them (the
notes a visitor may read, drawn by their apps for each request) neither."""

from django.conf import settings
from django.shortcuts import get_object_or_404
from django.template.loader import render_to_string
from django.urls import get_script_prefix
from django.utils import translation
from django.utils.safestring import mark_safe

from lokalkontakt.areas import selectors
from lokalkontakt.areas.maps.cached import KEEP_SECONDS
from lokalkontakt.areas.models import Assignment, Council, LocalArea
from lokalkontakt.areas.versions import data_version, kept_in
from lokalkontakt.people.models import CoreArea, Employee

PARTS = ("top", "facts")
# What the layout and the panels read of the area when its parts are kept: a panel reading
# another field loads it (a deferred field), so nothing is shown stale or empty.
AREA_FIELDS = ("pk", "slug", "name", "latitude")


def keeps(request) -> bool:
    """Whether the visitor sees the page everyone outside the staff sees."""
    return not (request.user.has_perm("core.view_internal")
                or request.user.has_perm("core.coordinate"))


def area_page_version() -> str:
    """Changes whenever the kept parts may change: the area, its council, its contacts (their
    names, titles, core areas) and its development projects (titles, leads, status, and which
    areas they are in)."""
    projects = LocalArea._meta.get_field("projects")
    return data_version(LocalArea, Assignment, Council, Employee, CoreArea,
                        projects.related_model, projects.through)


def kept_page(request, slug: str):
    """(area, kept parts) for the page: the area with only AREA_FIELDS read, and the parts
    drawn from the whole area (selectors.area_get) when the kept copy is older than the
    data; 404 when there is no such area."""
    key = f"areas.page:{slug}:{translation.get_language()}:{get_script_prefix()}"
    # One copy per area and language: as many as there are areas, kept apart from the pages
    # everyone reads (the directory, the map), which a crawler's walk over every area's page
    # would otherwise push out of the default cache.
    version, cache = area_page_version(), kept_in(chosen=True)
    kept = cache.get(key)
    if kept is not None and kept[0] == version:
        area = get_object_or_404(LocalArea.objects.only(*AREA_FIELDS), slug=slug)
        return area, {part: mark_safe(html) for part, html in kept[1].items()}  # noqa: S308 - drawn from the templates, escaped there
    area = selectors.area_get(slug=slug)
    context = {"area": area, "map_tile_url": settings.MAP_TILE_URL,
               "map_tile_attribution": settings.MAP_TILE_ATTRIBUTION}
    parts = {part: str(render_to_string(f"areas/detail.html#{part}", context, request))
             for part in PARTS}
    cache.set(key, (version, parts), KEEP_SECONDS)
    return area, {part: mark_safe(html) for part, html in parts.items()}  # noqa: S308 - as above
