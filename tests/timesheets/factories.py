# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""factory_boy factories for timesheets."""

import datetime

import factory

from lokalkontakt.timesheets import totals
from lokalkontakt.timesheets.models import TimeEntry
from tests.people.factories import EmployeeFactory


class TimeEntryFactory(factory.django.DjangoModelFactory):
    """An entry as stored (the service's rules about today and cover are tested elsewhere),
    counted in its month's total as the services do."""

    class Meta:
        model = TimeEntry

    employee = factory.SubFactory(EmployeeFactory)
    day = factory.LazyFunction(datetime.date.today)
    minutes = 45
    kind = TimeEntry.Kind.COUNCIL

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        entry = super()._create(model_class, *args, **kwargs)
        totals.count(entry, 1)
        return entry
