# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from lokalkontakt.core.text import danish_sort_key


class CoreArea(models.Model):
    """A division of the administration (kerneområde). Contacts are found in every core area."""

    name = models.CharField(_("name"), max_length=120, unique=True)
    sort_name = models.CharField(max_length=240, editable=False, db_index=True)
    description = models.TextField(_("description"), blank=True)
    email = models.EmailField(
        _("e-mail"), blank=True,
        help_text=_("The core area's shared mailbox; inquiries forwarded to the core area go here."),
    )
    external_uuid = models.UUIDField(
        _("external id"), null=True, blank=True, unique=True,
        help_text=_("The unit's UUID in OS2mo or FK Organisation, when synchronised."),
    )
    leaders = models.ManyToManyField(
        "people.Employee", blank=True, related_name="led_core_areas", verbose_name=_("leaders"),
        help_text=_("They see which of the core area's staff are contacts and the time it costs."))
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["sort_name"]
        verbose_name = _("core area")
        verbose_name_plural = _("core areas")

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        self.sort_name = danish_sort_key(self.name)
        super().save(*args, **kwargs)


class Employee(models.Model):
    """A member of the municipal staff; a contact when they have an active assignment."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
        related_name="employee", verbose_name=_("user account"),
    )
    name = models.CharField(_("name"), max_length=150)
    sort_name = models.CharField(max_length=300, editable=False, db_index=True)
    title = models.CharField(_("job title"), max_length=150, blank=True)
    core_area = models.ForeignKey(
        CoreArea, on_delete=models.PROTECT, null=True, blank=True,
        related_name="employees", verbose_name=_("core area"),
    )
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=30, blank=True)
    is_active = models.BooleanField(_("active"), default=True)
    external_uuid = models.UUIDField(_("external id"), null=True, blank=True, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["sort_name", "pk"]
        verbose_name = _("employee")
        verbose_name_plural = _("employees")
        # the public directory's data version reads the latest change (areas.versions)
        indexes = [models.Index(fields=["updated_at"], name="people_employee_updated_at")]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        self.sort_name = danish_sort_key(self.name)
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("people:employee_detail", kwargs={"pk": self.pk})


class AccountEvent(models.Model):
    """Something that happened to a login: created, set-password e-mail sent, password set,
    reset asked for, a refused link, deactivated or reactivated with the employee. Who did it
    (`actor`, empty when the person themselves or the system did) and when. A reset asked for an
    unknown address, or a refused link, has no user: its `client_hash` (a keyed hash of the
    address) is what the rate limits count."""

    class Kind(models.TextChoices):
        LOGIN_CREATED = "login_created", _("Login created")
        SETUP_SENT = "setup_sent", _("E-mail to set the password sent")
        RESET_REQUESTED = "reset_requested", _("Password reset asked for")
        PASSWORD_SET = "password_set", _("Password set by link")
        LINK_REFUSED = "link_refused", _("Password link refused")
        DEACTIVATED = "deactivated", _("Login deactivated, sessions ended")
        REACTIVATED = "reactivated", _("Login reactivated")

    kind = models.CharField(_("what"), max_length=20, choices=Kind.choices)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, null=True,
                             blank=True, related_name="account_events", verbose_name=_("login"))
    employee = models.ForeignKey(Employee, on_delete=models.CASCADE, null=True, blank=True,
                                 related_name="account_events", verbose_name=_("employee"))
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True,
                              blank=True, related_name="+", verbose_name=_("by"))
    client_hash = models.CharField(max_length=64, blank=True)
    created_at = models.DateTimeField(_("when"), auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("login event")
        verbose_name_plural = _("login events")
        indexes = [models.Index(fields=["kind", "client_hash", "created_at"],
                                name="people_acct_kind_client")]

    def __str__(self):
        return f"{self.get_kind_display()} ({self.created_at:%Y-%m-%d %H:%M})"
