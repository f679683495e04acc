# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""Issue 20: fill the employees' monthly time totals from the time entries stored so far (from
then on the services keep them)."""

from django.db import migrations
from django.db.models import Count, Q, Sum, Value
from django.db.models.functions import Coalesce, TruncMonth


def fill(apps, schema_editor):
    TimeEntry = apps.get_model("timesheets", "TimeEntry")
    EmployeeMonth = apps.get_model("timesheets", "EmployeeMonth")
    rows = (TimeEntry.objects.annotate(month=TruncMonth("day")).order_by()
            .values("employee_id", "month")
            .annotate(total=Sum("minutes"), count=Count("pk"),
                      outside=Coalesce(Sum("minutes", filter=Q(outside_hours=True)), Value(0))))
    EmployeeMonth.objects.bulk_create(
        [EmployeeMonth(employee_id=row["employee_id"], month=row["month"], minutes=row["total"],
                       outside_minutes=row["outside"], entries=row["count"])
         for row in rows.iterator(chunk_size=2000)], batch_size=1000)


def empty(apps, schema_editor):
    apps.get_model("timesheets", "EmployeeMonth").objects.all().delete()


class Migration(migrations.Migration):

    dependencies = [
        ("timesheets", "0005_monthly_totals_per_employee"),
    ]

    operations = [
        migrations.RunPython(fill, empty),
    ]
