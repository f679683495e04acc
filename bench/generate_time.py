# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""Time registrations for the areas case: every contact registers twice a week for the last 26
weeks (on one of their areas, or on none), a fifth of it outside working hours, and the monthly
totals of them. Deterministic."""

import datetime
import random

from django.utils import timezone

from lokalkontakt.areas.models import Assignment
from lokalkontakt.timesheets.models import TimeEntry
from lokalkontakt.timesheets.totals import recompute

BATCH = 1000
WEEKS = 26


def generate_time(seed: int = 1) -> int:
    rng = random.Random(seed)
    areas_of: dict[int, list[int]] = {}
    for employee_id, area_id in Assignment.objects.filter(ends_on__isnull=True).values_list(
            "employee_id", "area_id"):
        areas_of.setdefault(employee_id, []).append(area_id)
    today = timezone.localdate()
    kinds = list(TimeEntry.Kind.values)
    entries = [
        TimeEntry(employee_id=employee_id, area_id=rng.choice([*areas, None]),
                  day=today - datetime.timedelta(days=7 * week + rng.randint(0, 4)),
                  minutes=rng.choice([15, 30, 45, 60, 90]), kind=rng.choice(kinds),
                  outside_hours=rng.random() < 0.2)
        for employee_id, areas in areas_of.items() for week in range(WEEKS) for _ in range(2)]
    TimeEntry.objects.bulk_create(entries, batch_size=BATCH)
    recompute(fix=True)  # the monthly totals, which the services keep (bulk_create goes around)
    return len(entries)
