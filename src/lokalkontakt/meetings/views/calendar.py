# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""The private calendar feed: the user's address and the feed itself."""

import datetime

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods

from lokalkontakt.core.http import public
from lokalkontakt.core.mail import site_url
from lokalkontakt.core.permissions import staff_required
from lokalkontakt.meetings import ical, selectors
from lokalkontakt.meetings.services.calendar_feeds import calendar_feed_get_or_reset
from lokalkontakt.people.permissions import active_employee

FEED_PAST_DAYS = 90


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
