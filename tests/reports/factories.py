# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
import datetime

import factory
from django.utils import timezone

from lokalkontakt.reports.models import ReportDispatch, ReportSubscription
from tests.core.factories import OutgoingEmailFactory


class ReportSubscriptionFactory(factory.django.DjangoModelFactory):
    """The committee secretary's monthly test report about a focus area (tests/reports/kinds.py)."""

    class Meta:
        model = ReportSubscription

    kind = "test"
    params = factory.LazyFunction(lambda: {"focus_area": "smidige-processer"})
    frequency = ReportSubscription.Frequency.MONTHLY
    recipients = factory.Sequence(lambda n: [f"sekretaer{n}@example.dk"])


class ReportDispatchFactory(factory.django.DjangoModelFactory):
    """March 2026's report, queued."""

    class Meta:
        model = ReportDispatch
        skip_postgeneration_save = True

    subscription = factory.SubFactory(ReportSubscriptionFactory)
    period_start = datetime.date(2026, 3, 1)
    period_end = datetime.date(2026, 3, 31)
    recipients = factory.LazyAttribute(lambda d: d.subscription.recipients)
    sent_at = factory.LazyFunction(timezone.now)

    @factory.post_generation
    def emails(self, create, extracted, **kwargs):
        """One queued e-mail to each recipient, as the job sends them."""
        if create:
            self.emails.set(extracted if extracted is not None else [
                OutgoingEmailFactory(to=[address]) for address in self.recipients])
