# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""Writes for the scheduled reports: the coordinator's subscriptions. Every change is a version
in ReportSubscription.history with who made it; a subscription is ended by deactivating it."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from lokalkontakt.reports.models import ReportSubscription, clean_recipients
from lokalkontakt.reports.subscriptions.selectors import report_option_value, report_options


def _check_report(kind: str, params: dict) -> None:
    """The kind is registered and `params` are one of the choices it offers (none when it
    offers none)."""
    if report_option_value(kind, params) not in {value for value, *_rest in report_options()}:
        raise ValidationError({"report": _("Choose one of the reports.")})


def subscription_save(*, actor, kind: str, params: dict, frequency: str, recipients,
                      subscription: ReportSubscription | None = None) -> ReportSubscription:
    """Create a subscription (active, created by `actor`) or change one: the report (a
    registered kind and one of its choices), how often, and the recipients (checked,
    deduplicated, at most models.MAX_RECIPIENTS). Refused with a ValidationError per field;
    nothing is saved then."""
    _check_report(kind, params)
    try:
        recipients = clean_recipients(recipients)
    except ValidationError as error:
        raise ValidationError({"recipients": error.error_list}) from None
    with transaction.atomic():
        if subscription is None:
            subscription = ReportSubscription(created_by=actor)
        else:
            subscription = ReportSubscription.objects.select_for_update().get(pk=subscription.pk)
        subscription.kind, subscription.params = kind, params
        subscription.frequency, subscription.recipients = frequency, recipients
        subscription.full_clean()
        subscription._history_user = actor
        subscription.save()
    return subscription


def subscription_set_active(*, subscription: ReportSubscription, active: bool,
                            actor) -> ReportSubscription:
    """Stop sending a subscription's report (active False) or start again (True). A
    subscription started again sends the last ended period it has not had (jobs.py)."""
    with transaction.atomic():
        subscription = ReportSubscription.objects.select_for_update().get(pk=subscription.pk)
        if subscription.active != active:
            subscription.active = active
            subscription._history_user = actor
            subscription.save(update_fields=["active", "updated_at"])
    return subscription
