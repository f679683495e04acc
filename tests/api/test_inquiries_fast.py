# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""The inquiry list builds each row directly (bench/: DRF's field-by-field machinery cost most
of a page); what it builds must be exactly what the declared fields give."""

import datetime

import pytest
from django.utils import timezone

from lokalkontakt.api.serializers.inquiries import InquirySerializer
from lokalkontakt.core.models import FocusArea
from lokalkontakt.inquiries.models import Inquiry
from tests.areas.factories import LocalAreaFactory
from tests.inquiries.factories import InquiryFactory
from tests.people.factories import EmployeeFactory

pytestmark = pytest.mark.django_db


def test_the_fast_row_is_the_declared_row():
    now = timezone.now()
    plain = InquiryFactory(area=None)
    full = InquiryFactory(area=LocalAreaFactory(), assignee=EmployeeFactory(),
                          acknowledged_at=now, answered_at=now + datetime.timedelta(hours=3),
                          closed_at=now + datetime.timedelta(days=1), outcome="Ordnet.",
                          api_system="OS2forms", external_reference="sub-17")
    full.focus_areas.set(FocusArea.objects.all()[:2])
    gone = InquiryFactory(anonymised_at=now)
    serializer = InquirySerializer()

    for inquiry in Inquiry.objects.filter(pk__in=[plain.pk, full.pk, gone.pk]).select_related(
            "area", "assignee").prefetch_related("focus_areas"):
        assert serializer.to_representation(inquiry) == serializer.field_by_field(inquiry)
