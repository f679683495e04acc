# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
import re
import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

# An ESDH case number (sagsnummer): letters, digits and the separators the systems use, e.g.
# "27.00.00-A00-1-26" (KMD Nova, SBSYS) or "2026-004711" (WorkZone).
CASE_NUMBER = re.compile(r"[0-9A-Za-zÆØÅæøå](?:[0-9A-Za-zÆØÅæøå.\-/_: ]*[0-9A-Za-zÆØÅæøå])?")
# A KLE number: a main group, a group or a subject ("27", "27.12", "27.12.04").
KLE_NUMBER = re.compile(r"\d{2}(?:\.\d{2}){0,2}")


def validate_case_number(value: str) -> None:
    if not CASE_NUMBER.fullmatch(value or ""):
        raise ValidationError(
            _("Enter the case number as the case system shows it, e.g. 27.00.00-A00-1-26: "
              "letters, digits and . - / _ : only."), code="invalid")


def validate_kle_number(value: str) -> None:
    if not KLE_NUMBER.fullmatch(value or ""):
        raise ValidationError(_("A KLE number looks like 27.12.04."), code="invalid")


class KleNumber(models.Model):
    """A number of KL's subject classification (KLE-emneplan). KLE is licensed: the municipality
    loads its own copy (journal.kle); none ships with the application. A number missing from the
    latest load is deactivated, never deleted, as journalisations may name it."""

    number = models.CharField(_("KLE number"), max_length=8, unique=True,
                              validators=[validate_kle_number])
    title = models.CharField(_("title"), max_length=300)
    active = models.BooleanField(_("active"), default=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["number"]
        verbose_name = _("KLE number")
        verbose_name_plural = _("KLE numbers")

    def __str__(self):
        return f"{self.number} {self.title}"


class KleLoad(models.Model):
    """One load of the KLE list: who, when, from which file, and what it changed."""

    file_name = models.CharField(_("file"), max_length=200)
    loaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True,
                                  blank=True, related_name="+", verbose_name=_("loaded by"))
    loaded_at = models.DateTimeField(_("loaded"), default=timezone.now)
    added = models.PositiveIntegerField(_("added"), default=0)
    updated = models.PositiveIntegerField(_("updated"), default=0)
    deactivated = models.PositiveIntegerField(_("deactivated"), default=0)
    total = models.PositiveIntegerField(_("numbers in the file"), default=0)

    class Meta:
        ordering = ["-loaded_at", "-pk"]
        verbose_name = _("KLE load")
        verbose_name_plural = _("KLE loads")

    def __str__(self):
        return f"{self.file_name} ({self.loaded_at:%Y-%m-%d %H:%M})"


class Journalisation(models.Model):
    """"Journaliseret som <sagsnummer>": an inquiry or a consultation recorded in the case system,
    once (a second attempt is refused). Written once and never changed: the row itself says who
    (a user, or an integration's label) and when."""

    class Kind(models.TextChoices):
        INQUIRY = "inquiry", _("Inquiry")
        CONSULTATION = "consultation", _("Consultation")

    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    object_id = models.PositiveBigIntegerField(_("case id"))
    case_number = models.CharField(_("case number"), max_length=50,
                                   validators=[validate_case_number])
    kle = models.ForeignKey(KleNumber, on_delete=models.PROTECT, null=True, blank=True,
                            related_name="journalisations", verbose_name=_("KLE number"))
    journalised_at = models.DateTimeField(_("journalised"), default=timezone.now)
    journalised_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL,
                                       null=True, blank=True, related_name="+",
                                       verbose_name=_("journalised by"))
    # Who, when no user did it: an integration, e.g. "API: ESDH-integration".
    actor_label = models.CharField(_("recorded by (system)"), max_length=100, blank=True)

    class Meta:
        ordering = ["-journalised_at", "-pk"]
        verbose_name = _("journalisation")
        verbose_name_plural = _("journalisations")
        constraints = [models.UniqueConstraint(fields=["kind", "object_id"],
                                               name="journalisation_once_per_case")]

    def __str__(self):
        return f"{self.kind} {self.object_id}: {self.case_number}"

    @property
    def recorded_by(self) -> str:
        """The user's name (their employee record's), or the integration's label."""
        user = self.journalised_by
        if user is None:
            return self.actor_label
        employee = getattr(user, "employee", None)
        return employee.name if employee else user.get_username()


def prepared_upload_to(instance, filename: str) -> str:
    """Where the dropped PreparedDownload kept its ZIPs (journal/<random>/<name>); named by
    migration 0002, so it stays. A period's ZIP is now a prepared export (core.exports)."""
    return f"journal/{uuid.uuid4().hex}/{filename}"
