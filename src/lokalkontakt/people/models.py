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

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        self.sort_name = danish_sort_key(self.name)
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("people:employee_detail", kwargs={"pk": self.pk})
