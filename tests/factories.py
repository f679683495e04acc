"""factory_boy factories for every app; traits for states."""

import datetime

import factory
from django.contrib.auth import get_user_model

from lokalkontakt.areas.models import Assignment, AssignmentRole, Council, LocalArea
from lokalkontakt.areas.services import unique_area_slug
from lokalkontakt.people.models import CoreArea, Employee


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ["username"]

    username = factory.Sequence(lambda n: f"bruger{n}")
    email = factory.LazyAttribute(lambda o: f"{o.username}@example.dk")
    password = factory.django.Password("hemmeligt-kodeord-42")


class CoreAreaFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CoreArea
        django_get_or_create = ["name"]

    name = factory.Sequence(lambda n: f"Kerneområde {n}")


class EmployeeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Employee

    name = factory.Sequence(lambda n: f"Medarbejder {n}")
    title = "Konsulent"
    core_area = factory.SubFactory(CoreAreaFactory)
    email = factory.Sequence(lambda n: f"medarbejder{n}@example.dk")
    phone = "+45 70 00 00 00"


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
