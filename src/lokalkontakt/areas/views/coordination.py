# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""The coordinator's pages: coverage overview, assignments, handovers, answers, area facts."""

from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from lokalkontakt.areas import selectors, services
from lokalkontakt.areas.forms import (
    AreaForm,
    AssignmentForm,
    EndAssignmentForm,
    HandoverForm,
    ParticipationForm,
)
from lokalkontakt.areas.models import Assignment, LocalArea
from lokalkontakt.areas.personal_data import naming_a_person
from lokalkontakt.areas.views.directory import map_context
from lokalkontakt.core.accesslog import record
from lokalkontakt.core.forms import form_view
from lokalkontakt.core.permissions import coordinator_required
from lokalkontakt.core.registry import planned_handover_links
from lokalkontakt.core.selectors import emails_failed_count

OVERVIEW_LIST_LIMIT = 50


@coordinator_required
@require_GET
def overview(request):
    """Coverage at a glance: the map, gaps, handovers, answers, contacts per core area and per person;
    and how many e-mails failed (the link to them)."""
    recent_events = list(selectors.recent_events(limit=15))
    record(request, naming_a_person(recent_events))  # council members' names
    overview = selectors.coverage_overview()
    planned = planned_handover_links([area.pk for area in overview.handover[:OVERVIEW_LIST_LIMIT]])
    return render(request, "areas/overview.html", {
        "overview": overview, **map_context(request, overview.areas, plain=False),
        # the areas due a handover, each with its planned handover's page (or none yet)
        "handovers_due": [(area, planned.get(area.pk)) for area in overview.handover],
        "recent_events": recent_events,
        "failed_email_count": emails_failed_count(),
        # Long lists are cut; the directory's coverage filter shows the rest.
        "list_slice": f":{OVERVIEW_LIST_LIMIT}", "list_limit": OVERVIEW_LIST_LIMIT,
        "minus_limit": -OVERVIEW_LIST_LIMIT,
    })


def _form_view(request, **kwargs):
    """The shared form flow; after saving, back to the area (or to what was created)."""
    area = kwargs["context"].get("area")
    return form_view(request, redirect_to=lambda result: (area or result).get_absolute_url(),
                     **kwargs)


@coordinator_required
def assign(request, slug):
    area = get_object_or_404(LocalArea, slug=slug)
    # ?medarbejder=<pk>: chosen beforehand, from a suggestion or an accepted nomination.
    form = AssignmentForm(request.POST or None, area=area,
                          initial={"employee": request.GET.get("medarbejder")})
    return _form_view(
        request, form=form, template="areas/assign.html",
        context={"area": area, "council_warning": services.council_warning(area)},
        save=lambda data: services.assignment_create(area=area, actor=request.user,
                                                     **form.assignment_data()),
        success=lambda a: _("%(name)s is now %(role)s for %(area)s.") % {
            "name": a.employee, "role": a.get_role_display().lower(), "area": area},
    )


@coordinator_required
def end_assignment(request, pk):
    assignment = get_object_or_404(Assignment.objects.select_related("area", "employee"), pk=pk,
                                   ends_on__isnull=True)
    form = EndAssignmentForm(request.POST or None)
    return _form_view(
        request, form=form, template="areas/end_assignment.html",
        context={"area": assignment.area, "assignment": assignment},
        save=lambda data: services.assignment_end(assignment=assignment, actor=request.user,
                                                  **data),
        success=lambda a: _("The assignment of %(name)s in %(area)s has ended.") % {
            "name": a.employee, "area": a.area},
    )


@coordinator_required
def handover(request, pk):
    assignment = get_object_or_404(Assignment.objects.select_related("area", "employee"), pk=pk,
                                   ends_on__isnull=True)
    form = HandoverForm(request.POST or None,
                        initial={"due": "0" if assignment.handover_due else "1"})
    return _form_view(
        request, form=form, template="areas/handover.html",
        context={"area": assignment.area, "assignment": assignment},
        save=lambda data: services.handover_mark(assignment=assignment, actor=request.user, **data),
        success=lambda a: _("A handover is due for %(area)s.") % {"area": a.area}
        if a.handover_due else _("No handover is due for %(area)s.") % {"area": a.area},
    )


@coordinator_required
def participation(request, slug):
    area = get_object_or_404(LocalArea, slug=slug)
    form = ParticipationForm(request.POST or None, initial={
        "invited_on": area.invited_on, "answer": area.participation,
        "answered_on": area.participation_date, "note": area.participation_note})
    return _form_view(
        request, form=form, template="areas/participation.html", context={"area": area},
        save=lambda data: services.participation_record(area=area, actor=request.user, **data),
        success=lambda a: _("The council's answer for %(area)s is saved.") % {"area": a},
    )


@coordinator_required
def edit(request, slug):
    area = get_object_or_404(LocalArea.objects.select_related("council"), slug=slug)
    form = AreaForm(request.POST or None, instance=area)
    return _form_view(
        request, form=form, template="areas/edit.html", context={"area": area},
        save=lambda data: services.area_update(area=area, actor=request.user,
                                               council=form.council_data(), **form.area_data()),
        success=lambda a: _("%(area)s is saved.") % {"area": a},
    )


@coordinator_required
def create(request):
    form = AreaForm(request.POST or None)

    def save(data):
        area_data = form.area_data()
        area = services.area_create(actor=request.user, **area_data)
        services.council_save(area=area, **form.council_data())
        return area

    return _form_view(request, form=form, template="areas/edit.html", context={}, save=save,
                      success=lambda a: _("%(area)s is created.") % {"area": a})
