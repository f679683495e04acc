"""Coordination meetings (koordinerende møder) and what runs between them: the agenda and its
items, attendance, minutes, action items that carry over until closed, the coordinator's
bulletins, the local meetings contacts attend in their areas, and private calendar feeds."""

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


class AgendaItem(models.Model):
    """An item on a meeting's agenda: proposed by a contact (or the coordinator), accepted or
    deferred by the coordinator, and at the meeting given its minutes."""

    class Status(models.TextChoices):
        PROPOSED = "proposed", _("Proposed")
        ACCEPTED = "accepted", _("On the agenda")
        DEFERRED = "deferred", _("Deferred")

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="items",
                                verbose_name=_("meeting"))
    title = models.CharField(_("title"), max_length=200)
    text = models.TextField(_("description"), max_length=10000, blank=True)
    area = models.ForeignKey("areas.LocalArea", on_delete=models.PROTECT, null=True, blank=True,
                             related_name="agenda_items", verbose_name=_("local area"))
    focus_areas = models.ManyToManyField("core.FocusArea", blank=True, related_name="agenda_items",
                                         verbose_name=_("focus areas"))
    proposed_by = models.ForeignKey("people.Employee", on_delete=models.PROTECT, null=True,
                                    blank=True, related_name="agenda_items",
                                    verbose_name=_("proposed by"))
    status = models.CharField(_("status"), max_length=10, choices=Status.choices,
                              default=Status.PROPOSED)
    position = models.PositiveSmallIntegerField(_("order"), default=0)
    decisions = models.TextField(_("decisions"), max_length=10000, blank=True)
    experiences = models.TextField(
        _("experiences"), max_length=10000, blank=True,
        help_text=_("Shared as a knowledge note for all staff when the minutes are sent."))
    challenges = models.TextField(_("challenges"), max_length=10000, blank=True)
    note = models.ForeignKey("knowledge.Note", on_delete=models.SET_NULL, null=True, blank=True,
                             related_name="+", verbose_name=_("knowledge note"))
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    history = HistoricalRecords(excluded_fields=["created_at", "updated_at"])

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = _("agenda item")
        verbose_name_plural = _("agenda items")

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return f"{self.meeting.get_absolute_url()}#item-{self.pk}"

    @property
    def has_minutes(self) -> bool:
        return bool(self.decisions or self.experiences or self.challenges)


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
                   models.Index(fields=["owner", "status"])]

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


class Bulletin(models.Model):
    """An orientation from the coordinator to all contacts or to those of some core areas or
    local areas. The recipients are kept as they were when it was sent."""

    title = models.CharField(_("title"), max_length=200)
    text = models.TextField(_("text"), max_length=20000,
                            help_text=_("Markdown: **bold**, *italic*, lists, links and headings."))
    core_areas = models.ManyToManyField("people.CoreArea", blank=True, related_name="+",
                                        verbose_name=_("core areas"))
    areas = models.ManyToManyField("areas.LocalArea", blank=True, related_name="+",
                                   verbose_name=_("local areas"))
    recipients = models.ManyToManyField("people.Employee", related_name="bulletins",
                                        verbose_name=_("recipients"))
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True,
                               related_name="+", verbose_name=_("sent by"))
    sent_at = models.DateTimeField(_("sent"), db_index=True)

    class Meta:
        ordering = ["-sent_at", "-pk"]
        verbose_name = _("bulletin")
        verbose_name_plural = _("bulletins")

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("meetings:bulletin", kwargs={"pk": self.pk})


class LocalMeeting(models.Model):
    """A meeting in a local area that its contact attended (lokalrådsmøde, borgermøde), with a
    short note; shown to staff on the area's page."""

    class Kind(models.TextChoices):
        COUNCIL = "council", _("Local council meeting")
        CITIZENS = "citizens", _("Citizens' meeting")
        OTHER = "other", _("Other meeting")

    area = models.ForeignKey("areas.LocalArea", on_delete=models.PROTECT,
                             related_name="local_meetings", verbose_name=_("local area"))
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices, default=Kind.COUNCIL)
    held_on = models.DateField(_("date"))
    note = models.TextField(_("note"), max_length=2000, blank=True)
    recorded_by = models.ForeignKey("people.Employee", on_delete=models.PROTECT,
                                    related_name="local_meetings", verbose_name=_("recorded by"))
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    history = HistoricalRecords(excluded_fields=["created_at", "updated_at"])

    class Meta:
        ordering = ["-held_on", "-pk"]
        verbose_name = _("local meeting")
        verbose_name_plural = _("local meetings")
        indexes = [models.Index(fields=["area", "-held_on"])]

    def __str__(self):
        return f"{self.get_kind_display()} {self.held_on:%d.%m.%Y}"


class CalendarFeed(models.Model):
    """A user's private calendar feed. The URL carries an HMAC of `key` (meetings.ical.feed_token),
    so the key alone, as in a database copy, does not give the URL; a new key ends the old URL."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                                related_name="calendar_feed", verbose_name=_("user account"))
    key = models.CharField(max_length=64, editable=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        ordering = ["pk"]
        verbose_name = _("calendar feed")
        verbose_name_plural = _("calendar feeds")

    def __str__(self):
        return str(self.user)
