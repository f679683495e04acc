# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""Inquiries stored before channels were recorded came through the public form, on the day they
were stored (inquiries 0009 and 0010)."""

import datetime

import pytest
from django.utils import timezone

from tests.migrating import migrate, migrate_to_head

BEFORE = [("inquiries", "0008_tracking_salt")]
AFTER = [("inquiries", "0010_received_on_from_created_at")]


@pytest.mark.django_db(transaction=True)
def test_existing_inquiries_get_the_web_form_and_the_day_they_were_stored():
    old_apps = migrate(BEFORE)
    Inquiry = old_apps.get_model("inquiries", "Inquiry")
    stored = timezone.make_aware(datetime.datetime(2026, 3, 3, 0, 30))  # 23:30 UTC on the 2nd
    inquiry = Inquiry.objects.create(
        subject="Gammel", text="Tekst", submitter_kind="citizen", submitter_name="Bo",
        submitter_email="bo@example.dk", token_hash="a" * 64, client_hash="c" * 64,
        acknowledge_due=datetime.date(2026, 3, 4), answer_due=datetime.date(2026, 3, 16))
    Inquiry.objects.filter(pk=inquiry.pk).update(created_at=stored)
    try:
        new_apps = migrate(AFTER)
        migrated = new_apps.get_model("inquiries", "Inquiry").objects.get(pk=inquiry.pk)
        assert migrated.channel == "web_form"
        assert migrated.received_on == datetime.date(2026, 3, 3)  # the local day
    finally:
        migrate_to_head()
