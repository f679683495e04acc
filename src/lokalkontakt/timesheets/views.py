# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""Time registration: register in seconds (also from "Mine områder"), one's week and year against
the band, corrections; the overview by contact, area and core area for the coordinator and the
core-area leaders (its pages bounded: issue 20), and its XLSX export."""

import datetime
import re

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpResponseBadRequest
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from lokalkontakt.core.exports.respond import export_response
from lokalkontakt.core.forms import form_view
from lokalkontakt.core.permissions import staff_required
from lokalkontakt.core.text import format_duration, short_date
from lokalkontakt.people.permissions import active_employee, core_areas_overseen_by
from lokalkontakt.timesheets import capacity, exports, selectors
from lokalkontakt.timesheets.forms import CapacityFilterForm, TimeEntryForm
from lokalkontakt.timesheets.kept import KeptAreas, KeptOverview
from lokalkontakt.timesheets.permissions import time_entries_visible_to
from lokalkontakt.timesheets.services import (
    time_entry_create,
    time_entry_delete,
    time_entry_update,
)

WEEK = re.compile(r"^(\d{4})-W(\d{1,2})$")
PAGE_SIZE = 50


def _employee(request):
    employee = active_employee(request.user)
    if employee is None:
        raise PermissionDenied
    return employee


def _next_url(request, default: str) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()},
                                       require_https=request.is_secure()):
        return target
    return default


def _registered(entry) -> str:
    return _("Registered: %(duration)s on %(day)s.") % {
        "duration": format_duration(entry.minutes), "day": short_date(entry.day)}


@staff_required
@require_http_methods(["GET", "POST"])
def register(request):
    """Register time: the short form, also on "Mine områder", which it returns to."""
    employee = _employee(request)
    form = TimeEntryForm(request.POST or None, employee=employee,
                         initial={"area": request.GET.get("omraade")})
    return form_view(
        request, form=form, template="timesheets/time_form.html",
        context={"next": _next_url(request, "")},
        save=lambda data: time_entry_create(actor=request.user, **data),
        success=_registered, redirect_to=lambda entry: _next_url(request, "time:mine"),
        invalid_status=400)


def _week_start(value: str) -> datetime.date | None:
    match = WEEK.match(value)
    if not match or not 2000 <= int(match[1]) <= 2100:  # as the year; and no date overflow
        return None
    try:
        return datetime.date.fromisocalendar(int(match[1]), int(match[2]), 1)
    except ValueError:
        return None


@staff_required
@require_GET
def mine(request):
    """My time: a week (?uge=2026-W48, this week by default) or a year (?aar=2026)."""
    employee = _employee(request)
    if year := request.GET.get("aar"):
        if not year.isdigit() or not 2000 <= int(year) <= 2100:
            return HttpResponseBadRequest(_("The year must be written as four digits, e.g. 2026."))
        weeks = selectors.my_year(employee=employee, year=int(year))
        return render(request, "timesheets/time_year.html", {
            "year": int(year), "weeks": weeks, "total": sum(w.minutes for w in weeks)})
    monday = capacity.monday_of(timezone.localdate())
    if week := request.GET.get("uge"):
        monday = _week_start(week)
        if monday is None:
            return HttpResponseBadRequest(_("The week must be written as year and week, e.g. "
                                            "2026-W48."))
    return render(request, "timesheets/time_week.html", {
        "week": selectors.my_week(employee=employee, monday=monday),
        "form": TimeEntryForm(employee=employee),
        "previous": monday - datetime.timedelta(days=7),
        "next": monday + datetime.timedelta(days=7)})


@staff_required
@require_http_methods(["GET", "POST"])
def edit(request, pk):
    entry = get_object_or_404(time_entries_visible_to(request.user), pk=pk)
    form = TimeEntryForm(request.POST or None, employee=entry.employee,
                         initial=TimeEntryForm.initial_of(entry))
    return form_view(
        request, form=form, template="timesheets/time_form.html", context={"entry": entry},
        save=lambda data: time_entry_update(entry=entry, actor=request.user, **data),
        success=lambda _entry: _("The entry is saved."),
        redirect_to=lambda saved: _week_url(saved.day), invalid_status=400)


def _week_url(day: datetime.date) -> str:
    iso = day.isocalendar()
    return f"{reverse('time:mine')}?uge={iso.year}-W{iso.week:02d}"


@staff_required
@require_POST
def delete(request, pk):
    entry = get_object_or_404(time_entries_visible_to(request.user), pk=pk)
    time_entry_delete(entry=entry, actor=request.user)
    messages.success(request, _("The entry is deleted."))
    return redirect(_week_url(entry.day))


def _overview(request, select=selectors.overview):
    if not request.user.has_perm("core.see_capacity"):
        raise PermissionDenied
    core_areas = core_areas_overseen_by(request.user)
    form = CapacityFilterForm(request.GET or None, core_areas=core_areas)
    if request.GET and not form.is_valid():
        return form, None
    period = form.cleaned_data if request.GET else CapacityFilterForm.defaults()
    return form, select(user=request.user, **period)


def _filters(request) -> str:
    """The query string without the page: the filters the paging links and the export keep."""
    params = request.GET.copy()
    params.pop("side", None)
    return params.urlencode()


@staff_required
@require_GET
def overview(request):
    """Time per core area (with the totals), then per contact, 50 a page, for a period, against
    the band; the time per local area is a page of its own (overview_areas)."""
    form, found = _overview(request, select=KeptOverview)
    if found is None:
        return render(request, "timesheets/time_overview.html", {"form": form}, status=400)
    paginator = Paginator((), PAGE_SIZE)
    paginator.count = found.contact_count  # counted per core area, kept with them
    page = paginator.get_page(request.GET.get("side"))
    bottom = (page.number - 1) * PAGE_SIZE
    page.object_list = [mark_safe(row)  # noqa: S308 - escaped by tables.contact_rows
                        for row in found.rows(bottom, bottom + PAGE_SIZE)]
    return render(request, "timesheets/time_overview.html", {
        "form": form, "overview": found, "page": page, "querystring": _filters(request)})


@staff_required
@require_GET
def overview_areas(request):
    """Time per local area for a period, by name, 50 a page, and the time on no area."""
    form, found = _overview(request, select=KeptAreas)
    if found is None:
        return render(request, "timesheets/time_overview_areas.html", {"form": form}, status=400)
    paginator = Paginator((), PAGE_SIZE)
    paginator.count = found.area_count  # counted once per view, kept
    page = paginator.get_page(request.GET.get("side"))
    bottom = (page.number - 1) * PAGE_SIZE
    rows = [mark_safe(row)  # noqa: S308 - escaped by tables.area_rows
            for row in found.rows(bottom, bottom + PAGE_SIZE)]
    return render(request, "timesheets/time_overview_areas.html", {
        "form": form, "found": found, "querystring": _filters(request), "page": page,
        "rows": rows})


@staff_required
@require_GET
def export(request):
    """The overview as a spreadsheet: one sheet per view, kept until the data change; a large
    one is prepared by the worker (core.exports)."""
    form, found = _overview(request, select=exports.KeptFile)
    if found is None:
        return HttpResponseBadRequest(" ".join(form.non_field_errors()) or _("Check the period."))
    params = {"start": found.start, "end": found.end,
              "core_area": form.cleaned_data.get("core_area") if request.GET else None}
    # The file as kept or built once (exports.KeptFile); it holds no personal data to log.
    return export_response(request, name="timesheets.overview", params=params, rows=found.rows,
                           write=lambda _found: [], workbook=found)
