# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""The two actions on the inquiry page that e-mail the submitter, each with a preview: the reply,
and closing with the outcome. "Show the e-mail" (a second submit button; no JavaScript needed)
shows the page again with the e-mail as inquiries.emails renders it (the same function the
service sends with) and the buttons "Send" and "Edit"; chosen files are kept meanwhile
(core.files_kept). The message afterwards says who gets the e-mail, or why nobody does."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from lokalkontakt.core.files_kept import files_discard, files_keep, files_kept, files_open
from lokalkontakt.core.forms import apply_service_errors
from lokalkontakt.core.permissions import staff_required
from lokalkontakt.inquiries import selectors
from lokalkontakt.inquiries.emails import (
    email_preview,
    outcome_email,
    reply_email,
    submitter_address,
)
from lokalkontakt.inquiries.forms import CloseForm, ReplyForm
from lokalkontakt.inquiries.services.handling import inquiry_close
from lokalkontakt.inquiries.services.replies import inquiry_reply
from lokalkontakt.inquiries.views.inquiries import detail_page

PREVIEW, EDIT = "preview", "edit"


def emailed_message(inquiry, *, done: str, sent: str, no_address: str) -> str:
    """What happened and who gets the e-mail, or that nobody does and why."""
    if to := submitter_address(inquiry):
        return f"{done} {sent % {'email': to}}"
    if inquiry.anonymised_at:
        return f"{done} " + _("The citizen's personal data has been deleted, so nobody is "
                               "e-mailed.")
    return f"{done} {no_address}"


def _run(request, inquiry, *, form, form_name, action, kept=(), success) -> object:
    """Send: refused input shows the page again with the form (400), the kept files still kept;
    a refusal of the whole action (e.g. a closed inquiry) is a message."""
    try:
        action()
    except ValidationError as error:
        if hasattr(error, "error_dict") and set(error.error_dict) & set(form.fields):
            apply_service_errors(form, error)
            return detail_page(request, inquiry, status=400, extra={"reply_kept": kept},
                               **{form_name: form})
        messages.error(request, " ".join(error.messages))
    else:
        files_discard(kept, user=request.user)
        messages.success(request, success())
    return redirect(inquiry)


@staff_required
@require_POST
def reply(request, pk):
    inquiry = selectors.inquiry_get(user=request.user, pk=pk)
    form = ReplyForm(request.POST, request.FILES, prefix="reply")
    kept = files_kept(request.POST.getlist("reply-kept"), user=request.user)
    if not form.is_valid() or EDIT in request.POST:
        return detail_page(request, inquiry, status=200 if form.is_valid() else 400,
                           extra={"reply_kept": kept}, reply_form=form)
    text, files = form.cleaned_data["text"], form.cleaned_data["files"]
    if PREVIEW in request.POST:
        kept = [*kept, *files_keep(files, user=request.user)]
        names = [item.name for item in kept]
        email = reply_email(inquiry=inquiry, text=text, actor=request.user, file_names=names)
        return detail_page(request, inquiry, extra={
            "reply_kept": kept, "reply_preview": email_preview(inquiry, email, names)},
            reply_form=form)

    def send():
        opened = files_open(kept, user=request.user)
        try:
            inquiry_reply(inquiry=inquiry, actor=request.user, text=text, files=[*opened, *files])
        finally:
            for file in opened:
                file.close()

    return _run(request, inquiry, form=form, form_name="reply_form", kept=kept, action=send,
        success=lambda: emailed_message(
            inquiry, done=_("The reply is saved on the inquiry."),
            sent=_("An e-mail with the reply is on its way to %(email)s."),
            no_address=_("There is no e-mail address: give the citizen the reply another way.")))


@staff_required
@require_POST
def close(request, pk):
    inquiry = selectors.inquiry_get(user=request.user, pk=pk)
    form = CloseForm(request.POST)
    if not form.is_valid() or EDIT in request.POST:
        return detail_page(request, inquiry, status=200 if form.is_valid() else 400,
                           close_form=form)
    outcome = form.cleaned_data["outcome"]
    if PREVIEW in request.POST:
        email = outcome_email(inquiry=inquiry, outcome=outcome, actor=request.user)
        return detail_page(request, inquiry, extra={"close_preview": email_preview(inquiry, email)},
                           close_form=form)
    return _run(request, inquiry, form=form, form_name="close_form", action=lambda: inquiry_close(
        inquiry=inquiry, actor=request.user, outcome=outcome),
        success=lambda: emailed_message(
            inquiry, done=_("The inquiry is closed."),
            sent=_("An e-mail with the outcome is on its way to %(email)s."),
            no_address=_("There is no e-mail address: tell the citizen about the outcome another "
                         "way.")))
