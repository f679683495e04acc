# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""Onboarding leaves areas for its own app without touching its tables: the models' state is
created here (areas_onboardingstep, areas_onboardingtask and their history tables stay), and their
content types move from areas to onboarding so permissions, admin log entries and history keep
pointing at them. areas.0007 drops the models from areas' state; areas.0006 (the default
checklist) stays in areas' history as it was."""

import django.db.models.deletion
import simple_history.models
from django.conf import settings
from django.db import migrations, models

MODELS = ["onboardingstep", "historicalonboardingstep", "onboardingtask",
          "historicalonboardingtask"]


def move_content_types(apps, schema_editor, source="areas", target="onboarding"):
    ContentType = apps.get_model("contenttypes", "ContentType")
    db = schema_editor.connection.alias
    for model in MODELS:
        if not ContentType.objects.using(db).filter(app_label=target, model=model).exists():
            ContentType.objects.using(db).filter(app_label=source, model=model).update(
                app_label=target)


def move_content_types_back(apps, schema_editor):
    move_content_types(apps, schema_editor, source="onboarding", target="areas")


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ("areas", "0006_onboarding_steps"),
        ("contenttypes", "0002_remove_content_type_name"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(database_operations=[], state_operations=[
                migrations.CreateModel(
                    name='OnboardingStep',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('title', models.CharField(max_length=200, verbose_name='title')),
                        ('description', models.TextField(blank=True, max_length=2000, verbose_name='description')),
                        ('position', models.PositiveSmallIntegerField(default=0, verbose_name='order')),
                        ('is_active', models.BooleanField(default=True, verbose_name='in use')),
                        ('created_at', models.DateTimeField(auto_now_add=True)),
                        ('updated_at', models.DateTimeField(auto_now=True)),
                    ],
                    options={
                        'verbose_name': 'onboarding step',
                        'verbose_name_plural': 'onboarding steps',
                        'db_table': 'areas_onboardingstep',
                        'ordering': ['position', 'pk'],
                    },
                ),
                migrations.CreateModel(
                    name='HistoricalOnboardingStep',
                    fields=[
                        ('id', models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                        ('title', models.CharField(max_length=200, verbose_name='title')),
                        ('description', models.TextField(blank=True, max_length=2000, verbose_name='description')),
                        ('position', models.PositiveSmallIntegerField(default=0, verbose_name='order')),
                        ('is_active', models.BooleanField(default=True, verbose_name='in use')),
                        ('history_id', models.AutoField(primary_key=True, serialize=False)),
                        ('history_date', models.DateTimeField(db_index=True)),
                        ('history_change_reason', models.CharField(max_length=100, null=True)),
                        ('history_type', models.CharField(choices=[('+', 'Created'), ('~', 'Changed'), ('-', 'Deleted')], max_length=1)),
                        ('history_user', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                    ],
                    options={
                        'verbose_name': 'historical onboarding step',
                        'verbose_name_plural': 'historical onboarding steps',
                        'db_table': 'areas_historicalonboardingstep',
                        'ordering': ('-history_date', '-history_id'),
                        'get_latest_by': ('history_date', 'history_id'),
                    },
                    bases=(simple_history.models.HistoricalChanges, models.Model),
                ),
                migrations.CreateModel(
                    name='HistoricalOnboardingTask',
                    fields=[
                        ('id', models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                        ('title', models.CharField(max_length=200, verbose_name='title')),
                        ('description', models.TextField(blank=True, max_length=2000, verbose_name='description')),
                        ('position', models.PositiveSmallIntegerField(default=0, verbose_name='order')),
                        ('done_at', models.DateTimeField(blank=True, null=True, verbose_name='done')),
                        ('history_id', models.AutoField(primary_key=True, serialize=False)),
                        ('history_date', models.DateTimeField(db_index=True)),
                        ('history_change_reason', models.CharField(max_length=100, null=True)),
                        ('history_type', models.CharField(choices=[('+', 'Created'), ('~', 'Changed'), ('-', 'Deleted')], max_length=1)),
                        ('assignment', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='areas.assignment', verbose_name='assignment')),
                        ('done_by', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='done by')),
                        ('history_user', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                        ('step', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='onboarding.onboardingstep', verbose_name='template step')),
                    ],
                    options={
                        'verbose_name': 'historical onboarding task',
                        'verbose_name_plural': 'historical onboarding tasks',
                        'db_table': 'areas_historicalonboardingtask',
                        'ordering': ('-history_date', '-history_id'),
                        'get_latest_by': ('history_date', 'history_id'),
                    },
                    bases=(simple_history.models.HistoricalChanges, models.Model),
                ),
                migrations.CreateModel(
                    name='OnboardingTask',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('title', models.CharField(max_length=200, verbose_name='title')),
                        ('description', models.TextField(blank=True, max_length=2000, verbose_name='description')),
                        ('position', models.PositiveSmallIntegerField(default=0, verbose_name='order')),
                        ('done_at', models.DateTimeField(blank=True, null=True, verbose_name='done')),
                        ('assignment', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='onboarding_tasks', to='areas.assignment', verbose_name='assignment')),
                        ('done_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='done by')),
                        ('step', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='tasks', to='onboarding.onboardingstep', verbose_name='template step')),
                    ],
                    options={
                        'verbose_name': 'onboarding task',
                        'verbose_name_plural': 'onboarding tasks',
                        'db_table': 'areas_onboardingtask',
                        'ordering': ['position', 'pk'],
                    },
                ),
        ]),
        migrations.RunPython(move_content_types, move_content_types_back),
    ]
