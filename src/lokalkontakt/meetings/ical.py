# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""iCalendar (RFC 5545): invitations to meetings and the private calendar feed. Meetings carry
their time in Europe/Copenhagen with a VTIMEZONE, so calendars show 14:00 as 14:00 in winter and
in summer; deadlines are all-day events."""

import datetime
import hmac

from django.conf import settings
from django.core.exceptions import ObjectDoesNotExist
from django.utils import timezone
from django.utils.crypto import salted_hmac
from icalendar import Calendar, Event

from lokalkontakt.core.mail import site_url
from lokalkontakt.meetings.models import CalendarFeed, Meeting

PRODID = "-//Lokalkontakt//Koordinerende møder//DA"
MIMETYPE = "text/calendar"


def _calendar(method: str = "") -> Calendar:
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    if method:
        calendar.add("method", method)
    return calendar


def _finish(calendar: Calendar, days: list[datetime.date]) -> str:
    """Add the VTIMEZONE the events need, for the years they span, and serialise."""
    if days:
        calendar.add_missing_timezones(first_date=min(days) - datetime.timedelta(days=366),
                                       last_date=max(days) + datetime.timedelta(days=366))
    return calendar.to_ical().decode()


def meeting_event(meeting: Meeting, *, attendee=None) -> Event:
    event = Event()
    event.add("uid", meeting.uid)
    event.add("dtstamp", timezone.now())
    event.add("sequence", meeting.sequence)
    event.add("dtstart", timezone.localtime(meeting.starts_at))
    event.add("dtend", timezone.localtime(meeting.ends_at))
    event.add("summary", meeting.title)
    if place := ", ".join(part for part in (meeting.location, meeting.online_url) if part):
        event.add("location", place)
    event.add("url", site_url(meeting.get_absolute_url()))
    event.add("description", site_url(meeting.get_absolute_url()))
    event.add("status", "CANCELLED" if meeting.is_cancelled else "CONFIRMED")
    event.add("organizer", f"mailto:{settings.DEFAULT_FROM_EMAIL}",
              parameters={"cn": settings.MUNICIPALITY_NAME})
    if attendee is not None and attendee.email:
        event.add("attendee", f"mailto:{attendee.email}",
                  parameters={"cn": attendee.name, "role": "REQ-PARTICIPANT", "rsvp": "FALSE"})
    return event


def invitation(meetings, *, attendee, cancel: bool = False) -> tuple[str, str, str]:
    """An e-mail attachment (filename, text, mimetype) inviting `attendee` to the meetings, or,
    with cancel, telling their calendar that the meetings are cancelled."""
    method = "CANCEL" if cancel else "REQUEST"
    calendar = _calendar(method)
    for meeting in meetings:
        calendar.add_component(meeting_event(meeting, attendee=attendee))
    text = _finish(calendar, [timezone.localdate(m.starts_at) for m in meetings])
    return ("aflysning.ics" if cancel else "invitation.ics", text,
            f"{MIMETYPE}; method={method}; charset=utf-8")


def meeting_ics(meeting: Meeting) -> str:
    """One meeting to download and open in a calendar."""
    calendar = _calendar("PUBLISH")
    calendar.add_component(meeting_event(meeting))
    return _finish(calendar, [timezone.localdate(meeting.starts_at)])


def deadline_event(*, uid: str, day: datetime.date, summary: str, url: str) -> Event:
    event = Event()
    event.add("uid", uid)
    event.add("dtstamp", timezone.now())
    event.add("dtstart", day)
    event.add("dtend", day + datetime.timedelta(days=1))
    event.add("summary", summary)
    event.add("url", url)
    event.add("description", url)
    event.add("transp", "TRANSPARENT")
    return event


def feed_ics(*, name: str, meetings, deadlines) -> str:
    """The feed: the user's meetings and the deadlines (uid, day, summary, url) they must keep."""
    calendar = _calendar("PUBLISH")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", settings.TIME_ZONE)
    days = []
    for meeting in meetings:
        calendar.add_component(meeting_event(meeting))
        days.append(timezone.localdate(meeting.starts_at))
    for uid, day, summary, url in deadlines:
        calendar.add_component(deadline_event(uid=uid, day=day, summary=summary, url=url))
    return _finish(calendar, days)


def feed_token(feed: CalendarFeed, secret: str | None = None) -> str:
    """The feed's token under SECRET_KEY (or `secret`, one of SECRET_KEY_FALLBACKS)."""
    return salted_hmac("lokalkontakt.meetings.feed", f"{feed.pk}:{feed.key}", secret=secret,
                       algorithm="sha256").hexdigest()


def feed_by_token(*, feed_id: int, token: str) -> CalendarFeed | None:
    """The feed the URL names, if its token is right and its user may still sign in."""
    try:
        feed = CalendarFeed.objects.select_related("user__employee").get(pk=feed_id)
    except ObjectDoesNotExist:
        return None
    # A feed subscribed before SECRET_KEY was rotated keeps working while the old key is listed
    # in SECRET_KEY_FALLBACKS.
    secrets = [None, *settings.SECRET_KEY_FALLBACKS]
    if (not any(hmac.compare_digest(feed_token(feed, secret), token) for secret in secrets)
            or not feed.user.is_active):
        return None
    return feed
