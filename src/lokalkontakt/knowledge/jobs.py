# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""The daily digest for follows: each employee who follows local areas or focus areas gets one
e-mail a day with the new notes, inquiries and consultations about them. Idempotent: a DigestSent
row per employee and day, claimed before the e-mail is queued in the same transaction, so running
the job twice sends nothing twice; nothing is sent (and nothing recorded) when nothing is new."""

import datetime

from django.db import IntegrityError, transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

from lokalkontakt.consultations.models import Consultation
from lokalkontakt.consultations.permissions import consultations_visible_to, tasks_visible_to
from lokalkontakt.core.mail import email_queue_template, site_url
from lokalkontakt.inquiries.permissions import inquiries_visible_to
from lokalkontakt.knowledge.models import DigestSent, Follow, Note
from lokalkontakt.people.models import Employee

DEFAULT_PERIOD = datetime.timedelta(hours=24)


def send_digests(*, now: datetime.datetime | None = None) -> int:
    """Queue today's digest for every active employee with follows and an e-mail address who has
    not had one today and has something new; the number of digests queued."""
    now = now or timezone.now()
    today = timezone.localdate(now)
    employees = (Employee.objects.filter(is_active=True, follows__isnull=False)
                 .exclude(email="").exclude(digests_sent__day=today).distinct()
                 .select_related("user"))
    return sum(_send_digest(employee, now=now, today=today) for employee in employees)


def _since(employee, *, now) -> datetime.datetime:
    last = employee.digests_sent.order_by("-sent_at").values_list("sent_at", flat=True).first()
    return last or now - DEFAULT_PERIOD


def _matching(follows) -> tuple[Q, Q, Q]:
    """Filters for notes, inquiries and consultations about the followed areas or focus areas."""
    areas = [f.area_id for f in follows if f.area_id]
    focus_areas = [f.focus_area_id for f in follows if f.focus_area_id]
    return (Q(area__in=areas) | Q(focus_areas__in=focus_areas),
            Q(area__in=areas) | Q(focus_areas__in=focus_areas),
            Q(tasks__area__in=areas) | Q(focus_areas__in=focus_areas))


def collect(employee, *, since, now) -> dict:
    """What is new for the employee since `since`: notes (staff may read every note; not their
    own), and the inquiries and consultations they may open."""
    follows = list(Follow.objects.filter(employee=employee))
    note_q, inquiry_q, consultation_q = _matching(follows)
    window = Q(created_at__gt=since, created_at__lte=now)
    notes = (Note.objects.filter(note_q, window).exclude(author=employee).distinct()
             .order_by("created_at", "pk"))
    if employee.user is not None:
        inquiries = (inquiries_visible_to(user=employee.user).filter(inquiry_q, window)
                     .distinct().order_by("created_at", "pk"))
        consultations = _consultations(employee.user, consultation_q & window)
    else:
        inquiries = consultations = []
    return {"notes": list(notes), "inquiries": list(inquiries),
            "consultations": list(consultations)}


def _consultations(user, condition) -> list:
    """The matching consultations the user may open: whole (requester, coordinator) or through
    one of its tasks (the areas' contacts and deputies); each with `digest_url` to the page the
    user may open."""
    matching = Consultation.objects.filter(condition)
    own = set(consultations_visible_to(user=user).filter(pk__in=matching.values("pk"))
              .values_list("pk", flat=True))
    tasks = {task.consultation_id: task for task in tasks_visible_to(user=user)
             .filter(consultation__in=matching.values("pk")).order_by("-pk")}
    found = list(Consultation.objects.filter(pk__in=own | set(tasks)).order_by("created_at", "pk"))
    for consultation in found:
        consultation.digest_url = (consultation.get_absolute_url() if consultation.pk in own
                                   else tasks[consultation.pk].get_absolute_url())
    return found


def _send_digest(employee, *, now, today) -> bool:
    items = collect(employee, since=_since(employee, now=now), now=now)
    if not any(items.values()):
        return False
    try:
        with transaction.atomic():
            DigestSent.objects.create(employee=employee, day=today, sent_at=now)
            email_queue_template("knowledge/email/digest.txt", to=[employee.email], context={
                "employee": employee,
                **{kind: [(obj, site_url(getattr(obj, "digest_url", None) or obj.get_absolute_url()))
                          for obj in objects]
                   for kind, objects in items.items()},
                "follows_url": site_url(reverse("knowledge:follows"))})
    except IntegrityError:  # a concurrent run has sent today's digest
        return False
    return True


def report() -> str:
    """run_jobs' line for the daily digests."""
    return f"Knowledge: {send_digests()} digests sent."
