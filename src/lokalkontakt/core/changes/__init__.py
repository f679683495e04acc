# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""The change feed: a row for every change other systems may want to follow (an inquiry received
or closed, a consultation answered, a contact's assignment started ...), written by the feature
apps' services in the same transaction as the change itself, and read by the API's
/api/v1/changes/ (`after` an id, or `since` a time).

A consumer remembers the last id it has seen and asks for those after it. That only works if no
row with a lower id is committed after a higher one has been read: on PostgreSQL an id is taken
from the sequence when the row is inserted, not when it commits, so two overlapping transactions
could commit out of order. `record_change` therefore first locks the single `ChangeSequence` row
(held until commit): the writers of changes wait for each other, nobody else does. SQLite
serialises every writer anyway.

Changes are kept settings.CHANGE_FEED_DAYS days (the periodic job `report` deletes older ones);
`oldest_kept_id` tells a consumer that fell behind further than that to synchronise again.
"""

import datetime

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from lokalkontakt.core.changes.models import Change, ChangeSequence

SEQUENCE = 1

__all__ = ["Change", "ChangeSequence", "changes_prune", "oldest_kept_id", "pruned_through",
           "record_change", "report"]


def record_change(*, kind: str, object_id: int, action: str, reference: str = "") -> Change:
    """Record that the object `kind` `object_id` (with its public `reference`, e.g. "H-00042")
    had `action` (created, status_changed, answered, closed, ended ...). Call it inside the
    transaction of the change itself: the row commits with it, or not at all. Never pass
    personal data (names, subjects, texts)."""
    with transaction.atomic():
        # The lock on the one sequence row orders the writers of changes by commit (see above).
        # The row comes from a data migration; made here again if a test's flush removed it.
        ChangeSequence.objects.select_for_update().get_or_create(pk=SEQUENCE)
        return Change.objects.create(at=timezone.now(), kind=kind, object_id=object_id,
                                     action=action, reference=reference)


def oldest_kept_id() -> int | None:
    """The id of the oldest change still kept (None: there are none)."""
    return Change.objects.order_by("id").values_list("id", flat=True).first()


def pruned_through() -> int:
    """The id of the last change deleted as too old (0: none yet). A consumer whose last id is
    below it has missed changes and must synchronise again."""
    sequence = ChangeSequence.objects.filter(pk=SEQUENCE).first()
    return sequence.pruned_through if sequence else 0


@transaction.atomic
def changes_prune(*, now: datetime.datetime) -> int:
    """Delete the changes older than settings.CHANGE_FEED_DAYS, remembering the last id deleted."""
    cutoff = now - datetime.timedelta(days=settings.CHANGE_FEED_DAYS)
    old = Change.objects.filter(at__lt=cutoff)
    last = old.order_by("-id").values_list("id", flat=True).first()
    if last is None:
        return 0
    sequence, _created = ChangeSequence.objects.select_for_update().get_or_create(pk=SEQUENCE)
    sequence.pruned_through = max(sequence.pruned_through, last)
    sequence.save(update_fields=["pruned_through"])
    deleted, _per_model = Change.objects.filter(id__lte=last).delete()
    return deleted


def report() -> str:
    """run_jobs' line for the change feed."""
    return f"Change feed: {changes_prune(now=timezone.now())} older changes deleted."
