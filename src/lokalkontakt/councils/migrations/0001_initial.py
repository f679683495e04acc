# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""CouncilMember and CouncilLoginToken move from areas to councils without touching their tables:
the state is created here and deleted in areas.0008; the tables keep their names
(areas_councilmember, areas_historicalcouncilmember, areas_councillogintoken). The content types
move too, so permissions, admin log entries and history keep pointing at the models. The Council
itself stays in areas."""

import django.db.models.deletion
import simple_history.models
from django.conf import settings
from django.db import migrations, models

MODELS = ["councilmember", "historicalcouncilmember", "councillogintoken"]


def _move_content_types(apps, old: str, new: str) -> None:
    ContentType = apps.get_model("contenttypes", "ContentType")
    for model in MODELS:
        if not ContentType.objects.filter(app_label=new, model=model).exists():
            ContentType.objects.filter(app_label=old, model=model).update(app_label=new)


def forwards(apps, schema_editor):
    _move_content_types(apps, "areas", "councils")


def backwards(apps, schema_editor):
    _move_content_types(apps, "councils", "areas")


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ("areas", "0007_move_rollout_milestone_to_rollout"),
        ("contenttypes", "0002_remove_content_type_name"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(database_operations=[], state_operations=[
            migrations.CreateModel(
                name='CouncilMember',
                fields=[
                    ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                    ('name', models.CharField(max_length=150, verbose_name='name')),
                    ('email', models.EmailField(max_length=254, verbose_name='e-mail')),
                    ('is_active', models.BooleanField(default=True, verbose_name='active')),
                    ('invited_at', models.DateTimeField(blank=True, null=True, verbose_name='invited')),
                    ('created_at', models.DateTimeField(auto_now_add=True)),
                    ('updated_at', models.DateTimeField(auto_now=True)),
                    ('council', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='members', to='areas.council', verbose_name='local council')),
                    ('invited_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='invited by')),
                    ('user', models.OneToOneField(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='council_member', to=settings.AUTH_USER_MODEL, verbose_name='user account')),
                ],
                options={
                    'verbose_name': 'council member',
                    'verbose_name_plural': 'council members',
                    'db_table': 'areas_councilmember',
                    'ordering': ['council__area__sort_name', 'name', 'pk'],
                },
            ),
            migrations.CreateModel(
                name='CouncilLoginToken',
                fields=[
                    ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                    ('token_hash', models.CharField(editable=False, max_length=64, unique=True)),
                    ('purpose', models.CharField(choices=[('invitation', 'Invitation'), ('login', 'Login link')], max_length=20, verbose_name='purpose')),
                    ('client_hash', models.CharField(blank=True, db_index=True, editable=False, max_length=64)),
                    ('created_at', models.DateTimeField(auto_now_add=True, db_index=True, verbose_name='created')),
                    ('expires_at', models.DateTimeField(verbose_name='expires')),
                    ('used_at', models.DateTimeField(blank=True, null=True, verbose_name='used')),
                    ('member', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='login_tokens', to='councils.councilmember', verbose_name='council member')),
                ],
                options={
                    'verbose_name': 'council login link',
                    'verbose_name_plural': 'council login links',
                    'db_table': 'areas_councillogintoken',
                    'ordering': ['-created_at', '-pk'],
                },
            ),
            migrations.CreateModel(
                name='HistoricalCouncilMember',
                fields=[
                    ('id', models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                    ('name', models.CharField(max_length=150, verbose_name='name')),
                    ('email', models.EmailField(max_length=254, verbose_name='e-mail')),
                    ('is_active', models.BooleanField(default=True, verbose_name='active')),
                    ('invited_at', models.DateTimeField(blank=True, null=True, verbose_name='invited')),
                    ('created_at', models.DateTimeField(blank=True, editable=False)),
                    ('updated_at', models.DateTimeField(blank=True, editable=False)),
                    ('history_id', models.AutoField(primary_key=True, serialize=False)),
                    ('history_date', models.DateTimeField(db_index=True)),
                    ('history_change_reason', models.CharField(max_length=100, null=True)),
                    ('history_type', models.CharField(choices=[('+', 'Created'), ('~', 'Changed'), ('-', 'Deleted')], max_length=1)),
                    ('council', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='areas.council', verbose_name='local council')),
                    ('history_user', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                    ('invited_by', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='invited by')),
                    ('user', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='user account')),
                ],
                options={
                    'verbose_name': 'historical council member',
                    'verbose_name_plural': 'historical council members',
                    'db_table': 'areas_historicalcouncilmember',
                    'ordering': ('-history_date', '-history_id'),
                    'get_latest_by': ('history_date', 'history_id'),
                },
                bases=(simple_history.models.HistoricalChanges, models.Model),
            ),
            migrations.AddConstraint(
                model_name='councilmember',
                constraint=models.UniqueConstraint(fields=('council', 'email'), name='council_member_unique_email'),
            ),
        ]),
        migrations.RunPython(forwards, backwards),
    ]
