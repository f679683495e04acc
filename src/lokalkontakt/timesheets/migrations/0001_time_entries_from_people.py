# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""Time entries move from people to timesheets (issue 14). Their tables stay as they are
(people_timeentry, people_historicaltimeentry): only Django's state moves, and the content types
with it, so permissions, admin log entries and history keep pointing at them."""

import django.core.validators
import django.db.models.deletion
import simple_history.models
from django.conf import settings
from django.db import migrations, models

MODELS = ["timeentry", "historicaltimeentry"]


def _move_content_types(apps, source, target):
    content_types = apps.get_model("contenttypes", "ContentType")
    for model in MODELS:
        if not content_types.objects.filter(app_label=target, model=model).exists():
            content_types.objects.filter(app_label=source, model=model).update(app_label=target)


def content_types_to_timesheets(apps, schema_editor):
    _move_content_types(apps, "people", "timesheets")


def content_types_to_people(apps, schema_editor):
    _move_content_types(apps, "timesheets", "people")


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('areas', '0006_onboarding_steps'),
        ('contenttypes', '0002_remove_content_type_name'),
        ('people', '0004_nominations'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(state_operations=[
            migrations.CreateModel(
                name='HistoricalTimeEntry',
                fields=[
                    ('id', models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                    ('day', models.DateField(verbose_name='date')),
                    ('minutes', models.PositiveSmallIntegerField(validators=[django.core.validators.MinValueValidator(1), django.core.validators.MaxValueValidator(1440)], verbose_name='minutes')),
                    ('kind', models.CharField(choices=[('council', 'With the local council'), ('inquiries', 'Inquiries and consultations'), ('event', 'Meeting or event in the area'), ('coordination', 'Coordination meeting'), ('preparation', 'Preparation and follow-up'), ('other', 'Other')], max_length=20, verbose_name='kind of activity')),
                    ('outside_hours', models.BooleanField(default=False, verbose_name='outside normal working hours')),
                    ('note', models.CharField(blank=True, max_length=300, verbose_name='note')),
                    ('history_id', models.AutoField(primary_key=True, serialize=False)),
                    ('history_date', models.DateTimeField(db_index=True)),
                    ('history_change_reason', models.CharField(max_length=100, null=True)),
                    ('history_type', models.CharField(choices=[('+', 'Created'), ('~', 'Changed'), ('-', 'Deleted')], max_length=1)),
                    ('area', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='areas.localarea', verbose_name='local area')),
                    ('employee', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='people.employee', verbose_name='employee')),
                    ('history_user', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                ],
                options={
                    'verbose_name': 'historical time entry',
                    'verbose_name_plural': 'historical time entries',
                    'db_table': 'people_historicaltimeentry',
                    'ordering': ('-history_date', '-history_id'),
                    'get_latest_by': ('history_date', 'history_id'),
                },
                bases=(simple_history.models.HistoricalChanges, models.Model),
            ),
            migrations.CreateModel(
                name='TimeEntry',
                fields=[
                    ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                    ('day', models.DateField(verbose_name='date')),
                    ('minutes', models.PositiveSmallIntegerField(validators=[django.core.validators.MinValueValidator(1), django.core.validators.MaxValueValidator(1440)], verbose_name='minutes')),
                    ('kind', models.CharField(choices=[('council', 'With the local council'), ('inquiries', 'Inquiries and consultations'), ('event', 'Meeting or event in the area'), ('coordination', 'Coordination meeting'), ('preparation', 'Preparation and follow-up'), ('other', 'Other')], max_length=20, verbose_name='kind of activity')),
                    ('outside_hours', models.BooleanField(default=False, verbose_name='outside normal working hours')),
                    ('note', models.CharField(blank=True, max_length=300, verbose_name='note')),
                    ('created_at', models.DateTimeField(auto_now_add=True)),
                    ('updated_at', models.DateTimeField(auto_now=True)),
                    ('area', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='time_entries', to='areas.localarea', verbose_name='local area')),
                    ('employee', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='time_entries', to='people.employee', verbose_name='employee')),
                ],
                options={
                    'verbose_name': 'time entry',
                    'verbose_name_plural': 'time entries',
                    'db_table': 'people_timeentry',
                    'ordering': ['-day', '-pk'],
                    'indexes': [models.Index(fields=['employee', 'day'], name='people_time_employe_234a26_idx'), models.Index(fields=['day', 'area', 'minutes'], name='timeentry_day_area_idx'), models.Index(fields=['day', 'employee', 'minutes'], name='timeentry_day_employee_idx')],
                },
            ),
        ], database_operations=[]),
        migrations.RunPython(content_types_to_timesheets, content_types_to_people),
    ]
