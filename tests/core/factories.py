# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""Factories for the core's records: outgoing e-mails in each state."""

import datetime

import factory
from django.utils import timezone

from lokalkontakt.core.models import OutgoingEmail


class OutgoingEmailFactory(factory.django.DjangoModelFactory):
    """A receipt waiting in the queue; traits for the other states."""

    class Meta:
        model = OutgoingEmail

    to = factory.Sequence(lambda n: [f"borger{n}@example.dk"])
    subject = factory.Sequence(lambda n: f"Kvittering for din henvendelse {n}")
    body = "Tak for din henvendelse."

    class Params:
        sending = factory.Trait(status=OutgoingEmail.Status.SENDING, attempts=1,
                                claimed_at=factory.LazyFunction(timezone.now))
        failed = factory.Trait(status=OutgoingEmail.Status.FAILED, attempts=10,
                               last_error="SMTPRecipientsRefused: {'borger@example.dk': (550, "
                                          "b'5.1.1 Mailbox unavailable')}")
        sent = factory.Trait(status=OutgoingEmail.Status.SENT, attempts=1,
                             sent_at=factory.LazyFunction(timezone.now))

    @classmethod
    def _create(cls, model_class, *args, created_at=None, **kwargs):
        """`created_at=…` backdates the row (auto_now_add ignores a value given to create)."""
        email = super()._create(model_class, *args, **kwargs)
        if created_at is not None:
            model_class.objects.filter(pk=email.pk).update(created_at=created_at)
            email.created_at = created_at
        return email


def minutes_ago(minutes: float) -> datetime.datetime:
    return timezone.now() - datetime.timedelta(minutes=minutes)
