# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""Demo nominations for `make run`: the demo colleague ("kollega") leads their core area, Læring,
and has nominated a member of their staff for Daugård, an area without a contact near Hedensted.
Written through the services, as the leader would. The employee is invented (example.dk)."""

from django.contrib.auth import get_user_model

from lokalkontakt.areas.models import LocalArea
from lokalkontakt.candidates.services import nomination_create
from lokalkontakt.people.models import Employee

CANDIDATE = {"name": "Demo Medarbejder", "title": "Pædagogisk konsulent",
             "email": "demo-medarbejder@example.dk"}


def load_demo(*, with_users: bool, stdout=None) -> None:
    """The candidates' part of `load_demo` (core.registry.demo_loaders): with the demo logins,
    the demo colleague leads a core area and has nominated a member of staff."""
    if with_users:
        load_demo_nominations()


def load_demo_nominations() -> None:
    leader = get_user_model().objects.select_related("employee__core_area").get(
        username="kollega")
    core_area = leader.employee.core_area
    core_area.leaders.add(leader.employee)
    candidate, _created = Employee.objects.get_or_create(
        name=CANDIDATE["name"], defaults={**CANDIDATE, "core_area": core_area})
    leader = get_user_model().objects.get(pk=leader.pk)  # its roles as they are now
    nomination_create(actor=leader, employee=candidate,
                      areas=LocalArea.objects.filter(name="Daugård"),
                      note="Bor i Daugård og kender lokalrådet fra skolebestyrelsen.")
