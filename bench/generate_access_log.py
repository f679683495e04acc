# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""Synthetic access-log entries for the benchmark, on top of bench.generate_inquiries.

`generate_access_log(per_inquiry=5, seed=1)` writes about `per_inquiry` entries for every
inquiry: staff (the users bench.generate_inquiries made) opening its page or a file over the
log's retention period (183 days before TODAY), from a handful of addresses. Rows go in with
bulk_create in chunks. Returns what the log pages of the bench ask for: a submitter's name that
exists (the bench's inquiry page) and a username that appears in the log.
"""

import datetime
import random
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from bench.generate import TODAY
from lokalkontakt.core.models import AccessLogEntry
from lokalkontakt.inquiries.models import Inquiry

BATCH = 5000
RETENTION_DAYS = 183


@dataclass
class GeneratedAccessLog:
    entries: int = 0
    person: str = ""
    person_entries: int = 0
    username: str = ""


def generate_access_log(*, per_inquiry: int = 5, detail_pk: int, seed: int = 1) -> GeneratedAccessLog:
    rng = random.Random(seed)
    users = list(get_user_model().objects.filter(username__startswith="bench-")
                 .values_list("pk", "username")[:200])
    ids = list(Inquiry.objects.values_list("pk", flat=True))
    end = timezone.make_aware(datetime.datetime.combine(TODAY, datetime.time(16)))
    span = RETENTION_DAYS * 24 * 3600
    summary = GeneratedAccessLog()
    rows = []
    with transaction.atomic():
        for pk in ids:
            for _ in range(rng.randint(1, 2 * per_inquiry - 1)):
                user_id, username = rng.choice(users)
                download = rng.random() < 0.1
                rows.append(AccessLogEntry(
                    at=end - datetime.timedelta(seconds=rng.randrange(span)), user_id=user_id,
                    username=username, how="download" if download else "page",
                    path=f"/henvendelser/{pk}/" + ("filer/1/" if download else ""),
                    address=f"10.0.{rng.randint(0, 3)}.{rng.randint(1, 250)}",
                    object_type="inquiries.inquiry", object_id=pk))
            if len(rows) >= BATCH:
                summary.entries += len(AccessLogEntry.objects.bulk_create(rows))
                rows = []
        summary.entries += len(AccessLogEntry.objects.bulk_create(rows))
    summary.person = Inquiry.objects.get(pk=detail_pk).submitter_name
    same_name = Inquiry.objects.filter(submitter_name__icontains=summary.person).values("pk")
    summary.person_entries = AccessLogEntry.objects.filter(
        object_type="inquiries.inquiry", object_id__in=same_name).count()
    summary.username = users[0][1]
    return summary
