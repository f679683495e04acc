# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""The existing inquiries came through the public form: each was received on the (local) day it
was stored, from which its deadlines were counted."""

from django.db import migrations
from django.utils import timezone


def received_on_from_created_at(apps, schema_editor):
    Inquiry = apps.get_model("inquiries", "Inquiry")
    for inquiry in Inquiry.objects.only("pk", "created_at").iterator():
        Inquiry.objects.filter(pk=inquiry.pk).update(
            received_on=timezone.localdate(inquiry.created_at))


class Migration(migrations.Migration):

    dependencies = [
        ("inquiries", "0009_channel_and_date_received"),
    ]

    operations = [
        # Reversing needs nothing: reversing 0009 removes the field.
        migrations.RunPython(received_on_from_created_at, migrations.RunPython.noop),
    ]
