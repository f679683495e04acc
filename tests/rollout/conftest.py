# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""The rollout tests' world of need (test_rollout, test_kept)."""

import datetime

import pytest

from lokalkontakt.areas.models import LocalArea, Participation
from lokalkontakt.candidates.models import Nomination
from tests.areas.factories import AssignmentFactory, LocalAreaFactory
from tests.people.factories import CoreAreaFactory, EmployeeFactory
from tests.rollout.test_rollout import NOV_19, nominate


@pytest.fixture
def need_world(db):
    """Glud interested and without a contact, Snaptun interested with a handover due, Korning
    interested and covered, Stouby declined, Ørum not answered; two open nominations (one for
    Glud and Snaptun, one naming no area), one accepted nomination for Glud."""
    areas = {name: LocalAreaFactory(name=name) for name in
             ["Glud", "Snaptun", "Korning", "Stouby", "Ørum"]}
    for name in ["Glud", "Snaptun", "Korning"]:
        LocalArea.objects.filter(pk=areas[name].pk).update(
            participation=Participation.INTERESTED, participation_date=datetime.date(2020, 1, 5),
            invited_on=NOV_19)
    LocalArea.objects.filter(pk=areas["Stouby"].pk).update(participation=Participation.DECLINED)
    AssignmentFactory(area=areas["Snaptun"], handover=True)
    AssignmentFactory(area=areas["Korning"])
    core = CoreAreaFactory(name="Teknik og Miljø")
    nominate(EmployeeFactory(name="Bent Bro", core_area=core), areas["Glud"], areas["Snaptun"])
    nominate(EmployeeFactory(name="Anna Andersen", core_area=core), note="Kan tage to områder")
    nominate(EmployeeFactory(name="Carl Chosen", core_area=core), areas["Glud"],
             status=Nomination.Status.ACCEPTED)
    return areas
