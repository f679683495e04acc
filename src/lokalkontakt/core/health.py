# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""What /healthz checks: the static files collected (production), the database (migrated,
readable, writable) and whether the worker keeps up with the task queue and the e-mail queue.
Each check answers in a query or two."""

from django.conf import settings
from django.db import DatabaseError, connection, transaction
from django.db.migrations.executor import MigrationExecutor
from django.db.migrations.recorder import MigrationRecorder
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from lokalkontakt.core.checks import static_manifest_missing
from lokalkontakt.core.models import FocusArea, OutgoingEmail

# Migrations do not un-apply while a process runs: once they are all applied, say so for good.
_migrated = False


class _Rollback(Exception):
    pass


def _database() -> str:
    """"ok", or what is wrong with the database."""
    global _migrated
    try:
        if not _migrated:
            executor = MigrationExecutor(connection)
            if executor.migration_plan(executor.loader.graph.leaf_nodes()):
                return "migrations pending"
            _migrated = True
        FocusArea.objects.exists()  # a real table: an empty new SQLite file has none
        try:
            with transaction.atomic():  # a write, undone: a read-only database refuses it
                MigrationRecorder(connection).Migration.objects.create(app="healthz", name="write")
                raise _Rollback
        except _Rollback:
            pass
    except DatabaseError as error:
        return "read-only" if "readonly" in str(error).replace(" ", "").replace("-", "") else (
            "unavailable")
    return "ok"


def _age_seconds(moment) -> int | None:
    return None if moment is None else int((timezone.now() - moment).total_seconds())


def health_report() -> dict:
    if static_manifest_missing():  # every page but this one would answer 500
        return {"status": "error", "static": "not collected"}
    database = _database()
    report = {"status": "ok", "database": database}
    if database != "ok":
        report["status"] = "error"
        return report
    waiting_task = (DBTaskResult.objects.ready()
                    .order_by("enqueued_at").values_list("enqueued_at", flat=True).first())
    last_run = (DBTaskResult.objects.filter(finished_at__isnull=False).order_by("-finished_at")
                .values_list("finished_at", flat=True).first())
    # Being sent counts as unsent: a send that hangs, or whose worker died, has not arrived.
    unsent = (OutgoingEmail.objects.filter(status__in=[OutgoingEmail.Status.QUEUED,
                                                       OutgoingEmail.Status.SENDING])
              .order_by("created_at").values_list("created_at", flat=True).first())
    report["worker"] = {"oldest_waiting_task_seconds": _age_seconds(waiting_task),
                        "last_task_finished_seconds_ago": _age_seconds(last_run)}
    report["email"] = {"oldest_unsent_seconds": _age_seconds(unsent)}
    problems = []
    if (report["worker"]["oldest_waiting_task_seconds"] or 0) > settings.HEALTH_TASK_STALE_MINUTES * 60:
        problems.append("worker")
    if (report["email"]["oldest_unsent_seconds"] or 0) > settings.HEALTH_EMAIL_STALE_MINUTES * 60:
        problems.append("email")
    if problems:
        report["status"] = "error"
        report["problems"] = problems
    return report
