# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""Reads about local areas shared by views, reports and the API; every list here costs a fixed
number of queries, whatever the number of areas."""

from dataclasses import dataclass, field

from django.db.models import (
    Case,
    Count,
    Exists,
    FilteredRelation,
    Func,
    IntegerField,
    OuterRef,
    Prefetch,
    Q,
    Subquery,
    Value,
    When,
    Window,
)
from django.db.models import CharField as CharFieldType
from django.shortcuts import get_object_or_404

from lokalkontakt.areas.models import (
    AreaEvent,
    Assignment,
    AssignmentRole,
    Council,
    Coverage,
    LocalArea,
    Participation,
)
from lokalkontakt.areas.versions import data_version
from lokalkontakt.core.text import search_fold
from lokalkontakt.people.models import CoreArea, Employee

ACTIVE = Q(ends_on__isnull=True)
# What a list of areas to choose from shows: its name (in Danish order) and link; not the
# outline, the search text or the sources, which would be read for every area in every form.
CHOICE_FIELDS = ("pk", "name", "slug", "sort_name")


def area_choices(*also: str):
    """Every local area, in Danish order, with only the fields a choice or a name shows (and
    the fields named in `also`, e.g. the towns a label adds)."""
    return LocalArea.objects.order_by("sort_name").only(*CHOICE_FIELDS, *also)


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


# What a row of the public directory shows (areas/directory.html), and of its contacts.
DIRECTORY_ROW = ("slug", "name", "sort_name", "postcodes", "community_forming", "participation",
                 "council__name", "council__email")
CONTACT_ROW = ("area", "role", "employee__name", "employee__title", "employee__email",
               "employee__phone", "employee__is_active", "employee__core_area__name")


def directory_rows():
    """areas_with_contacts with only the columns the public directory's rows show: a page of
    50 rows built 300 model instances with every column (dates parsed) for them."""
    contacts = active_assignments().only(*CONTACT_ROW)
    return _with_coverage(LocalArea.objects.select_related("council").only(*DIRECTORY_ROW)
                          .prefetch_related(Prefetch("assignments", queryset=contacts,
                                                     to_attr="active_assignments")))


def directory_areas(*, query: str = "", coverage: str = "", postcode: str = "", areas=None):
    """The directory: areas in Danish order, searched by name, town, postcode or parish,
    optionally filtered by coverage and by one whole postcode (four digits). Open to
    everyone; templates (and the public API's serializer) hide internal fields. `areas`:
    those to search (default areas_with_contacts(); directory_rows() for the page)."""
    areas = areas_with_contacts() if areas is None else areas
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
    """Changes whenever the coverage map may change (areas.maps.cached): the areas and the
    assignments (areas.versions.data_version)."""
    return data_version(LocalArea, Assignment)


def directory_version() -> str:
    """Changes whenever the public directory's content may change (areas.views.directory)."""
    return data_version(LocalArea, Assignment, Council, Employee, CoreArea)


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


def _active_primary():
    return Assignment.objects.filter(ACTIVE, area=OuterRef("pk"), role=AssignmentRole.PRIMARY)


# The overview's lists of areas, each a rule on the areas (the same rules as `coverage`).
AREA_GROUPS = {
    "uncovered": lambda: ~Exists(_active_primary()),
    "handover": lambda: Exists(_active_primary().filter(handover_due=True)),
    "declined": lambda: Q(participation=Participation.DECLINED),
    "unanswered": lambda: Q(participation=Participation.UNKNOWN),
}
GROUP_FIELDS = ("name", "slug", "sort_name", "participation", "participation_date")
EVENT_FIELDS = ("kind", "data", "at", "refers_to", "area__name", "area__slug", "area__sort_name")


def area_group(group: str):
    """The areas of one of the overview's lists (AREA_GROUPS) in Danish order (the stored sort
    key), as a queryset to slice or page."""
    return (LocalArea.objects.only(*GROUP_FIELDS).filter(AREA_GROUPS[group]())
            .order_by("sort_name", "pk"))


# AREA_GROUPS' rules over the area joined to its one active primary ("active_primary"), for counting:
# an EXISTS per area and group made SQLite run 6,000 subqueries at 3,000 areas (issue 20).
COUNTED_GROUPS = {"uncovered": Q(active_primary__isnull=True),
                  "handover": Q(active_primary__handover_due=True),
                  **{group: AREA_GROUPS[group]() for group in ["declined", "unanswered"]}}


def area_group_counts() -> dict:
    """How many areas there are ("total") and how many are in each of AREA_GROUPS: one query,
    counted by the database in one pass over the areas (COUNTED_GROUPS)."""
    primary = FilteredRelation("assignments", condition=Q(
        assignments__ends_on__isnull=True, assignments__role=AssignmentRole.PRIMARY))
    return LocalArea.objects.annotate(active_primary=primary).aggregate(
        total=Count("pk"), **{group: Count("pk", filter=rule) for group, rule in COUNTED_GROUPS.items()})


def active_contact_counts() -> dict:
    """Per core area (None: none registered), how many employees are contacts now (`contacts`)
    and how many areas they cover (`areas`): one grouped query over the active assignments, read from
    the index assignment_current_by_employee (the no-op range on the employee makes SQLite choose it)."""
    rows = (Assignment.objects.filter(ACTIVE, employee__gt=0).order_by().values("employee__core_area")
            .annotate(contacts=Count("employee", distinct=True), areas=Count("area", distinct=True)))
    return {row["employee__core_area"]: row for row in rows}


def core_areas_with_contact_counts(counts: dict):
    """Every core area with `contact_count` and `area_count` from active_contact_counts()."""
    core_areas = list(CoreArea.objects.only("name", "sort_name").order_by("sort_name"))
    for core_area in core_areas:
        row = counts.get(core_area.pk, {})
        core_area.contact_count, core_area.area_count = row.get("contacts", 0), row.get("areas", 0)
    return core_areas


@dataclass
class CoverageOverview:
    """The coordinator's overview: figures counted by the database, and the first `limit` rows
    of each list (`lists`: AREA_GROUPS' names -> areas); the rest are paged elsewhere."""

    counts: dict = field(default_factory=dict)  # "total" and AREA_GROUPS' names -> number
    lists: dict = field(default_factory=dict)
    core_areas: list = field(default_factory=list)
    contact_count: int = 0
    without_core_area: int = 0
    contacts: list = field(default_factory=list)
    conflict_count: int = 0
    conflicts: list = field(default_factory=list)

    @property
    def total(self) -> int:
        return self.counts["total"]


def coverage_overview(*, limit: int) -> CoverageOverview:
    """The overview in a fixed number of queries, whatever the number of areas: the counts, the
    first `limit` areas of each group, the core areas, the contacts counted and the first `limit`
    of them, the sources' conflicts counted and the first `limit` of them."""
    contacts = active_contact_counts()  # each contact counted once: in their core area's row
    # Counted in the same query: the conflicts still to settle are a handful, not thousands.
    conflicts = list(source_conflicts().annotate(total=Window(Count("pk")))[:limit])
    return CoverageOverview(
        counts=area_group_counts(),
        lists={group: list(area_group(group)[:limit]) for group in AREA_GROUPS},
        core_areas=core_areas_with_contact_counts(contacts),
        contact_count=sum(row["contacts"] for row in contacts.values()),
        without_core_area=contacts.get(None, {}).get("contacts", 0),
        contacts=list(contacts_with_area_counts()[:limit]),
        conflict_count=conflicts[0].total if conflicts else 0, conflicts=conflicts,
    )


def source_conflicts():
    """What an import or the demo found contradictory in its source (Bilag 1 lists Stenderup
    both with and without a contact), in the areas' Danish order: for the coordinator to settle.
    Not listed: a settled conflict, and one that a newer conflict of the same kind on the same
    area replaces (recorded later: the source has said something else since)."""
    conflicts = AreaEvent.objects.filter(kind=AreaEvent.Kind.CONFLICT)
    newer = conflicts.filter(area=OuterRef("area"), data__code=OuterRef("data__code"), pk__gt=OuterRef("pk"))
    settled = AreaEvent.objects.filter(refers_to=OuterRef("pk"), kind=AreaEvent.Kind.CONFLICT_SETTLED)
    return (conflicts.exclude(Exists(settled)).exclude(Exists(newer))
            .select_related("area").only(*EVENT_FIELDS).order_by("area__sort_name", "at", "pk"))


def contacts_with_area_counts():
    """Employees with at least one active assignment, with how many areas they cover
    (`area_count`) and in how many as contact (`primary_count`), in Danish order. Counted per
    employee in a subquery, not grouped over every assignment: a slice reads only its rows."""
    active = Assignment.objects.filter(ACTIVE, employee=OuterRef("pk"))
    return (Employee.objects.select_related("core_area").filter(Exists(active))
            .only("name", "sort_name", "core_area__name")
            .annotate(area_count=_count_of(active),
                      primary_count=_count_of(active.filter(role=AssignmentRole.PRIMARY)))
            .order_by("sort_name", "pk"))


def _count_of(assignments):  # a COUNT subquery: one row (0 for none), no GROUP BY to build
    return Subquery(assignments.order_by().values(n=Func("pk", function="COUNT")),
                    output_field=IntegerField())


def recent_events(*, limit: int = 20):
    return AreaEvent.objects.select_related("area").only(*EVENT_FIELDS).order_by("-at", "-pk")[:limit]


def areas_without_contact():
    """Areas with no primary contact now whose council has not declined (taking part is
    voluntary), in Danish order: the coordinator's start page."""
    return (LocalArea.objects.exclude(Exists(_active_primary())).exclude(participation=Participation.DECLINED)
            .only("name", "slug", "sort_name", "participation").order_by("sort_name"))
