# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""Synthetic inquiries (henvendelser) for the benchmark, on top of bench.generate's municipality.

`generate_inquiries(count=100_000, seed=1)` adds `count` inquiries to a database that
`bench.generate.generate` has filled:

- received over the three years before 2025-06-02, in office hours, more of them in bigger
  areas (by population); ~5 % without an area (they go to the coordinator);
- Danish subjects and texts (roads, paths, halls, playgrounds, bus stops, …), submitters of every
  kind, unique token hashes and client hashes;
- status by age: most older inquiries are closed, the newest are received or acknowledged;
  deadlines in Danish working days (2 and 10, as the settings' defaults); closed inquiries older
  than a year are anonymised, as the retention job would do;
- handled by the area's primary contact when it has one, otherwise by the coordinator;
- events as the services write them (received, routed, acknowledged, comments, replies,
  messages from the submitter, forwarding, closing, anonymisation): about 4 per inquiry;
  ~5 % forwarded to a colleague, ~40 % tagged with one or two focus areas;
- one open inquiry (the "inquiry page" of the bench) with 16 events, two colleagues, two
  focus areas and three attachments (rows only, no files).

Rows are written with bulk_create in chunks, with `created_at`, `updated_at` and the events'
`at` set here: auto_now / auto_now_add are switched off on those fields while the rows are
written (in this process only, and restored afterwards). Same seed, same inquiries.
"""

import contextlib
import datetime
import hashlib
import itertools
import random
from collections import Counter
from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.db import transaction

from bench.generate import COORDINATOR_USERNAME, FIRST_NAMES, LAST_NAMES, TODAY, ascii_slug
from lokalkontakt.areas.models import Assignment, AssignmentRole, LocalArea
from lokalkontakt.core.models import FocusArea
from lokalkontakt.core.workdays import add_working_days
from lokalkontakt.inquiries.models import Inquiry, InquiryAttachment, InquiryEvent
from lokalkontakt.people.models import Employee

CHUNK = 5000  # inquiries built and written at a time (their events follow them)
BATCH = 1000  # rows per INSERT
YEARS = 3
DETAIL_EVENTS = 16
Status, Kind = Inquiry.Status, InquiryEvent.Kind

TOPICS = [
    ("Hul i vejen på {street}", "Der er kommet et stort hul i asfalten på {street} ud for nr. {number}."),
    ("Manglende vejbelysning ved {place}", "Lygtepælene ved {place} har ikke lyst i over en uge."),
    ("Forslag om ny legeplads i {town}", "Vi er flere familier i {town}, der ønsker en legeplads "
                                         "ved {place}."),
    ("Busstoppested på {street}", "Busstoppestedet på {street} mangler et læskur, og der er "
                                  "ingen køreplan."),
    ("Trafiksikkerhed ved skolen i {town}", "Bilerne kører alt for stærkt forbi skolen i {town} "
                                            "om morgenen."),
    ("Fortov på {street} trænger til reparation", "Fliserne på fortovet på {street} er løse, og "
                                                  "ældre borgere er faldet."),
    ("Ansøgning om tilskud til byfest", "Lokalrådet i {town} vil gerne høre, om der kan søges "
                                        "tilskud til årets byfest."),
    ("Affald og storskrald ved {place}", "Der står storskrald ved {place}, som ingen har hentet."),
    ("Stien langs åen ved {town}", "Stien langs åen er oversvømmet og kan ikke bruges med "
                                   "barnevogn."),
    ("Forsamlingshuset i {town}", "Vi ønsker en dialog om vedligeholdelse af forsamlingshuset "
                                  "i {town}."),
    ("Cykelsti mellem {town} og Hedensted", "Mange børn cykler til skole, og der mangler en "
                                            "sikker cykelsti."),
    ("Grønne områder i {town}", "Græsset på boldbanen ved {place} bliver ikke slået."),
    ("Spørgsmål om lokalplan for {place}", "Hvad betyder den nye lokalplan for området ved "
                                           "{place}?"),
    ("Hærværk ved {place}", "Der er knust ruder og tegnet graffiti ved {place} i weekenden."),
    ("Ønske om hundeskov i {town}", "Vi er mange hundeejere i {town}, som savner en hundeskov."),
    ("Vinterbekæmpelse på {street}", "{street} bliver ikke saltet, og bakken er spejlglat om "
                                     "morgenen."),
]
STREETS = ["Hovedgaden", "Skolevej", "Kirkevej", "Stationsvej", "Møllevej", "Bygaden",
           "Åvej", "Søndergade", "Østergade", "Vestergade", "Nørregade", "Engvej", "Skovvej",
           "Præstevænget", "Bøgevej", "Højvangen", "Ærøvej", "Kærvej", "Lærkevej", "Rønnebærvej"]
PLACES = ["skolen", "hallen", "kirken", "købmanden", "boldbanen", "forsamlingshuset",
          "børnehaven", "plejecentret", "gadekæret", "stationen", "havnen", "idrætspladsen"]
CLOSINGS = [
    "Jeg håber, I vil se på det hurtigst muligt.", "På forhånd tak for hjælpen.",
    "Vi vil meget gerne mødes og fortælle mere.", "Ring gerne, hvis der er spørgsmål.",
    "Sagen har været drøftet på lokalrådets sidste møde.", "Mange hilsner fra en bekymret borger.",
]
MIDDLES = [
    "Det har stået på i flere måneder.", "Naboerne har også lagt mærke til det.",
    "Det er især et problem for børn og ældre.", "Vi har tidligere skrevet om det samme uden svar.",
    "Om aftenen er det helt mørkt.", "Der er vedlagt billeder i mailen, vi sendte i sidste uge.",
    "Vi er klar til selv at give en hånd med.", "Det gælder også den anden side af vejen.",
]
REPLIES = [
    "Tak for din henvendelse. Vi har sendt sagen videre til Teknik og Miljø, som ser på den "
    "i næste uge.",
    "Tak for henvendelsen. Vi har talt med lokalrådet og vender tilbage, når vi ved mere.",
    "Sagen er nu løst. Kontakt os gerne igen, hvis problemet vender tilbage.",
    "Vi har sat det på dagsordenen til det næste koordinerende møde.",
]
COMMENTS = [
    "Har ringet til borgeren; afventer billeder.", "Vejafdelingen er orienteret.",
    "Hænger sammen med sagen fra sidste år – se tidligere henvendelse.",
    "Lokalrådet er enig; sagen tages op på næste møde.", "Afventer svar fra driften.",
]
FOLLOW_UPS = ["Tak for svaret. Hvornår kan vi forvente, at der sker noget?",
              "Problemet er desværre ikke løst endnu.", "Tak, det er nu i orden."]
OUTCOMES = ["Løst af driften.", "Henvist til Teknik og Miljø.", "Drøftet med lokalrådet.",
            "Ikke muligt inden for budgettet; lokalrådet er orienteret."]


@dataclass
class GeneratedInquiries:
    inquiries: int = 0
    events: int = 0
    by_status: dict = field(default_factory=dict)
    without_area: int = 0
    anonymised: int = 0
    forwarded: int = 0
    tagged: int = 0
    users: int = 0
    detail_pk: int = 0
    detail_events: int = 0
    detail_attachments: int = 0
    busiest_area_pk: int = 0
    busiest_area_slug: str = ""
    busiest_area_inquiries: int = 0


@contextlib.contextmanager
def _timestamps_as_given():
    """Let bulk_create write the timestamps set here: auto_now / auto_now_add off meanwhile."""
    fields = [Inquiry._meta.get_field("created_at"), Inquiry._meta.get_field("updated_at"),
              InquiryEvent._meta.get_field("at")]
    saved = [(f, f.auto_now, f.auto_now_add) for f in fields]
    for f in fields:
        f.auto_now = f.auto_now_add = False
    try:
        yield
    finally:
        for f, auto_now, auto_now_add in saved:
            f.auto_now, f.auto_now_add = auto_now, auto_now_add


def _staff_users() -> dict:
    """User accounts for the active employees who handle inquiries (event actors show their
    name); returns employee pk -> user."""
    User = get_user_model()
    staff = list(Employee.objects.filter(is_active=True, user__isnull=True).order_by("pk"))
    users = User.objects.bulk_create(
        [User(username=f"bench-{employee.pk}", first_name=employee.name.split(" ")[0],
              email=employee.email, password="!") for employee in staff], batch_size=BATCH)
    for employee, user in zip(staff, users, strict=True):
        employee.user = user
    Employee.objects.bulk_update(staff, ["user"], batch_size=BATCH)
    return {employee.pk: user for employee, user in zip(staff, users, strict=True)}


def _received_times(count: int, rng) -> list[datetime.datetime]:
    """`count` times in office hours over the YEARS before TODAY, oldest first."""
    # In UTC (06:00 UTC is 07:00 or 08:00 in Denmark): cheaper to write than local time.
    start = datetime.datetime.combine(TODAY - datetime.timedelta(days=365 * YEARS),
                                      datetime.time(6), tzinfo=datetime.UTC)
    days = 365 * YEARS
    times = []
    for _ in range(count):
        day = rng.randrange(days)
        if (start + datetime.timedelta(days=day)).weekday() >= 5 and rng.random() < 0.7:
            day = max(0, day - 2)  # fewer at weekends
        times.append(start + datetime.timedelta(days=day, seconds=rng.randrange(10 * 3600)))
    times.sort()
    return times


def _status(age_days: int, rng) -> str:
    draw = rng.random()
    if age_days > 60:
        return Status.CLOSED if draw < 0.93 else Status.ANSWERED if draw < 0.98 else Status.ACKNOWLEDGED
    if age_days > 14:
        return (Status.CLOSED if draw < 0.5 else Status.ANSWERED if draw < 0.8
                else Status.ACKNOWLEDGED if draw < 0.95 else Status.RECEIVED)
    return (Status.RECEIVED if draw < 0.4 else Status.ACKNOWLEDGED if draw < 0.8
            else Status.ANSWERED if draw < 0.95 else Status.CLOSED)


class _Deadlines:
    """add_working_days once per received date (some 1,100 dates for any number of inquiries)."""

    def __init__(self):
        self.cache = {}

    def __call__(self, day: datetime.date) -> tuple[datetime.date, datetime.date]:
        if day not in self.cache:
            self.cache[day] = (add_working_days(day, 2), add_working_days(day, 10))
        return self.cache[day]


def _text(area_name: str, rng) -> tuple[str, str]:
    subject, opening = rng.choice(TOPICS)
    values = {"street": rng.choice(STREETS), "place": rng.choice(PLACES), "town": area_name,
              "number": rng.randint(1, 120)}
    body = " ".join([opening.format(**values), *rng.sample(MIDDLES, rng.randint(1, 3)),
                     rng.choice(CLOSINGS)])
    return subject.format(**values)[:200], body


@transaction.atomic
def generate_inquiries(count: int, seed: int = 1) -> GeneratedInquiries:
    """Add `count` inquiries with their events. Needs bench.generate.generate's data first."""
    rng = random.Random(seed)
    summary = GeneratedInquiries()
    coordinator = get_user_model().objects.get(username=COORDINATOR_USERNAME)
    users = _staff_users()
    summary.users = len(users)
    areas = list(LocalArea.objects.order_by("pk"))
    primary = dict(Assignment.objects.filter(role=AssignmentRole.PRIMARY, ends_on__isnull=True)
                   .values_list("area_id", "employee_id"))
    employees = {e.pk: e for e in Employee.objects.filter(is_active=True)}
    colleagues = sorted(employees)
    focus_areas = list(FocusArea.objects.values_list("pk", flat=True))
    weights = list(itertools.accumulate(area.population or 100 for area in areas))
    deadlines = _Deadlines()
    times = _received_times(count, rng)
    detail_index = min(count - 1, max(0, round(count * 0.995)))  # recent, so it can be open
    statuses, per_area = Counter(), Counter()
    participants, tags = [], []

    with _timestamps_as_given():
        for chunk_start in range(0, count, CHUNK):
            indexes = range(chunk_start, min(count, chunk_start + CHUNK))
            rows = [_inquiry(i, times[i], rng, areas, weights, primary, employees, deadlines,
                             detail=i == detail_index, seed=seed) for i in indexes]
            Inquiry.objects.bulk_create(rows, batch_size=BATCH)
            events = []
            for i, inquiry in zip(indexes, rows, strict=True):
                actor = users.get(inquiry.assignee_id, coordinator)
                helpers = []
                if i == detail_index:
                    helpers = rng.sample([c for c in colleagues if c != inquiry.assignee_id]
                                         or colleagues, min(2, len(colleagues)))
                elif colleagues and rng.random() < 0.05:
                    helpers = [rng.choice(colleagues)]
                participants += [Inquiry.participants.through(inquiry_id=inquiry.pk, employee_id=c)
                                 for c in dict.fromkeys(helpers)]
                chosen = (rng.sample(focus_areas, min(2, len(focus_areas)))
                          if i == detail_index or rng.random() < 0.4 else [])
                chosen = chosen[: 2 if i == detail_index else rng.randint(1, 2)]
                tags += [Inquiry.focus_areas.through(inquiry_id=inquiry.pk, focusarea_id=f)
                         for f in chosen]
                inquiry_events = _events(inquiry, employees.get(inquiry.assignee_id), actor,
                                         [employees[c] for c in helpers], bool(chosen), rng,
                                         extra=DETAIL_EVENTS if i == detail_index else 0)
                if i == detail_index:
                    summary.detail_pk, summary.detail_events = inquiry.pk, len(inquiry_events)
                events += inquiry_events
                statuses[inquiry.status] += 1
                per_area[inquiry.area_id] += 1
                summary.forwarded += bool(helpers)
                summary.tagged += bool(chosen)
                summary.anonymised += inquiry.anonymised_at is not None
            InquiryEvent.objects.bulk_create(events, batch_size=BATCH)
            summary.events += len(events)
    Inquiry.participants.through.objects.bulk_create(participants, batch_size=BATCH)
    Inquiry.focus_areas.through.objects.bulk_create(tags, batch_size=BATCH)
    summary.detail_attachments = _attachments(summary.detail_pk)

    summary.inquiries = count
    summary.by_status = {str(status): statuses[status] for status in sorted(statuses)}
    summary.without_area = per_area.pop(None, 0)
    if per_area:
        busiest = max(per_area, key=lambda pk: (per_area[pk], -pk))
        summary.busiest_area_pk, summary.busiest_area_inquiries = busiest, per_area[busiest]
        summary.busiest_area_slug = next(a.slug for a in areas if a.pk == busiest)
    return summary


def _attachments(pk: int) -> int:
    """Three files on the inquiry page's inquiry: one sent with it, one on a public reply and
    one on an internal comment. Rows only: the page shows name and size, the file is not read."""
    events = InquiryEvent.objects.filter(inquiry_id=pk)
    reply = events.filter(kind=Kind.REPLY).first()
    comment = events.filter(kind=Kind.COMMENT).first()
    rows = [InquiryAttachment(inquiry_id=pk, event=event, file=f"bench/{name}", name=name,
                              size=size, content_type=kind)
            for event, name, size, kind in [
                (None, "billede-af-vejen.jpg", 2_345_678, "image/jpeg"),
                (reply, "svar-fra-driften.pdf", 183_422, "application/pdf"),
                (comment, "notat-møde-med-lokalrådet.docx", 48_120,
                 "application/vnd.openxmlformats-officedocument.wordprocessingml.document")]]
    return len(InquiryAttachment.objects.bulk_create(rows))


def _inquiry(index, received, rng, areas, weights, primary, employees, deadlines, *, detail,
             seed) -> Inquiry:
    area = None if rng.random() < 0.05 else rng.choices(areas, cum_weights=weights)[0]
    age = (TODAY - received.date()).days
    status = Status.ACKNOWLEDGED if detail else _status(age, rng)
    acknowledge_due, answer_due = deadlines(received.date())
    kind = rng.choice(list(Inquiry.SubmitterKind.values))
    name = (f"{area.name if area else 'Hedensted'} Lokalråd" if kind == Inquiry.SubmitterKind.COUNCIL
            else f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}")
    subject, text = _text(area.name if area else "Hedensted", rng)
    assignee_id = primary.get(area.pk) if area else None
    inquiry = Inquiry(
        area_id=area.pk if area else None, subject=subject, text=text, submitter_kind=kind,
        submitter_name=name,
        submitter_email=f"{ascii_slug(name).replace('-', '.')}.{index}@mail.example.dk",
        submitter_phone=f"+45 {rng.randint(20, 99)} {rng.randint(10, 99)} {rng.randint(10, 99)} "
                        f"{rng.randint(10, 99)}" if rng.random() < 0.5 else "",
        token_hash=hashlib.sha256(f"bench-token-{seed}-{index}".encode()).hexdigest(),
        client_hash=hashlib.sha256(f"bench-client-{seed}-{index}".encode()).hexdigest(),
        assignee_id=assignee_id if assignee_id in employees else None, status=status,
        acknowledge_due=acknowledge_due, answer_due=answer_due, received_on=received.date(),
        created_at=received, updated_at=received,
    )
    steps = [Status.RECEIVED, Status.ACKNOWLEDGED, Status.ANSWERED, Status.CLOSED]
    reached = steps.index(status)
    moment = received
    for step, attribute in ((1, "acknowledged_at"), (2, "answered_at"), (3, "closed_at")):
        if reached >= step:
            moment += datetime.timedelta(hours=rng.randint(2, 24 * (3 if step == 1 else 8)))
            setattr(inquiry, attribute, moment)
    inquiry.updated_at = moment
    if status == Status.CLOSED:
        inquiry.outcome = rng.choice(OUTCOMES)
        if (TODAY - moment.date()).days > 365:  # as jobs.anonymise_expired (default retention)
            inquiry.anonymised_at = moment + datetime.timedelta(days=366)
            inquiry.submitter_name = inquiry.submitter_email = inquiry.submitter_phone = ""
            inquiry.client_hash = ""
    return inquiry


def _events(inquiry, handler, actor, helpers, tagged, rng, *, extra=0) -> list[InquiryEvent]:
    """The timeline the services would have written, in order."""
    at = inquiry.created_at

    def event(kind, public, text="", by=None, after=None):
        nonlocal at
        at = after or at + datetime.timedelta(minutes=rng.randint(1, 120))
        return InquiryEvent(inquiry_id=inquiry.pk, kind=kind, public=public, text=text,
                            actor_id=by.pk if by else None, at=at)

    events = [event(Kind.SUBMITTED, True, after=at),
              event(Kind.ROUTED, False, handler.name if handler else "koordinatoren")]
    if inquiry.acknowledged_at:
        events.append(event(Kind.ACKNOWLEDGED, True, by=actor, after=inquiry.acknowledged_at))
    for helper in helpers:
        events.append(event(Kind.FORWARDED, False, helper.name, by=actor))
    if tagged:
        events.append(event(Kind.TAGGED, False, by=actor))
    if rng.random() < 0.3 or extra:
        events.append(event(Kind.COMMENT, False, rng.choice(COMMENTS), by=actor))
    for number in range(max(0, extra - len(events) - 1)):
        if number % 3 == 2:
            events.append(event(Kind.FOLLOW_UP, True, rng.choice(FOLLOW_UPS)))
        else:
            events.append(event(Kind.COMMENT if number % 3 else Kind.REPLY, number % 3 == 0,
                                rng.choice(COMMENTS if number % 3 else REPLIES), by=actor))
    if extra:
        events.append(event(Kind.COMMENT, False, "Afventer svar fra driften.", by=actor))
    if inquiry.answered_at:
        events.append(event(Kind.REPLY, True, rng.choice(REPLIES), by=actor,
                            after=inquiry.answered_at))
        if rng.random() < 0.15:
            events.append(event(Kind.FOLLOW_UP, True, rng.choice(FOLLOW_UPS)))
    if inquiry.closed_at:
        events.append(event(Kind.CLOSED, True, inquiry.outcome, by=actor,
                            after=max(inquiry.closed_at, at + datetime.timedelta(minutes=1))))
    if inquiry.anonymised_at:
        events.append(event(Kind.ANONYMISED, False, after=inquiry.anonymised_at))
    return events
