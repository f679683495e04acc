# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""Handovers leave areas for their own app without touching their tables: the models'
state is created here (the tables areas_handover and areas_historicalhandover stay), and their
content types move from areas to handovers so permissions, admin log entries and history keep
pointing at them. areas.0007 drops the models from areas' state."""

import django.db.models.deletion
import simple_history.models
from django.conf import settings
from django.db import migrations, models

MODELS = ["handover", "historicalhandover"]


def move_content_types(apps, schema_editor, source="areas", target="handovers"):
    ContentType = apps.get_model("contenttypes", "ContentType")
    db = schema_editor.connection.alias
    for model in MODELS:
        if not ContentType.objects.using(db).filter(app_label=target, model=model).exists():
            ContentType.objects.using(db).filter(app_label=source, model=model).update(
                app_label=target)


def move_content_types_back(apps, schema_editor):
    move_content_types(apps, schema_editor, source="handovers", target="areas")


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ("areas", "0006_onboarding_steps"),
        ("people", "0004_nominations"),
        ("contenttypes", "0002_remove_content_type_name"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(database_operations=[], state_operations=[
                migrations.CreateModel(
                    name='HistoricalHandover',
                    fields=[
                        ('id', models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                        ('switch_on', models.DateField(verbose_name='handover date')),
                        ('status', models.CharField(choices=[('planned', 'Planned'), ('done', 'Completed'), ('cancelled', 'Cancelled')], default='planned', max_length=10, verbose_name='status')),
                        ('handover_note', models.TextField(blank=True, help_text='What the new contact should know: people, agreements, open matters.', max_length=20000, verbose_name='handover note')),
                        ('note_written_at', models.DateTimeField(blank=True, null=True, verbose_name='note written')),
                        ('confirmed_at', models.DateTimeField(blank=True, null=True, verbose_name='confirmed by the new contact')),
                        ('switched_at', models.DateTimeField(blank=True, null=True, verbose_name='switched')),
                        ('council_notified_at', models.DateTimeField(blank=True, null=True, verbose_name='council told')),
                        ('cancel_reason', models.CharField(blank=True, max_length=500, verbose_name='reason for cancelling')),
                        ('history_id', models.AutoField(primary_key=True, serialize=False)),
                        ('history_date', models.DateTimeField(db_index=True)),
                        ('history_change_reason', models.CharField(max_length=100, null=True)),
                        ('history_type', models.CharField(choices=[('+', 'Created'), ('~', 'Changed'), ('-', 'Deleted')], max_length=1)),
                        ('area', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='areas.localarea', verbose_name='local area')),
                        ('created_by', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='started by')),
                        ('from_assignment', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='areas.assignment', verbose_name='assignment handed over')),
                        ('from_employee', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='people.employee', verbose_name='from')),
                        ('history_user', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                        ('new_assignment', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='areas.assignment', verbose_name='new assignment')),
                        ('to_employee', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='people.employee', verbose_name='to')),
                    ],
                    options={
                        'verbose_name': 'historical handover',
                        'verbose_name_plural': 'historical handovers',
                        'db_table': 'areas_historicalhandover',
                        'ordering': ('-history_date', '-history_id'),
                        'get_latest_by': ('history_date', 'history_id'),
                    },
                    bases=(simple_history.models.HistoricalChanges, models.Model),
                ),
                migrations.CreateModel(
                    name='Handover',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('switch_on', models.DateField(verbose_name='handover date')),
                        ('status', models.CharField(choices=[('planned', 'Planned'), ('done', 'Completed'), ('cancelled', 'Cancelled')], default='planned', max_length=10, verbose_name='status')),
                        ('handover_note', models.TextField(blank=True, help_text='What the new contact should know: people, agreements, open matters.', max_length=20000, verbose_name='handover note')),
                        ('note_written_at', models.DateTimeField(blank=True, null=True, verbose_name='note written')),
                        ('confirmed_at', models.DateTimeField(blank=True, null=True, verbose_name='confirmed by the new contact')),
                        ('switched_at', models.DateTimeField(blank=True, null=True, verbose_name='switched')),
                        ('council_notified_at', models.DateTimeField(blank=True, null=True, verbose_name='council told')),
                        ('cancel_reason', models.CharField(blank=True, max_length=500, verbose_name='reason for cancelling')),
                        ('created_at', models.DateTimeField(auto_now_add=True)),
                        ('updated_at', models.DateTimeField(auto_now=True)),
                        ('area', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='handovers', to='areas.localarea', verbose_name='local area')),
                        ('created_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='started by')),
                        ('from_assignment', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='handovers', to='areas.assignment', verbose_name='assignment handed over')),
                        ('from_employee', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='handovers_given', to='people.employee', verbose_name='from')),
                        ('new_assignment', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='areas.assignment', verbose_name='new assignment')),
                        ('to_employee', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='handovers_received', to='people.employee', verbose_name='to')),
                    ],
                    options={
                        'verbose_name': 'handover',
                        'verbose_name_plural': 'handovers',
                        'db_table': 'areas_handover',
                        'ordering': ['switch_on', 'pk'],
                        'indexes': [models.Index(fields=['status', 'switch_on'], name='areas_hando_status_02756c_idx')],
                        'constraints': [models.UniqueConstraint(condition=models.Q(('status', 'planned')), fields=('area',), name='one_planned_handover_per_area', violation_error_message='A handover of this area is already planned.')],
                    },
                ),
        ]),
        migrations.RunPython(move_content_types, move_content_types_back),
    ]
