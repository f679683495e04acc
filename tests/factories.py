"""factory_boy factories for every app; traits for states."""

import datetime
import hashlib

import factory
from django.contrib.auth import get_user_model

from lokalkontakt.areas.models import Assignment, AssignmentRole, Council, LocalArea
from lokalkontakt.areas.services import unique_area_slug
from lokalkontakt.councils.models import CouncilMember
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


class CouncilMemberFactory(factory.django.DjangoModelFactory):
    """A council member with a user account, as after their first one-time-link login."""

    class Meta:
        model = CouncilMember

    council = factory.SubFactory(CouncilFactory)
    name = factory.Sequence(lambda n: f"Rådsmedlem {n}")
    email = factory.Sequence(lambda n: f"raad{n}@example.dk")
    # One-time links only: like councils.services, the account has no password.
    user = factory.SubFactory(UserFactory, username=factory.SelfAttribute("..email"), password=None)


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


class InquiryFactory(factory.django.DjangoModelFactory):
    """An inquiry as stored, without the intake's e-mails (use services.inquiry_submit for those).

    The tracking token is `token-<n>`; pass `token` to choose it.
    """

    class Meta:
        model = "inquiries.Inquiry"

    class Params:
        token = factory.Sequence(lambda n: f"token-{n}")

    area = factory.SubFactory(LocalAreaFactory)
    subject = factory.Sequence(lambda n: f"Henvendelse {n}")
    text = "Kan kommunen hjælpe?"
    submitter_kind = "citizen"
    submitter_name = "Bo Borger"
    submitter_email = factory.Sequence(lambda n: f"borger{n}@example.dk")
    token_hash = factory.LazyAttribute(lambda o: hashlib.sha256(o.token.encode()).hexdigest())
    client_hash = factory.Sequence(lambda n: f"client-{n}")
    acknowledge_due = factory.LazyFunction(lambda: datetime.date.today() + datetime.timedelta(days=2))
    answer_due = factory.LazyFunction(lambda: datetime.date.today() + datetime.timedelta(days=14))
