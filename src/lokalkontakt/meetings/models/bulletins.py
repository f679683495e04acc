# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""The coordinator's bulletins (orienteringer)."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _


class Bulletin(models.Model):
    """An orientation from the coordinator to all contacts or to those of some core areas or
    local areas, or to all staff (of some core areas). The recipients are kept as they were when
    it was sent."""

    class Audience(models.TextChoices):
        CONTACTS = "contacts", _("The local contacts")
        STAFF = "staff", _("All staff")

    audience = models.CharField(_("to"), max_length=10, choices=Audience.choices,
                                default=Audience.CONTACTS)
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
