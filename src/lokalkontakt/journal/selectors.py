# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""The cases to journalise, read for a page, a download or the API.

A case is an inquiry or a consultation (`Case`). Who may see one is the apps' own rule
(permissions.cases_visible_to); `user=None` means no user: an integration that has already been
authorised (the API's key), which sees every case.
"""

import datetime
import heapq
import itertools
from dataclasses import dataclass

from django.conf import settings
from django.db.models import DateField, F, Value
from django.db.models.functions import TruncDate
from django.http import Http404
from django.utils import timezone

from lokalkontakt.consultations.models import Consultation, ConsultationTask
from lokalkontakt.inquiries.models import Inquiry
from lokalkontakt.journal.models import Journalisation
from lokalkontakt.journal.permissions import visible_consultations, visible_inquiries

Kind = Journalisation.Kind
# An inquiry whose personal data is deleted within this many days is flagged: journalise it first.
WARN_DAYS = 30
MODELS = {Kind.INQUIRY: Inquiry, Kind.CONSULTATION: Consultation}


@dataclass
class Case:
    """One inquiry or consultation, and its journalisation once recorded."""

    kind: str  # Journalisation.Kind
    obj: Inquiry | Consultation
    journalisation: Journalisation | None = None

    @property
    def pk(self) -> int:
        return self.obj.pk

    @property
    def reference(self) -> str:
        return self.obj.reference

    @property
    def title(self) -> str:
        return self.obj.subject if self.kind == Kind.INQUIRY else self.obj.title

    @property
    def received(self) -> datetime.date:
        """The day the case began: an inquiry's day received, a consultation's day sent."""
        if self.kind == Kind.INQUIRY:
            return self.obj.received_on
        return timezone.localdate(self.obj.created_at)

    @property
    def kind_label(self) -> str:
        return str(Kind(self.kind).label)

    @property
    def is_journalised(self) -> bool:
        return self.journalisation is not None

    @property
    def personal_data_deleted(self) -> bool:
        return self.kind == Kind.INQUIRY and self.obj.anonymised_at is not None

    @property
    def deletion_day(self) -> datetime.date | None:
        """The day a closed inquiry's personal data will be deleted (inquiries.jobs, after
        settings.INQUIRY_RETENTION_DAYS); None when it is open, deleted already, or a
        consultation."""
        inquiry = self.obj
        if self.kind != Kind.INQUIRY or inquiry.anonymised_at or not inquiry.closed_at:
            return None
        return timezone.localdate(inquiry.closed_at) + datetime.timedelta(
            days=settings.INQUIRY_RETENTION_DAYS)

    @property
    def deletion_soon(self) -> bool:
        """Its personal data is deleted within WARN_DAYS: journalise it first."""
        day = self.deletion_day
        return day is not None and day <= timezone.localdate() + datetime.timedelta(
            days=WARN_DAYS)


def _journalised(kind: str):
    return Journalisation.objects.filter(kind=kind).values("object_id")


def _rows(queryset, kind: str, day, order, *, status: str, since, until):
    rows = queryset.annotate(case_kind=Value(kind), day=day)
    if status == "pending":
        rows = rows.exclude(pk__in=_journalised(kind))
    elif status == "done":
        rows = rows.filter(pk__in=_journalised(kind))
    if since:
        rows = rows.filter(day__gte=since)
    if until:
        rows = rows.filter(day__lte=until)
    return rows.order_by(*order).values_list("case_kind", "pk", "day", "created_at")


def _order(row) -> tuple:
    kind, pk, day, created_at = row
    return (day, created_at, kind, pk)


class CaseRows:
    """The rows of both kinds in one order (day, created_at, kind, pk), read without a UNION:
    each kind's query is ordered by an index and cut at the slice's end, and the two are merged
    here. Slicing (`rows[a:b]`) costs one query per kind however many cases there are, and never
    counts; `count()` counts (each kind on its own); iterating reads everything in order."""

    def __init__(self, parts):
        self.parts = parts

    def __getitem__(self, window: slice) -> list[tuple]:
        if not isinstance(window, slice) or window.stop is None or window.step:
            raise TypeError("CaseRows takes a slice with an end: rows[start:stop]")
        start = window.start or 0
        merged = heapq.merge(*(part[:window.stop] for part in self.parts), key=_order)
        return list(itertools.islice(merged, start, window.stop))

    def __iter__(self):
        return heapq.merge(*(part.iterator() for part in self.parts), key=_order)

    def count(self) -> int:
        return sum(part.count() for part in self.parts)


def case_rows(*, user=None, kind: str | None = None, since: datetime.date | None = None,
              until: datetime.date | None = None, status: str = "pending") -> CaseRows:
    """The (kind, pk, day, created_at) rows, oldest first, for paging (CaseRows: slice it): the
    cases `user` may see (all for None), of `kind` (None: both), begun from `since` to `until`
    (the inquiry's day received, the consultation's day sent; both inclusive), by `status`:
    "pending" (not journalised), "done" or "all". Turn a page of rows into cases with
    `cases_for_rows`."""
    parts = []
    filters = {"status": status, "since": since, "until": until}
    if kind in (None, Kind.INQUIRY):
        # inquiry_received_idx gives this order (SQLite sorts only the ties of a day, as it goes).
        parts.append(_rows(visible_inquiries(user), Kind.INQUIRY, F("received_on"),
                           ["received_on", "created_at", "pk"], **filters))
    if kind in (None, Kind.CONSULTATION):
        # The day sent follows the time sent: ordered by the time, which is indexed.
        day = TruncDate("created_at", output_field=DateField())
        parts.append(_rows(visible_consultations(user), Kind.CONSULTATION, day,
                           ["created_at", "pk"], **filters))
    return CaseRows(parts)


def cases_for_rows(rows) -> list[Case]:
    """The cases of rows from `case_rows`, in their order, with their journalisations: four
    queries however many rows."""
    rows = list(rows)
    wanted = {kind: [pk for row_kind, pk, *_rest in rows if row_kind == kind] for kind in MODELS}
    objects = {
        Kind.INQUIRY: Inquiry.objects.select_related("area", "assignee").in_bulk(
            wanted[Kind.INQUIRY]) if wanted[Kind.INQUIRY] else {},
        Kind.CONSULTATION: Consultation.objects.select_related("requested_by").in_bulk(
            wanted[Kind.CONSULTATION]) if wanted[Kind.CONSULTATION] else {},
    }
    records = {}
    if rows:
        for record in Journalisation.objects.select_related("kle", "journalised_by__employee").filter(
                object_id__in={pk for _kind, pk, *_rest in rows}):
            records[(record.kind, record.object_id)] = record
    return [Case(kind, objects[kind][pk], records.get((kind, pk)))
            for kind, pk, *_rest in rows if pk in objects[kind]]


def pending_cases(*, user=None, kind: str | None = None, since: datetime.date | None = None,
                  until: datetime.date | None = None, limit: int | None = None) -> list[Case]:
    """The cases not yet journalised, oldest first (see `case_rows` for the arguments; `user`
    None: every case, for an authorised integration). `limit` caps the number read."""
    rows = case_rows(user=user, kind=kind, since=since, until=until, status="pending")
    return cases_for_rows(rows[:limit] if limit else list(rows))


def case_for(kind: str, pk: int, *, user=None) -> Case:
    """The inquiry ("inquiry") or consultation ("consultation") with this id as a Case, with its
    journalisation if recorded; Http404 when there is none, the kind is unknown or `user` (when
    given) may not see it. `user` None: no check (an authorised integration)."""
    if kind == Kind.INQUIRY:
        queryset = visible_inquiries(user)
    elif kind == Kind.CONSULTATION:
        queryset = visible_consultations(user)
    else:
        raise Http404
    obj = queryset.filter(pk=pk).first()
    if obj is None:
        raise Http404
    return Case(kind, obj, Journalisation.objects.select_related(
        "kle", "journalised_by__employee").filter(kind=kind, object_id=pk).first())


def personal_references(cases) -> list[tuple[str, int]]:
    """What a package of `cases` ((kind, pk) pairs) shows of people, for the access log: each
    inquiry (its submitter) and, for a consultation, the council members who answered it (named
    in its PDF and metadata). Two queries at most."""
    inquiries = [pk for kind, pk in cases if kind == "inquiry"]
    consultations = [pk for kind, pk in cases if kind == "consultation"]
    references = [("inquiries.inquiry", pk) for pk in inquiries]
    if consultations:
        members = (ConsultationTask.objects
                   .filter(consultation_id__in=consultations,
                           responded_by__council_member__isnull=False)
                   .values_list("responded_by__council_member__id", flat=True).distinct())
        references += [("councils.councilmember", pk) for pk in members]
    return references
