# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""Scheduled reports: addresses subscribed to a kind of report (kinds.report_kinds) monthly or
quarterly, and a record of each period's report sent (jobs.py sends it once per period)."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from simple_history.models import HistoricalRecords

from lokalkontakt.core.models import OutgoingEmail

MAX_RECIPIENTS = 20


def clean_recipients(addresses) -> list[str]:
    """The addresses without blanks and repeats (the first spelling kept, compared without
    case), each checked; a ValidationError names every address that is not one, or says there
    are none or too many."""
    kept, seen, errors = [], set(), []
    for address in (str(a).strip() for a in addresses):
        if not address or address.lower() in seen:
            continue
        try:
            validate_email(address)
        except ValidationError:
            errors.append(ValidationError(_("“%(address)s” is not an e-mail address."),
                                          params={"address": address}, code="invalid"))
            continue
        seen.add(address.lower())
        kept.append(address)
    if errors:
        raise ValidationError(errors)
    if not kept:
        raise ValidationError(_("Give at least one e-mail address."), code="required")
    if len(kept) > MAX_RECIPIENTS:
        raise ValidationError(ngettext("Give at most %(count)d e-mail address.",
                                       "Give at most %(count)d e-mail addresses.", MAX_RECIPIENTS)
                              % {"count": MAX_RECIPIENTS}, code="max")
    return kept


def validate_recipients(value) -> None:
    if not isinstance(value, list) or clean_recipients(value) != value:
        raise ValidationError(_("Give the recipients as a list of different e-mail addresses."))


class ReportSubscription(models.Model):
    """Addresses that get a kind of report (with its params, e.g. a focus area) by e-mail each
    month or quarter. Ended by deactivating, never deleted: what was sent stays recorded."""

    class Frequency(models.TextChoices):
        MONTHLY = "monthly", _("Monthly")
        QUARTERLY = "quarterly", _("Quarterly")

    kind = models.CharField(_("report"), max_length=50)
    params = models.JSONField(_("choices"), default=dict, blank=True)
    frequency = models.CharField(_("how often"), max_length=10, choices=Frequency.choices)
    recipients = models.JSONField(_("recipients"), default=list, validators=[validate_recipients])
    active = models.BooleanField(_("active"), default=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True,
                                   blank=True, related_name="+", verbose_name=_("created by"))
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords(excluded_fields=["created_at", "updated_at"])

    class Meta:
        ordering = ["-active", "kind", "pk"]
        verbose_name = _("report subscription")
        verbose_name_plural = _("report subscriptions")

    def __str__(self):
        return f"{self.kind} ({self.get_frequency_display()})"


class ReportDispatch(models.Model):
    """A subscription's report for one period, queued as `email`: at most one per period (the
    unique constraint is what keeps two runs of the job from both sending it)."""

    subscription = models.ForeignKey(ReportSubscription, on_delete=models.PROTECT,
                                     related_name="dispatches", verbose_name=_("subscription"))
    period_start = models.DateField(_("period from"))
    period_end = models.DateField(_("period until"))
    recipients = models.JSONField(_("recipients"), default=list)
    # One e-mail to each recipient, so no one learns the others' addresses.
    emails = models.ManyToManyField(OutgoingEmail, blank=True, related_name="+",
                                    verbose_name=_("e-mails"))
    sent_at = models.DateTimeField(_("sent"))

    class Meta:
        ordering = ["-sent_at", "-pk"]
        verbose_name = _("report sent")
        verbose_name_plural = _("reports sent")
        constraints = [
            models.UniqueConstraint(fields=["subscription", "period_start", "period_end"],
                                    name="report_dispatch_once_per_period"),
        ]

    def __str__(self):
        return f"{self.subscription} {self.period_start}"
