# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""The guides the coordinator writes and keeps: how to use the local contacts, one for staff and
one for citizens and councils."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords


class Guide(models.Model):
    """One guide per audience, in Markdown. Every save is a version in its history, with who
    saved it and the change note (simple_history's change reason)."""

    class Audience(models.TextChoices):
        STAFF = "staff", _("Staff")
        PUBLIC = "public", _("Citizens and councils")

    audience = models.CharField(_("audience"), max_length=10, choices=Audience.choices,
                                unique=True)
    title = models.CharField(_("title"), max_length=200)
    body = models.TextField(_("text"), max_length=30000)
    updated_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True,
                                   blank=True, related_name="+", verbose_name=_("changed by"))
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(_("changed"), auto_now=True)
    history = HistoricalRecords(excluded_fields=["created_at"])

    class Meta:
        ordering = ["audience"]
        verbose_name = _("guide")
        verbose_name_plural = _("guides")

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse(URL_NAMES[self.audience]["page"])


# The URL names of each audience's pages (guides/urls.py).
URL_NAMES = {
    audience: {page: f"guides:{audience}{'_' + page if page != 'page' else ''}"
               for page in ("page", "edit", "history", "version")}
    for audience in Guide.Audience.values
}
