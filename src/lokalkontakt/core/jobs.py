# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""The core's periodic job (registered in apps.py): what a stopped worker left behind, and the
task queue's housekeeping. Idempotent, and safe to run twice at once:

- e-mails left in sending by a worker that died go back to the queue (core.mail, at least once);
- queued e-mails whose delivery task was lost are enqueued again;
- task results still RUNNING after settings.TASK_RUNNING_STALE_MINUTES are marked failed
  (WorkerStopped): a db_worker runs each task to the end or records its failure, so only a
  stopped process leaves one running;
- finished task results older than settings.TASK_RESULT_RETENTION_DAYS are deleted.
"""

import datetime

from django.conf import settings
from django.utils import timezone
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from lokalkontakt.core.mail import email_enqueue_orphans, email_requeue_stale


class WorkerStopped(Exception):  # noqa: N818 - the name is what the task result shows
    """Recorded on a task result whose worker stopped while running it."""


def task_results_fail_stale(*, now: datetime.datetime) -> int:
    """Mark task results RUNNING for longer than settings.TASK_RUNNING_STALE_MINUTES failed."""
    minutes = settings.TASK_RUNNING_STALE_MINUTES
    stale = DBTaskResult.objects.running().filter(
        started_at__lt=now - datetime.timedelta(minutes=minutes))
    return stale.update(
        status=TaskResultStatus.FAILED, finished_at=now, return_value=None,
        exception_class_path=f"{WorkerStopped.__module__}.{WorkerStopped.__qualname__}",
        traceback=(f"WorkerStopped: the worker stopped while running this task (still running "
                   f"after {minutes} minutes; marked failed by run_jobs).\n"))


def task_results_prune(*, now: datetime.datetime) -> int:
    """Delete finished task results older than settings.TASK_RESULT_RETENTION_DAYS."""
    cutoff = now - datetime.timedelta(days=settings.TASK_RESULT_RETENTION_DAYS)
    deleted, _per_model = DBTaskResult.objects.finished().filter(finished_at__lt=cutoff).delete()
    return deleted


def report() -> str:
    """run_jobs' line for the e-mail queue and the task results."""
    now = timezone.now()
    stopped = task_results_fail_stale(now=now)
    requeued, failed = email_requeue_stale(now=now)
    enqueued = email_enqueue_orphans(now=now)
    pruned = task_results_prune(now=now)
    return (f"E-mail: {requeued} interrupted queued again, {failed} interrupted failed, {enqueued} "
            f"without a task enqueued again. Task results: {stopped} of stopped workers marked "
            f"failed, {pruned} old deleted.")
