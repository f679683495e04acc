# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""Reads for the scheduled reports: the reports a coordinator may subscribe to, the subscriptions
with their last sending, and the reports sent."""

from django.core.paginator import Paginator
from django.db.models import Max, Prefetch
from django.utils.translation import gettext as _

from lokalkontakt.core.models import OutgoingEmail
from lokalkontakt.core.roles import person_name
from lokalkontakt.reports.kinds import report_kinds
from lokalkontakt.reports.models import ReportDispatch, ReportSubscription

DISPATCHES_SHOWN = 50


def report_option_value(kind: str, params: dict) -> str:
    """One value for a kind and its params, as the form's single choice carries them:
    "scheme", or "focus|focus_area=smidige-processer"."""
    return "|".join([kind, *(f"{name}={value}" for name, value in sorted(params.items()))])


def report_options() -> list[tuple[str, str, dict, str]]:
    """Every report that can be subscribed to: (value, kind, params, label), each registered kind
    once, or once per choice its `choices()` offers ("Fokusområde: Smidige processer")."""
    options = []
    for key, kind in report_kinds.items():
        choices = list(kind.choices())
        if not choices:
            options.append((report_option_value(key, {}), key, {}, str(kind.label)))
        for name, value, label in choices:
            params = {name: value}
            options.append((report_option_value(key, params), key, params,
                            f"{kind.label}: {label}"))
    return options


def subscription_label(subscription, labels: dict[str, str]) -> str:
    """The subscription's report as the coordinator chose it, from `labels` (report_labels()); a
    kind that is no longer registered, or a choice no longer offered, is named as such."""
    value = report_option_value(subscription.kind, subscription.params)
    if value in labels:
        return labels[value]
    return _("Report no longer available (%(kind)s)") % {"kind": value}


def report_labels() -> dict[str, str]:
    """value → label for every report that can be subscribed to (each kind's choices read once)."""
    return {value: label for value, _kind, _params, label in report_options()}


def subscriptions_list():
    """Every subscription, active first, with the time its report was last sent (`last_sent`)
    and who created it."""
    return (ReportSubscription.objects.select_related("created_by__employee")
            .annotate(last_sent=Max("dispatches__sent_at"))
            .order_by(*ReportSubscription._meta.ordering))


def dispatches_recent(*, limit: int = DISPATCHES_SHOWN) -> list[ReportDispatch]:
    """The reports sent last, newest first, with their e-mails, one per recipient (each one's
    status tells whether it was delivered)."""
    return list(ReportDispatch.objects.select_related("subscription")
                .prefetch_related(Prefetch("emails", OutgoingEmail.objects.order_by("pk")))[:limit])


def subscriptions_page(page_number, *, per_page: int):
    """A page of subscriptions_list(), each with its report's `label` and `created_by_name`, and
    the reports sent last (dispatches_recent()), each with its subscription's `label`; the kinds'
    choices are read once for both."""
    labels = report_labels()
    page = Paginator(subscriptions_list(), per_page).get_page(page_number)
    for subscription in page:
        subscription.label = subscription_label(subscription, labels)
        subscription.created_by_name = person_name(subscription.created_by)
    dispatches = dispatches_recent()
    for dispatch in dispatches:
        dispatch.label = subscription_label(dispatch.subscription, labels)
    return page, dispatches
