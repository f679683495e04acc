# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""The table of which tables were written (core.tablewrites) and its triggers, made here and
again after every migrate (core.apps), so that tables made later get theirs too; dropped when
migrated back."""

from django.db import migrations, models


def install(apps, schema_editor):
    from lokalkontakt.core import tablewrites

    tablewrites.install(schema_editor.connection.alias)


def uninstall(apps, schema_editor):
    from lokalkontakt.core import tablewrites

    tablewrites.uninstall(schema_editor.connection.alias)


class Migration(migrations.Migration):

    dependencies = [
        ('core', '0020_search_vector_inline'),
    ]

    operations = [
        migrations.CreateModel(
            name='TableWrite',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('table_name', models.CharField(max_length=63)),
            ],
            options={
                'indexes': [models.Index(fields=['table_name', 'id'], name='core_tablewrite_table')],
            },
        ),
        migrations.RunPython(install, uninstall),
    ]
