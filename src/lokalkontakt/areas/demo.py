# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""Hedensted demo data, built from the sources rather than typed in.

- Bilag 1 of "Lokalkontakten – samarbejde med lokalsamfundene" (areas/data/lokalkontakten-bilag1.txt)
  gives the areas, who covers them, development projects, the community under construction and
  the handovers due.
- areas/data/hedensted-areas.csv gives public facts per area (towns, postcodes, parish,
  population, approximate coordinates) with sources.

People named in Bilag 1 get no invented contact details. The three demo logins are invented
people with example.dk addresses and are created only when settings.DEMO_ENABLED is true.
"""

import csv
import datetime
import re
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import transaction

from lokalkontakt.areas import services
from lokalkontakt.areas.events import CONFLICT_LISTED_TWICE
from lokalkontakt.areas.models import (
    AreaEvent,
    Assignment,
    AssignmentRole,
    LocalArea,
    Participation,
)
from lokalkontakt.areas.services.conflicts import conflict_record
from lokalkontakt.core.registry import demo_area_loaders
from lokalkontakt.core.roles import COORDINATOR_GROUP
from lokalkontakt.core.search.index import index_update
from lokalkontakt.people.models import CoreArea, Employee

DATA = Path(__file__).resolve().parent / "data"
BILAG = DATA / "lokalkontakten-bilag1.txt"
FACTS = DATA / "hedensted-areas.csv"
# The rollout plan expected every interested area to have a contact by March/April 2020.
ROLLOUT_DATE = datetime.date(2020, 4, 1)
DEMO_CORE_AREAS = ["Fritid og Fællesskab", "Læring", "Sundhed og Omsorg", "Teknik og Miljø",
                   "Job og Velfærd"]
DEMO_USERS = [
    # username, name, title, core area, coordinator?
    ("koordinator", "Demo Koordinator", "Landdistriktskoordinator", "Fritid og Fællesskab", True),
    ("lokalkontakt", "Demo Lokalkontakt", "Konsulent", "Teknik og Miljø", False),
    ("kollega", "Demo Kollega", "Sagsbehandler", "Læring", False),
]
DEMO_PASSWORD = "demo"  # noqa: S105 - demo only, refused unless DEMO_ENABLED
DEMO_DEPUTY_AREAS = ["Korning", "Hornborg"]


@dataclass
class BilagEntry:
    area: str
    contact: str = ""
    title: str = ""
    project: bool = False
    forming: bool = False
    handover_due: bool = False
    raw: str = ""


@dataclass
class Bilag:
    with_contact: list = field(default_factory=list)
    without_contact: list = field(default_factory=list)


def parse_bilag(text: str) -> Bilag:
    """Read the two lists of Bilag 1; an entry may continue over several lines."""
    bilag, section, current = Bilag(), None, None
    for line in text[text.index("Bilag 1"):].splitlines():
        stripped = line.strip()
        if stripped.startswith("Lokalområder, med Lokalkontakt"):
            section = bilag.with_contact
        elif stripped.startswith("Lokalområder uden Lokalkontakt"):
            section = bilag.without_contact
        elif stripped.startswith("o ") and section is not None:
            current = [stripped[2:].strip()]
            section.append(current)
        elif stripped and current is not None:
            current.append(stripped)
    return Bilag(
        with_contact=[parse_entry(" ".join(parts)) for parts in bilag.with_contact],
        without_contact=[BilagEntry(area=" ".join(parts), raw=" ".join(parts))
                         for parts in bilag.without_contact],
    )


def parse_entry(text: str) -> BilagEntry:
    """"Glud – Susanne Ernst– bør videregives til ny Lokalkontakt" and the like."""
    match = re.match(r"^(?P<area>.+?)\s+[–-]\s*(?P<rest>.+)$", text)
    if not match:
        return BilagEntry(area=text.strip(), raw=text)
    entry = BilagEntry(area=match["area"].strip(), raw=text)
    rest = match["rest"].strip()
    handover = re.split(r"\s*[–-]\s*bør videregives til ny\s+Lokalkontakt", rest)
    if len(handover) > 1:
        entry.handover_due, rest = True, handover[0].strip()
    if rest.lower().startswith("udviklingsprojekt/"):
        entry.project, rest = True, rest.split("/", 1)[1]
    elif rest.lower().startswith("fællesskab under opbygning/"):
        entry.forming, rest = True, rest.split("/", 1)[1]
    title = re.search(r"\((?P<title>[^)]+)\)\s*$", rest)
    if title:
        entry.title, rest = title["title"].strip(), rest[: title.start()]
    entry.contact = re.sub(r"\s+", " ", rest).strip()
    return entry


def read_facts() -> dict[str, dict]:
    with FACTS.open(encoding="utf-8") as handle:
        return {row["area"]: row for row in csv.DictReader(handle)}


def _without_notes(value: str) -> str:
    return re.sub(r"\s*\([^)]*\)", "", value).strip()


def facts_fields(row: dict | None) -> dict:
    """Model fields from one CSV row; "(inferred)" notes stay in `sources`, not in the facts."""
    if not row:
        return {}
    return {
        "towns": "; ".join(t.strip() for t in _without_notes(row["main_town"]).split(";")),
        "postcodes": " ".join(row["postal_codes"].replace(",", " ").split()),
        "parish": re.sub(r"\s*\(inferred\)\s*$", "", row["parish"]).strip(),
        "population": int(row["population"]) if row["population"] else None,
        "population_year": int(row["population_year"]) if row["population_year"] else None,
        "latitude": Decimal(row["lat"]) if row["lat"] else None,
        "longitude": Decimal(row["lon"]) if row["lon"] else None,
        "sources": row["source"],
    }


@dataclass
class DemoReport:
    areas: int = 0
    with_contact: int = 0
    conflicts: list = field(default_factory=list)
    users: list = field(default_factory=list)


class DemoUsersExist(ValueError):
    """A user has a demo login's username: the demo never changes an existing user."""


def existing_demo_users() -> list[str]:
    return sorted(get_user_model().objects.filter(username__in=[u[0] for u in DEMO_USERS])
                  .values_list("username", flat=True))


@transaction.atomic
def load_hedensted(*, with_users: bool | None = None) -> DemoReport:
    """Create Hedensted's 28 areas, the contacts of Bilag 1 and (optionally) the demo logins.
    Raises DemoUsersExist, having changed nothing, when a demo login's username is taken."""
    with_users = settings.DEMO_ENABLED if with_users is None else with_users
    if with_users and (taken := existing_demo_users()):
        raise DemoUsersExist(", ".join(taken))
    bilag, facts, report = parse_bilag(BILAG.read_text(encoding="utf-8")), read_facts(), DemoReport()
    listed_with = {entry.area: entry for entry in bilag.with_contact}
    areas = {}
    for entry in bilag.with_contact + bilag.without_contact:
        if entry.area in areas:
            if entry.area in listed_with and entry not in bilag.with_contact:
                # The facts, not a sentence: the event is shown in the reader's language, the
                # entry as Bilag 1 has it (areas.events).
                event = conflict_record(area=areas[entry.area], code=CONFLICT_LISTED_TWICE,
                                        source="Bilag 1", entry=listed_with[entry.area].raw)
                report.conflicts.append(event.text)
            continue
        has_contact = entry in bilag.with_contact
        areas[entry.area] = services.area_create(
            name=entry.area, event_kind=AreaEvent.Kind.IMPORTED,
            community_forming=entry.forming,
            participation=Participation.INTERESTED if has_contact else Participation.UNKNOWN,
            **facts_fields(facts.get(entry.area)))
        AreaEvent.objects.filter(area=areas[entry.area]).update(
            data={"source": "Bilag 1 / hedensted-areas.csv"})
    for entry in bilag.with_contact:
        _assign_from_bilag(areas[entry.area], entry)
    report.areas, report.with_contact = len(areas), len(listed_with)
    if with_users:
        report.users = _demo_users(areas)
    for load in demo_area_loaders:  # Bilag 1's development projects, the demo's notes
        load(areas=areas, bilag=bilag, with_users=with_users)
    return report


def _assign_from_bilag(area: LocalArea, entry: BilagEntry) -> None:
    employee, _created = Employee.objects.get_or_create(name=entry.contact)
    if entry.title and not employee.title:
        employee.title = entry.title
        employee.save()
    assignment = Assignment.objects.create(area=area, employee=employee,
                                           role=AssignmentRole.PRIMARY, starts_on=ROLLOUT_DATE,
                                           handover_due=entry.handover_due)
    services.area_event_add(area=area, kind=AreaEvent.Kind.ASSIGNED, employee=employee.name,
                            role=assignment.role, date=ROLLOUT_DATE.isoformat())
    if entry.handover_due:
        services.area_event_add(area=area, kind=AreaEvent.Kind.HANDOVER_DUE,
                                employee=employee.name)
    index_update(area)  # the search's "who knows" names the contact


def _demo_users(areas: dict) -> list[str]:
    if not settings.DEMO_ENABLED:
        raise RuntimeError("Demo users are disabled (LOKALKONTAKT_DEMO=0).")
    core_areas = {name: CoreArea.objects.get_or_create(name=name)[0] for name in DEMO_CORE_AREAS}
    users = []
    for username, name, title, core_area, coordinator in DEMO_USERS:
        user = get_user_model()(username=username)  # load_hedensted checked that none exists
        user.set_password(DEMO_PASSWORD)
        user.first_name, user.last_name = name.split(" ", 1)
        user.email = f"{username}@example.dk"
        user.save()
        if coordinator:
            user.groups.add(Group.objects.get_or_create(name=COORDINATOR_GROUP)[0])
        Employee.objects.update_or_create(user=user, defaults={
            "name": name, "title": title, "core_area": core_areas[core_area],
            "email": f"{username}@example.dk", "phone": ""})
        users.append(username)
    contact = Employee.objects.get(user__username="lokalkontakt")
    for area_name in DEMO_DEPUTY_AREAS:
        services.assignment_create(area=areas[area_name], employee=contact,
                                   role=AssignmentRole.DEPUTY, starts_on=datetime.date(2025, 1, 6))
    return users

