# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords


class TimeEntry(models.Model):
    """Time a contact spent on the role (tidsregistrering): on an area, or on the scheme in general
    (a coordination meeting) when the area is empty."""

    class Kind(models.TextChoices):
        COUNCIL = "council", _("With the local council")
        INQUIRIES = "inquiries", _("Inquiries and consultations")
        EVENT = "event", _("Meeting or event in the area")
        COORDINATION = "coordination", _("Coordination meeting")
        PREPARATION = "preparation", _("Preparation and follow-up")
        OTHER = "other", _("Other")

    employee = models.ForeignKey("people.Employee", on_delete=models.PROTECT,
                                 related_name="time_entries", verbose_name=_("employee"))
    area = models.ForeignKey("areas.LocalArea", on_delete=models.PROTECT, null=True, blank=True,
                             related_name="time_entries", verbose_name=_("local area"))
    day = models.DateField(_("date"))
    minutes = models.PositiveSmallIntegerField(
        _("minutes"), validators=[MinValueValidator(1), MaxValueValidator(24 * 60)])
    kind = models.CharField(_("kind of activity"), max_length=20, choices=Kind.choices)
    outside_hours = models.BooleanField(_("outside normal working hours"), default=False)
    note = models.CharField(_("note"), max_length=300, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords(excluded_fields=["created_at", "updated_at"],
                               table_name="people_historicaltimeentry")

    class Meta:
        db_table = "people_timeentry"  # from before the split (issue 14)
        ordering = ["-day", "-pk"]
        verbose_name = _("time entry")
        verbose_name_plural = _("time entries")
        # Covering indexes: the overview's page sums a period per contact and per local area (a
        # contact's or an area's entries, then the days); the export sums the whole period by
        # area and by employee (the days, then the area or the employee).
        indexes = [models.Index(fields=["employee", "day", "minutes"],
                                name="timeentry_employee_day_idx"),
                   models.Index(fields=["area", "day", "minutes"], name="timeentry_area_day_idx"),
                   models.Index(fields=["day", "area", "minutes"], name="timeentry_day_area_idx"),
                   models.Index(fields=["day", "employee", "minutes"],
                                name="timeentry_day_employee_idx")]

    def __str__(self):
        return f"{self.employee} {self.day}: {self.minutes} min"
