# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""Reads for the rollout pages: the plan, the areas' invitations and answers, and the need for
contacts against the open nominations. Each costs a fixed number of queries, whatever the number
of areas, milestones or nominations. Internal: the views require core.view_internal."""

from dataclasses import dataclass, field

from django.db.models import Count, Exists, F, FilteredRelation, OuterRef, Q, Subquery
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


def need_models() -> tuple:
    """The models rollout_need reads besides the areas, assignments, employees and core areas
    (rollout.kept's version): the handovers, the nominations and the areas they name."""
    return Handover, Nomination, Nomination.areas.through


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
    # Interested areas without a contact or with a handover due, as rows (_lacking_areas), each
    # with `candidates` (the open nominations naming it); at most `limit` of them, `listed`
    # counts them all. `needing` counts those that lack a contact: without a planned handover
    # (`handover_planned` counts those with one).
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


def _lacking_areas(*, limit: int) -> list[dict]:
    """The first `limit` interested areas lacking a contact, in Danish order, as rows: `name`,
    `slug`, `participation_date`, `handover_pending` (its contact's handover is due) and
    `successor_name` (the new contact of a planned handover, or None)."""
    primary = Assignment.objects.filter(ACTIVE, area=OuterRef("pk"), role=AssignmentRole.PRIMARY)
    planned = Handover.objects.filter(area=OuterRef("pk"), status=Handover.Status.PLANNED)
    return list(LocalArea.objects
                .filter(~Exists(primary.filter(handover_due=False)),
                        participation=Participation.INTERESTED)
                .order_by("sort_name", "pk")
                .values("pk", "name", "slug", "participation_date",
                        handover_pending=Exists(primary.filter(handover_due=True)),
                        successor_name=Subquery(planned.values("to_employee__name")[:1]))[:limit])


# A nomination as the overview names it: the candidate, and the core area they work in.
NOMINEE = {"employee_name": F("employee__name"), "core_area_name": F("core_area__name")}


def rollout_need(*, limit: int = 10, with_candidates: bool = True) -> Need:
    """The overview of need in a fixed number of queries, whatever the number of areas or
    nominations: the counts, the interested areas without a contact (the first `limit` in Danish
    order, as rows), the open nominations counted, and for the coordinator the nominations naming
    the listed areas and the first `limit` naming none (rows with `employee_name`,
    `core_area_name` and `note`). An area whose handover to a named successor is planned has
    found its contact: it is listed with the successor, not counted as lacking one. Who is
    nominated is for the coordinator: without candidates, the nominations are only counted (three
    queries) and `candidates` and `unspecific` stay empty."""
    need = Need()
    interested = Q(participation=Participation.INTERESTED)
    # An interested area lacks a contact when no active primary contact stays, i.e. none without
    # a handover due. An area has at most one active primary assignment and one planned handover
    # (unique constraints), so joining them counts areas; counted with the answers in one pass
    # over the areas (EXISTS for every area in the FILTERs costs SQLite more than the joins).
    staying = Q(assignments__ends_on__isnull=True, assignments__role=AssignmentRole.PRIMARY,
                assignments__handover_due=False)
    counts = LocalArea.objects.annotate(
        staying=FilteredRelation("assignments", condition=staying),
        planned=FilteredRelation("handovers", condition=Q(
            handovers__status=Handover.Status.PLANNED)),
    ).aggregate(
        total=Count("pk"), invited=Count("pk", filter=Q(invited_on__isnull=False)),
        kept=Count("pk", filter=interested & Q(staying__isnull=False)),
        handover_planned=Count("pk", filter=interested & Q(staying__isnull=True,
                                                           planned__isnull=False)),
        **{answer: Count("pk", filter=Q(participation=answer)) for answer in Participation.values})
    need.total, need.invited = counts["total"], counts["invited"]
    need.answers = {answer: counts[answer] for answer in Participation.values}
    need.handover_planned = counts["handover_planned"]
    need.listed = need.interested - counts["kept"]
    need.needing = need.listed - need.handover_planned
    need.areas = _lacking_areas(limit=limit)
    for area in need.areas:
        area["candidates"] = []
    open_nominations = Nomination.objects.filter(status=Nomination.Status.PROPOSED)
    if not with_candidates:
        need.nominations = open_nominations.count()
        return need
    named = Nomination.areas.through.objects.filter(nomination_id=OuterRef("pk"))
    nomination_counts = open_nominations.aggregate(
        nominations=Count("pk"), unspecific=Count("pk", filter=~Exists(named)))
    need.nominations = nomination_counts["nominations"]
    need.unspecific_count = nomination_counts["unspecific"]
    if need.areas:
        by_area = {area["pk"]: area["candidates"] for area in need.areas}
        for link in (open_nominations.filter(areas__in=list(by_area))
                     .order_by("employee__sort_name", "pk")
                     .values(area_id=F("areas"), **NOMINEE)):
            by_area[link["area_id"]].append(link)
    if need.unspecific_count:
        need.unspecific = list(open_nominations.filter(~Exists(named))
                               .order_by("employee__sort_name", "pk")
                               .values("note", **NOMINEE)[:limit])
    return need
