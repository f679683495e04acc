# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""The agenda: proposing and editing items, the coordinator's ordering and decisions, attendance
and the minutes of each item."""

import re

from django.contrib import messages
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_http_methods

from lokalkontakt.areas.models import LocalArea
from lokalkontakt.core.forms import form_view
from lokalkontakt.core.permissions import coordinator_required, staff_required
from lokalkontakt.meetings import permissions, selectors
from lokalkontakt.meetings.forms import ArrangeForm, AttendanceForm, ItemForm, MinutesForm
from lokalkontakt.meetings.paging import ARRANGE_PAGE_SIZE, ATTENDANCE_PAGE_SIZE, FORM_PAGE_PARAM
from lokalkontakt.meetings.services.agenda import agenda_arrange, item_propose, item_update
from lokalkontakt.meetings.services.attendance import attendance_record
from lokalkontakt.meetings.services.minutes import item_minutes

# An id as a form field's name carries it: digits only (not "²", which str.isdigit accepts), and
# few enough for the database's integers.
POSTED_ID = re.compile(r"[0-9]{1,18}")


def _area_of_link(request):
    """The area a link names with ?omraade=<slug>, as the links to the other forms do."""
    slug = request.GET.get("omraade")
    return LocalArea.objects.filter(slug=slug).values_list("pk", flat=True).first() if slug else None


def _posted(request, prefix: str) -> list[int]:
    """The ids in a sent form's `<prefix><id>` fields: the rows of the page it was sent from.
    A field whose suffix is not such an id is not a row, and is ignored."""
    return [int(key[len(prefix):]) for key in request.POST
            if key.startswith(prefix) and POSTED_ID.fullmatch(key[len(prefix):])]


def _form_page(request, rows, size: int):
    """The form's page of `rows` named by ?side= (the one a sent form was sent from)."""
    return Paginator(rows, size).get_page(request.GET.get(FORM_PAGE_PARAM))


def _after_save(request, meeting, page):
    """Back to the page of a paged form the coordinator saved, to go on with the next; a form
    of one page returns to the meeting."""
    if page.paginator.num_pages < 2:
        return redirect(meeting)
    return redirect(f"{request.path}?{FORM_PAGE_PARAM}={page.number}")


@staff_required
@require_http_methods(["GET", "POST"])
def propose(request, pk):
    meeting = selectors.meeting_get(pk=pk)
    if not permissions.can_propose(request.user, meeting):
        return render(request, "meetings/closed_for_proposals.html", {"meeting": meeting},
                      status=403)
    return form_view(
        request, form=ItemForm(request.POST or None, initial={"area": _area_of_link(request)}),
        template="meetings/item_form.html", context={"meeting": meeting},
        save=lambda data: item_propose(meeting=meeting, actor=request.user, **data),
        success=lambda _item: _("Your item is proposed. The coordinator puts it on the agenda."),
        redirect_to=lambda item: item.get_absolute_url(), invalid_status=400)


@staff_required
@require_http_methods(["GET", "POST"])
def item_edit(request, pk):
    item = permissions.access_item_to_edit(user=request.user, pk=pk)
    return form_view(
        request, form=ItemForm(request.POST or None, initial=ItemForm.initial_of(item)),
        template="meetings/item_form.html", context={"meeting": item.meeting, "item": item},
        save=lambda data: item_update(item=item, actor=request.user, **data),
        success=lambda _item: _("The item is saved."),
        redirect_to=lambda saved: saved.get_absolute_url(), invalid_status=400)


@coordinator_required
@require_http_methods(["GET", "POST"])
def arrange(request, pk):
    """Order the items, put proposals on the agenda or defer them to the next meeting: a page of
    items at a time (?side=), and a save changes the items of the page it was sent from."""
    meeting = selectors.meeting_get(pk=pk)
    items = (meeting.items.select_related("proposed_by")
             .only("meeting_id", "title", "position", "status", "proposed_by__name")
             .order_by("position", "pk"))
    page = _form_page(request, items, ARRANGE_PAGE_SIZE)
    rows = items.filter(pk__in=_posted(request, "position_")) if request.method == "POST" \
        else page.object_list
    form = ArrangeForm(request.POST or None, items=rows)
    if request.method == "POST" and form.is_valid():
        moved = agenda_arrange(meeting=meeting, actor=request.user, changes=form.changes())
        message = _("The agenda is saved.")
        if moved:
            message += " " + ngettext("%(count)d item is moved to the next meeting.",
                                      "%(count)d items are moved to the next meeting.",
                                      moved) % {"count": moved}
        messages.success(request, message)
        return _after_save(request, meeting, page)
    return render(request, "meetings/arrange.html", {"form": form, "meeting": meeting,
                                                     "page": page},
                  status=400 if form.errors else 200)


@coordinator_required
@require_http_methods(["GET", "POST"])
def attendance(request, pk):
    """Who came: a page of participants at a time (?side=); a save records the page it was sent
    from."""
    meeting = selectors.meeting_get(pk=pk)
    attendances = selectors.attendances(meeting=meeting)
    page = _form_page(request, attendances, ATTENDANCE_PAGE_SIZE)
    rows = attendances.filter(pk__in=_posted(request, "attendance_")) \
        if request.method == "POST" else page.object_list
    form = AttendanceForm(request.POST or None, attendances=rows)
    if request.method == "POST" and form.is_valid():
        attendance_record(meeting=meeting, actor=request.user, statuses=form.statuses())
        messages.success(request, _("The attendance is saved."))
        return _after_save(request, meeting, page)
    return render(request, "meetings/attendance.html", {"form": form, "meeting": meeting,
                                                        "page": page},
                  status=400 if form.errors else 200)


@coordinator_required
@require_http_methods(["GET", "POST"])
def minutes(request, pk):
    """The minutes of one item: decisions, experiences and challenges."""
    item = selectors.item_get(pk=pk)
    form = MinutesForm(request.POST or None, initial={
        "decisions": item.decisions, "experiences": item.experiences,
        "challenges": item.challenges})
    return form_view(
        request, form=form, template="meetings/minutes_form.html",
        context={"meeting": item.meeting, "item": item},
        save=lambda data: item_minutes(item=item, actor=request.user, **data),
        success=lambda _item: _("The minutes of the item are saved."),
        redirect_to=lambda saved: saved.get_absolute_url(), invalid_status=400)
