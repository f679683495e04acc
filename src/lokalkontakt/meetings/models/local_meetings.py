# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""The local meetings contacts attend in their areas."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords


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
