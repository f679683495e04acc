# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""A synthetic municipality of any size, for the benchmark (never for real data).

`generate(areas=3000, seed=1)` fills an empty, migrated database with:

- 8 core areas and about areas/2 employees with Danish names (Æ Ø Å included);
- `areas` local areas with unique Danish-looking town names, councils (most areas), postcodes,
  parishes, population and coordinates around Hedensted (55.60-55.95 N, 9.40-10.10 E);
- assignments: ~60 % of the areas have an active primary contact, ~30 % a deputy, ~10 % a
  handover due, and every area has 1-3 ended assignments before that;
- area events for creation, assignments, endings, handovers and the councils' answers,
  a few development projects and one coordinator user (group "Landdistriktskoordinator").

Rows are written with bulk_create in batches, so the fields that save() would compute
(sort_name, search_text, slug) are set here. Same seed, same municipality.
"""

import datetime
import itertools
import random
from dataclasses import dataclass, field
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import transaction
from django.utils.text import slugify

from lokalkontakt.areas.models import (
    AreaEvent,
    Assignment,
    AssignmentRole,
    Council,
    LocalArea,
    Participation,
)
from lokalkontakt.core.roles import COORDINATOR_GROUP
from lokalkontakt.core.text import danish_sort_key
from lokalkontakt.people.models import CoreArea, Employee
from lokalkontakt.projects.models import Project

BATCH = 500
TODAY = datetime.date(2025, 6, 2)  # fixed, so the same seed gives the same data on any day
COORDINATOR_USERNAME = "bench-koordinator"

CORE_AREAS = [
    "Fritid og Fællesskab", "Læring", "Sundhed og Omsorg", "Teknik og Miljø", "Job og Velfærd",
    "Børn og Familie", "Økonomi og Personale", "Plan og Udvikling",
]
FIRST_NAMES = [
    "Anne", "Mette", "Hanne", "Susanne", "Lene", "Marianne", "Camilla", "Louise", "Søs", "Åse",
    "Ærtebjørg", "Bodil", "Ditte", "Sørine", "Trine", "Ida", "Maja", "Sofie", "Astrid", "Kirsten",
    "Jens", "Peter", "Lars", "Søren", "Niels", "Anders", "Rasmus", "Mikkel", "Jørgen", "Bjørn",
    "Øjvind", "Åge", "Ægidius", "Mads", "Thomas", "Henrik", "Jesper", "Kåre", "Torben", "Ole",
]
LAST_NAMES = [
    "Jensen", "Nielsen", "Hansen", "Pedersen", "Andersen", "Christensen", "Larsen", "Sørensen",
    "Rasmussen", "Jørgensen", "Petersen", "Madsen", "Kristensen", "Møller", "Østergaard", "Ågaard",
    "Æbelø", "Kjærgaard", "Nørgaard", "Søndergaard", "Højgaard", "Bækgaard", "Frølund", "Lønborg",
    "Damgaard", "Gødstrup", "Hvidkjær", "Skovbjerg", "Vestergaard", "Ærenlund", "Åkjær", "Bøgh",
]
TITLES = [
    "Konsulent", "Specialkonsulent", "Sagsbehandler", "Fuldmægtig", "Planlægger",
    "Pædagogisk konsulent", "Sundhedsplejerske", "Ingeniør", "Projektleder", "Teamleder",
]
PREFIXES = ["", "Øster ", "Vester ", "Nørre ", "Sønder ", "Lille ", "Store ", "Ny ", "Gammel "]
STEMS = [
    "Hvid", "Kirke", "Stok", "Bjerre", "Hou", "Glud", "Ås", "Tyr", "Ring", "Løs", "Ør", "Skjold",
    "Bræd", "Hede", "Aa", "Øls", "Juel", "Ham", "Horn", "Kor", "Ul", "Bred", "Ege", "Rask", "Dal",
    "Fløj", "Gød", "Hald", "Klak", "Ro", "Sel", "Sten", "Træl", "Vrå", "Æble", "Ask", "Birke",
    "Elle", "Hessel", "Krog", "Mølle", "Rør", "Sand", "Tør", "Vejl", "Ærø", "Østr", "Bøg",
]
SUFFIXES = [
    "rup", "bjerg", "lund", "strup", "havn", "sted", "by", "holm", "ager", "bøl", "skov", "høj",
    "torp", "lev", "ing", "næs", "vig", "dal", "rød", "gård",
]
POSTCODES = ["7130", "7140", "7150", "7160", "7171", "7173", "7182", "7183", "7190", "8700",
             "8721", "8722", "8723", "8762", "8763", "8781", "8783"]


@dataclass
class Generated:
    areas: int = 0
    core_areas: int = 0
    employees: int = 0
    councils: int = 0
    assignments_active: int = 0
    assignments_ended: int = 0
    covered: int = 0
    deputies: int = 0
    handovers: int = 0
    events: int = 0
    projects: int = 0
    coordinator: str = COORDINATOR_USERNAME
    covered_slug: str = ""
    uncovered_slug: str = ""
    sample_slugs: list = field(default_factory=list)


def ascii_slug(value: str) -> str:
    """The project's slug rule (æ→ae, ø→oe, å→aa), as in areas.services.unique_area_slug."""
    for danish, latin in (("æ", "ae"), ("ø", "oe"), ("å", "aa"), ("Æ", "Ae"), ("Ø", "Oe"),
                          ("Å", "Aa")):
        value = value.replace(danish, latin)
    return slugify(value)


def town_names(count: int, rng: random.Random) -> list[str]:
    """`count` unique town names, composed from prefix + stem + suffix; numbered past the supply."""
    product = list(itertools.product(PREFIXES, STEMS, SUFFIXES))
    rng.shuffle(product)
    names = [f"{prefix}{stem}{suffix}" for prefix, stem, suffix in product]
    result = names[:count]
    round_ = 2
    while len(result) < count:
        result += [f"{name} {round_}" for name in names[: count - len(result)]]
        round_ += 1
    return result


def _coordinate(rng, low, high) -> Decimal:
    return Decimal(f"{rng.uniform(low, high):.5f}")


def _email(name: str, domain: str = "example.dk") -> str:
    return f"{ascii_slug(name).replace('-', '.')}@{domain}"


def _phone(rng) -> str:
    return "+45 " + " ".join(f"{rng.randint(10, 99)}" for _ in range(4))


def _core_areas() -> list[CoreArea]:
    rows = [CoreArea(name=name, sort_name=danish_sort_key(name)) for name in CORE_AREAS]
    return CoreArea.objects.bulk_create(rows, batch_size=BATCH)


def _employees(count: int, core_areas: list, rng) -> list[Employee]:
    rows = []
    for number in range(count):
        name = f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}"
        rows.append(Employee(
            name=name, sort_name=danish_sort_key(name), title=rng.choice(TITLES),
            core_area=None if rng.random() < 0.05 else rng.choice(core_areas),
            email=_email(f"{name} {number}", "kommune.example.dk"), phone=_phone(rng),
            is_active=rng.random() >= 0.03,
        ))
    return Employee.objects.bulk_create(rows, batch_size=BATCH)


def _participation(is_covered: bool, rng) -> str:
    """Covered areas said yes; the others are split between no answer, no and yes."""
    if is_covered:
        return Participation.INTERESTED
    draw = rng.random()
    if draw < 0.25:
        return Participation.DECLINED
    return Participation.INTERESTED if draw < 0.45 else Participation.UNKNOWN


def _areas(count: int, covered: set, rng) -> list[LocalArea]:
    names = town_names(count, rng)
    extra_towns = town_names(min(count, 400), random.Random(rng.random()))
    rows, slugs = [], set()
    for index, name in enumerate(names):
        slug = base = ascii_slug(name) or "omraade"
        counter = 2
        while slug in slugs:
            slug, counter = f"{base}-{counter}", counter + 1
        slugs.add(slug)
        towns = name if rng.random() < 0.6 else f"{name}; {rng.choice(extra_towns)}"
        postcodes = " ".join(sorted(rng.sample(POSTCODES, rng.choice((1, 1, 1, 2)))))
        participation = _participation(index in covered, rng)
        answered_on = (TODAY - datetime.timedelta(days=rng.randint(30, 2000))
                       if participation != Participation.UNKNOWN else None)
        area = LocalArea(
            name=name, slug=slug, sort_name=danish_sort_key(name), towns=towns,
            postcodes=postcodes, parish=f"{name.split(' ')[-1]} Sogn",
            population=rng.randint(80, 4000), population_year=2024,
            latitude=_coordinate(rng, 55.6, 55.95), longitude=_coordinate(rng, 9.4, 10.1),
            community_forming=rng.random() < 0.05,
            participation=participation, participation_date=answered_on,
            sources="Syntetiske data (bench/generate.py)",
        )
        area.search_text = area.build_search_text()
        rows.append(area)
    return rows


def _councils(areas, rng) -> list[Council]:
    rows = []
    for area in areas:
        if area.community_forming or rng.random() < 0.12:
            continue
        chair = f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}"
        rows.append(Council(
            area=area, name=f"{area.name} Lokalråd", email=_email(f"lokalraad {area.slug}"),
            website=f"https://{area.slug}.example.dk/" if rng.random() < 0.5 else "",
            chair_name=chair, chair_email=_email(chair, "mail.example.dk"), chair_phone=_phone(rng),
        ))
    return Council.objects.bulk_create(rows, batch_size=BATCH)


def _other_than(employee, staff, rng):
    """A random member of staff other than `employee` when there is one (bounded tries)."""
    for _ in range(10):
        other = rng.choice(staff)
        if other != employee:
            return other
    return other


def _event(area, kind, actor=None, **data) -> AreaEvent:
    return AreaEvent(area=area, kind=kind, data=data, actor=actor)


@transaction.atomic
def generate(areas: int, seed: int = 1) -> Generated:
    """Fill an empty database with a municipality of `areas` local areas. Deterministic per seed."""
    rng = random.Random(seed)
    summary = Generated()
    core_areas = _core_areas()
    employees = _employees(max(4, round(areas / 2)), core_areas, rng)
    active_staff = [employee for employee in employees if employee.is_active] or employees

    order = list(range(areas))
    rng.shuffle(order)
    covered = set(order[: round(areas * 0.6)])
    handover = set(order[: round(areas * 0.1)])  # a subset of the covered areas
    deputy = set(order[round(areas * 0.3): round(areas * 0.6)])  # the other half of the covered
    area_rows = LocalArea.objects.bulk_create(_areas(areas, covered, rng), batch_size=BATCH)
    councils = _councils(area_rows, rng)

    user = get_user_model().objects.create(username=COORDINATOR_USERNAME, first_name="Åse",
                                           last_name="Østergaard", email="koordinator@example.dk")
    user.set_unusable_password()
    user.save()
    user.groups.add(Group.objects.get_or_create(name=COORDINATOR_GROUP)[0])
    Employee.objects.create(user=user, name="Åse Østergaard", title="Landdistriktskoordinator",
                            core_area=core_areas[0], email="koordinator@example.dk")

    assignments, events = [], []
    for index, area in enumerate(area_rows):
        events.append(_event(area, AreaEvent.Kind.IMPORTED, source="bench/generate.py"))
        if area.participation != Participation.UNKNOWN:
            events.append(_event(area, AreaEvent.Kind.PARTICIPATION, actor=user,
                                 answer=area.participation,
                                 date=area.participation_date.isoformat()))
        current_start = TODAY - datetime.timedelta(days=rng.randint(20, 1800))
        primary = None
        if index in covered:
            primary = rng.choice(active_staff)
            assignments.append(Assignment(area=area, employee=primary, role=AssignmentRole.PRIMARY,
                                          starts_on=current_start, handover_due=index in handover))
            events.append(_event(area, AreaEvent.Kind.ASSIGNED, employee=primary.name,
                                 role=AssignmentRole.PRIMARY, date=current_start.isoformat()))
            if index in handover:
                events.append(_event(area, AreaEvent.Kind.HANDOVER_DUE, employee=primary.name))
        if index in deputy:
            other = _other_than(primary, active_staff, rng)
            starts = current_start + datetime.timedelta(days=rng.randint(0, 15))
            assignments.append(Assignment(area=area, employee=other, role=AssignmentRole.DEPUTY,
                                          starts_on=starts))
            events.append(_event(area, AreaEvent.Kind.ASSIGNED, employee=other.name,
                                 role=AssignmentRole.DEPUTY, date=starts.isoformat()))
        # Ended assignments, one after another, before the current period.
        ends_on = current_start - datetime.timedelta(days=1)
        for _ in range(rng.randint(1, 3)):
            starts_on = ends_on - datetime.timedelta(days=rng.randint(120, 1500))
            role = AssignmentRole.PRIMARY if rng.random() < 0.8 else AssignmentRole.DEPUTY
            former = rng.choice(employees)
            assignments.append(Assignment(area=area, employee=former, role=role,
                                          starts_on=starts_on, ends_on=ends_on,
                                          note="Afsluttet (syntetisk)"))
            events.append(_event(area, AreaEvent.Kind.ASSIGNED, employee=former.name, role=role,
                                 date=starts_on.isoformat()))
            events.append(_event(area, AreaEvent.Kind.ENDED, actor=user, employee=former.name,
                                 role=role, date=ends_on.isoformat()))
            ends_on = starts_on - datetime.timedelta(days=rng.randint(1, 90))
    Assignment.objects.bulk_create(assignments, batch_size=BATCH)
    AreaEvent.objects.bulk_create(events, batch_size=BATCH)

    projects, links = [], []
    project_areas = rng.sample(area_rows, max(1, round(areas * 0.05)))
    for area in project_areas:
        title = f"Udviklingsprojekt i {area.name}"
        projects.append(Project(title=title, sort_title=danish_sort_key(title),
                                lead=rng.choice(active_staff),
                                status=rng.choice(list(Project.Status.values))))
    projects = Project.objects.bulk_create(projects, batch_size=BATCH)
    for project, area in zip(projects, project_areas, strict=True):
        links.append(Project.areas.through(project=project, localarea=area))
        if rng.random() < 0.3:
            neighbour = rng.choice(area_rows)
            if neighbour != area:
                links.append(Project.areas.through(project=project, localarea=neighbour))
    Project.areas.through.objects.bulk_create(links, batch_size=BATCH)

    ended = sum(1 for a in assignments if a.ends_on is not None)
    by_name = sorted(range(areas), key=lambda i: area_rows[i].sort_name)
    middle = [i for i in by_name if i in deputy and i not in handover]
    summary.areas, summary.core_areas, summary.employees = areas, len(core_areas), len(employees) + 1
    summary.councils, summary.assignments_ended = len(councils), ended
    summary.assignments_active = len(assignments) - ended
    summary.covered, summary.deputies, summary.handovers = len(covered), len(deputy), len(handover)
    summary.events, summary.projects = len(events), len(projects)
    summary.covered_slug = area_rows[middle[len(middle) // 2]].slug if middle else area_rows[0].slug
    uncovered = [i for i in by_name if i not in covered]
    summary.uncovered_slug = area_rows[uncovered[len(uncovered) // 2]].slug if uncovered else ""
    summary.sample_slugs = [area_rows[i].slug for i in by_name[:3]]
    return summary
