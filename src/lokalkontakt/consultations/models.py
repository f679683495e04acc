# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from lokalkontakt.core.models import Attachment


class Consultation(models.Model):
    """A consultation (høring): the administration asks local areas for their input on an
    initiative before a deadline. One ConsultationTask per area asked."""

    class Status(models.TextChoices):
        OPEN = "open", _("Open")
        CLOSED = "closed", _("Closed")

    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), max_length=20000)
    requested_by = models.ForeignKey(
        "people.Employee", on_delete=models.PROTECT, related_name="consultations_requested",
        verbose_name=_("requested by"),
    )
    deadline = models.DateField(_("deadline"))
    status = models.CharField(_("status"), max_length=10, choices=Status.choices,
                              default=Status.OPEN)
    focus_areas = models.ManyToManyField("core.FocusArea", blank=True,
                                         related_name="consultations",
                                         verbose_name=_("focus areas"))
    created_at = models.DateTimeField(_("created"), auto_now_add=True, db_index=True)
    updated_at = models.DateTimeField(auto_now=True)
    closed_at = models.DateTimeField(_("closed"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("consultation")
        verbose_name_plural = _("consultations")

    def __str__(self):
        return f"{self.reference}: {self.title}"

    def get_absolute_url(self):
        return reverse("consultations:detail", kwargs={"pk": self.pk})

    @property
    def reference(self) -> str:
        return f"HØ-{self.pk:04d}"

    @property
    def is_open(self) -> bool:
        return self.status == self.Status.OPEN

    @property
    def is_past_deadline(self) -> bool:
        return timezone.localdate() > self.deadline


class ConsultationTask(models.Model):
    """One area's part of a consultation: its response, recorded by the area's contact, the
    coordinator (when the area has no contact) or a member of the area's council."""

    class Status(models.TextChoices):
        WAITING = "waiting", _("Waiting")
        RESPONDED = "responded", _("Responded")
        NO_COMMENTS = "no_comments", _("No comments")

    consultation = models.ForeignKey(Consultation, on_delete=models.CASCADE, related_name="tasks",
                                     verbose_name=_("consultation"))
    area = models.ForeignKey("areas.LocalArea", on_delete=models.PROTECT,
                             related_name="consultation_tasks", verbose_name=_("local area"))
    handler = models.ForeignKey(
        "people.Employee", on_delete=models.PROTECT, null=True, blank=True,
        related_name="consultation_tasks", verbose_name=_("contact"),
        help_text=_("The area's contact when the consultation was sent; empty: the coordinator."),
    )
    status = models.CharField(_("status"), max_length=20, choices=Status.choices,
                              default=Status.WAITING)
    response = models.TextField(_("response"), max_length=20000, blank=True)
    heard = models.CharField(_("who was heard"), max_length=500, blank=True)
    responded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL,
                                     null=True, blank=True, related_name="+",
                                     verbose_name=_("responded by"))
    responded_at = models.DateTimeField(_("responded"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["pk"]  # created in the areas' order
        verbose_name = _("consultation task")
        verbose_name_plural = _("consultation tasks")
        constraints = [models.UniqueConstraint(fields=["consultation", "area"],
                                               name="consultation_task_one_per_area")]
        indexes = [models.Index(fields=["area", "status"]),
                   # The latest change, for the coordinator's start block (workspace.kept).
                   models.Index(fields=["updated_at"], name="consultationtask_updated_at")]

    def __str__(self):
        return f"{self.consultation.reference} – {self.area}"

    def get_absolute_url(self):
        return reverse("consultations:task", kwargs={"pk": self.pk})

    @property
    def has_response(self) -> bool:
        return self.status != self.Status.WAITING

    @property
    def accepts_response(self) -> bool:
        """While the consultation is open; a recorded response can be changed until the
        deadline (see services.task_respond)."""
        consultation = self.consultation
        return consultation.is_open and not (self.has_response and consultation.is_past_deadline)

    @property
    def is_overdue(self) -> bool:
        """Still waiting after the deadline of an open consultation."""
        return (self.status == self.Status.WAITING and self.consultation.is_open
                and self.consultation.is_past_deadline)


class ConsultationEvent(models.Model):
    """A step in a consultation's history; `task` is set for steps of one area's response."""

    class Kind(models.TextChoices):
        CREATED = "created", _("Consultation sent")
        ROUTED = "routed", _("Task sent")
        RESPONDED = "responded", _("Response recorded")
        NO_COMMENTS = "no_comments", _("No comments recorded")
        CORRECTED = "corrected", _("Response changed")
        CLOSED = "closed", _("Consultation closed")
        JOURNALISED = "journalised", _("Journalised")

    consultation = models.ForeignKey(Consultation, on_delete=models.CASCADE,
                                     related_name="events", verbose_name=_("consultation"))
    task = models.ForeignKey(ConsultationTask, on_delete=models.CASCADE, null=True, blank=True,
                             related_name="events", verbose_name=_("task"))
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    text = models.TextField(_("text"), blank=True)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True,
                              blank=True, related_name="+", verbose_name=_("by"))
    at = models.DateTimeField(_("time"), auto_now_add=True)

    class Meta:
        ordering = ["at", "pk"]
        verbose_name = _("consultation event")
        verbose_name_plural = _("consultation events")

    def __str__(self):
        return f"{self.consultation.reference}: {self.get_kind_display()}"


class ConsultationAttachment(Attachment):
    """A file of the consultation itself (task empty) or of one area's response (task set).
    Downloaded only through consultations:attachment, which applies the visibility rules."""

    consultation = models.ForeignKey(Consultation, on_delete=models.CASCADE,
                                     related_name="attachments", verbose_name=_("consultation"))
    task = models.ForeignKey(ConsultationTask, on_delete=models.CASCADE, null=True, blank=True,
                             related_name="attachments", verbose_name=_("task"))
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL,
                                    null=True, blank=True, related_name="+",
                                    verbose_name=_("uploaded by"))

    class Meta(Attachment.Meta):
        verbose_name = _("consultation attachment")
        verbose_name_plural = _("consultation attachments")

    def get_absolute_url(self):
        return reverse("consultations:attachment", kwargs={"pk": self.pk})
