"""Public directory, area pages and "Mine områder"."""

from django.conf import settings
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET

from lokalkontakt.areas import selectors
from lokalkontakt.areas.forms import DirectorySearchForm
from lokalkontakt.areas.selectors_handover import handovers_to_act_on
from lokalkontakt.areas.selectors_onboarding import unfinished_checklists
from lokalkontakt.consultations.selectors import task_workload
from lokalkontakt.core.http import public
from lokalkontakt.core.permissions import staff_required
from lokalkontakt.inquiries.selectors import inquiry_workload
from lokalkontakt.knowledge.selectors import notes_of_area
from lokalkontakt.meetings.permissions import can_record_local_meeting
from lokalkontakt.meetings.selectors import (
    action_items,
    bulletins_for,
    local_meetings_of_area,
    next_meeting_for,
)
from lokalkontakt.people.forms_time import TimeEntryForm

PAGE_SIZE = 50


@public
def home(request):
    """Visitors get the directory; staff land on their own areas, council members on their
    council's page."""
    if request.user.has_perm("core.view_internal"):
        return redirect("mine")
    if request.user.has_perm("core.council"):
        return redirect("council:home")
    return directory(request)


@public
@require_GET
def directory(request):
    """Every local area with its council and contact; search and coverage filter.
    With htmx only the results are re-rendered."""
    form = DirectorySearchForm(request.GET or None)
    query = coverage = ""
    if form.is_valid():
        query, coverage = form.cleaned_data["q"], form.cleaned_data["coverage"]
    areas = selectors.directory_areas(query=query, coverage=coverage)
    page = Paginator(areas, PAGE_SIZE).get_page(request.GET.get("side"))
    template = "areas/directory.html#results" if request.htmx else "areas/directory.html"
    return render(request, template, {"form": form, "page": page, "query": query,
                                      "querystring": _without_page(request)})


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
    area = selectors.area_get(slug=slug)
    context = {"area": area, "map_tile_url": settings.MAP_TILE_URL,
               "map_tile_attribution": settings.MAP_TILE_ATTRIBUTION,
               "notes": notes_of_area(user=request.user, area=area)}
    if request.user.has_perm("core.view_internal"):
        context["history"] = selectors.area_assignment_history(area=area)
        context["events"] = selectors.area_events(area=area)
        context["can_manage_council"] = request.user.has_perm("councils.manage_members", area)
        context["local_meetings"] = local_meetings_of_area(area=area)
        context["can_record_meeting"] = can_record_local_meeting(request.user, area)
    return render(request, "areas/detail.html", context)


@staff_required
@require_GET
def mine(request):
    """Mine områder: the areas the signed-in employee covers now, with each council's details."""
    employee = getattr(request.user, "employee", None)
    areas = selectors.areas_of_employee(employee=employee)
    return render(request, "areas/mine.html", {
        "areas": areas, "employee": employee,
        "inquiries": inquiry_workload(user=request.user),
        "tasks": task_workload(user=request.user),
        "next_meeting": next_meeting_for(employee=employee),
        "open_actions": action_items(owner=employee).count() if employee else 0,
        "bulletins": bulletins_for(employee=employee),
        "onboarding": unfinished_checklists(employee=employee),
        "handovers": handovers_to_act_on(employee=employee),
        "time_form": TimeEntryForm(employee=employee) if employee and employee.is_active else None})
