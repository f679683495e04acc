# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""The coordinator's scheduled reports: who gets which report how often, and what was sent."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from lokalkontakt.core.forms import form_view
from lokalkontakt.core.permissions import coordinator_required
from lokalkontakt.reports.models import ReportSubscription
from lokalkontakt.reports.subscriptions import selectors, services
from lokalkontakt.reports.subscriptions.forms import SubscriptionForm

PAGE_SIZE = 50


@coordinator_required
@require_GET
def subscriptions(request):
    """The subscriptions (report, how often, recipients, last sent) and the reports sent last."""
    page, dispatches = selectors.subscriptions_page(request.GET.get("side"), per_page=PAGE_SIZE)
    return render(request, "reports/subscriptions.html", {
        "page": page, "dispatches": dispatches})


def _subscription_form(request, *, subscription=None):
    form = SubscriptionForm(request.POST or None, subscription=subscription)
    return form_view(
        request, form=form, template="reports/subscription_form.html",
        context={"subscription": subscription},
        save=lambda data: services.subscription_save(actor=request.user, subscription=subscription,
                                                     **data),
        success=lambda _saved: _("The scheduled report is saved."),
        redirect_to=lambda _saved: reverse("reports:subscriptions"), invalid_status=400)


@coordinator_required
@require_http_methods(["GET", "POST"])
def subscription_new(request):
    return _subscription_form(request)


@coordinator_required
@require_http_methods(["GET", "POST"])
def subscription_edit(request, pk):
    return _subscription_form(request, subscription=get_object_or_404(ReportSubscription, pk=pk))


@coordinator_required
@require_POST
def subscription_active(request, pk):
    """The list's buttons: stop sending a subscription's report, or start again."""
    subscription = get_object_or_404(ReportSubscription, pk=pk)
    active = request.POST.get("active") == "1"
    services.subscription_set_active(subscription=subscription, active=active, actor=request.user)
    messages.success(request, _("The scheduled report is started again.") if active
                     else _("The scheduled report is stopped."))
    return redirect("reports:subscriptions")
