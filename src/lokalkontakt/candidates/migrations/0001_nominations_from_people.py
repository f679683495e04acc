# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""Nominations and requests for candidates move from people to candidates (issue 14). Their tables
stay as they are (people_nomination, people_historicalnomination, people_candidaterequest and the
M2M tables people_nomination_areas, people_candidaterequest_areas, people_candidaterequest_leaders):
only Django's state moves, and the content types with it, so permissions, admin log entries and
history keep pointing at them."""

import django.db.models.deletion
import simple_history.models
from django.conf import settings
from django.db import migrations, models

MODELS = ["candidaterequest", "nomination", "historicalnomination"]


def _move_content_types(apps, source, target):
    content_types = apps.get_model("contenttypes", "ContentType")
    for model in MODELS:
        if not content_types.objects.filter(app_label=target, model=model).exists():
            content_types.objects.filter(app_label=source, model=model).update(app_label=target)


def content_types_to_candidates(apps, schema_editor):
    _move_content_types(apps, "people", "candidates")


def content_types_to_people(apps, schema_editor):
    _move_content_types(apps, "candidates", "people")


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('areas', '0006_onboarding_steps'),
        ('contenttypes', '0002_remove_content_type_name'),
        ('people', '0005_move_time_entries_to_timesheets'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(state_operations=[
            migrations.CreateModel(
                name='CandidateRequest',
                fields=[
                    ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                    ('message', models.TextField(blank=True, max_length=5000, verbose_name='message')),
                    ('reply_by', models.DateField(blank=True, null=True, verbose_name='answer by')),
                    ('sent_at', models.DateTimeField(auto_now_add=True, db_index=True, verbose_name='sent')),
                    ('areas', models.ManyToManyField(related_name='candidate_requests', to='areas.localarea', verbose_name='local areas')),
                    ('leaders', models.ManyToManyField(related_name='candidate_requests', to='people.employee', verbose_name='leaders asked')),
                    ('sent_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='sent by')),
                ],
                options={
                    'verbose_name': 'request for candidates',
                    'verbose_name_plural': 'requests for candidates',
                    'db_table': 'people_candidaterequest',
                    'ordering': ['-sent_at', '-pk'],
                },
            ),
            migrations.CreateModel(
                name='HistoricalNomination',
                fields=[
                    ('id', models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                    ('note', models.TextField(blank=True, max_length=2000, verbose_name='note')),
                    ('status', models.CharField(choices=[('proposed', 'Proposed'), ('accepted', 'Accepted'), ('declined', 'Not chosen'), ('withdrawn', 'Withdrawn')], default='proposed', max_length=10, verbose_name='status')),
                    ('decided_at', models.DateTimeField(blank=True, null=True, verbose_name='decided')),
                    ('decision_note', models.CharField(blank=True, max_length=500, verbose_name='note on the decision')),
                    ('history_id', models.AutoField(primary_key=True, serialize=False)),
                    ('history_date', models.DateTimeField(db_index=True)),
                    ('history_change_reason', models.CharField(max_length=100, null=True)),
                    ('history_type', models.CharField(choices=[('+', 'Created'), ('~', 'Changed'), ('-', 'Deleted')], max_length=1)),
                    ('core_area', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='people.corearea', verbose_name='core area')),
                    ('employee', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='people.employee', verbose_name='candidate')),
                    ('history_user', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                    ('nominated_by', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='nominated by')),
                    ('request', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='candidates.candidaterequest', verbose_name='request for candidates')),
                ],
                options={
                    'verbose_name': 'historical nomination',
                    'verbose_name_plural': 'historical nominations',
                    'db_table': 'people_historicalnomination',
                    'ordering': ('-history_date', '-history_id'),
                    'get_latest_by': ('history_date', 'history_id'),
                },
                bases=(simple_history.models.HistoricalChanges, models.Model),
            ),
            migrations.CreateModel(
                name='Nomination',
                fields=[
                    ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                    ('note', models.TextField(blank=True, max_length=2000, verbose_name='note')),
                    ('status', models.CharField(choices=[('proposed', 'Proposed'), ('accepted', 'Accepted'), ('declined', 'Not chosen'), ('withdrawn', 'Withdrawn')], default='proposed', max_length=10, verbose_name='status')),
                    ('decided_at', models.DateTimeField(blank=True, null=True, verbose_name='decided')),
                    ('decision_note', models.CharField(blank=True, max_length=500, verbose_name='note on the decision')),
                    ('created_at', models.DateTimeField(auto_now_add=True)),
                    ('updated_at', models.DateTimeField(auto_now=True)),
                    ('areas', models.ManyToManyField(blank=True, related_name='nominations', to='areas.localarea', verbose_name='local areas')),
                    ('core_area', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='nominations', to='people.corearea', verbose_name='core area')),
                    ('employee', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='nominations', to='people.employee', verbose_name='candidate')),
                    ('nominated_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='nominated by')),
                    ('request', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='nominations', to='candidates.candidaterequest', verbose_name='request for candidates')),
                ],
                options={
                    'verbose_name': 'nomination',
                    'verbose_name_plural': 'nominations',
                    'db_table': 'people_nomination',
                    'ordering': ['-created_at', '-pk'],
                    'constraints': [models.UniqueConstraint(condition=models.Q(('status', 'proposed')), fields=('employee',), name='one_open_nomination_per_employee', violation_error_message='This employee is already nominated.')],
                },
            ),
        ], database_operations=[]),
        migrations.RunPython(content_types_to_candidates, content_types_to_people),
    ]
