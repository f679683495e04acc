# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


def export_upload_to(instance, filename: str) -> str:
    """exports/<random>/<name>: unguessable, and never served by MEDIA_URL (exports.views)."""
    return f"exports/{uuid.uuid4().hex}/{filename}"


class PreparedExport(models.Model):
    """A large export built by the worker (core.exports.tasks) for the user who asked: which
    registered export (`name`) with which validated parameters (`params`, the filter's values as
    JSON). It may hold personal data, so only the one who asked may download it, each download
    is written to the access log (`references`: what the file holds), and it is deleted after
    settings.EXPORT_DOWNLOAD_HOURS (core.exports.services.exports_prune)."""

    class Status(models.TextChoices):
        QUEUED = "queued", _("Queued")
        READY = "ready", _("Ready")
        FAILED = "failed", _("Failed")

    requested_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                                     related_name="+", verbose_name=_("requested by"))
    name = models.CharField(_("export"), max_length=100)
    params = models.JSONField(_("filter"), default=dict, blank=True)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices,
                              default=Status.QUEUED)
    rows = models.PositiveIntegerField(_("rows"), default=0)
    file = models.FileField(_("file"), upload_to=export_upload_to, max_length=200, blank=True)
    file_name = models.CharField(_("file name"), max_length=200, blank=True)
    # The personal data the file holds, [[model label, id], ...], logged at each download.
    references = models.JSONField(_("personal data"), default=list, blank=True)
    # What the file shows, as its export recorded it (registry.Written.shown): checked against
    # what the user may see at each download (registry.Export.still_visible).
    shown = models.JSONField(_("rows shown"), null=True, blank=True)
    # The asker's language: the worker writes the headers and labels in it.
    language = models.CharField(_("language"), max_length=10, blank=True)
    # The worker's task (django-tasks' result id): a queued export whose task is no longer queued
    # or running was lost with its worker (services.exports_fail_lost).
    task_id = models.CharField(_("task"), max_length=64, blank=True)
    error = models.TextField(_("error"), blank=True)
    created_at = models.DateTimeField(_("requested"), auto_now_add=True)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("prepared export")
        verbose_name_plural = _("prepared exports")
        indexes = [models.Index(fields=["requested_by", "-created_at"],
                                name="core_export_user_idx")]

    def __str__(self):
        return f"{self.name} {self.requested_by_id} {self.created_at:%Y-%m-%d %H:%M} {self.status}"
