# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""The core's periodic job (run_jobs): e-mails a stopped worker left behind go back to the queue
and reach the real SMTP server on loopback; task results left running are marked failed; old
ones are deleted. Running it again changes nothing."""

import datetime
import io

import pytest
from django.core.management import call_command
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from lokalkontakt.core.jobs import WorkerStopped
from lokalkontakt.core.jobs import report as mail_job
from lokalkontakt.core.mail import deliver_email
from lokalkontakt.core.models import OutgoingEmail
from tests.core.factories import OutgoingEmailFactory, minutes_ago
from tests.core.test_mail import run_worker, smtp_port, smtp_server  # noqa: F401 - fixtures

# The worker and the job commit for real (see test_mail.py).
pytestmark = pytest.mark.django_db(transaction=True)

Status = OutgoingEmail.Status
NOTHING_DONE = ("E-mail: 0 interrupted queued again, 0 interrupted failed, 0 without a task "
                "enqueued again. Task results: 0 of stopped workers marked failed, 0 old deleted.")


@pytest.fixture(autouse=True)
def _limits(settings):
    settings.EMAIL_SENDING_STALE_MINUTES = 10
    settings.TASK_RUNNING_STALE_MINUTES = 60
    settings.TASK_RESULT_RETENTION_DAYS = 14
    settings.EMAIL_MAX_ATTEMPTS = 10


def waiting_tasks(email) -> list[DBTaskResult]:
    return [task for task in DBTaskResult.objects.filter(status="READY")
            if task.args_kwargs["kwargs"] == {"email_id": email.pk}]


def task_for(email, **fields) -> DBTaskResult:
    """The delivery task of `email`, changed to look like `fields` (status, started_at, …)."""
    result = deliver_email.enqueue(email_id=email.pk)
    DBTaskResult.objects.filter(pk=result.id).update(**fields)
    return DBTaskResult.objects.get(pk=result.id)


def untouched_since(email, minutes: float):
    OutgoingEmail.objects.filter(pk=email.pk).update(updated_at=minutes_ago(minutes))


def test_a_message_left_sending_by_a_stopped_worker_is_queued_again_and_delivered(smtp_server):  # noqa: F811
    stuck = OutgoingEmailFactory(sending=True, claimed_at=minutes_ago(11))

    assert mail_job().startswith("E-mail: 1 interrupted queued again, 0 interrupted failed, "
                                 "0 without a task enqueued again.")

    stuck.refresh_from_db()
    assert (stuck.status, stuck.attempts) == (Status.QUEUED, 1)
    assert stuck.last_error == "Interrupted: the worker stopped while sending (queued again)."
    run_worker()
    assert [recipients for recipients, _message in smtp_server.messages] == [stuck.to]
    stuck.refresh_from_db()
    assert (stuck.status, stuck.attempts, stuck.last_error) == (Status.SENT, 2, "")


def test_a_message_being_sent_for_less_than_the_limit_is_left_alone():
    sending = OutgoingEmailFactory(sending=True, claimed_at=minutes_ago(9))

    assert mail_job() == NOTHING_DONE

    sending.refresh_from_db()
    assert sending.status == Status.SENDING
    assert not DBTaskResult.objects.exists()


def test_an_interrupted_message_without_attempts_left_fails():
    stuck = OutgoingEmailFactory(sending=True, attempts=10, claimed_at=minutes_ago(11))

    assert mail_job().startswith("E-mail: 0 interrupted queued again, 1 interrupted failed,")

    stuck.refresh_from_db()
    assert (stuck.status, stuck.attempts) == (Status.FAILED, 10)
    assert stuck.last_error == "Interrupted: the worker stopped while sending (no attempts left)."
    assert not DBTaskResult.objects.exists()


def test_a_queued_message_whose_task_was_lost_is_enqueued_again_and_delivered(smtp_server):  # noqa: F811
    lost = OutgoingEmailFactory()  # committed, but the process stopped before enqueueing
    untouched_since(lost, 11)

    assert mail_job().startswith("E-mail: 0 interrupted queued again, 0 interrupted failed, "
                                 "1 without a task enqueued again.")

    assert len(waiting_tasks(lost)) == 1
    run_worker()
    assert [recipients for recipients, _message in smtp_server.messages] == [lost.to]


def test_a_message_waiting_for_its_retry_is_not_enqueued_twice():
    waiting = OutgoingEmailFactory(attempts=3, last_error="SMTPServerDisconnected")
    untouched_since(waiting, 11)
    deliver_email.using(run_after=timezone.now() + datetime.timedelta(minutes=4)).enqueue(
        email_id=waiting.pk)

    assert mail_job() == NOTHING_DONE
    assert len(waiting_tasks(waiting)) == 1


def test_a_new_message_is_left_to_the_task_enqueued_on_commit():
    fresh = OutgoingEmailFactory()  # its task is enqueued just after the commit

    assert mail_job() == NOTHING_DONE
    assert waiting_tasks(fresh) == []


def test_a_message_whose_task_died_before_claiming_it_is_enqueued_again():
    # The worker took the task and stopped before it claimed the message: the message is still
    # queued, and the task has been running longer than any send may take.
    queued = OutgoingEmailFactory()
    untouched_since(queued, 11)
    task_for(queued, status="RUNNING", started_at=minutes_ago(11))

    assert "1 without a task enqueued again" in mail_job()
    assert len(waiting_tasks(queued)) == 1


def test_task_results_left_running_are_marked_failed_as_worker_stopped():
    email = OutgoingEmailFactory(sent=True)
    dead = task_for(email, status="RUNNING", started_at=minutes_ago(61))
    alive = task_for(email, status="RUNNING", started_at=minutes_ago(5))

    assert mail_job().endswith("Task results: 1 of stopped workers marked failed, 0 old deleted.")

    result = deliver_email.get_result(str(dead.pk))
    assert result.status == "FAILED"
    assert result.finished_at is not None
    [error] = result.errors
    assert error.exception_class is WorkerStopped
    assert error.traceback == ("WorkerStopped: the worker stopped while running this task (still "
                               "running after 60 minutes; marked failed by run_jobs).\n")
    assert deliver_email.get_result(str(alive.pk)).status == "RUNNING"


def test_finished_task_results_are_deleted_after_the_retention_period():
    email = OutgoingEmailFactory(sent=True)
    days_ago = [timezone.now() - datetime.timedelta(days=days) for days in (15, 15, 13)]
    old_success = task_for(email, status="SUCCESSFUL", finished_at=days_ago[0])
    old_failure = task_for(email, status="FAILED", finished_at=days_ago[1])
    recent = task_for(email, status="SUCCESSFUL", finished_at=days_ago[2])
    waiting = task_for(email, enqueued_at=days_ago[0])  # READY: never pruned, however old

    assert mail_job().endswith("0 of stopped workers marked failed, 2 old deleted.")

    remaining = set(DBTaskResult.objects.values_list("pk", flat=True))
    assert remaining == {recent.pk, waiting.pk}
    assert old_success.pk not in remaining and old_failure.pk not in remaining


def test_running_the_job_again_changes_nothing():
    stuck = OutgoingEmailFactory(sending=True, claimed_at=minutes_ago(11))
    lost = OutgoingEmailFactory()
    untouched_since(lost, 11)
    task_for(OutgoingEmailFactory(sent=True), status="RUNNING", started_at=minutes_ago(61))
    task_for(OutgoingEmailFactory(sent=True), status="SUCCESSFUL",
             finished_at=timezone.now() - datetime.timedelta(days=15))

    first = mail_job()
    rows = list(OutgoingEmail.objects.order_by("pk").values())
    second = mail_job()

    assert first == ("E-mail: 1 interrupted queued again, 0 interrupted failed, 1 without a task "
                     "enqueued again. Task results: 1 of stopped workers marked failed, 1 old "
                     "deleted.")
    assert second == NOTHING_DONE
    assert list(OutgoingEmail.objects.order_by("pk").values()) == rows
    assert (len(waiting_tasks(stuck)), len(waiting_tasks(lost))) == (1, 1)


def test_run_jobs_reports_the_mail_line_before_the_access_log_and_the_search_index():
    out = io.StringIO()
    call_command("run_jobs", stdout=out)

    lines = out.getvalue().splitlines()
    assert NOTHING_DONE in lines
    assert lines.index(NOTHING_DONE) == len(lines) - 3
    assert lines[-2] == "Access log: 0 entries past retention deleted."
    assert lines[-1].startswith("Search:")
