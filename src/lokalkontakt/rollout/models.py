# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords


class RolloutMilestone(models.Model):
    """A step of the plan for rolling the scheme out to all areas, with its planned period."""

    class Status(models.TextChoices):
        PLANNED = "planned", _("Planned")
        IN_PROGRESS = "in_progress", _("In progress")
        DONE = "done", _("Done")

    title = models.CharField(_("task"), max_length=200)
    description = models.TextField(_("description"), blank=True, max_length=5000)
    planned_from = models.DateField(_("planned from"))
    planned_to = models.DateField(_("planned until"))
    status = models.CharField(_("status"), max_length=12, choices=Status.choices,
                              default=Status.PLANNED)
    done_on = models.DateField(_("done"), null=True, blank=True)
    position = models.PositiveSmallIntegerField(_("order"), default=0)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords(excluded_fields=["created_at", "updated_at"],
                               table_name="areas_historicalrolloutmilestone")

    class Meta:
        db_table = "areas_rolloutmilestone"
        ordering = ["planned_from", "position", "pk"]
        verbose_name = _("rollout milestone")
        verbose_name_plural = _("rollout milestones")
        constraints = [
            models.CheckConstraint(
                condition=Q(planned_to__gte=models.F("planned_from")),
                name="rollout_milestone_period",
                violation_error_message=_("The period cannot end before it starts.")),
        ]

    def __str__(self):
        return self.title
