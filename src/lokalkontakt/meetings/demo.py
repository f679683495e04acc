# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""Demo meetings for `make run`: a held meeting with minutes and an action item for the demo
contact, the coming year's series, a proposal for the next meeting and a bulletin. Written through
the services, as the coordinator and the contact would."""

import datetime

from django.contrib.auth import get_user_model
from django.utils import timezone

from lokalkontakt.meetings.models import Attendance, Meeting
from lokalkontakt.meetings.schedule import local_datetime
from lokalkontakt.meetings.selectors import default_participants
from lokalkontakt.meetings.services.actions import action_create
from lokalkontakt.meetings.services.agenda import item_propose
from lokalkontakt.meetings.services.bulletins import bulletin_send
from lokalkontakt.meetings.services.minutes import item_minutes, minutes_publish
from lokalkontakt.meetings.services.series import series_create

PLACE = "Hedensted Rådhus, Niels Espes Vej 8, 8722 Hedensted"


def _held_meeting(coordinator, contact):
    day = timezone.localdate() - datetime.timedelta(days=40)
    meeting = Meeting(title="Koordinerende møde for lokalkontakter", location=PLACE,
                      starts_at=local_datetime(day, datetime.time(14)),
                      ends_at=local_datetime(day, datetime.time(16)),
                      proposal_deadline=day - datetime.timedelta(days=7))
    meeting._history_user = coordinator
    meeting.save()
    Attendance.objects.bulk_create([Attendance(meeting=meeting, employee=e, status="present")
                                    for e in default_participants()])
    item = item_propose(meeting=meeting, actor=coordinator,
                        title="Erfaringer med borgermøder om trafik")
    item_minutes(
        item=item, actor=coordinator, decisions="Lokalkontakten tager kontakt til vejafdelingen.",
        experiences="Et borgermøde om trafik samler flest, når lokalrådet inviterer og "
                    "vejafdelingen deltager med en kort orientering.",
        challenges="Svar fra forvaltningen tager ofte længere end svarfristen.")
    action_create(meeting=meeting, actor=coordinator, agenda_item=item, owner=contact.employee,
                  title="Aftal møde med vejafdelingen om skolevejen i Hornborg",
                  due_on=timezone.localdate() + datetime.timedelta(days=10))
    minutes_publish(meeting=meeting, actor=coordinator)


def load_demo_meetings() -> None:
    users = {u.username: u for u in get_user_model().objects.filter(
        username__in=["koordinator", "lokalkontakt"])}
    coordinator, contact = users["koordinator"], users["lokalkontakt"]
    _held_meeting(coordinator, contact)
    first = (timezone.localdate().replace(day=1) + datetime.timedelta(days=32)).replace(day=1)
    series = series_create(
        actor=coordinator, title="Koordinerende møde for lokalkontakter", interval_months=2,
        weekday=1, ordinal=1, start_time=datetime.time(14), end_time=datetime.time(16),
        first_month=first, location=PLACE)
    upcoming = next((m for m in series.meetings.order_by("starts_at") if m.accepts_proposals), None)
    if upcoming is not None:
        item_propose(
            meeting=upcoming, actor=contact, title="Hvordan får vi flere unge med i lokalrådene?",
            text="Korning og Hornborg mangler yngre medlemmer. Har andre gode erfaringer?")
    bulletin_send(actor=coordinator, title="Velkommen til Lokalkontakt",
                  text="Møder, dagsordener og opfølgningspunkter ligger nu i Lokalkontakt. "
                       "Foreslå punkter til næste møde under **Møder**.")


def load_demo(*, with_users: bool, stdout=None) -> None:
    """The meetings' part of `load_demo` (core.registry.demo_loaders): with the demo logins, a
    held meeting with minutes and an action item, the coming year's meetings and a bulletin."""
    if with_users:
        load_demo_meetings()
