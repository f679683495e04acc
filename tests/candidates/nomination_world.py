# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""Shared set-up for the nomination tests: two core areas with their leaders and staff, and areas
with and without a contact. Each test module wraps `make_staff` in its own `staff` fixture."""

from dataclasses import dataclass

from lokalkontakt.areas.models import Participation
from tests.areas.factories import AssignmentFactory, LocalAreaFactory
from tests.people.factories import CoreAreaFactory, EmployeeFactory, UserFactory


@dataclass
class Staff:
    teknik: object  # core area "Teknik og Miljø", led by Lene Holm
    laering: object  # core area "Læring", led by Ole Olsen
    leader: object  # Lene's user
    other_leader: object  # Ole's user
    bo: object  # employee in Teknik og Miljø, no areas
    lise: object  # employee in Teknik og Miljø, contact of Snaptun since 2024
    ida: object  # inactive employee in Teknik og Miljø
    per: object  # employee in Læring
    stouby: object  # no contact, council interested
    flemming: object  # no contact, council has not answered
    as_area: object  # no contact, council declined
    snaptun: object  # covered by Lise


def make_staff() -> Staff:
    teknik = CoreAreaFactory(name="Teknik og Miljø")
    laering = CoreAreaFactory(name="Læring")
    leader = UserFactory(username="lene")
    teknik.leaders.add(EmployeeFactory(user=leader, name="Lene Holm", core_area=teknik,
                                       email="lene.holm@example.dk", title="Afdelingsleder"))
    other_leader = UserFactory(username="ole")
    laering.leaders.add(EmployeeFactory(user=other_leader, name="Ole Olsen", core_area=laering,
                                        email="ole.olsen@example.dk"))
    bo = EmployeeFactory(name="Bo Berg", core_area=teknik, title="Vejingeniør")
    lise = EmployeeFactory(name="Lise Lund", core_area=teknik)
    ida = EmployeeFactory(name="Ida Inaktiv", core_area=teknik, is_active=False)
    per = EmployeeFactory(name="Per Pedersen", core_area=laering)
    stouby = LocalAreaFactory(name="Stouby", participation=Participation.INTERESTED)
    flemming = LocalAreaFactory(name="Flemming")
    as_area = LocalAreaFactory(name="As", participation=Participation.DECLINED)
    snaptun = LocalAreaFactory(name="Snaptun", participation=Participation.INTERESTED)
    AssignmentFactory(area=snaptun, employee=lise)
    return Staff(teknik=teknik, laering=laering, leader=leader, other_leader=other_leader, bo=bo,
                 lise=lise, ida=ida, per=per, stouby=stouby, flemming=flemming, as_area=as_area,
                 snaptun=snaptun)
