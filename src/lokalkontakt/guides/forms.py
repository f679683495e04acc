# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
from django import forms
from django.utils.translation import gettext_lazy as _

from lokalkontakt.guides.services import NOTE_MAX_LENGTH


class GuideForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200,
                            error_messages={"required": _("Write the guide's title.")})
    body = forms.CharField(
        label=_("Text"), max_length=30000, widget=forms.Textarea(attrs={"rows": 20}),
        error_messages={"required": _("Write the guide's text.")},
        help_text=_("Markdown: **bold**, *italic*, lists with - or 1., links as "
                    "[text](https://…), headings with ## at the start of a line."))
    note = forms.CharField(
        label=_("What did you change?"), max_length=NOTE_MAX_LENGTH, required=False,
        help_text=_("A short note for the history, e.g. “New e-mail address for the "
                    "coordinator”."))
