# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""Action items (opfølgningspunkter) that carry over from meeting to meeting until closed."""

from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from lokalkontakt.meetings.models.agenda import AgendaItem
from lokalkontakt.meetings.models.meetings import Meeting


class ActionItem(models.Model):
    """A follow-up (opfølgningspunkt) decided at a meeting: an owner, a due date and a status. It
    is on the agenda of every later meeting until it is done or dropped with a reason.
    `reminded_for` is the due date its owner was reminded of (the reminder job's idempotency)."""

    class Status(models.TextChoices):
        OPEN = "open", _("Open")
        IN_PROGRESS = "in_progress", _("In progress")
        DONE = "done", _("Done")
        DROPPED = "dropped", _("Dropped")

    OPEN_STATUSES = (Status.OPEN, Status.IN_PROGRESS)

    meeting = models.ForeignKey(Meeting, on_delete=models.PROTECT, related_name="action_items",
                                verbose_name=_("decided at"))
    agenda_item = models.ForeignKey(AgendaItem, on_delete=models.SET_NULL, null=True, blank=True,
                                    related_name="action_items", verbose_name=_("agenda item"))
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), max_length=5000, blank=True)
    owner = models.ForeignKey("people.Employee", on_delete=models.PROTECT,
                              related_name="action_items", verbose_name=_("owner"))
    due_on = models.DateField(_("due"))
    status = models.CharField(_("status"), max_length=12, choices=Status.choices,
                              default=Status.OPEN)
    status_note = models.TextField(_("comment"), max_length=2000, blank=True)
    closed_at = models.DateTimeField(_("closed"), null=True, blank=True)
    reminded_for = models.DateField(null=True, blank=True, editable=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    history = HistoricalRecords(excluded_fields=["created_at", "updated_at", "reminded_for"])

    class Meta:
        ordering = ["due_on", "pk"]
        verbose_name = _("action item")
        verbose_name_plural = _("action items")
        indexes = [models.Index(fields=["status", "due_on"]),
                   models.Index(fields=["owner", "status"]),
                   # The latest change, for the coordinator's start block (workspace.kept).
                   models.Index(fields=["updated_at"], name="actionitem_updated_at")]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("meetings:action", kwargs={"pk": self.pk})

    @property
    def is_open(self) -> bool:
        return self.status in self.OPEN_STATUSES

    @property
    def is_overdue(self) -> bool:
        return self.is_open and self.due_on < timezone.localdate()
