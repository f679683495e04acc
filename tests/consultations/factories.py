# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""Consultations as stored, without the e-mails of consultation_create (use the service for
those)."""

import datetime

import factory

from lokalkontakt.consultations.models import Consultation, ConsultationTask
from tests.areas.factories import LocalAreaFactory
from tests.people.factories import EmployeeFactory


class ConsultationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Consultation

    title = factory.Sequence(lambda n: f"Høring {n}")
    description = "Hvad mener området?"
    requested_by = factory.SubFactory(EmployeeFactory)
    deadline = factory.LazyFunction(lambda: datetime.date.today() + datetime.timedelta(days=14))

    class Params:
        closed = factory.Trait(status=Consultation.Status.CLOSED)


class ConsultationTaskFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ConsultationTask

    consultation = factory.SubFactory(ConsultationFactory)
    area = factory.SubFactory(LocalAreaFactory)

    class Params:
        responded = factory.Trait(status=ConsultationTask.Status.RESPONDED,
                                  response="Vi støtter forslaget.",
                                  responded_at=factory.LazyFunction(
                                      lambda: datetime.datetime.now(datetime.UTC)))
