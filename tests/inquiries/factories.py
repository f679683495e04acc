# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""factory_boy factories for inquiries."""

import datetime
import hashlib

import factory

from tests.areas.factories import LocalAreaFactory


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
