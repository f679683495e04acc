# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""factory_boy factories for timesheets."""

import datetime

import factory

from lokalkontakt.timesheets.models import TimeEntry
from tests.people.factories import EmployeeFactory


class TimeEntryFactory(factory.django.DjangoModelFactory):
    """An entry as stored (the service's rules about today and cover are tested elsewhere)."""

    class Meta:
        model = TimeEntry

    employee = factory.SubFactory(EmployeeFactory)
    day = factory.LazyFunction(datetime.date.today)
    minutes = 45
    kind = TimeEntry.Kind.COUNCIL
