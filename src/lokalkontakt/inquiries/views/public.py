# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""Public intake and tracking: anyone sends an inquiry; the holder of the tracking link follows
it, writes to the handler and downloads its public files."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from lokalkontakt.areas.models import LocalArea
from lokalkontakt.core.accesslog import record
from lokalkontakt.core.accesslog.record import How
from lokalkontakt.core.files import attachment_response
from lokalkontakt.core.forms import apply_service_errors
from lokalkontakt.core.http import client_address, public
from lokalkontakt.inquiries import selectors
from lokalkontakt.inquiries.forms import InquiryForm, MessageWithFilesForm
from lokalkontakt.inquiries.services.replies import inquiry_follow_up
from lokalkontakt.inquiries.services.submit import inquiry_submit

# The session key under which the receipt page finds the inquiry just sent, once.
SUBMITTED_KEY = "inquiries.submitted"


@public
def new(request):
    """Anyone sends an inquiry; the receipt with the tracking link goes to their e-mail. Success
    redirects to the receipt page (POST/redirect/GET), so reloading it sends nothing again."""
    initial = {}
    if slug := request.GET.get("omraade"):
        initial["area"] = LocalArea.objects.filter(slug=slug).first()
    form = InquiryForm(request.POST or None, request.FILES or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        if form.is_spam:  # the same answer as success, with nothing stored
            return redirect("inquiries:submitted")
        if response := submit(request, form):
            return response
    return render(request, "inquiries/new.html", {"form": form},
                  status=400 if form.errors else 200)


def submit(request, form, **fixed):
    """Submits a valid inquiry form (with `fixed` values the form does not ask for) and redirects
    to the receipt page, or returns None with the service's errors on the form (its files asked
    for again). The public and the council's forms share it."""
    data = {k: v for k, v in form.cleaned_data.items() if k not in {"consent", "website", "address"}}
    try:
        inquiry, _token = inquiry_submit(client=client_address(request), **fixed, **data)
    except ValidationError as error:
        apply_service_errors(form, error)
        form.ask_for_files_again()
        return None
    request.session[SUBMITTED_KEY] = inquiry.pk
    return redirect("inquiries:submitted")


@public
@never_cache
@require_GET
def submitted(request):
    """The receipt page: the reference and where the inquiry went, shown once; afterwards (a
    reload, or the honeypot's answer) a thank-you without details."""
    inquiry = selectors.submitted_inquiry(pk=request.session.pop(SUBMITTED_KEY, None))
    record(request, [inquiry])  # the submitter's e-mail address
    return render(request, "inquiries/submitted.html", {"inquiry": inquiry})


@public
@never_cache
def track(request, token):
    """The submitter's private page: status, public replies, and a follow-up message."""
    inquiry = selectors.inquiry_by_token(token=token)
    form = MessageWithFilesForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            inquiry_follow_up(inquiry=inquiry, text=form.cleaned_data["text"],
                              files=form.cleaned_data["files"])
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(request, _("Your message has been sent."))
            return redirect(request.path)
    record(request, [inquiry])
    # No Referrer-Policy of its own: the project's same-origin (SECURE_REFERRER_POLICY) keeps the
    # private link out of requests to other sites. `no-referrer` would make browsers send
    # `Origin: null` with the follow-up form, which Django's CSRF check refuses (403).
    return render(request, "inquiries/track.html", {
        "inquiry": inquiry, "events": selectors.public_events(inquiry), "form": form,
        "submission_files": selectors.submission_files(inquiry), "token": token},
        status=400 if form.errors else 200)


@public
@never_cache
@require_GET
def track_file(request, token, attachment_pk):
    """A file of the submission or of a public step, for the holder of the tracking link."""
    inquiry = selectors.inquiry_by_token(token=token)
    attachment = selectors.public_attachment_get(inquiry=inquiry, attachment_pk=attachment_pk)
    record(request, [inquiry], how=How.DOWNLOAD)
    response = attachment_response(attachment)
    response["Referrer-Policy"] = "no-referrer"
    return response
