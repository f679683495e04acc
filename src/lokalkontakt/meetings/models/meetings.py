# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""Coordination meetings (koordinerende møder): the series they are planned in, the meetings and
their participants' attendance."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from lokalkontakt.meetings.schedule import holiday_name


class Weekday(models.IntegerChoices):
    MONDAY = 0, _("Monday")
    TUESDAY = 1, _("Tuesday")
    WEDNESDAY = 2, _("Wednesday")
    THURSDAY = 3, _("Thursday")
    FRIDAY = 4, _("Friday")


class Ordinal(models.IntegerChoices):
    FIRST = 1, _("First")
    SECOND = 2, _("Second")
    THIRD = 3, _("Third")
    FOURTH = 4, _("Fourth")
    LAST = -1, _("Last")


class MeetingSeries(models.Model):
    """A plan of meetings, e.g. every other month on the first Tuesday, 14–16. The meetings are
    generated from it once (services.series_create); each can then be moved or cancelled."""

    title = models.CharField(_("title"), max_length=200)
    interval_months = models.PositiveSmallIntegerField(
        _("every how many months"), default=2,
        validators=[MinValueValidator(1), MaxValueValidator(12)])
    weekday = models.PositiveSmallIntegerField(_("weekday"), choices=Weekday.choices,
                                               default=Weekday.TUESDAY)
    ordinal = models.SmallIntegerField(_("which one in the month"), choices=Ordinal.choices,
                                       default=Ordinal.FIRST)
    start_time = models.TimeField(_("starts"))
    end_time = models.TimeField(_("ends"))
    location = models.CharField(_("place"), max_length=300, blank=True)
    online_url = models.URLField(_("online meeting link"), blank=True)
    first_month = models.DateField(_("first month"))
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True,
                                   blank=True, related_name="+", verbose_name=_("created by"))
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-first_month", "-pk"]
        verbose_name = _("meeting series")
        verbose_name_plural = _("meeting series")

    def __str__(self):
        return self.title


class Meeting(models.Model):
    """One coordination meeting. `sequence` counts the changes sent to the participants'
    calendars (iCalendar SEQUENCE), so a moved meeting replaces the old one there."""

    class Status(models.TextChoices):
        PLANNED = "planned", _("Planned")
        CANCELLED = "cancelled", _("Cancelled")

    series = models.ForeignKey(MeetingSeries, on_delete=models.SET_NULL, null=True, blank=True,
                               related_name="meetings", verbose_name=_("series"))
    title = models.CharField(_("title"), max_length=200)
    starts_at = models.DateTimeField(_("starts"))
    ends_at = models.DateTimeField(_("ends"))
    location = models.CharField(_("place"), max_length=300, blank=True)
    online_url = models.URLField(_("online meeting link"), blank=True)
    proposal_deadline = models.DateField(
        _("proposals until"), help_text=_("Contacts can propose agenda items until this day."))
    status = models.CharField(_("status"), max_length=10, choices=Status.choices,
                              default=Status.PLANNED)
    cancel_reason = models.TextField(_("reason for cancelling"), blank=True)
    sequence = models.PositiveIntegerField(default=0, editable=False)
    agenda_published_at = models.DateTimeField(_("agenda sent"), null=True, blank=True)
    minutes_published_at = models.DateTimeField(_("minutes sent"), null=True, blank=True)
    participants = models.ManyToManyField("people.Employee", through="Attendance",
                                          related_name="meetings", verbose_name=_("participants"))
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    history = HistoricalRecords(excluded_fields=["created_at", "updated_at"])

    class Meta:
        ordering = ["starts_at", "pk"]
        verbose_name = _("coordination meeting")
        verbose_name_plural = _("coordination meetings")
        indexes = [models.Index(fields=["status", "starts_at"])]
        constraints = [models.CheckConstraint(condition=Q(ends_at__gt=models.F("starts_at")),
                                              name="meeting_ends_after_start")]

    def __str__(self):
        return f"{self.title} {timezone.localtime(self.starts_at):%d.%m.%Y}"

    def get_absolute_url(self):
        return reverse("meetings:detail", kwargs={"pk": self.pk})

    @property
    def is_cancelled(self) -> bool:
        return self.status == self.Status.CANCELLED

    @property
    def holiday(self) -> str:
        """The name of the Danish public holiday (or closing day) the meeting falls on, or ""."""
        return holiday_name(timezone.localdate(self.starts_at))

    @property
    def accepts_proposals(self) -> bool:
        """Contacts may propose items until the cut-off of a planned meeting."""
        return not self.is_cancelled and timezone.localdate() <= self.proposal_deadline

    @property
    def uid(self) -> str:
        """The meeting's lasting identity in calendars."""
        return f"meeting-{self.pk}@lokalkontakt"


class Attendance(models.Model):
    """A participant of a meeting: invited, then present, excused (meldt afbud) or absent."""

    class Status(models.TextChoices):
        INVITED = "invited", _("Invited")
        PRESENT = "present", _("Present")
        EXCUSED = "excused", _("Sent apologies")
        ABSENT = "absent", _("Absent")

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="attendances",
                                verbose_name=_("meeting"))
    employee = models.ForeignKey("people.Employee", on_delete=models.PROTECT,
                                 related_name="attendances", verbose_name=_("employee"))
    status = models.CharField(_("attendance"), max_length=10, choices=Status.choices,
                              default=Status.INVITED)
    created_at = models.DateTimeField(_("invited"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    history = HistoricalRecords(excluded_fields=["created_at", "updated_at"])

    class Meta:
        ordering = ["employee__sort_name", "pk"]
        verbose_name = _("attendance")
        verbose_name_plural = _("attendances")
        constraints = [models.UniqueConstraint(fields=["meeting", "employee"],
                                               name="attendance_once_per_meeting")]

    def __str__(self):
        return f"{self.employee} – {self.get_status_display()}"
