"""factory_boy factories for people: users, core areas and employees."""

import factory
from django.contrib.auth import get_user_model

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
