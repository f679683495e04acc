# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""Reads about local areas shared by views, reports and (later) the API.

Every list here costs a fixed number of queries, whatever the number of areas.
"""

from dataclasses import dataclass, field

from django.db import connection
from django.db.models import Case, Count, Exists, OuterRef, Prefetch, Q, Value, When
from django.db.models import CharField as CharFieldType
from django.shortcuts import get_object_or_404

from lokalkontakt.areas.models import (
    AreaEvent,
    Assignment,
    AssignmentRole,
    Coverage,
    LocalArea,
    Participation,
)
from lokalkontakt.core.text import search_fold
from lokalkontakt.people.models import CoreArea, Employee

ACTIVE = Q(ends_on__isnull=True)


def active_assignments():
    return Assignment.objects.filter(ACTIVE).select_related("employee__core_area")


def _with_coverage(queryset):
    """Annotate `coverage` (covered / uncovered / handover) from the active primary assignment."""
    primary = Assignment.objects.filter(ACTIVE, area=OuterRef("pk"), role=AssignmentRole.PRIMARY)
    return queryset.annotate(
        has_primary=Exists(primary),
        handover_pending=Exists(primary.filter(handover_due=True)),
    ).annotate(
        coverage=Case(
            When(handover_pending=True, then=Value(Coverage.HANDOVER)),
            When(has_primary=True, then=Value(Coverage.COVERED)),
            default=Value(Coverage.UNCOVERED),
            output_field=CharFieldType(),
        )
    )


def areas_with_contacts():
    """Areas with council, coverage and active assignments (`area.active_assignments`)."""
    return _with_coverage(
        LocalArea.objects.select_related("council").prefetch_related(
            Prefetch("assignments", queryset=active_assignments(), to_attr="active_assignments")
        )
    )


def directory_areas(*, query: str = "", coverage: str = "", postcode: str = ""):
    """The directory: areas in Danish order, searched by name, town, postcode or parish,
    optionally filtered by coverage and by one whole postcode (four digits). Open to
    everyone; templates (and the public API's serializer) hide internal fields."""
    areas = areas_with_contacts()
    for word in search_fold(query).split():
        areas = areas.filter(search_text__contains=word)
    if coverage in Coverage.values:
        areas = areas.filter(coverage=coverage)
    if postcode:
        # Postcodes are four digits separated by single spaces (postcodes_validator), so a
        # four-digit substring is always a whole postcode.
        areas = areas.filter(postcodes__contains=postcode)
    return areas.order_by("sort_name")


MAP_FIELDS = ("name", "slug", "sort_name", "parish", "participation", "latitude", "longitude",
              "boundary")


def map_areas():
    """Every area for the coverage map (areas.maps), in Danish order, in one query; as rows
    with the map's fields as attributes (no model instances: there may be thousands)."""
    return (_with_coverage(LocalArea.objects.all()).order_by("sort_name")
            .values_list(*MAP_FIELDS, "coverage", named=True))


def map_version() -> str:
    """Changes whenever the coverage map may change (areas.maps.cached): the areas' and the
    assignments' counts and latest changes, in one query. Every write of either goes through
    save(), which sets updated_at; a deleted row changes the count."""
    tables = map(connection.ops.quote_name, (LocalArea._meta.db_table, Assignment._meta.db_table))
    parts = ", ".join(f"(SELECT COUNT(*) FROM {table}), (SELECT MAX(updated_at) FROM {table})"  # noqa: S608 - the models' own tables
                      for table in tables)
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {parts}")
        return "/".join(map(str, cursor.fetchone()))


def areas_for_boundaries():
    """The areas an imported outline may match (areas.boundaries.preview)."""
    return LocalArea.objects.only("name", "sort_name", "parish", "boundary").order_by("sort_name")


def area_get(*, slug: str) -> LocalArea:
    """One area for its page, with council, coverage and active assignments; 404 if unknown."""
    return get_object_or_404(
        areas_with_contacts().prefetch_related("projects__lead"), slug=slug
    )


def area_assignment_history(*, area: LocalArea):
    """Every assignment the area has had, newest first: who covered it, and when."""
    return area.assignments.select_related("employee__core_area").order_by(
        "-starts_on", "-pk"
    )


def area_events(*, area: LocalArea, limit: int = 50):
    return area.events.select_related("actor__employee").order_by("-at", "-pk")[:limit]


def areas_of_employee(*, employee: Employee | None):
    """The areas an employee covers now, as contact or deputy ("Mine områder")."""
    if employee is None:
        return LocalArea.objects.none()
    mine = Assignment.objects.filter(ACTIVE, area=OuterRef("pk"), employee=employee)
    return (
        areas_with_contacts()
        .filter(Exists(mine))
        .order_by("sort_name")
    )


@dataclass
class CoverageOverview:
    areas: list = field(default_factory=list)
    uncovered: list = field(default_factory=list)
    handover: list = field(default_factory=list)
    declined: list = field(default_factory=list)
    unanswered: list = field(default_factory=list)
    total: int = 0
    core_areas: list = field(default_factory=list)
    without_core_area: int = 0
    contacts: list = field(default_factory=list)
    conflicts: list = field(default_factory=list)


def coverage_overview() -> CoverageOverview:
    """The coordinator's overview in four queries: the areas, the core areas, the contacts
    and the conflicts found in the sources (the contacts without a core area are counted from
    the contacts)."""
    overview = CoverageOverview()
    areas = list(
        _with_coverage(LocalArea.objects.select_related("council"))
        .only(*MAP_FIELDS, "participation_date", "council__name")
        .order_by("sort_name")
    )
    overview.areas = areas  # for the map
    overview.total = len(areas)
    for area in areas:
        if area.coverage == Coverage.UNCOVERED:
            overview.uncovered.append(area)
        elif area.coverage == Coverage.HANDOVER:
            overview.handover.append(area)
        if area.participation == Participation.DECLINED:
            overview.declined.append(area)
        elif area.participation == Participation.UNKNOWN:
            overview.unanswered.append(area)
    contact_filter = Q(employees__assignments__ends_on__isnull=True)
    overview.core_areas = list(
        CoreArea.objects.annotate(
            contact_count=Count("employees", filter=contact_filter, distinct=True),
            area_count=Count("employees__assignments__area", filter=contact_filter, distinct=True),
        ).order_by("sort_name")
    )
    overview.contacts = list(contacts_with_area_counts())
    overview.without_core_area = sum(1 for c in overview.contacts if c.core_area_id is None)
    overview.conflicts = list(source_conflicts())
    return overview


def source_conflicts():
    """What an import or the demo found contradictory in its source (Bilag 1 lists Stenderup
    both with and without a contact), in the areas' Danish order: for the coordinator to settle."""
    return (AreaEvent.objects.filter(kind=AreaEvent.Kind.CONFLICT).select_related("area")
            .order_by("area__sort_name", "at", "pk"))


def contacts_with_area_counts():
    """Employees with at least one active assignment, with how many areas they cover."""
    return (
        Employee.objects.select_related("core_area")
        .annotate(
            area_count=Count("assignments", filter=Q(assignments__ends_on__isnull=True)),
            primary_count=Count(
                "assignments",
                filter=Q(assignments__ends_on__isnull=True, assignments__role=AssignmentRole.PRIMARY),
            ),
        )
        .filter(area_count__gt=0)
        .order_by("sort_name", "pk")
    )


def recent_events(*, limit: int = 20):
    return AreaEvent.objects.select_related("area", "actor__employee").order_by("-at", "-pk")[:limit]


def areas_without_contact():
    """Areas with no primary contact now whose council has not declined (taking part is
    voluntary), in Danish order: the coordinator's start page."""
    primary = Assignment.objects.filter(ACTIVE, area=OuterRef("pk"), role=AssignmentRole.PRIMARY)
    return (LocalArea.objects.exclude(Exists(primary))
            .exclude(participation=Participation.DECLINED)
            .only("name", "slug", "sort_name", "participation").order_by("sort_name"))
