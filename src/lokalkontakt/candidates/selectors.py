# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""Reads about nominations (issue 7, item 2): a leader's staff with their contact roles and time,
the nominations and the coordinator's requests for candidates.

Who sees what: the coordinator every core area; a core-area leader the core areas they lead
(people.permissions.core_areas_overseen_by; the nominations: candidates.permissions); nobody else
any. Every read here costs a fixed number of queries, whatever the number of employees, areas,
entries and nominations."""

import datetime
from collections import namedtuple
from dataclasses import dataclass, field

from django.db import connection
from django.db.models import (
    Count,
    Exists,
    OuterRef,
    Prefetch,
    Sum,
)

from lokalkontakt.areas.models import Assignment, AssignmentRole, LocalArea, Participation
from lokalkontakt.areas.selectors import area_choices
from lokalkontakt.candidates.models import CandidateRequest, Nomination
from lokalkontakt.people.models import CoreArea, Employee
from lokalkontakt.people.permissions import core_areas_overseen_by
from lokalkontakt.timesheets.capacity import Band
from lokalkontakt.timesheets.models import TimeEntry

OPEN = Nomination.Status.PROPOSED


# A row names at most this many areas (an employee's, a nomination's, a request's) and counts the
# rest in SQL; the employee's page, the decision and the nomination form show them all (issue 20).
AREAS_SHOWN = 5

AreaLink = namedtuple("AreaLink", "name slug")


def first_areas_of(through, parent: str, ids, *, extra: tuple = (), current: bool = False):
    """The first AREAS_SHOWN areas of each of `ids` in `through` (a model with `parent` and an
    `area`/`localarea` key), in Danish order, as (parent id, area name, area slug, how many
    areas the parent has, *`extra` columns of `through`); `current`: only rows without ends_on.
    One query with window functions, written out: the ORM took some 1.5 ms to build it, more
    than the database took to answer (issue 20)."""
    ids = list(ids)
    if not ids:
        return []
    quote, meta, area = connection.ops.quote_name, through._meta, LocalArea._meta
    area_key = next(f for f in meta.concrete_fields if f.related_model is LocalArea)
    by = f"t.{quote(meta.get_field(parent).column)}"
    columns = [f"{by} AS parent", f"a.{quote('name')} AS name", f"a.{quote('slug')} AS slug"]
    columns += [f"t.{quote(meta.get_field(name).column)} AS e{n}" for n, name in enumerate(extra)]
    order = f"a.{quote('sort_name')}, a.{quote(area.pk.column)}, t.{quote(meta.pk.column)}"
    where = f"{by} IN ({', '.join(['%s'] * len(ids))})"
    if current:
        where += f" AND t.{quote(meta.get_field('ends_on').column)} IS NULL"
    # The models' own tables and columns; every value is a parameter.
    ranked = (f"SELECT {', '.join(columns)}, ROW_NUMBER() OVER (PARTITION BY {by} ORDER BY {order})"  # noqa: S608
              f" AS place, COUNT(*) OVER (PARTITION BY {by}) AS total"
              f" FROM {quote(meta.db_table)} t INNER JOIN {quote(area.db_table)} a"
              f" ON a.{quote(area.pk.column)} = t.{quote(area_key.column)} WHERE {where}")
    shown = ", ".join(["parent", "name", "slug", "total", *(f"e{n}" for n in range(len(extra)))])
    sql = f"SELECT {shown} FROM ({ranked}) ranked WHERE place <= %s ORDER BY parent, place"  # noqa: S608
    with connection.cursor() as cursor:
        cursor.execute(sql, [*ids, AREAS_SHOWN])
        return cursor.fetchall()


def open_nomination_exists():
    return Exists(Nomination.objects.filter(employee=OuterRef("pk"), status=OPEN))


@dataclass
class StaffOverview:
    core_areas: list  # those shown
    staff: object  # a queryset of the staff's rows (STAFF_FIELDS), in Danish name order
    band: Band  # this year until today
    start: datetime.date
    end: datetime.date
    may_see: list = field(default_factory=list)  # the core areas the user may see (the filter's)


STAFF_FIELDS = ("pk", "name", "title", "core_area_id")


def core_areas_to_see(user) -> tuple[list, bool]:
    """The core areas the user may see, in Danish order, and whether they are every core area
    (the coordinator's: core_areas_overseen_by gives them unfiltered)."""
    overseen = core_areas_overseen_by(user)
    return list(overseen.order_by("sort_name")), not overseen.query.has_filters()


def staff_overview(*, user, today: datetime.date, core_area=None, visible=None) -> StaffOverview:
    """The active staff of the core areas the user may see (one of them when `core_area` is
    given; `visible`: core_areas_to_see(user) when the caller has it) as rows of STAFF_FIELDS,
    in Danish name order. The view pages it, and staff_page() works out the rest of a row for
    the rows of a page only."""
    may_see, every = visible or core_areas_to_see(user)
    core_areas = may_see if core_area is None else [
        each for each in may_see if each.pk == core_area.pk]
    start = today.replace(month=1, day=1)
    staff = Employee.objects.filter(is_active=True).order_by("sort_name", "pk")
    # Every core area: "has one" rather than a list of them all, so that SQLite walks the names'
    # index and stops at the page instead of sorting every employee (2.5 ms -> 0.05 ms at 1,500
    # employees); no join for the core area's name (staff_page() has it), so the paginator's
    # count does not join either (issue 20).
    if every and core_area is None:
        staff = staff.filter(core_area__isnull=False)
    else:
        staff = staff.filter(core_area__in=core_areas)
    return StaffOverview(core_areas=core_areas, staff=staff.values(*STAFF_FIELDS),
                         band=Band.of(start, today), start=start, end=today, may_see=may_see)


@dataclass
class StaffRow:
    """A row of the staff table: the employee, their minutes this year, whether they are nominated,
    their first AREAS_SHOWN current assignments (`current`: role, starts_on, area name and slug)
    and how many they have (`current_count`)."""
    pk: int
    name: str
    title: str
    core_area_name: str | None
    minutes: int = 0
    nominated: bool = False
    current: list = field(default_factory=list)
    current_count: int = 0


@dataclass
class CurrentAssignment:
    role: str
    starts_on: datetime.date
    area_name: str
    area_slug: str


def staff_page(overview: StaffOverview, employees: list) -> list[StaffRow]:
    """One page of the overview's rows as StaffRows, with their minutes this year until today,
    whether they are nominated, their first AREAS_SHOWN current assignments and how many they
    have. Worked out for these rows only, so the page costs the same however many staff there
    are; plain rows and a query each (no subquery per row, no model instances): building the
    ORM's queries and instances was most of the page's time (issue 20)."""
    names = {core_area.pk: core_area.name for core_area in overview.may_see}
    # a core area made since the names were read (between the two queries) has an empty cell
    rows = {row["pk"]: StaffRow(pk=row["pk"], name=row["name"], title=row["title"],
                                core_area_name=names.get(row["core_area_id"], ""))
            for row in employees}
    pks = list(rows)
    minutes = (TimeEntry.objects.filter(employee__in=pks, day__range=(overview.start, overview.end))
               .order_by().values_list("employee").annotate(total=Sum("minutes")))
    for pk, total in minutes:
        rows[pk].minutes = total or 0
    for pk in Nomination.objects.filter(employee__in=pks, status=OPEN).values_list(
            "employee_id", flat=True):
        rows[pk].nominated = True
    for pk, role, starts_on, name, slug, total in _first_current(pks):
        rows[pk].current.append(CurrentAssignment(role, starts_on, name, slug))
        rows[pk].current_count = total
    return list(rows.values())


def _first_current(pks: list):
    """The first AREAS_SHOWN current assignments of each employee, in the areas' Danish order,
    each with the employee's number of current assignments."""
    rows = first_areas_of(Assignment, "employee", pks, extra=("role", "starts_on"), current=True)
    return [(pk, role, _date(starts_on), name, slug, total)
            for pk, name, slug, total, role, starts_on in rows]


def _date(value) -> datetime.date:
    # SQLite's cursor gives the ISO text the ORM would have converted.
    return datetime.date.fromisoformat(value) if isinstance(value, str) else value


# What a nomination's row shows (candidates.tables.nomination_rows).
NOMINATION_FIELDS = ("pk", "employee_id", "employee__name", "note", "core_area__name",
                     "created_at", "nominated_by_id", "nominated_by__employee__name",
                     "nominated_by__username", "status", "decided_at", "decision_note")


def nomination_values(nominations):
    """The nominations (a queryset, in its order) as rows of NOMINATION_FIELDS; slice it, then
    give the slice to nominations_with_areas()."""
    return nominations.prefetch_related(None).values(*NOMINATION_FIELDS)


def nominations_with_areas(rows) -> list[dict]:
    """The rows of nomination_values() with their first AREAS_SHOWN areas (`first_areas`: name
    and slug, in Danish order) and how many they name (`area_count`), in one more query."""
    rows = list(rows)
    found = _first_areas_by(Nomination.areas.through, "nomination", [row["pk"] for row in rows])
    for row in rows:
        row["first_areas"], row["area_count"] = found.get(row["pk"], ([], 0))
    return rows


def _first_areas_by(through, parent: str, ids) -> dict:
    """Parent's pk -> (its first AREAS_SHOWN areas as AreaLinks, how many areas it names), for
    those of `ids` that name any (first_areas_of: one query)."""
    found = {}
    for pk, name, slug, total in first_areas_of(through, parent, ids):
        found.setdefault(pk, ([], total))[0].append(AreaLink(name, slug))
    return found


def nominable_staff(*, user):
    """Whom the user may nominate: active staff of the core areas they lead (the coordinator:
    of any core area) who are not nominated already."""
    return (Employee.objects.filter(is_active=True, core_area__in=core_areas_overseen_by(user))
            .exclude(open_nomination_exists()).select_related("core_area")
            .order_by("sort_name", "pk"))


def has_primary():
    return Exists(Assignment.objects.filter(area=OuterRef("pk"), ends_on__isnull=True,
                                            role=AssignmentRole.PRIMARY))


def areas_uncovered_first():
    """Every area, those without a (primary) contact first, each part in Danish order;
    `has_contact` tells which."""
    return LocalArea.objects.annotate(has_contact=has_primary()).order_by("has_contact",
                                                                         "sort_name")


def areas_without_contact():
    return LocalArea.objects.exclude(has_primary()).order_by("sort_name")


def request_default_areas():
    """The areas to ask about by default: without a contact, and the council interested or not
    yet answered."""
    return areas_without_contact().filter(participation__in=[Participation.INTERESTED,
                                                             Participation.UNKNOWN])


def leaders():
    """Active employees who lead a core area, with the core areas they lead (`led`)."""
    return (Employee.objects.filter(is_active=True, led_core_areas__isnull=False).distinct()
            .prefetch_related(Prefetch("led_core_areas", to_attr="led",
                                       queryset=CoreArea.objects.order_by("sort_name")))
            .order_by("sort_name", "pk"))


def core_areas_without_leaders():
    """Core areas where nobody would receive a request: no leader, or none still active."""
    active_leader = Employee.objects.filter(led_core_areas=OuterRef("pk"), is_active=True)
    return CoreArea.objects.exclude(Exists(active_leader)).order_by("sort_name")


def candidate_requests():
    """The coordinator's requests, newest first, with their areas, leaders and how many
    nominations each brought."""
    return (CandidateRequest.objects.select_related("sent_by__employee")
            .annotate(nomination_count=Count("nominations", distinct=True))
            .prefetch_related(Prefetch("areas", queryset=area_choices()),
                              Prefetch("leaders", queryset=Employee.objects.order_by("sort_name")))
            .order_by("-sent_at", "-pk"))


def requests_to(*, employee, limit: int = 5):
    """The latest requests for candidates sent to a leader, with their first areas
    (`first_areas`, each with `name` and `slug`) and how many (`area_count`)."""
    if employee is None:
        return []
    requests = list(CandidateRequest.objects.filter(leaders=employee).order_by("-sent_at", "-pk")
                    .only("message", "reply_by", "sent_at")[:limit])
    found = _first_areas_by(CandidateRequest.areas.through, "candidaterequest",
                            [request.pk for request in requests])
    for request in requests:
        request.first_areas, request.area_count = found.get(request.pk, ([], 0))
    return requests


def latest_request_to(employee) -> CandidateRequest | None:
    """The newest request for candidates sent to the employee as a leader: a nomination they make
    answers it."""
    if employee is None:
        return None
    return CandidateRequest.objects.filter(leaders=employee).order_by("-sent_at", "-pk").first()
