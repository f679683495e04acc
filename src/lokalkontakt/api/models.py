# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from lokalkontakt.api.scopes import Scope


class ApiKey(models.Model):
    """A key another system uses to call the API (api.keys makes and checks them).

    Only a SHA-256 hash of the key is stored: the key itself is shown once, when it is made.
    `prefix` (the key's first part, not secret) finds the row; the hash is compared in constant
    time. A key works until `expires_on` (that day included) unless revoked; revoking is final.
    """

    name = models.CharField(_("system"), max_length=100,
                            help_text=_("The system that uses the key, e.g. “Hedensted.dk” or "
                                        "“ESDH-integration”."))
    contact = models.CharField(_("run by"), max_length=200, blank=True,
                               help_text=_("Who runs that system: a name, team or e-mail address."))
    scopes = models.JSONField(_("scopes"), default=list)
    prefix = models.CharField(max_length=16, unique=True, editable=False)
    key_hash = models.CharField(max_length=64, editable=False)
    expires_on = models.DateField(_("expires"))
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True,
                                   blank=True, related_name="+", verbose_name=_("created by"))
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    last_used_at = models.DateTimeField(_("last used"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True)
    revoked_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True,
                                   blank=True, related_name="+", verbose_name=_("revoked by"))
    history = HistoricalRecords()

    class Meta:
        ordering = ["name", "created_at"]
        verbose_name = _("API key")
        verbose_name_plural = _("API keys")

    def __str__(self):
        return f"{self.name} ({self.prefix})"

    @property
    def is_expired(self) -> bool:
        return self.expires_on < timezone.localdate()

    @property
    def is_active(self) -> bool:
        return self.revoked_at is None and not self.is_expired

    def scope_labels(self) -> list[str]:
        labels = dict(Scope.choices)
        return [str(labels[scope]) for scope in self.scopes if scope in labels]
