# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""factory_boy factories for areas: local areas, their councils and assignments; traits for states."""

import datetime

import factory

from lokalkontakt.areas.models import Assignment, AssignmentRole, Council, LocalArea
from lokalkontakt.areas.services import unique_area_slug
from tests.people.factories import EmployeeFactory


class LocalAreaFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = LocalArea
        django_get_or_create = ["name"]

    name = factory.Sequence(lambda n: f"Område {n}")
    slug = factory.LazyAttribute(lambda o: unique_area_slug(o.name))
    towns = factory.LazyAttribute(lambda o: o.name)
    postcodes = "7130"
    parish = factory.LazyAttribute(lambda o: f"{o.name} Sogn")


class CouncilFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Council

    area = factory.SubFactory(LocalAreaFactory)
    name = factory.LazyAttribute(lambda o: f"{o.area.name} Lokalråd")
    email = factory.LazyAttribute(lambda o: f"lokalraad-{o.area.slug}@example.dk")
    chair_name = "Formand Fiktiv"
    chair_phone = "+45 70 00 00 01"


class AssignmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Assignment

    area = factory.SubFactory(LocalAreaFactory)
    employee = factory.SubFactory(EmployeeFactory)
    role = AssignmentRole.PRIMARY
    starts_on = datetime.date(2024, 1, 2)

    class Params:
        deputy = factory.Trait(role=AssignmentRole.DEPUTY)
        ended = factory.Trait(ends_on=datetime.date(2025, 6, 30))
        handover = factory.Trait(handover_due=True)
