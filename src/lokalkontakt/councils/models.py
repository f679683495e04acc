# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords


class CouncilMember(models.Model):
    """A member of a local council with access to the application: invited by e-mail by the
    coordinator or the area's contact, signs in by a one-time link (no password) and sees the
    area's inquiries and consultations. Ending the membership (is_active) ends the access."""

    council = models.ForeignKey("areas.Council", on_delete=models.CASCADE, related_name="members",
                                verbose_name=_("local council"))
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
        related_name="council_member", verbose_name=_("user account"),
    )
    name = models.CharField(_("name"), max_length=150)
    email = models.EmailField(_("e-mail"))
    is_active = models.BooleanField(_("active"), default=True)
    invited_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True,
                                   blank=True, related_name="+", verbose_name=_("invited by"))
    invited_at = models.DateTimeField(_("invited"), null=True, blank=True)
    # When the membership ended; after settings.COUNCIL_MEMBER_RETENTION_DAYS the name and address
    # are deleted (councils.jobs) and anonymised_at set.
    deactivated_at = models.DateTimeField(_("deactivated"), null=True, blank=True)
    anonymised_at = models.DateTimeField(_("anonymised"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords(table_name="areas_historicalcouncilmember")

    class Meta:
        db_table = "areas_councilmember"
        ordering = ["council__area__sort_name", "name", "pk"]
        verbose_name = _("council member")
        verbose_name_plural = _("council members")
        # Anonymised members have no address; the rest have one each per council.
        constraints = [models.UniqueConstraint(fields=["council", "email"],
                                               condition=~models.Q(email=""),
                                               name="council_member_unique_email")]

    class Status(models.TextChoices):
        INVITED = "invited", _("Invited")
        LOGGED_IN = "logged_in", _("Has logged in")
        DEACTIVATED = "deactivated", _("Deactivated")

    def __str__(self):
        return f"{self.name} ({self.council})"

    @property
    def area(self):
        return self.council.area

    @property
    def status(self) -> str:
        """Invited (never logged in), has logged in, or deactivated."""
        if not self.is_active:
            return self.Status.DEACTIVATED
        return self.Status.LOGGED_IN if self.user_id else self.Status.INVITED


class CouncilLoginToken(models.Model):
    """A one-time login link for a council member. Only the SHA-256 hash of the token is stored;
    the link works once (used_at) and until expires_at (settings.COUNCIL_LOGIN_LINK_MINUTES)."""

    class Purpose(models.TextChoices):
        INVITATION = "invitation", _("Invitation")
        LOGIN = "login", _("Login link")

    member = models.ForeignKey(CouncilMember, on_delete=models.CASCADE, related_name="login_tokens",
                               verbose_name=_("council member"))
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    purpose = models.CharField(_("purpose"), max_length=20, choices=Purpose.choices)
    # A keyed hash of the requesting client's address (login links only): rate limits, not identity.
    client_hash = models.CharField(max_length=64, blank=True, db_index=True, editable=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True, db_index=True)
    expires_at = models.DateTimeField(_("expires"))
    used_at = models.DateTimeField(_("used"), null=True, blank=True)

    class Meta:
        db_table = "areas_councillogintoken"
        ordering = ["-created_at", "-pk"]
        verbose_name = _("council login link")
        verbose_name_plural = _("council login links")

    def __str__(self):
        return f"{self.member} – {self.get_purpose_display()} ({self.created_at:%Y-%m-%d %H:%M})"
