from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from lokalkontakt.core.text import danish_sort_key


class CoreArea(models.Model):
    """A division of the administration (kerneområde). Contacts are found in every core area."""

    name = models.CharField(_("name"), max_length=120, unique=True)
    sort_name = models.CharField(max_length=240, editable=False, db_index=True)
    description = models.TextField(_("description"), blank=True)
    email = models.EmailField(
        _("e-mail"), blank=True,
        help_text=_("The core area's shared mailbox; inquiries forwarded to the core area go here."),
    )
    external_uuid = models.UUIDField(
        _("external id"), null=True, blank=True, unique=True,
        help_text=_("The unit's UUID in OS2mo or FK Organisation, when synchronised."),
    )
    leaders = models.ManyToManyField(
        "people.Employee", blank=True, related_name="led_core_areas", verbose_name=_("leaders"),
        help_text=_("They see which of the core area's staff are contacts and the time it costs."))
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["sort_name"]
        verbose_name = _("core area")
        verbose_name_plural = _("core areas")

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        self.sort_name = danish_sort_key(self.name)
        super().save(*args, **kwargs)


class Employee(models.Model):
    """A member of the municipal staff; a contact when they have an active assignment."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
        related_name="employee", verbose_name=_("user account"),
    )
    name = models.CharField(_("name"), max_length=150)
    sort_name = models.CharField(max_length=300, editable=False, db_index=True)
    title = models.CharField(_("job title"), max_length=150, blank=True)
    core_area = models.ForeignKey(
        CoreArea, on_delete=models.PROTECT, null=True, blank=True,
        related_name="employees", verbose_name=_("core area"),
    )
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=30, blank=True)
    is_active = models.BooleanField(_("active"), default=True)
    external_uuid = models.UUIDField(_("external id"), null=True, blank=True, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["sort_name", "pk"]
        verbose_name = _("employee")
        verbose_name_plural = _("employees")

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        self.sort_name = danish_sort_key(self.name)
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("people:employee_detail", kwargs={"pk": self.pk})


class CandidateRequest(models.Model):
    """The coordinator's e-mail asking the core-area leaders for candidates for uncovered areas."""

    areas = models.ManyToManyField("areas.LocalArea", related_name="candidate_requests",
                                   verbose_name=_("local areas"))
    leaders = models.ManyToManyField(Employee, related_name="candidate_requests",
                                     verbose_name=_("leaders asked"))
    message = models.TextField(_("message"), blank=True, max_length=5000)
    reply_by = models.DateField(_("answer by"), null=True, blank=True)
    sent_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True,
                                blank=True, related_name="+", verbose_name=_("sent by"))
    sent_at = models.DateTimeField(_("sent"), auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["-sent_at", "-pk"]
        verbose_name = _("request for candidates")
        verbose_name_plural = _("requests for candidates")

    def __str__(self):
        return f"{self.sent_at:%Y-%m-%d}"


class Nomination(models.Model):
    """A leader proposes one of their staff as a contact, optionally for named areas."""

    class Status(models.TextChoices):
        PROPOSED = "proposed", _("Proposed")
        ACCEPTED = "accepted", _("Accepted")
        DECLINED = "declined", _("Not chosen")
        WITHDRAWN = "withdrawn", _("Withdrawn")

    employee = models.ForeignKey(Employee, on_delete=models.PROTECT, related_name="nominations",
                                 verbose_name=_("candidate"))
    core_area = models.ForeignKey(CoreArea, on_delete=models.PROTECT, related_name="nominations",
                                  verbose_name=_("core area"))
    areas = models.ManyToManyField("areas.LocalArea", blank=True, related_name="nominations",
                                   verbose_name=_("local areas"))
    request = models.ForeignKey(CandidateRequest, on_delete=models.SET_NULL, null=True,
                                blank=True, related_name="nominations",
                                verbose_name=_("request for candidates"))
    note = models.TextField(_("note"), blank=True, max_length=2000)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices,
                              default=Status.PROPOSED)
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    decision_note = models.CharField(_("note on the decision"), max_length=500, blank=True)
    nominated_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL,
                                     null=True, blank=True, related_name="+",
                                     verbose_name=_("nominated by"))
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords(excluded_fields=["created_at", "updated_at"])

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("nomination")
        verbose_name_plural = _("nominations")
        constraints = [
            models.UniqueConstraint(
                fields=["employee"], condition=models.Q(status="proposed"),
                name="one_open_nomination_per_employee",
                violation_error_message=_("This employee is already nominated.")),
        ]

    def __str__(self):
        return f"{self.employee} ({self.get_status_display()})"
