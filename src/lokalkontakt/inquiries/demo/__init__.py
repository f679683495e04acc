# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""The inquiries' part of the demo: about forty inquiries over the last fifteen months (demo.data),
each with the timeline the pages show (received, routed, tagged, acknowledged, answered, escalated,
closed), so that the reports compare periods and focus areas.

The rows are written directly, dated in the past as if the services had run on those days: the
services would queue receipts and notices for today. Routing, deadlines and the tracking token
are those of inquiry_submit (the same helpers), so the demo's inquiries behave as real ones do
afterwards (reminders, escalation, anonymisation by the periodic jobs). No e-mail is queued.
"""

import datetime

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from lokalkontakt.areas.models import LocalArea
from lokalkontakt.core.models import FocusArea
from lokalkontakt.core.search.index import index_objects
from lokalkontakt.core.search.registry import sources
from lokalkontakt.core.tokens import client_hash, token_hash
from lokalkontakt.core.workdays import add_working_days, is_working_day
from lokalkontakt.inquiries.demo.data import DemoInquiry
from lokalkontakt.inquiries.demo.earlier import EARLIER
from lokalkontakt.inquiries.demo.recent import RECENT
from lokalkontakt.inquiries.models import Inquiry, InquiryEvent
from lokalkontakt.inquiries.services.submit import inquiry_deadlines
from lokalkontakt.inquiries.tracking import new_tracking_salt, tracking_token_for_salt

Kind = InquiryEvent.Kind
Status = Inquiry.Status
# The areas whose deputy is the demo contact: they act on its inquiries; elsewhere the primary
# contacts of Bilag 1 have no login, so the coordinator does (as the start page asks them to).
INQUIRIES = [*EARLIER, *RECENT]
CONTACT_AREAS = {"Korning", "Hornborg"}


def _at(day: datetime.date, hour: int) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))


def _received_on(row: DemoInquiry, today: datetime.date) -> datetime.date:
    day = today - datetime.timedelta(days=row.days_ago)
    # Staff register calls, letters and meetings on working days; the web form is always open.
    while row.channel != Inquiry.Channel.WEB_FORM and not is_working_day(day):
        day -= datetime.timedelta(days=1)
    return day


class _Timeline:
    """The inquiry's steps as (time, kind, public, text, actor), dropping those that would lie in
    the future (a recent inquiry has not come as far as its state says)."""

    def __init__(self, now):
        self.now, self.steps = now, []

    def add(self, at, kind, *, public, text="", actor=None) -> bool:
        if at > self.now:
            return False
        self.steps.append((at, kind, public, text, actor))
        return True


def _build(row: DemoInquiry, number: int, *, today, now, areas, focus, users, staff):
    area = areas.get(row.area)
    primary = area.primary_assignment if area else None
    assignee = primary.employee if primary and primary.employee.is_active else None
    handler = users["lokalkontakt"] if row.area in CONTACT_AREAS else users["koordinator"]
    received_on = _received_on(row, today)
    salt = new_tracking_salt()
    inquiry = Inquiry(
        area=area, submitter_kind=row.kind, subject=row.subject, text=row.text,
        submitter_name=row.name, submitter_email=row.email, channel=row.channel,
        received_on=received_on, token_hash=token_hash(tracking_token_for_salt(salt)),
        tracking_salt=salt, client_hash=client_hash(f"demo-{number}"), assignee=assignee,
        shared_with_council=row.shared or row.kind == Inquiry.SubmitterKind.COUNCIL,
        **inquiry_deadlines(received_on))
    inquiry.full_clean()
    timeline = _Timeline(now)
    registered_by = None if row.channel == Inquiry.Channel.WEB_FORM else handler
    received_at = _at(received_on, 9 + number % 6)
    timeline.add(received_at, Kind.SUBMITTED, public=True, actor=registered_by)
    timeline.add(received_at + datetime.timedelta(seconds=1), Kind.ROUTED, public=False,
                 text=assignee.name if assignee else _("the coordinator"))
    _handle(inquiry, row, number, timeline, handler=handler, focus=focus)
    if number % 9 == 4 and inquiry.is_open and staff is not None:
        _forward(inquiry, timeline, handler=handler, colleague=staff)
    return inquiry, timeline.steps


def _handle(inquiry, row, number, timeline, *, handler, focus) -> None:
    """Acknowledge, tag, answer and close as far as the row's state and today allow."""
    received_on = inquiry.received_on
    tags = [focus[slug] for slug in row.focus if slug in focus]
    ack_at = _at(add_working_days(received_on, 1), 10)
    if row.state != "received" and timeline.add(ack_at, Kind.ACKNOWLEDGED, public=True,
                                                 actor=handler):
        inquiry.status, inquiry.acknowledged_at = Status.ACKNOWLEDGED, ack_at
    if tags:
        timeline.add((inquiry.acknowledged_at or _at(received_on, 16)) + datetime.timedelta(
            minutes=5), Kind.TAGGED, public=False, actor=handler,
            text=", ".join(f.name for f in tags))
    late = row.state in {"late", "answered_late"}
    answer_day = add_working_days(received_on, (12 + number % 5) if late else (3 + number % 6))
    answer_at = _at(answer_day, 13)
    if (row.state in {"closed", "late", "answered", "answered_late"}
            and inquiry.acknowledged_at
            and timeline.add(answer_at, Kind.REPLY, public=True, text=row.reply, actor=handler)):
        inquiry.status, inquiry.answered_at = Status.ANSWERED, answer_at
    _escalate(inquiry, timeline)
    close_at = _at(add_working_days(answer_day, 2 + number % 4), 11)
    if (row.state in {"closed", "late"} and inquiry.answered_at
            and timeline.add(close_at, Kind.CLOSED, public=True, text=row.outcome, actor=handler)):
        inquiry.status, inquiry.closed_at, inquiry.outcome = Status.CLOSED, close_at, row.outcome


def _escalate(inquiry, timeline) -> None:
    """The periodic job tells the coordinator once, the morning after the first missed deadline."""
    missed = []
    if (inquiry.acknowledged_at or timeline.now).date() > inquiry.acknowledge_due:
        missed.append(inquiry.acknowledge_due)
    if (inquiry.answered_at or timeline.now).date() > inquiry.answer_due:
        missed.append(inquiry.answer_due)
    if missed:
        at = _at(min(missed) + datetime.timedelta(days=1), 6)
        if timeline.add(at, Kind.ESCALATED, public=False):
            inquiry.escalated_at = at


def _forward(inquiry, timeline, *, handler, colleague) -> None:
    at = (inquiry.acknowledged_at or _at(inquiry.received_on, 16)) + datetime.timedelta(hours=1)
    if timeline.add(at, Kind.FORWARDED, public=False, actor=handler, text=colleague.name):
        inquiry.forward_to = colleague


@transaction.atomic
def load_demo_inquiries() -> int:
    """Write the demo's inquiries (once: nothing when there are inquiries already). Returns how
    many were written."""
    if Inquiry.objects.exists():
        return 0
    today, now = timezone.localdate(), timezone.now()
    users = {u.username: u for u in get_user_model().objects.filter(
        username__in=["koordinator", "lokalkontakt", "kollega"]).select_related("employee")}
    colleague = getattr(users.get("kollega"), "employee", None)
    areas = {a.name: a for a in LocalArea.objects.filter(
        name__in={row.area for row in INQUIRIES}).prefetch_related("assignments__employee")}
    focus = {f.slug: f for f in FocusArea.objects.all()}
    built = [_build(row, number, today=today, now=now, areas=areas, focus=focus, users=users,
                    staff=colleague) for number, row in enumerate(INQUIRIES)]
    inquiries = _save(built, focus=focus, rows=INQUIRIES)
    source = sources()["inquiry"]
    index_objects(source, source.queryset().filter(pk__in=[i.pk for i in inquiries]), fresh=True)
    return len(inquiries)


def _save(built, *, focus, rows) -> list[Inquiry]:
    inquiries = Inquiry.objects.bulk_create([inquiry for inquiry, _steps in built])
    # created_at and the events' times are set on insert (auto_now_add): date them afterwards.
    for inquiry, steps in built:
        inquiry.created_at = steps[0][0]
    Inquiry.objects.bulk_update(inquiries, ["created_at"])
    events = InquiryEvent.objects.bulk_create(
        InquiryEvent(inquiry=inquiry, kind=kind, public=public, text=text, actor=actor)
        for inquiry, steps in built for _at_, kind, public, text, actor in steps)
    times = [at for _inquiry, steps in built for at, *_rest in steps]
    for event, at in zip(events, times, strict=True):
        event.at = at
    InquiryEvent.objects.bulk_update(events, ["at"])
    Tags = Inquiry.focus_areas.through
    Tags.objects.bulk_create(Tags(inquiry_id=inquiry.pk, focusarea_id=focus[slug].pk)
                             for inquiry, row in zip(inquiries, rows, strict=True)
                             for slug in row.focus if slug in focus)
    Forwarded = Inquiry.participants.through
    Forwarded.objects.bulk_create(Forwarded(inquiry_id=inquiry.pk, employee_id=inquiry.forward_to.pk)
                                  for inquiry in inquiries if getattr(inquiry, "forward_to", None))
    return inquiries


def load_demo(*, with_users: bool, stdout=None) -> None:
    """The inquiries' part of `load_demo` (core.registry.demo_loaders), with the demo logins
    only: the inquiries are invented, Bilag 1's areas are not."""
    if with_users:
        load_demo_inquiries()
