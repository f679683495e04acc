# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
import datetime

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from lokalkontakt.api.models import ApiKey
from lokalkontakt.api.scopes import Scope
from lokalkontakt.core.forms import DATE_INPUT


def a_year_ahead() -> datetime.date:
    today = timezone.localdate()
    try:
        return today.replace(year=today.year + 1)
    except ValueError:  # 29 February
        return today + datetime.timedelta(days=365)


class ApiKeyForm(forms.Form):
    """A new key: the system that uses it, who runs that system, what it may do and until when
    (api.services.api_key_create checks the scopes and the expiry)."""

    name = forms.CharField(label=_("System"), max_length=ApiKey._meta.get_field("name").max_length,
                           help_text=ApiKey._meta.get_field("name").help_text)
    contact = forms.CharField(label=_("Run by"), required=False,
                              max_length=ApiKey._meta.get_field("contact").max_length,
                              help_text=ApiKey._meta.get_field("contact").help_text)
    scopes = forms.MultipleChoiceField(
        label=_("What the key may do"), choices=Scope.choices, widget=forms.CheckboxSelectMultiple,
        help_text=_("Give the system only what it needs."),
        error_messages={"required": _("Choose at least one of the listed scopes.")})
    expires_on = forms.DateField(label=_("Expires"), widget=DATE_INPUT, initial=a_year_ahead,
                                 help_text=_("The key works until and including this day, at "
                                             "most two years ahead."))
