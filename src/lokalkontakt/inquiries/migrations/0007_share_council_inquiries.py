# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""The local council's own inquiries were written by the council: they are shared with it, as
every new one is (services.inquiry_submit). Every other existing inquiry stays not shared, since
its submitter was never asked."""

from django.db import migrations


def share_council_inquiries(apps, schema_editor):
    Inquiry = apps.get_model("inquiries", "Inquiry")
    Inquiry.objects.filter(submitter_kind="council").update(shared_with_council=True)


class Migration(migrations.Migration):

    dependencies = [
        ("inquiries", "0006_shared_with_council"),
    ]

    operations = [
        # Reversing needs nothing: reversing 0006 removes the field.
        migrations.RunPython(share_council_inquiries, migrations.RunPython.noop),
    ]
