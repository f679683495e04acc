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


class MonthSums(models.Model):
    """A month's sums of time entries (timesheets.totals keeps them): the month (its first day),
    the minutes, those outside normal working hours, and how many entries were summed."""

    month = models.DateField(_("month"))  # its first day
    minutes = models.PositiveIntegerField(_("minutes"), default=0)
    outside_minutes = models.PositiveIntegerField(_("outside normal working hours (minutes)"),
                                                  default=0)
    entries = models.PositiveIntegerField(_("entries"), default=0)

    class Meta:
        abstract = True


class TimeTotal(MonthSums):
    """The minutes of one employee on one area (or on none) in one calendar month: kept by the
    services in the same transaction as every change of a time entry (timesheets.totals), so the
    overview sums a few rows per contact instead of every entry of the period. `entries` counts
    the entries summed; a row whose count reaches 0 is deleted. `manage.py time_totals` recomputes
    them from the entries and reports any drift."""

    employee = models.ForeignKey("people.Employee", on_delete=models.CASCADE,
                                 related_name="time_totals", verbose_name=_("employee"))
    area = models.ForeignKey("areas.LocalArea", on_delete=models.CASCADE, null=True, blank=True,
                             related_name="time_totals", verbose_name=_("local area"))

    class Meta:
        ordering = ["month", "employee", "area"]
        verbose_name = _("monthly time total")
        verbose_name_plural = _("monthly time totals")
        constraints = [
            models.UniqueConstraint(fields=["employee", "area", "month"],
                                    condition=models.Q(area__isnull=False),
                                    name="timetotal_employee_area_month_unique"),
            models.UniqueConstraint(fields=["employee", "month"],
                                    condition=models.Q(area__isnull=True),
                                    name="timetotal_employee_month_no_area_unique"),
        ]
        # Covering: a contact's months (the overview's page and export), an area's months (the
        # export's areas).
        indexes = [models.Index(fields=["employee", "month", "minutes", "outside_minutes"],
                                name="timetotal_employee_month_idx"),
                   models.Index(fields=["area", "month", "minutes"],
                                name="timetotal_area_month_idx")]

    def __str__(self):
        return f"{self.employee_id}/{self.area_id} {self.month:%Y-%m}: {self.minutes} min"


class EmployeeMonth(MonthSums):
    """The minutes of one employee in one calendar month, whatever the area: TimeTotal's rows of
    the employee and month added up, kept by the same service paths in the same transaction
    (timesheets.totals.count). The overview sums a period per contact and per core area (the
    contacts' current core area, joined when read) from a row a month, not a row a month and
    area. `entries` counts the entries summed; a row whose count reaches 0 is deleted."""

    employee = models.ForeignKey("people.Employee", on_delete=models.CASCADE,
                                 related_name="time_months", verbose_name=_("employee"))

    class Meta:
        ordering = ["month", "employee"]
        verbose_name = _("monthly time total of an employee")
        verbose_name_plural = _("monthly time totals of employees")
        constraints = [models.UniqueConstraint(fields=["employee", "month"],
                                               name="employeemonth_employee_month_unique")]
        # Covering: a contact's months, summed per contact or per (current) core area.
        indexes = [models.Index(fields=["employee", "month", "minutes", "outside_minutes"],
                                name="employeemonth_covering_idx")]

    def __str__(self):
        return f"{self.employee_id} {self.month:%Y-%m}: {self.minutes} min"
