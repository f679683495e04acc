# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""Coordination meetings: the list, a meeting's page (agenda, follow-up, attendance, minutes and
action items), planning a series, moving and cancelling a meeting, and sending agenda and minutes.
Staff read; the coordinator changes (services check again)."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from lokalkontakt.core.forms import form_view
from lokalkontakt.core.permissions import coordinator_required, staff_required
from lokalkontakt.core.recipients import no_email_warnings, reach_notice
from lokalkontakt.core.roles import is_coordinator
from lokalkontakt.meetings import ical, kept, permissions, selectors
from lokalkontakt.meetings.forms import CancelForm, MeetingForm, SeriesForm
from lokalkontakt.meetings.services.agenda import agenda_publish
from lokalkontakt.meetings.services.attendance import attendance_respond
from lokalkontakt.meetings.services.minutes import minutes_publish
from lokalkontakt.meetings.services.series import (
    meeting_cancel,
    meeting_update,
    participants_add_new,
    series_create,
)
from lokalkontakt.meetings.views import meeting_page
from lokalkontakt.people.permissions import active_employee

UPCOMING_LIMIT = 12
PAST_LIMIT = 12


@staff_required
@require_GET
def meeting_list(request):
    """Coming meetings and the latest held ones (their tables kept: meetings.kept)."""
    employee = active_employee(request.user)
    upcoming, past = kept.meeting_tables(
        kept.Kept("list"), lambda: selectors.meeting_list(upcoming=True)[:UPCOMING_LIMIT],
        lambda: selectors.meeting_list(upcoming=False)[:PAST_LIMIT])
    return render(request, "meetings/list.html", {
        "upcoming_table": upcoming, "past_table": past,
        "my_actions": selectors.action_items(owner=employee)[:10] if employee else []})


@staff_required
@require_GET
def detail(request, pk):
    """A meeting's page, bounded whatever the meeting's size: each list (the agenda, the
    proposals, the deferred items, the action items decided, the participants) shows one page,
    paged by its own parameter; the attendance is counted in SQL. The agenda and the lists after
    it are kept (meeting_page.body)."""
    meeting = selectors.meeting_get(pk=pk)
    now = timezone.now()
    upcoming = meeting.ends_at >= now
    coordinator = is_coordinator(request.user)
    # its time in the key too: the follow-up is drawn from it
    kept_page = kept.Kept("meeting", meeting.pk, meeting.starts_at)
    context = {"meeting": meeting, "upcoming": upcoming, "started": meeting.starts_at <= now,
               "may_propose": permissions.can_propose(request.user, meeting),
               "body": meeting_page.body(request, meeting, coordinator=coordinator,
                                         upcoming=upcoming, kept=kept_page),
               **meeting_page.participants(request, meeting, coordinator=coordinator,
                                           kept=kept_page)}
    return render(request, "meetings/detail.html", context)


@staff_required
@require_GET
def meeting_ics(request, pk):
    meeting = selectors.meeting_get(pk=pk)
    response = HttpResponse(ical.meeting_ics(meeting), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="moede-{meeting.pk}.ics"'
    return response


@coordinator_required
@require_http_methods(["GET", "POST"])
def series_new(request):
    """Plan a series: its meetings for the coming year are made and the contacts invited."""
    form = SeriesForm(request.POST or None)
    return form_view(
        request, form=form, template="meetings/series_form.html",
        context={"no_email_warnings": no_email_warnings(selectors.default_participants())},
        save=lambda data: series_create(actor=request.user, **data),
        success=lambda series: reach_notice(ngettext(
            "%(count)d meeting is planned.", "%(count)d meetings are planned.",
            series.meetings.count()) % {"count": series.meetings.count()}, series.reach),
        redirect_to=lambda series: "meetings:list", invalid_status=400)


@coordinator_required
@require_http_methods(["GET", "POST"])
def edit(request, pk):
    """Move a meeting or change its place; the participants get the new time for their calendar."""
    meeting = selectors.meeting_get(pk=pk)
    form = MeetingForm(request.POST or None, initial=MeetingForm.initial_of(meeting))
    return form_view(
        request, form=form, template="meetings/meeting_form.html", context={"meeting": meeting},
        save=lambda data: meeting_update(meeting=meeting, actor=request.user,
                                         **form.service_arguments()),
        success=lambda saved: reach_notice(_("The meeting is saved."), saved.reach),
        redirect_to=lambda saved: saved,
        invalid_status=400)


@coordinator_required
@require_http_methods(["GET", "POST"])
def cancel(request, pk):
    meeting = selectors.meeting_get(pk=pk)
    return form_view(
        request, form=CancelForm(request.POST or None), template="meetings/cancel.html",
        context={"meeting": meeting, "no_email_warnings": no_email_warnings(
            [a.employee for a in selectors.attendances(meeting=meeting)])},
        save=lambda data: meeting_cancel(meeting=meeting, actor=request.user,
                                         reason=data["reason"]),
        success=lambda saved: reach_notice(_("The meeting is cancelled."), saved.reach),
        redirect_to=lambda saved: saved, invalid_status=400)


def _post_action(request, pk, action, success):
    """A coordinator's button on the meeting page: run the service, say how it went."""
    meeting = selectors.meeting_get(pk=pk)
    try:
        result = action(meeting)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        text = success(result)  # a core.recipients.Notice carries its level
        messages.add_message(request, getattr(text, "level", messages.SUCCESS), text)
    return redirect(meeting)


@staff_required
@require_POST
def respond(request, pk):
    """A participant's "Meld afbud" (attending=0) or "Jeg kommer alligevel" (attending=1)."""
    attending = request.POST.get("attending") == "1"
    return _post_action(
        request, pk,
        lambda m: attendance_respond(meeting=m, actor=request.user, attending=attending),
        lambda _attendance: _("You are on the list of participants again.") if attending
        else _("Your apologies are noted. The coordinator can see them."))


@coordinator_required
@require_POST
def invite_new(request, pk):
    invited = {}

    def invite(meeting):
        invited["meeting"] = meeting
        return participants_add_new(meeting=meeting, actor=request.user)

    return _post_action(
        request, pk, invite,
        lambda count: reach_notice(ngettext(
            "%(count)d new participant is added.", "%(count)d new participants are added.",
            count) % {"count": count}, invited["meeting"].reach))


@coordinator_required
@require_POST
def publish_agenda(request, pk):
    return _post_action(request, pk,
                        lambda m: agenda_publish(meeting=m, actor=request.user),
                        lambda m: reach_notice(_("The agenda is sent."), m.reach))


@coordinator_required
@require_POST
def publish_minutes(request, pk):
    return _post_action(request, pk,
                        lambda m: minutes_publish(meeting=m, actor=request.user),
                        lambda m: reach_notice(_("The minutes are sent, and the experiences are "
                                                 "shared as knowledge notes."), m.reach))
