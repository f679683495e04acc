# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""The facts a suggestion is scored from, read from the database: the setting (the area and the
contacts per core area, one query) and the facts of the few candidates shown (their open
nomination, one prefetch, and the places of their current areas, one query of values)."""

from django.conf import settings
from django.db.models import Count, Exists, Func, OuterRef, Prefetch, Subquery
from django.utils import timezone

from lokalkontakt.areas.models import Assignment
from lokalkontakt.candidates.models import Nomination
from lokalkontakt.candidates.suggestions.scoring import (
    Candidate,
    NominationFact,
    Place,
    Setting,
    neighbour_km,
)
from lokalkontakt.core.roles import person_name
from lokalkontakt.people.models import CoreArea, Employee


def place_of(area) -> Place:
    return Place(name=area.name,
                 latitude=float(area.latitude) if area.latitude is not None else None,
                 longitude=float(area.longitude) if area.longitude is not None else None)


def setting_for(area) -> Setting:
    """The area, the contacts per core area and the number of core areas on each row (one
    query; without contacts the number does not matter: the average is 0)."""
    current = Assignment.objects.filter(employee=OuterRef("pk"), ends_on__isnull=True)
    core_areas = CoreArea.objects.order_by().values(n=Func("pk", function="COUNT"))
    rows = list(Employee.objects.filter(Exists(current)).order_by().values("core_area")
                .annotate(count=Count("pk"), core_areas=Subquery(core_areas)))
    return Setting(area=place_of(area),
                   contacts_per_core_area={row["core_area"]: row["count"] for row in rows},
                   core_area_count=rows[0]["core_areas"] if rows else 0,
                   band=tuple(settings.TIME_BAND_MINUTES), neighbour_km=neighbour_km())


def fact_prefetches(area) -> list[Prefetch]:
    """The open nomination with who made it and whether it names the area (`here`) or any area
    (`named`) (`open_nominations`) of the employees shown."""
    named = Nomination.areas.through.objects.filter(nomination=OuterRef("pk"))
    return [
        Prefetch("nominations", to_attr="open_nominations",
                 queryset=Nomination.objects.filter(status=Nomination.Status.PROPOSED)
                 .annotate(here=Exists(named.filter(localarea=area)), named=Exists(named))
                 .select_related("nominated_by__employee")),
    ]


def covers_of(ids) -> dict:
    """The places of the areas each of these employees covers now, in name order (one query,
    no model instances: a contact may cover many)."""
    rows = (Assignment.objects.filter(employee__in=ids, ends_on__isnull=True)
            .order_by("area__sort_name", "pk")
            .values_list("employee", "area__name", "area__latitude", "area__longitude"))
    covers = {}
    for employee, name, latitude, longitude in rows:
        covers.setdefault(employee, []).append(Place(
            name=name, latitude=float(latitude) if latitude is not None else None,
            longitude=float(longitude) if longitude is not None else None))
    return covers


def _nomination_of(employee) -> NominationFact | None:
    """The open nomination that counts: for the area (`here`) or for no particular area (not
    `named`); one naming other areas only does not."""
    if not employee.open_nominations:
        return None
    nomination = employee.open_nominations[0]  # at most one is open (a constraint)
    if not (nomination.here or not nomination.named):
        return None
    return NominationFact(by=person_name(nomination.nominated_by) or "–",
                          on=timezone.localdate(nomination.created_at),
                          for_area=nomination.here, pk=nomination.pk)


def candidate_of(employee, covers: list, minutes: int | None) -> Candidate:
    """The facts of an employee with fact_prefetches(), the places she covers (covers_of) and
    her minutes in the weeks (None without any entry: from suggestions.ranking)."""
    return Candidate(employee_id=employee.pk, name=employee.name, sort_name=employee.sort_name,
                     core_area_id=employee.core_area_id,
                     core_area=employee.core_area.name if employee.core_area else "",
                     covers=tuple(covers),
                     minutes=minutes or 0, has_time=minutes is not None,
                     nomination=_nomination_of(employee))
