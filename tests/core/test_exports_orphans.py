# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""A prepared export whose task was never enqueued (the process stopped between the commit and
the enqueue) is not lost: after a few minutes the periodic job hands it to the worker again,
once however often it runs, and the worker builds it. One still within those minutes is left to
the request that is enqueueing it."""

import datetime

import pytest
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from lokalkontakt.core.exports import services
from lokalkontakt.core.exports.models import PreparedExport
from lokalkontakt.core.registry import jobs

# The same world as test_exports.py: a limit of 2 rows (its autouse fixture) and the real worker.
from tests.core.test_exports import INQUIRIES, run_worker, small_limit  # noqa: F401
from tests.inquiries.factories import InquiryFactory

pytestmark = pytest.mark.django_db(transaction=True)
Status = PreparedExport.Status


def never_enqueued(*, minutes: int) -> PreparedExport:
    """The export as a stopped process leaves it: committed, no task, asked `minutes` ago."""
    DBTaskResult.objects.all().delete()
    PreparedExport.objects.update(
        task_id="", created_at=timezone.now() - datetime.timedelta(minutes=minutes))
    return PreparedExport.objects.get()


def test_an_export_never_handed_to_the_worker_is_enqueued_again_and_made(coordinator_client):
    InquiryFactory.create_batch(3)
    status_url = coordinator_client.get(INQUIRIES).url
    export = never_enqueued(minutes=services.WORKER_LATE_MINUTES + 1)

    line = dict(jobs.items())["exports"]()
    again = dict(jobs.items())["exports"]()  # a second run at once enqueues it no second time

    assert "1 never handed to the worker queued again, 0 lost" in line
    assert "0 never handed to the worker queued again, 0 lost" in again
    assert DBTaskResult.objects.count() == 1
    run_worker()
    export.refresh_from_db()
    assert export.status == Status.READY
    assert f"/eksport/{export.pk}/hent/" in coordinator_client.get(status_url).content.decode()


def test_a_new_export_without_its_task_yet_is_left_alone(coordinator_client):
    InquiryFactory.create_batch(3)
    coordinator_client.get(INQUIRIES)
    export = never_enqueued(minutes=0)

    assert services.exports_recover(now=timezone.now()) == (0, 0)
    export.refresh_from_db()
    assert export.status == Status.QUEUED and export.task_id == ""


def test_asking_again_enqueues_the_orphan_instead_of_failing_it(coordinator_client):
    InquiryFactory.create_batch(3)
    first = coordinator_client.get(INQUIRIES).url
    never_enqueued(minutes=10)

    assert coordinator_client.get(INQUIRIES).url == first  # the same export, now enqueued
    assert PreparedExport.objects.get().task_id == str(DBTaskResult.objects.get().id)
