# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""How an inquiry reached the municipality and on which day. Every existing inquiry came through
the public form, so the default (web form) is its channel; its date received is set from when it
was stored in 0010."""

import django.utils.timezone
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('inquiries', '0008_tracking_salt'),
    ]

    operations = [
        migrations.AddField(
            model_name='inquiry',
            name='channel',
            field=models.CharField(choices=[('web_form', 'Web form'), ('phone', 'Phone'), ('email', 'E-mail'), ('letter', 'Letter'), ('meeting', 'Meeting'), ('in_person', 'In person')], default='web_form', max_length=20, verbose_name='channel'),
        ),
        migrations.AddField(
            model_name='inquiry',
            name='received_on',
            field=models.DateField(default=django.utils.timezone.localdate, verbose_name='date received'),
        ),
    ]
