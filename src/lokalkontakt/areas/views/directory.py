# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""The public directory and the area pages."""

import hashlib
import re
from urllib.parse import urlencode

from django.conf import settings
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.urls import get_script_prefix
from django.utils import translation
from django.utils.cache import patch_vary_headers
from django.utils.safestring import mark_safe
from django.views.decorators.http import require_GET

from lokalkontakt.areas import selectors
from lokalkontakt.areas.addresses.forms import AddressForm
from lokalkontakt.areas.addresses.lookup import find_area
from lokalkontakt.areas.forms import DirectorySearchForm
from lokalkontakt.areas.maps import BY_ANSWER, PARAMETER
from lokalkontakt.areas.maps.cached import KEEP_SECONDS
from lokalkontakt.areas.models import Coverage, Participation
from lokalkontakt.areas.personal_data import naming_a_person
from lokalkontakt.areas.versions import kept_in
from lokalkontakt.areas.views import area_page
from lokalkontakt.areas.views.maps import map_context
from lokalkontakt.core.accesslog import record
from lokalkontakt.core.http import public
from lokalkontakt.core.links import url_of
from lokalkontakt.core.registry import area_panels, panels_for

PAGE_SIZE = 50


@public
@require_GET
def directory(request):
    """Every local area with its council and contact; search and coverage filter; the area of
    an address (`adresse`). With htmx only the results, or the address's area, are re-rendered.
    Without an address the content (or the results) is kept in the cache (_kept)."""
    if "adresse" in request.GET or (request.htmx and request.htmx.target == "address-result"):
        response = _with_address(request)
    elif _results_only(request):  # the map above the results stays as it is
        response = HttpResponse(_kept(request, "results"))
    else:
        response = render(request, "areas/directory.html", {
            "content": _kept(request, "content"), "map_tile_url": settings.MAP_TILE_URL})
    # the results alone and the whole page share the URL: a cache must tell them apart
    patch_vary_headers(response, ("HX-Request",))
    return response


def _results_only(request) -> bool:
    """htmx asks for the results (the search form's target), not for the whole page it needs
    after Back when its history cache misses (HX-History-Restore-Request)."""
    return bool(request.htmx and not request.htmx.history_restore_request
                and request.htmx.target in (None, "results"))


def _kept(request, part: str) -> str:
    """The page's content ("content") or its results ("results") as the cache holds them for
    this audience, language and query at the current version of the data, drawn again when the
    data have changed since (selectors.directory_version: one query a request). What is kept
    holds nothing of the visitor's own: staff and the public are kept apart (staff see deputies
    and a departed contact's name), and the layout around it is drawn for each request."""
    if not _keepable(request.GET):
        return mark_safe(_drawn(request, part))  # noqa: S308 - escaped by the templates
    version, key = selectors.directory_version(), _cache_key(request, part)
    cache = kept_in(chosen=bool(request.GET.get("q")))
    kept = cache.get(key)
    if kept is None or kept[0] != version:
        kept = (version, _drawn(request, part))
        cache.set(key, kept, KEEP_SECONDS)
    return mark_safe(kept[1])  # noqa: S308 - drawn from the templates, escaped there


def _drawn(request, part: str) -> str:
    context = _context(request, AddressForm(None), None, with_map=part == "content")
    name = "areas/_directory.html" if part == "content" else "areas/_directory.html#results"
    return str(render_to_string(name, context, request))


KEPT_PARAMETERS = {"q", "coverage", "side", PARAMETER}
PAGE_NUMBER = re.compile(r"[1-9][0-9]{0,4}")


def _keepable(query) -> bool:
    """Only the page's own parameters, each once and as the page writes them, are kept: any
    other (?utm_source=…, ?side=02, ?side=x) is drawn for the request alone, so that made-up
    URLs cannot fill the cache and push out what everyone uses."""
    if not set(query) <= KEPT_PARAMETERS or any(len(values) > 1 for _key, values in query.lists()):
        return False
    side, mode = query.get("side"), query.get(PARAMETER)
    return ((side is None or PAGE_NUMBER.fullmatch(side) is not None)
            and mode in (None, BY_ANSWER) and DirectorySearchForm(query).is_valid())


def _cache_key(request, part: str) -> str:
    audience = "staff" if request.user.has_perm("core.view_internal") else "public"
    query = hashlib.sha256(urlencode(sorted(request.GET.lists()), doseq=True).encode())
    return (f"areas.directory.{part}:{audience}:{translation.get_language()}:"
            f"{get_script_prefix()}:{query.hexdigest()}")


def _with_address(request):
    """The page with the area of an address looked up (never kept: it is the visitor's own
    question, answered by the address service)."""
    address_form, address_result = AddressForm(request.GET if "adresse" in request.GET else None), None
    if address_form.is_valid():
        address_result = find_area(address_form.cleaned_data["adresse"],
                                   areas=selectors.areas_with_contacts().order_by("sort_name"))
    if request.htmx and request.htmx.target == "address-result":
        return render(request, "areas/_address_search.html#address_result",
                      {"address_form": address_form, "address_result": address_result})
    context = _context(request, address_form, address_result, with_map=True)
    return render(request, "areas/directory.html", {
        "content": render_to_string("areas/_directory.html", context, request),
        "map_tile_url": settings.MAP_TILE_URL})


def _context(request, address_form, address_result, *, with_map: bool) -> dict:
    form = DirectorySearchForm(request.GET or None)
    query = coverage = ""
    if form.is_valid():
        query, coverage = form.cleaned_data["q"], form.cleaned_data["coverage"]
    areas = selectors.directory_areas(query=query, coverage=coverage, areas=selectors.directory_rows())
    page = Paginator(areas, PAGE_SIZE).get_page(request.GET.get("side"))
    context = {"form": form, "page": page, "rows": directory_rows(page.object_list),
               "query": query, "querystring": _without_page(request),
               "address_form": address_form, "address_result": address_result}
    if with_map:
        context.update(map_context(request, plain=True))
    return context


def directory_rows(areas) -> list:
    """The directory's rows: each area with its link (`detail_url`), its contact and deputy (the
    employees, or None), its coverage badge (`badge`) and its council's answer in lower case
    (`answer`). Worked out here once a page rather than by the template once a row: links,
    labels and the badges' markup were most of the directory's time (issue 20)."""
    detail_url = url_of("areas:detail", "slug")
    answers = {value: str(label).lower() for value, label in Participation.choices}
    badges = _badges(translation.get_language())
    rows = list(areas)
    for area in rows:
        primary, deputy = area.primary_assignment, area.deputy_assignment
        area.detail_url = detail_url(area.slug)
        area.contact = primary.employee if primary else None
        area.deputy = deputy.employee if deputy else None
        area.badge = badges[area.coverage]
        area.answer = answers.get(area.participation, area.participation)
    return rows


_BADGES: dict[str, dict] = {}


def _badges(language: str) -> dict:
    """The public badge of each coverage state (areas/_coverage_badge.html), drawn once per
    language for the life of the process: it depends on nothing else."""
    if language not in _BADGES:
        _BADGES[language] = {
            state: render_to_string("areas/_coverage_badge.html",
                                    {"area": {"coverage": state}, "plain": True})
            for state in Coverage.values}
    return _BADGES[language]


def _without_page(request) -> str:
    params = request.GET.copy()
    params.pop("side", None)
    return params.urlencode()


@public
@require_GET
def detail(request, slug):
    """An area's page: facts, council, contact and deputy, projects, map point, and the latest
    notes the visitor may read.
    Staff also see internal details and the dated history."""
    if area_page.keeps(request):  # the area's own parts as kept for everyone (area_page)
        area, kept = area_page.kept_page(request, slug)
        return render(request, "areas/detail.html", {
            "area": area, "kept": kept, "panels": panels_for(area_panels, request, area=area)})
    area = selectors.area_get(slug=slug)
    context = {"area": area, "map_tile_url": settings.MAP_TILE_URL,
               "map_tile_attribution": settings.MAP_TILE_ATTRIBUTION,
               "panels": panels_for(area_panels, request, area=area)}
    if request.user.has_perm("core.view_internal"):
        context["history"] = selectors.area_assignment_history(area=area)
        context["events"] = events = list(selectors.area_events(area=area))
        record(request, naming_a_person(events))  # council members' names
        context["can_manage_council"] = request.user.has_perm("councils.manage_members", area)
    return render(request, "areas/detail.html", context)
