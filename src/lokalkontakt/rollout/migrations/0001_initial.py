# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""RolloutMilestone moves from areas to rollout without touching its tables: the state is created
here and deleted in areas.0007; the tables keep their names (areas_rolloutmilestone,
areas_historicalrolloutmilestone). The content types move too, so permissions, admin log entries
and history keep pointing at the model."""

import django.db.models.deletion
import simple_history.models
from django.conf import settings
from django.db import migrations, models

MODELS = ["rolloutmilestone", "historicalrolloutmilestone"]


def _move_content_types(apps, old: str, new: str) -> None:
    ContentType = apps.get_model("contenttypes", "ContentType")
    for model in MODELS:
        if not ContentType.objects.filter(app_label=new, model=model).exists():
            ContentType.objects.filter(app_label=old, model=model).update(app_label=new)


def forwards(apps, schema_editor):
    _move_content_types(apps, "areas", "rollout")


def backwards(apps, schema_editor):
    _move_content_types(apps, "rollout", "areas")


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
                name="HistoricalRolloutMilestone",
                fields=[
                    ("id", models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name="ID")),
                    ("title", models.CharField(max_length=200, verbose_name="task")),
                    ("description", models.TextField(blank=True, max_length=5000, verbose_name="description")),
                    ("planned_from", models.DateField(verbose_name="planned from")),
                    ("planned_to", models.DateField(verbose_name="planned until")),
                    ("status", models.CharField(choices=[("planned", "Planned"), ("in_progress", "In progress"), ("done", "Done")], default="planned", max_length=12, verbose_name="status")),
                    ("done_on", models.DateField(blank=True, null=True, verbose_name="done")),
                    ("position", models.PositiveSmallIntegerField(default=0, verbose_name="order")),
                    ("history_id", models.AutoField(primary_key=True, serialize=False)),
                    ("history_date", models.DateTimeField(db_index=True)),
                    ("history_change_reason", models.CharField(max_length=100, null=True)),
                    ("history_type", models.CharField(choices=[("+", "Created"), ("~", "Changed"), ("-", "Deleted")], max_length=1)),
                    ("history_user", models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name="+", to=settings.AUTH_USER_MODEL)),
                ],
                options={
                    "verbose_name": "historical rollout milestone",
                    "verbose_name_plural": "historical rollout milestones",
                    "db_table": "areas_historicalrolloutmilestone",
                    "ordering": ("-history_date", "-history_id"),
                    "get_latest_by": ("history_date", "history_id"),
                },
                bases=(simple_history.models.HistoricalChanges, models.Model),
            ),
            migrations.CreateModel(
                name="RolloutMilestone",
                fields=[
                    ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                    ("title", models.CharField(max_length=200, verbose_name="task")),
                    ("description", models.TextField(blank=True, max_length=5000, verbose_name="description")),
                    ("planned_from", models.DateField(verbose_name="planned from")),
                    ("planned_to", models.DateField(verbose_name="planned until")),
                    ("status", models.CharField(choices=[("planned", "Planned"), ("in_progress", "In progress"), ("done", "Done")], default="planned", max_length=12, verbose_name="status")),
                    ("done_on", models.DateField(blank=True, null=True, verbose_name="done")),
                    ("position", models.PositiveSmallIntegerField(default=0, verbose_name="order")),
                    ("created_at", models.DateTimeField(auto_now_add=True)),
                    ("updated_at", models.DateTimeField(auto_now=True)),
                ],
                options={
                    "verbose_name": "rollout milestone",
                    "verbose_name_plural": "rollout milestones",
                    "db_table": "areas_rolloutmilestone",
                    "ordering": ["planned_from", "position", "pk"],
                    "constraints": [models.CheckConstraint(condition=models.Q(("planned_to__gte", models.F("planned_from"))), name="rollout_milestone_period", violation_error_message="The period cannot end before it starts.")],
                },
            ),
        ]),
        migrations.RunPython(forwards, backwards),
    ]
