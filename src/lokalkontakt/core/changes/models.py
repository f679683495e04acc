# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""The change feed's rows (core.changes): imported by core.models, so they are core's models."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Change(models.Model):
    """That an object changed: which kind of object, which one, and what happened. No personal
    data (no names, no subjects): a system following the feed fetches the object itself, and
    that read is logged. Ids rise in commit order (core.changes.record_change)."""

    at = models.DateTimeField(_("time"), default=timezone.now, db_index=True)
    kind = models.CharField(_("kind"), max_length=30)
    object_id = models.PositiveBigIntegerField(_("object id"))
    reference = models.CharField(_("reference"), max_length=100, blank=True)
    action = models.CharField(_("action"), max_length=30)

    class Meta:
        ordering = ["id"]
        verbose_name = _("change")
        verbose_name_plural = _("changes")

    def __str__(self):
        return f"{self.id}: {self.kind} {self.object_id} {self.action}"


class ChangeSequence(models.Model):
    """A single row (made by a data migration) that every writer of a change locks until its
    transaction commits, so changes get their ids in the order they are committed. It also keeps
    the id of the last change deleted as too old: a consumer whose last id is below it has missed
    some."""

    pruned_through = models.PositiveBigIntegerField(default=0)

    class Meta:
        ordering = ["id"]
        verbose_name = _("change sequence")
        verbose_name_plural = _("change sequences")

    def __str__(self):
        return f"change sequence {self.pk}"
