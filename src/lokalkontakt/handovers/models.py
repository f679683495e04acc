# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""A handover of an area's contact role from one employee to another (its table keeps the name
it had in areas)."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords


class Handover(models.Model):
    """Overdragelse: the coordinator hands an area's contact role from one employee to another on a
    date. The leaving contact writes a handover note and the new contact confirms; on the date the
    periodic job ends the old assignment and starts the new one, once, and introduces the new
    contact to the council by e-mail."""

    class Status(models.TextChoices):
        PLANNED = "planned", _("Planned")
        DONE = "done", _("Completed")
        CANCELLED = "cancelled", _("Cancelled")

    area = models.ForeignKey("areas.LocalArea", on_delete=models.PROTECT, related_name="handovers",
                             verbose_name=_("local area"))
    from_assignment = models.ForeignKey(
        "areas.Assignment", on_delete=models.PROTECT, related_name="handovers",
        verbose_name=_("assignment handed over"))
    from_employee = models.ForeignKey(
        "people.Employee", on_delete=models.PROTECT, related_name="handovers_given",
        verbose_name=_("from"))
    to_employee = models.ForeignKey(
        "people.Employee", on_delete=models.PROTECT, related_name="handovers_received",
        verbose_name=_("to"))
    switch_on = models.DateField(_("handover date"))
    status = models.CharField(_("status"), max_length=10, choices=Status.choices,
                              default=Status.PLANNED)
    handover_note = models.TextField(
        _("handover note"), blank=True, max_length=20000,
        help_text=_("What the new contact should know: people, agreements, open matters."))
    note_written_at = models.DateTimeField(_("note written"), null=True, blank=True)
    confirmed_at = models.DateTimeField(_("confirmed by the new contact"), null=True, blank=True)
    new_assignment = models.ForeignKey(
        "areas.Assignment", on_delete=models.PROTECT, null=True, blank=True, related_name="+",
        verbose_name=_("new assignment"))
    switched_at = models.DateTimeField(_("switched"), null=True, blank=True)
    council_notified_at = models.DateTimeField(_("council told"), null=True, blank=True)
    cancel_reason = models.CharField(_("reason for cancelling"), max_length=500, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
        related_name="+", verbose_name=_("started by"))
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords(table_name="areas_historicalhandover",
                               excluded_fields=["created_at", "updated_at"])

    class Meta:
        db_table = "areas_handover"
        ordering = ["switch_on", "pk"]
        verbose_name = _("handover")
        verbose_name_plural = _("handovers")
        constraints = [
            models.UniqueConstraint(
                fields=["area"], condition=Q(status="planned"), name="one_planned_handover_per_area",
                violation_error_message=_("A handover of this area is already planned.")),
        ]
        indexes = [models.Index(fields=["status", "switch_on"])]

    def __str__(self):
        return f"{self.area}: {self.from_employee} → {self.to_employee} ({self.switch_on})"
