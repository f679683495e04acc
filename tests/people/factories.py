# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""factory_boy factories for people: users, core areas and employees; the users of the shared
fixtures."""

import factory
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from lokalkontakt.core.roles import COORDINATOR_GROUP
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


# The users behind tests/conftest.py's fixtures (coordinator, colleague, contact_user), as functions
# for data built outside a test function (tests/permissions.py builds its world once per class).


def make_coordinator():
    user = UserFactory(username="koordinator")
    # get_or_create: a transactional test before this one may have flushed the migration's group.
    user.groups.add(Group.objects.get_or_create(name=COORDINATOR_GROUP)[0])
    EmployeeFactory(user=user, name="Karin Koordinator", title="Landdistriktskoordinator")
    return user


def make_colleague():
    user = UserFactory(username="kollega")
    EmployeeFactory(user=user, name="Kalle Kollega")
    return user


def make_contact_user():
    """A signed-in employee; tests give them assignments as needed."""
    user = UserFactory(username="lokalkontakt")
    EmployeeFactory(user=user, name="Lise Lokal")
    return user
