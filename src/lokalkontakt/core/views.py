# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""The core's pages: the health check, the privacy notice, the staff login and password change,
and the coordinator's page of e-mails that were not delivered."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.core.paginator import Paginator
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse_lazy
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST, require_safe

from lokalkontakt.core import mail, selectors
from lokalkontakt.core.accesslog import record
from lokalkontakt.core.health import health_report
from lokalkontakt.core.http import client_address, public
from lokalkontakt.core.models import OutgoingEmail
from lokalkontakt.core.oidc.discovery import oidc_enabled
from lokalkontakt.core.permissions import coordinator_required

FAILED_PAGE_SIZE = 50
DELAYED_LIMIT = 50


@public
@never_cache
@require_safe
def healthz(request):
    """Readiness for the load balancer and monitoring (GET or HEAD): 200 when the database has
    every migration applied and a real table can be read and written, and the queues are moving:
    no task has waited for the worker longer than HEALTH_TASK_STALE_MINUTES and no e-mail has
    waited to be sent longer than HEALTH_EMAIL_STALE_MINUTES. 503 otherwise, saying what is wrong."""
    report = health_report()
    return JsonResponse(report, status=200 if report["status"] == "ok" else 503)




@public
@require_GET
def privacy(request):
    """The privacy notice (GDPR art. 13) for everyone whose data the system holds: who is the
    controller, why and on what basis, who receives the data, how long it is kept, the rights and
    whom to contact. The contact details and retention periods come from the settings."""
    return render(request, "privacy.html", {
        "controller": {"name": settings.MUNICIPALITY_NAME,
                       "address": settings.PRIVACY_CONTROLLER_ADDRESS,
                       "email": settings.PRIVACY_CONTROLLER_EMAIL,
                       "phone": settings.PRIVACY_CONTROLLER_PHONE},
        "dpo": {"name": settings.PRIVACY_DPO_NAME, "email": settings.PRIVACY_DPO_EMAIL,
                "phone": settings.PRIVACY_DPO_PHONE},
        "processors": settings.PRIVACY_PROCESSORS,
        "inquiry_retention_days": settings.INQUIRY_RETENTION_DAYS,
        "email_body_retention_days": settings.EMAIL_BODY_RETENTION_DAYS,
        "council_member_retention_days": settings.COUNCIL_MEMBER_RETENTION_DAYS,
        "login_record_retention_days": settings.LOGIN_RECORD_RETENTION_DAYS,
        "access_log_retention_days": settings.ACCESS_LOG_RETENTION_DAYS,
        "task_result_retention_days": settings.TASK_RESULT_RETENTION_DAYS,
        "session_idle_minutes": settings.SESSION_IDLE_MINUTES,
    })


class LoginView(auth_views.LoginView):
    """The staff login. django-axes locks a username from one address after AXES_FAILURE_LIMIT
    failures; this also stops one address trying a few passwords on many usernames (password
    spraying): after LOGIN_ADDRESS_FAILURE_LIMIT failures from the address within the cool-off
    time, across usernames, it may not try again until they are older.

    With the municipality's identity provider configured (OIDC_DISCOVERY_URL) the page offers
    signing in there; the password form stays unless LOCAL_PASSWORDS is false (and the demo, whose
    logins sign in with a password, is off)."""

    def get_context_data(self, **kwargs):
        # Without local passwords the form stays for the demo's logins while the demo is on.
        return {**super().get_context_data(**kwargs), "oidc_enabled": oidc_enabled(),
                "local_passwords": settings.LOCAL_PASSWORDS,
                "password_form": settings.LOCAL_PASSWORDS or settings.DEMO_ENABLED}

    def post(self, request, *args, **kwargs):
        if selectors.address_failures(client_address(request)) >= settings.LOGIN_ADDRESS_FAILURE_LIMIT:
            return render(request, "registration/locked_out.html", {"per_address": True},
                          status=429)
        return super().post(request, *args, **kwargs)


class PasswordChangeView(auth_views.PasswordChangeView):
    """A local account changes its own password (the old one, then the new one twice, checked by
    AUTH_PASSWORD_VALIDATORS). Other sessions of the user end; this one goes on. Council members
    and accounts without a password (one-time links, single sign-on) have none to change, nor
    has anyone while local passwords are off (settings.LOCAL_PASSWORDS): 404."""

    template_name = "registration/password_change.html"
    success_url = reverse_lazy("home")

    def dispatch(self, request, *args, **kwargs):
        if not settings.LOCAL_PASSWORDS or (request.user.is_authenticated
                                            and not request.user.has_usable_password()):
            raise Http404
        return super().dispatch(request, *args, **kwargs)

    def form_valid(self, form):
        response = super().form_valid(form)
        messages.success(self.request, _("Your password has been changed."))
        return response


@coordinator_required
@require_GET
def emails_undelivered(request):
    """The e-mails that failed (each with "Send again"), and those waiting unusually long."""
    delayed = selectors.emails_delayed()
    delayed_count = delayed.count()
    page = Paginator(selectors.emails_failed(), FAILED_PAGE_SIZE).get_page(request.GET.get("side"))
    delayed = list(delayed[:DELAYED_LIMIT])
    record(request, [*page.object_list, *delayed])  # the recipients' addresses
    return render(request, "core/emails_undelivered.html", {
        "page": page, "delayed": delayed, "delayed_count": delayed_count,
        "delayed_more": delayed_count - DELAYED_LIMIT,
        "delayed_minutes": settings.EMAIL_DELAYED_MINUTES,
    })


@coordinator_required
@require_POST
def email_resend(request, pk):
    """"Send again": a failed e-mail goes back in the queue, recorded as the coordinator's."""
    email = get_object_or_404(OutgoingEmail, pk=pk)
    values = {"subject": email.subject, "to": ", ".join(email.to)}
    if mail.email_resend(email=email, actor=request.user):
        messages.success(request, _("“%(subject)s” to %(to)s is back in the queue and will be "
                                    "sent again in a moment.") % values)
    else:
        messages.info(request, _("“%(subject)s” to %(to)s is not marked as failed any more; "
                                 "nothing was changed.") % values)
    return redirect("emails:undelivered")
