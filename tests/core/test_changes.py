# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""The change feed's core (core.changes): a row commits with its change or not at all, the
writers take the sequence row's lock first, and old rows are deleted with a note of how far."""

import datetime
import threading

import pytest
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from lokalkontakt.core import changes
from lokalkontakt.core.changes import Change, ChangeSequence, record_change
from lokalkontakt.core.registry import jobs


@pytest.mark.django_db
def test_a_change_is_recorded_with_what_changed():
    change = record_change(kind="inquiry", object_id=42, reference="H-00042", action="created")

    assert Change.objects.values("kind", "object_id", "reference", "action").get(pk=change.pk) == {
        "kind": "inquiry", "object_id": 42, "reference": "H-00042", "action": "created"}


@pytest.mark.django_db
def test_a_change_rolled_back_leaves_no_row():
    with pytest.raises(RuntimeError), transaction.atomic():
        record_change(kind="note", object_id=1, action="created")
        raise RuntimeError

    assert not Change.objects.exists()


@pytest.mark.django_db
def test_the_sequence_row_is_locked_before_the_change_is_written():
    with CaptureQueriesContext(connection) as queries:
        record_change(kind="note", object_id=1, action="created")

    sql = [q["sql"] for q in queries if not q["sql"].startswith(("SAVEPOINT", "RELEASE"))]
    assert "core_changesequence" in sql[0]
    assert "INSERT INTO" in sql[-1] and "core_change" in sql[-1]
    if connection.features.has_select_for_update:
        assert "FOR UPDATE" in sql[0]


@pytest.mark.django_db
def test_the_sequence_row_comes_from_the_migration():
    assert ChangeSequence.objects.filter(pk=changes.SEQUENCE).exists()


@pytest.mark.django_db
def test_old_changes_are_deleted_and_the_feed_knows_how_far(settings):
    settings.CHANGE_FEED_DAYS = 90
    now = timezone.now()
    old = record_change(kind="note", object_id=1, action="created")
    Change.objects.filter(pk=old.pk).update(at=now - datetime.timedelta(days=91))
    kept = record_change(kind="note", object_id=1, action="changed")

    assert changes.changes_prune(now=now) == 1
    assert list(Change.objects.values_list("pk", flat=True)) == [kept.pk]
    assert changes.oldest_kept_id() == kept.pk
    assert changes.pruned_through() == old.pk
    assert changes.changes_prune(now=now) == 0


@pytest.mark.django_db
def test_the_periodic_jobs_prune_the_feed():
    assert jobs.get("changes")() == "Change feed: 0 older changes deleted."


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(connection.vendor != "postgresql", reason="needs PostgreSQL's row locks")
def test_a_second_writer_waits_until_the_first_commits():
    ChangeSequence.objects.get_or_create(pk=changes.SEQUENCE)
    first_written, release, order = threading.Event(), threading.Event(), []

    def first():
        with transaction.atomic():
            record_change(kind="note", object_id=1, action="created")
            first_written.set()
            release.wait(5)
            order.append("first commits")
        connection.close()

    def second():
        first_written.wait(5)
        with transaction.atomic():
            record_change(kind="note", object_id=2, action="created")
            order.append("second writes")
        connection.close()

    threads = [threading.Thread(target=first), threading.Thread(target=second)]
    for thread in threads:
        thread.start()
    first_written.wait(5)
    threads[1].join(0.5)  # the second is blocked on the sequence row's lock
    assert order == []
    release.set()
    for thread in threads:
        thread.join(5)

    assert order == ["first commits", "second writes"]
    assert list(Change.objects.values_list("object_id", flat=True)) == [1, 2]
