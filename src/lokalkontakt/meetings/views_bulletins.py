"""Bulletins, local meetings and the private calendar feed."""

import datetime

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from lokalkontakt.areas.models import LocalArea
from lokalkontakt.core.forms import form_view
from lokalkontakt.core.http import public
from lokalkontakt.core.mail import site_url
from lokalkontakt.core.markdown import render_markdown
from lokalkontakt.core.permissions import coordinator_required, staff_required
from lokalkontakt.meetings import ical, permissions, selectors
from lokalkontakt.meetings.forms import BulletinForm, LocalMeetingForm
from lokalkontakt.meetings.services.bulletins import bulletin_send
from lokalkontakt.meetings.services.calendar_feeds import calendar_feed_get_or_reset
from lokalkontakt.meetings.services.local_meetings import (
    local_meeting_create,
    local_meeting_delete,
    local_meeting_update,
)
from lokalkontakt.people.permissions import active_employee

PAGE_SIZE = 25
FEED_PAST_DAYS = 90


@staff_required
@require_GET
def bulletin_list(request):
    page = Paginator(selectors.bulletin_list(user=request.user), PAGE_SIZE).get_page(
        request.GET.get("side"))
    return render(request, "meetings/bulletins.html", {"page": page, "querystring": ""})


@staff_required
@require_GET
def bulletin_detail(request, pk):
    bulletin = selectors.bulletin_get(user=request.user, pk=pk)
    return render(request, "meetings/bulletin.html",
                  {"bulletin": bulletin, "html": render_markdown(bulletin.text)})


@coordinator_required
@require_http_methods(["GET", "POST"])
def bulletin_new(request):
    form = BulletinForm(request.POST or None)
    return form_view(
        request, form=form, template="meetings/bulletin_form.html", context={},
        save=lambda data: bulletin_send(actor=request.user, **data),
        success=lambda bulletin: ngettext(
            "The bulletin is sent to %(count)d contact.", "The bulletin is sent to %(count)d contacts.",
            bulletin.recipients.count()) % {"count": bulletin.recipients.count()},
        redirect_to=lambda bulletin: bulletin, invalid_status=400)


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


def _feed_url(feed) -> str:
    return site_url(reverse("meetings:feed", kwargs={"feed_id": feed.pk,
                                                     "token": ical.feed_token(feed)}))


@staff_required
@require_http_methods(["GET", "POST"])
def calendar(request):
    """The user's private calendar address; a new one ends the old."""
    if active_employee(request.user) is None:  # the feed is an employee's meetings and deadlines
        return render(request, "meetings/calendar.html", {"feed_url": ""})
    reset = request.method == "POST"
    feed = calendar_feed_get_or_reset(user=request.user, reset=reset)
    if reset:
        messages.success(request, _("You have a new calendar address. The old one no longer works."))
        return redirect("meetings:calendar")
    return render(request, "meetings/calendar.html", {"feed_url": _feed_url(feed)})


@public
@never_cache
@require_GET
def feed(request, feed_id, token):
    """The private feed: the user's meetings and deadlines as iCalendar. Anyone with the address
    can read it, as with any calendar subscription; it holds no citizen's personal data."""
    calendar_feed = ical.feed_by_token(feed_id=feed_id, token=token)
    employee = getattr(calendar_feed.user, "employee", None) if calendar_feed else None
    if employee is None or not employee.is_active:
        raise Http404
    today = timezone.localdate()
    since = today - datetime.timedelta(days=FEED_PAST_DAYS)
    meetings = selectors.feed_meetings(
        employee=employee, since=timezone.make_aware(datetime.datetime.combine(since,
                                                                            datetime.time.min)))
    text = ical.feed_ics(name=f"Lokalkontakt – {employee.name}", meetings=meetings,
                         deadlines=_deadlines(selectors.feed_deadlines(employee=employee,
                                                                       since=since)))
    return HttpResponse(text, content_type="text/calendar; charset=utf-8")


def _deadlines(found: dict) -> list[tuple]:
    rows = [(f"inquiry-{i.pk}@lokalkontakt", i.answer_due,
             _("Answer due: inquiry %(reference)s (%(area)s)") % {
                 "reference": i.reference, "area": i.area.name if i.area else "-"},
             site_url(i.get_absolute_url())) for i in found["inquiries"]]
    rows += [(f"consultation-task-{t.pk}@lokalkontakt", t.consultation.deadline,
              _("Consultation response due: %(title)s (%(area)s)") % {
                  "title": t.consultation.title, "area": t.area.name},
              site_url(t.get_absolute_url())) for t in found["tasks"]]
    rows += [(f"consultation-{c.pk}@lokalkontakt", c.deadline,
              _("Your consultation closes: %(title)s") % {"title": c.title},
              site_url(c.get_absolute_url())) for c in found["consultations"]]
    return rows
