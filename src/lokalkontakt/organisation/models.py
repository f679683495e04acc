# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
from django.db import models
from django.utils.translation import gettext_lazy as _


class SyncRun(models.Model):
    """One synchronisation of the organisation from an external source (OS2mo): when, whether it
    succeeded and what it changed. The last successful run tells the periodic jobs when the next
    is due."""

    class Source(models.TextChoices):
        OS2MO = "os2mo", "OS2mo"

    source = models.CharField(_("source"), max_length=20, choices=Source.choices,
                              default=Source.OS2MO)
    started_at = models.DateTimeField(_("started"), db_index=True)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)
    succeeded = models.BooleanField(_("succeeded"), default=False)
    report = models.TextField(_("report"), blank=True)

    class Meta:
        ordering = ["-started_at", "-pk"]
        verbose_name = _("synchronisation")
        verbose_name_plural = _("synchronisations")

    def __str__(self):
        return f"{self.get_source_display()} {self.started_at:%Y-%m-%d %H:%M}"
