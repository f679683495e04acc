# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""The coordinator's pages: the coverage overview's map and lists (the overview itself:
areas.views.overview), assignments, handovers, answers, area facts."""

from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
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
from lokalkontakt.areas.views.maps import map_context
from lokalkontakt.areas.views.overview import RowLinks, with_planned_handovers
from lokalkontakt.core.forms import form_view
from lokalkontakt.core.permissions import coordinator_required

LIST_PAGE_SIZE = 50


@coordinator_required
@require_GET
def coverage_map(request):
    """Every area on the map, coloured by coverage in the coordinator's terms (or, ?kort=svar,
    by the council's answer); the map itself is its own resource (areas.views.maps)."""
    return render(request, "areas/overview_map.html", map_context(request, plain=False))


# The overview's paged lists: the URL's word -> (heading, the rows' partial in
# areas/_overview_rows.html, the rows).
OVERVIEW_LISTS = {
    "uden-kontakt": (gettext_lazy("Areas without a contact"), "uncovered",
                     lambda: selectors.area_group("uncovered")),
    "overdragelse": (gettext_lazy("Handover due"), "handover",
                     lambda: selectors.area_group("handover")),
    "takket-nej": (gettext_lazy("Areas whose council declined"), "declined",
                   lambda: selectors.area_group("declined")),
    "ikke-svaret": (gettext_lazy("Areas whose council has not answered"), "unanswered",
                    lambda: selectors.area_group("unanswered")),
    "konflikter": (gettext_lazy("Conflicts in the sources"), "conflicts",
                   selectors.source_conflicts),
    "lokalkontakter": (gettext_lazy("Areas per contact"), "contacts",
                       selectors.contacts_with_area_counts),
}


@coordinator_required
@require_GET
def overview_list(request, name):
    """One of the overview's lists in full, in Danish order, LIST_PAGE_SIZE rows a page (?side=N)."""
    if name not in OVERVIEW_LISTS:
        raise Http404
    heading, rows, queryset = OVERVIEW_LISTS[name]
    page = Paginator(queryset(), LIST_PAGE_SIZE).get_page(request.GET.get("side"))
    RowLinks().add(rows, page.object_list)
    return render(request, "areas/overview_list.html", {
        "heading": heading, "page": page, "rows_template": f"areas/_overview_rows.html#{rows}",
        "rows": with_planned_handovers(page.object_list) if rows == "handover" else page,
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
