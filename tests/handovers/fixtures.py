# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""Shared set-up of the handover tests: Glud with its council, its contact Lise Lokal (the
contact_user) handing it over to Nanna Ny, and the coordinator who plans it."""

import datetime

import pytest
from django.utils import timezone

from lokalkontakt.areas.models import AreaEvent
from lokalkontakt.core.models import OutgoingEmail
from lokalkontakt.handovers.models import Handover
from lokalkontakt.handovers.services import handover_start
from tests.areas.factories import AssignmentFactory, CouncilFactory, LocalAreaFactory
from tests.people.factories import CoreAreaFactory, EmployeeFactory, UserFactory

TODAY = timezone.localdate


def in_days(days: int) -> datetime.date:
    return timezone.localdate() + datetime.timedelta(days=days)


@pytest.fixture
def glud(db):
    area = LocalAreaFactory(name="Glud")
    CouncilFactory(area=area, name="Glud Lokalråd", email="lokalraad@glud.example.dk",
                   chair_name="Frida Formand", chair_email="formand@glud.example.dk")
    return area


@pytest.fixture
def leaving(glud, contact_user):
    """Lise Lokal's assignment: Glud's contact since 2 January 2024."""
    return AssignmentFactory(area=glud, employee=contact_user.employee,
                             starts_on=datetime.date(2024, 1, 2))


@pytest.fixture
def nanna_user(db):
    user = UserFactory(username="nanna")
    EmployeeFactory(user=user, name="Nanna Ny", title="Landskabsarkitekt",
                    core_area=CoreAreaFactory(name="Teknik og Miljø"),
                    email="nanna@example.dk", phone="+45 79 75 55 55")
    return user


@pytest.fixture
def nanna(nanna_user):
    return nanna_user.employee


@pytest.fixture
def handover(leaving, nanna, coordinator) -> Handover:
    """Planned for two weeks from today."""
    return handover_start(area=leaving.area, to_employee=nanna, switch_on=in_days(14),
                          actor=coordinator)


def events(area, *kinds) -> list[tuple]:
    kinds = kinds or [AreaEvent.Kind.HANDOVER_PLANNED, AreaEvent.Kind.HANDOVER_CANCELLED,
                      AreaEvent.Kind.HANDOVER_COMPLETED]
    return [(e.kind, e.data, e.actor.username if e.actor else None)
            for e in area.events.filter(kind__in=kinds).order_by("pk")]


def mails() -> list[tuple]:
    return [(m.to, m.subject) for m in OutgoingEmail.objects.order_by("pk")]
