# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""The onboarding checklist: its template steps and each new contact's copy of them (the tables
keep the names they had in areas)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords


class OnboardingStep(models.Model):
    """A step of the onboarding checklist template. A new contact's checklist is a copy of the
    active steps when they are assigned; changing the template changes only later checklists."""

    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True, max_length=2000)
    position = models.PositiveSmallIntegerField(_("order"), default=0)
    is_active = models.BooleanField(_("in use"), default=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords(table_name="areas_historicalonboardingstep",
                                excluded_fields=["created_at", "updated_at"])

    class Meta:
        db_table = "areas_onboardingstep"
        ordering = ["position", "pk"]
        verbose_name = _("onboarding step")
        verbose_name_plural = _("onboarding steps")

    def __str__(self):
        return self.title


class OnboardingTask(models.Model):
    """One step of a new contact's checklist for one assignment."""

    assignment = models.ForeignKey("areas.Assignment", on_delete=models.PROTECT,
                                   related_name="onboarding_tasks", verbose_name=_("assignment"))
    step = models.ForeignKey(OnboardingStep, on_delete=models.SET_NULL, null=True, blank=True,
                             related_name="tasks", verbose_name=_("template step"))
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True, max_length=2000)
    position = models.PositiveSmallIntegerField(_("order"), default=0)
    done_at = models.DateTimeField(_("done"), null=True, blank=True)
    done_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
        related_name="+", verbose_name=_("done by"))
    history = HistoricalRecords(table_name="areas_historicalonboardingtask")

    class Meta:
        db_table = "areas_onboardingtask"
        ordering = ["position", "pk"]
        verbose_name = _("onboarding task")
        verbose_name_plural = _("onboarding tasks")

    def __str__(self):
        return self.title
