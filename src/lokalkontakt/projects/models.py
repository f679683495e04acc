# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from lokalkontakt.core.text import danish_sort_key


class Project(models.Model):
    """A development project (udviklingsprojekt) in one or more local areas, with its lead."""

    class Status(models.TextChoices):
        ACTIVE = "active", _("Active")
        PAUSED = "paused", _("Paused")
        DONE = "done", _("Completed")

    title = models.CharField(_("title"), max_length=200)
    sort_title = models.CharField(max_length=400, editable=False, db_index=True)
    description = models.TextField(_("description"), blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.ACTIVE
    )
    lead = models.ForeignKey(
        "people.Employee", on_delete=models.PROTECT, null=True, blank=True,
        related_name="led_projects", verbose_name=_("lead"),
    )
    areas = models.ManyToManyField(
        "areas.LocalArea", related_name="projects", verbose_name=_("local areas")
    )
    focus_areas = models.ManyToManyField("core.FocusArea", blank=True, related_name="projects",
                                         verbose_name=_("focus areas"))
    coordinator_part = models.TextField(
        _("the coordinator's part"), blank=True, max_length=5000,
        help_text=_("What the coordinator does in the project."))
    notes = models.TextField(_("notes"), blank=True, max_length=20000,
                             help_text=_("Internal: how the project is going, for staff."))
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords(excluded_fields=["created_at", "updated_at", "sort_title"])

    class Meta:
        ordering = ["sort_title", "pk"]
        verbose_name = _("development project")
        verbose_name_plural = _("development projects")

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        self.sort_title = danish_sort_key(self.title)
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("projects:detail", kwargs={"pk": self.pk})


class Milestone(models.Model):
    """A step of a development project with its planned date; done when done_on is set."""

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="milestones",
                                verbose_name=_("development project"))
    title = models.CharField(_("title"), max_length=200)
    due_on = models.DateField(_("planned for"), null=True, blank=True)
    done_on = models.DateField(_("done"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords(excluded_fields=["created_at"])

    class Meta:
        # Undated milestones last, on SQLite as on PostgreSQL.
        ordering = [models.F("due_on").asc(nulls_last=True), "pk"]
        verbose_name = _("milestone")
        verbose_name_plural = _("milestones")

    def __str__(self):
        return self.title
