# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""Handovers: the coordinator's list and forms; the handover's page for the coordinator and the two
employees it concerns, where the leaving contact writes the note and the new contact confirms."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from lokalkontakt.areas.selectors import areas_with_contacts
from lokalkontakt.core.forms import form_view
from lokalkontakt.core.links import url_of
from lokalkontakt.core.permissions import coordinator_required, staff_required
from lokalkontakt.core.recipients import no_email_warnings, reach_notice
from lokalkontakt.core.text import short_date
from lokalkontakt.handovers import selectors, services
from lokalkontakt.handovers.forms import (
    HandoverCancelForm,
    HandoverNoteForm,
    HandoverRescheduleForm,
    HandoverStartForm,
)
from lokalkontakt.handovers.kept import kept_list_body
from lokalkontakt.handovers.models import Handover
from lokalkontakt.handovers.permissions import can_confirm_handover, can_write_handover_note


@coordinator_required
@require_GET
def handover_list(request):
    """Every handover, paged (?side=): the planned ones first, then the completed and cancelled;
    the first page also names the first areas due without a handover and counts the rest. Each
    page is kept until the handovers, areas, employees or assignments change (handovers.kept)."""
    side = request.GET.get("side")
    body = kept_list_body(side, lambda: render_to_string(
        "handovers/_handover_list_body.html", _list_context(side)))
    return render(request, "handovers/handover_list.html", {"body": body})


def _list_context(side) -> dict:
    counts = selectors.handover_counts()
    paginator = Paginator(selectors.handovers_in_list_order(), selectors.PAGE_SIZE)
    paginator.count = counts["planned"] + counts["finished"]  # counted above, not again
    page = paginator.get_page(side)
    rows = selectors.list_rows(page.object_list)
    detail_url = url_of("handovers:detail")  # reversed once, not once a row
    written, not_written = _("Written %(date)s"), _("Not written yet")
    for row in rows:
        row.url = detail_url(row.pk)
        row.switch_on_text = short_date(row.switch_on)
        row.note_text = (written % {"date": short_date(timezone.localtime(row.note_written_at))}
                         if row.note_written_at else not_written)
    context = {"page": page, "counts": counts,
               "planned": [row for row in rows if row.status == Handover.Status.PLANNED],
               "finished": [row for row in rows if row.status != Handover.Status.PLANNED]}
    if page.number == 1:
        due, total = selectors.due_rows(limit=selectors.DUE_SHOWN)
        area_url, start_url = url_of("areas:detail", "slug"), url_of("handovers:new", "slug")
        start = _('Start a handover <span class="sr-only">of %(name)s</span>')
        for area in due:
            area["url"], area["start_url"] = area_url(area["slug"]), start_url(area["slug"])
            area["start_label"] = mark_safe(start % {"name": escape(area["name"])})  # noqa: S308
        context["due_areas"], context["due_rest"] = due, total - len(due)
    return context


@coordinator_required
@require_http_methods(["GET", "POST"])
def start(request, slug):
    area = get_object_or_404(areas_with_contacts(), slug=slug)
    planned = selectors.handover_planned_for_area(area=area)
    if planned is not None:
        messages.info(request, _("A handover of %(area)s is already planned.") % {"area": area})
        return redirect("handovers:detail", pk=planned.pk)
    current = area.primary_assignment
    form = HandoverStartForm(request.POST or None,
                             current=current.employee if current else None)
    return form_view(
        request, form=form, template="handovers/handover_start.html",
        context={"area": area, "current": current, "no_email_warnings": no_email_warnings(
            [current.employee] if current else [], stand_in=services.deputy_of(area),
            needs_login=True)},
        save=lambda data: services.handover_start(area=area, actor=request.user, **data),
        success=lambda handover: reach_notice(_("The handover of %(area)s to %(name)s is planned.")
                                              % {"area": area, "name": handover.to_employee},
                                              handover.reach),
        redirect_to=lambda handover: _detail_url(handover), invalid_status=400)


def _detail_url(handover: Handover) -> str:
    return reverse("handovers:detail", kwargs={"pk": handover.pk})


@staff_required
@require_GET
def detail(request, pk):
    handover = selectors.handover_get(user=request.user, pk=pk)
    return render(request, "handovers/handover_detail.html", {
        "handover": handover, "history": selectors.handover_history(handover=handover),
        "may_write_note": can_write_handover_note(request.user, handover),
        "may_confirm": can_confirm_handover(request.user, handover)})


@staff_required
@require_http_methods(["GET", "POST"])
def note(request, pk):
    handover = selectors.handover_get(user=request.user, pk=pk)
    if handover.status != Handover.Status.PLANNED:
        return _not_planned(request, handover)
    if not can_write_handover_note(request.user, handover):
        raise PermissionDenied
    form = HandoverNoteForm(request.POST or None,
                            initial={"handover_note": handover.handover_note})
    return form_view(
        request, form=form, template="handovers/handover_note.html", context={"handover": handover},
        save=lambda data: services.handover_note_save(handover=handover, actor=request.user,
                                                      note=data["handover_note"]),
        success=lambda saved: reach_notice(_("The handover note is saved."), saved.reach),
        redirect_to=_detail_url,
        invalid_status=400)


@staff_required
@require_POST
def confirm(request, pk):
    handover = selectors.handover_get(user=request.user, pk=pk)
    if handover.status != Handover.Status.PLANNED:
        return _not_planned(request, handover)
    if not can_confirm_handover(request.user, handover):
        raise PermissionDenied
    services.handover_confirm(handover=handover, actor=request.user)
    messages.success(request, _("You have confirmed that you take over %(area)s from %(date)s.")
                     % {"area": handover.area, "date": short_date(handover.switch_on)})
    return redirect(_detail_url(handover))


@coordinator_required
@require_http_methods(["GET", "POST"])
def reschedule(request, pk):
    handover = selectors.handover_get(user=request.user, pk=pk)
    if handover.status != Handover.Status.PLANNED:
        return _not_planned(request, handover)
    form = HandoverRescheduleForm(request.POST or None, initial={"switch_on": handover.switch_on})
    return form_view(
        request, form=form, template="handovers/handover_reschedule.html",
        context={"handover": handover, "no_email_warnings": _warnings(handover)},
        save=lambda data: services.handover_reschedule(handover=handover, actor=request.user,
                                                       **data),
        success=lambda saved: reach_notice(_("The handover is moved to %(date)s.") % {
            "date": short_date(saved.switch_on)}, saved.reach),
        redirect_to=_detail_url, invalid_status=400)


@coordinator_required
@require_http_methods(["GET", "POST"])
def cancel(request, pk):
    handover = selectors.handover_get(user=request.user, pk=pk)
    if handover.status != Handover.Status.PLANNED:
        return _not_planned(request, handover)
    form = HandoverCancelForm(request.POST or None)
    return form_view(
        request, form=form, template="handovers/handover_cancel.html",
        context={"handover": handover, "no_email_warnings": _warnings(handover)},
        save=lambda data: services.handover_cancel(handover=handover, actor=request.user,
                                                   reason=data["cancel_reason"]),
        success=lambda saved: reach_notice(_("The handover of %(area)s is cancelled.")
                                           % {"area": saved.area}, saved.reach),
        redirect_to=_detail_url, invalid_status=400)


def _warnings(handover: Handover) -> list[str]:
    """Before moving or cancelling: who of the two gets no e-mail, and who gets it instead."""
    return no_email_warnings([handover.from_employee, handover.to_employee],
                             stand_in=services.deputy_of(handover.area))


def _not_planned(request, handover):
    messages.error(request, _("The handover is no longer planned."))
    return redirect(_detail_url(handover))
