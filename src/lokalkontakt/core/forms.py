# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""Form helpers shared by the apps."""

from django import forms
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext_lazy as _

from lokalkontakt.core.files import allowed_extensions, check_uploads

# A date field's widget: the browser's date picker, the value as ISO (what the picker reads).
DATE_INPUT = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class MultipleFileInput(forms.ClearableFileInput):
    """A file input that takes several files (Django docs, "Uploading multiple files")."""

    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Zero or more files, refused together by core.files.check_uploads with a message that
    names the file."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput())
        kwargs.setdefault("required", False)
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        files = [upload for upload in (data if isinstance(data, list | tuple) else [data]) if upload]
        check_uploads(files)  # first: its messages name the file
        single_file_clean = super().clean
        return [single_file_clean(upload, initial) for upload in files]


class _AttachmentLimits:
    """The help text, rendered lazily so that it follows the active language and the settings."""

    def __str__(self):
        return str(_("Up to %(count)d files of at most %(size)d MB. Allowed types: %(types)s.")
                   % {"count": settings.ATTACHMENT_MAX_FILES,
                      "size": settings.ATTACHMENT_MAX_BYTES // (1024 * 1024),
                      "types": ", ".join(allowed_extensions())})


def attachments_field(label=None) -> MultipleFileField:
    """The attachments field of every form: several files, with the limits in its help text."""
    return MultipleFileField(label=label or _("Attachments"), help_text=_AttachmentLimits())


def apply_service_errors(form, error: ValidationError) -> None:
    """Put a service's ValidationError on the form: per field where the field exists."""
    if hasattr(error, "error_dict"):
        for field, errors in error.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error)


def form_view(request, *, form, template, context, save, success, redirect_to,
              invalid_status: int = 200):
    """GET shows the form; a valid POST calls `save(cleaned_data)`, shows `success(result)` and
    redirects to `redirect_to(result)`; a service's refusal is shown on the form, answered with
    `invalid_status` (400 in the newer apps)."""
    if request.method == "POST" and form.is_valid():
        try:
            result = save(form.cleaned_data)
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            text = success(result)  # a core.recipients.Notice carries its level
            messages.add_message(request, getattr(text, "level", messages.SUCCESS), text)
            return redirect(redirect_to(result))
    return render(request, template, {**context, "form": form},
                  status=invalid_status if form.errors else 200)
