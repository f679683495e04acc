# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""Reads about handovers, each in a fixed number of queries whatever the number of handovers."""

import datetime
from dataclasses import dataclass
from types import SimpleNamespace

from django.db.models import Case, Count, Exists, F, OuterRef, Q, Subquery, Value, When, Window
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import gettext as _

from lokalkontakt.areas.models import Assignment, AssignmentRole, LocalArea
from lokalkontakt.core.roles import person_name
from lokalkontakt.core.text import short_date
from lokalkontakt.handovers.models import Handover
from lokalkontakt.handovers.permissions import handover_blocked_reason, handovers_visible_to

PAGE_SIZE = 50  # handovers a page of the coordinator's list
DUE_SHOWN = 20  # areas due without a handover shown on the list's first page


def _with_people(queryset):
    return queryset.select_related("area", "from_employee", "to_employee", "from_assignment")


@dataclass(frozen=True)
class HandoverState:
    label: str
    badge: str  # the DKFDS badge modifier: info, success, warning, error
    detail: str = ""


def handover_state(handover: Handover, *, today: datetime.date | None = None) -> HandoverState:
    """Where a handover stands, for the coordinator's list and the handover's page."""
    today = today or timezone.localdate()
    if handover.status == Handover.Status.DONE:
        return HandoverState(_("Completed"), "success")
    if handover.status == Handover.Status.CANCELLED:
        return HandoverState(_("Cancelled"), "info")
    blocked = handover_blocked_reason(handover)
    if blocked:
        return HandoverState(_("Cannot be switched"), "error", blocked)
    if handover.confirmed_at is None and handover.switch_on < today:
        return HandoverState(_("Overdue: not confirmed"), "error", _(
            "The date has come, but %(name)s has not confirmed yet. The handover waits and is "
            "completed at the first run after the confirmation.") % {"name": handover.to_employee})
    if handover.confirmed_at is None:
        return HandoverState(_("Waiting for confirmation"), "warning")
    if handover.switch_on <= today:
        return HandoverState(_("Confirmed: switches shortly"), "success")
    return HandoverState(_("Confirmed"), "success")


def _with_states(handovers, today):
    handovers = list(handovers)
    for handover in handovers:
        handover.state = handover_state(handover, today=today)
    return handovers


def handovers_planned(*, today: datetime.date | None = None) -> list[Handover]:
    """Every planned handover (at most one per area), the earliest date first, with its state."""
    planned = _with_people(Handover.objects.filter(status=Handover.Status.PLANNED))
    return _with_states(planned.order_by("switch_on", "area__sort_name", "pk"),
                        today or timezone.localdate())


def handovers_finished():
    """Completed and cancelled handovers, the latest first."""
    return _with_people(Handover.objects.exclude(status=Handover.Status.PLANNED)).order_by(
        "-updated_at", "-pk")


def _when_planned(value):
    return Case(When(status=Handover.Status.PLANNED, then=value), default=None)


# What a row of the coordinator's list shows and its state needs, read as values: a page of 50
# handovers as model instances (each with its area, two employees and an assignment) cost more to
# build than its query, and the handover note alone may be 20,000 characters.
LIST_ROW = {"pk": "pk", "status": "status", "switch_on": "switch_on",
            "note_written_at": "note_written_at", "confirmed_at": "confirmed_at",
            "area_name": "area__name", "from_name": "from_employee__name",
            "to_name": "to_employee__name", "to_active": "to_employee__is_active",
            "from_ends_on": "from_assignment__ends_on"}


def handovers_in_list_order():
    """Every handover in the coordinator's list's order, to page: the planned ones first (the
    earliest date first, as `handovers_planned`), then the completed and cancelled ones (the
    latest first, as `handovers_finished`); as values (`LIST_ROW`), for `list_rows`."""
    planned = Q(status=Handover.Status.PLANNED)
    return Handover.objects.annotate(
        list_group=Case(When(planned, then=Value(0)), default=Value(1)),
        planned_on=_when_planned(F("switch_on")), planned_name=_when_planned(F("area__sort_name")),
        planned_pk=_when_planned(F("pk")),
        finished_at=Case(When(planned, then=None), default=F("updated_at")),
    ).order_by("list_group", "planned_on", "planned_name", "planned_pk",
               F("finished_at").desc(), "-pk").values(
                   *(name for name, path in LIST_ROW.items() if name == path),
                   **{name: F(path) for name, path in LIST_ROW.items() if name != path})


@dataclass
class _Named:
    """What a row and `handover_state` read of an area, an employee or an assignment."""

    name: str = ""
    is_active: bool = True
    ends_on: datetime.date | None = None

    def __str__(self):
        return self.name


class ListRow(SimpleNamespace):
    """A row of the coordinator's list: read as a handover is (`area.name`, `to_employee`,
    `get_status_display`, ...), so that `handover_state` and the template take it alike."""

    def get_status_display(self):
        return Handover.Status(self.status).label


def list_rows(values, *, today: datetime.date | None = None) -> list[ListRow]:
    """`handovers_in_list_order`'s values as rows, each with its `state`."""
    today = today or timezone.localdate()
    rows = []
    for value in values:
        row = ListRow(pk=value["pk"], status=value["status"], switch_on=value["switch_on"],
                      note_written_at=value["note_written_at"],
                      confirmed_at=value["confirmed_at"], area=_Named(value["area_name"]),
                      from_employee=_Named(value["from_name"]),
                      to_employee=_Named(value["to_name"], is_active=value["to_active"]),
                      from_assignment=_Named(ends_on=value["from_ends_on"]))
        row.state = handover_state(row, today=today)
        rows.append(row)
    return rows


def handover_counts() -> dict[str, int]:
    """How many handovers are planned ("planned") and completed or cancelled ("finished"): one
    query, counted by the database."""
    planned = Q(status=Handover.Status.PLANNED)
    return Handover.objects.aggregate(planned=Count("pk", filter=planned),
                                      finished=Count("pk", filter=~planned))


def areas_due_without_handover():
    """Areas whose contact is marked "handover due" but with no handover planned yet, in Danish
    order, with the contact's name (`contact_name`)."""
    # The areas are picked by the ids of the due assignments and of the planned handovers, each
    # read once, not by a subquery per area: the areas are many, the due ones few.
    due = Assignment.objects.filter(role=AssignmentRole.PRIMARY, ends_on__isnull=True,
                                    handover_due=True)
    planned = Handover.objects.filter(status=Handover.Status.PLANNED)
    return (LocalArea.objects.filter(pk__in=due.values("area_id"))
            .exclude(pk__in=planned.values("area_id"))
            .annotate(contact_name=Subquery(
                due.filter(area=OuterRef("pk")).values("employee__name")[:1]))
            .only("name", "slug", "sort_name").order_by("sort_name"))


def due_rows(*, limit: int) -> tuple[list[dict], int]:
    """The list page's first `limit` areas of `areas_due_without_handover` as values (`name`,
    `slug`, `contact_name`) and how many there are, in one query read from the due assignments
    (few) rather than from every area."""
    planned = Handover.objects.filter(area=OuterRef("area_id"), status=Handover.Status.PLANNED)
    rows = list(Assignment.objects.filter(role=AssignmentRole.PRIMARY, ends_on__isnull=True,
                                          handover_due=True)
                .exclude(Exists(planned)).order_by("area__sort_name", "area_id")
                .values(name=F("area__name"), slug=F("area__slug"),
                        contact_name=F("employee__name"))
                .annotate(due_total=Window(Count("pk")))[:limit])
    return rows, rows[0]["due_total"] if rows else 0


def handover_get(*, user, pk: int) -> Handover:
    """One handover for its page, if the user may see it (404 otherwise, as for a missing one)."""
    queryset = Handover.objects.select_related(
        "area__council", "from_employee__core_area", "to_employee__core_area", "from_assignment",
        "new_assignment", "created_by__employee")
    handover = get_object_or_404(handovers_visible_to(user, queryset), pk=pk)
    handover.state = handover_state(handover)
    return handover


def handover_planned_for_area(*, area: LocalArea) -> Handover | None:
    return Handover.objects.filter(area=area, status=Handover.Status.PLANNED).first()


@dataclass
class HistoryEntry:
    at: datetime.datetime
    by: str
    texts: list


def handover_history(*, handover: Handover, limit: int = 50) -> list[HistoryEntry]:
    """What happened to the handover, oldest first, from its saved versions: who did it and
    when ("the system" for the periodic job). The latest `limit` versions; one more is read to
    tell what the first of them changed."""
    records = list(handover.history.select_related("history_user__employee")
                   .order_by("-history_date", "-history_id")[:limit + 1])[::-1]
    entries, previous = [], None
    if len(records) > limit:
        previous, records = records[0], records[1:]
    for record in records:
        user = record.history_user
        by = person_name(user) if user else _("the system")
        entries.append(HistoryEntry(at=record.history_date, by=by,
                                    texts=_changes(previous, record)))
        previous = record
    return entries


def _changes(old, new) -> list[str]:
    if old is None:
        return [_("Handover planned for %(date)s.") % {"date": short_date(new.switch_on)}]
    texts = []
    if new.switch_on != old.switch_on:
        texts.append(_("Date changed to %(date)s.") % {"date": short_date(new.switch_on)})
    if new.handover_note != old.handover_note:
        texts.append(_("Handover note changed.") if old.handover_note
                     else _("Handover note written."))
    if new.confirmed_at and not old.confirmed_at:
        texts.append(_("Confirmed by the new contact."))
    if new.status != old.status and new.status == Handover.Status.DONE:
        texts.append(_("Completed: the new contact took over."))
        if new.council_notified_at:
            texts.append(_("The council was told by e-mail."))
        else:
            texts.append(_("The council has no e-mail address and was not told."))
    if new.status != old.status and new.status == Handover.Status.CANCELLED:
        texts.append(_("Cancelled: %(reason)s") % {"reason": new.cancel_reason})
    return texts or [_("Saved.")]


def handovers_to_act_on(*, employee) -> list[Handover]:
    """"Mine områder": the planned handovers the employee gives or receives, the earliest
    first. One query; none without an employee."""
    if employee is None:
        return []
    return list(Handover.objects.filter(Q(from_employee=employee) | Q(to_employee=employee),
                                        status=Handover.Status.PLANNED)
                .select_related("area", "from_employee", "to_employee")
                .order_by("switch_on", "pk"))


def handovers_planned_by_date():
    """The planned handovers as a queryset, the earliest date first (the start page takes the
    first few and gives each its `state` with `handover_state`)."""
    return _with_people(Handover.objects.filter(status=Handover.Status.PLANNED)).order_by(
        "switch_on", "area__sort_name", "pk")


def planned_handover_links(area_ids) -> dict[int, str]:
    """{area id: the planned handover's page} for the areas among `area_ids` whose handover is
    planned (one query; core.registry.planned_handovers)."""
    from django.urls import reverse

    planned = (Handover.objects.filter(area_id__in=area_ids, status=Handover.Status.PLANNED)
               .order_by("switch_on", "pk").values_list("area_id", "pk"))
    links: dict[int, str] = {}
    for area_id, pk in planned:
        links.setdefault(area_id, reverse("handovers:detail", args=[pk]))
    return links
