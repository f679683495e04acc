# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""Reads for the rollout pages: the plan, the areas' invitations and answers, and the need for
contacts against the open nominations. Each costs a fixed number of queries, whatever the number
of areas, milestones or nominations. Internal: the views require core.view_internal."""

from dataclasses import dataclass, field

from django.db.models import Count, Exists, OuterRef, Q, Subquery
from django.utils import timezone

from lokalkontakt.areas.models import (
    Assignment,
    AssignmentRole,
    Coverage,
    LocalArea,
    Participation,
)
from lokalkontakt.areas.selectors import ACTIVE, _with_coverage, areas_with_contacts
from lokalkontakt.candidates.models import Nomination
from lokalkontakt.handovers.models import Handover
from lokalkontakt.rollout.models import RolloutMilestone

NEEDS_CONTACT = [Coverage.UNCOVERED, Coverage.HANDOVER]


def rollout_plan() -> list[RolloutMilestone]:
    """The plan's steps in order (month, then the order they were added), each with `is_overdue`:
    its period has passed and it is not done."""
    today = timezone.localdate()
    milestones = list(RolloutMilestone.objects.order_by("planned_from", "position", "pk"))
    for milestone in milestones:
        milestone.is_overdue = (milestone.planned_to < today
                                and milestone.status != RolloutMilestone.Status.DONE)
    return milestones


def rollout_areas(*, answer: str = "", lacking: bool = False):
    """Every area in Danish order with its invitation, answer, coverage and contact, optionally
    only those with one answer, or only those without a contact or with a handover due
    (`lacking`: with the answer "interested", the overview's list of the need)."""
    return _filtered(areas_with_contacts(), answer=answer, lacking=lacking)


def _filtered(areas, *, answer: str, lacking: bool):
    if answer in Participation.values:
        areas = areas.filter(participation=answer)
    if lacking:
        areas = areas.filter(coverage__in=NEEDS_CONTACT)
    return areas.order_by("sort_name", "pk")


# What a row of the areas page shows: not the outline, the search text or the sources, and of the
# contacts only the primary contact's name.
AREA_ROW = ("name", "slug", "sort_name", "invited_on", "participation", "participation_date",
            "participation_note")


def rollout_area_rows(*, answer: str = "", lacking: bool = False):
    """`rollout_areas` for the page's table: only the columns a row shows, with the active
    primary contact's name (`contact_name`, None without one) read in the same query instead of
    every active assignment with its employee and core area (one query less, and 50 rows no
    longer build some 300 model instances)."""
    primary = Assignment.objects.filter(ACTIVE, area=OuterRef("pk"), role=AssignmentRole.PRIMARY)
    areas = _with_coverage(LocalArea.objects.only(*AREA_ROW)).annotate(
        contact_name=Subquery(primary.values("employee__name")[:1]))
    return _filtered(areas, answer=answer, lacking=lacking)


@dataclass
class Need:
    """Interested areas without a contact against the open nominations."""

    total: int = 0
    answers: dict = field(default_factory=dict)  # participation -> number of areas
    invited: int = 0
    # Interested areas without a contact or with a handover due, each with `candidates` (the open
    # nominations naming it) and `successor_name` (the new contact of a planned handover, or
    # None); at most `limit` of them, `listed` counts them all. `needing` counts those that lack
    # a contact: without a planned handover (`handover_planned` counts those with one).
    needing: int = 0
    handover_planned: int = 0
    listed: int = 0
    areas: list = field(default_factory=list)
    unspecific: list = field(default_factory=list)  # the first open nominations that name no area
    unspecific_count: int = 0  # all of them
    nominations: int = 0  # open nominations (one per candidate)

    @property
    def interested(self) -> int:
        return self.answers.get(Participation.INTERESTED, 0)

    @property
    def declined(self) -> int:
        return self.answers.get(Participation.DECLINED, 0)

    @property
    def unanswered(self) -> int:
        return self.answers.get(Participation.UNKNOWN, 0)

    @property
    def more(self) -> int:
        return self.listed - len(self.areas)


def _planned_handover():
    return Handover.objects.filter(area=OuterRef("pk"), status=Handover.Status.PLANNED)


def _lacking_areas(staying, *, limit: int) -> list[LocalArea]:
    """The first `limit` interested areas lacking a contact, in Danish order, each with its
    `coverage` (a handover due, or none) and `successor_name`."""
    due = Assignment.objects.filter(ACTIVE, area=OuterRef("pk"), role=AssignmentRole.PRIMARY,
                                    handover_due=True)
    areas = list(LocalArea.objects
                 .filter(~Exists(staying.filter(area=OuterRef("pk"))),
                         participation=Participation.INTERESTED)
                 .annotate(handover_pending=Exists(due), successor_name=Subquery(
                     _planned_handover().values("to_employee__name")[:1]))
                 .only("name", "slug", "sort_name", "participation_date")
                 .order_by("sort_name", "pk")[:limit])
    for area in areas:
        area.coverage = Coverage.HANDOVER if area.handover_pending else Coverage.UNCOVERED
    return areas


def rollout_need(*, limit: int = 10, with_candidates: bool = True) -> Need:
    """The overview of need in a fixed number of queries, whatever the number of areas or
    nominations: the counts, the interested areas without a contact (the first `limit` in Danish
    order), the open nominations counted, and for the coordinator the nominations naming the
    listed areas and the first `limit` naming none. An area whose handover to a named successor
    is planned has found its contact: it is listed with the successor, not counted as lacking
    one. Who is nominated is for the coordinator: without candidates, the nominations are only
    counted (five queries) and `candidates` and `unspecific` stay empty."""
    need = Need()
    interested = Participation.INTERESTED
    counts = LocalArea.objects.aggregate(
        total=Count("pk"), invited=Count("pk", filter=Q(invited_on__isnull=False)),
        **{answer: Count("pk", filter=Q(participation=answer)) for answer in Participation.values})
    need.total, need.invited = counts["total"], counts["invited"]
    need.answers = {answer: counts[answer] for answer in Participation.values}
    # An interested area lacks a contact when no active primary contact stays, i.e. none without
    # a handover due (an area has at most one active primary assignment). Counted from the
    # staying assignments and the planned handovers, not by subqueries for every area.
    staying = Assignment.objects.filter(ACTIVE, role=AssignmentRole.PRIMARY, handover_due=False)
    kept = staying.filter(area__participation=interested).count()
    need.handover_planned = (Handover.objects
                             .filter(status=Handover.Status.PLANNED, area__participation=interested)
                             .exclude(Exists(staying.filter(area=OuterRef("area_id")))).count())
    need.listed = need.interested - kept
    need.needing = need.listed - need.handover_planned
    need.areas = _lacking_areas(staying, limit=limit)
    by_area = {area.pk: area for area in need.areas}
    for area in need.areas:
        area.candidates = []
    open_nominations = Nomination.objects.filter(status=Nomination.Status.PROPOSED)
    if not with_candidates:
        need.nominations = open_nominations.count()
        return need
    named = Nomination.areas.through.objects.filter(nomination_id=OuterRef("pk"))
    nomination_counts = open_nominations.aggregate(
        nominations=Count("pk"), unspecific=Count("pk", filter=~Exists(named)))
    need.nominations = nomination_counts["nominations"]
    need.unspecific_count = nomination_counts["unspecific"]
    naming = (Nomination.areas.through.objects
              .filter(localarea_id__in=list(by_area), nomination__status=Nomination.Status.PROPOSED)
              .select_related("nomination__employee", "nomination__core_area")
              .order_by("nomination__employee__sort_name", "nomination_id"))
    for link in naming:
        by_area[link.localarea_id].candidates.append(link.nomination)
    need.unspecific = list(open_nominations.filter(~Exists(named))
                           .select_related("employee", "core_area")
                           .order_by("employee__sort_name", "pk")[:limit])
    return need
