# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""Factories for the meetings app. Meetings are made directly (not through a series) so a test
chooses their time; services are used wherever the behaviour under test is a service's."""

import datetime

import factory
from django.utils import timezone

from lokalkontakt.meetings.models import ActionItem, AgendaItem, Attendance, Meeting
from lokalkontakt.meetings.schedule import local_datetime
from tests.people.factories import EmployeeFactory


def at(day: datetime.date, hour: int = 14) -> datetime.datetime:
    """An aware datetime at `hour`:00 Copenhagen time on `day`."""
    return local_datetime(day, datetime.time(hour))


class MeetingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Meeting

    title = "Koordinerende møde"
    starts_at = factory.LazyFunction(
        lambda: at(timezone.localdate() + datetime.timedelta(days=30)))
    ends_at = factory.LazyAttribute(lambda o: o.starts_at + datetime.timedelta(hours=2))
    location = "Rådhuset, mødelokale 1"
    proposal_deadline = factory.LazyAttribute(
        lambda o: timezone.localdate(o.starts_at) - datetime.timedelta(days=7))

    class Params:
        held = factory.Trait(starts_at=factory.LazyFunction(
            lambda: at(timezone.localdate() - datetime.timedelta(days=7))))


class AttendanceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Attendance

    meeting = factory.SubFactory(MeetingFactory)
    employee = factory.SubFactory(EmployeeFactory)


class AgendaItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AgendaItem

    meeting = factory.SubFactory(MeetingFactory)
    title = factory.Sequence(lambda n: f"Punkt {n}")
    text = "Hvad gør vi?"
    status = AgendaItem.Status.ACCEPTED
    position = factory.Sequence(lambda n: n + 1)


class ActionItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ActionItem

    meeting = factory.SubFactory(MeetingFactory, held=True)
    title = factory.Sequence(lambda n: f"Opfølgning {n}")
    owner = factory.SubFactory(EmployeeFactory)
    due_on = factory.LazyFunction(lambda: timezone.localdate() + datetime.timedelta(days=14))
