# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""The actions on the inquiry page: acknowledge, comment, forward, tag (reply and close, which
e-mail the submitter, are in views.replies)."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from lokalkontakt.core.forms import apply_service_errors
from lokalkontakt.core.permissions import staff_required
from lokalkontakt.core.recipients import reach_notice
from lokalkontakt.inquiries import selectors
from lokalkontakt.inquiries.forms import (
    CoreAreaForwardForm,
    FocusAreasForm,
    ForwardForm,
    MessageWithFilesForm,
)
from lokalkontakt.inquiries.services.forwarding import (
    inquiry_forward,
    inquiry_forward_to_core_area,
    inquiry_reassign,
)
from lokalkontakt.inquiries.services.handling import (
    inquiry_acknowledge,
    inquiry_comment,
    inquiry_tag,
)
from lokalkontakt.inquiries.views.inquiries import detail_page


def _act(request, pk, action, form=None, form_name="", success=""):
    """Run an action from the inquiry page. Refused input shows the page again with the form's
    messages per field (400); a refusal by the service (e.g. a closed inquiry) is a message.
    `success` is the message, or a function of the form's data that returns it."""
    inquiry = selectors.inquiry_get(user=request.user, pk=pk)
    if form is not None and not form.is_valid():
        return detail_page(request, inquiry, status=400, **{form_name: form})
    try:
        action(inquiry, form.cleaned_data if form is not None else {})
    except ValidationError as error:
        if form is not None and hasattr(error, "error_dict") and set(error.error_dict) & set(
                form.fields):
            apply_service_errors(form, error)
            return detail_page(request, inquiry, status=400, **{form_name: form})
        messages.error(request, " ".join(error.messages))
    else:
        data = form.cleaned_data if form is not None else {}
        text = success(data) if callable(success) else success  # a Notice carries its level
        messages.add_message(request, getattr(text, "level", messages.SUCCESS), text)
    return redirect(inquiry)


@staff_required
@require_POST
def acknowledge(request, pk):
    return _act(request, pk, lambda i, d: inquiry_acknowledge(inquiry=i, actor=request.user),
                success=_("The inquiry is acknowledged."))


@staff_required
@require_POST
def comment(request, pk):
    return _act(request, pk, lambda i, d: inquiry_comment(
        inquiry=i, actor=request.user, text=d["text"], files=d["files"]),
        form=MessageWithFilesForm(request.POST, request.FILES, prefix="comment"),
        form_name="comment_form", success=_("The comment is saved."))


@staff_required
@require_POST
def forward(request, pk):
    done = {}

    def act(inquiry, data):
        service = inquiry_reassign if data["action"] == "reassign" else inquiry_forward
        done["inquiry"] = service(inquiry=inquiry, employee=data["employee"], note=data["note"],
                                  actor=request.user)

    def success(data):
        if data["action"] == "reassign":
            lead = _("The inquiry has been handed over to %(name)s.")
        else:
            lead = _("The inquiry is forwarded to %(name)s.")
        return reach_notice(lead % {"name": data["employee"].name}, done["inquiry"].reach)

    return _act(request, pk, act, form=ForwardForm(request.POST, prefix="forward"),
                form_name="forward_form", success=success)


@staff_required
@require_POST
def forward_core_area(request, pk):
    done = {}

    def act(inquiry, data):
        done["inquiry"] = inquiry_forward_to_core_area(
            inquiry=inquiry, core_area=data["core_area"], note=data["note"], actor=request.user)

    return _act(request, pk, act,
        form=CoreAreaForwardForm(request.POST, prefix="corearea"), form_name="core_area_form",
        success=lambda data: reach_notice(_("The inquiry is forwarded to %(name)s.") % {
            "name": data["core_area"].name}, done["inquiry"].reach))


@staff_required
@require_POST
def tag(request, pk):
    return _act(request, pk, lambda i, d: inquiry_tag(
        inquiry=i, focus_areas=d["focus_areas"], actor=request.user),
        form=FocusAreasForm(request.POST), form_name="focus_form",
        success=_("The focus areas are saved."))
