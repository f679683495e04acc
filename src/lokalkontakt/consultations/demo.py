# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""The consultations' part of the demo: one closed last year, one closed this autumn with three
areas' answers, and one open with its deadline ahead, each tagged with focus areas.

Written as consultation_create, task_respond and consultation_close would have written them on
those days (a task per area routed to its contact, the events with their actors), but directly:
the services would e-mail the contacts and the requester today. No e-mail is queued."""

import datetime
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from lokalkontakt.areas.models import LocalArea
from lokalkontakt.consultations.models import Consultation, ConsultationEvent, ConsultationTask
from lokalkontakt.core.models import FocusArea
from lokalkontakt.core.search.index import index_objects
from lokalkontakt.core.search.registry import sources

Kind = ConsultationEvent.Kind
Answer = ConsultationTask.Status
CONTACT_AREAS = {"Korning", "Hornborg"}  # the demo contact (deputy) answers for these


@dataclass(frozen=True)
class DemoConsultation:
    days_ago: int
    weeks: int  # from sending to the deadline
    requester: str
    title: str
    description: str
    focus: tuple[str, ...]
    # area → (status, response, who was heard); areas without one still wait
    answers: dict
    areas: tuple[str, ...]
    closed: bool


CONSULTATIONS = [
    DemoConsultation(
        330, 5, "koordinator", "Nye boligområder i forslaget til Kommuneplan 2025",
        "Planafdelingen foreslår nye boligområder ved flere landsbyer. Vi vil gerne høre "
        "lokalområderne om placering, veje og grønne områder, før forslaget sendes i offentlig "
        "høring.",
        ("byudvikling-og-udstykninger", "baeredygtig-vaekst"),
        {"Stenderup": (Answer.RESPONDED, "Lokalrådet støtter udstykningen mod vest, hvis der "
                       "kommer en sti til skolen.", "Lokalrådets bestyrelse"),
         "Løsning": (Answer.RESPONDED, "Området ved stationen bør prioriteres før marken mod "
                     "nord.", "Lokalrådet og borgerforeningen"),
         "Uldum": (Answer.NO_COMMENTS, "", "")},
        ("Løsning", "Stenderup", "Uldum"), True),
    DemoConsultation(
        95, 4, "koordinator", "Kriterier for Landdistriktspuljen 2026",
        "Udvalget for Fritid og Fællesskab vil ændre kriterierne for Landdistriktspuljen, så "
        "projekter med frivillige og flere foreninger bag prioriteres. Hvad betyder det for "
        "jeres lokalområde?",
        ("lokalsamfund-aktive-faellesskaber", "oekonomi-i-balance"),
        {"Korning": (Answer.RESPONDED, "Forsamlingshuset og idrætsforeningen søger ofte sammen; "
                     "kriterierne passer godt til os.", "Lokalrådet og forsamlingshusets "
                     "bestyrelse"),
         "Tørring": (Answer.RESPONDED, "Vi foreslår, at mindre projekter under 25.000 kr. får "
                     "en hurtigere behandling.", "Handelsstandsforeningen og lokalrådet"),
         "Juelsminde": (Answer.RESPONDED, "Husk at turistforeninger også er frivillige "
                        "fællesskaber.", "Lokalrådet")},
        ("Juelsminde", "Korning", "Tørring", "Glud"), True),
    DemoConsultation(
        10, 4, "kollega", "Udkast til Klimaplan 2030 – lokale indsatser",
        "Kommunen arbejder på Klimaplan 2030. Vi beder lokalområderne om forslag til lokale "
        "indsatser: energifællesskaber, natur, stier og kollektiv trafik.",
        ("klima-baeredygtighed", "baeredygtig-vaekst"),
        {"Hornborg": (Answer.RESPONDED, "Vi foreslår et energifællesskab med solceller på "
                      "hallens tag og en cykelsti til Korning.", "Lokalrådet")},
        ("Barrit", "Hornborg", "Korning", "Rårup", "Stouby", "Åle-Hjortsvang"), False),
]


def _at(day: datetime.date, hour: int) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))


def _handler(area: LocalArea):
    primary = area.primary_assignment
    return primary.employee if primary and primary.employee.is_active else None


def _event_text(status: str, response: str, heard: str) -> str:
    parts = [ConsultationTask.Status(status).label if status == Answer.NO_COMMENTS else response]
    if heard:
        parts.append(_("Heard: %(heard)s") % {"heard": heard})
    return "\n".join(str(part) for part in parts)


def _write(demo: DemoConsultation, *, today, areas, users, focus) -> Consultation:
    requester, coordinator = users[demo.requester], users["koordinator"]
    sent_on = today - datetime.timedelta(days=demo.days_ago)
    sent_at = _at(sent_on, 10)
    consultation = Consultation(title=demo.title, description=demo.description,
                                requested_by=requester.employee,
                                deadline=sent_on + datetime.timedelta(weeks=demo.weeks))
    consultation.full_clean()
    consultation.save()
    consultation.focus_areas.set([focus[slug] for slug in demo.focus if slug in focus])
    asked = [areas[name] for name in sorted(demo.areas, key=lambda n: areas[n].sort_name)]
    tasks = ConsultationTask.objects.bulk_create(
        ConsultationTask(consultation=consultation, area=area, handler=_handler(area))
        for area in asked)
    events = [(sent_at, ConsultationEvent(consultation=consultation, kind=Kind.CREATED,
                                          actor=requester, text=", ".join(a.name for a in asked)))]
    events += [(sent_at, ConsultationEvent(
        consultation=consultation, task=task, kind=Kind.ROUTED, actor=requester,
        text=task.handler.name if task.handler else _("the coordinator"))) for task in tasks]
    for number, task in enumerate(tasks):
        if task.area.name not in demo.answers:
            continue
        status, response, heard = demo.answers[task.area.name]
        task.status, task.response, task.heard = status, response, heard
        task.responded_by = users["lokalkontakt"] if task.area.name in CONTACT_AREAS else coordinator
        task.responded_at = _at(sent_on + datetime.timedelta(days=7 + 3 * number), 14)
        task.full_clean()
        events.append((task.responded_at, ConsultationEvent(
            consultation=consultation, task=task, actor=task.responded_by,
            kind=Kind.NO_COMMENTS if status == Answer.NO_COMMENTS else Kind.RESPONDED,
            text=_event_text(status, response, heard))))
    ConsultationTask.objects.bulk_update(
        tasks, ["status", "response", "heard", "responded_by", "responded_at"])
    if demo.closed:
        consultation.status = Consultation.Status.CLOSED
        consultation.closed_at = _at(consultation.deadline + datetime.timedelta(days=3), 9)
        events.append((consultation.closed_at, ConsultationEvent(
            consultation=consultation, kind=Kind.CLOSED, actor=coordinator)))
    consultation.created_at = sent_at
    Consultation.objects.filter(pk=consultation.pk).update(
        status=consultation.status, closed_at=consultation.closed_at, created_at=sent_at)
    written = ConsultationEvent.objects.bulk_create(event for _at_, event in events)
    for event, (at, _event) in zip(written, events, strict=True):
        event.at = at
    ConsultationEvent.objects.bulk_update(written, ["at"])
    return consultation


@transaction.atomic
def load_demo_consultations() -> int:
    """Write the demo's consultations (once: nothing when there are consultations already).
    Returns how many were written."""
    if Consultation.objects.exists():
        return 0
    users = {u.username: u for u in get_user_model().objects.filter(
        username__in=["koordinator", "lokalkontakt", "kollega"]).select_related("employee")}
    names = {name for demo in CONSULTATIONS for name in demo.areas}
    areas = {a.name: a for a in LocalArea.objects.filter(name__in=names)
             .prefetch_related("assignments__employee")}
    focus = {f.slug: f for f in FocusArea.objects.all()}
    today = timezone.localdate()
    written = [_write(demo, today=today, areas=areas, users=users, focus=focus)
               for demo in CONSULTATIONS]
    source = sources()["consultation"]
    index_objects(source, source.queryset().filter(pk__in=[c.pk for c in written]), fresh=True)
    return len(written)


def load_demo(*, with_users: bool, stdout=None) -> None:
    """The consultations' part of `load_demo` (core.registry.demo_loaders), with the demo logins
    only."""
    if with_users:
        load_demo_consultations()
