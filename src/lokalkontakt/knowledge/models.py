# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from lokalkontakt.core.models import Attachment


class Note(models.Model):
    """What the organisation knows about a local area (viden), or about the whole scheme when the
    area is empty. Written in Markdown, shown sanitised (core.markdown); `version` guards
    against two people overwriting each other's edits (services.note_update)."""

    class Kind(models.TextChoices):
        LOCAL_CONDITIONS = "local_conditions", _("Local conditions")
        ASSOCIATIONS = "associations", _("Associations and facilities")
        KEY_PEOPLE = "key_people", _("Key people")
        PLANS = "plans", _("Plans and projects")
        EVENTS = "events", _("Events")
        EXPERIENCE = "experience", _("Experience")

    class Visibility(models.TextChoices):
        STAFF = "staff", _("Staff")
        COUNCIL = "council", _("Staff and the area's council")
        PUBLIC = "public", _("Public")

    area = models.ForeignKey("areas.LocalArea", on_delete=models.PROTECT, null=True, blank=True,
                             related_name="notes", verbose_name=_("local area"),
                             help_text=_("Empty: a general note for the whole scheme."))
    title = models.CharField(_("title"), max_length=200)
    text = models.TextField(_("text"), max_length=50000,
                            help_text=_("Markdown: **bold**, *italic*, lists, links and headings."))
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    focus_areas = models.ManyToManyField("core.FocusArea", blank=True, related_name="notes",
                                         verbose_name=_("focus areas"))
    visibility = models.CharField(_("visibility"), max_length=10, choices=Visibility.choices,
                                  default=Visibility.STAFF)
    author = models.ForeignKey("people.Employee", on_delete=models.PROTECT,
                               related_name="notes", verbose_name=_("author"))
    version = models.PositiveIntegerField(_("version"), default=1)
    created_at = models.DateTimeField(_("created"), auto_now_add=True, db_index=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    history = HistoricalRecords(excluded_fields=["created_at"])

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("note")
        verbose_name_plural = _("notes")
        indexes = [models.Index(fields=["area", "visibility", "-created_at"])]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("knowledge:detail", kwargs={"pk": self.pk})


class NoteAttachment(Attachment):
    """A file of a note; downloaded only through knowledge:attachment, behind the note's
    visibility."""

    note = models.ForeignKey(Note, on_delete=models.CASCADE, related_name="attachments",
                             verbose_name=_("note"))

    class Meta(Attachment.Meta):
        verbose_name = _("note attachment")
        verbose_name_plural = _("note attachments")

    def get_absolute_url(self):
        return reverse("knowledge:attachment", kwargs={"pk": self.pk})


class Follow(models.Model):
    """An employee follows a local area or a focus area (exactly one of the two) and gets a daily
    digest of what is new there (knowledge.jobs.send_digests)."""

    employee = models.ForeignKey("people.Employee", on_delete=models.CASCADE,
                                 related_name="follows", verbose_name=_("employee"))
    area = models.ForeignKey("areas.LocalArea", on_delete=models.CASCADE, null=True, blank=True,
                             related_name="followers", verbose_name=_("local area"))
    focus_area = models.ForeignKey("core.FocusArea", on_delete=models.CASCADE, null=True,
                                   blank=True, related_name="followers",
                                   verbose_name=_("focus area"))
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        ordering = ["pk"]
        verbose_name = _("follow")
        verbose_name_plural = _("follows")
        constraints = [
            models.CheckConstraint(
                condition=(models.Q(area__isnull=False, focus_area__isnull=True)
                           | models.Q(area__isnull=True, focus_area__isnull=False)),
                name="follow_area_xor_focus_area"),
            models.UniqueConstraint(fields=["employee", "area"], name="follow_unique_area"),
            models.UniqueConstraint(fields=["employee", "focus_area"],
                                    name="follow_unique_focus_area"),
        ]

    def __str__(self):
        return f"{self.employee} → {self.area or self.focus_area}"


class DigestSent(models.Model):
    """The daily digest an employee was sent: at most one a day (the job's idempotency)."""

    employee = models.ForeignKey("people.Employee", on_delete=models.CASCADE,
                                 related_name="digests_sent", verbose_name=_("employee"))
    day = models.DateField(_("day"))
    sent_at = models.DateTimeField(_("sent"))

    class Meta:
        ordering = ["-day", "-pk"]
        verbose_name = _("digest sent")
        verbose_name_plural = _("digests sent")
        constraints = [models.UniqueConstraint(fields=["employee", "day"],
                                               name="digest_sent_one_per_day")]

    def __str__(self):
        return f"{self.employee} {self.day}"
