# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""The local meetings contacts attend in their areas: recording, changing and deleting one."""

from django.contrib import messages
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from lokalkontakt.areas.models import LocalArea
from lokalkontakt.core.forms import form_view
from lokalkontakt.core.permissions import staff_required
from lokalkontakt.meetings import permissions
from lokalkontakt.meetings.forms import LocalMeetingForm
from lokalkontakt.meetings.services.local_meetings import (
    local_meeting_create,
    local_meeting_delete,
    local_meeting_update,
)


@staff_required
@require_http_methods(["GET", "POST"])
def local_new(request):
    """Record a meeting attended in one of one's areas; it shows on the area's page."""
    areas = permissions.access_areas_to_record_for(user=request.user)
    area = areas.filter(slug=request.GET.get("omraade", "")).first()
    form = LocalMeetingForm(request.POST or None, areas=areas, initial={
        "area": area.pk if area else None, "held_on": timezone.localdate()})
    return form_view(
        request, form=form, template="meetings/local_form.html", context={},
        save=lambda data: local_meeting_create(actor=request.user, **data),
        success=lambda _meeting: _("The meeting is recorded."),
        redirect_to=lambda meeting: meeting.area, invalid_status=400)


@staff_required
@require_http_methods(["GET", "POST"])
def local_edit(request, pk):
    local_meeting = permissions.access_local_meeting_to_change(user=request.user, pk=pk)
    areas = LocalArea.objects.filter(pk=local_meeting.area_id)
    form = LocalMeetingForm(request.POST or None, areas=areas, initial={
        "area": local_meeting.area_id, "kind": local_meeting.kind,
        "held_on": local_meeting.held_on, "note": local_meeting.note})
    return form_view(
        request, form=form, template="meetings/local_form.html",
        context={"local_meeting": local_meeting},
        save=lambda data: local_meeting_update(
            local_meeting=local_meeting, actor=request.user, kind=data["kind"],
            held_on=data["held_on"], note=data["note"]),
        success=lambda _meeting: _("The meeting is saved."),
        redirect_to=lambda meeting: meeting.area, invalid_status=400)


@staff_required
@require_POST
def local_delete(request, pk):
    local_meeting = permissions.access_local_meeting_to_change(user=request.user, pk=pk)
    area = local_meeting.area
    local_meeting_delete(local_meeting=local_meeting, actor=request.user)
    messages.success(request, _("The meeting is deleted."))
    return redirect(area)
